"""Write a synthetic content tree of N valid entries, for measuring the site at scale.

Usage: ``python benchmarks/synth.py N OUT [--seed S] [--source practices]``

Every entry is recombined from the shipped content (``practices/``): sentences of real quotes and
indicators shuffled with a seeded RNG, titles, contexts, sectors, applicant types and source
sections taken from real entries. The mix follows what a national knowledge base would collect:
about 25 % objective–indicator pairs, a theme per ~200 entries (never fewer than the 10 real
ones), the rest quotes. Vocabularies, glossary, statistics and checklist are copied as they are.
The same N and seed always give the same bytes. The tree passes ``python -m generator check``.

Synthetic corpora are measurement input, never content: do not commit one.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.content.model import Content, Pair, Quote, Theme  # noqa: E402
from generator.content.sv import SvAnnotation, SvPair, SvText  # noqa: E402
from generator.pipeline import check  # noqa: E402

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


class _BlockDumper(_Dumper):
    """Long text as folded blocks (``>``), wrapped at 100 columns, as editors write it."""


def _text_style(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if "\n" in value or len(value) > 80 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _text_style)

MARKER = ".synthetic-corpus"
"""A file in every tree this script writes: only such a tree is ever emptied and rewritten."""

PAIR_SHARE = 0.25
ENTRIES_PER_THEME = 200
COPIED = ("vocabularies", "glossary.yml", "statistics.yml", "checklist.yml")
_SENTENCE_END = re.compile(  # a full stop after an abbreviation (esim., mm., ko.) ends no sentence
    r"(?<!\besim\.)(?<!\bmm\.)(?<!\bko\.)(?<!\bns\.)(?<!\bjne\.)(?<!\bvrt\.)(?<=[.!?:])\s+(?=[A-ZÅÄÖ0-9])"
)


def counts(n: int, real_themes: int = 10) -> tuple[int, int, int]:
    """(quotes, pairs, themes) for a corpus of ``n`` entries in all."""
    themes = max(real_themes, round(n / ENTRIES_PER_THEME))
    pairs = round(n * PAIR_SHARE)
    quotes = n - pairs - themes
    if quotes < 1:
        raise ValueError(f"vähintään {real_themes + 2} merkintää (teemoja on ainakin {real_themes})")
    return quotes, pairs, themes


def sentences(texts) -> list[str]:
    return [s.strip() for text in texts for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


class Corpus:
    """Pools of real text and metadata to recombine, read from the shipped content."""

    def __init__(self, content: Content):
        self.quotes = sorted((q for q in content.quotes if q.origin == "hakemus"), key=lambda q: q.id)
        self.sayings = sorted((q for q in content.quotes if q.origin != "hakemus"), key=lambda q: q.id)
        self.pairs = sorted(content.pairs, key=lambda p: p.id)
        self.themes = sorted(content.themes, key=lambda t: (t.order, t.id))
        self.quote_sentences = sentences(q.text for q in self.quotes)
        self.indicator_sentences = sentences(p.indicator for p in self.pairs)
        # Each with its Swedish translation (``sv:``), so the Swedish edition is built in full as
        # for the shipped content, not as pages of missing translations.
        self.paragraphs = [
            (p, t.sv.guidance[i] if t.sv and i < len(t.sv.guidance) else SvText())
            for t in self.themes
            for i, p in enumerate(t.guidance)
        ]
        self.notes = [
            (p.annotation.note, p.sv.annotation.note if p.sv and p.sv.annotation else None)
            for p in self.pairs
            if p.annotation.note
        ]


def write_corpus(
    n: int, out: Path, *, seed: int = 0, source: Path = REPO / "practices"
) -> tuple[int, int, int]:
    """Write a tree of ``n`` entries to ``out`` (emptied first if this script wrote it)."""
    result = check(source)
    if result.index is None:
        raise SystemExit(f"virhe: lähdesisällössä {source} on ongelmia; aja make check")
    corpus = Corpus(result.index.content)
    n_quotes, n_pairs, n_themes = counts(n, len(corpus.themes))
    _prepare(out)
    for name in COPIED:
        (shutil.copytree if (source / name).is_dir() else shutil.copy2)(source / name, out / name)
    # The checklist's examples name entries by id; the synthetic entries have ids of their own.
    checklist = out / "checklist.yml"
    if checklist.is_file():
        lines = checklist.read_text(encoding="utf-8").splitlines(keepends=True)
        checklist.write_text(
            "".join(x for x in lines if not x.lstrip().startswith("examples:")), encoding="utf-8"
        )
    rng = random.Random(f"{seed}:{n}")
    themes = list(corpus.themes) + [_theme(corpus, rng, k) for k in range(n_themes - len(corpus.themes))]
    standards = {t.id: t.quality_standards for t in themes}
    width = len(str(n))
    for theme in themes:
        _write(out / "themes", theme)
    for k in range(n_quotes):
        _write(out / "quotes", _quote(corpus, rng, k, width, themes, standards))
    for k in range(n_pairs):
        _write(out / "pairs", _pair(corpus, rng, k, width, themes, standards))
    return n_quotes, n_pairs, n_themes


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(
                f"virhe: {out} ei ole tyhjä eikä tämän skriptin kirjoittama; valitse toinen hakemisto"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Synteettinen aineisto (benchmarks/synth.py); ei sisältöä.\n", encoding="utf-8")


def _id(base: str, k: int, width: int) -> str:
    return f"{base[:60].rstrip('-')}-{k:0{width}d}"


def _tags(rng: random.Random, themes: list[Theme], standards: dict[str, list[str]]) -> dict:
    chosen = sorted(rng.sample(range(len(themes)), rng.choice((1, 1, 2, 2, 3))))
    theme_ids = [themes[i].id for i in chosen]
    pool = sorted({s for t in theme_ids for s in standards[t]})
    picked = sorted(rng.sample(pool, min(len(pool), rng.choice((0, 1, 2))))) if pool else []
    return {"themes": theme_ids, "quality_standards": picked}


def _text(rng: random.Random, pool: list[str], low: int, high: int) -> str:
    picked = rng.sample(pool, min(len(pool), rng.randint(low, high)))
    if len(picked) > 3 and rng.random() < 0.3:
        cut = rng.randint(1, len(picked) - 1)
        return " ".join(picked[:cut]) + "\n\n" + " ".join(picked[cut:])
    return " ".join(picked)


def _quote(corpus: Corpus, rng: random.Random, k: int, width: int, themes, standards) -> Quote:
    if corpus.sayings and rng.random() < 0.01:
        saying = rng.choice(corpus.sayings)
        return saying.model_copy(update={"id": _id(saying.id, k, width)})
    model = rng.choice(corpus.quotes)
    titled = rng.choice(corpus.quotes)
    return Quote(
        id=_id(model.id, k, width),
        title=titled.title,
        sv=titled.sv,
        text=_text(rng, corpus.quote_sentences, 2, 7),
        origin="hakemus",
        sectors=model.sectors,
        applicant_types=model.applicant_types,
        source=model.source,
        context=rng.choice(corpus.quotes).context,
        **_tags(rng, themes, standards),
    )


def _pair(corpus: Corpus, rng: random.Random, k: int, width: int, themes, standards) -> Pair:
    model = rng.choice(corpus.pairs)
    tags = _tags(rng, themes, standards)
    annotation = {
        name: rng.random() < 0.6
        for name in (
            "data_source",
            "collection",
            "responsible",
            "timing",
            "processing",
            "reporting",
            "evaluation",
        )
    }
    # Drawn in the order they always were, so that a seed writes the same Finnish entries.
    objective = rng.choice(corpus.pairs)
    indicator = _text(rng, corpus.indicator_sentences, 3, 10)
    measure_type = rng.choice(("määrällinen", "laadullinen", "molemmat"))
    note, note_sv = rng.choice(corpus.notes) if corpus.notes and rng.random() < 0.5 else (None, None)
    return Pair(
        id=_id(model.id, k, width),
        objective=objective.objective,
        sv=SvPair(
            title=objective.sv.title if objective.sv else None,
            annotation=SvAnnotation(note=note_sv) if note_sv else None,
        ),
        indicator=indicator,
        sectors=model.sectors,
        applicant_types=model.applicant_types,
        source=model.source,
        annotation={**annotation, "measure_type": measure_type, "note": note},
        **tags,
    )


def _theme(corpus: Corpus, rng: random.Random, k: int) -> Theme:
    model = corpus.themes[k % len(corpus.themes)]
    round_ = k // len(corpus.themes) + 2
    picked = rng.sample(corpus.paragraphs, min(len(corpus.paragraphs), rng.randint(2, 4)))
    sv = model.sv.model_copy(
        update={"title": f"{model.sv.title} {round_}", "guidance": [swedish for _, swedish in picked]}
    )
    return model.model_copy(
        update={
            "id": f"{model.id}-{round_}",
            "title": f"{model.title} {round_}",
            "guidance": [finnish for finnish, _ in picked],
            "order": model.order + 100 * round_,
            "sv": sv if model.sv else None,
        }
    )


def _write(folder: Path, entry: Quote | Pair | Theme) -> None:
    folder.mkdir(exist_ok=True)
    data = entry.model_dump(mode="json", exclude_defaults=True)  # required lists stay, even empty
    text = yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)
    (folder / f"{entry.id}.yml").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/synth.py", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="merkintöjä kaikkiaan (lainaukset, parit ja teemat)")
    parser.add_argument("out", type=Path, help="kohdehakemisto")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--source", type=Path, default=REPO / "practices", help="lähdesisältö (oletus: practices/)"
    )
    args = parser.parse_args(argv)
    try:
        quotes, pairs, themes = write_corpus(args.n, args.out, seed=args.seed, source=args.source)
    except ValueError as error:
        parser.error(str(error))
    print(f"Kirjoitettu {args.out}: {quotes} lainausta, {pairs} paria, {themes} teemaa.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
