"""The editor guide (docs/toimittajille.md): every field of every kind is described on the built page,
and every example in it is a valid file of its kind."""

from __future__ import annotations

import json
import re
import shutil
import typing
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO
from pydantic import BaseModel, TypeAdapter

from generator.editors import schemas as schema
from generator.pipeline import check

GUIDE = REPO / "docs" / "toimittajille.md"
SV_GUIDE = REPO / "docs" / "sv" / "toimittajille.md"
SECTIONS = {  # schema name → the id of its heading on the page
    "quote": "lainaus",
    "pair": "tavoite-ja-mittari",
    "theme": "teema",
    "vocabulary": "sanastot",
    "sources": "lahteet",
    "glossary": "sanasto",
    "statistics": "luvut",
    "checklist": "tarkistuslista",
    "synonyms": "synonyymit",
    "report": "selvitys",
    "swedish-terms": "ruotsinkieliset-termit",
}
ENTRY_FOLDERS = {"quote": "quotes", "pair": "pairs", "theme": "themes"}


def models(annotation) -> list[type[BaseModel]]:
    """The models a type holds, nested ones included: Quote → Quote, SourceRef."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found = [annotation]
        for field in annotation.model_fields.values():
            found += [m for m in models(field.annotation) if m not in found]
        return found
    return [m for arg in typing.get_args(annotation) for m in models(arg)]


class Codes(HTMLParser):
    """The text of every <code> on the page, by the id of the h2/h3 heading it stands under."""

    def __init__(self) -> None:
        super().__init__()
        self.by_section: dict[str, set[str]] = {}
        self._section = ""
        self._in_code = False

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3") and dict(attrs).get("id"):
            self._section = dict(attrs)["id"]
        self._in_code = tag == "code"

    def handle_endtag(self, tag):
        self._in_code = False

    def handle_data(self, data):
        if self._in_code:
            self.by_section.setdefault(self._section, set()).add(data)


@pytest.fixture(scope="module")
def codes(fixture_site: Path) -> dict[str, set[str]]:
    page = fixture_site / "toimittajille" / "index.html"
    parser = Codes()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.by_section


@pytest.mark.parametrize("name", list(schema.SCHEMAS))
def test_every_field_is_described_in_its_section(codes: dict[str, set[str]], name: str):
    section = codes.get(SECTIONS[name], set())
    fields = {field for model in models(schema.SCHEMAS[name]) for field in model.model_fields}
    assert fields - section == set(), f"describe these fields under #{SECTIONS[name]}"


def test_the_swedish_guide_is_a_swedish_page_describing_every_field(fixture_site: Path):
    html = (fixture_site / "sv" / "toimittajille" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="sv"', html)
    assert "<h1" in html and "För redaktörer" in html
    parser = Codes()
    parser.feed(html)
    for name in schema.SCHEMAS:
        fields = {field for model in models(schema.SCHEMAS[name]) for field in model.model_fields}
        assert fields - parser.by_section.get(SECTIONS[name], set()) == set(), name


def test_guide_is_in_the_navigation(fixture_site: Path):
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert 'href="toimittajille/"' in home


def examples(guide: Path = GUIDE) -> list[tuple[str, str]]:
    """(schema name, YAML text) of every example that begins by naming its schema."""
    found = []
    for block in re.findall(r"```yaml\n(.*?)```", guide.read_text(encoding="utf-8"), flags=re.S):
        named = re.match(r"# yaml-language-server: \$schema=.*/([\w-]+)\.schema\.json\n", block)
        if named:
            found.append((named.group(1), block))
    return found


def test_the_guide_has_an_example_of_every_kind():
    assert sorted(name for name, _ in examples()) == sorted(schema.SCHEMAS)


@pytest.mark.parametrize(("name", "text"), examples(), ids=[name for name, _ in examples()])
def test_every_example_is_a_valid_file(name: str, text: str, tmp_path: Path):
    data = yaml.safe_load(text)
    document = json.loads((REPO / "schemas" / schema.schema_file(name)).read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft7Validator(document).iter_errors(data)] == []
    TypeAdapter(schema.SCHEMAS[name]).validate_python(data)
    if name in ENTRY_FOLDERS:  # a whole entry: it must pass check beside the real content
        content = shutil.copytree(REPO / "practices", tmp_path / "practices")
        (content / ENTRY_FOLDERS[name] / f"{data['id']}.yml").write_text(text, encoding="utf-8")
        assert [str(p) for p in check(content).problems] == []


def test_the_swedish_guide_has_every_section_and_example_of_the_finnish():
    """The same anchors (``/sv/toimittajille/#kentat``) and an example of every kind."""

    def ids(guide: Path) -> set[str]:
        return set(re.findall(r"\{ #([\w-]+) \}", guide.read_text(encoding="utf-8")))

    assert ids(GUIDE) <= ids(SV_GUIDE)
    assert sorted(name for name, _ in examples(SV_GUIDE)) == sorted(schema.SCHEMAS)


@pytest.mark.parametrize(("name", "text"), examples(SV_GUIDE), ids=[name for name, _ in examples(SV_GUIDE)])
def test_every_example_of_the_swedish_guide_is_a_valid_file(name: str, text: str):
    data = yaml.safe_load(text)
    document = json.loads((REPO / "schemas" / schema.schema_file(name)).read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft7Validator(document).iter_errors(data)] == []
    TypeAdapter(schema.SCHEMAS[name]).validate_python(data)
