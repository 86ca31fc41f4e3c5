"""Reading a built site as a browser would: the links and anchors of every HTML page.

Used by the link check and the two-click test. Only the standard library: ``html.parser``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.I)


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(tag.attribute, address) of every reference the page makes."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        for attribute in ("href", "src"):
            if values.get(attribute) is not None and tag in (
                "a",
                "link",
                "img",
                "script",
                "source",
                "iframe",
            ):
                self.page.links.append((f"{tag}.{attribute}", values[attribute]))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH.match(values.get("content") or "")
            if match:
                self.page.links.append(("meta.refresh", match.group(1).strip()))


@cache
def read(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.page


def site_path(site: Path, html_file: Path) -> str:
    """The URL path of a file of the built site: ``/lainaukset/x/index.html``."""
    return "/" + html_file.relative_to(site).as_posix()


def resolve(site: Path, from_file: Path, address: str) -> tuple[Path, str] | None:
    """The file an internal address points to, and its fragment; None for external addresses.

    The file may not exist: that is for the caller to check.
    """
    if address.startswith(SKIPPED_SCHEMES):
        return None
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None  # another host: never fetched
    here = site_path(site, from_file)
    if parts.path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
        if parts.path.endswith("/"):
            target += "/"
    else:
        target = here
    if target.endswith("/"):
        target += "index.html"
    file = site / target.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def internal_links(site: Path, html_file: Path) -> list[tuple[str, str, Path, str]]:
    """(kind, address, target file, fragment) of every internal reference of a page."""
    out = []
    for kind, address in read(html_file).links:
        resolved = resolve(site, html_file, address)
        if resolved is not None:
            out.append((kind, address, *resolved))
    return out
