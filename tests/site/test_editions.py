"""The Swedish edition: every page has its counterpart in the other language, named by hreflang
and reached by the language switch; Swedish pages are lang="sv" and anything Finnish on them is
inside lang="fi", a missing translation visibly marked. Read from one shared build of the fixture
tree (whose own words are all translated), the marker from the pipeline's pages."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO
from html_language import chrome, finnish_in, shared_settings
from hypothesis import given
from hypothesis import strategies as st
from test_links import broken_links

from generator.content.translations import Untranslated, swedish
from generator.pipeline import build_pages, check
from generator.site import editions
from generator.site.markdown_text import UNTRANSLATED_NOTE, inline, prose


class _Page(HTMLParser):
    """The page's language, its alternates, its language switch and its text outside lang="fi"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self.switch: tuple[str, str] | None = None
        self.outside_finnish: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._article = 0

    def _finnish(self) -> bool:
        return any(finnish for _, finnish in self._stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "link" and values.get("rel") == "alternate" and values.get("hreflang"):
            self.alternates[values["hreflang"]] = values.get("href") or ""
        if tag == "a" and "kb-language-switch" in (values.get("class") or ""):
            self.switch = (values.get("href") or "", values.get("hreflang") or "")
        if tag in ("meta", "link", "br", "img", "input", "hr", "source", "wbr"):
            return
        self._stack.append((tag, values.get("lang") == "fi"))
        if tag == "article":
            self._article += 1

    def handle_endtag(self, tag):
        while self._stack:
            open_, _ = self._stack.pop()
            if open_ == "article":
                self._article -= 1
            if open_ == tag:
                break

    def handle_data(self, data):
        if self._article and data.strip() and not self._finnish():
            self.outside_finnish.append(" ".join(data.split()))


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def resolve(site: Path, page: Path, href: str) -> Path:
    target = (page.parent / href).resolve()
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


@pytest.mark.build
def test_every_page_names_its_counterpart_and_the_switch_goes_there(fixture_site: Path):
    checked = 0
    for page in pages(fixture_site):
        rel = page.relative_to(fixture_site).as_posix()
        if page.read_text(encoding="utf-8").startswith("<!doctype html><html><head><meta http-equiv"):
            continue  # a redirect page
        here = editions.edition_of(rel)
        found = read(page)
        assert found.lang == here.code, rel
        assert set(found.alternates) == {"fi", "sv", "x-default"}, rel
        for code, href in found.alternates.items():
            target = resolve(fixture_site, page, href)
            assert target.is_file(), f"{rel}: hreflang={code} → {href}"
            back = read(target).alternates[here.code]
            assert resolve(fixture_site, target, back) == page.resolve(), f"{rel} ↔ {href}"
        assert found.switch is not None, rel
        href, code = found.switch
        assert code != here.code
        assert resolve(fixture_site, page, href) == resolve(fixture_site, page, found.alternates[code])
        checked += 1
    assert checked > 40


@pytest.mark.build
def test_every_link_of_the_swedish_edition_resolves(fixture_site: Path):
    assert [b for b in broken_links(fixture_site) if b.startswith("sv/")] == []


HAND_WRITTEN = {
    p.relative_to(REPO / "docs" / "sv").with_suffix("").as_posix()
    for p in (REPO / "docs" / "sv").rglob("*.md")
}
"""The Swedish edition's hand-written pages (``docs/sv/``), by their address below ``sv/``."""


@pytest.mark.build
def test_swedish_pages_hold_no_finnish_own_words_outside_lang_fi(fixture_site: Path):
    """Every Finnish text of our own that has a translation in the fixture tree, and every
    phrase the code writes into pages (``editions.SV.words``): on every Swedish page it appears
    only inside lang="fi" (a quotation's context, never the translated text itself). Every page
    of the edition is in Swedish: none is marked as still only in Finnish."""
    content = check(FIXTURE_SITE).index.content  # type: ignore[union-attr]
    finnish_words = (
        {t.title for t in content.themes}
        | {t.summary for t in content.themes}
        | {q.title for q in content.quotes}
        | {g.definition for g in content.glossary.terms}
        | {fi.strip() for fi, sv in editions.SV.words if " " in fi.strip() and "{}" not in fi and fi != sv}
    )
    swedish_pages = sorted((fixture_site / "sv").rglob("index.html"))
    assert len(swedish_pages) >= 30
    for page in swedish_pages:
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(fixture_site)
        assert editions.SV.untranslated_page not in html, where
        assert "kb-untranslated" not in html, where  # the fixture tree is translated whole
        if where.parent.relative_to("sv").as_posix() in HAND_WRITTEN:
            continue  # an editors' page may name Finnish words as examples
        outside = " ".join(read(page).outside_finnish)
        for words in finnish_words:
            assert words.rstrip(".") not in outside, f"{where}: {words!r}"


@pytest.mark.build
def test_no_page_of_the_shipped_swedish_edition_is_only_in_finnish(real_site: Path):
    swedish_pages = sorted((real_site / "sv").rglob("index.html"))
    assert len(swedish_pages) >= 60
    assert [
        p.relative_to(real_site).as_posix()
        for p in swedish_pages
        if editions.SV.untranslated_page in p.read_text(encoding="utf-8")
    ] == []


def test_a_missing_translation_is_finnish_with_a_visible_marker(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    theme = content / "themes" / "viestinta.yml"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(text[: text.index("\nsv:\n") + 1], encoding="utf-8")
    result = build_pages(content)
    assert result.pages is not None
    page = result.pages["sv/teemat/viestinta.md"]
    assert (
        f'<span lang="fi">Viestintä</span> <span class="kb-untranslated" lang="sv">{UNTRANSLATED_NOTE}'
        in page
    )
    assert '<div lang="fi" markdown="1">\n\nViestintä on suunnitelmallista.' in page
    assert 'lang="fi"' not in result.pages["teemat/viestinta.md"]  # the Finnish page as it was


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_finnish_text_on_a_swedish_page_is_always_inside_lang_fi(text: str):
    """Whatever the text, the filters every text from YAML passes write an untranslated one
    inside lang="fi" with the marker after it, and nothing else unmarked."""
    for written in (inline(Untranslated(text)), prose(Untranslated(text))):
        assert written.startswith(('<span lang="fi">', '<div lang="fi" markdown="1">'))
        assert written.endswith(f"{UNTRANSLATED_NOTE}</span>")


def test_the_swedish_view_translates_own_words_and_marks_the_rest():
    content = swedish(check(FIXTURE_SITE).index.content)  # type: ignore[union-attr]
    theme = next(t for t in content.themes if t.id == "osallisuus")
    assert (theme.title, type(theme.title)) == ("Delaktighet", str)
    assert type(theme.guidance[0].section).__name__ == "Finnish"  # a chapter of the Finnish report
    quote = next(q for q in content.quotes if q.id == "kaikki-mukaan")
    assert type(quote.text).__name__ == "Finnish" and quote.title == "Alla med i mobiliteten"
    assert content.glossary.terms[0].forms == ["TP-projekt"]


def test_counterparts_and_navigation():
    assert editions.counterpart("teemat/osallisuus.md", editions.SV) == "sv/teemat/osallisuus.md"
    assert editions.counterpart("sv/teemat/osallisuus.md", editions.FI) == "teemat/osallisuus.md"
    nav = editions.navigation(
        [{"Etusivu": "index.md"}, {"Hakijalle": [{"Teemat": "teemat/index.md"}]}], editions.SV
    )
    assert nav == [
        {"title": "Startsida", "url": "sv/"},
        {"title": "För sökande", "children": [{"title": "Teman", "url": "sv/teemat/"}]},
    ]


def test_the_page_template_works_out_the_edition_once_per_page():
    """Importing partials/kb-edition.html `with context` rebuilds it on every import: main.html
    imports it once, outside its blocks, and the partials read `kb` from the page's context
    (the pages are the same bytes as with an import in each; tests/site/test_page_html.py)."""
    overrides = REPO / "overrides"
    code = {  # the templates without their comments
        path.relative_to(overrides).as_posix(): re.sub(
            r"{#.*?#}", "", path.read_text(encoding="utf-8"), flags=re.S
        )
        for path in sorted(overrides.rglob("*.html"))
    }
    importing = {
        name: len(re.findall(r'{%-?\s*import\s+"partials/kb-edition\.html"', text))
        for name, text in code.items()
    }
    assert {name: count for name, count in importing.items() if count} == {"main.html": 1}
    assert code["main.html"].index('kb-edition.html" as kb') < code["main.html"].index("{% block")
    readers = [name for name, text in code.items() if "kb." in text]
    assert {"partials/header.html", "partials/nav.html", "partials/copyright.html"} <= set(readers)


@pytest.mark.build
def test_glossary_tooltips_are_in_the_language_of_the_page(fixture_site: Path):
    """A Swedish page's tooltips give the Swedish definition at the Swedish term and forms; a
    Finnish page's, the Finnish."""
    glossary = check(FIXTURE_SITE).index.content.glossary  # type: ignore[union-attr]
    finnish = {g.definition for g in glossary.terms}
    swedish_ = {g.sv.definition for g in glossary.terms if g.sv}

    def titles(site_pages: list[Path]) -> set[str]:
        found: set[str] = set()
        for page in site_pages:
            found |= set(re.findall(r'<abbr title="([^"]*)"', page.read_text(encoding="utf-8")))
        return {html.unescape(t) for t in found}

    on_swedish = titles(sorted((fixture_site / "sv").rglob("index.html")))
    on_finnish = titles([p for p in pages(fixture_site) if "sv" not in p.relative_to(fixture_site).parts[:1]])
    assert on_swedish and on_swedish <= swedish_
    assert on_finnish <= finnish


def test_each_edition_has_the_tooltips_of_its_own_glossary():
    result = build_pages(FIXTURE_SITE, search=False)
    assert dict(result.abbreviations.of("teemat/osallisuus.md").definitions) == {
        "TO": "Testiohjelma, jonka liikkuvuuksista testiraportti kertoo.",
        "TO-hanke": "Testiohjelma, jonka liikkuvuuksista testiraportti kertoo.",
        "liikkuvuus": "Opiskelijan tai henkilöstön jakso ulkomailla.",
    }
    assert dict(result.abbreviations.of("sv/teemat/osallisuus.md").definitions) == {
        "TP": "Testprogrammet, vars mobilitet testrapporten berättar om.",
        "TP-projekt": "Testprogrammet, vars mobilitet testrapporten berättar om.",
        "mobilitet": "En studerandes eller en anställds period utomlands.",
    }


def test_the_shared_settings_have_their_swedish_words():
    for key, finnish in shared_settings().items():
        assert editions.SV.word(finnish) != finnish, key


@pytest.mark.build
def test_the_chrome_of_every_swedish_page_is_swedish(fixture_site: Path):
    """The header, the search box, the contents, the footer and every name, title and
    alternative text of every Swedish page (hand-written ones too): no Finnish word of the
    interface (the words table, mkdocs.yml's shared settings) outside lang="fi"; the search box
    and the footer lead to the Swedish edition's own pages."""
    swedish_pages = [p for p in pages(fixture_site) if p.relative_to(fixture_site).parts[0] == "sv"]
    assert len(swedish_pages) >= 30
    for page in swedish_pages:
        said = chrome(page.read_text(encoding="utf-8"))
        where = page.relative_to(fixture_site).as_posix()
        assert finnish_in(said) == [], where
        assert "Tabell" in said or "kb-scroll" not in page.read_text(encoding="utf-8"), where
        html_ = page.read_text(encoding="utf-8")
        for form_or_link in re.findall(
            r'<(?:form|a)\b(?![^>]*hreflang)[^>]*\s(?:action|href)="([^"]*(?:haku|saavutettavuusseloste)/)"',
            html_,
        ):
            target = (page.parent / form_or_link).resolve().relative_to(fixture_site.resolve())
            assert target.parts[0] == "sv", f"{where}: {form_or_link}"
    said = chrome((fixture_site / "sv" / "index.html").read_text(encoding="utf-8"))
    assert "Sök i kunskapsbanken" in said and "Tillgänglighetsutlåtande" in said
    assert editions.SV.word(shared_settings()["site_description"]) in said
    finnish_home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert f'content="{shared_settings()["site_description"]}"' in finnish_home  # as it was


@pytest.mark.build
def test_a_finnish_heading_is_finnish_in_the_contents_and_the_header_too(fixture_site: Path):
    """The theme repeats headings as plain text: where a heading of a Swedish page is Finnish
    text, its entry in the contents and the page title in the header are marked lang="fi"."""
    marked = 0
    for page in sorted((fixture_site / "sv").rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        for anchor in re.findall(
            r'<h[2-6] id="([^"]+)"><span lang="fi">[^<]*</span><a class="headerlink"', text
        ):
            link = re.search(
                rf'<a href="#{re.escape(anchor)}" class="md-nav__link">\s*<span class="md-ellipsis"([^>]*)>',
                text,
            )
            if link:
                assert link.group(1) == ' lang="fi"', (page, anchor)
                marked += 1
        if re.search(r'<h1 id="[^"]+"><span lang="fi">[^<]*</span><a class="headerlink"', text):
            topic = re.search(r'data-md-component="header-topic">\s*<span class="md-ellipsis"([^>]*)>', text)
            assert topic and topic.group(1) == ' lang="fi"', page
            marked += 1
    assert marked > 0


@pytest.mark.build
def test_a_swedish_page_whose_heading_is_finnish_has_a_swedish_window_title(fixture_site: Path):
    """``<title>`` is plain text: it cannot mark a part of itself as Finnish. On every Swedish page
    whose heading is Finnish text (a pair's objective, word for word), the window title is the
    editors' Swedish title, never the Finnish heading; every other page's title is its heading."""
    content = check(FIXTURE_SITE).index.content  # type: ignore[union-attr]
    swedish_titles = {" ".join(p.sv.title.split()) for p in content.pairs if p.sv and p.sv.title}
    site_name = editions.SV.site_name
    finnish_headed = 0
    for page in sorted((fixture_site / "sv").rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        where = page.relative_to(fixture_site).as_posix()
        title = html.unescape(re.search(r"<title>([^<]*)</title>", text).group(1))  # type: ignore[union-attr]
        heading = re.search(r'<h1 id="[^"]+">(<span lang="fi">)?([^<]*)', text)
        if heading is None or heading.group(2) == "":
            continue
        if heading.group(1):
            finnish_headed += 1
            assert html.unescape(heading.group(2)) not in title, where
            assert title.removesuffix(f" - {site_name}") in swedish_titles, where
        elif where != "sv/index.html":
            assert title == f"{html.unescape(heading.group(2))} - {site_name}", where
    assert finnish_headed == len(content.pairs)


def test_a_pair_without_its_swedish_title_is_named_in_finnish_marked_as_such(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    pair = next((content / "pairs").glob("*.yml"))
    text = pair.read_text(encoding="utf-8")
    pair.write_text(text[: text.index("\nsv:\n") + 1], encoding="utf-8")
    result = build_pages(content)
    assert result.pages is not None
    page = next(
        p for path, p in result.pages.items() if path.startswith("sv/tavoitteet/") and pair.stem in path
    )
    window_title = re.search(r"^kb_title: (.*)$", page, re.M)
    assert window_title is not None
    assert json.loads(window_title.group(1)).endswith(UNTRANSLATED_NOTE)
