"""csp: every finished page carries one Content-Security-Policy, first in its head, that names
exactly the inline scripts and styles the page has by hash; the built pages (every page, the
404 page and the redirect pages) all carry it. That the browser runs the pages under it without
a violation: tests/browser/test_csp.py."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.site.csp import inline_scripts, policy, sha256, with_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

PAGE = """<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<script>__md_scope=new URL(".",location)</script>
<script id="__config" type="application/json">{"base": "."}</script>
<link rel="stylesheet" href="assets/main.css">
</head>
<body>
<table><tr><td style="text-align: right;">1</td></tr></table>
<script src="assets/bundle.js"></script>
<script type="module">import "./x.js";</script>
</body>
</html>
"""


def directives(html: str) -> dict[str, list[str]]:
    found = META.findall(html)
    assert len(found) == 1, found
    return {d.split()[0]: d.split()[1:] for d in found[0].split("; ")}


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_the_site_alone_and_what_the_page_itself_has():
    page = with_policy(PAGE)
    policy_ = directives(page)
    assert policy_["default-src"] == ["'self'"]
    assert policy_["script-src"] == [
        "'self'",
        "'wasm-unsafe-eval'",
        *sorted([digest('__md_scope=new URL(".",location)'), digest('import "./x.js";')]),
    ]
    assert policy_["style-src"] == ["'self'", "'unsafe-hashes'", digest("text-align: right;")]
    for name in ("font-src", "connect-src", "base-uri", "form-action"):
        assert policy_[name] == ["'self'"], name
    assert policy_["img-src"] == ["'self'", "data:"]
    assert policy_["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in page and "'unsafe-eval'" not in page
    # first in the head, after the character set (which has to be in the first 1,024 bytes)
    head = page.split("<head>\n", 1)[1]
    assert head.startswith('<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')
    assert page.replace(META.search(page).group(0) + "\n", "", 1) == PAGE


def test_the_settings_data_block_is_not_a_script():
    assert inline_scripts(PAGE) == ['__md_scope=new URL(".",location)', 'import "./x.js";']


def test_the_dev_server_may_run_its_live_reload():
    policy_ = directives(with_policy(PAGE, serve=True))
    assert policy_["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]
    assert policy_["object-src"] == ["'none'"]


def test_a_page_without_a_head_is_left_alone():
    assert with_policy("<p>teksti</p>") == "<p>teksti</p>"


scripts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<\r\x00"), max_size=80
)


@given(
    texts=st.lists(scripts, max_size=5), styles=st.lists(scripts.filter(lambda s: '"' not in s), max_size=3)
)
def test_every_inline_script_and_style_is_named_by_its_hash_and_nothing_else(texts, styles):
    body = "".join(f"<script>{t}</script>" for t in texts)
    body += "".join(f'<p style="{s.replace("&", "&amp;")}">x</p>' for s in styles)
    page = f"<html><head><script>a()</script></head><body>{body}</body></html>"
    once = with_policy(page)
    policy_ = directives(once)
    assert set(policy_["script-src"][2:]) == {sha256(t) for t in ["a()", *texts]}
    assert set(policy_["style-src"][2:]) == {sha256(s) for s in styles}
    assert policy_["style-src"][1:2] == (["'unsafe-hashes'"] if styles else [])
    assert with_policy(once) == once, "the step can run again on a finished page"
    assert once.index("Content-Security-Policy") < once.index("<script>")


def test_line_breaks_are_hashed_as_the_browser_reads_them():
    page = with_policy("<html><head><script>a()\r\nb()\rc()</script></head></html>")
    assert directives(page)["script-src"][2:] == [sha256("a()\nb()\nc()")]


def test_the_hash_is_the_one_browsers_compute():
    # The example of the CSP specification: alert('Hello, world.');
    assert sha256("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_every_built_page_carries_the_policy(fixture_site: Path, renamed_site: Path):
    pages = [p for p in fixture_site.rglob("*.html") if p.relative_to(fixture_site).parts[0] != "assets"]
    assert fixture_site / "404.html" in pages
    redirects = [renamed_site / "lainaukset" / "viestimme-verkossa" / "index.html"]
    for page in [*pages, *redirects]:
        text = page.read_text(encoding="utf-8")
        policy_ = directives(text)
        assert set(policy_["script-src"][2:]) == {sha256(t) for t in inline_scripts(text)}, page
        assert policy(text) == META.search(text).group(1), page
