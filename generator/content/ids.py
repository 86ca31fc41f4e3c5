"""Ids and addresses: every id names one thing, and every address one page, now and later.

Part of stage 2, validate. In: every item that passed its model, by kind. Out: problems where an id
or a former id is used twice, is reserved for a generated page, or would take another's address.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from . import kinds
from .kinds import Kind
from .load import Document, Path_
from .problems import Problem

ByKind = dict[Kind, list[tuple[Document, Path_, Any]]]
"""Every item that passed its model, by kind: its document, its place there, the model object."""


def check_unique_ids(parsed: ByKind, problems: list[Problem]) -> None:
    """Entry ids and former ids share one namespace: an address once published means one thing."""
    owners: dict[str, tuple[Document, Path_]] = {}
    entries = _entries(parsed)
    users: dict[str, list[tuple[Document, Path_]]] = defaultdict(list)
    for doc, loc, entry in entries:
        users[entry.id].append((doc, loc))
        owners.setdefault(entry.id, (doc, loc))
    for entry_id, places in users.items():
        # Every file using the id is told which other files use it: which one is the new one is
        # not known here, and the editor looks at the file they changed.
        named = any(doc.path.stem == entry_id for doc, _ in places)
        for doc, loc in places if len(places) > 1 else ():
            if named and doc.path.stem != entry_id:
                continue  # that file is told its id is not its name; that is the thing to fix
            others = ", ".join(other.display for other, _ in places if other is not doc)
            problems.append(
                problem_at(doc, loc + ("id",), f"tunniste '{entry_id}' on jo käytössä tiedostossa {others}")
            )
    for doc, loc, entry in entries:
        listed: set[str] = set()
        for i, old in enumerate(entry.former_ids):
            where = loc + ("former_ids", i)
            if old == entry.id:
                problems.append(problem_at(doc, where, f"aiempi tunniste '{old}' on merkinnän oma tunniste"))
            elif old in listed:
                problems.append(problem_at(doc, where, f"aiempi tunniste '{old}' on luettelossa kahdesti"))
            elif old in owners and owners[old][0] is not doc:
                problems.append(
                    problem_at(
                        doc,
                        where,
                        f"aiempi tunniste '{old}' on "
                        f"edelleen käytössä tiedostossa {owners[old][0].display}; "
                        "tunnistetta ei voi käyttää uudelleen",
                    )
                )
            else:
                owners[old] = (doc, loc)
            listed.add(old)
    for kind in kinds.VOCABULARIES:
        seen: dict[str, int] = {}
        for doc, loc, item in parsed[kind]:
            if item.id in seen:
                problems.append(
                    problem_at(doc, loc + ("id",), f"tunniste '{item.id}' on sanastossa kahdesti")
                )
            seen[item.id] = 1
    for single in (kinds.GLOSSARY, kinds.STATISTICS):
        seen = {}
        for doc, loc, item in parsed[single]:
            if item.id in seen:
                problems.append(
                    problem_at(doc, loc + ("id",), f"tunniste '{item.id}' on tiedostossa kahdesti")
                )
            seen[item.id] = 1
    _check_addresses(parsed, problems)


_RESERVED_IDS = {"index": "luettelosivun", "ei-mainittu": "sivun 'Ei mainittu lähteessä'"}
"""Ids whose page would take the place of a generated page: ``<folder>/index.md`` is the folder's
own listing, ``sektorit/ei-mainittu.md`` and ``hakijatyypit/ei-mainittu.md`` list what the source
leaves unstated."""


PRIORITY_PAGE_IDS = frozenset({"painopisteet"})
"""Element ids the priorities page already has: a priority's address is ``painopisteet/#<id>``,
an anchor among the page's own elements (its heading; the site's own elements' ids begin with
``kb-``, the theme's with ``__``, which no id can)."""


def _clashes_on_page(kind: kinds.Kind, value: str) -> bool:
    return kind is kinds.PRIORITIES and (value in PRIORITY_PAGE_IDS or value.startswith("kb-"))


def _check_addresses(parsed: ByKind, problems: list[Problem]) -> None:
    """Every id and former id that becomes an address names exactly one page, now and later.

    Values of a vocabulary with pages of their own (sectors, applicant types, quality standards,
    priorities) keep their former ids like entries do: unique in their vocabulary and never the
    id of another value.
    """
    for doc, loc, entry in _entries(parsed):
        for key, values in (("id", [entry.id]), ("former_ids", entry.former_ids)):
            for i, value in enumerate(values):
                if value == "index":
                    where = loc + (key,) if key == "id" else loc + (key, i)
                    problems.append(
                        problem_at(
                            doc,
                            where,
                            f"tunniste '{value}' on varattu "
                            f"{_RESERVED_IDS[value]} osoitteeksi; valitse toinen",
                        )
                    )
    for kind in (kinds.SECTORS, kinds.APPLICANT_TYPES, kinds.QUALITY_STANDARDS, kinds.PRIORITIES):
        ids = {item.id for _, _, item in parsed[kind]}
        reserved = {"index", "ei-mainittu"} if kind in (kinds.SECTORS, kinds.APPLICANT_TYPES) else {"index"}
        former: set[str] = set()
        for doc, loc, item in parsed[kind]:
            if item.id in reserved:
                problems.append(
                    problem_at(
                        doc,
                        loc + ("id",),
                        f"tunniste '{item.id}' on varattu "
                        f"{_RESERVED_IDS[item.id]} osoitteeksi; valitse toinen",
                    )
                )
            for where, value in [(loc + ("id",), item.id)] + [
                (loc + ("former_ids", i), old) for i, old in enumerate(item.former_ids)
            ]:
                if _clashes_on_page(kind, value):
                    problems.append(
                        problem_at(
                            doc,
                            where,
                            f"tunniste '{value}' on jo painopistesivun oman osan tunniste (osoite "
                            f"painopisteet/#{value} veisi siihen); valitse toinen",
                        )
                    )
            for i, old in enumerate(item.former_ids):
                if old in ids or old in reserved:
                    problems.append(
                        problem_at(
                            doc,
                            loc + ("former_ids", i),
                            f"aiempi tunniste '{old}' on "
                            "sanastossa käytössä tai varattu; tunnistetta ei voi käyttää "
                            "uudelleen",
                        )
                    )
                elif old in former:
                    problems.append(
                        problem_at(
                            doc, loc + ("former_ids", i), f"aiempi tunniste '{old}' on sanastossa kahdesti"
                        )
                    )
                former.add(old)


def _entries(parsed: ByKind) -> list[tuple[Document, Path_, Any]]:
    return [item for kind in kinds.ENTRIES for item in parsed[kind]]


def problem_at(doc: Document, loc: Path_, message: str, *, key: bool = False) -> Problem:
    line, col = doc.position(loc, key=key)
    return Problem(doc.display, line, col, message)
