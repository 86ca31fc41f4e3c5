"""The browser the browser tests and benchmarks drive is found, not assumed
(scripts/find_browser.py): KB_BROWSER, then the usual places; only a browser that starts counts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import find_browser

SNAP_WRAPPER = """#!/bin/sh
echo "Command '$0' requires the chromium snap to be installed." >&2
exit 1
"""


def fake_browser(path: Path, text: str = 'echo "Chromium 1.2.3"') -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text.startswith("#!") else f"#!/bin/sh\n{text}\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def test_on_this_machine_debians_headless_shell_is_found_and_chromium_for_a_whole_browser():
    path, version = find_browser.find_browser({})
    assert path == Path("/usr/bin/chromium-headless-shell") and version.startswith("Chromium ")
    whole, same = find_browser.find_browser({}, full=True)
    assert whole == Path("/usr/bin/chromium") and same.startswith(version)  # one Debian version


def test_the_headless_shell_comes_first_unless_a_whole_browser_is_asked_for(tmp_path: Path, monkeypatch):
    shell = fake_browser(tmp_path / "usr/bin/chromium-headless-shell", 'echo "Chromium 150.1"')
    chromium = fake_browser(tmp_path / "usr/bin/chromium", 'echo "Chromium 150.1 built on Debian"')
    monkeypatch.setattr(find_browser, "SHELL", shell)
    monkeypatch.setattr(find_browser, "SYSTEM", (chromium,))
    environ = {"PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "pw")}
    assert find_browser.find_browser(environ) == (Path(shell), "Chromium 150.1")
    assert find_browser.find_browser(environ, full=True) == (Path(chromium), "Chromium 150.1 built on Debian")
    Path(shell).unlink()  # a Debian without the package: the full browser, as before
    assert find_browser.find_browser(environ)[0] == Path(chromium)


def test_a_browser_that_does_not_start_is_passed_over(tmp_path: Path, monkeypatch):
    wrapper = fake_browser(tmp_path / "usr/bin/chromium", SNAP_WRAPPER)
    chrome = fake_browser(tmp_path / "usr/bin/google-chrome", 'echo "Google Chrome 140.0"')
    monkeypatch.setattr(find_browser, "SHELL", str(tmp_path / "usr/bin/chromium-headless-shell"))
    monkeypatch.setattr(find_browser, "SYSTEM", (wrapper, chrome, str(tmp_path / "none")))
    assert find_browser.find_browser({"PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "pw")}) == (
        Path(chrome),
        "Google Chrome 140.0",
    )


def test_playwrights_own_browser_comes_last_newest_first_its_headless_shell_before_it(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(find_browser, "SHELL", str(tmp_path / "none"))
    monkeypatch.setattr(find_browser, "SYSTEM", (str(tmp_path / "none"),))
    fake_browser(tmp_path / "pw/chromium-1180/chrome-linux/chrome")
    newest = fake_browser(tmp_path / "pw/chromium-1200/chrome-linux64/chrome")
    environ = {"PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "pw")}
    assert find_browser.find_browser(environ)[0] == Path(newest)
    fake_browser(tmp_path / "pw/chromium_headless_shell-1180/chrome-linux/headless_shell")
    shell = fake_browser(
        tmp_path / "pw/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell"
    )
    assert find_browser.find_browser(environ)[0] == Path(shell)
    assert find_browser.find_browser(environ, full=True)[0] == Path(newest)


def test_kb_browser_is_used_alone_and_a_wrong_one_is_an_error(tmp_path: Path, monkeypatch):
    chosen = fake_browser(tmp_path / "oma/chrome", 'echo "Chromium 99"')
    assert find_browser.find_browser({"KB_BROWSER": chosen}) == (Path(chosen), "Chromium 99")
    with pytest.raises(find_browser.BrowserNotFound, match=r"KB_BROWSER=/ei/ole ei ole käynnistyvä selain"):
        find_browser.find_browser({"KB_BROWSER": "/ei/ole"})  # no fallback to /usr/bin/chromium


def test_without_any_browser_the_message_says_what_to_do(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(find_browser, "SHELL", str(tmp_path / "chromium-headless-shell"))
    monkeypatch.setattr(find_browser, "SYSTEM", (str(tmp_path / "chromium"),))
    with pytest.raises(find_browser.BrowserNotFound) as missing:
        find_browser.find_browser({"PLAYWRIGHT_BROWSERS_PATH": str(tmp_path)})
    assert "sudo apt-get install chromium-headless-shell chromium" in str(missing.value)
    assert "playwright install chromium" in str(missing.value)
    assert "KB_BROWSER=" in str(missing.value)


def test_make_and_the_install_script_use_the_same_finder(tmp_path: Path):
    env = dict(os.environ, KB_BROWSER=fake_browser(tmp_path / "chrome", 'echo "Chromium 7"'))
    done = subprocess.run([REPO / "scripts/install-browser"], env=env, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, f"Selain: {env['KB_BROWSER']} (Chromium 7)\n")
    env["KB_BROWSER"] = str(tmp_path / "puuttuu")
    done = subprocess.run([REPO / "scripts/install-browser"], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "ei ole käynnistyvä selain" in done.stderr
    assert "install-browser" in (REPO / "Makefile").read_text(encoding="utf-8")
