"""The two static hosts that `make lighthouse` and the slow-network tests serve the built site from
(scripts/static_host.py): over HTTP/2 and TLS (``serve_http2``, a Node process) the browser gets
the same files, compressed and typed the same way, as over HTTP/1.1 (``serve``)."""

from __future__ import annotations

import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from static_host import serve, serve_http2

pytestmark = pytest.mark.browser

READ = """async (paths) => {
  const out = [];
  for (const path of paths) {
    const response = await fetch(path, { cache: "no-store" });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let sum = 0;
    for (const b of bytes) sum = (sum * 31 + b) >>> 0;
    out.push({ path, status: response.status, url: response.url.replace(location.origin, ""),
               type: response.headers.get("content-type"),
               encoding: response.headers.get("content-encoding"), length: bytes.length, sum });
  }
  return out;
}"""

PATHS = [
    "",
    "haku/",
    "haku",  # a folder without its slash: sent on to the folder's address
    "assets/stylesheets/kb-site.css",
    "assets/kb-search/kb-search.js",
    "pagefind/pagefind-entry.json",
    "sitemap.xml",
    "ei-ole/",
    "%2e%2e/%2e%2e/etc/passwd",  # never a file outside the site
]


def test_http2_serves_what_http1_serves(browser, fixture_site):
    server, plain = serve(fixture_site)
    try:
        with serve_http2(fixture_site) as secure:
            assert secure.startswith("https://127.0.0.1:")
            found = {}
            for base in (plain, secure):
                context = browser.new_context(ignore_https_errors=True, service_workers="block")
                page = context.new_page()
                page.goto(base)
                protocol = page.evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol")
                found[base] = (protocol, page.evaluate(READ, [base + p for p in PATHS]))
                context.close()
    finally:
        server.shutdown()
    assert found[plain][0] == "http/1.1"
    assert found[secure][0] == "h2"
    for one, other in zip(found[plain][1], found[secure][1], strict=True):
        if one["status"] == 200:
            assert {**one, "path": ""} == {**other, "path": ""}, (one, other)
        else:  # each host's own error page
            assert one["status"] == other["status"], (one, other)
    by_path = dict(zip(PATHS, found[secure][1], strict=True))
    assert by_path["haku"]["url"].endswith("/haku/")
    assert by_path["assets/kb-search/kb-search.js"]["encoding"] == "gzip"
    assert by_path["ei-ole/"]["status"] == 404
    assert by_path["%2e%2e/%2e%2e/etc/passwd"]["status"] == 404
