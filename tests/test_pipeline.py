"""pipeline: the preview's kept objects are frozen during a build, and the cyclic garbage frozen
with them is freed once it has grown by a quarter."""

from __future__ import annotations

import gc

from generator.pipeline import KeptObjects


def cyclic_garbage(count: int) -> None:
    """``count`` lists that refer to themselves, unreachable: only the collector frees them."""
    garbage: list[list[object]] = [[] for _ in range(count)]
    for item in garbage:
        item.append(item)


def test_garbage_frozen_with_the_kept_objects_is_freed_once_it_has_grown_by_a_quarter():
    kept = KeptObjects()
    try:
        kept.freeze()  # the first build collects, then freezes
        baseline = gc.get_freeze_count()
        gc.unfreeze()  # the build ended
        cyclic_garbage(baseline // 10)  # a build's leftovers, a tenth
        kept.freeze()
        assert gc.get_freeze_count() > baseline * 1.05  # not worth a collection yet
        gc.unfreeze()
        for _ in range(4):  # build after build: without collecting, the count would double
            cyclic_garbage(baseline // 2)
            kept.freeze()
            assert gc.get_freeze_count() < baseline * KeptObjects.GROWTH
            gc.unfreeze()
    finally:
        gc.unfreeze()
