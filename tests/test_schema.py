"""schema: the committed JSON Schemas match the models, accept the real content and catch mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURE_SITE, REPO

from generator.content.load import discover, load_tree
from generator.editors import schemas as schema

SCHEMAS = REPO / "schemas"


def validator(name: str) -> jsonschema.Draft7Validator:
    document = json.loads((SCHEMAS / schema.schema_file(name)).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(document)
    return jsonschema.Draft7Validator(document)


def test_committed_schemas_match_the_models():
    assert schema.stale(SCHEMAS) == [], "the models changed: run .venv/bin/python -m generator schemas"
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(schema.schema_file(n) for n in schema.SCHEMAS)


def test_every_property_has_a_finnish_description():
    def walk(node, where):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                assert prop.get("description"), f"{where}.{name} has no description"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    for name in schema.SCHEMAS:
        document = schema.schema(name)
        assert document["title"] and document["description"]
        walk(document, name)


@pytest.mark.parametrize("root", [REPO / "practices", FIXTURE_SITE], ids=["practices", "fixture"])
def test_schemas_accept_all_content(root: Path):
    documents, problems = load_tree(root)
    assert problems == []
    for doc in documents:
        errors = [e.message for e in validator(schema.KIND_SCHEMAS[doc.kind]).iter_errors(doc.data)]
        assert errors == [], doc.path


def test_schemas_underline_typical_mistakes():
    quote = {
        "id": "Iso-Kirjain",
        "title": "Otsikko",
        "text": "Teksti",
        "origin": "hakemuss",
        "sectors": [],
        "applicant_types": [],
        "themes": {"osallisuus": 1},
        "source": {"document": "x", "sektion": "y"},
        "contxt": "z",
    }
    errors = sorted(
        (".".join(map(str, e.absolute_path)), e.validator) for e in validator("quote").iter_errors(quote)
    )
    assert errors == [
        ("", "additionalProperties"),
        ("", "required"),
        ("id", "pattern"),
        ("origin", "enum"),
        ("source", "additionalProperties"),
        ("source", "required"),
        ("themes", "type"),
    ]


def test_schemas_command_writes_and_checks(run_cli, tmp_path: Path):
    out = tmp_path / "schemas"
    code, stdout, _ = run_cli("schemas", "--check", "--out", str(out))
    assert code == 1
    assert stdout.splitlines()[0] == (
        f"{out}/quote.schema.json:1:1: skeema ei vastaa mallia "
        "(generator/content/model.py); aja python -m generator schemas"
    )
    assert run_cli("schemas", "--out", str(out))[0] == 0
    assert run_cli("schemas", "--check", "--out", str(out)) == (0, "", "")
    assert (out / "pair.schema.json").read_text(encoding="utf-8") == (SCHEMAS / "pair.schema.json").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("root", [REPO / "practices", FIXTURE_SITE], ids=["practices", "fixture"])
def test_every_content_file_names_its_schema_on_the_first_line(root: Path):
    files, _ = discover(root)
    assert files
    for path, kind in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema.comment(kind, path, SCHEMAS), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (SCHEMAS / schema.schema_file(schema.KIND_SCHEMAS[kind])).resolve(), path
