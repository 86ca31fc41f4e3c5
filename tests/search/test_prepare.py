"""search_index: built pages prepared for Pagefind, and the bundle a build writes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURE_SITE

from generator.pipeline import check
from generator.search.morphology import analyser
from generator.search.prepare import GLOSSARY, HELP_META, HELP_PAGES, TERMS_MARK, prepare, site_pages
from generator.site.facets import records

PAGE = """<html lang="fi"><body><nav>Valikko</nav>
<article class="md-content__inner md-typeset">
<p class="kb-print-only kb-print-site">Erasmus+ -akkreditoinnin hyvät käytännöt</p>
<h1 id="x">Kaikki mukaan<a class="headerlink" href="#x" title="Pysyvä linkki">&para;</a></h1>
<p><em>Lainaus hakemuksesta sanasta sanaan.</em></p>
<blockquote><p>Opettajien taidot kehittyvät hankesuunnitelmissa.</p></blockquote>
<h2 id="viittaa">Viittaa tähän</h2>
<div class="kb-cite"><p>Kaikki mukaan. Lainaus teoksesta: Opetushallitus (2023).</p></div>
<h2 id="samankaltaisia-esimerkkeja">Samankaltaisia esimerkkejä</h2>
<ul><li><a href="../x/">Toinen</a></li></ul>
</article><footer>Alatunniste</footer></body></html>"""


def test_a_page_is_prepared_with_its_article_filters_metadata_and_base_forms():
    record = records(check(FIXTURE_SITE).index)["lainaukset/kaikki-mukaan/"]
    page = prepare(PAGE, "lainaukset/kaikki-mukaan/", record, analyser("voikko"))
    html = page.html
    assert page.url == "lainaukset/kaikki-mukaan/"
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in html
    assert "Valikko" not in html and "Alatunniste" not in html and "&para;" not in html
    assert "<p data-pagefind-ignore><em>Lainaus hakemuksesta" in html
    assert '<p data-pagefind-ignore class="kb-print-only kb-print-site">' in html
    assert '<div data-pagefind-ignore><h2 id="viittaa">' in html  # the citation and the related list
    assert html.index('<div data-pagefind-ignore><h2 id="viittaa">') < html.index(
        "samankaltaisia-esimerkkeja"
    )
    block = html.split(f'<div data-pagefind-weight="0.5">{TERMS_MARK} ')[1].split("</div>")[0].split()
    assert {"opettaja", "taito", "hanke", "suunnitelma", "hankesuunnitelma"} <= set(block)
    assert "toinen" not in block  # the related list is not the page's text
    assert not {"opetushallitus", "akkreditointi", "lainaus"} & set(block)  # nor what every page repeats
    assert page.words == {"kaikki", "mukaan", "opettajien", "taidot", "kehittyvät", "hankesuunnitelmissa"}
    assert html.index(TERMS_MARK) < html.index("viittaa")
    for key, values in record.filters.items():
        for value in values:
            assert f'<span data-pagefind-filter="{key}:{value}"></span>' in html
    assert '<span data-pagefind-filter="laji:lainaus"></span>' in html
    assert '<span data-pagefind-meta="laji:Lainaus"></span>' in html
    assert html.count('data-pagefind-meta="teemat:[&quot;') == 1


HUB = """<html lang="fi"><body><article class="md-content__inner md-typeset">
<h1 id="aikuiskoulutus">Aikuiskoulutus</h1>
<p><em>Sektori</em> · <a href="../">Kaikki sektorit</a></p>
<p>Aikuisten koulutuksen esimerkit.</p>
<h2 id="lainaukset-2">Lainaukset (2)</h2>
<ul>
<li><a href="../../lainaukset/a/">Opettajien <abbr title="Kansainvälinen">KV</abbr>-taidot</a></li>
<li><a href="../../lainaukset/b/">Ilmastoystävällinen matkustaminen</a></li>
</ul>
<ul>
<li>Oma luettelo, jossa on <a href="../x/">linkki</a> keskellä</li>
</ul>
</article></body></html>"""


def test_a_hub_is_found_by_its_own_text_not_by_the_titles_it_lists():
    page = prepare(HUB, "sektorit/aikuiskoulutus/", None, analyser("voikko"))
    assert '<ul data-pagefind-ignore>\n<li><a href="../../lainaukset/a/">' in page.html
    assert page.html.count("data-pagefind-ignore") == 1  # a list with text of its own is the page's
    assert "opettajien" not in page.words and "ilmastoystävällinen" not in page.words
    assert {"aikuiskoulutus", "aikuisten", "koulutuksen", "oma", "luettelo", "linkki"} <= page.words
    block = page.html.split(f"{TERMS_MARK} ")[1].split("</div>")[0].split()
    assert "aikuinen" in block and "opettaja" not in block


def test_a_page_without_an_article_is_left_out():
    assert prepare("<html><body><p>Ei artikkelia</p></body></html>", "x/", None, analyser("none")) is None


def test_listing_pages_and_the_404_page_are_not_searched(fixture_site: Path):
    addresses = [address for address, _ in site_pages(fixture_site)]
    assert "lainaukset/kaikki-mukaan/" in addresses and "tietoa/" in addresses
    for skipped in ("", "lainaukset/", "teemat/", "tavoitetaulukko/", "haku/", "404.html"):
        assert skipped not in addresses


def test_every_build_writes_the_search_bundle(fixture_site: Path):
    bundle = fixture_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert list((bundle / "fragment").glob("*.pf_fragment"))
    assert not (bundle / "pagefind-ui.js").exists()
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["fi"]
    # The built pages themselves carry none of it.
    page = (fixture_site / "lainaukset" / "kaikki-mukaan" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind" not in page and TERMS_MARK not in page


def test_help_pages_are_named_to_the_browser_by_the_index_alone():
    """kb-search.js knows a help page only by this metadata: the list is HELP_PAGES, once."""
    page = HUB.replace("<h1", '<h2 id="b">Toinen</h2><h1', 1)
    marks = {}
    for address in [*sorted(HELP_PAGES), "sektorit/aikuiskoulutus/", "teemat/x/"]:
        html = prepare(page, address, None, analyser("none")).html
        marks[address] = [
            m for m in ("otsikot", "otsikko") if f'data-pagefind-meta="{HELP_META}:{m}"' in html
        ]
    assert marks == {
        **{address: ["otsikot"] for address in HELP_PAGES if address != GLOSSARY},
        GLOSSARY: ["otsikko"],
        "sektorit/aikuiskoulutus/": [],
        "teemat/x/": [],
    }
    assert GLOSSARY in HELP_PAGES
