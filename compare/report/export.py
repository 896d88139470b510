"""report.json: the Comparison as plain data, schema "compare-report/1"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compare import __version__
from compare.model import Comparison, Evidence, Tone

SCHEMA_ID = "compare-report/1"


def _evidence(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    """Evidence terms as JSON."""
    return [{"term": e.term, "weight": e.weight} for e in evidence]


def _tone(tone: Tone, *, passage: bool) -> dict[str, Any]:
    """A tone as JSON: own-voice score, snownlp sentiment, the company's voice and, for passages, evidence
    and the voice runs."""
    out: dict[str, Any] = {
        "score": tone.score,
        "sentiment": tone.sentiment,
        "own_chars": tone.own_chars,
        "company_score": tone.company_score,
        "company_chars": tone.company_chars,
    }
    if passage:
        out["evidence"] = _evidence(tone.evidence)
        out["spans"] = [
            {
                "text": s.text,
                "voice": s.voice,
                "speaker": s.speaker,
                "score": s.score,
                "evidence": _evidence(s.evidence),
            }
            for s in tone.spans
        ]
    return out


def comparison_to_json(comparison: Comparison, *, built_at: str) -> dict[str, Any]:
    """Turn a comparison into the report.json document.

    Args:
        comparison: the analysis result.
        built_at: the build date to record (ISO 8601).

    Returns:
        A JSON-serialisable dict valid against compare/resources/report.schema.json.
    """
    opts = comparison.options
    copied = {c.source: {"original": c.original, "share": c.share} for c in comparison.republications}
    return {
        "schema": SCHEMA_ID,
        "corpus": {
            "name": comparison.corpus_name,
            "files": list(comparison.files),
            "skipped": list(comparison.skipped),
            "content_hash": f"sha256:{comparison.content_hash}",
            "tool_version": __version__,
            "built_at": built_at,
            "terms": list(comparison.terms),
            "options": {
                "topics_file": opts.topics_file.name if opts.topics_file else None,
                "words_file": opts.words_file.name if opts.words_file else None,
                "user_words": [w.word for w in opts.user_words],
                "discover": opts.discover,
                "similarity_threshold": opts.similarity_threshold,
                "topic_cohesion": opts.topic_cohesion,
                "neighbours": opts.neighbours,
                "max_heading_chars": opts.max_heading_chars,
            },
        },
        "sources": [
            {
                "id": s.doc.id,
                "file": s.doc.file,
                "title": s.doc.title,
                "outlet": s.doc.outlet,
                "author": s.doc.author,
                "date": s.doc.date,
                "url": s.doc.url,
                "format": s.doc.format,
                "script": s.doc.script,
                "encoding": s.doc.encoding,
                "chars_in": s.doc.chars_in,
                "chars_kept": s.doc.chars_kept,
                "removed": [{"reason": r.reason, "chars": r.chars, "sample": r.sample} for r in s.doc.removed],
                "tone": {**_tone(s.tone, passage=False), "interval": list(s.interval) if s.interval else None},
                "republishes": copied.get(s.doc.id),
            }
            for s in comparison.sources
        ],
        "passages": [
            {
                "id": p.id,
                "source": p.source,
                "index": p.index,
                "text": p.text,
                "text_simplified": p.text_simplified,
                "topics": list(p.topics),
                "tone": _tone(p.tone or Tone(0.0, 0.5), passage=True),
                "verbatim_in": list(p.verbatim_in),
            }
            for p in comparison.passages
        ],
        "topics": [
            {
                "id": t.id,
                "label": t.label,
                "keywords": list(t.keywords),
                "origin": t.origin,
                "sources": list(t.sources),
                "passages": list(t.passages),
                "omitted_by": list(t.omitted_by),
            }
            for t in comparison.topics
        ],
        "coverage": [
            {
                "source": row.source,
                "topics": [
                    {"topic": c.topic, "passages": c.passages, "chars": c.chars, "share": c.share} for c in row.topics
                ],
                "blindspots": list(row.blindspots),
            }
            for row in comparison.coverage
        ],
        "claims": [
            {
                "id": c.id,
                "source": c.source,
                "passage": c.passage,
                "text": c.text,
                "subject": c.subject,
                "value": c.value,
                "unit": c.unit,
                "raw": c.raw,
                "qualifier": c.qualifier,
                "time": c.time or None,
                "upper": c.upper,
                "aspect": c.aspect,
                "head": list(c.head),
                "event": list(c.event),
                "names": list(c.names),
                "topics": list(c.topics),
            }
            for c in comparison.claims
        ],
        "comparisons": [
            {"subject": c.subject, "kind": c.kind, "claims": list(c.claims), "note": c.note, "topic": c.topic or None}
            for c in comparison.comparisons
        ],
    }
