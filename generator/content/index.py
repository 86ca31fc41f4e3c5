"""Stage 3, index: validated ``Content`` → an ``Index`` of every relation the pages show.

Built in one pass over the entries with inverted maps (theme → entries, sector → entries, …).
Related entries come from those maps too: each entry looks only at a bounded window of
neighbours in each of its buckets, so the work grows linearly with the number of entries and
no pair of entries is ever compared blindly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .model import Content, Pair, Quote, Theme

UNSTATED = "ei-mainittu"
"""Bucket for entries whose sector or applicant type the source does not state."""

RELATED_LIMIT = 5
RELATED_WINDOW = 6

Example = Quote | Pair
Entry = Quote | Pair | Theme


@dataclass(frozen=True)
class Index:
    content: Content
    examples: tuple[Example, ...]
    themes: tuple[Theme, ...]
    examples_by_theme: dict[str, tuple[Example, ...]]
    examples_by_sector: dict[str, tuple[Example, ...]]
    examples_by_applicant_type: dict[str, tuple[Example, ...]]
    examples_by_standard: dict[str, tuple[Example, ...]]
    themes_by_standard: dict[str, tuple[Theme, ...]]
    themes_by_priority: dict[str, tuple[Theme, ...]]
    related: dict[str, tuple[Example, ...]]
    labels: dict[str, dict[str, str]]
    """Vocabulary name → id → label ("sectors", "applicant_types", "quality_standards",
    "priorities", "themes")."""


def build_index(content: Content) -> Index:
    quotes = tuple(sorted(content.quotes, key=lambda q: q.id))
    pairs = tuple(sorted(content.pairs, key=lambda p: p.id))
    examples: tuple[Example, ...] = quotes + pairs
    themes = tuple(sorted(content.themes, key=lambda t: (t.order, t.id)))

    by_theme: dict[str, list[Example]] = defaultdict(list)
    by_sector: dict[str, list[Example]] = defaultdict(list)
    by_applicant: dict[str, list[Example]] = defaultdict(list)
    by_standard: dict[str, list[Example]] = defaultdict(list)
    for entry in examples:
        for theme in entry.themes:
            by_theme[theme].append(entry)
        for sector in entry.sectors or [UNSTATED]:
            by_sector[sector].append(entry)
        for kind in entry.applicant_types or [UNSTATED]:
            by_applicant[kind].append(entry)
        for standard in entry.quality_standards:
            by_standard[standard].append(entry)

    themes_by_standard: dict[str, list[Theme]] = defaultdict(list)
    themes_by_priority: dict[str, list[Theme]] = defaultdict(list)
    for theme in themes:
        for standard in theme.quality_standards:
            themes_by_standard[standard].append(theme)
        for priority in theme.priorities:
            themes_by_priority[priority].append(theme)

    vocab = content.vocabularies
    labels = {
        "sectors": {t.id: t.label for t in vocab.sectors} | {UNSTATED: "Ei mainittu lähteessä"},
        "applicant_types": {t.id: t.label for t in vocab.applicant_types}
        | {UNSTATED: "Ei mainittu lähteessä"},
        "quality_standards": {t.id: t.label for t in vocab.quality_standards},
        "priorities": {t.id: t.label for t in vocab.priorities},
        "themes": {t.id: t.title for t in themes},
    }
    return Index(
        content=content,
        examples=examples,
        themes=themes,
        examples_by_theme=_freeze(by_theme),
        examples_by_sector=_freeze(by_sector),
        examples_by_applicant_type=_freeze(by_applicant),
        examples_by_standard=_freeze(by_standard),
        themes_by_standard=_freeze(themes_by_standard),
        themes_by_priority=_freeze(themes_by_priority),
        related=_related(examples, by_theme, by_standard),
        labels=labels,
    )


def _keys(entry: Example) -> set[str]:
    return {f"t:{t}" for t in entry.themes} | {f"s:{s}" for s in entry.quality_standards}


def _related(examples, by_theme, by_standard) -> dict[str, tuple[Example, ...]]:
    """For each entry, the few entries sharing most themes and standards, best first.

    Candidates come from a window of RELATED_WINDOW neighbours on each side of the entry in each
    of its buckets (buckets are sorted by id), so the cost is linear in the number of entries.
    """
    buckets = {f"t:{k}": v for k, v in by_theme.items()} | {f"s:{k}": v for k, v in by_standard.items()}
    position = {key: {id(e): i for i, e in enumerate(bucket)} for key, bucket in buckets.items()}
    keys = {id(e): _keys(e) for e in examples}
    related: dict[str, tuple[Example, ...]] = {}
    for entry in examples:
        candidates: dict[int, Example] = {}
        for key in keys[id(entry)]:
            bucket = buckets[key]
            here = position[key][id(entry)]
            for offset in range(1, RELATED_WINDOW + 1):
                for i in (here - offset, here + offset):
                    if 0 <= i < len(bucket):
                        candidates[id(bucket[i])] = bucket[i]
        ranked = sorted(
            candidates.values(),
            key=lambda c: (-len(keys[id(c)] & keys[id(entry)]), type(c) is not type(entry), c.id),
        )
        related[entry.id] = tuple(ranked[:RELATED_LIMIT])
    return related


def _freeze(groups):
    return {key: tuple(values) for key, values in sorted(groups.items())}
