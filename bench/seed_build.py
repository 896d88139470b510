"""Measure the seed build: wall time and peak memory of `compare build seeds` with all formats.

Usage: .venv/bin/python bench/seed_build.py [--runs N]
Prints one line per run and the best/median figures. Tests never assert times; this script only reports.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(out: Path) -> tuple[float, float]:
    """Run one build in a child process; return (wall seconds, peak RSS in MiB of that child)."""
    code = "import sys; from compare.cli import main; sys.exit(main())"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, "build", str(ROOT / "seeds"), "--out", str(out), "--quiet"],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    # ru_maxrss of RUSAGE_CHILDREN is the largest finished child so far, in KiB on Linux.
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    """Run the benchmark and print figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    walls, peaks = [], []
    for n in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            wall, peak = one_run(Path(tmp))
        walls.append(wall)
        peaks.append(peak)
        print(f"run {n + 1}: wall {wall:.1f} s, peak RSS {peak:.0f} MiB")
    median, best = statistics.median(walls), min(walls)
    print(f"seed build: wall median {median:.1f} s (best {best:.1f} s), peak RSS {max(peaks):.0f} MiB")


if __name__ == "__main__":
    main()
