"""What counts as markup from content, found in HTML (a built page, or a converted page body).

Hostile test strings mark every element they would create with ``data-kb-injected`` and every
script with ``kbPwned``; besides those markers, any event-handler attribute, any script URL and,
in a page body, any element that only markup could create (``script``, ``img``, ``iframe`` …)
counts as injected.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.utils.meta import get_data

from generator.pipeline import Result
from generator.site import page_html
from generator.site.abbreviations import Abbreviations

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "srcdoc",
    "background",
}
BODY_FORBIDDEN = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "img",
    "svg",
    "math",
    "textarea",
    "base",
    "meta",
    "link",
    "title",
    "kbx",
}
"""Elements the generated Markdown never creates itself: in a page body they came from content."""


def _own_chart(tag: str, attrs: dict) -> bool:
    """The statistics page's own chart images (generator/site/charts.py); on a Swedish page its
    Finnish description is marked ``lang="fi"``."""
    src = attrs.get("src") or ""
    return (
        tag == "img"
        and set(attrs) <= {"src", "alt", "lang"}
        and attrs.get("lang") in (None, "fi")
        and src.split("assets/charts/")[0].strip("./") == ""
    )


_TEMPLATES = Path(__file__).resolve().parents[1] / "generator" / "site" / "templates"
OWN_SCRIPTS = frozenset(
    match.group(1)
    for template in sorted(_TEMPLATES.rglob("*.md"))
    for match in re.finditer(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S)
)
"""The page templates' own inline scripts (the finder's, which hides the build's listing when the
address asks for something else), by their exact text: in a page body any other script came from
content."""


def _own_asset(tag: str, attrs: dict) -> bool:
    """A page's own stylesheet or module from the site's assets (the plan page loads its own)."""
    url = (attrs.get("href") if tag == "link" else attrs.get("src")) or ""
    own = url.lstrip("./").startswith("assets/") and ":" not in url
    if tag == "link":
        return own and attrs == {"rel": "stylesheet", "href": url}
    return tag == "script" and own and attrs == {"type": "module", "src": url}


class _Scan(HTMLParser):
    def __init__(self, body: bool, svg: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.body = body
        self.svg = svg
        self.found: list[str] = []
        self._script = False
        self._own: list[str] | None = None  # the text so far of a script that may be a template's

    def handle_starttag(self, tag, attrs):
        if self.body and tag == "script" and not attrs:
            self._own = []  # a script with no attributes is told by its text, at its end
        else:
            self._check(tag, attrs)
        self._script = tag in ("script", "style")

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        self._script = False
        if tag == "script" and self._own is not None:
            if "".join(self._own) not in OWN_SCRIPTS:
                self.found.append(f"<script> {''.join(self._own)[:60]!r}")
            self._own = None

    def handle_data(self, data):
        if self._own is not None:
            self._own.append(data)
        if self._script and ("kbPwned" in data or "alert(" in data):
            self.found.append(f"script text {data[:60]!r}")

    def _check(self, tag: str, attrs) -> None:
        element = f"<{tag} {dict(attrs)}>"
        if (
            self.body
            and tag in BODY_FORBIDDEN
            and not (_own_chart(tag, dict(attrs)) or _own_asset(tag, dict(attrs)))
        ):
            self.found.append(element)
        if (":" in tag and not self.svg) or tag.startswith("kbx"):
            self.found.append(element)
        for name, value in attrs:
            # As a browser reads an address: without whitespace and control characters, any case.
            value = re.sub(r"[\x00-\x20\x7f]", "", value or "").lower()
            scheme = re.match(r"([a-z][a-z0-9+.-]*):", value)
            script_url = scheme is not None and scheme.group(1) not in ("http", "https", "mailto")
            if name == "data-kb-injected" or name.startswith("on") or (name in URL_ATTRIBUTES and script_url):
                self.found.append(element)


def injected(html: str, *, body: bool = False, svg: bool = False) -> list[str]:
    """Elements and attributes in ``html`` that content created; ``body``: ``html`` is a page body
    converted from Markdown, where no script, image or frame is ever the site's own; ``svg``: an
    SVG drawing, whose own elements have namespaced names."""
    scan = _Scan(body, svg)
    scan.feed(html)
    scan.close()
    if scan._own is not None:  # a script that never ends
        scan.found.append(f"<script> {''.join(scan._own)[:60]!r}")
    return scan.found


_CONFIG = None


def site_markdown(
    abbreviations: Abbreviations | None = None, *, ours: bool = True, link_rule: bool = True
) -> markdown.Markdown:
    """Python-Markdown with the extensions and their settings exactly as mkdocs.yml has them,
    the page conversion (``page_html``) given ``abbreviations`` as the adapter gives them; without
    the page conversion when not ``ours``, without its link rule (``inert_links``) when not
    ``link_rule``."""
    global _CONFIG
    if _CONFIG is None:
        from conftest import REPO
        from mkdocs.config import load_config

        _CONFIG = load_config(str(REPO / "mkdocs.yml"))
    extensions = [e for e in _CONFIG.markdown_extensions if ours or e != page_html.NAME]
    configs = dict(_CONFIG.mdx_configs)
    configs[page_html.NAME] = {"link_rule": link_rule}
    if abbreviations is not None:
        configs[page_html.NAME]["abbreviations"] = abbreviations
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def converted_pages(result: Result, *, link_rule: bool = True) -> dict[str, str]:
    """Every generated page of ``result`` converted to HTML the way a build does it: Markdown with
    the site's extensions, the page conversion given the glossary's definitions; ``link_rule``:
    with the page conversion's last line of defence (``inert_links``)."""
    assert result.pages is not None
    md = site_markdown(result.abbreviations, link_rule=link_rule)
    out = {}
    for path, text in result.pages.items():
        md.reset()
        # The front matter is the engine's page settings, never Markdown: MkDocs and ProperDocs
        # read it with this function and convert only the rest. A value that breaks its YAML would
        # leave it in the Markdown, converted below, where the tests would see any markup in it.
        markdown_text, _settings = get_data(text)
        out[path] = md.convert(markdown_text)
    return out
