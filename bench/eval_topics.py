"""How well topic discovery recovers a corpus's shared topics, without being told them.

Usage: .venv/bin/python bench/eval_topics.py [CORPUS_DIR ...]
       (default: seeds and every corpus under bench/corpora/)

The reference topics are the corpus's truth.json if it has one ({"topics": {id: {file stem: [paragraph
numbers]}}}, paragraphs counted after the title line), else its topics.toml as the configured aligner
applies it. For each reference topic it prints the discovered topic whose passages overlap it most
(Jaccard over passage ids) and the sources each holds. Figures to improve, not a test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from compare.align import align
from compare.clean import clean_corpus
from compare.ingest import read_corpus, read_topics
from compare.model import BuildOptions, Passage
from compare.segment import corpus_terms, segment_documents

ROOT = Path(__file__).resolve().parent.parent


def truth_topics(folder: Path, passages: list[Passage]) -> dict[str, set[str]]:
    """Reference topics from truth.json, mapped onto passage ids by the paragraphs' text."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["topics"]
    topics: dict[str, set[str]] = {}
    for topic, by_file in truth.items():
        wanted: set[str] = set()
        for stem, numbers in by_file.items():
            lines = [ln.strip() for ln in (folder / f"{stem}.txt").read_text(encoding="utf-8").splitlines()]
            paragraphs = [ln for ln in lines if ln][1:]
            for n in numbers:
                probe = paragraphs[n][:12]
                wanted |= {p.id for p in passages if p.source == stem and probe in p.text}
        topics[topic] = wanted
    return topics


def evaluate(folder: Path) -> float:
    """Print the best discovered match of each reference topic; return the mean Jaccard."""
    docs = clean_corpus(read_corpus(folder).documents)
    passages = list(segment_documents(docs, terms=corpus_terms(docs)))
    source_ids = [d.id for d in docs]
    if (folder / "truth.json").is_file():
        reference = truth_topics(folder, passages)
    else:
        configured, _ = align(passages, read_topics(folder / "topics.toml"), source_ids, BuildOptions(discover=False))
        reference = {t.id: set(t.passages) for t in configured}
    discovered, _ = align(passages, (), source_ids, BuildOptions())
    print(f"== {folder.name}: {len(discovered)} topics discovered from {len(passages)} passages of {len(docs)} sources")
    scores = []
    for topic_id, wanted in reference.items():
        sources = sorted({pid.split(":")[0][:12] for pid in wanted})
        if not discovered:
            print(f"{topic_id}: sources {sources}; nothing discovered")
            scores.append(0.0)
            continue
        best = max(discovered, key=lambda d: len(wanted & set(d.passages)) / len(wanted | set(d.passages)))
        jaccard = len(wanted & set(best.passages)) / len(wanted | set(best.passages))
        scores.append(jaccard)
        found = sorted(s[:12] for s in best.sources)
        print(f"{topic_id}: sources {sources}")
        print(f"  best discovered {best.id} «{best.label}»: sources {found}, passage Jaccard {jaccard:.2f}")
    mean = sum(scores) / len(scores) if scores else 0.0
    print(f"mean best-match Jaccard: {mean:.2f}")
    return mean


def main() -> None:
    """Evaluate the given corpora, or the seeds and the bundled evaluation corpora."""
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT / "seeds", *sorted((ROOT / "bench" / "corpora").glob("*/"))]
    for folder in folders:
        evaluate(folder)


if __name__ == "__main__":
    main()
