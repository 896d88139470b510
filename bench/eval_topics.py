"""How well topic discovery recovers a corpus's configured topics, without being told them.

Usage: .venv/bin/python bench/eval_topics.py [CORPUS_DIR]   (default: seeds, which has topics.toml)

For each configured topic it prints the discovered topic whose passages overlap it most (Jaccard over
passage ids), and the sources each holds. A figure to improve, not a test: nothing is asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

from compare.align import align
from compare.clean import clean_corpus
from compare.ingest import read_corpus, read_topics
from compare.model import BuildOptions
from compare.segment import segment_documents


def main() -> None:
    """Print configured-versus-discovered overlap for one corpus."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "seeds")
    docs = clean_corpus(read_corpus(folder).documents)
    passages = segment_documents(docs)
    source_ids = [d.id for d in docs]
    configured, _ = align(passages, read_topics(folder / "topics.toml"), source_ids, BuildOptions(discover=False))
    discovered, _ = align(passages, (), source_ids, BuildOptions())
    print(f"{len(discovered)} topics discovered from {len(passages)} passages of {len(docs)} sources")
    scores = []
    for topic in configured:
        wanted = set(topic.passages)
        best = max(discovered, key=lambda d: len(wanted & set(d.passages)) / len(wanted | set(d.passages)))
        jaccard = len(wanted & set(best.passages)) / len(wanted | set(best.passages))
        scores.append(jaccard)
        print(f"{topic.id}: sources {sorted(topic.sources)}")
        print(
            f"  best discovered {best.id} «{best.label}»: sources {sorted(best.sources)}, passage Jaccard {jaccard:.2f}"
        )
    print(f"mean best-match Jaccard: {sum(scores) / len(scores):.2f}")


if __name__ == "__main__":
    main()
