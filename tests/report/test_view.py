"""View-model: formatting and highlight spans built before any template sees them."""

from __future__ import annotations

import pytest

from compare.model import (
    BuildOptions,
    Claim,
    ClaimComparison,
    CleanDocument,
    Comparison,
    Evidence,
    Passage,
    Republication,
    SourceSummary,
    Tone,
    Topic,
    VoiceSpan,
)
from compare.report.formatters import fmt_int, fmt_percent, fmt_value, fmt_weight
from compare.report.view import MAX_SIDE_BY_SIDE, NO_SHARED_TOPIC, build_view, highlight, split_topics, tone_ranking
from compare.tone import COMPANY, OTHER, OUTLET


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (3.8e11, "元", "3800亿元"),
        (1.5e12, "元", "1.5万亿元"),
        (0.5, "元", "0.5元"),
        (97, "%", "97%"),
        (30000000, "", "3000万"),
    ],
)
def test_fmt_value(value: float, unit: str, expected: str) -> None:
    assert fmt_value(value, unit) == expected


def test_number_formatters() -> None:
    assert fmt_int(1234567) == "1,234,567"
    assert fmt_percent(0.456) == "46%"
    assert fmt_weight(-0.6) == "−0.60" and fmt_weight(1.5) == "+1.50"


def _passage(text: str, simplified: str, *evidence: Evidence) -> Passage:
    span = VoiceSpan(simplified, OUTLET, "", 0.7, evidence)
    return Passage("a:p0", "a", 0, text, simplified, tone=Tone(0.7, 0.9, evidence, len(text), spans=(span,)))


def test_highlight_marks_quoted_words_by_voice() -> None:
    text = "公司CEO表示，產品領先。分析師說：“有風險。”"
    simplified = "公司CEO表示，产品领先。分析师说：“有风险。”"
    spans = (
        VoiceSpan("公司CEO表示，", OUTLET, "", 0.3),
        VoiceSpan("产品领先。", COMPANY, "公司CEO", 0.8),
        VoiceSpan("分析师说：", OUTLET, "", 0.3),
        VoiceSpan("“有风险。”", OTHER, "分析师", 0.1),
    )
    p = Passage("a:p0", "a", 0, text, simplified, tone=Tone(0.3, 0.5, (), 12, 0.8, 5, spans))
    assert [(s.text, s.mark) for s in highlight(p) if s.mark] == [("產品領先。", "company"), ("“有風險。”", "other")]


def test_highlight_marks_evidence_in_the_original_script() -> None:
    p = _passage(
        "阿里雲遙遙領先,但有風險。", "阿里云遥遥领先,但有风险。", Evidence("遥遥领先", 1.5), Evidence("风险", -0.6)
    )
    segments = highlight(p)
    assert "".join(s.text for s in segments) == p.text
    assert [(s.text, s.mark) for s in segments if s.mark] == [("遙遙領先", "promo"), ("風險", "critical")]


def test_highlight_marks_negated_terms_by_their_sign() -> None:
    p = _passage("并非遥遥领先。", "并非遥遥领先。", Evidence("不…遥遥领先", -1.5))
    assert [(s.text, s.mark) for s in highlight(p) if s.mark] == [("遥遥领先", "critical")]


def test_highlight_leaves_text_whole_when_conversion_changed_length() -> None:
    p = _passage("滑鼠很好用。", "鼠标非常好用了。", Evidence("好用", 0.5))
    assert [(s.text, s.mark) for s in highlight(p)] == [("滑鼠很好用。", "")]


def test_tone_ranking_marks_sources_the_intervals_cannot_separate() -> None:
    def source(name: str, score: float, bounds: tuple[float, float] | None) -> SourceSummary:
        doc = CleanDocument(
            name, f"{name}.txt", name, None, None, None, None, "text", "simplified", "utf-8", 10, 10, (), ()
        )
        return SourceSummary(doc, Tone(score, 0.5), bounds)

    sources = [
        source("a", 0.3, (0.25, 0.35)),
        source("b", 0.7, (0.6, 0.8)),
        source("c", 0.65, (0.5, 0.75)),
        source("d", 0.45, (0.3, 0.58)),  # overlaps c but lies below b, the leader: a new group
        source("e", 0.2, None),  # too few passages for an interval: cannot be separated
    ]
    labels = {"a": "S1", "b": "S2", "c": "S3", "d": "S4", "e": "S5"}
    assert tone_ranking(sources, labels) == "S2 0.70 ≈ S3 0.65 > S4 0.45 ≈ S1 0.30 ≈ S5 0.20"


def test_split_topics_keeps_configured_and_the_most_shared_discovered() -> None:
    def topic(tid: str, origin: str, sources: int, passages: int) -> Topic:
        srcs = tuple(f"s{n}" for n in range(sources))
        return Topic(tid, tid, (), origin, tuple(f"p{n}" for n in range(passages)), srcs, ())

    topics = [topic("c", "configured", 2, 2)] + [
        topic(f"d{n}", "discovered", 2 + (n % 3), 2 + n) for n in range(1, MAX_SIDE_BY_SIDE + 4)
    ]
    main, minor = split_topics(topics)
    assert main[0].id == "c" and len(main) == MAX_SIDE_BY_SIDE + 1 and len(minor) == 3
    assert min(len(t.sources) for t in main[1:]) >= max(len(t.sources) for t in minor)
    assert [t.id for t in main] == [t.id for t in topics if t in main]  # report order kept


def _doc(source: str) -> CleanDocument:
    return CleanDocument(
        source, f"{source}.txt", "t", None, None, None, None, "text", "simplified", "utf-8", 1, 1, (), ()
    )


def test_claims_are_grouped_by_topic_in_topic_order_conflicts_first() -> None:
    claims = tuple(
        Claim(f"c{n}", source, f"{source}:p0", "…", "票价", value, unit, raw, qualifier, upper=upper)
        for n, (source, value, unit, raw, qualifier, upper) in enumerate(
            [
                ("a", 2.0, "元", "2元", "", None),
                ("b", 2.0, "元", "2元", "", None),
                ("a", 11.0, "%", "11%至13%", "", 13.0),
                ("b", 10.0, "%", "跌破10%", "under", None),
                ("a", 5.0, "个", "5个", "", None),
                ("b", 6.0, "个", "6个", "", None),
            ],
            start=1,
        )
    )
    comparisons = (
        ClaimComparison("毛利率", "conflict", ("c3", "c4"), "sources state different values", "margins"),
        ClaimComparison("票价", "agreement", ("c1", "c2"), "same value", "fares"),
        ClaimComparison("车站", "conflict", ("c5", "c6"), "sources state different values", ""),
        ClaimComparison("票价", "conflict", ("c1", "c2"), "sources state different values", "fares"),
    )
    topics = tuple(Topic(t, t.upper(), (), "configured", (), ("a", "b"), ()) for t in ("fares", "margins"))
    comparison = Comparison(
        "c",
        (),
        "h",
        BuildOptions(),
        tuple(SourceSummary(_doc(s), Tone(0.5, 0.5)) for s in "ab"),
        (),
        topics,
        (),
        (),
        claims,
        comparisons,
    )
    view = build_view(comparison, built_at="2026-01-01")
    assert [g.label for g in view.claim_groups] == ["FARES", "MARGINS", NO_SHARED_TOPIC]
    assert [c.kind for c in view.claim_groups[0].comparisons] == ["conflict", "agreement"]
    assert [r.value for r in view.claim_groups[1].comparisons[0].rows] == ["11–13%", "≤10%"]


def test_a_repost_is_marked_in_the_sources_table_with_its_original() -> None:
    sources = tuple(SourceSummary(_doc(s), Tone(0.5, 0.5)) for s in "ab")
    copies = (Republication("b", "a", 0.97),)
    comparison = Comparison("c", (), "h", BuildOptions(), sources, (), (), (), (), (), (), republications=copies)
    rows = build_view(comparison, built_at="2026-01-01").sources
    assert rows[0].republishes == ""
    assert rows[1].republishes.startswith("Republishes S1: 97% of its text")


def test_a_passage_another_source_prints_word_for_word_says_where_in_its_column() -> None:
    text = "据通报，11日11时40分，该校学生食用了配送的午餐。"
    passages = (
        Passage("a:p2", "a", 2, text, text, topics=("t",), verbatim_in=("b:p4", "b:p5")),
        Passage("b:p4", "b", 4, text[:12], text[:12], topics=("t",)),
        Passage("b:p5", "b", 5, text[12:], text[12:]),
    )
    topic = Topic("t", "午餐", (), "discovered", ("a:p2", "b:p4"), ("a", "b"), ())
    sources = tuple(SourceSummary(_doc(s), Tone(0.5, 0.5)) for s in "ab")
    comparison = Comparison("c", (), "h", BuildOptions(), sources, passages, (topic,), (), (), (), ())
    columns = build_view(comparison, built_at="2026-01-01").topics[0].columns
    assert [p.same_words for c in columns for p in c.passages] == ["S2 ¶4, ¶5", ""]


def test_claim_values_show_dates_and_times_of_day_as_written_forms() -> None:
    from compare.claims import CLOCK_UNIT, DATE_UNIT
    from compare.model import Claim
    from compare.report.view import _claim_value

    def claim(value: float, unit: str) -> Claim:
        return Claim(id="c1", source="a", passage="a:p0", text="", subject="", value=value, unit=unit, raw="")

    assert _claim_value(claim(20130710, DATE_UNIT)) == "2013年7月10日"
    assert _claim_value(claim(320, DATE_UNIT)) == "3月20日"  # no year stated
    assert _claim_value(claim(855, CLOCK_UNIT)) == "14:15"
