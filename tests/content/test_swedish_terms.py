"""The Swedish programme terms (practices/swedish-terms.yml) hold for every Swedish text we wrote:
where a Finnish text uses a listed Finnish term, its ``sv:`` translation uses the listed Swedish
term, and no ``sv:`` text uses a form the list says to avoid. The texts are read from the YAML
itself, so the check sees exactly what an editor wrote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import collections as m
from generator.pipeline import check

PRACTICES = REPO / "practices"
TERMS_FILE = PRACTICES / "swedish-terms.yml"
NOT_TRANSLATIONS = {TERMS_FILE, PRACTICES / "synonyms.yml"}
"""The terms list itself, and the search vocabulary (its Swedish words are search words)."""

TITLED_BY = {"title": "objective"}
"""A pair has no Finnish title: its Swedish title translates its objective."""

Translation = tuple[str, str, str]
"""Where (file and keys), the Finnish text, its Swedish translation."""


def terms() -> list[m.SwedishTerm]:
    return m.SwedishTerms.model_validate(yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))).terms


WITH_AVOID = [t for t in terms() if t.avoid]
WITH_STEMS = [t for t in terms() if t.finnish_stem]


def _pairs(fi: Any, sv: Any, where: str) -> Iterator[Translation]:
    """The Finnish and Swedish texts of one ``sv:`` block, field by field and item by item; a
    glossary term's Swedish ``forms`` are forms of its Swedish term, each paired with the Finnish term."""
    if isinstance(sv, str):
        yield where, fi if isinstance(fi, str) else "", sv
    elif isinstance(sv, dict):
        for key, value in sv.items():
            if key == "forms" and isinstance(fi, dict):  # Swedish word forms of the Swedish term
                for i, form in enumerate(value):
                    yield from _pairs(fi.get("term"), form, f"{where}.forms[{i}]")
            else:
                finnish = fi.get(key, fi.get(TITLED_BY.get(key, ""))) if isinstance(fi, dict) else None
                yield from _pairs(finnish, value, f"{where}.{key}")
    elif isinstance(sv, list):
        fi_items = fi if isinstance(fi, list) else []
        for i, value in enumerate(sv):
            yield from _pairs(fi_items[i] if i < len(fi_items) else None, value, f"{where}[{i}]")


def translations_in(data: Any, where: str) -> Iterator[Translation]:
    """Every Swedish text under ``data`` with the Finnish text it translates."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sv":
                yield from _pairs(data, value, f"{where}.sv")
            else:
                yield from translations_in(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            label = value.get("id", i) if isinstance(value, dict) else i
            yield from translations_in(value, f"{where}[{label}]")


def shipped_translations() -> list[Translation]:
    found: list[Translation] = []
    for path in sorted(PRACTICES.rglob("*.yml")):
        if path not in NOT_TRANSLATIONS:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            found += translations_in(data, str(path.relative_to(REPO)))
    return found


def uses(text: str, form: str) -> bool:
    """``form`` occurs in ``text`` as written (any case), not as part of a longer word: a form
    that begins or ends in a letter must not have a letter next to it there."""
    before = r"(?<!\w)" if re.match(r"\w", form) else ""
    after = r"(?!\w)" if re.search(r"\w$", form) else ""
    return re.search(before + re.escape(form) + after, text, re.IGNORECASE) is not None


def term_problems(where: str, fi: str, sv: str, listed: list[m.SwedishTerm]) -> list[str]:
    """What one translation does against the list, each problem as one line."""
    problems = []
    for term in listed:
        for form in term.avoid:
            if uses(sv, form):
                problems.append(f"{where}: '{form}' (vältettävä muoto; termi on '{term.swedish}')")
        fi_stem, sv_stem = term.finnish_stem or "", term.swedish_stem or ""
        if fi_stem and fi_stem.lower() in fi.lower() and sv_stem.lower() not in sv.lower():
            problems.append(
                f"{where}: suomeksi '{fi_stem}…' ({term.finnish}), ruotsiksi ei '{sv_stem}…' ({term.swedish})"
            )
    return problems


def test_the_list_is_complete_and_agrees_with_itself():
    listed = terms()
    assert len(listed) >= 40
    assert len({t.finnish.lower() for t in listed}) == len(listed), "a Finnish term is listed twice"
    required = {"ackreditering", "Erasmus+-ackreditering", "Erasmus+-plan", "kvalitetsstandarder", "mobilitet",
                "konsortium", "konsortiets koordinator", "programområde 1", "organisation", "deltagare",
                "vuxenutbildning", "skolutbildning", "småbarnspedagogik", "daghem", "allmänbildande utbildning",
                "mobilitet i utbildningssyfte", "jobbskuggning", "fortbildning", "mål", "indikator",
                "programhandledning", "nationellt kontor"}  # fmt: skip
    assert required <= {t.swedish for t in listed}
    for term in listed:
        assert term.reason.strip(), term.finnish
        assert (term.finnish_stem is None) == (term.swedish_stem is None), term.finnish
        if term.swedish_stem:
            assert term.swedish_stem.lower() in term.swedish.lower(), term.finnish
        for other in listed:
            assert not any(uses(other.swedish, form) for form in term.avoid), (term.finnish, other.swedish)


PUBLISHED = re.compile(r"https?://\S+")
NOT_FOUND = "Ingen publicerad användning"


def test_every_reason_names_where_the_term_is_used_or_says_it_was_not_found():
    """A reviewer can follow each term to a published page, or sees plainly that none was found."""
    unsourced = [t.finnish for t in terms() if not PUBLISHED.search(t.reason) and NOT_FOUND not in t.reason]
    assert unsourced == []


def test_every_swedish_text_uses_the_listed_terms_and_none_to_avoid():
    found = shipped_translations()
    assert len(found) >= 400  # themes, checklist, glossary, vocabularies, titles, notes, report
    listed = terms()
    problems = [p for where, fi, sv in found for p in term_problems(where, fi, sv, listed)]
    assert problems == []


def test_the_shipped_content_is_translated_whole():
    """No missing-translation warning: every Finnish own word of the shipped content has its Swedish."""
    result = check(PRACTICES)
    assert [str(p) for p in result.problems] == []
    assert [str(w) for w in result.warnings] == []


def test_every_swedish_text_translates_a_finnish_text():
    """A Swedish field whose Finnish field is missing is a key or an item too many."""
    assert [where for where, fi, _ in shipped_translations() if not fi.strip()] == []


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=8)


@settings(deadline=None)
@given(data=st.data(), before=st.lists(_word, max_size=4), after=st.lists(_word, max_size=4))
def test_a_form_to_avoid_is_found_wherever_it_stands(data, before, after):
    term = data.draw(st.sampled_from(WITH_AVOID))
    form = data.draw(st.sampled_from(term.avoid))
    cased = data.draw(st.sampled_from([form, form.upper(), form.capitalize()]))
    text = " ".join([*before, cased + data.draw(st.sampled_from(["", ".", ",", ":"])), *after])
    assert term_problems("x", "", text, [term]) != []
    assert term_problems("x", "", " ".join([*before, term.swedish, *after]), [term]) == []


@settings(deadline=None)
@given(data=st.data(), glue=_word)
def test_a_form_inside_a_longer_word_is_not_that_form(data, glue):
    term = data.draw(st.sampled_from(WITH_AVOID))
    form = data.draw(st.sampled_from([f for f in term.avoid if re.search(r"\w$", f)] or [None]))
    if form is not None:
        assert not uses(f"{form}{glue}", form)


@settings(deadline=None)
@given(fi=st.sampled_from(WITH_STEMS), filler=st.lists(_word, max_size=6))
def test_a_translation_without_the_listed_term_is_reported(fi, filler):
    finnish = " ".join([*filler, f"{fi.finnish_stem}n"])
    swedish = " ".join(filler) or "text"
    if fi.swedish_stem.lower() not in swedish.lower():
        assert term_problems("x", finnish, swedish, [fi]) != []
    assert term_problems("x", finnish, f"{swedish} {fi.swedish}", [fi]) == []


def test_the_path_names_the_item():
    data = {"terms": [{"id": "kv", "term": "KV", "sv": {"term": "KV", "forms": ["a"]}}]}
    assert [w for w, _, _ in translations_in(data, "g.yml")] == [
        "g.yml.terms[kv].sv.term",
        "g.yml.terms[kv].sv.forms[0]",
    ]


TEMPLATES = REPO / "generator" / "site" / "templates"


def template_translations() -> list[Translation]:
    """Every Swedish page template (``templates/sv/``) with the Finnish template it translates,
    and every word of the Swedish edition's words table (``editions.SV.words``) with its Finnish."""
    from generator.site.editions import SV

    found: list[Translation] = []
    for path in sorted((TEMPLATES / "sv").glob("*.md")):
        finnish = TEMPLATES / path.name
        fi = finnish.read_text(encoding="utf-8") if finnish.is_file() else ""
        found.append((str(path.relative_to(REPO)), fi, path.read_text(encoding="utf-8")))
    found += [(f"editions.SV.words[{fi!r}]", fi, sv) for fi, sv in SV.words]
    return found


def test_the_swedish_templates_and_words_use_the_listed_terms_and_none_to_avoid():
    found = template_translations()
    assert len(found) >= 30
    listed = terms()
    problems = [p for where, fi, sv in found for p in term_problems(where, fi, sv, listed)]
    assert problems == []
