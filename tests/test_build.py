"""`python -m generator build`: our steps around any engine. One real run with the default engine
is compared page by page with the MkDocs build (`make site`); the step order and the failure path
run in-process with a small engine of our own."""

from __future__ import annotations

import gzip
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from renamed import renamed_content

from generator import build, cli
from generator.outputs import OUTPUT_MARK

sys.path.insert(0, str(REPO / "scripts"))
import canary

ENGINE = textwrap.dedent(
    """
    import html, pathlib, sys, yaml
    config, site = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    docs = config.parent / yaml.safe_load(config.read_text())["docs_dir"]  # as MkDocs reads it
    for page in docs.rglob("*.md"):
        rel = page.relative_to(docs).with_suffix("")
        out = site / (rel.parent if rel.name == "index" else rel) / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        text = html.escape(page.read_text())
        out.write_text(f"<html><head></head><body><article class='md-content__inner md-typeset'>"
                       f"<h1>{rel}</h1><p>{text}</p></article></body></html>")
    """
)
"""A renderer of its own: every Markdown page as one paragraph of its text, at its directory address."""


def engine(tmp_path: Path, script: str = ENGINE) -> list[str]:
    path = tmp_path / "moottori.py"
    path.write_text(script, encoding="utf-8")
    return [sys.executable, str(path), "{config}", "{site}"]


def previous_site(out: Path) -> dict[str, bytes]:
    out.mkdir()
    (out / OUTPUT_MARK).write_text("", encoding="utf-8")
    (out / "index.html").write_text("<p>edellinen sivusto</p>", encoding="utf-8")
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_the_steps_run_in_order_around_the_engine_and_publish(tmp_path: Path):
    content = renamed_content(tmp_path / "content")
    out = tmp_path / "site"
    previous_site(out)
    said: list[str] = []
    build.build(
        content, out, config=REPO / "mkdocs.yml", engine=engine(tmp_path), morphology="none", say=said.append
    )
    numbered = [line.split(":")[0].split("] ")[1] for line in said if line.startswith("[")]
    assert numbered == list(build.STEPS)
    # redirects: the former ids of renamed.py, as pages of our own sending the reader on
    redirect = (out / "lainaukset" / "viestimme-verkossa" / "index.html").read_text(encoding="utf-8")
    assert 'href="../viestimme-avoimesti/"' in redirect
    assert (out / "sektorit" / "aikuisopetus" / "index.html").is_file()
    # finished pages: the Content-Security-Policy on every page, the redirect pages among them
    pages = list(out.rglob("*.html"))
    assert len(pages) > 20
    assert all("Content-Security-Policy" in p.read_text(encoding="utf-8") for p in pages)
    # the glossary's definitions reach an engine that runs no adapter, in the Markdown
    assert any("\n*[" in p.read_text(encoding="utf-8") for p in pages)
    assert (out / "pagefind" / "pagefind-entry.json").is_file()
    assert (out / OUTPUT_MARK).is_file()
    assert "edellinen sivusto" not in (out / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == [".site.lock"]


@pytest.mark.parametrize(
    ("script", "step"),
    [
        ("import sys; print('rikki'); sys.exit(3)", "moottori"),
        ("pass", "hakemisto"),  # nothing rendered: no page to index
    ],
)
def test_a_failing_step_is_named_and_the_previous_site_stays(tmp_path: Path, script: str, step: str):
    out = tmp_path / "site"
    before = previous_site(out)
    with pytest.raises(build.BuildError) as error:
        build.build(
            REPO / "tests" / "fixtures" / "content",
            out,
            config=REPO / "mkdocs.yml",
            engine=engine(tmp_path, script),
            morphology="none",
            say=lambda line: None,
        )
    assert str(error.value).startswith(f"vaihe «{step}» epäonnistui: ")
    assert "edellinen sivusto jäi ennalleen" in str(error.value)
    if step == "moottori":
        assert "koodilla 3" in str(error.value) and "rikki" in str(error.value)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == [".site.lock"]


@pytest.mark.parametrize("target", ["docs", "practices", "."])
def test_the_project_and_its_folders_are_refused_as_output(target: str, run_cli):
    before = sorted(p.name for p in (REPO / target).iterdir())
    code, _out, err = run_cli("build", "--out", str(REPO / target), "--engine", "false")
    assert code == 1
    assert "mitään ei poistettu" in err
    assert sorted(p.name for p in (REPO / target).iterdir()) == before


def test_engine_commands():
    assert build.engine_command("properdocs") == [
        "properdocs", "build", "--strict", "-f", "{config}", "-d", "{site}"
    ]  # fmt: skip
    assert build.engine_command("zensical build -f {config} -d '{site}'") == [
        "zensical", "build", "-f", "{config}", "-d", "{site}"
    ]  # fmt: skip
    assert build.engine_command(None)[1:4] == ["-m", "mkdocs", "build"]


_SEGMENT = st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True).filter(lambda s: s != "index")


@given(
    st.lists(_SEGMENT, min_size=1, max_size=3),
    st.lists(_SEGMENT, min_size=0, max_size=3),
    st.sampled_from(["", "#lainaus"]),
)
def test_a_redirect_page_leads_from_the_old_address_to_the_new_one(
    old: list[str], new: list[str], fragment: str
):
    """The link on the old page, resolved against the old page's address, is the new page's address."""
    import posixpath

    old_page, new_page = "/".join(old) + ".md", "/".join([*new, "index"]) + ".md"
    url = build.redirect_target(old_page, new_page + fragment)
    old_dir = "/" + posixpath.dirname(build.html_path(old_page))
    resolved = posixpath.normpath(posixpath.join(old_dir, url.split("#")[0]))
    assert resolved.rstrip("/") + "/" == ("/" + "/".join(new) + "/").replace("//", "/")
    assert url.endswith("/" + fragment)


@pytest.mark.build
def test_the_default_engine_builds_the_same_site_as_make_site(
    renamed_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("KB_SITE_URL", raising=False)
    content = renamed_content(tmp_path / "content")
    out = tmp_path / "site"
    code = cli.main(
        ["build", "--out", str(out), "--content", str(content), "--config", str(REPO / "mkdocs.yml")]
    )
    assert code == 0
    differences = canary.compare(renamed_site, out)
    # the sitemap's gzip header carries the build's time; what it holds is the same
    if "sitemap.xml.gz: tavut eroavat" in differences:
        assert gzip.decompress((out / "sitemap.xml.gz").read_bytes()) == gzip.decompress(
            (renamed_site / "sitemap.xml.gz").read_bytes()
        )
        differences.remove("sitemap.xml.gz: tavut eroavat")
    assert differences == [f"{OUTPUT_MARK}: vain toisessa"] or differences == []
