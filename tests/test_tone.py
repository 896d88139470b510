"""Tone: promotional-tone scores with evidence, negation, and the length-weighted aggregate."""

from __future__ import annotations

import math

import pytest

from compare.model import Evidence, Passage, Tone
from compare.script import to_simplified
from compare.tone import MAX_EVIDENCE, aggregate, lexicon, marker_hits, score_passages, score_text

PROMOTIONAL = "这款产品遥遥领先，是全球领先的世界级标杆，堪称奇迹。"
NEUTRAL = "公司今天发布了第三季度财报，营收为一百亿元。"
CRITICAL = "分析人士质疑公司的盈利能力，亏损扩大，前景存在风险和隐患。"


def _terms(text: str) -> dict[str, float]:
    return {e.term: e.weight for e in marker_hits(text, lexicon())}


def test_promotional_scores_above_neutral_above_critical() -> None:
    promotional, neutral, critical = (score_text(t).score for t in (PROMOTIONAL, NEUTRAL, CRITICAL))
    assert promotional > neutral > critical
    assert promotional > 0.5 > critical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这个方案领先。", {"领先": 0.6}),
        ("这个方案并不领先。", {"不…领先": -0.6}),
        ("这不是奇迹。", {"不…奇迹": -1.0}),
        ("没有风险。", {"不…风险": 0.6}),
        ("前景不确定。", {"不确定": -0.5}),  # the 不 inside a marker does not negate it
        ("全球领先。", {"全球领先": 1.2}),  # longest match only: 领先 is not counted again
        ("今天天气晴。", {}),
    ],
)
def test_marker_hits(text: str, expected: dict[str, float]) -> None:
    assert _terms(text) == expected


def test_negation_lowers_a_promotional_score() -> None:
    assert score_text("这个方案并不领先。").score < score_text("这个方案领先。").score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公司不断突破。", {"突破": 0.5}),  # 不断 = "continuously"
        ("产品不仅领先，而且便宜。", {"领先": 0.6}),  # 不仅 = "not only"
        ("无疑是最大的。", {"无疑": 0.6, "最大": 0.4}),  # 无 belongs to the marker 无疑
    ],
    ids=["bu-duan", "bu-jin", "wu-yi"],
)
def test_negation_words_inside_other_words_do_not_flip_a_marker(text: str, expected: dict[str, float]) -> None:
    """Regression: any 不/无 within two characters flips a marker, even in 不断, 不仅 or another marker."""
    assert _terms(text) == expected


def test_evidence_lists_terms_with_signed_weights() -> None:
    promotional = score_text(PROMOTIONAL).evidence
    critical = score_text(CRITICAL).evidence
    assert Evidence("遥遥领先", 1.5) in promotional
    assert Evidence("全球领先", 1.2) in promotional
    assert {Evidence("质疑", -0.8), Evidence("隐患", -0.7), Evidence("亏损", -0.6), Evidence("风险", -0.6)} <= set(
        critical
    )
    for evidence in (promotional, critical):
        assert "snownlp" in [e.term for e in evidence]
        weights = [abs(e.weight) for e in evidence]
        assert weights == sorted(weights, reverse=True)
        assert len(evidence) <= MAX_EVIDENCE


def test_evidence_is_capped() -> None:
    text = "遥遥领先，首屈一指，独一无二，里程碑，革命性，碾压，脱颖而出，当之无愧，无可替代，世界级。"
    assert len(score_text(text).evidence) == MAX_EVIDENCE


@pytest.mark.parametrize("text", [PROMOTIONAL, NEUTRAL, CRITICAL])
def test_score_is_the_logistic_of_the_evidence_weights(text: str) -> None:
    tone = score_text(text)
    assert len(tone.evidence) < MAX_EVIDENCE  # nothing was cut off
    assert tone.score == pytest.approx(1 / (1 + math.exp(-sum(e.weight for e in tone.evidence))), abs=1e-4)


@pytest.mark.parametrize("text", ["", "！！！", "今天天气晴。", "北京地铁十九号线今天开通", PROMOTIONAL, CRITICAL])
def test_scores_are_in_unit_interval(text: str) -> None:
    tone = score_text(text)
    assert 0.0 <= tone.score <= 1.0
    assert 0.0 <= tone.sentiment <= 1.0


def test_empty_text_is_neutral() -> None:
    assert score_text("") == Tone(0.5, 0.5, (Evidence("snownlp", 0.0),))


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("這款產品遙遙領先，是全球領先的世界級標杆，堪稱奇蹟。", PROMOTIONAL),
        ("分析人士質疑公司的盈利能力，虧損擴大，前景存在風險和隱患。", CRITICAL),
    ],
)
def test_traditional_converted_scores_like_simplified(traditional: str, simplified: str) -> None:
    converted = score_text(to_simplified(traditional))
    expected = score_text(simplified)
    assert converted.score == pytest.approx(expected.score, abs=0.01)
    assert {e.term for e in converted.evidence} - {"snownlp"} == {e.term for e in expected.evidence} - {"snownlp"}
    assert len(expected.evidence) > 1  # the lexicon fired, so the comparison is not neutral against neutral


def _passage(index: int, text: str, tone: Tone | None) -> Passage:
    return Passage(f"a:p{index}", "a", index, text, text, tone=tone)


def test_score_passages_fills_tone() -> None:
    scored = score_passages([_passage(0, PROMOTIONAL, None), _passage(1, CRITICAL, None)])
    assert [p.tone for p in scored] == [score_text(PROMOTIONAL), score_text(CRITICAL)]


def test_aggregate_is_length_weighted() -> None:
    short = _passage(0, "很好。" * 5, Tone(1.0, 0.8))  # 15 characters
    long = _passage(1, "一般。" * 15, Tone(0.0, 0.2))  # 45 characters
    assert aggregate([short, long]) == Tone(0.25, 0.35)


def test_aggregate_ignores_unscored_passages_and_is_neutral_without_any() -> None:
    scored = _passage(0, "很好。", Tone(0.9, 0.7))
    assert aggregate([scored, _passage(1, "一般。" * 50, None)]) == Tone(0.9, 0.7)
    assert aggregate([]) == Tone(0.5, 0.5)
