"""The variants the search was measured with and did not choose (README, "Haku").

- ``SimplemmaAnalyser``: simplemma's lemma dictionary; compounds split greedily on known words.
- ``SnowballAnalyser``: Snowball stems (pystemmer), what Pagefind itself already does at both
  ends; the baseline of the comparison.
- ``prepare_terms_in_metadata``: the added terms in a searchable Pagefind metadata field instead
  of a block at the end of the article.

Each plugs into the site's own search build (``generator.search.indexer.build``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from generator.search.morphology import ANALYSERS, MIN_LENGTH, Analyser, MorphologyUnavailable, analyser
from generator.search.prepare import CONTENT_WEIGHT, TERMS_MARK, PreparedPage, prepare
from generator.site.facets import SearchRecord

MEASURED = ("none", "snowball", "simplemma", "voikko")
METADATA_FIELD = "morfo"


class SimplemmaAnalyser(Analyser):
    """simplemma: the dictionary lemma, and a greedy split of compounds into known words."""

    name = "simplemma"

    def __init__(self) -> None:
        try:
            import simplemma
        except ImportError as error:
            raise MorphologyUnavailable(f"Python-paketti simplemma puuttuu: {error}") from error
        self._lemmatize: Callable[[str], str] = lambda w: simplemma.lemmatize(w, lang="fi").lower()
        self._known: Callable[[str], bool] = lambda w: simplemma.is_known(w, lang="fi")

    def base_forms(self, word: str) -> set[str]:
        return {self._lemmatize(word)}

    def analyse(self, word: str) -> set[str]:
        lemma = self._lemmatize(word)
        return {lemma, *self._split(lemma)}

    def _split(self, lemma: str) -> list[str]:
        """The longest known head whose rest is a known word: "hankesuunnitelma" → "hanke" +
        "suunnitelma"."""
        for cut in range(len(lemma) - MIN_LENGTH, MIN_LENGTH - 1, -1):
            head, tail = lemma[:cut], lemma[cut:]
            if self._known(head) and self._known(tail):
                return [head, tail]
        return []


class SnowballAnalyser(Analyser):
    """Snowball's Finnish stemmer (pystemmer): the baseline Pagefind already applies itself."""

    name = "snowball"

    def __init__(self) -> None:
        try:
            import Stemmer
        except ImportError as error:
            raise MorphologyUnavailable(f"Python-paketti pystemmer puuttuu: {error}") from error
        self._stem = Stemmer.Stemmer("finnish").stemWord

    def analyse(self, word: str) -> set[str]:
        return {self._stem(word)}


def measured_analyser(name: str) -> Analyser:
    """One of ``MEASURED``: the site's own analysers and the two measured against them."""
    if name in ANALYSERS:
        return analyser(name)
    classes: dict[str, Callable[[], Analyser]] = {
        "simplemma": SimplemmaAnalyser,
        "snowball": SnowballAnalyser,
    }
    if name not in classes:
        raise MorphologyUnavailable(f"tuntematon morfologia '{name}' (tunnetut: {', '.join(MEASURED)})")
    return classes[name]()


_BLOCK = re.compile(rf'<div data-pagefind-weight="{CONTENT_WEIGHT}">{TERMS_MARK} ([^<]*)</div>')


def prepare_terms_in_metadata(
    page_html: str, address: str, record: SearchRecord | None, analyser: Analyser
) -> PreparedPage | None:
    """The page as the site prepares it, its added terms moved into a metadata field."""
    page = prepare(page_html, address, record, analyser)
    if page is None:
        return None
    found = _BLOCK.search(page.html)
    if found is None:
        return page
    field = f'<span data-pagefind-meta="{METADATA_FIELD}:{html.escape(found.group(1), quote=True)}"></span>'
    moved = page.html[: found.start()] + page.html[found.end() :]
    moved = moved.replace("</body>", field + "</body>")
    return PreparedPage(page.url, moved, page.terms, page.words)
