"""Tone: promotional-tone scores for passages and sources (the only module that knows snownlp).

First version: a passage's score blends snownlp sentence sentiment on the Simplified text
with a lexicon of promotional and critical/hedging markers (negation flips a marker). Every
score carries the terms and signals that moved it, with their weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from snownlp import SnowNLP

from compare.model import Evidence, Passage, Tone
from compare.resources import load_toml
from compare.segment import split_sentences, token_spans

NEUTRAL = 0.5
# How much snownlp's sentiment (centred on 0.5) moves the log-odds, against the lexicon's sum.
SENTIMENT_WEIGHT = 1.0
NEGATION_WINDOW = 2
MAX_EVIDENCE = 8


@dataclass(frozen=True)
class Lexicon:
    """Tone markers and their weights.

    Attributes:
        weights: term -> signed weight (positive = promotional).
        negations: words that flip a following marker.
    """

    weights: dict[str, float]
    negations: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the packaged tone lexicon."""
    data = load_toml("tone_lexicon.toml")
    weights = {**data["promotional"], **data["critical"]}
    return Lexicon({k: float(v) for k, v in weights.items()}, frozenset(data["negations"]))


def sentence_sentiment(text: str) -> float:
    """snownlp sentiment in [0, 1] of a Simplified-script sentence (0.5 for text with no words)."""
    if not any("\u4e00" <= ch <= "\u9fff" or ch.isalnum() for ch in text):
        return NEUTRAL
    return float(SnowNLP(text).sentiments)


def marker_hits(text: str, lex: Lexicon) -> list[Evidence]:
    """Lexicon markers found in text, longest match first, negated markers flipped."""
    hits: list[Evidence] = []
    spans = token_spans(text)
    taken = [False] * len(text)
    for term in sorted(lex.weights, key=lambda t: (-len(t), t)):
        start = text.find(term)
        while start >= 0:
            span = range(start, start + len(term))
            if not any(taken[i] for i in span):
                for i in span:
                    taken[i] = True
                negated = _is_negated(spans, start, lex.negations)
                weight = -lex.weights[term] if negated else lex.weights[term]
                hits.append(Evidence(("不…" if negated else "") + term, weight))
            start = text.find(term, start + 1)
    return hits


def _is_negated(spans: Sequence[tuple[str, int, int]], start: int, negations: frozenset[str]) -> bool:
    """Whether one of the words just before `start` is a negation word (whole jieba words, so 不断 or
    不仅 do not negate), looking back at most NEGATION_WINDOW words and not past punctuation."""
    before = [w for w, _, end in spans if end <= start][-NEGATION_WINDOW:]
    for word in reversed(before):
        if word in negations:
            return True
        if not any(ch.isalnum() for ch in word):
            return False
    return False


def _squash(log_odds: float) -> float:
    """Logistic function mapping log-odds to [0, 1]."""
    return 1.0 / (1.0 + math.exp(-log_odds))


def score_text(simplified: str) -> Tone:
    """Score one passage of Simplified text.

    Args:
        simplified: the passage in Simplified script.

    Returns:
        Its tone, with evidence terms and the snownlp signal.
    """
    sentences = split_sentences(simplified) or [simplified]
    sentiment = sum(sentence_sentiment(s) for s in sentences) / len(sentences)
    hits = marker_hits(simplified, lexicon())
    signal = Evidence("snownlp", round(SENTIMENT_WEIGHT * (sentiment - NEUTRAL), 4))
    log_odds = signal.weight + sum(h.weight for h in hits)
    evidence = sorted([*hits, signal], key=lambda e: (-abs(e.weight), e.term))[:MAX_EVIDENCE]
    return Tone(score=round(_squash(log_odds), 4), sentiment=round(sentiment, 4), evidence=tuple(evidence))


def score_passages(passages: Sequence[Passage]) -> tuple[Passage, ...]:
    """Return the passages with their tone filled in."""
    return tuple(replace(p, tone=score_text(p.text_simplified)) for p in passages)


def aggregate(passages: Sequence[Passage]) -> Tone:
    """Length-weighted mean tone of scored passages (neutral when there are none)."""
    scored = [(len(p.text_simplified), p.tone) for p in passages if p.tone is not None]
    total = sum(n for n, _ in scored)
    if not total:
        return Tone(NEUTRAL, NEUTRAL)
    score = sum(n * t.score for n, t in scored) / total
    sentiment = sum(n * t.sentiment for n, t in scored) / total
    return Tone(round(score, 4), round(sentiment, 4))
