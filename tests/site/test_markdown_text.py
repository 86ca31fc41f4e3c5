"""markdown_text: YAML text reaches Markdown as text, never as syntax or HTML."""

from __future__ import annotations

import re

import markdown
import pytest
from conftest import examples
from html_safety import injected, site_markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.context import years_text
from generator.site.markdown_text import allowed_target, attribute, inline, prose, sentence_end, verbatim
from generator.site.page_html import FINISHED_END, FINISHED_START, inert_links

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


# --- links: no text from content becomes a link, and no link points anywhere but the allowed ---

LINK_PIECES = [
    "[",
    "]",
    "\\[",
    "\\]",
    "\\\\",
    "\\",
    "(",
    ")",
    "![",
    "<",
    ">",
    "[a]",
    "[a]: ",
    "](",
    "javascript:kbPwned()",
    "JaVaScRiPt:kbPwned()",
    "java\tscript:",
    "data:text/html,x",
    "vbscript:x",
    "&#106;avascript:",
    "&#x6A;",
    "&colon;",
    "&lt;",
    "&amp;",
    "%6A",
    "http://x",
    "mailto:x",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\x00",
    "\x01",
    "\x7f",
    "\u00a0",
    "`",
    "*",
    "_",
    "{: href=x }",
]
ESCAPES = st.sampled_from(["", "\\", "\\\\", "\\\\\\", "&#92;", "`"])
SCHEMES = st.sampled_from(
    [
        "javascript:",
        "JaVaScRiPt:",
        "java\tscript:",
        " javascript:",
        "\x01javascript:",
        "&#106;avascript:",
        "javascript&colon;",
        "data:text/html,",
        "vbscript:",
        "<javascript:",
    ]
)
LINK_SYNTAX = st.builds(
    lambda bang, escape, text, between, paren, space, scheme: (
        f"{bang}{escape}[{text}{escape}]{between}{escape if paren else ''}({space}{scheme}kbPwned())"
    ),
    st.sampled_from(["", "!"]),
    ESCAPES,
    st.sampled_from(["a", "", "x\\", "*a*", "[a]"]),
    st.sampled_from(["", " ", "\n"]),
    st.booleans(),
    st.sampled_from(["", " ", "\t", "\n", "<"]),
    SCHEMES,
)
"""Link and image syntax with the same escape before each bracket (and the parenthesis), mixed-case and
entity-written schemes, whitespace and control characters where a browser ignores them."""
LINKISH = st.lists(
    st.one_of(
        LINK_SYNTAX,
        st.sampled_from(LINK_PIECES),
        st.text(alphabet="[]()\\<>!:&;#x/ \t\n", max_size=4),
    ),
    min_size=1,
    max_size=10,
).map("".join)


PERMALINK = re.compile(r'<a class="headerlink" href="#[\w-]*" title="[^"<>]*">&para;</a>')
"""The permalink the toc extension gives a heading (prose may hold headings): the site's own."""


def site_html(text: str) -> str:
    """Markdown as the site converts it, without the page conversion's link rule: the filters
    alone must make no link (``inert_links`` is a second line, tested on its own)."""
    md = site_markdown(ours=False)
    md.reset()
    return PERMALINK.sub("", md.convert(text))


def test_a_backslash_before_each_bracket_makes_no_link_in_prose():
    out = site_html(prose("Ohje \\[napsauta\\](javascript:kbPwned()) loppuu."))
    assert "<a" not in out and "\\[napsauta\\](javascript:kbPwned())" in out


@settings(max_examples=examples(200), derandomize=True, database=None, deadline=None)
@given(text=LINKISH)
def test_no_text_through_any_filter_becomes_a_link_or_an_element(text: str):
    rendered = {
        "prose": site_html(prose(text)),
        "inline": site_html(inline(text)),
        "verbatim": site_html("\n\n".join(verbatim(text)) if text.strip() else ""),
        "attribute": site_html(f'<p title="{attribute(text)}">x</p>'),
    }
    for how, out in rendered.items():
        assert "<a" not in out and "<img" not in out, (how, text, out)
        assert injected(out, body=True) == [], (how, text, out)


@pytest.mark.parametrize(
    ("href", "allowed"),
    [
        ("../lainaukset/x/", True),
        ("#lainaus", True),
        ("?teema=x", True),
        ("https://www.oph.fi/", True),
        ("HTTP://x", True),
        ("mailto:kirjaamo@oph.fi", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("\x00javascript:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("javascript&colon;alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_allowed_link_targets(href: str, allowed: bool):
    assert allowed_target(href) is allowed


def test_finished_pages_keep_links_only_to_allowed_targets():
    page = (
        '<p><a href="../x/">oma</a> <a href="https://oph.fi">oph</a> <a class="k" href="java&#9;script:x()">'
        "paha</a> <a href='JAVASCRIPT:x'>toinen</a> <img src=data:image/svg+xml,x alt=\"\"> "
        '<a href="#y">ankkuri</a> &lt;a href="javascript:x"&gt;</p>'
    )
    out = inert_links(page)
    assert out == (
        '<p><a href="../x/">oma</a> <a href="https://oph.fi">oph</a> <a class="k">paha</a> '
        '<a>toinen</a> <img alt=""> <a href="#y">ankkuri</a> &lt;a href="javascript:x"&gt;</p>'
    )
    assert injected(out) == []


def test_every_page_the_build_finishes_goes_through_the_link_rule():
    """The page conversion (the Markdown extension mkdocs.yml lists, which every build and the
    tests use) finishes each page's HTML with ``inert_links`` after the finished blocks are put
    back, so no rendering path reaches a page around it."""
    text = (
        '<p><a href="java&#10;script:kbPwned()">a</a></p>\n\n'
        f'{FINISHED_START}\n<a href="JavaScript:kbPwned()">kortti</a>\n{FINISHED_END}\n'
    )
    assert site_markdown().convert(text) == "<p><a>a</a></p>\n\n<a>kortti</a>"


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
