"""listing: the finder's empty listing written into its page from the bundle Pagefind wrote.

The items are what kb-results.js ``renderResult`` makes of kb-search.js's answer to the empty
query; the browser tests compare them with the script's own (tests/browser/test_finder.py). Here:
every field comes back from the HTML as exactly its text, whatever it holds; the order is
Pagefind's sort of ``jarjestys`` (as text) over the kind facet's values; a page without the list
is left byte for byte as it was; and a small two-edition site indexed by the real Pagefind gets
its lists from its own bundles.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, examples
from html_safety import injected
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search import bundle as search_bundle
from generator.search import listing
from generator.search.build import index_built_site
from generator.site.facets import SearchRecord

HOSTILE_PIECES = [
    "<script>alert(1)</script>",
    "</ol></li><li>",
    "&amp;",
    "&lt;b&gt;",
    '"',
    "'",
    "¶",
    " ¶ ",
    "⁂",
    "\u200b",
    "\r",
    "\r\n",
    "\ufeff",
    "\u0085",
    "\u001c",
    "\u00a0",
    "\u2028",
    "\t",
    "<!--",
    "]]>",
    "data-kb-finder-results",
    "ä",
    "x",
]
HOSTILE = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=3).filter(lambda t: "\0" not in t)),
    max_size=12,
).map("".join)
"""Text with markup, entities, quotes, the marks the rules look for and every kind of white space
(JavaScript's and Python's differ), and any other characters but NUL (which HTML cannot hold)."""


class _Items(HTMLParser):
    """The list's items as a browser's parser reads them: each one's elements in order (with their
    attributes) and the text of its link, meta line and excerpt."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[dict] = []
        self._where: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.items.append({"tags": [], "title": "", "meta": "", "excerpt": ""})
        item = self.items[-1]
        item["tags"].append((tag, dict(attrs)))
        self._where = {"a": "title", "p": dict(attrs).get("class", "").removeprefix("kb-finder__")}.get(tag)

    def handle_endtag(self, tag):
        self._where = None

    def handle_data(self, data):
        if self._where:
            self.items[-1][self._where] += data


def items_of(html: str) -> list[dict]:
    parser = _Items()
    parser.feed(html)
    parser.close()
    return parser.items


def list_of(page: str) -> str:
    """The finder list's items in ``page`` (the HTML between its tags)."""
    found = re.search(r"<ol [^>]*data-kb-finder-results[^>]*>(.*?)</ol>", page, re.S)
    assert found, "the page has no finder list"
    return found.group(1)


ITEM_TAGS = [
    ("li", {"class": "kb-finder__result"}),
    ("h2", {"class": "kb-finder__title"}),
    ("a", {"href": None}),
    ("p", {"class": "kb-finder__meta"}),
    ("p", {"class": "kb-finder__excerpt"}),
]


JS_SPACE = "".join(
    sorted(
        set("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff")
        | {chr(c) for c in range(0x2000, 0x200B)}
    )
)
"""JavaScript's white space (ECMAScript: WhiteSpace and LineTerminator), written out here from the
standard rather than taken from the module under test."""
_SPACES = f"[{re.escape(JS_SPACE)}]"


def js_words(text: str) -> list[str]:
    """JavaScript's ``text.split(/[\\r\\n\\s]+/)``."""
    return re.split(f"{_SPACES}+", text)


def js_clean_title(title: str) -> str:
    """kb-search.js ``cleanTitle``: ``title.replace(/\\s*¶\\s*$/, "").trim()``."""
    return re.sub(f"\\A{_SPACES}+|{_SPACES}+\\Z", "", re.sub(f"{_SPACES}*¶{_SPACES}*\\Z", "", title, count=1))


@settings(max_examples=examples(200))
@given(
    title=HOSTILE,
    kind=HOSTILE,
    themes=st.lists(HOSTILE, max_size=3),
    content=HOSTILE,
    url=st.sampled_from(["/lainaukset/a/", "/", "/teemat/x-y/", '/a&b"c/']),
)
def test_every_field_comes_back_from_the_html_as_exactly_its_text(title, kind, themes, content, url):
    data = {
        "url": url,
        "content": content,
        "meta": {"title": title, "laji": kind, "teemat": json.dumps(themes)},
        "filters": {"laji": ["lainaus"]},
    }
    result = listing.result_of(data, listing.href("haku/", url), {"kind.lainaus": "Lainaus"})
    html = listing.render([result, result])
    assert injected(html) == []
    items = items_of(html)
    assert len(items) == 2 and items[0] == items[1]
    (item,) = items[:1]
    assert [(tag, set(attrs)) for tag, attrs in item["tags"]] == [(t, set(a)) for t, a in ITEM_TAGS]
    assert [attrs for _, attrs in item["tags"]][:2] == [a for _, a in ITEM_TAGS][:2]
    # The link: the same address, relative to the finder's page.
    assert item["tags"][2][1]["href"] == result.href
    # kb-search.js cleanTitle: the trailing "¶" and white space around it go, nothing else.
    assert item["title"] == result.title == js_clean_title(title)
    assert item["meta"] == " · ".join([kind or "Lainaus", *([", ".join(themes)] if themes else [])])
    # The excerpt: the page's first 26 words before "⁂" (without zero-width spaces), as text.
    words = js_words(content.replace("\u200b", ""))
    if listing.TERMS_MARK in words:
        words = words[: words.index(listing.TERMS_MARK)]
    assert item["excerpt"] == " ".join(words[:26]) + (" …" if len(words) > 26 else "")


def test_the_title_rules_are_kb_search_js_s():
    assert listing.clean_title("Otsikko¶") == "Otsikko"
    assert listing.clean_title("  Otsikko \u00a0¶\ufeff \n") == "Otsikko"
    assert listing.clean_title("¶ keskellä ¶ ja lopussa ¶") == "¶ keskellä ¶ ja lopussa"
    assert listing.clean_title("Otsikko ¶ x") == "Otsikko ¶ x"
    assert listing.clean_title("Otsikko\u0085") == "Otsikko\u0085"  # not JavaScript's white space


def test_the_excerpt_is_the_first_words_before_the_mark_escaped():
    many = " ".join(f"s{n}" for n in range(40))
    assert listing.excerpt(many) == " ".join(f"s{n}" for n in range(26)) + " …"
    assert listing.excerpt(" ".join(f"s{n}" for n in range(26))) == " ".join(f"s{n}" for n in range(26))
    assert listing.excerpt(f"a <b> & \"c\" 'd' ⁂ {many}") == "a &lt;b&gt; &amp; &quot;c&quot; 'd'"
    assert listing.excerpt("a\u200bb\ufeffc\u0085d\u001ce") == "ab c\u0085d\u001ce"
    assert listing.excerpt(" a ") == " a "  # as JavaScript splits it: "", "a", ""
    assert listing.excerpt("") == ""


def test_themes_are_the_json_list_or_nothing():
    assert listing.themes_of({"teemat": '["a", "b"]'}) == ("a", "b")
    for value in (None, "", "[", "{}", '"a"', "NaN", "[NaN]", "\ufeff[]"):
        assert listing.themes_of({"teemat": value}) == ()
    with pytest.raises(RuntimeError, match="teemat"):
        listing.themes_of({"teemat": "[1]"})


NODE_WHITE_SPACE = """
const out = [];
for (let c = 0; c < 0x10000; c++) {
  const s = String.fromCharCode(c);
  if (/\\s/.test(s) !== (`x${s}`.trim() === "x")) throw new Error(`trim and \\s differ at ${c}`);
  if (/\\s/.test(s)) out.push(c);
}
console.log(out.join(" "));
"""


def test_javascript_s_white_space_is_the_module_s_and_the_test_s():
    """Words are split and titles trimmed at JavaScript's ``\\s`` (the same as ``trim``'s), as
    Node itself says it is (every white space character is in the Basic Multilingual Plane)."""
    node = shutil.which("node")
    assert node, "Node puuttuu (make test-quick tarvitsee sen)"
    done = subprocess.run([node, "-e", NODE_WHITE_SPACE], capture_output=True, text=True, check=True)
    javascript = {chr(int(c)) for c in done.stdout.split()}
    assert {chr(c) for c in range(0x10000) if re.fullmatch(f"[{listing.JS_SPACE}]", chr(c))} == javascript
    assert set(JS_SPACE) == javascript


KINDS_PAGE = """<!doctype html><html lang="{lang}"><head><title>x</title></head><body><article>
<form data-kb-finder><fieldset class="kb-finder__facet" data-facet="laji"><legend>Laji</legend>
<label><input type="checkbox" name="laji" value="lainaus"> Lainaus</label>
<label><input type="checkbox" name="laji" value="tavoite"> Tavoite</label>
<label><input type="checkbox" name="laji" value="teema"> Teema</label>
</fieldset><fieldset data-facet="teema"><label><input type="checkbox" name="teema" value="ohje"></label></fieldset></form>
<p class="kb-finder__status" data-kb-finder-status></p>
<script>if (location.search) document.documentElement.dataset.kbFinderAsked = "";</script>

<ol class="kb-finder__results" data-kb-finder-results></ol>
<p>Sivun loppu &amp; muuta</p>
</article></body></html>"""


@settings(max_examples=examples(200))
@given(page=st.text(), before=st.text(), after=st.text())
def test_a_page_without_the_list_is_left_byte_for_byte(page, before, after):
    result = listing.Result("../a/", "t", "k", (), "e")
    without = page.replace("data-kb-finder-results", "")
    assert listing.with_listing(without, [result]) == without
    # A list without its end, or an end before it, is no list either.
    broken = before + '<ol class="kb-finder__results" data-kb-finder-results>' + after.replace("</ol>", "")
    assert listing.with_listing(broken, [result]) == broken


def test_the_list_is_written_in_place_again_and_taken_away():
    page = KINDS_PAGE.format(lang="fi")
    one = listing.Result("../a/", "Yksi", "Lainaus", ("T",), "sanat")
    two = listing.Result("../b/", "Kaksi", "Teema", (), "")
    written = listing.with_listing(page, [one, two])
    start, end = page.index("<ol "), page.index("</ol>")
    assert written.startswith(page[:start]) and written.endswith(page[end:])
    assert '<ol class="kb-finder__results" data-kb-finder-results data-kb-finder-prerendered><li' in written
    assert listing.with_listing(written, [one, two]) == written
    assert listing.with_listing(written, [two]) == listing.with_listing(page, [two])
    assert listing.with_listing(written, []) == page
    assert listing.with_listing(page, []) == page


def test_the_kinds_and_the_language_are_read_from_the_page():
    assert listing.kinds_of(KINDS_PAGE.format(lang="fi")) == ("lainaus", "tavoite", "teema")
    assert (
        listing.kinds_of("<form><fieldset data-facet='teema'><input type=checkbox value=x></fieldset>") == ()
    )
    assert listing.language_of(KINDS_PAGE.format(lang="sv-FI")) == "sv"
    assert listing.language_of(KINDS_PAGE.format(lang="en")) == "fi"


def test_links_are_relative_to_the_finder_and_lead_where_pagefind_s_do():
    assert listing.href("haku/", "/lainaukset/a/") == "../lainaukset/a/"
    assert listing.href("haku/", "/") == "../"
    assert listing.href("haku/", "/haku/") == "./"
    assert listing.href("haku/", "/tietoa/x.html") == "../tietoa/x.html"
    for wrong in ("lainaukset/a/", "//example.invalid/x/", "https://example.invalid/"):
        with pytest.raises(RuntimeError, match="juuresta"):
            listing.href("haku/", wrong)


# A small site of both editions, indexed by the real Pagefind: entries of each kind with hostile
# titles, kinds and themes, one of a kind the finder does not list, and sort keys that a numeric
# sort would order otherwise ("10 …" before "2 …" as text).
ENTRIES = {
    "lainaukset/b/": ("0 b", "lainaus", '<script>alert("b")</script> & ¶'),
    "lainaukset/a/": ("0 a", "lainaus", "&amp; </ol></li> A"),
    "tavoitteet/c/": ("2 c", "tavoite", "C \"lainausmerkit\" 'ja' <b>"),
    "teemat/d/": ("10 d", "teema", "D <!-- kommentti"),
    "toimittajille/e/": ("0 0", "ohje", "E ei kuulu luetteloon"),
}
ORDER = ["lainaukset/a/", "lainaukset/b/", "teemat/d/", "tavoitteet/c/"]


def _entry_page(lang: str, title: str, words: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><body><article class="md-content__inner md-typeset">'
        f"<h1 id='x'>{title}</h1><p>{words}</p></article></body></html>"
    )


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("listing") / "site"
    records = {}
    for n, (url, (sort, kind, title)) in enumerate(ENTRIES.items()):
        records[url] = SearchRecord(
            url=url,
            title=title,
            kind=kind,
            kind_label=f"Laji <{kind}> & co",
            themes=(f"Teema {n} <i>", 'Toinen & "teema"'),
            description="kuvaus",
            filters={"laji": (kind,)},
            sort=sort,
        )
        words = '&lt;script&gt;alert(1)&lt;/script&gt; <b>&amp;</b> "q" ' + " ".join(
            f"sana{k}" for k in range(30)
        )
        for folder, lang in (("", "fi"), ("sv/", "sv")):
            (site / folder / url).mkdir(parents=True)
            heading = f"Rubrik {n} &amp; &lt;i&gt;" if lang == "sv" else "Otsikko"
            (site / folder / url / "index.html").write_text(
                _entry_page(lang, heading, words), encoding="utf-8"
            )
    for folder, lang in (("", "fi"), ("sv/", "sv")):
        (site / folder / "haku").mkdir(parents=True)
        (site / folder / "haku" / "index.html").write_text(KINDS_PAGE.format(lang=lang), encoding="utf-8")
    (site / "assets").mkdir()
    shutil.copytree(REPO / "docs" / "assets" / "kb-i18n", site / "assets" / "kb-i18n")
    index_built_site(site, records, "none")  # the search step of a build: index, then the listing
    return site


def test_each_edition_s_finder_lists_its_own_bundle_s_entries_in_pagefind_s_order(small_site: Path):
    for folder, lang in (("", "fi"), ("sv/", "sv")):
        page = (small_site / folder / "haku" / "index.html").read_text(encoding="utf-8")
        items = items_of(list_of(page))
        assert [item["tags"][2][1]["href"] for item in items] == [f"../{url}" for url in ORDER], lang
        assert injected(page) == []
        for item, url in zip(items, ORDER, strict=True):
            _sort, kind, title = ENTRIES[url]
            n = list(ENTRIES).index(url)
            if lang == "fi":  # the record's title, kind and themes
                assert item["title"] == title.removesuffix(" ¶")
                assert item["meta"] == f'Laji <{kind}> & co · Teema {n} <i>, Toinen & "teema"'
            else:  # the page's heading, the kind's Swedish name, no themes
                assert item["title"] == f"Rubrik {n} & <i>"
                assert (
                    item["meta"]
                    == {"lainaus": "Citat", "tavoite": "Mål och indikator", "teema": "Tema"}[kind]
                )
            words = item["excerpt"].split(" ")
            assert len(words) == 27 and words[-1] == "…" and "<script>alert(1)</script>" in item["excerpt"]
            assert [t for t, _ in item["tags"]] == [t for t, _ in ITEM_TAGS]


def test_the_listing_is_read_from_pagefind_s_own_files(small_site: Path):
    """The fragments are gzip, then the signature and JSON; the metadata holds the sort's order."""
    bundle = small_site / "pagefind"
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(search_bundle.SIGNATURE)
        assert isinstance(json.loads(raw[len(search_bundle.SIGNATURE) :])["content"], str)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = search_bundle.read(bundle / f"pagefind.{entry['languages']['fi']['hash']}.pf_meta")
    urls = [search_bundle.fragment(bundle, meta[1][page][0])["url"] for page in dict(meta[4])[listing.SORT]]
    by_text = sorted(ENTRIES, key=lambda url: ENTRIES[url][0])  # Pagefind sorts the values as text
    assert urls == ["/" + url for url in by_text]


def test_writing_again_changes_nothing_and_a_page_without_the_list_is_left_alone(small_site: Path, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    finder = site / "haku" / "index.html"
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    assert listing.write(site) == 2 * len(ORDER)
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before
    without = KINDS_PAGE.format(lang="fi").replace(
        '<ol class="kb-finder__results" data-kb-finder-results></ol>', ""
    )
    finder.write_text(without, encoding="utf-8")
    listing.write(site)
    assert finder.read_bytes() == without.encode("utf-8")


def test_a_broken_bundle_is_named_in_finnish(small_site: Path, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    for fragment in (site / "sv" / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment.write_bytes(gzip.compress(b"jotain muuta"))
    with pytest.raises(
        RuntimeError,
        match=r"^sv/haku/index.html: hakusivun luetteloa ei voitu kirjoittaa .*tuntematon Pagefind-tiedosto",
    ):
        listing.write(site)
