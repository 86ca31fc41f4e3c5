"""What a page says in its interface, and which of it is the Finnish interface's words: for the
tests that hold Swedish pages to Swedish chrome (tests/site/test_editions.py, in the built HTML;
tests/browser/test_swedish.py, in the page as the browser shows it, scripts' words included).

Its interface: the text outside the article and outside lang="fi" (header, search box, contents,
footer, the scripts' messages there) and every name, title and alternative text a reader hears,
anywhere on the page outside lang="fi". The Finnish interface's words: the words table of the
editions (``editions.SV.words``), mkdocs.yml's shared settings and the scripts' Finnish messages
(docs/assets/kb-i18n/fi.js), each where its Swedish differs.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from conftest import REPO

from generator.site import editions

CHROME_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "aria-roledescription")
_VOID = ("meta", "link", "br", "img", "input", "hr", "source", "wbr")


class _Chrome(HTMLParser):
    def __init__(self, *, article: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.said: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._article = article

    def _skipped(self) -> bool:
        return any(skip for _, skip in self._stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        finnish = values.get("lang") == "fi" or values.get("hreflang") == "fi"
        if not (finnish or any(f for t, f in self._stack if t != "article" or not self._article)):
            self.said += [values[a] or "" for a in CHROME_ATTRIBUTES if a in values]
            if tag == "meta" and values.get("name") == "description":
                self.said.append(values.get("content") or "")
        if tag not in _VOID:
            skip = tag in ("script", "style", "title", "code", "pre") or (
                tag == "article" and not self._article
            )
            self._stack.append((tag, finnish or skip))

    def handle_endtag(self, tag):
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if data.strip() and not self._skipped():
            self.said.append(" ".join(data.split()))


def chrome(page: str, *, article: bool = False) -> str:
    """What ``page`` (HTML) says outside lang="fi": its interface, and with ``article`` its
    article's text too."""
    parser = _Chrome(article=article)
    parser.feed(page)
    return "\n".join(parser.said)


def shared_settings() -> dict[str, str]:
    """The words mkdocs.yml writes into every page: its permalink title and site description."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return {
        key: re.search(rf"^\s*{key}: (.+)$", text, re.M).group(1).strip()  # type: ignore[union-attr]
        for key in ("permalink_title", "site_description")
    }


def _messages(name: str) -> dict[str, str]:
    text = (REPO / "docs" / "assets" / "kb-i18n" / name).read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([\w.]+)": "((?:[^"\\]|\\.)*)",?$', text, re.M))


@functools.cache
def finnish_phrases() -> frozenset[str]:
    """The Finnish interface's words and phrases whose Swedish differs (a message with
    placeholders by its parts of two words or more)."""
    found = {fi.strip() for fi, sv in editions.SV.words if fi.strip() != sv.strip() and "{}" not in fi}
    found |= set(shared_settings().values())
    fi, sv = _messages("fi.js"), _messages("sv.js")
    for key, message in fi.items():
        if sv.get(key) == message:
            continue
        for part in re.split(r"\{\w+\}", message):
            part = part.strip(" .,:;()–-")
            if part.count(" ") >= 1 or (not re.search(r"\{\w+\}", message) and len(part) > 3):
                found.add(part)
    return frozenset(w for w in found if w)


def finnish_in(said: str) -> list[str]:
    """The Finnish interface's words that ``said`` holds, each as a whole word or phrase."""
    return sorted(w for w in finnish_phrases() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", said))
