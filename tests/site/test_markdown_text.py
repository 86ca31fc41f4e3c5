"""markdown_text: YAML text reaches Markdown as text, never as syntax or HTML."""

from __future__ import annotations

import markdown
from hypothesis import given
from hypothesis import strategies as st

from generator.site.context import years_text
from generator.site.markdown_text import inline, prose, sentence_end, verbatim

EXTENSIONS = ["abbr", "attr_list", "tables", "pymdownx.escapeall"]


def html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_inline_shows_html_and_markdown_as_text():
    hostile = "<script>alert(1)</script> *tähti* [linkki](javascript:alert(1)) <img src=x onerror=alert(1)>"
    out = html(inline(hostile))
    assert "<script>" not in out and "<img" not in out and "<a " not in out and "<em>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *tähti* [linkki](javascript:alert(1))" in out


def test_verbatim_keeps_paragraphs_and_line_breaks():
    paragraphs = verbatim("1) yksi\n2) kaksi\n\nToinen kappale: KV-polku.")
    assert html(paragraphs[0]) == "<p>1) yksi<br>\n2) kaksi</p>"
    assert html(paragraphs[1]) == "<p>Toinen kappale: KV-polku.</p>"


def test_prose_keeps_lists_and_emphasis_but_not_html_or_links():
    out = html(prose("**Tärkeää**\n\n- kohta\n\n<b onclick=x>lihava</b> [x](javascript:alert(1))"))
    assert "<strong>Tärkeää</strong>" in out and "<li>kohta</li>" in out
    assert "<b " not in out and "<a " not in out


def test_prose_sets_no_attributes():
    out = html(prose('Kappale\n{: onclick="alert(1)" }\n\nToinen {: #tunniste }'))
    assert out == '<p>Kappale\n{: onclick="alert(1)" }</p>\n<p>Toinen {: #tunniste }</p>'


@given(st.text(max_size=40))
def test_a_sentence_that_ends_in_any_text_ends_with_one_full_stop(text):
    """A list of titles closes its sentence once: a title that ends a sentence itself ("… arjessa.")
    gets no second full stop, any other gets one."""
    closed = text + sentence_end(text)
    assert closed.rstrip().endswith((".", "!", "?", "…"))
    if text.rstrip().endswith((".", "!", "?", "…")):
        assert closed == text
    else:
        assert not closed.endswith("..") or text.endswith(".")


@given(st.sets(st.integers(min_value=1990, max_value=2040), min_size=1, max_size=6))
def test_application_years_read_as_a_range_only_when_consecutive(years):
    shown = years_text(years)
    ordered = sorted(years)
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        assert shown == f"{ordered[0]}–{ordered[-1]}"
    else:
        assert shown.split(", ") == [str(y) for y in ordered]
