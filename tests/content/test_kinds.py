"""kinds: one registry of content kinds, and every stage reading it."""

from __future__ import annotations

from conftest import REPO

from generator.content import kinds
from generator.content.load import discover
from generator.editors import schemas
from generator.site import urls


def test_every_file_of_the_shipped_content_has_its_kind_and_every_kind_is_there():
    files, problems = discover(REPO / "practices")
    assert problems == []
    assert {kind for _, kind in files} == set(kinds.ALL)


def test_names_that_are_public_or_become_addresses_are_unique():
    for attribute in ("name", "path"):
        values = [getattr(kind, attribute) for kind in kinds.ALL]
        assert len(values) == len(set(values)), attribute
    entries = kinds.ENTRIES
    public = [k.public_id for k in entries] + [old for k in entries for old in k.former_public_ids]
    assert len(public) == len(set(public))
    folders = [k.site_folder for k in entries] + [k.site_folder for k in kinds.TERM_PAGES]
    assert len(folders) == len(set(folders))


def test_every_kind_has_its_committed_schema():
    assert sorted(schemas.SCHEMAS) == sorted(
        p.name.removesuffix(".schema.json") for p in (REPO / "schemas").glob("*.json")
    )
    assert {kind.schema for kind in kinds.ALL} == set(schemas.SCHEMAS)


def test_the_command_line_names_and_the_site_folders_come_from_the_registry():
    assert kinds.command_kind("pari") is kinds.command_kind("pair") is kinds.PAIR
    assert urls.TERM_FOLDERS == {
        "sectors": "sektorit",
        "applicant_types": "hakijatyypit",
        "quality_standards": "laatustandardit",
    }
