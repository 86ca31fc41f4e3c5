"""Scaffolding: a kind and a title → a new entry file for the editor to fill in.

In: the content root, the kind (quote, pair, theme), a title and themes. Out: a YAML file under
the content root with a fresh id derived from the title, every field of the model present and
preceded by its Finnish description (from ``model``) and, for references, the values allowed now.
What only the editor can write is left as a text starting with ``fields.PLACEHOLDER``; ``validate``
reports each one left, so a half-filled file can never be published. The Swedish translations
(``sv:``) are written empty: ``check`` names each one still missing as a warning.
"""

from __future__ import annotations

import json
import re
import textwrap
import types
import typing
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content import kinds
from ..content import model as m
from ..content.fields import ID_PATTERN, PLACEHOLDER
from ..content.kinds import EntryKind
from ..content.load import load_tree
from ..content.problems import did_you_mean, listing
from .schemas import comment

MAX_WORDS = 6
P = PLACEHOLDER


class ScaffoldError(Exception):
    """The request cannot be met (unknown theme, a title with no letters); nothing was written."""


@dataclass(frozen=True)
class Block:
    """A text written as a ``|-`` block, so that pasted paragraphs keep their line breaks."""

    text: str


_LETTERS = str.maketrans({"ä": "a", "ö": "o", "å": "a", "ø": "o", "æ": "ae", "ß": "ss"})


def slug(title: str) -> str:
    """An id from a title: lower case, ä → a, ö → o, å → a, other marks dropped, words hyphenated."""
    text = title.lower().translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text)[:MAX_WORDS]
    return "-".join(words)[:80].strip("-")


@dataclass(frozen=True)
class _Existing:
    """What the content root already holds, read leniently: a broken file must not block ``new``."""

    taken: set[str]
    vocabularies: dict[str, list[str]]
    sections: dict[str, list[str]]
    max_order: int


def _existing(root: Path) -> _Existing:
    documents, _ = load_tree(root)
    taken = {path.stem for kind in kinds.ENTRIES for path in (root / kind.path).glob("*.yml")}
    vocabularies: dict[str, list[str]] = {"theme": []}
    sections: dict[str, list[str]] = {}
    max_order = 0
    for doc in documents:
        data = doc.data
        if doc.kind in kinds.ENTRIES and isinstance(data, dict):
            taken.add(str(data.get("id")))
            former = data.get("former_ids")
            if isinstance(former, list):
                taken.update(str(old) for old in former)
            if doc.kind is kinds.THEME:
                vocabularies["theme"].append(doc.path.stem)
                if isinstance(data.get("order"), int):
                    max_order = max(max_order, data["order"])
        elif isinstance(data, list):
            items = [item for item in data if isinstance(item, dict) and isinstance(item.get("id"), str)]
            vocabularies[doc.kind.name] = [item["id"] for item in items]
            if doc.kind is kinds.SOURCES:
                sections = {i["id"]: [str(s) for s in i.get("sections") or []] for i in items}
    return _Existing(taken, vocabularies, sections, max_order)


def create(root: Path, name: str, title: str, themes: list[str]) -> Path:
    """Write a new entry file under ``root``; return its path. Raises ``ScaffoldError``.

    ``name``: the kind as the command line names it (``lainaus``, ``pair``…)."""
    kind = kinds.command_kind(name)
    title = " ".join(title.split())
    base = slug(title)
    if not base:
        raise ScaffoldError(
            f"otsikosta '{title}' ei saa tunnistetta; kirjoita otsikkoon kirjaimia tai numeroita"
        )
    existing = _existing(root)
    known = existing.vocabularies["theme"]
    if themes and kind is kinds.THEME:
        raise ScaffoldError("--theme sopii vain lainauksille ja pareille")
    for theme in themes:
        if theme not in known:
            raise ScaffoldError(
                f"teemaa '{theme}' ei ole (tunnetut: {listing(known)}){did_you_mean(theme, known)}"
            )
    entry_id, n = base, 1
    while entry_id in existing.taken or (root / kind.path / f"{entry_id}.yml").exists():
        n += 1
        entry_id = f"{base}-{n}"
    path = root / kind.path / f"{entry_id}.yml"
    values = _VALUES[kind](entry_id, title, list(dict.fromkeys(themes)), existing)
    header = [comment(kind, path), *_comment(_header(kind)), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(header + _fields(kind.model, values, existing, "")) + "\n", encoding="utf-8")
    return path


# --- the values of a new entry ------------------------------------------------------------------


def _header(kind: EntryKind) -> str:
    return (
        f"Uusi {kind.noun}. Korvaa jokainen {P} -alkuinen teksti ja tarkista: make check. "
        "Ohjeet ja esimerkit: sivuston sivu Toimittajille."
    )


def _source(existing: _Existing) -> dict[str, Any]:
    documents = existing.vocabularies.get("sources", [])
    return {
        "document": documents[0] if len(documents) == 1 else f"{P} lähdejulkaisun tunniste",
        "section": f"{P} lähdejulkaisun luvun otsikko",
    }


def _quote(entry_id: str, title: str, themes: list[str], existing: _Existing) -> dict[str, Any]:
    return {
        "id": entry_id,
        "title": title,
        "text": Block(f"{P} lainaus sanasta sanaan"),
        "origin": "hakemus",
        "sectors": [],
        "applicant_types": [],
        "themes": themes,
        "quality_standards": [],
        "source": _source(existing),
        "context": f"{P} lähteen virke, joka esittelee lainauksen",
        "former_ids": [],
        "sv": {"title": None},
    }


def _pair(entry_id: str, title: str, themes: list[str], existing: _Existing) -> dict[str, Any]:
    yes_no = f"{P} true tai false"
    return {
        "id": entry_id,
        "objective": Block(f"{P} tavoite sanasta sanaan"),
        "indicator": Block(f"{P} mittari sanasta sanaan"),
        "sectors": [],
        "applicant_types": [],
        "themes": themes,
        "quality_standards": [],
        "source": _source(existing),
        "position": None,
        "context": None,
        "annotation": {
            "data_source": yes_no,
            "collection": yes_no,
            "responsible": yes_no,
            "timing": yes_no,
            "processing": yes_no,
            "reporting": yes_no,
            "evaluation": yes_no,
            "measure_type": f"{P} määrällinen, laadullinen tai molemmat",
            "note": None,
        },
        "former_ids": [],
        "sv": {"title": None, "annotation": {"note": None}},
    }


def _theme(entry_id: str, title: str, themes: list[str], existing: _Existing) -> dict[str, Any]:
    source = _source(existing)
    return {
        "id": entry_id,
        "title": title,
        "summary": f"{P} yhden virkkeen tiivistelmä",
        "summary_section": source["section"],
        "guidance": [
            {"text": Block(f"{P} ensimmäinen kappale tietopankin omin sanoin"), "section": source["section"]}
        ],
        "order": existing.max_order + 1,
        "source": source["document"],
        "quality_standards": [],
        "priorities": [],
        "former_ids": [],
        "sv": {"title": None, "summary": None, "guidance": [{"text": None}]},
    }


_VALUES = {kinds.QUOTE: _quote, kinds.PAIR: _pair, kinds.THEME: _theme}

# Fields whose values are ids defined elsewhere in the content → the kind that defines them.
_REFERENCES = {
    "sectors": kinds.SECTORS.name,
    "applicant_types": kinds.APPLICANT_TYPES.name,
    "themes": "theme",
    "quality_standards": kinds.QUALITY_STANDARDS.name,
    "priorities": kinds.PRIORITIES.name,
    "document": kinds.SOURCES.name,
}


# --- writing ------------------------------------------------------------------------------------


def _fields(model: type[BaseModel], values: dict[str, Any], existing: _Existing, pad: str) -> list[str]:
    """Every field of ``model`` in order, each after its description; a missing value is a bug here."""
    lines: list[str] = []
    for name, field in model.model_fields.items():
        lines += _comment(field.description or "", pad)
        lines += _comment(_allowed(model, name, values, existing), pad)
        value = values[name]
        nested = _nested_model(field.annotation) or (_optional_model(field.annotation) if value else None)
        if nested is not None:
            lines.append(f"{pad}{name}:")
            lines += _fields(nested, value, existing, pad + "  ")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            item_model = _nested_model(typing.get_args(field.annotation)[0])
            assert item_model is not None, name  # a list of field sets is a list of models
            lines.append(f"{pad}{name}:")
            for item in value:
                item_lines = _fields(item_model, item, existing, pad + "    ")
                first = next(i for i, line in enumerate(item_lines) if not line.lstrip().startswith("#"))
                item_lines[first] = f"{pad}  - {item_lines[first].lstrip()}"
                lines += item_lines
        elif isinstance(value, Block):
            lines.append(f"{pad}{name}: |-")
            lines += [f"{pad}  {line}" for line in value.text.splitlines()]
        elif isinstance(value, list) and any(isinstance(v, str) and v.startswith(P) for v in value):
            lines.append(f"{pad}{name}:")
            lines += [f"{pad}  - {_inline(v)}" for v in value]
        else:
            lines.append(f"{pad}{name}: {_inline(value)}".rstrip())
    return lines


def _allowed(model: type[BaseModel], name: str, values: dict[str, Any], existing: _Existing) -> str:
    if name in _REFERENCES:
        return f"Sallitut: {', '.join(existing.vocabularies.get(_REFERENCES[name], [])) or 'ei yhtään'}."
    if model is m.Theme and name == "source":
        return f"Sallitut: {', '.join(existing.vocabularies.get('sources', [])) or 'ei yhtään'}."
    if name in ("section", "sections"):
        sources = existing.vocabularies.get("sources", [])
        document = str(
            values.get("document") or values.get("source") or (sources[0] if len(sources) == 1 else None)
        )
        known = existing.sections.get(document, [])
        return f"Lähteen '{document}' luvut: {'; '.join(known)}." if known else ""
    return ""


def _comment(text: str, pad: str = "") -> list[str]:
    return (
        [
            f"{pad}# {line}"
            for line in textwrap.wrap(
                text, width=100 - len(pad), break_on_hyphens=False, break_long_words=False
            )
        ]
        if text
        else []
    )


def _inline(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    text = str(value)
    return text if re.fullmatch(ID_PATTERN, text) else json.dumps(text, ensure_ascii=False)


def _optional_model(annotation: Any) -> type[BaseModel] | None:
    """``Model | None`` (the Swedish translations): the model, written out so the editor sees its
    fields; left empty, they are warnings of ``check``, not errors."""
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return None
    return next((arg for arg in typing.get_args(annotation) if _nested_model(arg) is not None), None)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
