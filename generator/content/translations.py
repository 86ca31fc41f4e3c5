"""Swedish translations (``sv:``): what is missing, and what cannot be a translation.

Stage: part of validate. In: one item that passed its model, with its place in the document.
Out: warnings naming the Swedish fields still missing (the Swedish page then shows the Finnish
text marked as untranslated), and problems for a ``sv:`` that translates nothing: a Swedish list
longer than the Finnish one, a Swedish text for a field left empty in Finnish, a translation of a
paragraph that quotes the report. The rule is read from the models alone: an ``sv`` field holds
the same key names as the Finnish fields it translates, lists item by item, so a kind or a field
added later is covered without touching this module.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .load import Path_

SV = "sv"
"""The key of a translation, on every item that has words of our own."""

UNCHECKED = frozenset({"forms"})
"""Swedish fields that are optional in their own right and translate no Finnish field: a glossary
term's inflected Swedish forms (given whether or not the Finnish term lists forms)."""


@dataclass(frozen=True)
class Finding:
    """A missing Swedish field (``warning``) or a Swedish text that translates nothing."""

    where: Path_
    message: str
    warning: bool


def check(item: BaseModel, loc: Path_) -> list[Finding]:
    """Every finding in ``item`` (at ``loc`` in its document) and the models nested in it."""
    return list(_walk(item, loc))


def _walk(item: BaseModel, loc: Path_) -> Iterator[Finding]:
    for name in type(item).model_fields:
        value = getattr(item, name)
        if name == "sv":
            continue
        if isinstance(value, BaseModel):
            yield from _walk(value, loc + (name,))
        elif isinstance(value, (list, tuple)):
            for i, part in enumerate(value):
                if isinstance(part, BaseModel):
                    yield from _walk(part, loc + (name, i))
    if "sv" in type(item).model_fields:
        missing: list[tuple[Path_, str]] = []
        sv_model = _model(type(item).model_fields["sv"].annotation)
        assert sv_model is not None
        yield from _compare(item, getattr(item, SV), sv_model, loc, (SV,), missing)
        if missing:
            first = missing[0][0]
            named = ", ".join(label for _, label in missing)
            yield Finding(
                first,
                f"ruotsinkielinen käännös puuttuu: {named} (ruotsinkielinen sivu näyttää suomenkielisen "
                "tekstin merkittynä kääntämättömäksi)",
                warning=True,
            )


def _compare(
    finnish: Any,
    swedish: BaseModel | None,
    sv_model: type[BaseModel],
    loc: Path_,
    sv_rel: Path_,
    missing: list[tuple[Path_, str]],
) -> Iterator[Finding]:
    """``finnish``: the object translated; ``swedish``: its translation (None: none given);
    ``loc``: where ``finnish`` is; ``sv_rel``: where ``swedish`` is, relative to the item."""
    item_loc = loc[: len(loc) - _depth(sv_rel)]
    sv_loc = item_loc + sv_rel
    quoted = bool(getattr(finnish, "quote", False))
    for name, field in sv_model.model_fields.items():
        fi_value = getattr(finnish, name, _NEW)
        sv_value = getattr(swedish, name, None) if swedish is not None else None
        inner = _model(field.annotation)
        listed = _is_list(field.annotation)
        given = sv_value not in (None, [], ())
        if quoted:
            if given:
                yield Finding(
                    sv_loc + (name,),
                    f"kappale on lainaus selvityksestä (quote: true), eikä lainauksia käännetä; poista "
                    f"{_label(sv_rel + (name,))}",
                    warning=False,
                )
            continue
        if name in UNCHECKED:  # Swedish word forms of the Swedish term, whatever the Finnish has
            continue
        if fi_value in (None, [], ()):
            if given:
                yield Finding(
                    sv_loc + (name,),
                    f"kentällä {_label(sv_rel + (name,))} ei ole suomenkielistä vastinetta (kenttä '{name}' "
                    "puuttuu tai on tyhjä); kirjoita ensin suomenkielinen teksti",
                    warning=False,
                )
            continue
        if inner is not None and listed:
            assert isinstance(fi_value, (list, tuple))
            fi_items = list(fi_value)
            sv_items = list(sv_value or [])
            if len(sv_items) > len(fi_items):
                yield Finding(
                    sv_loc + (name, len(fi_items)),
                    f"luettelossa {_label(sv_rel + (name,))} on {len(sv_items)} kohtaa, suomeksi "
                    f"{len(fi_items)}; käännä kohta kohdalta samassa järjestyksessä",
                    warning=False,
                )
            for i, fi_item in enumerate(fi_items):
                yield from _compare(
                    fi_item,
                    sv_items[i] if i < len(sv_items) else None,
                    inner,
                    loc + (name, i),
                    sv_rel + (name, i),
                    missing,
                )
        elif inner is not None:
            yield from _compare(
                fi_value if fi_value is not _NEW else None,
                sv_value,
                inner,
                loc + (name,),
                sv_rel + (name,),
                missing,
            )
        elif not given:
            missing.append((loc + (name,) if fi_value is not _NEW else item_loc, _label(sv_rel + (name,))))


_NEW = object()
"""A Swedish field with no Finnish field of the same name (a pair's Swedish title)."""


def _depth(rel: Path_) -> int:
    """How many steps of ``rel`` (after ``sv``) lead into the Finnish object as well."""
    return len(rel) - 1


def _label(rel: Path_) -> str:
    label = ""
    for part in rel:
        label += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple):
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return False


# --- the Swedish view of the content --------------------------------------------------------------


class Finnish(str):
    """Text shown in Finnish on a Swedish page because it is never translated: a quotation, an
    objective or indicator, the report's chapter names. Written inside ``lang="fi"``."""

    __slots__ = ()


class Untranslated(Finnish):
    """Finnish text whose Swedish translation is missing: written inside ``lang="fi"`` with a
    visible marker, never silently."""

    __slots__ = ()


def lines(text: str) -> tuple[str, ...]:
    """The lines of ``text`` that hold any text, each the same kind of text as ``text``: a line
    of Finnish text is Finnish text (``str`` methods give plain ``str``, which a Swedish page would
    write unmarked)."""
    kind = type(text) if isinstance(text, Finnish) else str
    return tuple(kind(line) for line in text.splitlines() if line.strip())


def swedish(item: _M) -> _M:
    """``item`` (any model: the whole ``Content`` or one entry) with every text of our own in
    Swedish where ``sv:`` gives it, every other text marked ``Untranslated`` or ``Finnish``; ids,
    addresses, numbers and fixed choices as they are."""
    return _swedish(item, None, None)


_M = typing.TypeVar("_M", bound=BaseModel)


def _swedish(item: _M, translation: BaseModel | None, sv_type: type[BaseModel] | None) -> _M:
    """``translation``: the Swedish of ``item`` given in its parent's ``sv:``; ``sv_type``: the
    model of that Swedish (known even when none is given)."""
    fields = type(item).model_fields
    if SV in fields:
        sv_type, translation = _model(fields[SV].annotation), getattr(item, SV)
    quoted = bool(getattr(item, "quote", False))
    changes: dict[str, Any] = {}
    for name, field in fields.items():
        if name == SV:
            continue
        value = getattr(item, name)
        translatable = sv_type is not None and name in sv_type.model_fields and not quoted
        sub_type = _model(sv_type.model_fields[name].annotation) if translatable and sv_type else None
        sv_value = getattr(translation, name, None) if translatable and translation is not None else None
        if isinstance(value, BaseModel):
            changes[name] = _swedish(value, sv_value if isinstance(sv_value, BaseModel) else None, sub_type)
        elif isinstance(value, (list, tuple)) and value and isinstance(value[0], BaseModel):
            given = list(sv_value) if isinstance(sv_value, (list, tuple)) else []
            changes[name] = type(value)(
                _swedish(part, given[i] if i < len(given) else None, sub_type) for i, part in enumerate(value)
            )
        elif name in UNCHECKED:
            changes[name] = list(sv_value) if isinstance(sv_value, list) else []
        elif isinstance(value, str) and _is_text(field):
            translated = isinstance(sv_value, str)
            changes[name] = sv_value if translated else (Untranslated if translatable else Finnish)(value)
        elif isinstance(value, (list, tuple)) and _is_text(field):
            changes[name] = type(value)(Finnish(v) if isinstance(v, str) else v for v in value)
    return item.model_copy(update=changes)


def _is_text(field: Any) -> bool:
    """A field of visible text (``model.Text``, ``TermText``), not an id, address or choice."""
    return any(
        getattr(getattr(meta, "func", None), "__name__", "") in ("_visible", "_one_line_term")
        for meta in _metadata(field.annotation) + list(field.metadata)
    )


def _metadata(annotation: Any) -> list[Any]:
    found: list[Any] = list(getattr(annotation, "__metadata__", ()))
    for arg in typing.get_args(annotation):
        found += _metadata(arg)
    return found
