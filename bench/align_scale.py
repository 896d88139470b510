"""How topic discovery scales with the number of passages (it must not be quadratic).

Usage: .venv/bin/python bench/align_scale.py [N ...]   (default: 1000 2000 4000 8000 16000)

Builds synthetic corpora: 40 sources whose passages draw 30 tokens from a Zipf-distributed vocabulary
of 50,000 words, with one in ten passages retelling one of 200 shared "stories" (a fixed set of rarer
words), then times `align.discovered_groups` (after a warm-up that loads jieba's dictionaries) and
reports the process's peak RSS so far. Prints figures only.
"""

from __future__ import annotations

import resource
import sys
import time

import numpy as np

from compare.align import discovered_groups
from compare.model import BuildOptions, Passage

VOCABULARY = 50_000
SOURCES = 40
STORIES = 200


def synthetic_passages(n: int, seed: int = 0) -> list[Passage]:
    """n passages of SOURCES sources; every tenth one tells one of STORIES shared stories."""
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(VOCABULARY)]
    stories = [[f"s{k}_{j}" for j in range(8)] for k in range(STORIES)]
    passages = []
    for i in range(n):
        ranks = np.minimum(rng.zipf(1.3, size=30), VOCABULARY) - 1
        tokens = [words[r] for r in ranks]
        if i % 10 == 0:
            tokens += stories[int(rng.integers(STORIES))]
        source = f"src{i % SOURCES}"
        passages.append(Passage(f"{source}:p{i}", source, i // SOURCES, "", "", tuple(tokens)))
    return passages


def main() -> None:
    """Time discovery at several sizes."""
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 2000, 4000, 8000, 16000]
    discovered_groups(synthetic_passages(100), BuildOptions())  # warm-up: jieba's tag table
    previous: tuple[int, float] | None = None
    for n in sizes:
        passages = synthetic_passages(n)
        start = time.perf_counter()
        groups = discovered_groups(passages, BuildOptions())
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        growth = f", time x{seconds / previous[1]:.1f} for passages x{n / previous[0]:.0f}" if previous else ""
        print(f"{n:>6} passages: {seconds:6.2f} s, peak RSS {peak:6.0f} MiB, {len(groups)} topics{growth}")
        previous = (n, seconds)


if __name__ == "__main__":
    main()
