"""urls: redirects from former ids and ready citations, in the built site and the pipeline; and the
validation that keeps every published address meaning one thing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_SITE, REPO, SITE_ADDRESS, mkdocs_build
from mkdocs.utils.yaml import yaml_load
from renamed import renamed_content

from generator.pipeline import check
from generator.site import urls


def messages(root: Path) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}:{p.col}: {p.message}" for p in check(root).problems]


def line_of(root: Path, rel: str, text: str) -> int:
    """The line a text is on: positions are asserted exactly, without tying them to the fixture's layout."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_page_urls_are_directory_urls():
    assert urls.page_url("index.md") == ""
    assert urls.page_url("lainaukset/index.md") == "lainaukset/"
    assert urls.page_url("lainaukset/x.md") == "lainaukset/x/"
    assert urls.page_url("tilastot.md") == "tilastot/"


def test_hrefs_between_built_pages():
    assert urls.href("tavoitetaulukko.md", "tavoitteet/x.md") == "../tavoitteet/x/"
    assert urls.href("index.md", "tavoitteet/x.md", anchor="a") == "tavoitteet/x/#a"
    assert urls.href("sektorit/x.md", "index.md") == "../../"
    assert urls.href("tavoitteet/x.md", "tavoitteet/y.md") == "../y/"
    assert urls.href("tilastot.md", "tilastot.md") == "./"
    assert urls.href("avoin-data.md", "data/practices.json") == "../data/practices.json"


def test_redirect_map_from_former_ids_of_entries_and_terms(tmp_path: Path):
    assert urls.redirect_map(check(FIXTURE_SITE).index.content) == {}
    assert urls.redirect_map(check(renamed_content(tmp_path / "content")).index.content) == {
        "lainaukset/viestimme-verkossa.md": "lainaukset/viestimme-avoimesti.md",
        "sektorit/aikuisopetus.md": "sektorit/aikuiskoulutus.md",
        "teemat/osallistaminen.md": "teemat/osallisuus.md",
    }


def test_a_placeholder_site_url_is_not_a_public_address():
    assert urls.public_url(None) == urls.public_url("") == ""
    assert urls.public_url("https://example.invalid/") == ""
    assert urls.public_url("https://www.example.org/kb/") == ""
    assert urls.public_url("https://esimerkki.fi/kb/") == "https://esimerkki.fi/kb/"


def test_citation_names_title_publication_chapter_and_address():
    content = check(FIXTURE_SITE).index.content
    source = content.vocabularies.sources[0]
    quote = next(q for q in content.quotes if q.id == "kaikki-mukaan")
    cite = urls.citation(quote, source, ["Luku 1"], site_url="https://esimerkki.fi/kb/", about_href="x")
    assert cite.text == (
        f"Kaikki mukaan liikkuvuuteen. Lainaus selvityksestä: {source.publisher} ({source.year}). "
        f"{source.title}, luku ”Luku 1”. Tietopankissa:"
    )
    assert cite.text.count(source.title) == 1
    # A quote's address opens at the quotation itself.
    assert cite.url == "https://esimerkki.fi/kb/lainaukset/kaikki-mukaan/#lainaus"
    assert cite.publication_href == "x"
    with_address = source.model_copy(update={"url": "https://julkaisija.fi/raportti.pdf"})
    cite = urls.citation(quote, with_address, ["A", "B"])
    assert cite.text.endswith(", luvut ”A”, ”B”. https://julkaisija.fi/raportti.pdf. Tietopankissa:")
    assert cite.publication_href == "https://julkaisija.fi/raportti.pdf"
    pair = content.pairs[0]
    assert urls.citation(pair, source, ["L"]).text.startswith(
        "Osallistujamäärien kasvattaminen. Tavoite ja mittari selvityksestä: "
    )
    assert urls.citation(pair, source, ["L"]).url == "tavoitteet/osallistujamaarat/"


def test_entry_pages_carry_the_citation_and_copy_buttons(fixture_site: Path):
    page = (fixture_site / "lainaukset" / "kaikki-mukaan" / "index.html").read_text(encoding="utf-8")
    assert '<blockquote class="kb-quote" id="lainaus">' in page
    assert (
        "Kaikki mukaan liikkuvuuteen. Lainaus selvityksestä: Testivirasto (2023). "
        '<a href="../../tietoa/#testiraportti">Testiraportti</a>, luku ”Ensimmäinen luku”. Tietopankissa: '
        '<a class="kb-cite-url" href="#lainaus">lainaukset/kaikki-mukaan/#lainaus</a>. Viitattu '
        '<span class="kb-cite-date">pp.kk.vvvv</span>.'
    ) in page
    assert 'data-kb-anchor="lainaus"' in page
    assert '<button type="button" class="md-button" data-kb-copy="link">Kopioi linkki</button>' in page
    assert 'role="status" aria-live="polite"' in page
    for folder, entry in [("tavoitteet", "osallistujamaarat"), ("teemat", "osallisuus")]:
        assert 'data-kb-copy="citation"' in (fixture_site / folder / entry / "index.html").read_text(
            encoding="utf-8"
        )


@pytest.mark.build
def test_hostile_title_is_escaped_in_the_citation(content: Path, tmp_path: Path):
    edit(
        content,
        "quotes/kaikki-mukaan.yml",
        "title: Kaikki mukaan liikkuvuuteen",
        'title: "<script>alert(1)</script> & \\"x\\""',
    )
    site = tmp_path / "site"
    assert mkdocs_build(site, content).returncode == 0
    page = (site / "lainaukset" / "kaikki-mukaan" / "index.html").read_text(encoding="utf-8")
    body = page[page.index("<body") :]
    assert "<script>alert" not in body
    assert '<p class="kb-cite-text">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;.' in page


def test_a_former_id_of_a_term_is_never_reused(tmp_path: Path):
    content = renamed_content(tmp_path / "content")
    edit(content, "vocabularies/sectors.yml", "former_ids: [aikuisopetus]", "former_ids: [yleissivistava]")
    line = line_of(content, "vocabularies/sectors.yml", "former_ids: [yleissivistava]")
    assert messages(content) == [
        f"sectors.yml:{line}:16: aiempi tunniste 'yleissivistava' on sanastossa käytössä tai varattu; "
        "tunnistetta ei voi käyttää uudelleen"
    ]


def test_ids_that_would_replace_a_listing_page_are_reserved(content: Path):
    edit(content, "vocabularies/sectors.yml", "id: aikuiskoulutus", "id: ei-mainittu")
    edit(content, "quotes/kaikki-mukaan.yml", "context:", "former_ids: [index]\ncontext:")
    found = messages(content)
    quote = line_of(content, "quotes/kaikki-mukaan.yml", "former_ids: [index]")
    sector = line_of(content, "vocabularies/sectors.yml", "id: ei-mainittu")
    assert (
        f"kaikki-mukaan.yml:{quote}:14: tunniste 'index' on varattu luettelosivun osoitteeksi; valitse toinen"
        in found
    )
    assert (
        f"sectors.yml:{sector}:7: tunniste 'ei-mainittu' on varattu sivun 'Ei mainittu lähteessä' "
        "osoitteeksi; valitse toinen"
    ) in found


def repo_config() -> dict:
    """mkdocs.yml as data (``!ENV`` resolved), with its folders absolute so a copy builds anywhere."""
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    return config


@pytest.mark.build
def test_a_build_without_the_redirects_plugin_refuses_to_drop_old_addresses(tmp_path: Path):
    config = repo_config()
    config["plugins"] = [p for p in config["plugins"] if p != "redirects"]
    config["docs_dir"] = str(REPO / "docs")
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    done = mkdocs_build(tmp_path / "site", renamed_content(tmp_path / "content"), "-f", str(mkdocs_yml))
    assert done.returncode == 1
    assert "redirects-laajennus puuttuu mkdocs.yml:stä" in done.stderr


@pytest.mark.build
def test_a_page_at_a_former_address_stops_the_build(tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "lainaukset").mkdir()
    (docs / "lainaukset" / "viestimme-verkossa.md").write_text("# Vanha sivu\n", encoding="utf-8")
    config = repo_config()
    config["docs_dir"] = str(docs)
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    done = mkdocs_build(tmp_path / "site", renamed_content(tmp_path / "content"), "-f", str(mkdocs_yml))
    assert done.returncode == 1
    # Found with the content check, positioned, before anything is built
    assert (
        "quotes/viestimme-avoimesti.yml:14:14: aiemman tunnisteen 'viestimme-verkossa' osoite "
        f"lainaukset/viestimme-verkossa/ on jo käsin kirjoitettu sivu {docs}/lainaukset/viestimme-verkossa.md; "
        "osoitetta ei voi ohjata uuteen sivuun"
    ) in done.stderr


def test_the_citation_shows_the_address_only_when_the_build_has_one(
    fixture_site: Path, addressed_fixture_site: Path
):
    def shown(site: Path) -> str:
        page = (site / "lainaukset" / "kaikki-mukaan" / "index.html").read_text(encoding="utf-8")
        return page.split('class="kb-cite-url" href="#lainaus">')[1].split("<")[0]

    assert shown(fixture_site) == "lainaukset/kaikki-mukaan/#lainaus"
    assert shown(addressed_fixture_site) == SITE_ADDRESS + "/lainaukset/kaikki-mukaan/#lainaus"
