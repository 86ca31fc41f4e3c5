"""page_html: a term's tooltip once per page and never in a heading; tables in keyboard-reachable
scroll regions named after their heading; finished HTML set aside from Markdown and only the
tooltips a page uses give the same HTML. glossary: where each term is used."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from conftest import REPO, examples
from html_safety import site_markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pipeline import build_pages, check
from generator.site import render
from generator.site.abbreviations import Abbreviations
from generator.site.glossary import usage
from generator.site.page_html import (
    FINISHED_END,
    FINISHED_START,
    first_terms_only,
    inert_links,
    scrollable_tables,
    set_aside,
    unmarked,
)


def test_a_term_is_marked_once_and_not_in_headings():
    html = (
        '<h1>KV <abbr title="kansainvälisyys">KV</abbr></h1>'
        '<p><abbr title="kansainvälisyys">KV</abbr> ja <abbr title="kansainvälisyys">KV</abbr>'
        ' <abbr title="opetussuunnitelma">OPS</abbr></p>'
    )
    assert first_terms_only(html) == (
        '<h1>KV KV</h1><p><abbr title="kansainvälisyys">KV</abbr> ja KV'
        ' <abbr title="opetussuunnitelma">OPS</abbr></p>'
    )


def test_tables_scroll_in_a_named_region():
    html = (
        '<h2 id="x">Vuosi &amp; 2020<a class="headerlink" href="#x">&para;</a></h2>'
        '<table><tr><td>1</td></tr></table><table class="kb-table"></table>'
    )
    assert scrollable_tables(html) == (
        '<h2 id="x">Vuosi &amp; 2020<a class="headerlink" href="#x">&para;</a></h2>'
        '<div class="kb-scroll" tabindex="0" role="region" aria-label="Taulukko: Vuosi &amp; 2020">'
        '<table><tr><td>1</td></tr></table></div><table class="kb-table"></table>'
    )


def test_built_pages_mark_each_term_once(real_site: Path):
    for page in ["tavoitteet/steam-pedagoginen-osaaminen", "", "lainaukset/kv-polku-konsortion-opsissa"]:
        html = (real_site / page / "index.html").read_text(encoding="utf-8")
        titles = Counter(re.findall(r'<abbr title="([^"]*)">', html))
        assert titles and max(titles.values()) == 1, page
        assert "<abbr" not in re.search(r"<h1.*?</h1>", html, re.S).group(0)


def test_glossary_links_each_term_to_the_entries_that_use_it(real_site: Path):
    index = check(REPO / "practices").index
    used = usage(index)
    kv = next(t for t in index.content.glossary.terms if t.term == "KV")
    assert any("KV" in (getattr(e, "text", "") or "") for e in used[kv.id])
    page = (real_site / "sanasto" / "index.html").read_text(encoding="utf-8")
    definition = page[page.index(f'<dt id="{kv.id}">') :].split("</dd>")[0]
    assert "Esiintyy:" in definition and 'href="../' in definition
    # Editors' word forms stay in the YAML, out of the reader's way.
    assert "Muita muotoja" not in page


def test_the_page_conversion_gives_the_html_markdown_gives_with_every_definition():
    """The page conversion (the extension mkdocs.yml lists) sets finished HTML (cards, the
    objective table) aside from Markdown and appends only the glossary definitions whose forms a
    page contains: every page of the shipped content must convert to exactly what Markdown alone
    gives with the blocks in place and every definition appended, then one tooltip per term and
    tables in scroll regions."""
    result = build_pages(REPO / "practices", docs=REPO / "docs", search=False)
    assert result.pages is not None
    plain, ours = site_markdown(ours=False), site_markdown(result.abbreviations)
    every_definition = str(result.abbreviations)
    assert every_definition.count("\n\n*[") > 200
    set_aside_on, tooltips = [], 0
    for path, text in result.pages.items():
        plain.reset()
        expected = inert_links(
            scrollable_tables(first_terms_only(plain.convert(unmarked(text) + every_definition)))
        )
        ours.reset()
        converted = ours.convert(text)
        assert converted == expected, path
        tooltips += converted.count("<abbr ")
        if set_aside(text)[1]:
            set_aside_on.append(path)
            assert FINISHED_START not in converted and 'class="kb-html"' not in converted
    assert {"lainaukset/index.md", "tavoitetaulukko.md", "teemat/osallisuus.md"} <= set(set_aside_on)
    assert tooltips > 100


def test_a_page_gets_the_tooltips_markdown_would_give_wherever_a_form_stands():
    """Emphasis (``_``, ``__``, ``*``) and backslash escapes next to a form: the text Markdown
    makes still has the form, so its tooltip must be there as with every definition appended;
    a form broken by an escape gets none either way."""
    result = check(REPO / "practices")
    assert result.index is not None
    abbreviations = render.abbreviations(result.index)
    md = site_markdown(ours=False)
    samples = [
        "Opiskelu _Aikuislukiossa_ sujuu.",
        "__Aikuislukiossa__ ja *KV*-toiminta",
        "x\\_Aikuislukiossa ja \\aAikuislukiossa ja \\\\Aikuislukiossa",
        "kv\\-toiminta, KV-toiminta, Erasmus\\+ -ohjelma ja Erasmus+ -ohjelma",
        "Aikuislukiossa1 ja kv-toimintaa",
    ]
    marked = 0
    for sample in samples:
        md.reset()
        every = md.convert(sample + str(abbreviations))
        md.reset()
        assert md.convert(sample + abbreviations.for_page(sample)) == every, sample
        marked += every.count("<abbr ")
    assert marked >= 7


_ABBREVIATIONS = Abbreviations(
    (("Erasmus+", "ohjelma"), ("KV", "kansainvälisyys"), ("OPS", "opetussuunnitelma"))
)
_FRAGMENTS = st.sampled_from(
    [
        "# Otsikko KV",
        "## OPS ja _KV_",
        "KV-toiminta ja OPS, *Erasmus+* -ohjelma.",
        "Teksti \\*KV\\* ja `KV` koodina.",
        "| KV | OPS |\n|---|---|\n| 1 | 2 |",
        f'{FINISHED_START}\n<ul class="kb-cards"><li>KV <abbr title="x">OPS</abbr></li></ul>\n{FINISHED_END}',
        f"{FINISHED_START}\n<table><tr><td>KV</td></tr></table>\n{FINISHED_END}",
        "- KV\n- OPS",
        '<div markdown="1">KV ja **OPS**</div>',
        "> KV lainauksessa",
    ]
)


@settings(max_examples=examples(60), deadline=None)
@given(
    parts=st.lists(_FRAGMENTS, max_size=8), words=st.lists(st.sampled_from(["KV", "OPS", "sana", "_", "*"]))
)
def test_any_page_converts_as_markdown_alone_with_every_definition(parts: list[str], words: list[str]):
    """Whatever a page holds (headings, tables, finished blocks, emphasis, raw HTML with Markdown
    inside), the page conversion gives what Markdown alone gives for the page without markers and
    with every definition appended, then one tooltip per term and tables in scroll regions."""
    text = "\n\n".join([*parts, " ".join(words)])
    plain, ours = site_markdown(ours=False), site_markdown(_ABBREVIATIONS)
    expected = plain.convert(unmarked(text) + str(_ABBREVIATIONS))
    assert ours.convert(text) == inert_links(scrollable_tables(first_terms_only(expected)))
