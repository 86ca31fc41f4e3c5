"""The built site served as a static host serves it: text compressed with gzip when the browser
asks for it (GitHub Pages and other hosts do), everything else as is, on 127.0.0.1.

Two hosts serve the same bytes: ``serve`` over HTTP/1.1 in a thread of this process, and
``serve_http2`` over HTTP/2 and TLS (as GitHub Pages and the other hosts speak to a browser) in a
Node process (``lighthouse/h2_host.mjs``), with a certificate made for the run by ``openssl``.

Used by `make lighthouse` (scripts/lighthouse/run.py) and by the browser tests that measure what a
reader on a slow connection gets (tests/browser/test_slow_network.py): an uncompressing server
would measure something no reader gets (Lighthouse: performance 81–87 instead of 95–99,
November 2026).
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import select
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

HTTP2_HOST = Path(__file__).resolve().parent / "lighthouse" / "h2_host.mjs"

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".md", ".webmanifest"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text compressed with gzip when the request accepts it, as hosts do, over
    connections kept open from request to request (HTTP/1.1; the standard library's default,
    HTTP/1.0, opens one per file, as no host does)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # the redirect to the folder's address
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: a file-like object the handler copies to the socket."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = lambda *args: GzipHandler(*args, directory=str(root))  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _type(suffix: str) -> str:
    """The Content-Type ``serve`` sends for a file name ending in ``suffix``."""
    return GzipHandler.guess_type(GzipHandler.__new__(GzipHandler), "x" + suffix)


@contextlib.contextmanager
def serve_http2(root: Path) -> Iterator[str]:
    """The site under ``root`` over HTTP/2 and TLS on 127.0.0.1 while the block runs; yields its
    address (https://127.0.0.1:PORT/). The certificate is made for this run and names no one: a
    browser pointed at the host is told to accept it (Chromium: ``--ignore-certificate-errors``)."""
    for tool in ("node", "openssl"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"HTTP/2-palvelin tarvitsee ohjelman {tool}")
    with tempfile.TemporaryDirectory(prefix="kb-h2-") as scratch:
        key, cert = Path(scratch) / "key.pem", Path(scratch) / "cert.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
        suffixes = {path.suffix.lower() for path in root.rglob("*") if path.is_file()}
        settings = {
            "root": str(root),
            "key": str(key),
            "cert": str(cert),
            "compressed": sorted(COMPRESSED),
            "types": {suffix: _type(suffix) for suffix in sorted(suffixes) if suffix},
        }
        host = subprocess.Popen(
            ["node", str(HTTP2_HOST), json.dumps(settings)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert host.stdout is not None
            ready, _, _ = select.select([host.stdout], [], [], 30)
            port = host.stdout.readline().strip() if ready else ""
            if not port.isdigit():
                raise RuntimeError(f"HTTP/2-palvelin ei käynnistynyt 30 s:ssa ({HTTP2_HOST.name})")
            yield f"https://127.0.0.1:{port}/"
        finally:
            host.terminate()
            try:
                host.wait(timeout=10)
            except subprocess.TimeoutExpired:
                host.kill()
                host.wait()
            if host.stdout is not None:
                host.stdout.close()
