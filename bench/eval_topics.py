"""How well topic discovery recovers a corpus's shared topics, without being told them.

Usage: .venv/bin/python bench/eval_topics.py [CORPUS_DIR ...]
       (default: seeds and every corpus under bench/corpora/)

The reference topics are the corpus's truth.json if it has one, or bench/truth/<corpus name>.json
({"topics": {id: {file stem: [paragraph numbers after the title line, or the first characters of the
passages' text]}}}), else its topics.toml as the configured aligner applies it. For each reference
topic it prints the discovered topic whose passages overlap it most (Jaccard over passage ids) and
the sources each holds. Figures to improve, not a test.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from compare.align import align
from compare.clean import TONE_VOWELS, clean_corpus, normalize_text, strip_pinyin
from compare.ingest import read_corpus, read_topics
from compare.model import BuildOptions, Passage, Topic
from compare.segment import corpus_terms, segment_documents

ROOT = Path(__file__).resolve().parent.parent
PARTIAL_PINYIN = re.compile(rf"[(（][a-zü{TONE_VOWELS}]*$")


def truth_file(folder: Path) -> Path | None:
    """The corpus's reference topics, kept beside it or (for corpora copied unchanged) under bench/truth."""
    for path in (folder / "truth.json", ROOT / "bench" / "truth" / f"{folder.name}.json"):
        if path.is_file():
            return path
    return None


def paragraph(folder: Path, stem: str, number: int) -> str:
    """The text of a plain-text article's paragraph, counted after its title line."""
    lines = [ln.strip() for ln in (folder / f"{stem}.txt").read_text(encoding="utf-8").splitlines()]
    return [ln for ln in lines if ln][1:][number]


def truth_topics(folder: Path, path: Path, passages: list[Passage], key: str = "topics") -> dict[str, set[str]]:
    """Reference topics from a truth file, mapped onto passage ids by the passages' text; with
    key="unique", {"unique": the passages only one source covers}."""
    truth = json.loads(path.read_text(encoding="utf-8")).get(key, {})
    if key == "unique":
        truth = {"unique": truth}
    topics: dict[str, set[str]] = {}
    for topic, by_file in truth.items():
        wanted: set[str] = set()
        for stem, entries in by_file.items():
            for entry in entries:
                probe = written_probe(entry) if isinstance(entry, str) else paragraph(folder, stem, entry)[:12]
                found = {p.id for p in passages if p.source == stem and probe in p.text}
                if not found:  # e.g. a dateline or byline the cleaner moved into metadata
                    print(f"  (truth passage not found in {stem}: {probe!r})", file=sys.stderr)
                wanted |= found
        topics[topic] = wanted
    return topics


def written_probe(text: str) -> str:
    """A truth passage's first characters as the cleaner leaves them: pinyin (also one cut off at the
    end, 創(ch) and spaces between Han characters dropped."""
    text = PARTIAL_PINYIN.sub("", strip_pinyin(normalize_text(text))[0])
    return text.strip()


@dataclass(frozen=True)
class Match:
    """A reference topic and the discovered topic that overlaps it most."""

    topic: str
    wanted_sources: tuple[str, ...]
    best: Topic | None
    jaccard: float


@dataclass(frozen=True)
class Placement:
    """How many reference passages discovery put in some topic: of those two or more sources share
    (more is better), and of those the truth calls unique to one source (fewer is better)."""

    shared_found: int
    shared: int
    unique_found: int
    unique: int


def evaluate(folder: Path, options: BuildOptions | None = None) -> tuple[list[Match], int, Placement]:
    """Best discovered match of each reference topic, how many topics were discovered, and where the
    reference passages went."""
    docs = clean_corpus(read_corpus(folder).documents)
    passages = list(segment_documents(docs, terms=corpus_terms(docs)))
    source_ids = [d.id for d in docs]
    truth = truth_file(folder)
    unique: set[str] = set()
    if truth is not None:
        reference = truth_topics(folder, truth, passages)
        unique = truth_topics(folder, truth, passages, "unique").get("unique", set())
    else:
        configured, _ = align(passages, read_topics(folder / "topics.toml"), source_ids, BuildOptions(discover=False))
        reference = {t.id: set(t.passages) for t in configured}
    discovered, _ = align(passages, (), source_ids, options or BuildOptions())
    matches = []
    for topic_id, wanted in reference.items():
        sources = tuple(sorted({pid.split(":")[0] for pid in wanted}))
        scored = [(len(wanted & set(d.passages)) / len(wanted | set(d.passages)), d) for d in discovered]
        jaccard, best = max(scored, key=lambda x: x[0], default=(0.0, None))
        matches.append(Match(topic_id, sources, best, jaccard))
    placed = {pid for d in discovered for pid in d.passages}
    shared = set().union(*reference.values()) - unique
    placement = Placement(len(shared & placed), len(shared), len(unique & placed), len(unique))
    return matches, len(discovered), placement


def report(folder: Path) -> None:
    """Print one corpus's matches and their mean."""
    matches, count, placement = evaluate(folder)
    print(f"== {folder.name}: {count} topics discovered")
    for m in matches:
        print(f"{m.topic}: sources {[s[:12] for s in m.wanted_sources]}")
        if m.best is not None:
            found = [s[:12] for s in m.best.sources]
            print(f"  best discovered {m.best.id} «{m.best.label}»: sources {found}, passage Jaccard {m.jaccard:.2f}")
    print(f"mean best-match Jaccard: {sum(m.jaccard for m in matches) / len(matches):.2f}")
    print(
        f"shared passages in a discovered topic: {placement.shared_found}/{placement.shared}; "
        f"passages unique to one source in one: {placement.unique_found}/{placement.unique}"
    )


def main() -> None:
    """Evaluate the given corpora, or the seeds and the bundled evaluation corpora."""
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT / "seeds", *sorted((ROOT / "bench" / "corpora").glob("*/"))]
    for folder in folders:
        report(folder)


if __name__ == "__main__":
    main()
