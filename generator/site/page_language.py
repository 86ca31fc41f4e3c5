"""The words every page gets from shared configuration, in the language of the page.

Part of the finishing of pages (``steps.page_finishes``): finished HTML in, finished HTML out, on
every page whatever engine rendered it. Some words are written into every page by settings that
all editions share: the title of a heading's permalink (mkdocs.yml ``toc: permalink_title``) and
the name of a table's scroll region (``page_html.TABLE``). They are written in Finnish; on a page
of another edition (its ``<html lang>``) they become that edition's words (``Edition.word``).
Each is translated where it stands, so a finished page is unchanged when finished again.
"""

from __future__ import annotations

import html
import re

from . import editions
from .page_html import TABLE

_LANG = re.compile(r'<html\b[^>]*?\slang="([^"]*)"')
_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")([^"]*)(")')
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

    def permalink(match: re.Match[str]) -> str:
        title = html.escape(edition.word(html.unescape(match.group(2))), quote=True)
        return match.group(1) + title + match.group(3)

    page = _PERMALINK.sub(permalink, page)
    return _REGION.sub(lambda match: match.group(1) + table + match.group(2), page)
