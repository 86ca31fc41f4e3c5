"""page_language: the words that shared settings write into every page (a heading's permalink
title, a table's scroll region, the page description) are in the page's own language, and a
Finnish heading of a Swedish page is Finnish wherever the theme repeats it; a Finnish page is
left as it was, and a finished page stays as it is when finished again."""

from __future__ import annotations

import html
import re

import markdown
from html_language import shared_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.translations import Finnish
from generator.site import editions
from generator.site.markdown_text import inline
from generator.site.page_language import in_page_language

PERMALINK_TITLE = shared_settings()["permalink_title"]
DESCRIPTION = shared_settings()["site_description"]


def article(text: str) -> str:
    """``text`` converted as the site converts a page (mkdocs.yml's toc settings, our extension)."""
    converter = markdown.Markdown(
        extensions=["toc", "tables", "md_in_html", "generator.site.page_html"],
        extension_configs={"toc": {"permalink": True, "permalink_title": PERMALINK_TITLE}},
    )
    return converter.convert(text)


def page(lang: str, body: str, headings: list[tuple[str, str]]) -> str:
    """A page as the theme lays it out: description, header topic, contents, article."""
    contents = "".join(
        f'<li class="md-nav__item">\n  <a href="#{anchor}" class="md-nav__link">\n'
        f'    <span class="md-ellipsis">\n      {title}\n    </span>\n  </a>\n</li>'
        for anchor, title in headings
    )
    return (
        f'<!doctype html>\n<html lang="{lang}" class="no-js">\n<head>\n'
        f'<meta name="description" content="{html.escape(DESCRIPTION)}">\n</head>\n<body>\n'
        '<div class="md-header__topic" data-md-component="header-topic">\n'
        f'  <span class="md-ellipsis">\n    {headings[0][1] if headings else ""}\n  </span>\n</div>\n'
        f'<nav class="md-nav md-nav--secondary"><ul>{contents}</ul></nav>\n'
        f"<article>{body}</article>\n</body>\n</html>\n"
    )


_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ÅÄÖ&<>\"'", min_size=1, max_size=30).filter(
    lambda s: s.strip() and re.search(r"\w", s)
)


def built(lang: str, heading: str, finnish_heading: bool) -> str:
    title = inline(Finnish(heading) if finnish_heading else heading)
    body = article(f"# {title}\n\n## {title}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    anchors = re.findall(r'<h[12] id="([^"]+)"', body)
    shown = html.escape(" ".join(heading.split()))
    return page(lang, body, [(a, shown) for a in anchors])


@settings(max_examples=60, deadline=None)
@given(heading=_words, finnish_heading=st.booleans())
def test_a_swedish_page_says_the_shared_words_in_swedish(heading: str, finnish_heading: bool):
    before = built("sv", heading, finnish_heading)
    after = in_page_language(before)
    assert PERMALINK_TITLE not in after and DESCRIPTION not in html.unescape(after)
    sv = editions.SV
    permalinks = re.findall(r'<a class="headerlink" href="[^"]*" title="([^"]*)"', after)
    assert permalinks and set(permalinks) == {html.escape(sv.word(PERMALINK_TITLE))}
    assert f'content="{html.escape(sv.word(DESCRIPTION))}"' in after
    regions = re.findall(r'role="region" aria-label="([^"]*)"', after)
    assert regions and all(r.startswith(sv.word("Taulukko") + ": ") for r in regions)
    marked = re.findall(r'<span class="md-ellipsis"( lang="fi")?>', after)
    assert marked == [' lang="fi"' if finnish_heading else ""] * len(marked)
    assert in_page_language(after) == after  # finished again: unchanged


@settings(max_examples=30, deadline=None)
@given(heading=_words, finnish_heading=st.booleans())
def test_a_finnish_page_is_left_as_it_was(heading: str, finnish_heading: bool):
    before = built("fi", heading, finnish_heading)
    assert in_page_language(before) == before


def test_a_heading_only_partly_finnish_is_not_marked():
    body = article(f"## Kapitlet {inline(Finnish('Viestintä'))}\n")
    anchor = re.search(r'<h2 id="([^"]+)"', body).group(1)  # type: ignore[union-attr]
    after = in_page_language(page("sv", body, [(anchor, "Kapitlet Viestintä")]))
    assert 'lang="fi">\n      Kapitlet' not in after and '<span class="md-ellipsis">' in after
