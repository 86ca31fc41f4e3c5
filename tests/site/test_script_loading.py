"""script_loading: every external script of a finished page is started by one inline loader after
the first paint, in the page's order, and nothing else of the page changes; text that looks like
a script element (in a comment, in another script, in an attribute's value, escaped in text) is
left alone. That the browser runs the loader, in order, after the first paint and under the
page's policy: tests/browser/test_first_paint.py, test_csp.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.site import csp
from generator.site.script_loading import (
    LOADER_MARK,
    after_first_paint,
    external_scripts,
    loader,
    module_imports,
)
from generator.steps import THEME_SCRIPTS

_LOADER = re.compile(rf"<script {LOADER_MARK}>(.*?)</script>", re.S)


def loaded(html: str) -> list[list[list[str]]]:
    """The scripts a finished page's loader starts: each one's attributes, in order."""
    found = _LOADER.findall(html)
    assert len(found) == 1, found
    return json.loads(re.search(r"const scripts = (.*?);\n", found[0]).group(1))


PAGE = """<!doctype html>
<html lang="fi" class="no-js">
<head>
<meta charset="utf-8">
<script>__md_scope=new URL(".",location)</script>
<!-- <script src="commented.js"></script> -->
<title>&lt;script src="title.js"&gt;</title>
</head>
<body>
<p title="<script src='attribute.js'></script>">&lt;script src="text.js"&gt;&lt;/script&gt;</p>
<script type="module" src="../assets/kb-plan/plan.js"></script>
<script id="__config" type="application/json">{"search": "<script src=x.js>"}</script>
<script defer src="assets/bundle.js"></script>
<script defer src="assets/kb-search-header.js" type="module"></script>
<script type="module" src="assets/kb.js?v=1&amp;w=2"></script>
</body>
</html>
"""


def test_every_external_script_is_in_the_loader_in_order_and_nothing_else_changed():
    page = after_first_paint(PAGE)
    assert loaded(page) == [
        [["type", "module"], ["src", "../assets/kb-plan/plan.js"]],
        [["src", "assets/bundle.js"]],
        [["src", "assets/kb-search-header.js"], ["type", "module"]],
        [["type", "module"], ["src", "assets/kb.js?v=1&w=2"]],  # as the browser reads it
    ]
    # The loader stands where the last script was; every other byte is where it was.
    expected = PAGE
    for element in (
        '<script type="module" src="../assets/kb-plan/plan.js"></script>',
        '<script defer src="assets/bundle.js"></script>',
        '<script defer src="assets/kb-search-header.js" type="module"></script>',
    ):
        expected = expected.replace(element, "")
    expected = expected.replace('<script type="module" src="assets/kb.js?v=1&amp;w=2"></script>', "\0")
    assert _LOADER.sub("\0", page) == expected
    for untouched in ("commented.js", "title.js", "attribute.js", "text.js", '"search": "<script src=x.js>"'):
        assert untouched in page and untouched not in json.dumps(loaded(page)), untouched


def test_a_finished_page_and_a_page_without_external_scripts_are_returned_unchanged():
    page = after_first_paint(PAGE)
    assert after_first_paint(page) == page
    redirect = '<!doctype html><html><head><script>location.replace("../x/")</script></head></html>'
    assert after_first_paint(redirect) == redirect


def test_the_loader_is_one_inline_script_that_the_policy_allows_by_its_hash():
    page = csp.with_policy(after_first_paint(PAGE))
    text = _LOADER.search(page).group(1)
    assert csp.sha256(text) in page
    assert csp.inline_scripts(page).count(text) == 1


def test_text_that_would_end_the_loader_stays_inside_its_strings():
    text = loader([[("src", "a.js?</script><script>alert(1)</script><!--")]])
    assert "</script" not in text and "<!--" not in text
    assert json.loads(re.search(r"const scripts = (.*?);\n", text).group(1)) == [
        [["src", "a.js?</script><script>alert(1)</script><!--"]]
    ]


# Generated pages: text with characters that matter to markup (escaped as the site escapes text),
# other elements, comments and external scripts of either kind, in any order.
_TEXT = st.text(alphabet=st.sampled_from("ab <>&\"'/=-!script"), max_size=20).map(
    lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
)
_VALUE = st.text(alphabet=st.sampled_from("ab<>/=' -script"), max_size=20).map(lambda t: t.replace('"', ""))
_SRC = st.from_regex(r"[a-z0-9/._-]{1,12}\.js", fullmatch=True)


@st.composite
def _script(draw) -> tuple[str, list[list[str]]]:
    src = draw(_SRC)
    kind = draw(st.sampled_from(["", ' type="module"', " defer", ' type="text/javascript"']))
    attributes = [["src", src]]
    if "type=" in kind:
        attributes.append(["type", kind.split('"')[1]])
    return f'<script src="{src}"{kind}></script>', attributes


_OTHER = st.one_of(
    _TEXT.map(lambda t: f"<p>{t}</p>"),
    st.tuples(_VALUE, _TEXT).map(lambda v: f'<a title="{v[0]}" href="x">{v[1]}</a>'),
    _VALUE.map(lambda t: f'<!-- {t.replace("-", "")} <script src="c.js"></script> -->'),
    _VALUE.map(lambda t: f"<script>var s = '{t.replace(chr(39), '')}';</script>"),
    _VALUE.map(lambda t: f'<script type="application/json" src="data.json">{t}</script>'),
    _TEXT.map(lambda t: f"<textarea><script src='t.js'></script>{t}</textarea>"),
)


@given(st.lists(st.one_of(_script(), _OTHER), max_size=12))
def test_generated_pages_keep_their_markup_and_start_each_script_once_in_order(parts):
    page = (
        "<!doctype html><html><head></head><body>\n"
        + "\n".join(p if isinstance(p, str) else p[0] for p in parts)
        + "\n</body></html>"
    )
    scripts = [p for p in parts if not isinstance(p, str)]
    finished = after_first_paint(page)
    if not scripts:
        assert finished == page
        return
    assert loaded(finished) == [attributes for _, attributes in scripts]
    # Every other byte is where it was: the scripts out, the loader in place of the last one.
    rest = [p if isinstance(p, str) else "" for p in parts]
    last = max(n for n, p in enumerate(parts) if not isinstance(p, str))
    rest[last] = "\0"
    expected = "<!doctype html><html><head></head><body>\n" + "\n".join(rest) + "\n</body></html>"
    assert _LOADER.sub("\0", finished) == expected
    assert external_scripts(finished) == []
    assert after_first_paint(finished) == finished


def test_every_built_page_starts_its_scripts_from_the_loader(real_site: Path):
    for html in real_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert external_scripts(text) == [], html


def test_a_modules_imports_are_fetched_with_it_from_where_the_page_is(tmp_path: Path):
    (tmp_path / "assets" / "a").mkdir(parents=True)
    (tmp_path / "assets" / "b").mkdir()
    (tmp_path / "assets" / "a" / "page.js").write_text(
        'import { x } from "./x.js";\nimport {\n  y,\n} from "../b/y.js";\n'
        'export const ROOT = new URL("../../", import.meta.url);\n'
    )
    (tmp_path / "assets" / "a" / "x.js").write_text(
        'import "../b/y.js";\nconst later = () => import("./z.js");\n'
    )
    (tmp_path / "assets" / "b" / "y.js").write_text('export { y } from "../a/x.js";\n')  # a cycle
    imports = module_imports(tmp_path)
    assert imports == {
        "assets/a/page.js": ("assets/a/x.js", "assets/b/y.js"),  # z.js is imported only when called
        "assets/a/x.js": ("assets/b/y.js",),
        "assets/b/y.js": ("assets/a/x.js",),
    }
    page = (
        '<html><body><script type="module" src="../../assets/a/page.js"></script>'
        '<script src="../../assets/a/x.js"></script></body></html>'
    )
    text = _LOADER.search(after_first_paint(page, imports)).group(1)
    listed = json.loads(re.search(r"const imported = (.*?);\n", text).group(1))
    assert listed == ["../../assets/a/x.js", "../../assets/b/y.js"]  # a classic script's are not its


THEME = THEME_SCRIPTS  # the pattern the build gives the loader


def theme_index(html: str) -> int:
    return int(re.search(r"const theme = (-?\d+);\n", _LOADER.search(html).group(1)).group(1))


def test_the_loader_knows_the_theme_s_bundle_wherever_the_page_is():
    """The theme's bundle is told by its address (relative to any page, with a query or not): the
    loader runs it after the first screen on a page whose own script draws that screen."""
    for src, index in (
        ("../../assets/javascripts/bundle.a5f9d56c.min.js", 1),
        ("assets/javascripts/bundle.a5f9d56c.min.js?v=2", 1),
        ("/assets/javascripts/bundle.0.min.js", 1),
        ("assets/javascripts/kb.js", -1),
        ("assets/javascripts/bundle.js", -1),
        ("assets/other/javascripts/bundle.a.min.js", -1),
    ):
        page = (
            '<html><body><script type="module" src="assets/kb.js"></script>'
            f'<script src="{src}"></script></body></html>'
        )
        assert theme_index(after_first_paint(page, theme=THEME)) == index, src
        assert theme_index(after_first_paint(page)) == -1


def test_every_built_page_s_loader_knows_the_theme_s_bundle(real_site: Path):
    for html in [
        real_site / "index.html",
        real_site / "haku" / "index.html",
        real_site / "sv" / "haku" / "index.html",
    ]:
        text = html.read_text(encoding="utf-8")
        scripts = loaded(text)
        index = theme_index(text)
        assert index >= 0 and "/javascripts/bundle." in scripts[index][0][1], html
