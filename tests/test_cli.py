"""cli: exit codes, output format, KB_CONTENT, and the generated tree on disk."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, write_tree

from generator.cli import main
from generator.pipeline import build_pages

LINE = re.compile(r"^[^:]+:\d+:\d+: .+$")


def test_check_clean_tree_exits_0(run_cli, content: Path):
    code, out, err = run_cli("check", str(content))
    assert (code, out) == (0, "")
    assert "Sisältö kunnossa: 2 lainausta, 1 tavoite–mittari-paria, 2 teemaa." in err


def test_check_reports_every_problem_sorted_with_relative_paths(run_cli, content: Path):
    write_tree(
        content,
        {
            "quotes/b.yml": "id: b\ntitle: [\n",
            "quotes/a.yml": "id: a\n",
        },
    )
    code, out, err = run_cli("check", "content", cwd=content.parent)
    lines = out.splitlines()
    assert code == 1
    assert all(LINE.match(line) for line in lines), lines
    assert lines == sorted(lines)
    assert lines[0] == "content/quotes/a.yml:1:1: pakollinen kenttä 'applicant_types' puuttuu"
    assert lines[-1] == (
        "content/quotes/b.yml:3:1: YAML-syntaksivirhe: arvo puuttuu tai jää kesken; "
        "tarkista sulkeet ja lainausmerkit"
    )
    assert err.strip().endswith("ongelmaa.")


def test_usage_errors_exit_2(run_cli, tmp_path: Path):
    assert run_cli("check", str(tmp_path / "ei-ole"))[0] == 2
    assert run_cli("frobnicate")[0] == 2
    assert run_cli("generate")[0] == 2  # --out is required


def test_kb_content_overrides_the_default(content: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no practices/ here: only KB_CONTENT names the content
    monkeypatch.setenv("KB_CONTENT", str(content))
    code = main(["check"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "2 lainausta" in err


def test_no_traceback_for_hostile_content(run_cli, content: Path):
    """Through the command line's own entry: an exception would end the test with its traceback."""
    write_tree(content, {"quotes/x.yml": b"\xff\xfe\x00garbage", "pairs/y.yml": "- [\n"})
    code, out, err = run_cli("check", str(content), cwd=REPO)
    assert code == 1
    assert "Traceback" not in out + err


def test_generate_writes_generated_and_hand_written_pages(run_cli, content: Path, tmp_path: Path):
    docs = write_tree(tmp_path / "docs", {"ohje.md": "# Ohje\n"})
    out = tmp_path / "out"
    code, _, err = run_cli("generate", "--out", str(out), "--content", str(content), "--docs", str(docs))
    assert code == 0, err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    pages = build_pages(content).pages or {}
    files = [
        "data/practices.csv",
        "data/practices.json",
        "data/schema.json",
        "assets/charts/hakemukset-2020.svg",
        "data/suunnitelma.json",
        "haku/synonyymit.json",
        "haku/teemat.json",
    ]
    assert written == sorted(
        [
            *pages,
            "ohje.md",
            "sv/ohje.md",  # the Swedish edition's page for a hand-written page it has no translation of
            *files,
            *(f"sv/{f}" for f in files),  # each edition's (the Swedish search files its own)
            ".kb-tuotos",  # marks the folder as this command's output, which the next run may replace
        ]
    )
    assert {
        "index.md",
        "lainaukset/kaikki-mukaan.md",
        "lainaukset/viestimme-avoimesti.md",
        "tavoitteet/osallistujamaarat.md",
        "teemat/osallisuus.md",
        "teemat/viestinta.md",
        "sektorit/ei-mainittu.md",
        "hakijatyypit/konsortio.md",
        "laatustandardit/index.md",
        "painopisteet/index.md",
        "tavoitetaulukko.md",
        "avoin-data.md",
        "haku.md",
    } <= set(written)
    # and the Swedish edition's page for the hand-written page (sv/ohje.md), generated with it
    assert f"Kirjoitettu {len(pages) + 1} sivua" in err


def test_generate_on_broken_content_writes_nothing(run_cli, content: Path, tmp_path: Path):
    write_tree(content, {"quotes/a.yml": "id: a\n"})
    out = tmp_path / "out"
    code, out_text, _ = run_cli("generate", "--out", str(out), "--content", str(content))
    assert code == 1
    assert not out.exists()
    assert "pakollinen kenttä" in out_text


def test_check_github_format_annotates_the_line(run_cli, content: Path, tmp_path: Path):
    copy = tmp_path / "kopio,1"
    content.rename(copy)
    for name, old, new in [
        ("kaikki-mukaan", "themes: [osallisuus]", "themes: [osalisuus]"),
        ("viestimme-avoimesti", "sectors: []", 'sectors: ["50%"]'),
    ]:
        quote = copy / "quotes" / f"{name}.yml"
        quote.write_text(quote.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "github", "kopio,1", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "::error file=kopio%2C1/quotes/kaikki-mukaan.yml,line=11,col=10::teema 'osalisuus' ei ole määritelty "
        "(tunnetut: osallisuus, viestinta); tarkoititko 'osallisuus'?",
        "::error file=kopio%2C1/quotes/viestimme-avoimesti.yml,line=5,col=11::kentän 'sectors[1]' arvo '50%25' "
        "ei kelpaa tunnisteeksi: käytä pieniä kirjaimia a–z, numeroita ja yksittäisiä väliviivoja (ä → a, ö → o)",
    ]


def test_a_line_break_in_a_value_never_splits_a_message(run_cli, content: Path):
    quote = content / "quotes" / "kaikki-mukaan.yml"
    quote.write_text(
        quote.read_text(encoding="utf-8").replace(
            "section: Ensimmäinen luku", 'section: "Ensimmäinen\\nluku"'
        ),
        encoding="utf-8",
    )
    code, out, _ = run_cli("check", str(content))
    assert code == 1
    assert out.splitlines() == [
        f"{quote}:15:12: luku 'Ensimmäinen luku' ei ole lähteen 'testiraportti' lukuluettelossa; "
        "tarkoititko 'Ensimmäinen luku'?"
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "python -m generator: virhe: pakollinen argumentti puuttuu: KOMENTO"),
        (
            ["chek"],
            "python -m generator: virhe: argumentti KOMENTO: tuntematon valinta 'chek' (valitse jokin "
            "näistä: 'check', 'generate', 'build', 'new', 'schemas', 'search')",
        ),
        (
            ["check", "--format", "xml"],
            "python -m generator check: virhe: argumentti --format: tuntematon valinta 'xml' (valitse "
            "jokin näistä: 'text', 'github')",
        ),
        (["check", "--kieli"], "python -m generator: virhe: tuntemattomia argumentteja: --kieli"),
        (["generate"], "python -m generator generate: virhe: pakollinen argumentti puuttuu: --out"),
        (["generate", "--out"], "python -m generator generate: virhe: argumentti --out: arvo puuttuu"),
    ],
)
def test_usage_errors_are_in_finnish(run_cli, args, message):
    code, out, err = run_cli(*args)
    assert code == 2 and out == ""
    assert err.startswith("käyttö: python -m generator")
    assert err.splitlines()[-1] == message


def test_help_is_in_finnish(run_cli):
    code, out, _ = run_cli("check", "--help")
    assert code == 0
    assert out.startswith("käyttö: ") and "valitsimet:" in out and "näytä tämä ohje ja lopeta" in out
    assert "usage" not in out and "options:" not in out


def test_output_piped_into_head_ends_quietly(tmp_path: Path):
    """`check | head -1`: the reader goes away early; no traceback, exit status 1 (problems).
    500 files of about 600 bytes of problems each: over four times what a pipe holds (64 KiB), so
    the writer is still writing when the reader has gone."""
    for i in range(500):
        write_tree(tmp_path / "content", {f"quotes/x{i}.yml": f"id: x{i}\n"})
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "check", "content"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 1
    assert first.startswith(b"content/quotes/x0.yml:1:1: ")
    assert err == "", err
