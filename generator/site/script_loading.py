"""The page's scripts start after its first paint: every ``<script src>`` of a page through one
small inline loader.

Part of the step that finishes pages' HTML (``steps.page_finishes``; pure text in, text out, on
every page whatever engine rendered it), before the Content-Security-Policy (``site.csp``), which
allows the loader by the SHA-256 hash of its text as it finds it in the finished page.

A deferred script or a module does not hold up the first paint by itself, but a phone's browser
runs it as soon as it has arrived, often before it has painted anything; Lighthouse's simulation
(Lantern) counts every task that ran before the largest paint, so the theme's bundle and our
modules delayed the first screen by their whole running time. Here each external script element
of the page (one that runs JavaScript and has a ``src``) is taken out of the markup, where it
stood, and the loader in place of the last one starts them when the page has been parsed and
first painted (Paint Timing's ``first-contentful-paint``; at the latest ``FALLBACK_MS`` after the
page was parsed, as in a tab in the background that is not painted):

- every file is fetched at once (``<link rel="preload">``, ``modulepreload`` for a module), and
  they run one after the other in the page's order, the next when the one before has run: a
  classic script as the element it was (its attributes as written) when its ``load`` or
  ``error`` event has come, a module as ``import()`` of its address when it has been evaluated
  whole (the ``load`` event of a module's element comes before a top-level ``await`` in it has
  finished: ``kb-i18n/i18n.js`` waits for its language's table). A module that fails is reported
  as an uncaught error, as its element would have been, and the next one runs;
- the theme's bundle (Material for MkDocs) starts from ``DOMContentLoaded``, which has passed when
  it runs: its stream of loaded documents, ``document$`` (a replaying subject that the bundle
  fills from that event), is given the document the event would have given it, once, and only
  when the script that just ran is the one that created ``document$``. No event is sent again,
  so nothing else that listens for ``DOMContentLoaded`` runs twice;
- when every script has run, ``<html data-kb-scripts="ready">``: the browser tests wait for it.

Everything else in the page stays as it was, byte for byte. A page without an external script
(a redirect page) is returned unchanged, and so is a page already finished: its scripts are in
its loader, so the step can run again. Markup is read as the browser's tokenizer would: text
inside comments, ``<script>``, ``<style>``, ``<textarea>`` and ``<title>`` and inside quoted
attribute values is never taken for a script element.
"""

from __future__ import annotations

import html as html_lib
import json
import re

FALLBACK_MS = 3000
"""When the page has not been painted this long after it was parsed, its scripts start anyway."""

_JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}
"""A ``<script>`` of another type (``application/json`` settings) is data: it stays."""

_TAG_ATTRIBUTES = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
_TOKEN = re.compile(
    r"<!--.*?-->"  # a comment, with whatever it holds
    rf"|<(script|style|textarea|title)\b({_TAG_ATTRIBUTES})>(.*?)</\1\s*>"  # raw text, whole
    rf"|<[a-zA-Z/!?]{_TAG_ATTRIBUTES}>",  # any other tag, its quoted values included
    re.S | re.I,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")

LOADER_MARK = "data-kb-scripts"
"""The loader's own attribute (``<script data-kb-scripts>``): a test finds the loader by it."""

_LOADER = """(() => {
  const scripts = %s;
  const attribute = (script, name) => script.find(([n]) => n === name)?.[1];
  const isModule = (script) => (attribute(script, "type") ?? "").trim().toLowerCase() === "module";
  const classic = (script) =>
    new Promise((done) => {
      const element = document.createElement("script");
      for (const [name, value] of script) element.setAttribute(name, value);
      element.addEventListener("load", done, { once: true });
      element.addEventListener("error", done, { once: true });
      document.body.append(element);
    });
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    for (const script of scripts) {
      const link = document.createElement("link");
      if (isModule(script)) link.rel = "modulepreload";
      else Object.assign(link, { rel: "preload", as: "script" });
      for (const [name, value] of script) if (name === "crossorigin" || name === "integrity") link.setAttribute(name, value);
      link.href = attribute(script, "src");
      document.head.append(link);
    }
    for (const script of scripts) {
      if (isModule(script)) {
        try {
          await import(new URL(attribute(script, "src"), document.baseURI).href);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      } else {
        const theme = !("document$" in window);
        await classic(script);
        if (theme && typeof window.document$?.next === "function") window.document$.next(document);
      }
    }
    document.documentElement.dataset.kbScripts = "ready";
  };
  const parsed = () => {
    setTimeout(start, %d);
    if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return start();
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      start();
    }).observe({ type: "paint", buffered: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", parsed, { once: true });
  else parsed();
})();"""


def _attributes(text: str) -> list[tuple[str, str]]:
    """A start tag's attributes as the browser reads them: names in lower case, values with
    their entities decoded, the first of a repeated name."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        found.setdefault(name, html_lib.unescape(value))
    return list(found.items())


def external_scripts(html: str) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """Every script element of ``html`` that runs JavaScript from a file: its start and end in
    the text and its attributes, in the page's order."""
    found = []
    for match in _TOKEN.finditer(html):
        if (match.group(1) or "").lower() != "script":
            continue
        attributes = _attributes(match.group(2))
        names = dict(attributes)
        if "src" not in names or names.get("type", "").strip().lower() not in _JAVASCRIPT_TYPES:
            continue
        found.append((match.start(), match.end(), attributes))
    return found


def loader(scripts: list[list[tuple[str, str]]]) -> str:
    """The loader's text for ``scripts`` (each a script element's attributes, in order)."""
    # Inside <script>: no "</script" or "<!--" may appear in the text, so "<" is written escaped.
    listed = json.dumps([[list(pair) for pair in script] for script in scripts], ensure_ascii=False)
    return _LOADER % (listed.replace("<", "\\u003c"), FALLBACK_MS)


def after_first_paint(html: str) -> str:
    """``html`` with its external scripts started by the loader after the first paint."""
    found = external_scripts(html)
    if not found:
        return html
    scripts = []
    parts = []
    at = 0
    for start, end, attributes in found:
        scripts.append([(name, value) for name, value in attributes if name not in ("defer", "async")])
        parts.append(html[at:start])
        at = end
    parts.append(f"<script {LOADER_MARK}>{loader(scripts)}</script>")
    parts.append(html[at:])
    return "".join(parts)
