"""Values nobody means are positioned Finnish messages, never a traceback, a hang or a quiet pass:
huge numbers, text of invisible characters only, characters that reverse the text around them
(in every field), glossary terms without letters, priority ids that are already an element id of
their page, and files in the content that are not regular files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser.hostile import write_hostile_tree
from conftest import edit, messages, write_tree
from every_field import accepts, all_fields, fill_tree, problems_are_positioned

from generator.content.load import BIDI_CONTROLS
from generator.pipeline import check


@pytest.mark.parametrize("digits", [31, 4301, 100_000])
def test_a_huge_number_is_a_positioned_message_and_no_traceback(content: Path, digits: int, run_cli):
    """Through the command line's own entry: an exception would end the test with its traceback."""
    edit(content, "statistics.yml", "value: 11\n", f"value: {'1' * digits}\n")
    code, out, err = run_cli("check", str(content))
    assert code == 1, err
    assert out.splitlines() == [
        f"{content}/statistics.yml:7:12: luku on liian pitkä ({digits} merkkiä, enintään 30); tarkista arvo"
    ]


@pytest.mark.parametrize(
    "invisible",
    ["\u200b\u200b", "\u200b \u200c\u200d\u2060", "\ufeff", "\u3164", "\u00ad", "\u0301\u0301", "\u2800"],
)
def test_a_title_of_invisible_characters_only_is_refused(content: Path, invisible: str):
    edit(content, "themes/osallisuus.yml", "title: Osallisuus", f'title: "{invisible}"')
    assert messages(content) == [
        "osallisuus.yml:3:8: kenttä 'title': tekstissä on vain näkymättömiä merkkejä (esim. U+200B); "
        "kirjoita näkyvä teksti"
    ]


def test_text_with_an_invisible_character_among_visible_ones_passes(content: Path):
    edit(content, "themes/osallisuus.yml", "title: Osallisuus", 'title: "Osal\u00adlisuus\u200b"')
    assert messages(content) == []


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_a_bidirectional_control_character_is_refused_where_it_stands(content: Path, char: str):
    edit(content, "themes/osallisuus.yml", "title: Osallisuus", f"title: Osall{char}isuus")
    assert messages(content) == [
        f"osallisuus.yml:3:8: tekstissä on näkymätön suunnanvaihtomerkki (U+{ord(char):04X}), joka kääntää "
        "ympäröivän tekstin järjestyksen; poista se"
    ]


def test_a_bidirectional_control_character_is_refused_in_every_field_of_every_kind(tmp_path: Path):
    """Every text field of every kind gets U+202E: each value holding it is one positioned problem,
    and nothing else is reported."""
    root = write_hostile_tree(tmp_path / "content")
    filled = fill_tree(root, lambda f: f"Teksti {f.name} \u202etxt.exe", "Luku \u202e1")
    assert len(filled) >= 39
    problems = check(root).problems
    assert problems and problems_are_positioned(problems)
    assert {p.message for p in problems} == {
        "tekstissä on näkymätön suunnanvaihtomerkki (U+202E), joka kääntää ympäröivän tekstin "
        "järjestyksen; poista se"
    }
    holding = {
        (path.resolve(), number)
        for path in root.rglob("*.yml")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "\u202e" in line
    }
    assert {(Path(p.path).resolve(), p.line) for p in problems} == holding


def test_a_key_with_a_bidirectional_control_character_is_refused(content: Path):
    edit(content, "themes/osallisuus.yml", "title: Osallisuus", "title\u202e: Osallisuus")
    assert any(
        "suunnanvaihtomerkki (U+202E)" in m and m.startswith("osallisuus.yml:3:1:") for m in messages(content)
    )


@pytest.mark.parametrize("term", ["2021", "1", "3.14", "-", "%", "2020–2021"])
def test_a_glossary_term_without_letters_is_refused(content: Path, term: str):
    edit(content, "glossary.yml", "term: TO\n", f"term: '{term}'\n")
    assert messages(content) == [
        "glossary.yml:4:11: kenttä 'term': termissä pitää olla kirjaimia; pelkkä luku tai merkki saisi "
        "vihjeen kaikkialle"
    ]


def test_a_glossary_form_without_letters_is_refused(content: Path):
    edit(content, "glossary.yml", "      - TO-hanke\n", "      - '2020'\n")
    found = messages(content)
    assert len(found) == 1 and re.fullmatch(
        r"glossary\.yml:\d+:\d+: kenttä 'forms\[\d\]': termissä pitää olla kirjaimia; pelkkä luku tai "
        r"merkki saisi vihjeen kaikkialle",
        found[0],
    ), found


@pytest.mark.parametrize("taken", ["painopisteet", "kb-search-input", "kb-search-results", "kb-uusi"])
def test_a_priority_id_that_is_already_an_element_id_of_its_page_is_refused(content: Path, taken: str):
    edit(content, "vocabularies/priorities.yml", "- id: osallisuus-ja-monimuotoisuus", f"- id: {taken}")
    found = messages(content)
    assert (
        f"priorities.yml:2:7: tunniste '{taken}' on jo painopistesivun oman osan tunniste (osoite "
        f"painopisteet/#{taken} veisi siihen); valitse toinen"
    ) in found


def test_a_former_priority_id_that_is_an_element_id_is_refused(content: Path):
    edit(
        content,
        "vocabularies/priorities.yml",
        "  label: Osallisuus ja monimuotoisuus",
        "  label: Osallisuus ja monimuotoisuus\n  former_ids: [painopisteet]",
    )
    assert messages(content) == [
        "priorities.yml:4:16: tunniste 'painopisteet' on jo painopistesivun oman osan tunniste (osoite "
        "painopisteet/#painopisteet veisi siihen); valitse toinen"
    ]


def test_check_names_and_skips_a_fifo_and_does_not_hang(content: Path):
    fifo = content / "quotes" / "putki.yml"
    os.mkfifo(fifo)
    write_tree(content, {})
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check", str(content)],
        capture_output=True,
        text=True,
        timeout=30,
        env={k: v for k, v in os.environ.items() if k != "KB_CONTENT"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.splitlines()[0] == (
        f"{fifo}:1:1: varoitus: ei ole tavallinen tiedosto (putki, pistoke tai laite), joten sitä ei "
        "lueta; poista se sisältökansiosta"
    )


def test_every_text_field_of_every_kind_refuses_invisible_only_text(tmp_path: Path):
    root = write_hostile_tree(tmp_path / "content")
    text_fields = [f for f in all_fields(root) if f.kind in ("text", "text-list")]
    assert len(text_fields) >= 39
    accepting = [f.name for f in text_fields if accepts(f, "\u200b\u2060\u00ad")]
    assert accepting == []
