"""Work kept from one build to the next while what it was made from is the very same objects.

Part of stage 4, render. Content objects are immutable, and the editors' preview gives the same
objects again for every file whose bytes did not change (``content.cache``): so "unchanged" is
"the very same objects", and a value made from them (an entry's page, its list card) can be
reused as it is. A plain build uses a fresh ``Memo``: a value asked for twice in one build (an
entry's card on each hub that lists it) is made once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

T = TypeVar("T")


def same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """The same objects, in the same order (not merely equal ones)."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


class Memo:
    """Values by key, each with the objects it was made from; see the module's text."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[tuple[object, ...], object]] = {}
        self._now: dict[Hashable, tuple[tuple[object, ...], object]] = {}
        self._shared: tuple[object, ...] | None = None
        self._settings: Hashable = None

    def begin(self, shared: tuple[object, ...], settings: Hashable = None) -> None:
        """A new build. ``shared``: what any value may show (the templates, the themes, every
        vocabulary value); ``settings``: a value compared by equality (the site's options). When
        either is not the same as in the last build, nothing is kept. Values the last build did
        not ask for are forgotten."""
        kept = self._shared is not None and same(shared, self._shared) and settings == self._settings
        self._kept = self._now if kept else {}
        self._now, self._shared, self._settings = {}, shared, settings

    def get(self, key: Hashable, sources: tuple[object, ...], make: Callable[[], T]) -> T:
        """The value for ``key``, made by ``make`` unless it was made from the same ``sources``
        earlier in this build or in the last one."""
        for store in (self._now, self._kept):
            found = store.get(key)
            if found is not None and same(found[0], sources):
                self._now[key] = found
                return cast(T, found[1])
        value = make()
        self._now[key] = (sources, value)
        return value
