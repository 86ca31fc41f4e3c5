"""page_filters: which pages carry which filter value, read from the fragments Pagefind wrote."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.bundle import SIGNATURE
from generator.search.page_filters import FILE, page_filters, write

# Any text, markup and quotes included: the file is data, never shown.
text = st.text(min_size=1, max_size=12)
pages = st.dictionaries(
    st.from_regex(r"fi_[0-9a-f]{7}", fullmatch=True),
    st.dictionaries(text, st.lists(text, min_size=1, max_size=4, unique=True), max_size=4),
    max_size=8,
)


def bundle_of(folder: Path, fragments: dict[str, dict[str, list[str]]]) -> Path:
    (folder / "fragment").mkdir(parents=True)
    for page_id, filters in fragments.items():
        fragment = {"url": f"/{page_id}/", "content": "…", "filters": filters, "meta": {}}
        data = SIGNATURE + json.dumps(fragment, ensure_ascii=False).encode("utf-8")
        (folder / "fragment" / f"{page_id}.pf_fragment").write_bytes(gzip.compress(data))
    return folder


@settings(max_examples=examples(40))
@given(fragments=pages)
def test_a_page_is_listed_under_exactly_the_values_its_fragment_has(tmp_path_factory, fragments):
    bundle = bundle_of(tmp_path_factory.mktemp("pagefind"), fragments)
    write(bundle)
    written = json.loads((bundle / "kb" / FILE).read_text(encoding="utf-8"))
    assert written == page_filters(bundle)
    listed = {
        (page_id, key, value)
        for key, values in written.items()
        for value, ids in values.items()
        for page_id in ids
    }
    carried = {
        (page_id, key, value)
        for page_id, filters in fragments.items()
        for key, values in filters.items()
        for value in values
    }
    assert listed == carried


def test_the_build_writes_it_for_each_edition_with_its_help_pages(fixture_site: Path):
    for bundle in (fixture_site / "pagefind", fixture_site / "sv" / "pagefind"):
        written = json.loads((bundle / "kb" / FILE).read_text(encoding="utf-8"))
        assert written == page_filters(bundle)
        assert written["laji"] and written["sivu"]["ohje"], bundle
        helps = {
            json.loads(
                gzip.decompress((bundle / "fragment" / f"{i}.pf_fragment").read_bytes())[len(SIGNATURE) :]
            )["url"]
            for i in written["sivu"]["ohje"]
        }
        assert any(url.endswith("/toimittajille/") for url in helps), helps
