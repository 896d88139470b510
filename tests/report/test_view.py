"""View-model: formatting and highlight spans built before any template sees them."""

from __future__ import annotations

import pytest

from compare.model import Evidence, Passage, Tone
from compare.report.formatters import fmt_int, fmt_percent, fmt_value, fmt_weight
from compare.report.view import highlight


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
    return Passage("a:p0", "a", 0, text, simplified, tone=Tone(0.7, 0.9, evidence))


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
