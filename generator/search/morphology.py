"""Finnish morphology for the search index: the base forms and compound parts of a text's words.

Stage: search (after the site is built). In: plain text of a page. Out: the terms a reader may
type for its words that the text does not spell out — "opettajien" → "opettaja",
"hankesuunnitelmat" → "hankesuunnitelma", "hanke", "suunnitelma", "taidot" → "taito". The
search index adds them to the page, so a query in any form whose base form or part appears on a
page finds that page even when the inflected stem differs ("lasten" / "lapsi").

The analysers:

- ``voikko``: libvoikko (Debian ``libvoikko1`` + ``voikko-fi``, Python binding ``libvoikko``),
  a full morphological analyser: base forms, and compound boundaries from its STRUCTURE field;
- ``none``: no added terms.

Voikko was chosen by measuring it against simplemma and Snowball stems on the relevance set
(README, "Haku"); those two live beside the measurement, in ``scripts/measure_search/``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import chain

ANALYSERS = ("voikko", "none")

# A word: letters, possibly joined by hyphens ("KV-toiminta", "luki-"). Digits are not words here.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
MIN_LENGTH = 3
"""Shorter base forms and parts ("ja", "ei", "kv") add noise, not recall."""


VOIKKO_INSTALL = "sudo apt-get install libvoikko1 voikko-fi"
VOIKKO_PACKAGE_INSTALL = ".venv/bin/pip install libvoikko==4.3"


class MorphologyUnavailable(RuntimeError):
    """The requested analyser cannot run here (a library or its dictionary is missing)."""


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, in order."""
    return _WORD.findall(text.lower())


class Analyser:
    """Turns one word into the set of its base forms and compound parts."""

    name = "none"

    def analyse(self, word: str) -> set[str]:
        return set()

    def base_forms(self, word: str) -> set[str]:
        """The word's own base forms, without compound parts: what a query word may stand for."""
        return set()

    def terms(self, text: str) -> list[str]:
        """Base forms and parts of every word of ``text`` that the text does not already contain,
        in order of appearance, each as often as the text has words that stand for it: a page
        that says "liikkuvuudet" three times counts for "liikkuvuus" as one that says it three
        times would (Pagefind ranks by how often a page has a word)."""
        return self.expand(words(text))

    def expand(self, text_words: list[str]) -> list[str]:
        """``terms`` for text already split into ``words``. Each distinct word is analysed once
        per analyser, however many times and on however many pages it appears."""
        cache = self.__dict__.get("_cache")
        if cache is None:
            cache = self.__dict__["_cache"] = _Cache(self._word_terms)
        seen = set(text_words)
        found = chain.from_iterable(map(cache.__getitem__, text_words))
        return [term for term in found if term not in seen]

    def _word_terms(self, word: str) -> tuple[str, ...]:
        """A hyphenated word is analysed as a whole ("some-kanavilla" → "somekanava") and by
        its parts ("kanava")."""
        parts = [p for p in word.split("-") if p]
        candidates = [word] if len(parts) == 1 else ["".join(parts), *parts]
        found: list[str] = []
        for candidate in candidates:
            for term in sorted(self.analyse(candidate)):
                if len(term) >= MIN_LENGTH and term not in found:
                    found.append(term)
        return tuple(found)


class _Cache(dict[str, tuple[str, ...]]):
    """word → its terms, computed on first use."""

    def __init__(self, compute: Callable[[str], tuple[str, ...]]):
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> tuple[str, ...]:
        value = self[word] = self.compute(word)
        return value


class NoAnalyser(Analyser):
    name = "none"


class VoikkoAnalyser(Analyser):
    """libvoikko: every analysis's base form, plus each compound component's own base form."""

    name = "voikko"

    def __init__(self, language: str = "fi") -> None:
        try:
            import libvoikko
        except ImportError:  # the Python binding is a project dependency
            raise MorphologyUnavailable(
                f"Python-paketti libvoikko puuttuu; asenna se komennolla {VOIKKO_PACKAGE_INSTALL} "
                "(make asentaa sen)"
            ) from None
        try:
            self._voikko = libvoikko.Voikko(language)
        except (OSError, libvoikko.VoikkoException) as error:
            # libvoikko.so.1 (OSError) or the language's dictionary (VoikkoException) is missing
            raise MorphologyUnavailable(
                f"Voikko-kirjasto tai sanakirja ({language}) puuttuu ({error}); asenna ne komennolla "
                f"{VOIKKO_INSTALL} (make asentaa ne, kun se onnistuu ilman salasanaa)"
            ) from None

    @functools.cache  # noqa: B019 - one analyser per build, its cache lives as long as it
    def _readings(self, word: str) -> tuple[tuple[str, str, str], ...]:
        """(base form, STRUCTURE, verbal noun) of each reading with the fewest compound
        components: "kanavilla" is "kanava", not "kana" + "villa".

        Voikko gives a -minen form ("saavuttamista") the verb as its base form ("saavuttaa");
        the verbal noun itself ("saavuttaminen") is what readers type and what dictionaries list,
        and its Snowball stem is no prefix of the inflected forms' stems, so it is kept too.
        """
        readings = []
        for a in self._voikko.analyze(word):
            if not a.get("BASEFORM"):
                continue
            noun = ""
            if a.get("MOOD") == "MINEN-infinitive":
                stem = _MINEN_STEM.search(a.get("FSTOUTPUT", ""))
                noun = f"{stem.group(1)}minen".lower() if stem else ""
            readings.append((a["BASEFORM"].lower(), a.get("STRUCTURE", ""), noun))
        fewest = min((r[1].count("=") for r in readings), default=0)
        return tuple(r for r in readings if r[1].count("=") == fewest)

    def base_forms(self, word: str) -> set[str]:
        return {form for base, _, noun in self._readings(word) for form in (base, noun) if form}

    def analyse(self, word: str) -> set[str]:
        terms: set[str] = set()
        for base, structure, noun in self._readings(word):
            terms.add(base)
            if noun:
                terms.add(noun)
            for component in _components(word, structure):
                if component != word:
                    terms |= {r[0] for r in self._readings(component)} or {component}
        return terms


_MINEN_STEM = re.compile(r"\[X\]([^\[]+)\[Tn4\]")
"""The stem before the -minen suffix in Voikko's FSTOUTPUT: "[X]saavutta[Tn4]mi…" → "saavutta"."""


def _components(word: str, structure: str) -> list[str]:
    """Split a word at the compound boundaries of Voikko's STRUCTURE ("=ppppp=ppppp").

    STRUCTURE has one letter per character of the word and "=" before each component; a
    structure that does not line up with the word yields the word alone.
    """
    if structure.count("=") < 2:
        return [word]
    components: list[str] = []
    current = ""
    i = 0
    for mark in structure:
        if mark == "=":
            if current:
                components.append(current)
            current = ""
            continue
        if i >= len(word):
            return [word]
        current += word[i]
        i += 1
    if current:
        components.append(current)
    if i != len(word):
        return [word]
    return [c.strip("-") for c in components if c.strip("-")]


def analyser(name: str) -> Analyser:
    """The analyser called ``name`` (one of ``ANALYSERS``); raises ``MorphologyUnavailable``."""
    classes: dict[str, Callable[[], Analyser]] = {
        "voikko": VoikkoAnalyser,
        "none": NoAnalyser,
    }
    if name not in classes:
        raise MorphologyUnavailable(f"tuntematon morfologia '{name}' (tunnetut: {', '.join(ANALYSERS)})")
    return classes[name]()
