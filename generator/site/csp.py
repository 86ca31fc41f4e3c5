"""The Content-Security-Policy of every page: what a page may load and run.

Part of the step that finishes pages' HTML (pure text in, text out; the MkDocs adapter calls it
for every finished page, the 404 page and the redirect pages). ``with_policy`` puts the policy
into the page as ``<meta http-equiv="Content-Security-Policy">``, first in ``<head>``, so that it
holds on any static host, without server headers.

Scripts, styles, fonts, images and connections come from the site's own origin only
(``'self'``); images also from ``data:`` addresses, which Material's stylesheet uses for its
icons (inline data, no other origin). Pagefind's WebAssembly needs ``'wasm-unsafe-eval'``
(compiling WebAssembly, not ``eval`` of text). No plugins (``object-src 'none'``), no ``<base>``
pointing elsewhere (``base-uri 'self'``), forms submit only to the site.

The theme writes a few scripts into the page itself (Material's palette and scope bootstrap,
its content-tab script) and Markdown tables write ``style="text-align: …"``: each is allowed
by the SHA-256 hash of its exact text, computed here from the finished page, so nothing else
inline runs, whatever a text field contains. Under ``mkdocs serve`` the dev server adds its
own live-reload script to every page after this step (with a new number each time, so no hash
can name it): there, and only there, inline scripts are allowed (``serve=True``).
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re

# Lower case, as every page is written: an element these miss is not allowed, so it is blocked,
# never let through (and the browser tests see the violation). Literal starts keep them fast.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S)
_STYLE_ATTRIBUTE = re.compile(r"""style\s*=\s*(?:"([^"]*)"|'([^']*)')""")
"""Also outside tags (in text): a hash too many allows nothing that is not on the page."""
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_HEAD = re.compile(r"<head\b[^>]*>")
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)
_FIRST_LOADED = re.compile(r"<(?:script|link|style)\b")
_MARK = '<meta http-equiv="Content-Security-Policy" content="'
_EXISTING = re.compile(r'\n?<meta http-equiv="Content-Security-Policy" content="[^"]*">')

_JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}
"""A <script> of another type (the theme's ``application/json`` settings) is data, never run."""


def sha256(text: str) -> str:
    """A CSP hash source for ``text`` (``'sha256-…'``)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every script in ``html`` that runs from the page itself, in order."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group(1)
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _JAVASCRIPT_TYPES):
            continue
        found.append(_as_parsed(match.group(2)))
    return found


def inline_styles(html: str) -> list[str]:
    """The text of every ``<style>`` element and ``style`` attribute in ``html`` (attribute
    values as the browser reads them: entities decoded)."""
    found = [_as_parsed(match.group(1)) for match in _STYLE_ELEMENT.finditer(html)]
    for match in _STYLE_ATTRIBUTE.finditer(html):
        if match.start() == 0 or not html[match.start() - 1].isspace():
            continue
        value = match.group(1) if match.group(1) is not None else match.group(2)
        found.append(_as_parsed(html_lib.unescape(value)))
    return found


def _as_parsed(text: str) -> str:
    """Text as the browser hashes it: its HTML parser reads every line break as ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def policy(html: str, *, serve: bool = False) -> str:
    """The policy for one finished page: its own inline scripts and styles by hash."""
    scripts = ["'self'", "'wasm-unsafe-eval'"]
    if serve:
        scripts.append("'unsafe-inline'")  # the dev server's live reload; hashes would disable it
    else:
        scripts += sorted({sha256(text) for text in inline_scripts(html)})
    styles = ["'self'"]
    hashes = sorted({sha256(text) for text in inline_styles(html)})
    if hashes:
        styles += ["'unsafe-hashes'", *hashes]  # 'unsafe-hashes': style attributes by hash
    return "; ".join(
        [
            "default-src 'self'",
            "script-src " + " ".join(scripts),
            "style-src " + " ".join(styles),
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str, *, serve: bool = False) -> str:
    """``html`` with its Content-Security-Policy as the first element of ``<head>`` (after the
    character set, which must stay in the first 1,024 bytes), replacing an earlier one: the
    step can run again on a finished page. A page without ``<head>`` is returned unchanged."""
    if _MARK in html:
        html = _EXISTING.sub("", html)
    head = _HEAD.search(html)
    if head is None:
        return html
    at = head.end()
    charset = _CHARSET.search(html, at)
    first = _FIRST_LOADED.search(html, at)
    if charset and (first is None or charset.start() < first.start()):
        at = charset.end()
    meta = f'\n{_MARK}{policy(html, serve=serve)}">'
    return html[:at] + meta + html[at:]
