"""The two static hosts that `make lighthouse` and the slow-network tests serve the built site from
(scripts/static_host.py): over HTTP/2 and TLS (``serve_http2``, a Node process) the browser gets
the same files, compressed and typed the same way, as over HTTP/1.1 (``serve``)."""

from __future__ import annotations

import http.client
import ssl
import sys
from urllib.parse import urlsplit

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


def raw(base: str, path: str) -> tuple[int, str | None]:
    """``path`` asked exactly as written (no browser tidies it first) of the host at ``base``, over
    TLS; the status and the Location header."""
    address = urlsplit(base)
    connection = http.client.HTTPSConnection(
        address.hostname, address.port, context=ssl._create_unverified_context(), timeout=10
    )
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def test_the_http2_host_serves_nothing_outside_the_site_and_survives_odd_addresses(fixture_site):
    """Addresses no browser sends as they are: a way out of the site, a path below a file, a null
    character; each gets 404 and the host goes on serving. A folder's address without its slash is
    sent on to the folder with its query kept."""
    with serve_http2(fixture_site) as base:
        for path in (
            "/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd",
            "/sitemap.xml/alla",
            "/index.html%00.txt",
            "/%ff",
        ):
            assert raw(base, path) == (404, None), path
        assert raw(base, "/haku?q=opettajien") == (301, "/haku/?q=opettajien")
        assert raw(base, "/sitemap.xml")[0] == 200
