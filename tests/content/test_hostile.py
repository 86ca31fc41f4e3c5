"""Broken and hostile content, through the real command line: one positioned Finnish message,
exit status 1, no traceback, nothing run and nothing written — for every row of the table."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, write_tree


def quote(id_: str, **fields: str | None) -> str:
    """A valid quote, with some fields replaced (or dropped with None) and extra lines appended."""
    lines = {
        "id": f"id: {id_}",
        "title": "title: Otsikko",
        "text": "text: Teksti.",
        "sectors": "sectors: []",
        "applicant_types": "applicant_types: []",
        "themes": "themes: [osallisuus]",
        "source": "source:\n  document: testiraportti\n  section: Toinen luku",
        "context": "context: Johdanto.",
    }
    extra = fields.pop("extra", None)
    for key, value in fields.items():
        lines[key] = value
    return "\n".join(v for v in lines.values() if v is not None) + "\n" + (extra or "")


PAIR = """id: kaikki-mukaan
objective: Tavoite.
indicator: Mittari.
sectors: []
applicant_types: []
themes: [osallisuus]
source: {document: testiraportti, section: Toinen luku}
annotation: {data_source: true, collection: true, responsible: true, timing: true, processing: true,
  reporting: true, evaluation: true, measure_type: molemmat}
"""
BOMB = (
    "sectors: [&a0 [x, x, x, x, x, x, x, x, x], "
    + ", ".join(f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12))
    + "]"
)
LARGE = quote("suuri", text="text: " + "a" * 600_000)
SOURCES = (FIXTURE_SITE / "vocabularies" / "sources.yml").read_text(encoding="utf-8")
ALIAS = "ankkurit ja viittaukset (& ja *) eivät ole sallittuja; kirjoita arvo auki"


@dataclass
class Case:
    name: str
    files: dict[str, str | bytes]
    first: str
    """The first (usually only) line of output, exactly, path relative to the working directory."""
    count: int = 1
    symlink: dict[str, str] = field(default_factory=dict)
    also: list[str] = field(default_factory=list)
    """Other files a message is on (an id two files share is reported on both)."""


def cases(marker: Path) -> list[Case]:
    return [
        Case(
            "yaml-syntax",
            {"quotes/syntaksi.yml": "id: syntaksi\ntitle: [auki\n"},
            "quotes/syntaksi.yml:2:8: YAML-syntaksivirhe: hakasulkeella [ alkava luettelo ei sulkeudu; "
            "lisää loppuun ] ja erota kohdat pilkuilla",
        ),
        Case(
            "tab-indentation",
            {"quotes/sarkain.yml": "id: sarkain\nsource:\n\tdocument: x\n"},
            "quotes/sarkain.yml:3:1: YAML-syntaksivirhe: sarkainmerkki (tab) ei kelpaa YAML-tiedostoon; "
            "sisennä välilyönneillä",
        ),
        Case("empty-file", {"quotes/tyhja.yml": ""}, "quotes/tyhja.yml:1:1: tiedosto on tyhjä"),
        Case(
            "not-utf8",
            {"quotes/latin.yml": quote("latin", title="title: Hyvä").encode("latin-1")},
            "quotes/latin.yml:2:11: tiedosto ei ole UTF-8-muodossa; tallenna se UTF-8:na",
        ),
        Case(
            "control-character",
            {"quotes/ohjaus.yml": quote("ohjaus", title="title: Otsi\x00kko")},
            "quotes/ohjaus.yml:2:12: tiedostossa on näkymätön ohjausmerkki (U+0000), jota YAML ei salli; "
            "poista se",
        ),
        Case(
            "python-tag",
            {
                "quotes/python.yml": quote(
                    "python", title=f"title: !!python/object/apply:os.system ['touch {marker}']"
                )
            },
            "quotes/python.yml:2:8: YAML-tunniste 'tag:yaml.org,2002:python/object/apply:os.system' ei ole "
            "sallittu; sisältö on pelkkää tekstiä, lukuja ja luetteloita",
        ),
        Case(
            "alias-bomb",
            {"quotes/pommi.yml": quote("pommi", sectors=BOMB)},
            f"quotes/pommi.yml:4:11: {ALIAS}",
            count=12 + 11 * 9,
        ),
        Case(
            "merge-key",
            {"quotes/yhdista.yml": quote("yhdista", extra="<<: {title: x}\n")},
            "quotes/yhdista.yml:11:1: yhdistämisavain << ei ole sallittu",
        ),
        Case(
            "duplicate-key",
            {"quotes/kahdesti.yml": quote("kahdesti", extra="title: Toinen\n")},
            "quotes/kahdesti.yml:11:1: kenttä 'title' on jo annettu rivillä 2; poista toinen",
        ),
        Case(
            "unknown-key",
            {"quotes/tuntematon.yml": quote("tuntematon", extra="kontext: x\n")},
            "quotes/tuntematon.yml:11:1: tuntematon kenttä 'kontext' (sallitut kentät: applicant_types, "
            "context, former_ids, id, origin, quality_standards, sectors, source, sv, text, themes, title); "
            "tarkoititko 'context'?",
        ),
        Case(
            "mapping-for-list",
            {"quotes/joukko.yml": quote("joukko", themes="themes: {osallisuus: 1}")},
            "quotes/joukko.yml:6:9: kentän 'themes' pitää olla luettelo (jokainen kohta omalla rivillään "
            "'- ' -alkuisena), nyt joukko kenttiä",
        ),
        Case(
            "number-for-text",
            {"quotes/luku.yml": quote("luku", title="title: 2024")},
            "quotes/luku.yml:2:8: kentän 'title' pitää olla tekstiä, nyt '2024'",
        ),
        Case(
            "value-not-allowed",
            {"quotes/alkupera.yml": quote("alkupera", extra="origin: hakemuss\n")},
            "quotes/alkupera.yml:11:9: kentän 'origin' arvo 'hakemuss' ei kelpaa (sallitut: hakemus, "
            "sanonta); tarkoititko 'hakemus'?",
        ),
        Case(
            "missing-field",
            {"quotes/puuttuu.yml": quote("puuttuu", context=None)},
            "quotes/puuttuu.yml:1:1: pakollinen kenttä 'context' puuttuu",
        ),
        Case(
            "unknown-theme",
            {"quotes/teema.yml": quote("teema", themes="themes: [osalisuus]")},
            "quotes/teema.yml:6:10: teema 'osalisuus' ei ole määritelty (tunnetut: osallisuus, viestinta); "
            "tarkoititko 'osallisuus'?",
        ),
        Case(
            "same-id-twice",
            {"pairs/kaikki-mukaan.yml": PAIR},
            "pairs/kaikki-mukaan.yml:1:5: tunniste 'kaikki-mukaan' on jo käytössä tiedostossa "
            "content/quotes/kaikki-mukaan.yml",
            count=2,
            also=["quotes/kaikki-mukaan.yml"],
        ),
        Case(
            "new-quote-takes-a-theme-id",
            {"quotes/osallisuus.yml": quote("osallisuus")},
            "quotes/osallisuus.yml:1:5: tunniste 'osallisuus' on jo käytössä tiedostossa "
            "content/themes/osallisuus.yml",
            count=2,
            also=["themes/osallisuus.yml"],
        ),
        Case(
            "vocabulary-file-with-a-missing-quote",
            {"vocabularies/sectors.yml": '- id: yleissivistava\n  label: "Yleissivistävä koulutus\n'},
            "vocabularies/sectors.yml:2:10: YAML-syntaksivirhe: lainausmerkillä alkava teksti ei pääty; lisää "
            "loppuun sama lainausmerkki",
        ),
        Case(
            "former-id-twice",
            {"quotes/toistuva.yml": quote("toistuva", extra="former_ids: [vanha, vanha]\n")},
            "quotes/toistuva.yml:11:21: aiempi tunniste 'vanha' on luettelossa kahdesti",
        ),
        Case(
            "cyrillic-letter-in-id",
            {"quotes/kyrilli.yml": quote("kyrilli", id="id: kyrіlli")},
            "quotes/kyrilli.yml:1:5: kentän 'id' arvo 'kyrіlli' ei kelpaa tunnisteeksi (merkki 'і' (U+0456 "
            "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I) ei kelpaa): käytä pieniä kirjaimia a–z, numeroita "
            "ja yksittäisiä väliviivoja (ä → a, ö → o)",
        ),
        Case(
            "key-in-capitals",
            {"quotes/isot.yml": quote("isot", extra="SECTORS: []\n")},
            "quotes/isot.yml:11:1: tuntematon kenttä 'SECTORS' (sallitut kentät: applicant_types, context, "
            "former_ids, id, origin, quality_standards, sectors, source, sv, text, themes, title); tarkoititko "
            "'sectors'?",
        ),
        Case(
            "id-not-file-name",
            {"quotes/vaara-nimi.yml": quote("oikea-nimi")},
            "quotes/vaara-nimi.yml:1:5: tunniste 'oikea-nimi' ei vastaa tiedoston nimeä 'vaara-nimi.yml'; "
            "nimeä tiedosto oikea-nimi.yml tai korjaa tunniste",
        ),
        Case(
            "very-large-file",
            {"quotes/suuri.yml": LARGE},
            f"quotes/suuri.yml:1:1: tiedosto on liian suuri ({len(LARGE) // 1024} KiB, enintään 512 KiB)",
        ),
        Case(
            "placeholder-left",
            {"quotes/kesken.yml": quote("kesken", title='title: "TÄYTÄ: lyhyt otsikko"')},
            "quotes/kesken.yml:2:8: kenttä 'title' on vielä täyttämättä: korvaa mallipohjan teksti "
            "'TÄYTÄ: lyhyt otsikko' omalla sisällöllä",
        ),
        Case(
            "former-id-in-use",
            {"quotes/uusi.yml": quote("uusi", extra="former_ids: [viestimme-avoimesti]\n")},
            "quotes/uusi.yml:11:14: aiempi tunniste 'viestimme-avoimesti' on edelleen käytössä tiedostossa "
            "content/quotes/viestimme-avoimesti.yml; tunnistetta ei voi käyttää uudelleen",
        ),
        Case(
            "script-address",
            {"vocabularies/sources.yml": SOURCES.replace("  year:", "  url: javascript:alert(1)\n  year:")},
            "vocabularies/sources.yml:5:8: kentän 'url' arvo 'javascript:alert(1)' ei ole verkko-osoite: kirjoita "
            "se muodossa https://… ilman välilyöntejä",
        ),
        Case(
            "two-documents",
            {"quotes/kaksi.yml": quote("kaksi", extra="---\nid: toinen\n")},
            "quotes/kaksi.yml:1:1: tiedostossa saa olla vain yksi YAML-dokumentti",
        ),
        Case(
            "symlink",
            {},
            "quotes/linkki.yml:1:1: symbolinen linkki ei kelpaa sisällöksi; tallenna tiedosto "
            "tavallisena tiedostona",
            symlink={"quotes/linkki.yml": "/etc/passwd"},
        ),
        Case(
            "glossary-term-markup",
            {
                "glossary.yml": 'terms:\n- id: kv\n  term: "KV\\n\\n<script>alert(1)</script>"\n'
                "  definition: Kansainvälinen.\n- id: ops\n  term: OPS\n  definition: Suunnitelma.\n"
                "  forms: ['OPS]: <img src=x onerror=alert(1)>']\n"
            },
            "glossary.yml:3:9: kentän 'term' termi on kirjoitettu usealle riville; kirjoita termi "
            "yhdelle riville (sanaston termistä tulee sivujen vihjeen avain)",
            count=2,
        ),
        Case(
            "id-takes-a-hand-written-page",
            {"../docs/lainaukset/kaikki-mukaan.md": "# Käsin kirjoitettu\n"},
            "quotes/kaikki-mukaan.yml:2:5: tunnisteen 'kaikki-mukaan' osoite lainaukset/kaikki-mukaan/ on jo "
            "käsin kirjoitettu sivu docs/lainaukset/kaikki-mukaan.md; valitse toinen tunniste",
        ),
        Case(
            "nesting-999-deep",
            {"quotes/syva.yml": quote("syva", title="title: " + "[" * 999 + "]" * 999)},
            "quotes/syva.yml:2:8: rakenne on liian syvä (yli 40 sisäkkäistä luetteloa tai joukkoa); "
            "sisällössä tarvitaan enintään muutama taso",
        ),
        Case(
            "nesting-past-the-parser",
            {"quotes/syvempi.yml": quote("syvempi", title="title: " + "{a: " * 1001 + "}" * 1001)},
            "quotes/syvempi.yml:2:4004: YAML-syntaksivirhe: rakenne on liian syvä (sisäkkäisiä luetteloita tai "
            "joukkoja satoja tasoja); sisällössä tarvitaan enintään muutama taso",
        ),
        Case(
            "yaml-directive",
            {"quotes/direktiivi.yml": "%FOO bar\n---\n" + quote("direktiivi")},
            "quotes/direktiivi.yml:1:5: YAML-syntaksivirhe: rivin alussa oleva % aloittaa YAML-direktiivin; "
            "kirjoita teksti lainausmerkkeihin",
        ),
        Case(
            "bare-ampersand",
            {"quotes/et.yml": quote("et", title="title: & kumppanit")},
            "quotes/et.yml:2:9: YAML-syntaksivirhe: merkki & tai * aloittaa YAML-ankkurin tai -viittauksen; "
            "kirjoita arvo lainausmerkkeihin",
        ),
        Case(
            "wrong-folder",
            {"lainaukset/x.yml": quote("x")},
            "lainaukset/x.yml:1:1: tuntematon sisältötiedosto: merkinnät kuuluvat kansioihin quotes/, pairs/ "
            "tai themes/, sanastot kansioon vocabularies/",
        ),
    ]


def prepare(content: Path, case: Case) -> None:
    write_tree(content, case.files)
    for rel, target in case.symlink.items():
        (content / rel).symlink_to(target)


MARKER_NAME = "ajettu"
NAMES = [c.name for c in cases(Path(MARKER_NAME))]


@pytest.mark.parametrize("name", NAMES)
def test_hostile_content_gives_one_positioned_message_and_writes_nothing(
    run_cli, content: Path, tmp_path: Path, name: str
):
    marker = tmp_path / MARKER_NAME
    case = next(c for c in cases(marker) if c.name == name)
    prepare(content, case)

    code, out, err = run_cli("check", "content", cwd=tmp_path)
    lines = out.splitlines()
    assert code == 1, err
    assert lines[0] == f"content/{case.first}"
    assert len(lines) == case.count, lines
    files = [case.first.split(":")[0], *case.also]
    assert all(line.startswith(tuple(f"content/{f}:" for f in files)) for line in lines)

    code, out, _ = run_cli("generate", "--out", "out", "--content", "content", cwd=tmp_path)
    assert code == 1
    assert out.splitlines()[0] == f"content/{case.first}"
    assert not (tmp_path / "out").exists()
    assert not marker.exists()


def test_all_of_it_at_once_in_a_separate_process(content: Path, tmp_path: Path):
    marker = tmp_path / MARKER_NAME
    table = cases(marker)
    for case in table:
        prepare(content, case)
    for command in (["check", "content"], ["generate", "--out", "out", "--content", "content"]):
        done = subprocess.run(
            [sys.executable, "-m", "generator", *command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        lines = done.stdout.splitlines()
        assert done.returncode == 1
        assert "Traceback" not in done.stdout + done.stderr
        assert {f"content/{case.first}" for case in table} <= set(lines)
        assert len(lines) == sum(case.count for case in table)
    assert not (tmp_path / "out").exists()
    assert not marker.exists()
