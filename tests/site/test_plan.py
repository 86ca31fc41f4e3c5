"""The plan page's build-time data (data/suunnitelma.json), the page, and the "Lisää
suunnitelmaan" buttons that lead to it. The editor itself is tested in the browser
(tests/browser/test_plan.py)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from report_text import REPORT_TEXT, normalise

from generator.content import translations
from generator.content.index import build_index
from generator.content.model import INDICATOR_QUESTIONS, Pair, Term
from generator.content.sv import SvTerm
from generator.pipeline import build_pages
from generator.site import plan, urls
from generator.site.editions import SV


def pairs(index):
    return [p for p in index.examples if isinstance(p, Pair)]


def test_every_example_is_there_word_for_word_with_its_citation_and_address(real_index):
    data = plan.data(real_index)
    assert [e["id"] for e in data["examples"]] == [p.id for p in pairs(real_index)]
    sources = {s.id: s for s in real_index.content.vocabularies.sources}
    for pair, example in zip(pairs(real_index), data["examples"], strict=True):
        assert example["objective"] == pair.objective
        assert example["indicator"] == pair.indicator
        assert example["url"] == f"tavoitteet/{pair.id}/"
        source = sources[pair.source.document]
        # The citation names the original publication, its publisher, year and chapter.
        for part in (source.title, source.publisher, str(source.year), pair.source.section):
            assert normalise(part) in example["citation"], part
        assert example["citation"].startswith(normalise(pair.objective))
        assert example["annotation"] == pair.annotation.model_dump(mode="json")
        assert example["qualityStandards"] == list(pair.quality_standards)


def test_priorities_of_an_example_come_from_its_themes(real_index):
    data = plan.data(real_index)
    themes = {t.id: t for t in real_index.themes}
    for pair, example in zip(pairs(real_index), data["examples"], strict=True):
        expected = {p for t in pair.themes for p in themes[t].priorities}
        assert set(example["priorities"]) == expected
    assert any(e["priorities"] for e in data["examples"])


def test_questions_and_vocabularies_are_the_sites_own(real_index):
    data = plan.data(real_index)
    assert [(q["id"], q["label"], q["question"]) for q in data["questions"]] == list(INDICATOR_QUESTIONS)
    vocabularies = real_index.content.vocabularies
    assert [p["id"] for p in data["priorities"]] == [p.id for p in vocabularies.priorities]
    assert [s["id"] for s in data["qualityStandards"]] == [s.id for s in vocabularies.quality_standards]
    assert [s["label"] for s in data["qualityStandards"]] == [s.label for s in vocabularies.quality_standards]
    assert data["measureTypes"] == ["määrällinen", "laadullinen", "molemmat"]


def test_the_swedish_edition_has_its_own_file_with_our_words_in_swedish(real_index, real_site: Path):
    swedish = build_index(translations.swedish(real_index.content))
    built = json.loads((real_site / SV.prefix / plan.PLAN_FILE).read_text(encoding="utf-8"))
    assert built == plan.data(swedish, "", SV)
    finnish = plan.data(real_index)
    # The indicator questions are the editors' reading of the report: in Swedish, each of them.
    for sv_q, fi_q in zip(built["questions"], finnish["questions"], strict=True):
        assert sv_q["id"] == fi_q["id"]
        assert sv_q["label"] != fi_q["label"] and sv_q["question"] != fi_q["question"]
    # The examples are the applications' words and the Finnish publication's citation: as they are.
    assert [(e["objective"], e["indicator"], e["citation"]) for e in built["examples"]] == [
        (e["objective"], e["indicator"], e["citation"]) for e in finnish["examples"]
    ]
    # A vocabulary's label in Swedish where sv: gives it; otherwise Finnish, said so.
    vocabularies = real_index.content.vocabularies
    for terms, key in (
        (vocabularies.priorities, "priorities"),
        (vocabularies.quality_standards, "qualityStandards"),
    ):
        for term, shown in zip(terms, built[key], strict=True):
            translated = term.sv is not None and term.sv.label is not None
            assert shown["label"] == (term.sv.label if translated else term.label)
            assert ("label" in shown["untranslated"]) is not translated
            assert all(f in shown["inFinnish"] for f in shown["untranslated"])
    assert any(
        p["label"] != f["label"] for p, f in zip(built["priorities"], finnish["priorities"], strict=True)
    )


_words = st.text(st.characters(categories=("L",)), min_size=1, max_size=12)


@given(
    label=_words,
    group=st.none() | _words,
    description=st.none() | _words,
    sv_label=st.none() | _words,
    sv_description=st.none() | _words,
    sv_group=st.none() | _words,
)
def test_a_term_says_which_of_its_words_are_finnish_on_the_swedish_page(
    label, group, description, sv_label, sv_description, sv_group
):
    term = Term(
        id="x",
        label=label,
        group=group,
        description=description,
        general=True,
        sv=SvTerm(label=sv_label, description=sv_description, group=sv_group if group else None),
    )
    fi, sv = plan._term(term), plan._term(translations.swedish(term))
    assert fi["inFinnish"] == fi["untranslated"] == []
    assert sv["label"] == (sv_label or label)
    assert sv["description"] == (
        sv_description if description is not None and sv_description else description
    )
    originals = {"label": label, "description": description, "group": group}
    translations_ = {"label": sv_label, "description": sv_description, "group": sv_group if group else None}
    for field, translation in translations_.items():
        missing = originals[field] is not None and translation is None
        assert (field in sv["untranslated"]) is missing and (field in sv["inFinnish"]) is missing


def test_a_public_address_makes_citations_absolute(real_index):
    data = plan.data(real_index, "https://tietopankki.fi/")
    example = data["examples"][0]
    assert example["citationUrl"] == f"https://tietopankki.fi/tavoitteet/{example['id']}/"
    assert plan.data(real_index)["examples"][0]["citationUrl"] == f"tavoitteet/{example['id']}/"


def test_the_file_is_the_same_bytes_every_build(real_index, real_site: Path):
    """Built twice: here, and in the run's shared build of the shipped content
    (``conftest.real_site``, in another process or earlier)."""
    first = build_pages(REPO / "practices").files
    for path in (plan.PLAN_FILE, "sv/" + plan.PLAN_FILE):
        assert first[path] == (real_site / path).read_bytes(), path
    assert json.loads(first[plan.PLAN_FILE]) == plan.data(real_index)


def test_the_report_words_on_the_page_are_word_for_word_in_the_report(real_index):
    sections = real_index.content.vocabularies.sources[0].sections
    for text, section in plan.REPORT_QUOTES:
        assert normalise(text) in REPORT_TEXT
        assert section in sections


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_built_page_loads_its_module_and_says_it_needs_javascript(real_index, real_site: Path):
    page = _html(real_site, "suunnitelma")
    assert '["type", "module"], ["src", "../assets/kb-plan/plan.js"]' in page  # its script loader
    assert '<link rel="stylesheet" href="../assets/kb-plan/plan.css">' in page.split("</head>")[0]
    assert 'data-data="../data/suunnitelma.json"' in page
    assert "Oma suunnitelma tarvitsee JavaScriptin." in page
    assert (real_site / "assets/kb-plan/plan.js").is_file()
    assert (real_site / "assets/kb-plan/plan-format.js").is_file()
    assert json.loads((real_site / plan.PLAN_FILE).read_text(encoding="utf-8")) == plan.data(real_index)
    for text, _ in plan.REPORT_QUOTES:
        words = " ".join(re.sub(r"<[^>]+>", "", unescape(page)).split())
        assert normalise(text) in words
    # Only this page loads the editor.
    assert "kb-plan/plan.js" not in _html(real_site, "tavoitetaulukko")


def test_every_pair_page_and_table_row_adds_its_example(real_index, real_site: Path):
    table = _html(real_site, "tavoitetaulukko")
    for pair in pairs(real_index):
        link = f'href="../../suunnitelma/?lisaa={pair.id}"'
        assert link in _html(real_site, f"tavoitteet/{pair.id}"), pair.id
        row = re.search(rf'<tr data-id="{pair.id}".*?</tr>', table, re.S)
        assert row and f'href="../suunnitelma/?lisaa={pair.id}"' in row.group(0), pair.id
        assert ">Lisää suunnitelmaan</a>" in row.group(0)
    assert urls.PLAN == "suunnitelma.md"
