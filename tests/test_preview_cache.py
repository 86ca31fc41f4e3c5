"""The preview's caches: unchanged files are not read again, every change is seen, and a warm
build gives exactly what a cold one gives; generated files are rewritten only when they change."""

from __future__ import annotations

import os
from pathlib import Path

from generator.content.cache import ContentCache
from generator.pipeline import build_pages, check
from generator.preview import Preview

QUOTE = "quotes/kaikki-mukaan.yml"


def test_unchanged_files_are_not_read_again(content: Path):
    cache = ContentCache()
    first, _ = cache.load_tree(content)
    assert len(cache.read) == len(first)
    second, _ = cache.load_tree(content)
    assert cache.read == []
    assert all(a is b for a, b in zip(first, second, strict=True))


def test_an_edited_file_is_read_again_and_only_it(content: Path):
    cache = ContentCache()
    first, _ = cache.load_tree(content)
    path = content / QUOTE
    path.write_text(path.read_text(encoding="utf-8").replace("Valinnat", "Valinnat aina"), encoding="utf-8")
    second, _ = cache.load_tree(content)
    assert cache.read == [path]
    changed = [b for a, b in zip(first, second, strict=True) if a is not b]
    assert [d.path for d in changed] == [path]
    assert "Valinnat aina" in changed[0].data["text"]


def test_an_edit_keeping_size_and_time_stamp_is_seen(content: Path):
    """Two saves within one tick of the file system's clock, the same length: the bytes decide."""
    cache = ContentCache()
    cache.load_tree(content)
    path = content / QUOTE
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("Valinnat", "Vapinnat"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    documents, _ = cache.load_tree(content)
    assert cache.read == [path]
    assert any("Vapinnat" in str(d.data.get("text")) for d in documents)


def test_added_and_deleted_files_are_followed(content: Path):
    cache = ContentCache()
    cache.load_tree(content)
    (content / QUOTE).unlink()
    copy = content / "quotes" / "viestimme-avoimesti.yml"
    (content / "quotes" / "uusi.yml").write_text(
        copy.read_text(encoding="utf-8").replace("id: viestimme-avoimesti", "id: uusi"), encoding="utf-8"
    )
    documents, _ = cache.load_tree(content)
    paths = {d.path.name for d in documents}
    assert "uusi.yml" in paths and "kaikki-mukaan.yml" not in paths


def test_problems_are_the_same_with_the_cache(content: Path):
    path = content / QUOTE
    path.write_text(path.read_text(encoding="utf-8").replace("themes: [osallisuus]", "themes: [osalisuus]"))
    preview = Preview(content.parent / "out")
    try:
        for _ in range(2):  # cold, then warm
            assert check(content, caches=preview).problems == check(content).problems != []
    finally:
        preview.close()


def test_a_warm_build_equals_a_cold_one_after_each_edit(content: Path, tmp_path: Path):
    preview = Preview(tmp_path / "out")
    try:
        edits = [
            (QUOTE, "Kaikki mukaan liikkuvuuteen", "Kaikki mukaan"),  # a title on hubs and lists
            (QUOTE, "Valinnat ovat", "Valinnat ovat aina"),  # the text: its page, cards' excerpts
            ("pairs/osallistujamaarat.yml", "Seuraamme osallistujia", "Seuraamme"),  # an indicator
            ("themes/osallisuus.yml", "title: Osallisuus", "title: Osallisuus ja yhdenvertaisuus"),
            ("vocabularies/sectors.yml", "Yleissivistävä koulutus", "Yleissivistävä opetus"),
            ("quotes/viestimme-avoimesti.yml", "themes: [viestinta, osallisuus]", "themes: [viestinta]"),
        ]
        previous = build_pages(content, caches=preview).pages
        for rel, old, new in edits:
            path = content / rel
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
            warm, cold = build_pages(content, caches=preview), build_pages(content)
            assert warm.pages == cold.pages, rel
            assert warm.files == cold.files, rel
            assert warm.pages != previous, rel
            previous = warm.pages
    finally:
        preview.close()


def test_the_folder_is_rewritten_only_where_bytes_change(tmp_path: Path):
    preview = Preview(tmp_path / "out")
    changes = preview.write({"a.md": b"A", "b/c.md": b"C", "d.json": b"{}"})
    assert sorted(changes.written) == ["a.md", "b/c.md", "d.json"]
    before = {p: (tmp_path / "out" / p).stat().st_mtime_ns for p in ("a.md", "b/c.md")}
    changes = preview.write({"a.md": b"A", "b/c.md": b"C2"})
    assert changes.written == ("b/c.md",)
    assert changes.removed == ("d.json",)
    assert (tmp_path / "out" / "a.md").stat().st_mtime_ns == before["a.md"]
    assert (tmp_path / "out" / "b/c.md").read_bytes() == b"C2"
    assert not (tmp_path / "out" / "d.json").exists()
    preview.close()
    assert not (tmp_path / "out").exists()
