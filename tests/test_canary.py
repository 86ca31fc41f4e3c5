"""scripts/canary.py (`make canary`): two built sites agree when they have the same files, every
page the same article text and links, every other file the same bytes; anything else is named."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import canary

PAGE = """<!doctype html><html lang="fi"><head><meta name="generator" content="{engine}">
<link rel="stylesheet" href="../assets/kb.css"><script>var x = "{engine}";</script></head>
<body><nav><a href="../">Etusivu</a></nav><article class="md-content__inner">
<h1>Otsikko</h1><p>{text} <a href="{link}">linkki</a></p><br><img src="kuva.svg" alt=""></article>
<footer>{engine}</footer></body></html>"""


def site(root: Path, *, engine: str = "mkdocs-1.6.1", text: str = "Teksti", link: str = "../a/") -> Path:
    (root / "a").mkdir(parents=True)
    (root / "a" / "index.html").write_text(PAGE.format(engine=engine, text=text, link=link), encoding="utf-8")
    (root / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return root


def test_sites_that_differ_only_outside_the_article_and_its_links_agree(tmp_path: Path):
    a = site(tmp_path / "a")
    b = site(tmp_path / "b", engine="mkdocs-ProperDocs 1.6.7")
    assert canary.compare(a, b) == []
    assert canary.page(PAGE.format(engine="x", text="Sana  ja\nsana", link="../b/")) == canary.Page(
        "Otsikko Sana ja sana linkki", ("../assets/kb.css", "../", "../b/", "kuva.svg")
    )


def test_every_difference_is_named(tmp_path: Path):
    a = site(tmp_path / "a")
    b = site(tmp_path / "b", text="Toinen teksti", link="../c/")
    (b / "sitemap.xml").write_text("<urlset></urlset>", encoding="utf-8")
    (b / "uusi.html").write_text("", encoding="utf-8")
    differences = canary.compare(a, b)
    assert differences[0] == "uusi.html: vain toisessa"
    assert differences[1].startswith("a/index.html: artikkelin teksti eroaa (kohdassa 9: ")
    assert differences[2] == "a/index.html: linkit eroavat: ../a/, ../c/"
    assert differences[3] == "sitemap.xml: tavut eroavat"
    assert len(differences) == 4
    assert canary.compare(b, a)[0] == "uusi.html: vain ensimmäisessä"


def test_each_engine_builds_with_the_adapter_and_each_pipeline_engine_inside_generator_build():
    engine, pipeline = canary.builds(["/v/bin/mkdocs"], [".venv-canary/bin/properdocs"])
    assert engine.command == (
        "/v/bin/mkdocs",
        "build",
        "--strict",
        "-f",
        str(REPO / "mkdocs.yml"),
        "-d",
        "{site}",
    )
    assert pipeline.command[1:] == (
        "-m", "generator", "build", "--engine", ".venv-canary/bin/properdocs", "--out", "{site}"
    )  # fmt: skip
    assert pipeline.name == "properdocs (generator build)" and engine.folder != pipeline.folder
