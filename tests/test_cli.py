"""cli: exit codes, output format, KB_CONTENT, and the generated tree on disk."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, write_tree

LINE = re.compile(r"^[^:]+:\d+:\d+: .+$")


def test_check_clean_tree_exits_0(run_cli, content: Path):
    code, out, err = run_cli("check", str(content))
    assert (code, out) == (0, "")
    assert "Sisältö kunnossa: 2 lainausta, 1 tavoite–mittari-paria, 2 teemaa." in err


def test_check_reports_every_problem_sorted_with_relative_paths(run_cli, content: Path):
    write_tree(content, {
        "quotes/b.yml": "id: b\ntitle: [\n",
        "quotes/a.yml": "id: a\n",
    })
    code, out, err = run_cli("check", "content", cwd=content.parent)
    lines = out.splitlines()
    assert code == 1
    assert all(LINE.match(line) for line in lines), lines
    assert lines == sorted(lines)
    assert lines[0] == "content/quotes/a.yml:1:1: pakollinen kenttä 'applicant_types' puuttuu"
    assert lines[-1] == "content/quotes/b.yml:3:1: YAML-syntaksivirhe: did not find expected node content"
    assert err.strip().endswith("ongelmaa.")


def test_usage_errors_exit_2(run_cli, tmp_path: Path):
    assert run_cli("check", str(tmp_path / "ei-ole"))[0] == 2
    assert run_cli("frobnicate")[0] == 2
    assert run_cli("generate")[0] == 2  # --out is required


def test_kb_content_overrides_the_default(content: Path, tmp_path: Path):
    env = dict(os.environ, KB_CONTENT=str(content))
    done = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 lainausta" in done.stderr


def test_no_traceback_for_hostile_content(content: Path, tmp_path: Path):
    write_tree(content, {"quotes/x.yml": b"\xff\xfe\x00garbage", "pairs/y.yml": "- [\n"})
    done = subprocess.run([sys.executable, "-m", "generator", "check", str(content)], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr


def test_generate_writes_generated_and_hand_written_pages(run_cli, content: Path, tmp_path: Path):
    docs = write_tree(tmp_path / "docs", {"ohje.md": "# Ohje\n"})
    out = tmp_path / "out"
    code, _, err = run_cli("generate", "--out", str(out), "--content", str(content), "--docs", str(docs))
    assert code == 0, err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert written == [
        "haku.md", "index.md", "lainaukset/index.md", "lainaukset/kaikki-mukaan.md",
        "lainaukset/viestimme-avoimesti.md", "ohje.md", "tavoitteet/index.md",
        "tavoitteet/osallistujamaarat.md", "teemat/index.md", "teemat/osallisuus.md",
        "teemat/viestinta.md", "tietoa.md",
    ]
    assert "Kirjoitettu 11 sivua" in err


def test_generate_on_broken_content_writes_nothing(run_cli, content: Path, tmp_path: Path):
    write_tree(content, {"quotes/a.yml": "id: a\n"})
    out = tmp_path / "out"
    code, out_text, _ = run_cli("generate", "--out", str(out), "--content", str(content))
    assert code == 1
    assert not out.exists()
    assert "pakollinen kenttä" in out_text
