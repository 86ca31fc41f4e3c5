"""steps: what the engine is handed, what is done to finished pages and the preview's error page,
each a plain function the adapter, the command line and these tests call alike."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import material
import pytest
from conftest import REPO

from generator import cli, steps
from generator.content.problems import Problem
from generator.search import listing


def test_finished_pages_go_through_every_finish_and_only_changed_pages_are_written(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>vanha</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>sama</p>", encoding="utf-8")
    (tmp_path / "data.json").write_text("vanha", encoding="utf-8")
    os.utime(tmp_path / "index.html", ns=(1, 1))

    def upper(html: str) -> str:
        return html.replace("vanha", "uusi")

    def mark(html: str) -> str:
        return html.replace("uusi", "uusi!")

    assert steps.finish_pages(tmp_path, (upper, mark)) == 1
    assert (tmp_path / "a" / "index.html").read_text(encoding="utf-8") == "<p>uusi!</p>"
    assert (tmp_path / "data.json").read_text(encoding="utf-8") == "vanha"  # pages only
    assert (tmp_path / "index.html").stat().st_mtime_ns == 1  # unchanged, not rewritten
    assert not list(tmp_path.rglob(".*.partial"))


def test_only_the_pages_written_since_are_finished(tmp_path: Path):
    """A preview's dirty build keeps the pages it did not render: they were finished before."""
    for name, stamp in [("vanha.html", 1_000), ("uusi.html", 3_000)]:
        (tmp_path / name).write_text("<p>x</p>", encoding="utf-8")
        os.utime(tmp_path / name, (stamp, stamp))
    assert steps.finish_pages(tmp_path, (lambda html: html.replace("x", "y"),), since=2_000) == 1
    assert (tmp_path / "uusi.html").read_text(encoding="utf-8") == "<p>y</p>"
    assert (tmp_path / "vanha.html").read_text(encoding="utf-8") == "<p>x</p>"


def test_redirects_join_the_configured_ones_and_never_contradict_them():
    computed = {"lainaukset/vanha.md": "lainaukset/uusi.md"}
    assert steps.merge_redirects({"a.md": "b.md"}, computed, redirects=True) == {"a.md": "b.md", **computed}
    with pytest.raises(steps.StepError, match=r"ohjaa eri paikkaan.*lainaukset/vanha\.md"):
        steps.merge_redirects({"lainaukset/vanha.md": "muu.md"}, computed, redirects=True)
    with pytest.raises(steps.StepError, match="redirects-laajennus puuttuu"):
        steps.merge_redirects({}, computed, redirects=False)
    assert steps.merge_redirects({}, {}, redirects=False) == {}


def test_nothing_generated_takes_the_place_of_a_hand_written_file():
    generated = steps.Generated(
        pages={"lainaukset/a.md": "# A"}, files={"data/a.csv": b""}, redirects={"lainaukset/vanha.md": "x"}
    )
    steps.hand_over(generated, lambda path: path == "tietoa.md")
    for taken, message in [
        ("lainaukset/a.md", "docs/lainaukset/a.md on käsin kirjoitettu, mutta sama sivu"),
        ("data/a.csv", "docs/data/a.csv on käsin kirjoitettu, mutta sama tiedosto"),
        ("lainaukset/vanha.md", "aiemman tunnisteen osoitteessa on myös sivu: lainaukset/vanha.md"),
    ]:
        with pytest.raises(steps.StepError, match=message):
            steps.hand_over(generated, lambda path, taken=taken: path == taken)


def test_the_error_page_lists_every_problem_as_text(tmp_path: Path):
    problems = [
        Problem("practices/b.yaml", 2, 1, "<script>x</script> *ei*"),
        Problem("practices/a.yaml", 1, 1, "a"),
    ]
    page = steps.error_page(problems).pages["index.md"]
    assert "sisällössä on 2 ongelmaa" in page
    # sorted, and as text: Markdown's characters escaped, HTML as characters
    assert page.index("- practices/a\\.yaml\\:1\\:1\\: a") < page.index("- practices/b\\.yaml\\:2\\:1\\: ")
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt; \\*ei\\*" in page
    (tmp_path / "vanha").mkdir()
    (tmp_path / "vanha" / "index.html").write_text("vanha", encoding="utf-8")
    (tmp_path / "index.html").write_text("virheet", encoding="utf-8")
    steps.error_page_everywhere(tmp_path, kept_pages=True)
    assert {p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html")} == {"virheet"}


def test_the_error_page_reads_in_swedish_at_the_swedish_addresses(tmp_path: Path):
    problems = [Problem("practices/a.yaml", 1, 1, "<b>a</b>")]
    page = steps.error_page(problems).pages["sv/index.md"]
    assert page.startswith("# Innehållet har problem") and "innehållet har 1 problem" in page
    assert '<div lang="fi" markdown="1">\n\n- practices/a\\.yaml\\:1\\:1\\: &lt;b&gt;a' in page
    for folder, text in (("", "virheet"), ("sv", "fel"), ("sv/teemat", "vanha"), ("teemat", "vanha")):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text(text, encoding="utf-8")
    steps.error_page_everywhere(tmp_path, kept_pages=True)
    assert (tmp_path / "sv" / "teemat" / "index.html").read_text(encoding="utf-8") == "fel"
    assert (tmp_path / "teemat" / "index.html").read_text(encoding="utf-8") == "virheet"


@pytest.mark.parametrize("preview", [False, True])
def test_the_builds_page_finishes_leave_a_finished_page_as_it_is(real_site: Path, preview: bool):
    """A page may be finished again (a preview's dirty build, a generous ``since``): twice is once."""
    finishes = steps.page_finishes(preview=preview, site=real_site)
    for page in [real_site / "index.html", real_site / "tietoa" / "index.html"]:
        once = page.read_text(encoding="utf-8")
        for finish in finishes:
            once = finish(once)
        twice = once
        for finish in finishes:
            twice = finish(twice)
        assert twice == once


def test_the_command_line_finishes_and_indexes_a_site_any_engine_built(
    real_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """`python -m generator search SIVUSTO`: the steps after the engine, for an engine that does not
    run our plugin: every page finished, then the search index and the finder's listing from it."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site, ignore=shutil.ignore_patterns("pagefind"))
    finders = [site / "haku" / "index.html", site / "sv" / "haku" / "index.html"]
    built = [finder.read_text(encoding="utf-8") for finder in finders]
    for finder, html in zip(finders, built, strict=True):  # as the engine wrote it: its list empty
        finder.write_text(listing.with_listing(html, []), encoding="utf-8")
    mark = "<!-- viimeistelty -->"

    def finished(html: str) -> str:
        return html if mark in html else html.replace("</head>", f"{mark}</head>", 1)

    monkeypatch.setattr(steps, "page_finishes", lambda *, preview, site=None: () if preview else (finished,))
    code = cli.main(["search", str(site), "--content", str(REPO / "practices"), "--morphology", "none"])
    assert code == 0
    pages = [p for p in site.rglob("*.html") if "</head>" in p.read_text(encoding="utf-8")]
    assert len(pages) > 80
    assert all(mark in p.read_text(encoding="utf-8") for p in pages)
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    # The same listing as the build's (only the finishing mark differs).
    assert [f.read_text(encoding="utf-8").replace(mark, "") for f in finders] == built


def test_materials_language_probe_is_quiet_in_the_built_site(real_site: Path, tmp_path: Path):
    """Our pages name their counterparts page by page (<link rel="alternate" hreflang>); Material's
    bundle would fetch <page>/sitemap.xml for each and log two 404s on every page. The built
    bundle has the quiet selector, the step is idempotent, and a bundle that no longer reads as
    expected (a new Material) stops the build instead of passing silently."""
    [bundle] = real_site.glob(steps.THEME_SCRIPTS)
    built = bundle.read_text(encoding="utf-8")
    assert steps.QUIET_PROBE in built and steps.LANGUAGE_PROBE not in built
    # The theme as installed still has the probe exactly once.
    [shipped] = (Path(material.__file__).parent / "templates").glob(steps.THEME_SCRIPTS)
    assert shipped.read_text(encoding="utf-8").count(steps.LANGUAGE_PROBE) == 1

    site = tmp_path / "site"
    (site / "assets/javascripts").mkdir(parents=True)
    copy = site / "assets/javascripts" / bundle.name
    copy.write_text(built.replace(steps.QUIET_PROBE, steps.LANGUAGE_PROBE), encoding="utf-8")
    assert steps.quiet_language_probe(site) == 1
    assert copy.read_text(encoding="utf-8") == built
    assert steps.quiet_language_probe(site) == 0
    copy.write_text("M('link')", encoding="utf-8")
    with pytest.raises(steps.ThemeChanged, match=bundle.name):
        steps.quiet_language_probe(site)


def test_zensicals_language_probe_is_quiet_too(tmp_path: Path):
    """Zensical's bundle (0.0.73) asks only the alternates with hreflang, which are all ours."""
    bundle = tmp_path / "assets" / "javascripts" / "bundle.77dd0ce9.min.js"
    bundle.parent.mkdir(parents=True)
    shipped = 'e.pipe(g(()=>k("link[rel=alternate][hreflang]")),m(r=>new URL(r.href)))'
    bundle.write_text(shipped, encoding="utf-8")
    assert steps.quiet_language_probe(tmp_path) == 1
    assert bundle.read_text(encoding="utf-8") == shipped.replace(*steps.ZENSICAL_PROBES)
    assert steps.quiet_language_probe(tmp_path) == 0
