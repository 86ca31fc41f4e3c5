"""Every text field of every kind of content, enumerated from the models, filled with given text.

The content kinds and their models come from the pipeline itself (``validate._items`` says which
model each part of each file is checked against) and the fields from walking those pydantic
models recursively, so a field or a kind added later is covered without touching the tests.

Fields are sorted by what they accept:
- *text*: any text the field's own validator accepts; it gets the most hostile text it accepts
  (``hostile_for``), the same text every time within one tree;
- *constrained*: ids, web addresses, fixed choices (a pattern or ``Literal``): they must refuse
  hostile text outright (checked by the tests);
- numbers and truth values carry no text.

The source-section fields refer to each other (a quote's ``source.section`` must be one of its
source's ``sections``), so they all get one shared text.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter

from generator.content import validate
from generator.content.fields import Paragraph
from generator.content.load import load_tree
from generator.content.problems import Problem

LINKED = {"section", "sections", "summary_section"}
"""Field names that must hold one of the source's section titles: filled with one shared text."""


@dataclass(frozen=True)
class Field:
    model: str
    path: tuple[str, ...]
    kind: str  # "text", "text-list", "constrained", "other"
    adapter: TypeAdapter
    parent: type[BaseModel] = BaseModel
    """The model the field is declared on."""

    @property
    def name(self) -> str:
        return f"{self.model}.{'.'.join(self.path)}"


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _unannotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _constrained(annotation: Any) -> bool:
    """A pattern-checked string (ids, addresses) or a fixed choice."""
    if typing.get_origin(annotation) is typing.Literal:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return any(getattr(meta, "pattern", None) for meta in annotation.__metadata__)
    return False


def _is_text(annotation: Any) -> bool:
    return _unannotated(annotation) is str and not _constrained(annotation)


def fields(model: type[BaseModel], prefix: tuple[str, ...] = (), owner: str | None = None) -> list[Field]:
    """Every field of ``model`` and of the models inside it, classified."""
    owner = owner or model.__name__
    found: list[Field] = []
    for name, info in model.model_fields.items():
        annotation = _strip_optional(info.rebuild_annotation())
        path = prefix + (name,)
        container = _unannotated(annotation)
        inner = typing.get_args(container)[0] if typing.get_origin(container) in (list, tuple) else None
        if _is_model(annotation):
            found += fields(annotation, path, owner)
        elif inner is not None and _is_model(inner):
            found += fields(inner, path + ("[]",), owner)
        elif inner is not None:
            kind = "text-list" if _is_text(inner) else "constrained" if _constrained(inner) else "other"
            found.append(Field(owner, path, kind, TypeAdapter(inner), model))
        else:
            kind = "text" if _is_text(annotation) else "constrained" if _constrained(annotation) else "other"
            found.append(Field(owner, path, kind, TypeAdapter(annotation), model))
    return found


def content_models(root: Path) -> dict[str, type[BaseModel]]:
    """kind of file → the model each of its items is validated against, as the pipeline does it."""
    documents, _ = load_tree(root)
    models: dict[str, type[BaseModel]] = {}
    for doc in documents:
        for _, model, _ in validate._items(doc, []):
            models[doc.kind.name] = model
    return models


def accepts(field: Field, value: str) -> bool:
    try:
        field.adapter.validate_python(value)
    except Exception:
        return False
    return True


def one_line(text: str) -> str:
    return " ".join(text.split())


def variants(text: str) -> list[str]:
    """``text`` and ever tamer forms of it, for a field that refuses the wilder ones."""
    single = one_line(text)
    return [text, re.sub(r"\n\s*\n", "\n", text), single, re.sub(r"[\]\\]", "", single)]


def _one_paragraph(field: Field) -> bool:
    """The text of a paragraph item is one paragraph (validate refuses a blank line in it)."""
    return issubclass(field.parent, Paragraph) and field.path[-1] == "text"


def hostile_for(field: Field, text: str) -> str:
    """The wildest variant of ``text`` the field accepts (every text field accepts the last)."""
    for candidate in variants(text):
        if _one_paragraph(field) and re.search(r"\n\s*\n", candidate):
            continue
        if accepts(field, candidate):
            return candidate
    raise AssertionError(f"{field.name} refuses even {variants(text)[-1]!r}")


def fill_tree(root: Path, text_for: Callable[[Field], str], section: str) -> list[Field]:
    """Rewrite every content file under ``root`` with every text field holding ``text_for(field)``
    (the source-section fields: ``section``). Returns the text fields that were filled."""
    documents, problems = load_tree(root)
    assert not problems, problems
    filled: dict[str, Field] = {}
    for doc in documents:
        for _loc, model, data in validate._items(doc, []):
            for field in fields(model, owner=doc.kind.name):
                if field.kind not in ("text", "text-list"):
                    continue
                value = section if field.path[-1] in LINKED else text_for(field)
                if _set(data, field.path, value, field.kind == "text-list"):
                    filled[field.name] = field
        if doc.kind.name == "sources":
            for item in doc.data:
                item["sections"] = [section]
        doc.path.write_text(
            yaml.safe_dump(doc.data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
        )
    return sorted(filled.values(), key=lambda f: f.name)


def _set(data: Any, path: tuple[str, ...], value: str, many: bool) -> bool:
    """Set ``path`` inside ``data`` (``[]`` = every item of a list); True when something was set."""
    if not isinstance(data, dict):
        return False
    head, rest = path[0], path[1:]
    if not rest:
        data[head] = [value] if many else value
        return True
    if rest[0] == "[]":
        return any([_set(item, rest[1:], value, many) for item in data.get(head) or []])
    if head not in data:
        return False
    return _set(data[head], rest, value, many)


def all_fields(root: Path) -> list[Field]:
    return [f for kind, model in content_models(root).items() for f in fields(model, owner=kind)]


def problems_are_positioned(problems: list[Problem]) -> bool:
    return all(p.path and p.line >= 1 and p.col >= 1 and p.message for p in problems)
