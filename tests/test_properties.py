"""Generated hostile text through the whole pipeline (YAML on disk → load → validate → render →
Markdown with the site's extensions as mkdocs.yml configures them, glossary tooltips appended):
nothing raises, and either the content is refused with positioned problems or no page body,
open-data file or chart holds a tag, an attribute or a script from the text.

Hypothesis builds the strings from pieces of HTML, Markdown and YAML syntax, line breaks of every
kind and the characters the abbreviation syntax ends at. The examples are derandomized (the same
ones on every run) and bounded, so the file runs in seconds.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from browser.hostile import write_hostile_tree
from conftest import FIXTURE_SITE, examples
from every_field import fill_tree, hostile_for
from html_safety import converted_pages, injected
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.content.collections import GlossaryTerm
from generator.pipeline import build_pages
from generator.site import opendata

PIECES = [
    "<script>window.kbPwned=1</script>",
    "<script data-kb-injected>",
    "</script>",
    "<img src=x onerror=kbPwned()>",
    "<kbx data-kb-injected>",
    '<a href="javascript:kbPwned()">a</a>',
    "[a](javascript:kbPwned())",
    "\\[a\\](javascript:kbPwned())",
    "\\[a\\]\\(JaVaScRiPt:kbPwned())",
    "[a](java\tscript:kbPwned())",
    "[a](&#106;avascript:kbPwned())",
    "[a]( data:text/html,kbPwned)",
    "\x01",
    "![k](x onerror=kbPwned())",
    "<javascript:kbPwned()>",
    "{: onclick=kbPwned() data-kb-injected }",
    "<div markdown>",
    "<div markdown=1 data-kb-injected>",
    "</div>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?php",
    "&lt;script&gt;",
    "&#60;img&#62;",
    "*[",
    "]: ",
    "*[x]: ",
    "]",
    "[",
    "\\",
    "\n",
    "\n\n",
    "\r\n",
    "\x85",
    "\u2028",
    "\t",
    "    ",
    "```",
    "# ",
    "- ",
    "> ",
    "1. ",
    "|",
    "---",
    "KV",
    "OPS",
]
HOSTILE = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=" \n]\\[*_`<>&\"'=:!#|{}()-+@;/", max_size=3)),
    min_size=1,
    max_size=10,
).map("".join)

SETTINGS = settings(
    max_examples=examples(15),
    derandomize=True,
    deadline=None,
    database=None,
    # No shrinking: a failure is reported as found, in seconds rather than minutes.
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _representable(term: str) -> bool:
    try:
        GlossaryTerm(id="x", term=term, definition="d")
    except ValueError:
        return False
    return True


def assert_no_markup(result, where: str) -> None:
    # Without the link rule, a second line of defence that would hide a link the filters let through.
    for path, html in converted_pages(result, link_rule=False).items():
        assert injected(html, body=True) == [], (where, path, html[:2000])
    files = result.files or {}
    for path, data in files.items():
        if path.endswith(".svg"):
            assert injected(data.decode("utf-8"), svg=True) == [], (where, path)
    rows = list(csv.reader(io.StringIO(files[opendata.CSV_FILE].decode("utf-8"), newline="")))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (where, cell[:40])


@SETTINGS
@given(term=HOSTILE, forms=st.lists(HOSTILE, max_size=3), definition=HOSTILE)
def test_glossary_terms_never_become_markup(term: str, forms: list[str], definition: str):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(FIXTURE_SITE, root)
        entry = {"id": "termi", "term": f"KV {term}", "definition": f"Selitys {definition}", "general": True}
        entry["forms"] = forms
        # The terms also stand in a quote's text, so their tooltips are applied on its page.
        quote = root / "quotes" / "kaikki-mukaan.yml"
        data = yaml.safe_load(quote.read_text(encoding="utf-8"))
        data["text"] += "\n\n" + " ".join([f"KV {term}", *forms])
        quote.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (root / "glossary.yml").write_text(
            yaml.safe_dump({"terms": [entry]}, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        result = build_pages(root)
        representable = all(_representable(t) for t in [f"KV {term}", *forms] if t.strip())
        if result.problems:
            assert not representable or any(not f.strip() for f in forms), result.problems
            assert all(p.path.endswith("glossary.yml") and p.line >= 1 for p in result.problems)
            return
        assert representable
        assert_no_markup(result, "glossary")


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@settings(SETTINGS, max_examples=examples(6))  # each example renders a whole site, charts and all
@given(text=HOSTILE)
@example(  # link syntax written with a backslash before each bracket, in every field at once
    text="\\[a\\](javascript:kbPwned()) \\[b\\]\\(JaVaScRiPt:kbPwned()) [c](java\tscript:kbPwned())"
)
def test_every_text_field_of_every_kind_stays_text(text: str):
    with tempfile.TemporaryDirectory() as tmp:
        root = write_hostile_tree(Path(tmp) / "content")
        filled = fill_tree(root, lambda f: hostile_for(f, f"X {f.name} {text}"), f"Luku {text}")
        assert len(filled) >= 39
        result = build_pages(root)
        assert result.problems == [], result.problems
        assert_no_markup(result, text)
        # A Swedish pair page's window title (its front matter, kb_title) is the editors' text, whole.
        for pair in result.index.content.pairs:
            page = next(t for p, t in result.pages.items() if p.startswith("sv/") and f"/{pair.id}." in p)
            assert get_data(page)[1]["kb_title"] == " ".join(pair.sv.title.split()), page[:200]
        exported = json.loads(result.files[opendata.JSON_FILE])
        quote = next(row for row in exported if row["kind"] == "lainaus")
        read = result.index.content.quotes[0]
        assert (quote["title"], quote["text"], quote["context"]) == (read.title, read.text, read.context)
