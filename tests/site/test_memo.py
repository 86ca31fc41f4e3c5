"""memo: a value is reused only while it is made from the very same objects."""

from __future__ import annotations

from generator.site.memo import Memo


class Thing:
    """An object compared by identity alone, like a content object read again."""


def made(log: list[str], value: str):
    def make() -> str:
        log.append(value)
        return value

    return make


def test_a_value_is_made_once_per_build_and_kept_for_the_next_while_its_sources_are_the_same():
    memo, log, entry, theme = Memo(), [], Thing(), Thing()
    memo.begin((theme,))
    assert memo.get("card", (entry,), made(log, "A")) == "A"
    assert memo.get("card", (entry,), made(log, "B")) == "A"  # asked again in the same build
    memo.begin((theme,))
    assert memo.get("card", (entry,), made(log, "C")) == "A"  # the next build
    assert log == ["A"]


def test_another_object_with_the_same_content_is_a_change():
    memo, log, theme = Memo(), [], Thing()
    memo.begin((theme,))
    memo.get("card", (Thing(),), made(log, "A"))
    memo.begin((theme,))
    assert memo.get("card", (Thing(),), made(log, "B")) == "B"


def test_a_changed_shared_object_or_setting_forgets_everything():
    memo, log, entry = Memo(), [], Thing()
    memo.begin((Thing(),), "osoite")
    memo.get("card", (entry,), made(log, "A"))
    memo.begin((Thing(),), "osoite")  # a theme read again: every card may show its title
    assert memo.get("card", (entry,), made(log, "B")) == "B"
    shared = (Thing(),)
    memo.begin(shared, "osoite")
    memo.get("card", (entry,), made(log, "C"))
    memo.begin(shared, "toinen osoite")
    assert memo.get("card", (entry,), made(log, "D")) == "D"


def test_values_a_build_did_not_ask_for_are_forgotten():
    memo, log, entry, shared = Memo(), [], Thing(), (Thing(),)
    memo.begin(shared)
    memo.get("deleted entry", (entry,), made(log, "A"))
    memo.begin(shared)
    memo.begin(shared)
    assert memo.get("deleted entry", (entry,), made(log, "B")) == "B"
