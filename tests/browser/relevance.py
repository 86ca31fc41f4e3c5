"""The relevance set (tests/search/queries.yml) run through ``window.kbSearch`` in a real browser.

Used by the browser test and by ``scripts/measure-search``; a query is answered when any of its
expected entries is among the first five results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parent.parent / "search" / "queries.yml"
TOP = 5
DEPTH = 10


@dataclass(frozen=True)
class Outcome:
    query: str
    category: str
    batch: int
    expected: tuple[str, ...]
    got: tuple[str, ...]
    excerpts: tuple[str, ...] = ()
    """The excerpt of each result in ``got``, in the same order."""

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected entry among the results, or None."""
        for i, url in enumerate(self.got, start=1):
            if url in self.expected:
                return i
        return None

    @property
    def answered(self) -> bool:
        return self.rank is not None and self.rank <= TOP


@dataclass(frozen=True)
class Summary:
    queries: int
    recall: float
    mrr: float
    by_category: dict[str, tuple[int, int]]
    mrr_by_category: dict[str, float]

    def __str__(self) -> str:
        cats = ", ".join(
            f"{c} {hit}/{n} (MRR {self.mrr_by_category[c]:.2f})"
            for c, (hit, n) in sorted(self.by_category.items())
        )
        return (
            f"recall@{TOP} {self.recall:.3f} ({round(self.recall * self.queries)}/{self.queries}), "
            f"MRR {self.mrr:.3f}; {cats}"
        )


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def run(page, queries: list[dict], options: dict | None = None) -> list[Outcome]:
    """Every query through ``window.kbSearch`` on an open page of the site: its first DEPTH
    results and their excerpts."""
    answers = page.evaluate(
        """async ([queries, options]) => {
            const root = new URL(window.kbSearchRoot).pathname;
            const out = [];
            for (const q of queries) {
                const results = await window.kbSearch(q, options);
                out.push(results.map(r => [r.url.startsWith(root) ? r.url.slice(root.length) : r.url, r.excerpt]));
            }
            return out;
        }""",
        [[q["q"] for q in queries], {"limit": DEPTH, **(options or {})}],
    )
    return [
        Outcome(
            q["q"],
            q["category"],
            q.get("batch", 1),
            tuple(u.rstrip("/") for u in q["expect"]),
            tuple(u.rstrip("/") for u, _ in got),
            tuple(excerpt for _, excerpt in got),
        )
        for q, got in zip(queries, answers, strict=True)
    ]


def summarise(outcomes: list[Outcome]) -> Summary:
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    reciprocal: dict[str, float] = defaultdict(float)
    for o in outcomes:
        by_category[o.category][0] += o.answered
        by_category[o.category][1] += 1
        reciprocal[o.category] += 1 / o.rank if o.rank else 0
    n = len(outcomes)
    return Summary(
        queries=n,
        recall=sum(o.answered for o in outcomes) / n,
        mrr=sum(1 / o.rank for o in outcomes if o.rank) / n,
        by_category={c: (v[0], v[1]) for c, v in by_category.items()},
        mrr_by_category={c: reciprocal[c] / v[1] for c, v in by_category.items()},
    )


def misses(outcomes: list[Outcome]) -> list[str]:
    return [
        f"{o.query!r}: odotettiin {', '.join(o.expected)}; saatiin {', '.join(o.got[:TOP]) or '–'}"
        for o in outcomes
        if not o.answered
    ]
