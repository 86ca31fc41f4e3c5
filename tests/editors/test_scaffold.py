"""new: a fresh entry file with every field, a unique id, and placeholders that check reports."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from generator.content import model as m
from generator.content.fields import Model
from generator.editors.scaffold import slug

FILLED = {  # what an editor writes in place of each placeholder
    '"TÄYTÄ: true tai false"': "true",
    '"TÄYTÄ: määrällinen, laadullinen tai molemmat"': "molemmat",
    '"TÄYTÄ: lähdejulkaisun luvun otsikko"': "Toinen luku",
}


def fill(text: str) -> str:
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder, value)
    text = re.sub(r'"TÄYTÄ: [^"]*"', '"Toimituksen teksti."', text)
    return re.sub(r"TÄYTÄ: .*", "Sanasta sanaan.", text)


def keys(model, data: dict) -> None:
    """The file holds exactly the model's fields, nested models included."""
    assert list(data) == list(model.model_fields)
    for name, field in model.model_fields.items():
        if isinstance(field.annotation, type) and issubclass(field.annotation, Model):
            keys(field.annotation, data[name])


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hyvä käytäntö: Åbo & Öljy – osallisuus! (2024)", "hyva-kaytanto-abo-oljy-osallisuus-2024"),
        ("  Johdon   sitoutuminen ", "johdon-sitoutuminen"),
        ("Yksi kaksi kolme neljä viisi kuusi seitsemän", "yksi-kaksi-kolme-nelja-viisi-kuusi"),
        ("Café Øresund – KV-polku", "cafe-oresund-kv-polku"),
    ],
)
def test_slug(title: str, expected: str):
    assert slug(title) == expected


@pytest.mark.parametrize(
    ("kind", "folder", "model"),
    [
        ("lainaus", "quotes", m.Quote),
        ("pair", "pairs", m.Pair),
        ("teema", "themes", m.Theme),
    ],
)
def test_new_entry_fails_until_filled_then_passes(run_cli, content: Path, kind: str, folder: str, model):
    themes = [] if folder == "themes" else ["--theme", "osallisuus", "--theme", "viestinta"]
    code, out, err = run_cli("new", kind, "--title", "Uusi hyvä käytäntö", *themes, "--content", str(content))
    path = content / folder / "uusi-hyva-kaytanto.yml"
    assert (code, out) == (0, f"{path}\n"), err
    text = path.read_text(encoding="utf-8")
    assert (
        text.splitlines()[0]
        == f"# yaml-language-server: $schema={os.path.relpath(REPO / 'schemas', path.parent)}/"
        f"{'quote' if folder == 'quotes' else 'pair' if folder == 'pairs' else 'theme'}.schema.json"
    )
    data = yaml.safe_load(text)
    keys(model, data)
    assert data["id"] == "uusi-hyva-kaytanto"

    code, out, _ = run_cli("check", str(content))
    placeholders = text.count("TÄYTÄ:") - 1  # the header comment names the marker once
    assert code == 1 and len(out.splitlines()) == placeholders
    assert all("on vielä täyttämättä: korvaa mallipohjan teksti 'TÄYTÄ:" in line for line in out.splitlines())

    path.write_text(fill(text), encoding="utf-8")
    code, out, err = run_cli("check", str(content))
    assert (code, out) == (0, ""), out


def test_quote_placeholders_are_reported_with_positions(run_cli, content: Path):
    run_cli("new", "quote", "--title", "Uusi", "--theme", "osallisuus", "--content", str(content))
    code, out, _ = run_cli("check", str(content))
    path = content / "quotes" / "uusi.yml"
    assert code == 1
    assert out.splitlines() == [
        f"{path}:11:7: kenttä 'text' on vielä täyttämättä: korvaa mallipohjan teksti 'TÄYTÄ: lainaus sanasta "
        "sanaan' omalla sisällöllä",
        f"{path}:34:12: kenttä 'source.section' on vielä täyttämättä: korvaa mallipohjan teksti 'TÄYTÄ: "
        "lähdejulkaisun luvun otsikko' omalla sisällöllä",
        f"{path}:36:10: kenttä 'context' on vielä täyttämättä: korvaa mallipohjan teksti 'TÄYTÄ: lähteen "
        "virke, joka esittelee lainauksen' omalla sisällöllä",
    ]


def test_without_a_theme_check_asks_for_one(run_cli, content: Path):
    run_cli("new", "pari", "--title", "Uusi", "--content", str(content))
    path = content / "pairs" / "uusi.yml"
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = run_cli("check", str(content))
    assert (code, out.splitlines()) == (1, [f"{path}:22:9: merkinnällä pitää olla vähintään yksi teema"])


def test_taken_ids_and_former_ids_get_a_number(run_cli, content: Path):
    quote = content / "quotes" / "viestimme-avoimesti.yml"
    quote.write_text(quote.read_text(encoding="utf-8") + "former_ids: [kaikki-mukaan-2]\n", encoding="utf-8")
    code, out, _ = run_cli("new", "theme", "--title", "Kaikki mukaan!", "--content", str(content))
    assert (code, out) == (0, f"{content}/themes/kaikki-mukaan-3.yml\n")
    code, out, _ = run_cli("new", "theme", "--title", "Kaikki mukaan", "--content", str(content))
    assert (code, out) == (0, f"{content}/themes/kaikki-mukaan-4.yml\n")


def test_unknown_theme_is_a_usage_error_with_a_suggestion(run_cli, content: Path):
    before = sorted(content.rglob("*"))
    code, out, err = run_cli(
        "new", "quote", "--title", "X", "--theme", "osalisuus", "--content", str(content)
    )
    assert (code, out) == (2, "")
    assert err == (
        "virhe: teemaa 'osalisuus' ei ole (tunnetut: osallisuus, viestinta); tarkoititko 'osallisuus'?\n"
    )
    assert sorted(content.rglob("*")) == before


def test_usage_errors(run_cli, content: Path):
    assert run_cli("new", "quote", "--content", str(content)) == (
        2,
        "",
        'virhe: anna otsikko: --title "Otsikko"\n',
    )
    code, _, err = run_cli("new", "theme", "--title", "X", "--theme", "osallisuus", "--content", str(content))
    assert (code, err) == (2, "virhe: --theme sopii vain lainauksille ja pareille\n")
    code, _, err = run_cli("new", "quote", "--title", "!!!", "--content", str(content))
    assert (code, err) == (
        2,
        "virhe: otsikosta '!!!' ei saa tunnistetta; kirjoita otsikkoon kirjaimia tai numeroita\n",
    )
    assert run_cli("new", "lainuas", "--title", "X", "--content", str(content))[0] == 2


def test_title_is_asked_on_a_terminal(content: Path):
    main, terminal = pty.openpty()
    try:
        done = subprocess.Popen(
            [sys.executable, "-m", "generator", "new", "teema", "--content", str(content)],
            cwd=REPO,
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        os.write(main, b"Uusi teema\n")
        out, err = done.communicate(timeout=30)
    finally:
        os.close(main)
        os.close(terminal)
    assert done.returncode == 0, err
    assert out == f"{content}/themes/uusi-teema.yml\n"
    assert err.startswith("Otsikko: ")
    assert yaml.safe_load((content / "themes" / "uusi-teema.yml").read_text(encoding="utf-8"))["order"] == 3
