"""Open data: the exports parse, validate against their schema, agree with each other and with the
counts the site shows (home page, hubs, the Avoin data page)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from html import unescape
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURE_SITE, REPO
from renamed import renamed_content

from generator.pipeline import build_pages, check
from generator.site import opendata

INDEX = check(REPO / "practices").index


@pytest.fixture(scope="module")
def exported(real_site: Path):
    data = real_site / "data"
    return {
        "json": json.loads((data / "practices.json").read_text(encoding="utf-8")),
        "csv": list(
            csv.DictReader(io.StringIO((data / "practices.csv").read_text(encoding="utf-8"), newline=""))
        ),
        "schema": json.loads((data / "schema.json").read_text(encoding="utf-8")),
    }


def test_json_validates_against_the_published_schema(exported):
    jsonschema.Draft202012Validator.check_schema(exported["schema"])
    jsonschema.validate(exported["json"], exported["schema"], cls=jsonschema.Draft202012Validator)


def test_schema_refuses_an_entry_that_does_not_fit(exported):
    broken = [dict(exported["json"][0], kind="kommentti")]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, exported["schema"], cls=jsonschema.Draft202012Validator)


def test_one_row_per_entry_in_both_files(exported):
    ids = [e.id for e in INDEX.examples + INDEX.themes]
    assert [row["id"] for row in exported["json"]] == ids
    assert [row["id"] for row in exported["csv"]] == ids
    assert list(exported["csv"][0]) == opendata.csv_columns()


def test_csv_says_what_json_says(exported):
    for row, line in zip(exported["json"], exported["csv"], strict=True):
        for key, value in row.items():
            if key == "annotation":
                for name, inner in (value or dict.fromkeys(opendata.ExportAnnotation.model_fields)).items():
                    assert line[f"annotation_{name}"] == opendata._cell(inner), (row["id"], name)
            elif isinstance(value, list):
                assert line[key] == "; ".join(value), (row["id"], key)
            else:
                assert line[key] == ("" if value is None else str(value)), (row["id"], key)


def test_vocabulary_ids_come_with_their_labels(exported):
    labels = INDEX.labels
    for row in exported["json"]:
        for ids, names, vocabulary in [
            ("sectors", "sector_labels", "sectors"),
            ("applicant_types", "applicant_type_labels", "applicant_types"),
            ("themes", "theme_labels", "themes"),
            ("quality_standards", "quality_standard_labels", "quality_standards"),
            ("priorities", "priority_labels", "priorities"),
        ]:
            if row[ids] is not None:
                assert row[names] == [labels[vocabulary][i] for i in row[ids]], (row["id"], ids)


def test_every_url_is_a_page_of_the_site(exported, real_site: Path):
    for row in exported["json"]:
        assert (real_site / row["url"] / "index.html").is_file(), row["url"]


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def strong_number(html: str, words: str) -> int:
    found = [text(bold) for bold in re.findall(r"<strong>(.*?)</strong>", html, re.S)]
    numbers = [int(bold.split()[0]) for bold in found if bold.endswith(f" {words}")]
    assert len(numbers) == 1, (words, found)
    return numbers[0]


def test_counts_match_the_home_page_and_the_open_data_page(exported, real_site: Path):
    kinds = Counter(row["kind"] for row in exported["json"])
    application_quotes = sum(1 for row in exported["json"] if row["origin"] == "hakemus")
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert strong_number(home, "lainausta hakemuksista") == application_quotes
    assert strong_number(home, "tavoite–mittari-esimerkkiä") == kinds["tavoite-ja-mittari"]
    assert strong_number(home, "teemaa") == kinds["teema"]
    page = text((real_site / "avoin-data" / "index.html").read_text(encoding="utf-8"))
    assert (
        f"Aineistossa on {len(exported['json'])} merkintää: {kinds['lainaus']} lainausta "
        f"(joista {application_quotes} akkreditointihakemuksista), {kinds['tavoite-ja-mittari']} "
        f"tavoite–mittari-esimerkkiä ja {kinds['teema']} teemaa"
    ) in page


@pytest.mark.parametrize(
    "vocabulary,folder,field",
    [("sectors", "sektorit", "sectors"), ("applicant_types", "hakijatyypit", "applicant_types")],
)
def test_counts_match_the_hubs(exported, real_site: Path, vocabulary: str, folder: str, field: str):
    examples = [row for row in exported["json"] if row["kind"] != "teema"]
    hub = (real_site / folder / "index.html").read_text(encoding="utf-8")
    for term in [*(t.id for t in getattr(INDEX.content.vocabularies, vocabulary)), "ei-mainittu"]:
        rows = [r for r in examples if (term in r[field] if term != "ei-mainittu" else not r[field])]
        quotes = sum(1 for r in rows if r["kind"] == "lainaus")
        pairs = len(rows) - quotes
        cells = re.search(
            rf'<a href="{term}/">[^<]*</a></td>\s*<td>.*?</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>',
            hub,
            re.S,
        )
        assert cells, term
        assert (int(cells.group(1)), int(cells.group(2))) == (quotes, pairs), term
        page = text((real_site / folder / term / "index.html").read_text(encoding="utf-8"))
        assert f"Lainaukset ({quotes})¶" in page, term
        assert f"Tavoitteet ja mittarit ({pairs})¶" in page, term


def test_the_open_data_page_explains_every_field(real_site: Path):
    page = (real_site / "avoin-data" / "index.html").read_text(encoding="utf-8")
    for field in opendata.fields():
        assert f"<code>{field['name']}</code>" in page, field["name"]
        assert f"<code>{field['column']}</code>" in page, field["column"]
        assert field["description"], field["name"]
    for name in ("practices.json", "practices.csv", "schema.json"):
        assert f'href="../data/{name}"' in page
    assert "ei mainita sen lisenssiä" in page


def test_exports_are_the_same_bytes_on_every_build():
    first = build_pages(FIXTURE_SITE).files
    assert first == build_pages(FIXTURE_SITE).files
    assert set(first) == {opendata.JSON_FILE, opendata.CSV_FILE, opendata.SCHEMA_FILE}


def test_null_means_not_this_kind_and_empty_means_not_stated(tmp_path: Path):
    rows = {row.id: row for row in opendata.entries(check(renamed_content(tmp_path / "content")).index)}
    assert rows["osallistujamaarat"].sectors == [] and rows["osallistujamaarat"].text is None
    assert rows["osallisuus"].sectors is None and rows["osallisuus"].priorities == [
        "osallisuus-ja-monimuotoisuus"
    ]
    assert rows["viestimme-avoimesti"].former_ids == ["viestimme-verkossa"]
    assert rows["viestimme-avoimesti"].url == "lainaukset/viestimme-avoimesti/"


def test_the_json_export_is_indented_utf8_json_of_every_entry():
    files = build_pages(FIXTURE_SITE).files
    data = files[opendata.JSON_FILE]
    rows = opendata.entries(check(FIXTURE_SITE).index)
    # A reader opening the file sees plain JSON with letters, not \u escapes, two-space indents.
    assert data == (
        json.dumps(opendata.EXPORT.dump_python(rows, mode="json"), ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    assert "ä".encode() in data and b"\\u00e4" not in data
