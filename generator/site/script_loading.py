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
- the modules that a page's module imports (``module_imports``: read from the built site's files,
  every static ``import … from "./…"``, to any depth) are fetched at once with it
  (``modulepreload``), rather than one level of imports after another as the browser finds them;
- a page whose first screen its own script draws says so on ``<html>`` before the loader starts
  (``DRAWN_BY_SCRIPT``: the finder, when its address asks for a search, marks it from its inline
  script, generator/site/templates/finder.md): there the theme's bundle (``theme``: which script it
  is) is fetched and run only once the page's other scripts have drawn that screen (they say so
  with the event ``FIRST_SCREEN_EVENT`` on ``document``; at the latest ``FALLBACK_MS`` after they
  have run), so that its 35 KB do not compete with the search's own files on a slow connection.
  Every other page runs the scripts in their order, the bundle first;
- when every script has run, ``<html data-kb-scripts="ready">``: the browser tests wait for it.

Everything else in the page stays as it was, byte for byte. A page without an external script
(a redirect page) is returned unchanged, and so is a page already finished: its scripts are in
its loader, so the step can run again. Markup is read as the browser's tokenizer would: text
inside comments, ``<script>``, ``<style>``, ``<textarea>`` and ``<title>`` and inside quoted
attribute values is never taken for a script element.
"""

from __future__ import annotations

import fnmatch
import functools
import html as html_lib
import json
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

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

DRAWN_BY_SCRIPT = "data-kb-finder-asked"
"""The mark on ``<html>`` of a page whose first screen its own script draws (the finder asked for
a search: its results), set before the loader starts."""
FIRST_SCREEN_EVENT = "kb:first-screen"
"""The event (on ``document``) by which such a page's script says its first screen is drawn
(docs/assets/kb-search/kb-finder.js)."""

LOADER_MARK = "data-kb-scripts"
"""The loader's own attribute (``<script data-kb-scripts>``): a test finds the loader by it."""

_STATIC_IMPORT = re.compile(
    r"""^(?:(?:import|export)\b[^;"'`]*?\bfrom|import)\s*["'](\.{1,2}/[^"'`]+)["']""", re.M
)
"""A module's static imports of the site's own files, as our modules are written (Biome formats
them): a statement at the start of a line, ``import … from "./x.js"`` or ``import "./x.js"``."""

_LOADER = """(() => {
  const scripts = %s;
  const imported = %s;
  const theme = %d;
  // The theme's bundle after the first screen where the page's own script draws it.
  const later = theme >= 0 && document.documentElement.hasAttribute(%s) ? [scripts[theme]] : [];
  const drawn = new Promise((done) => document.addEventListener(%s, done, { once: true }));
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
  const preload = (list) => {
    for (const script of list) {
      const link = document.createElement("link");
      if (isModule(script)) link.rel = "modulepreload";
      else Object.assign(link, { rel: "preload", as: "script" });
      for (const [name, value] of script) if (name === "crossorigin" || name === "integrity") link.setAttribute(name, value);
      link.href = attribute(script, "src");
      document.head.append(link);
    }
  };
  const run = async (list) => {
    for (const script of list) {
      if (isModule(script)) {
        try {
          await import(new URL(attribute(script, "src"), document.baseURI).href);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      } else {
        const creates = !("document$" in window);
        await classic(script);
        if (creates && typeof window.document$?.next === "function") window.document$.next(document);
      }
    }
  };
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    const now = scripts.filter((script) => !later.includes(script));
    preload([...now, ...imported.map((src) => [["src", src], ["type", "module"]])]);
    await run(now);
    if (later.length) {
      await Promise.race([drawn, new Promise((done) => setTimeout(done, %d))]);
      preload(later);
      await run(later);
    }
    document.documentElement.dataset.kbScripts = "ready";
  };
  const parsed = () => {
    setTimeout(start, %d);
    if (!window.PerformanceObserver?.supportedEntryTypes?.includes("paint")) return start();
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


ASSETS = "assets"
"""Where the site's own scripts are (docs/assets/: the theme's and ours). Only this folder is read
for modules' imports: the rest of the site is its pages, a walk through which would cost the
preview's every rebuild some 0.4 s at 10,000 entries."""


def module_imports(site: Path) -> dict[str, tuple[str, ...]]:
    """Every module of the built ``site``'s ``assets/`` (its path under the site) → the site's
    modules it imports statically, directly or through another, in the order they are first met."""
    direct: dict[str, list[str]] = {}
    for path in sorted((site / ASSETS).rglob("*.js")):
        name = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        imports = [
            posixpath.normpath(posixpath.join(posixpath.dirname(name), m))
            for m in _STATIC_IMPORT.findall(text)
        ]
        direct[name] = [m for m in imports if not m.startswith("../")]
    closure = {}
    for name in direct:
        seen: list[str] = []
        waiting = list(direct[name])
        while waiting:
            module = waiting.pop(0)
            if module != name and module not in seen:
                seen.append(module)
                waiting += direct.get(module, [])
        closure[name] = tuple(seen)
    return {name: imports for name, imports in closure.items() if imports}


def loader(scripts: list[list[tuple[str, str]]], imported: Sequence[str] = (), theme: int = -1) -> str:
    """The loader's text for ``scripts`` (each a script element's attributes, in order), the
    modules they import (``imported``: addresses as the page writes them) and which of the
    scripts is the theme's bundle (``theme``: its index, -1 for none)."""

    # Inside <script>: no "</script" or "<!--" may appear in the text, so "<" is written escaped.
    def listed(value: object) -> str:
        return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")

    return _LOADER % (
        listed([[list(pair) for pair in script] for script in scripts]),
        listed(list(imported)),
        theme,
        listed(DRAWN_BY_SCRIPT),
        listed(FIRST_SCREEN_EVENT),
        FALLBACK_MS,
        FALLBACK_MS,
    )


def _imported(src: str, imports: Mapping[str, Sequence[str]]) -> list[str]:
    """The modules that the module at ``src`` (an address as the page writes it: a relative
    path or one from the site's root, to a file of the site) imports, written the same way."""
    path = src.split("?")[0].split("#")[0]
    for name, modules in imports.items():
        if path == name or path.endswith("/" + name):
            prefix = path[: len(path) - len(name)]
            return [prefix + module for module in modules]
    return []


def after_first_paint(
    html: str, imports: Mapping[str, Sequence[str]] | None = None, theme: str | None = None
) -> str:
    """``html`` with its external scripts started by the loader after the first paint;
    ``imports``: the site's modules and what each imports (``module_imports``), fetched with them;
    ``theme``: a pattern (``fnmatch``, from the site's root) of the theme's bundle."""
    found = external_scripts(html)
    if not found:
        return html
    scripts = []
    imported: list[str] = []
    parts = []
    at = 0
    bundle = -1
    for start, end, attributes in found:
        scripts.append([(name, value) for name, value in attributes if name not in ("defer", "async")])
        names = dict(attributes)
        if theme and bundle < 0 and _is(names["src"], theme):
            bundle = len(scripts) - 1
        if imports and names.get("type", "").strip().lower() == "module":
            imported += [m for m in _imported(names["src"], imports) if m not in imported]
        parts.append(html[at:start])
        at = end
    parts.append(f"<script {LOADER_MARK}>{loader(scripts, imported, bundle)}</script>")
    parts.append(html[at:])
    return "".join(parts)


def _is(src: str, pattern: str) -> bool:
    """Whether the address ``src`` (relative or from the site's root) names a file that matches
    ``pattern`` (from the site's root)."""
    path = posixpath.normpath("/" + src.split("?")[0].split("#")[0]).lstrip("/")
    parts = path.split("/")
    return any(fnmatch.fnmatchcase("/".join(parts[i:]), pattern) for i in range(len(parts)))


def for_site(site: Path, theme: str | None = None) -> Callable[[str], str]:
    """``after_first_paint`` with the modules of the built ``site`` (``theme``: as there)."""
    return functools.partial(after_first_paint, imports=module_imports(site), theme=theme)
