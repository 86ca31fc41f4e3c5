"""The words every page gets from shared configuration, in the language of the page.

Part of the finishing of pages (``steps.page_finishes``): finished HTML in, finished HTML out, on
every page whatever engine rendered it. Some words are written into every page by settings that
all editions share: the title of a heading's permalink (mkdocs.yml ``toc: permalink_title``),
the page's description (mkdocs.yml ``site_description``, which the theme writes into every page)
and the name of a table's scroll region (``page_html.TABLE``). They are written in Finnish; on a page
of another edition (its ``<html lang>``) they become that edition's words (``Edition.word``).
Each is translated where it stands, so a finished page is unchanged when finished again.

The theme repeats the page's headings as plain text: the title in the header, every heading in
the table of contents. A heading that is Finnish text alone on a page of another edition
(``<hN id=…><span lang="fi">…</span>``) gets ``lang="fi"`` there too, so a screen reader reads it
in Finnish in the header and the contents as in the article.
"""

from __future__ import annotations

import html
import re

from . import editions
from .page_html import TABLE

_LANG = re.compile(r'<html\b[^>]*?\slang="([^"]*)"')
_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")([^"]*)(")')
_DESCRIPTION = re.compile(r'(<meta name="description" content=")([^"]*)(")')
_FINNISH_HEADING = re.compile(
    r'<h[1-6] id="([^"]+)"><span lang="fi">[^<]*</span>(?:<a class="headerlink"|</h)'
)
_FINNISH_TITLE = re.compile(r'<h1 id="[^"]+"><span lang="fi">[^<]*</span>(?:<a class="headerlink"|</h)')
_CONTENTS_LINK = re.compile(r'(<a href="#([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis")>')
_HEADER_TOPIC = re.compile(
    r'(<div class="md-header__topic" data-md-component="header-topic">\s*<span class="md-ellipsis")>'
)
_REGION = re.compile(
    rf'(<div class="kb-scroll" tabindex="0" role="region" aria-label="){re.escape(TABLE)}(: |")'
)


def in_page_language(page: str) -> str:
    """``page`` with the shared settings' words in its own edition's language."""
    found = _LANG.search(page)
    edition = editions.by_code(found.group(1) if found else "")
    if edition is editions.EDITIONS[0]:
        return page
    table = html.escape(edition.word(TABLE), quote=True)

    def translated(match: re.Match[str]) -> str:
        """The attribute value in ``match``'s second group in the edition's language."""
        value = html.escape(edition.word(html.unescape(match.group(2))), quote=True)
        return match.group(1) + value + match.group(3)

    finnish = set(_FINNISH_HEADING.findall(page))

    def contents(match: re.Match[str]) -> str:
        return match.group(1) + (' lang="fi">' if match.group(2) in finnish else ">")

    page = _DESCRIPTION.sub(translated, _PERMALINK.sub(translated, page), count=1)
    if finnish:
        page = _CONTENTS_LINK.sub(contents, page)
        if _FINNISH_TITLE.search(page):
            page = _HEADER_TOPIC.sub(r'\1 lang="fi">', page, count=1)
    return _REGION.sub(lambda match: match.group(1) + table + match.group(2), page)
