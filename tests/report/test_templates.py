"""Templates render a hand-built view; article text is escaped, never interpreted."""

from __future__ import annotations

from dataclasses import replace

from compare.report.render import render_html
from compare.report.view import (
    BlindspotRow,
    ClaimGroup,
    ClaimRow,
    ComparisonView,
    CoverageCell,
    CoverageRow,
    MinorTopic,
    PassageView,
    ReportView,
    Segment,
    SourceColumn,
    SourceRow,
    ToneCell,
    ToneRow,
    TopicSection,
)

HOSTILE = '<script>alert("x")</script><img src="http://example.com/t.png">'


def hand_built_view(text: str = "阿里云遥遥领先。") -> ReportView:
    source = SourceRow(
        label="S1",
        id="a",
        file="a.txt",
        title=HOSTILE,
        outlet="某报",
        url="https://example.com/a",
        script="简体 Simplified",
        lang="zh-Hans",
        encoding="utf-8",
        chars_in="1,000",
        chars_kept="900",
        kept_share="90%",
        removals=("boilerplate: 100 chars («分享至»)",),
        passages=3,
        tone="0.71",
        tone_width=71,
        tone_interval="0.60–0.80",
        interval_left=60,
        interval_width=20,
        company_tone="0.90",
    )
    passage = PassageView(
        "a:p0",
        0,
        (Segment("阿里云", ""), Segment("遥遥领先", "promo"), Segment(text, ""), Segment("“我们第一”", "company")),
        "0.80",
        "遥遥领先 +1.50",
        "S2 ¶4",
    )
    topic = TopicSection(
        "founding",
        "王坚与阿里云",
        "configured",
        "王坚、2009年",
        "S2",
        (SourceColumn("S1", "标题", "zh-Hans", "0.80", (passage,)),),
    )
    comparison = ComparisonView(
        "conflict",
        "调用价格",
        "sources state different values",
        (
            ClaimRow("S1", "0.3元", "3毛", "—", "降到了3毛钱", "zh-Hans"),
            ClaimRow("S2", "0.5元", "5毛", "—", "降到了5毛錢", "zh-Hant"),
        ),
    )
    return ReportView(
        title="Coverage comparison: t",
        corpus_name="t",
        built_at="2026-01-01T00:00:00Z",
        version="0.1.0",
        content_hash="abc",
        sources=(source,),
        source_labels=("S1",),
        tone_ranking="S1 0.71",
        tone_table=(ToneRow("王坚与阿里云", "configured", (ToneCell("0.80", "0.70–0.90", 4),)),),
        coverage=(CoverageRow("王坚与阿里云", "configured", (CoverageCell(1, "10%", 2, "0.80"),)),),
        blindspots=(BlindspotRow("S1", ("去IOE",), ("通义 · 开源",), 3),),
        topics=(topic,),
        minor_topics=(MinorTopic("d13", "智算 · 张北", "S1 ¶3 · S2 ¶7, ¶9"),),
        claim_groups=(ClaimGroup("王坚与阿里云", (comparison,)),),
        claims_total=2,
        skipped=("skipped x.pdf: not a .txt or .md article",),
    )


def test_report_renders_every_section() -> None:
    html = render_html(hand_built_view())
    for anchor in ('id="sources"', 'id="tone"', 'id="coverage"', 'id="topics"', 'id="claims"', 'id="method"'):
        assert anchor in html
    assert '<mark class="promo">遥遥领先</mark>' in html
    assert '<mark class="company">“我们第一”</mark>' in html
    assert "and 3 minor topics" in html
    assert "2 topics (1 side by side)" in html  # the cover counts every topic
    assert "智算 · 张北" in html and "S2 ¶7, ¶9" in html
    assert "same words as S2 ¶4" in html
    assert "0.60–0.80" in html and "0.70–0.90" in html and "S1 0.71" in html
    assert "去IOE" in html and "通义 · 开源" in html and "skipped x.pdf" in html
    assert 'lang="zh-Hant"' in html
    assert "<h3>王坚与阿里云</h3>" in html.split('id="claims"')[1]  # the claims table of a topic


def test_a_corpus_of_many_sources_prints_every_source_column_in_blocks() -> None:
    labels = tuple(f"S{n}" for n in range(1, 15))
    empty, covered = CoverageCell(0, "—", 0, "—"), CoverageCell(1, "10%", 2, "0.80")
    rows = (
        CoverageRow("只在前面", "configured", (covered,) + (empty,) * 13),
        CoverageRow("只在后面", "discovered", (empty,) * 13 + (covered,)),
    )
    tone = tuple(ToneRow(r.label, r.origin, tuple(ToneCell(c.tone, "—", 0) for c in r.cells)) for r in rows)
    view = replace(hand_built_view(), source_labels=labels, coverage=rows, tone_table=tone)
    blocks = view.matrix_blocks
    assert [b.caption for b in blocks] == ["S1–S12", "S13–S14"]
    assert [[r.label for r in b.coverage_rows] for b in blocks] == [["只在前面"], ["只在后面"]]
    assert [[r.label for r in b.tone_rows] for b in blocks] == [["只在前面"], ["只在后面"]]
    html = render_html(view)
    assert "Sources S13–S14" in html and html.count('<th class="source">S14</th>') == 2


def test_article_text_is_escaped() -> None:
    html = render_html(hand_built_view(text=HOSTILE))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_print_stylesheet_is_inline() -> None:
    html = render_html(hand_built_view())
    assert '<style media="print">' in html and "@page" in html
    assert "<link" not in html
