"""markdown_text: YAML text reaches Markdown as text, never as syntax or HTML."""

from __future__ import annotations

import markdown

from generator.site.markdown_text import inline, prose, verbatim

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
