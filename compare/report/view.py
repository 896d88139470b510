"""View-model: everything the templates print, already formatted. Templates only loop and print."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare import __version__
from compare.claims import CLOCK_UNIT, DATE_UNIT, date_parts
from compare.clean import REPAIRS
from compare.model import Claim, Comparison, Passage, SourceSummary, Tone, Topic
from compare.report.formatters import fmt_int, fmt_percent, fmt_score, fmt_value, fmt_weight, script_label
from compare.tone import COMPANY, OUTLET, aggregate, interval

LANG = {"simplified": "zh-Hans", "traditional": "zh-Hant"}
# Discovered topics shown side by side (most widely shared first); the rest are listed compactly.
MAX_SIDE_BY_SIDE = 12
# Source columns of the tone and coverage tables per printed block: an A4 page holds about a dozen.
MATRIX_SOURCES = 12
# Coverage cells are shaded in five steps by the share of a source's text on the topic.
SHADE_STEPS = (0.0, 0.02, 0.05, 0.10, 0.20)


@dataclass(frozen=True)
class SourceRow:
    """One row of the sources table."""

    label: str
    id: str
    file: str
    title: str
    outlet: str
    url: str
    script: str
    lang: str
    encoding: str
    chars_in: str
    chars_kept: str
    kept_share: str
    removals: tuple[str, ...]
    passages: int
    tone: str
    tone_width: int
    tone_interval: str
    interval_left: int
    interval_width: int
    company_tone: str
    republishes: str = ""


@dataclass(frozen=True)
class CoverageCell:
    """One cell of the sources x topics matrix."""

    passages: int
    share: str
    shade: int
    tone: str


@dataclass(frozen=True)
class CoverageRow:
    """A topic's row of the coverage matrix: one cell per source."""

    label: str
    origin: str
    cells: tuple[CoverageCell, ...]


@dataclass(frozen=True)
class BlindspotRow:
    """The topics a source omits although two or more other sources cover them."""

    label: str
    configured: tuple[str, ...]
    discovered: tuple[str, ...]
    minor: int = 0


@dataclass(frozen=True)
class ToneCell:
    """A source's tone on one topic."""

    score: str
    interval: str
    shade: int


@dataclass(frozen=True)
class ToneRow:
    """A topic's row of the tone table: one cell per source."""

    label: str
    origin: str
    cells: tuple[ToneCell, ...]


@dataclass(frozen=True)
class Segment:
    """A run of passage text; `mark` is "promo" or "critical" (an evidence term in the outlet's voice),
    "company" or "other" (words quoted from a speaker) or "" (no highlight)."""

    text: str
    mark: str


@dataclass(frozen=True)
class PassageView:
    """A passage as printed in a topic column."""

    id: str
    index: int
    segments: tuple[Segment, ...]
    tone: str
    evidence: str
    same_words: str = ""


@dataclass(frozen=True)
class SourceColumn:
    """One source's passages on a topic."""

    label: str
    title: str
    lang: str
    tone: str
    passages: tuple[PassageView, ...]


@dataclass(frozen=True)
class TopicSection:
    """A topic with its sources side by side."""

    id: str
    label: str
    origin: str
    keywords: str
    omitted_by: str
    columns: tuple[SourceColumn, ...]


@dataclass(frozen=True)
class MinorTopic:
    """A discovered topic listed compactly: its label and where each source discusses it."""

    id: str
    label: str
    places: str


@dataclass(frozen=True)
class ClaimRow:
    """One source's statement in a claim comparison."""

    source: str
    value: str
    raw: str
    time: str
    text: str
    lang: str


@dataclass(frozen=True)
class ComparisonView:
    """A conflict or agreement between sources on one subject."""

    kind: str
    subject: str
    note: str
    rows: tuple[ClaimRow, ...]


@dataclass(frozen=True)
class ClaimGroup:
    """The claims table of one topic (or of numbers whose passages share no topic): conflicts first."""

    label: str
    comparisons: tuple[ComparisonView, ...]


@dataclass(frozen=True)
class MatrixBlock:
    """Up to MATRIX_SOURCES source columns of the tone and coverage tables, which is what a page holds,
    with each table's rows. When a corpus needs several blocks, a block keeps only the topics that one of
    its sources covers."""

    labels: tuple[str, ...]
    tone_rows: tuple[ToneRow, ...]
    coverage_rows: tuple[CoverageRow, ...]

    @property
    def caption(self) -> str:
        """The block's sources, as "S13–S24"."""
        return f"{self.labels[0]}–{self.labels[-1]}" if len(self.labels) > 1 else self.labels[0]


@dataclass(frozen=True)
class ReportView:
    """The whole report, formatted for the templates."""

    title: str
    corpus_name: str
    built_at: str
    version: str
    content_hash: str
    sources: tuple[SourceRow, ...]
    source_labels: tuple[str, ...]
    tone_ranking: str
    tone_table: tuple[ToneRow, ...]
    coverage: tuple[CoverageRow, ...]
    blindspots: tuple[BlindspotRow, ...]
    topics: tuple[TopicSection, ...]
    minor_topics: tuple[MinorTopic, ...]
    claim_groups: tuple[ClaimGroup, ...]
    claims_total: int
    skipped: tuple[str, ...]

    @property
    def matrix_blocks(self) -> tuple[MatrixBlock, ...]:
        """The tone and coverage tables cut into blocks of MATRIX_SOURCES source columns, so a corpus of
        many sources prints every source's column (a page shows about a dozen)."""
        starts = range(0, len(self.source_labels), MATRIX_SOURCES) if self.source_labels else [0]
        blocks = []
        for start in starts:
            cut = slice(start, start + MATRIX_SOURCES)
            tone = tuple(replace(r, cells=r.cells[cut]) for r in self.tone_table)
            coverage = tuple(replace(r, cells=r.cells[cut]) for r in self.coverage)
            if len(starts) > 1:  # a block keeps the topics its own sources cover
                tone = tuple(r for r in tone if any(c.score != "—" for c in r.cells))
                coverage = tuple(r for r in coverage if any(c.passages for c in r.cells))
            blocks.append(MatrixBlock(self.source_labels[cut], tone, coverage))
        return tuple(blocks)


def source_labels(sources: Sequence[SourceSummary]) -> dict[str, str]:
    """Short labels S1, S2… in source order, used across the whole report."""
    return {s.doc.id: f"S{n}" for n, s in enumerate(sources, start=1)}


def highlight(passage: Passage) -> tuple[Segment, ...]:
    """Split a passage's own-script text into runs: quoted speakers' words marked by voice, and the tone
    evidence terms of the outlet's own words marked promotional or critical.

    Runs and terms are found in the Simplified text; the marks are carried over to the original when
    the conversion kept every character in place (OpenCC converts character for character here).
    """
    text, simplified = passage.text, passage.text_simplified
    if passage.tone is None or len(text) != len(simplified):
        return (Segment(text, ""),)
    marks = [""] * len(text)
    cursor = 0
    for span in passage.tone.spans:
        start = simplified.find(span.text, cursor)
        if start < 0:
            continue
        cursor = start + len(span.text)
        if span.voice != OUTLET:
            marks[start:cursor] = ["company" if span.voice == COMPANY else "other"] * len(span.text)
            continue
        for ev in span.evidence:
            term = ev.term.removeprefix("不…")
            found = span.text.find(term) if term not in ("snownlp", "figures") else -1
            while found >= 0 and term:
                at = start + found
                marks[at : at + len(term)] = ["promo" if ev.weight > 0 else "critical"] * len(term)
                found = span.text.find(term, found + len(term))
    segments: list[Segment] = []
    for ch, mark in zip(text, marks, strict=True):
        if segments and segments[-1].mark == mark:
            segments[-1] = Segment(segments[-1].text + ch, mark)
        else:
            segments.append(Segment(ch, mark))
    return tuple(segments)


def _evidence_text(tone: Tone | None) -> str:
    """Evidence as one line: '遥遥领先 +1.50 · snownlp +0.42'."""
    if tone is None:
        return ""
    own = " · ".join(f"{e.term} {fmt_weight(e.weight)}" for e in tone.evidence) if tone.own_chars else ""
    company = f"company's words {fmt_score(tone.company_score)}" if tone.company_score is not None else ""
    return " | ".join(x for x in (own, company) if x)


def _source_row(summary: SourceSummary, label: str, passages: int, republishes: str = "") -> SourceRow:
    """Format one source for the sources table."""
    doc = summary.doc
    return SourceRow(
        republishes=republishes,
        label=label,
        id=doc.id,
        file=doc.file,
        title=doc.title,
        outlet=" · ".join(x for x in (doc.outlet, doc.author, doc.date) if x) or "—",
        url=doc.url or "",
        script=script_label(doc.script),
        lang=LANG[doc.script],
        encoding=doc.encoding,
        chars_in=fmt_int(doc.chars_in),
        chars_kept=fmt_int(doc.chars_kept),
        kept_share=fmt_percent(doc.chars_kept / doc.chars_in) if doc.chars_in else "—",
        removals=tuple(
            f"{r.reason}: {fmt_int(r.chars)} chars{' re-read' if r.reason in REPAIRS else ''} («{r.sample}»)"
            for r in doc.removed
        ),
        passages=passages,
        tone=fmt_score(summary.tone.score),
        tone_width=round(100 * summary.tone.score),
        tone_interval=_interval_text(summary.interval),
        interval_left=round(100 * summary.interval[0]) if summary.interval else 0,
        interval_width=round(100 * (summary.interval[1] - summary.interval[0])) if summary.interval else 0,
        company_tone=fmt_score(summary.tone.company_score) if summary.tone.company_score is not None else "—",
    )


def _interval_text(bounds: tuple[float, float] | None) -> str:
    """'0.41–0.63', or '—' when there were too few passages to resample."""
    return f"{fmt_score(bounds[0])}–{fmt_score(bounds[1])}" if bounds else "—"


def tone_ranking(sources: Sequence[SourceSummary], labels: dict[str, str]) -> str:
    """Sources from most to least promotional, in groups: a source joins the group of the source that
    leads it while their 95% intervals overlap (the data cannot tell them apart, '≈'), and starts a new
    group ('>') once its interval lies wholly below the leader's."""
    ranked = sorted(sources, key=lambda s: (-s.tone.score, labels[s.doc.id]))
    groups: list[list[SourceSummary]] = []
    for source in ranked:
        leader = groups[-1][0].interval if groups else None
        here = source.interval
        if groups and not (leader is not None and here is not None and here[1] < leader[0]):
            groups[-1].append(source)
        else:
            groups.append([source])
    return " > ".join(" ≈ ".join(f"{labels[s.doc.id]} {fmt_score(s.tone.score)}" for s in g) for g in groups)


def _tone_table(comparison: Comparison) -> tuple[ToneRow, ...]:
    """The topic x source tone table: each source's own-voice tone on each topic, with its interval."""
    rows = []
    for topic in comparison.topics:
        cells = []
        for summary in comparison.sources:
            on_topic = [p for p in comparison.passages if p.source == summary.doc.id and topic.id in p.topics]
            tone = aggregate(on_topic)
            if not tone.own_chars:
                cells.append(ToneCell("—", "", 0))
                continue
            shade = min(4, int(tone.score * 5))
            cells.append(ToneCell(fmt_score(tone.score), _interval_text(interval(on_topic)), shade))
        rows.append(ToneRow(topic.label, topic.origin, tuple(cells)))
    return tuple(rows)


def _shade(share: float) -> int:
    """Shade step 0..4 for a share of a source's text."""
    return sum(1 for step in SHADE_STEPS[1:] if share >= step) if share > 0 else 0


def _coverage(comparison: Comparison) -> tuple[CoverageRow, ...]:
    """The coverage matrix formatted with topics as rows (there are usually more topics than sources)."""
    rows = []
    for n, topic in enumerate(comparison.topics):
        cells = []
        for row in comparison.coverage:
            cell = row.topics[n]
            on_topic = [p for p in comparison.passages if p.source == row.source and topic.id in p.topics]
            tone = fmt_score(aggregate(on_topic).score) if on_topic else "—"
            share = fmt_percent(cell.share) if cell.passages else "—"
            cells.append(CoverageCell(cell.passages, share, _shade(cell.share) if cell.passages else 0, tone))
        rows.append(CoverageRow(topic.label, topic.origin, tuple(cells)))
    return tuple(rows)


def _blindspots(comparison: Comparison, labels: dict[str, str], shown: frozenset[str]) -> tuple[BlindspotRow, ...]:
    """Each source's blindspots, configured topics apart from discovered ones; of the discovered, those
    shown side by side by name and the minor ones as a count."""
    topics = {t.id: t for t in comparison.topics}
    rows = []
    for row in comparison.coverage:
        missed = [topics[t] for t in row.blindspots]
        discovered = [t for t in missed if t.origin == "discovered"]
        rows.append(
            BlindspotRow(
                labels[row.source],
                tuple(t.label for t in missed if t.origin == "configured"),
                tuple(t.label for t in discovered if t.id in shown),
                sum(1 for t in discovered if t.id not in shown),
            )
        )
    return tuple(rows)


def _topic_section(topic: Topic, comparison: Comparison, labels: dict[str, str]) -> TopicSection:
    """One topic with a column per covering source."""
    by_id = {p.id: p for p in comparison.passages}
    docs = {s.doc.id: s.doc for s in comparison.sources}
    columns = []
    for source in topic.sources:
        chosen = [by_id[pid] for pid in topic.passages if by_id[pid].source == source]
        columns.append(
            SourceColumn(
                label=labels[source],
                title=docs[source].title,
                lang=LANG[docs[source].script],
                tone=fmt_score(aggregate(chosen).score),
                passages=tuple(
                    PassageView(
                        p.id,
                        p.index,
                        highlight(p),
                        fmt_score(p.tone.score) if p.tone and p.tone.own_chars else "—",
                        _evidence_text(p.tone),
                        _same_words(p, by_id, labels),
                    )
                    for p in chosen
                ),
            )
        )
    return TopicSection(
        id=topic.id,
        label=topic.label,
        origin=topic.origin,
        keywords="、".join(topic.keywords),
        omitted_by=", ".join(labels[s] for s in topic.omitted_by) or "—",
        columns=tuple(columns),
    )


def _same_words(passage: Passage, by_id: dict[str, Passage], labels: dict[str, str]) -> str:
    """Where other sources print the passage's words: "same words as S2 ¶4, ¶5; S3 ¶7", or ""."""
    places: dict[str, list[str]] = {}
    for pid in passage.verbatim_in:
        places.setdefault(labels[by_id[pid].source], []).append(f"¶{by_id[pid].index}")
    return "; ".join(f"{label} {', '.join(marks)}" for label, marks in places.items())


def split_topics(topics: Sequence[Topic]) -> tuple[list[Topic], list[Topic]]:
    """Topics shown side by side (every configured one, then the MAX_SIDE_BY_SIDE most widely shared
    discovered ones) and the rest, listed compactly."""
    ranked = sorted((t for t in topics if t.origin == "discovered"), key=lambda t: (-len(t.sources), -len(t.passages)))
    shown = {t.id for t in ranked[:MAX_SIDE_BY_SIDE]}
    main = [t for t in topics if t.origin == "configured" or t.id in shown]
    return main, [t for t in topics if t.id not in {m.id for m in main}]


def _minor_topic(topic: Topic, comparison: Comparison, labels: dict[str, str]) -> MinorTopic:
    """A topic as one line: 'S2 ¶4, ¶7 · S5 ¶26'."""
    by_id = {p.id: p for p in comparison.passages}
    places = []
    for source in topic.sources:
        paragraphs = ", ".join(f"¶{by_id[pid].index}" for pid in topic.passages if by_id[pid].source == source)
        places.append(f"{labels[source]} {paragraphs}")
    return MinorTopic(topic.id, topic.label, " · ".join(places))


QUALIFIER_MARKS = {"over": "≥", "under": "≤", "approx": "≈", "": ""}
NO_SHARED_TOPIC = "Numbers outside a shared topic"


def _claim_groups(comparison: Comparison, labels: dict[str, str]) -> tuple[ClaimGroup, ...]:
    """Claim comparisons grouped by the topic their passages share (in topic order, then the rest),
    conflicts first in each group, each source's sentence quoted."""
    claims = {c.id: c for c in comparison.claims}
    docs = {s.doc.id: s.doc for s in comparison.sources}
    order = {t.id: n for n, t in enumerate(comparison.topics)}
    topic_labels = {t.id: t.label for t in comparison.topics}
    groups: dict[str, list[ComparisonView]] = {}
    for comp in sorted(comparison.comparisons, key=lambda c: (order.get(c.topic, len(order)), c.kind != "conflict")):
        rows = tuple(
            ClaimRow(labels[c.source], _claim_value(c), c.raw, c.time or "—", c.text, LANG[docs[c.source].script])
            for c in (claims[i] for i in comp.claims)
        )
        label = topic_labels.get(comp.topic, NO_SHARED_TOPIC)
        note = comp.note
        for source_id in {claims[i].source for i in comp.claims}:  # the report names sources S1, S2…
            note = note.replace(f"{source_id}:", f"{labels[source_id]}:")
        groups.setdefault(label, []).append(ComparisonView(comp.kind, comp.subject, note, rows))
    return tuple(ClaimGroup(label, tuple(views)) for label, views in groups.items())


def _claim_value(claim: Claim) -> str:
    """A claim's normalized value for the table: '≥50%', '≈3000件', '11%–13%', '2013年5月17日'."""
    if claim.unit == DATE_UNIT:
        year, month, day = date_parts(claim.value)
        return (f"{year}年" if year else "") + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    if claim.unit == CLOCK_UNIT:
        return f"{int(claim.value) // 60}:{int(claim.value) % 60:02d}"
    value = fmt_value(claim.value, claim.unit)
    if claim.upper is not None:
        value = f"{fmt_value(claim.value, '')}–{fmt_value(claim.upper, claim.unit)}"
    return QUALIFIER_MARKS.get(claim.qualifier, "") + value


def build_view(comparison: Comparison, *, built_at: str) -> ReportView:
    """Build the report's view-model from a comparison.

    Args:
        comparison: the analysis result.
        built_at: the build date to print (ISO 8601).

    Returns:
        The formatted view the templates render.
    """
    labels = source_labels(comparison.sources)
    main, minor = split_topics(comparison.topics)
    counts = {s.doc.id: sum(1 for p in comparison.passages if p.source == s.doc.id) for s in comparison.sources}
    copied = {
        c.source: f"Republishes {labels[c.original]}: {fmt_percent(c.share)} of its text is word for word in it; "
        f"counted with {labels[c.original]} as one source in topics, blindspots and facts."
        for c in comparison.republications
    }
    return ReportView(
        title=f"Coverage comparison: {comparison.corpus_name}",
        corpus_name=comparison.corpus_name,
        built_at=built_at,
        version=__version__,
        content_hash=comparison.content_hash[:12],
        sources=tuple(
            _source_row(s, labels[s.doc.id], counts[s.doc.id], copied.get(s.doc.id, "")) for s in comparison.sources
        ),
        source_labels=tuple(labels[s.doc.id] for s in comparison.sources),
        tone_ranking=tone_ranking(comparison.sources, labels),
        tone_table=_tone_table(comparison),
        coverage=_coverage(comparison),
        blindspots=_blindspots(comparison, labels, frozenset(t.id for t in main)),
        topics=tuple(_topic_section(t, comparison, labels) for t in main),
        minor_topics=tuple(_minor_topic(t, comparison, labels) for t in minor),
        claim_groups=_claim_groups(comparison, labels),
        claims_total=len(comparison.claims),
        skipped=comparison.skipped,
    )
