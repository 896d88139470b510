"""Evaluate the promotional-tone scorer on the labelled test part, beside raw snownlp.

Usage: .venv/bin/python bench/eval_tone.py [--part test|dev]

Prints, for the scorer and for two baselines — raw snownlp on the text as written (what the tool
used to be asked for) and raw snownlp on its Simplified form — the AUC of "promotional" against
neutral and critical, the accuracy at 0.5, the Brier score and the expected calibration error
(5 equal-width bins), then the scorer's calibration table and the AUC of "neutral above critical".
The model is fit on the dev part only (bench/train_tone.py); the test part is for this script.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Sequence

import numpy as np
from sklearn.metrics import roc_auc_score
from tone_data import Item, load

from compare.script import to_simplified
from compare.segment import split_sentences
from compare.tone import company_people, score_text, sentence_sentiment

BINS = 5


def raw_snownlp(text: str) -> float:
    """Mean snownlp sentiment of the sentences, as given."""
    sentences = split_sentences(text) or [text]
    return sum(sentence_sentiment(s) for s in sentences) / len(sentences)


def calibration(scores: np.ndarray, truth: np.ndarray) -> tuple[float, list[tuple[str, int, float, float]]]:
    """Expected calibration error and the table of (bin, count, mean score, share promotional)."""
    edges = np.linspace(0, 1, BINS + 1)
    rows, ece = [], 0.0
    for lo, hi in itertools.pairwise(edges):
        inside = (scores >= lo) & ((scores < hi) | (hi == 1.0))
        if inside.any():
            mean, share = float(scores[inside].mean()), float(truth[inside].mean())
            ece += inside.mean() * abs(mean - share)
            rows.append((f"{lo:.1f}–{hi:.1f}", int(inside.sum()), mean, share))
    return ece, rows


def figures(name: str, scores: np.ndarray, truth: np.ndarray) -> None:
    """Print one scorer's line."""
    auc = roc_auc_score(truth, scores)
    accuracy = float(((scores >= 0.5) == truth).mean())
    brier = float(((scores - truth) ** 2).mean())
    ece, _ = calibration(scores, truth)
    print(f"{name:28} AUC {auc:.3f}   accuracy {accuracy:.3f}   Brier {brier:.3f}   ECE {ece:.3f}")


def evaluate(items: Sequence[Item]) -> None:
    """Print the figures for one part."""
    truth = np.array([i.label == "promotional" for i in items], dtype=float)
    scorer = np.array([score_text(i.text, company_people([i.text])).score for i in items])
    figures("scorer (own voice)", scorer, truth)
    figures("raw snownlp, as written", np.array([raw_snownlp(i.text) for i in items]), truth)
    figures("raw snownlp, Simplified", np.array([raw_snownlp(to_simplified(i.text)) for i in items]), truth)
    _, rows = calibration(scorer, truth)
    print("\ncalibration of the scorer (bin, passages, mean score, share labelled promotional):")
    for label, count, mean, share in rows:
        print(f"  {label}  {count:4d}  {mean:.2f}  {share:.2f}")
    labels = np.array([i.label for i in items])
    pair = (labels == "neutral") | (labels == "critical")
    if len(set(labels[pair])) == 2:
        print(f"\nneutral scored above critical: AUC {roc_auc_score(labels[pair] == 'neutral', scorer[pair]):.3f}")
    for script in ("simplified", "traditional"):
        chosen = np.array([i.script == script for i in items])
        if len(set(truth[chosen])) == 2:
            print(
                f"{script:12} {chosen.sum():4d} passages: scorer AUC {roc_auc_score(truth[chosen], scorer[chosen]):.3f}"
            )
    wrong = [(abs(s - t), i) for s, t, i in zip(scorer, truth, items, strict=True) if (s >= 0.5) != bool(t)]
    print(f"\nmisclassified at 0.5: {len(wrong)} of {len(items)}")


def main(argv: list[str]) -> int:
    """Evaluate the chosen part (default: test)."""
    part = argv[argv.index("--part") + 1] if "--part" in argv else "test"
    items = load(part)
    counts = {label: sum(i.label == label for i in items) for label in ("promotional", "neutral", "critical")}
    print(f"== {part}: {len(items)} labelled passages {counts}\n")
    evaluate(items)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
