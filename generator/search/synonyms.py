"""Stage: search. The editors' synonym groups (``practices/synonyms.yml``) → the file the query side reads.

kbSearch (docs/assets/kb-search/kb-query.js) applies them to every query, so adding a synonym
needs no new index: ``haku/synonyymit.json`` is a list of groups, each a list of lower-cased words
or phrases. It is written with the site's other generated files, not into Pagefind's bundle.
"""

from __future__ import annotations

import json

from ..content.model import Content

PATH = "haku/synonyymit.json"


def files(content: Content) -> dict[str, bytes]:
    groups = [[" ".join(word.lower().split()) for word in group.words] for group in content.synonyms]
    return {PATH: json.dumps(groups, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}
