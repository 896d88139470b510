"""Tone: lexicon hits and negation, voices (attribution), explained scores, aggregates and intervals."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from compare.model import Passage, Tone
from compare.tone import (
    COMPANY,
    MAX_EVIDENCE,
    OTHER,
    OUTLET,
    aggregate,
    company_people,
    interval,
    lexicon,
    lexicon_hits,
    model,
    score_passages,
    score_text,
    signals,
    split_voices,
    voice_runs,
)

ROOT = Path(__file__).resolve().parent.parent
PROMOTIONAL = "这款产品遥遥领先，是全球领先的世界级标杆，堪称奇迹。"
NEUTRAL = "公司今天发布了第三季度财报，营收为一百亿元，同比增长12%。"
CRITICAL = "分析人士的质疑并非没有道理：公司亏损扩大，前景存在风险和隐患。"


def _hits(text: str) -> dict[str, str]:
    return {h.term: h.signal for h in lexicon_hits(text, lexicon())}


def test_promotional_scores_above_neutral_above_critical() -> None:
    promotional, neutral, critical = (score_text(t).score for t in (PROMOTIONAL, NEUTRAL, CRITICAL))
    assert promotional > 0.5 > neutral > critical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这个方案领先。", {"领先": "superlative"}),
        ("这个方案并不领先。", {"不…领先": "critical"}),
        ("这谈不上革命性的突破。", {"不…革命性": "critical"}),
        ("这不是奇迹。", {"不…奇迹": "critical"}),
        ("没有风险。", {"不…风险": "reassurance"}),
        ("前景不确定。", {"不确定": "critical"}),  # the 不 inside a term does not negate it
        ("全球领先。", {"全球领先": "superlative"}),  # longest match only: 领先 is not counted again
        ("公司不断突破，必将成功。", {"必将": "certainty", "成功": "praise"}),  # 不断 = "continuously"
        ("产品不仅领先，而且便宜。", {"领先": "superlative"}),  # 不仅 = "not only"
        ("这家公司有望扭亏。", {"有望": "hedge"}),
        ("这款“遥遥领先”的芯片。", {"不…遥遥领先": "critical"}),  # praise in scare quotes is held at arm's length
        ("诠释了“风雨同行、安澜守护”的承诺。", {"守护": "framing"}),  # a slogan of listed phrases is not a scare quote
        ("可细看财报，问题不少。", {"可": "contrast", "细看": "critical", "问题": "critical"}),
        ("可以说，这很好。", {}),  # 可以 is not "but"
        ("今天天气晴。", {}),
    ],
)
def test_lexicon_hits_and_negation(text: str, expected: dict[str, str]) -> None:
    assert _hits(text) == expected


def test_a_run_of_exclamation_marks_is_one_exclamation() -> None:
    assert signals(["厂里在拉警报！！！"]).values["praise"] == signals(["厂里在拉警报！"]).values["praise"] > 0


def test_a_messages_time_stamp_states_no_figure() -> None:
    assert signals(["2025-03-12 06:55 陈姐：孩子留院观察了"]).values["figures"] == 0
    assert signals(["[00:12:31] 主持人：票房差不多20亿"]).values["figures"] == 1


def test_a_sales_pitch_in_the_outlets_voice_is_promotional() -> None:
    pitch = "即日起至3月31日，新开通手机银行的用户，可领取最高188元安全好礼，名额有限，先到先得！"
    report = "银行表示，3月31日前新开通手机银行的用户可获赠最高188元的礼品。"
    assert score_text(pitch).score > 0.5 > score_text(report).score


def test_negation_lowers_a_promotional_score() -> None:
    assert score_text("这款芯片并非遥遥领先。").score < score_text("这款芯片遥遥领先。").score


@pytest.mark.parametrize(
    ("sentence", "voices"),
    [
        # reported speech: the rest of the sentence is the speaker's
        ("公司CEO张明表示，产品全球领先。", [(OUTLET, ""), (COMPANY, "公司CEO张明")]),
        ("分析师认为，这一计划存在风险。", [(OUTLET, ""), (OTHER, "分析师")]),
        ("据公司介绍，芯片性能提升了30%。", [(OUTLET, ""), (COMPANY, "公司")]),
        # quotes: speaker before (colon) or after; a known person of the company
        ("张明说：“这是我们最好的一年。”", [(OUTLET, ""), (COMPANY, "张明")]),
        ("“我们不后悔”，张明说。", [(COMPANY, "张明"), (OUTLET, "")]),
        # scare quotes around a term stay the outlet's words
        ("公司提出“去IOE”的口号。", [(OUTLET, "")]),
        # the writer speaking of themself, and endorsement, are the outlet's voice
        ("笔者认为，这家公司准备最充分。", [(OUTLET, ""), (OUTLET, "笔者")]),
        ("正如张明所说，产品遥遥领先。", [(OUTLET, "")]),
        # 来说 / 可以说 are not speech
        ("对于公司来说，这些数据非常优质。", [(OUTLET, "")]),
    ],
)
def test_split_voices(sentence: str, voices: list[tuple[str, str]]) -> None:
    runs = split_voices(sentence, frozenset({"张明"}))
    assert [(voice, speaker) for _, voice, speaker in runs] == voices
    assert "".join(text for text, _, _ in runs) == sentence


def test_a_pronoun_speaker_takes_the_last_named_speakers_voice() -> None:
    runs = voice_runs("集团董事长李华表示，今年将扩产。他指出，新工厂遥遥领先。", frozenset())
    assert [(v, s) for _, v, s in runs] == [(OUTLET, ""), (COMPANY, "集团董事长李华"), (OUTLET, ""), (COMPANY, "他")]
    runs = voice_runs("集团董事长李华表示，今年将扩产。据他介绍，新工厂遥遥领先。", frozenset())
    assert [(v, s) for _, v, s in runs][-1] == (COMPANY, "他")


@pytest.mark.parametrize(
    ("paragraph", "voice", "speaker"),
    [
        ("周牧之：不会。我们会保留这个品牌，它遥遥领先。", COMPANY, "周牧之"),  # a company person, answering
        ("答：问题出在第二节主发动机。", OTHER, "答"),
        ("【同期声】学生家长 刘女士：下午接到电话就赶来了。", OTHER, "学生家长 刘女士"),
        ("问：这次失利影响有多大？", OUTLET, ""),  # the interviewer's question is the outlet's
        ("先说结论：快，是真快。", OUTLET, ""),  # a lead-in, not a speaker
        ("10:12 宣判结束。", OUTLET, ""),
    ],
)
def test_an_interview_answer_or_transcript_line_is_its_speakers(paragraph: str, voice: str, speaker: str) -> None:
    runs = voice_runs(paragraph, frozenset({"周牧之"}))
    assert (runs[0][1], runs[0][2]) == (voice, speaker)
    assert "".join(r[0] for r in runs) == paragraph


def test_company_people_and_organisations() -> None:
    texts = ["阿里巴巴集团CEO王磊宣布新品，阿里云CTO周靖人到场。", "阿里发布财报。", "阿里股价上涨。", "阿里回应。"]
    people = company_people(texts)
    assert {"王磊", "周靖人", "阿里"} <= people  # 周靖人 is split and mis-tagged by jieba; 阿里 is named 4 times
    runs = voice_runs("阿里认为，降低成本要靠公共云。周靖人也表示，新模型领先。分析师称，前景不明。", people)
    assert [(v, s) for _, v, s in runs if s] == [(COMPANY, "阿里"), (COMPANY, "周靖人也"), (OTHER, "分析师")]


def test_attributed_praise_is_the_companys_voice_not_the_outlets() -> None:
    quoted = score_text("公司CEO张明表示，这款产品遥遥领先，是全球领先的世界级标杆。")
    own = score_text("这款产品遥遥领先，是全球领先的世界级标杆。")
    assert quoted.score < 0.5 < own.score
    assert quoted.company_score is not None and quoted.company_score > 0.5
    assert quoted.company_chars > quoted.own_chars
    assert not any(e.term == "遥遥领先" for e in quoted.evidence)
    company = [s for s in quoted.spans if s.voice == COMPANY]
    assert company and any(e.term == "遥遥领先" for e in company[0].evidence)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("這款產品遙遙領先，是全球領先的世界級標杆，堪稱奇蹟。", PROMOTIONAL),
        ("分析人士的質疑並非沒有道理：公司虧損擴大，前景存在風險和隱患。", CRITICAL),
    ],
)
def test_traditional_input_scores_like_simplified(traditional: str, simplified: str) -> None:
    converted, expected = score_text(traditional), score_text(simplified)
    assert converted.score == pytest.approx(expected.score, abs=0.02)
    assert {e.term for e in converted.evidence} - {"snownlp"} == {e.term for e in expected.evidence} - {"snownlp"}
    assert len(expected.evidence) > 1  # the lexicon fired, so the comparison is not neutral against neutral


def test_evidence_explains_the_score() -> None:
    for text in (PROMOTIONAL, NEUTRAL, CRITICAL):
        tone = score_text(text)
        assert len(tone.evidence) < MAX_EVIDENCE  # nothing was cut off
        log_odds = model().intercept + sum(e.weight for e in tone.evidence)
        assert tone.score == pytest.approx(1 / (1 + math.exp(-log_odds)), abs=2e-3)
        weights = [abs(e.weight) for e in tone.evidence]
        assert weights == sorted(weights, reverse=True)


def test_evidence_is_capped() -> None:
    text = "遥遥领先，首屈一指，独一无二，里程碑，革命性，碾压，脱颖而出，当之无愧，无可替代，世界级，划时代。"
    assert len(score_text(text).evidence) == MAX_EVIDENCE


def test_empty_passage_has_the_base_score_and_no_weight() -> None:
    tone = score_text("")
    assert tone.score == pytest.approx(1 / (1 + math.exp(-model().intercept)), abs=1e-4)
    assert (tone.own_chars, tone.company_score, tone.evidence, tone.spans) == (0, None, (), ())
    assert aggregate([Passage("a:p0", "a", 0, "", "", tone=tone)]).own_chars == 0


def test_one_sentence_passage_is_one_span_scored_like_the_passage() -> None:
    tone = score_text(PROMOTIONAL)
    assert len(tone.spans) == 1
    assert tone.spans[0].score == tone.score
    assert tone.own_chars == len(PROMOTIONAL)


@pytest.mark.parametrize("text", ["", "！！！", "今天天气晴。", "北京地铁十九号线今天开通", PROMOTIONAL, CRITICAL])
def test_scores_are_in_unit_interval(text: str) -> None:
    tone = score_text(text)
    assert 0.0 <= tone.score <= 1.0
    assert 0.0 <= tone.sentiment <= 1.0


def _passage(index: int, text: str, tone: Tone | None) -> Passage:
    return Passage(f"a:p{index}", "a", index, text, text, tone=tone)


def test_score_passages_fills_tone() -> None:
    scored = score_passages([_passage(0, PROMOTIONAL, None), _passage(1, CRITICAL, None)])
    assert [p.tone.score if p.tone else None for p in scored] == [
        score_text(PROMOTIONAL).score,
        score_text(CRITICAL).score,
    ]


def test_aggregate_is_weighted_by_own_voice_length() -> None:
    short = _passage(0, "x", Tone(1.0, 0.8, own_chars=15))
    long = _passage(1, "x", Tone(0.0, 0.2, own_chars=45))
    all_quoted = _passage(2, "x", Tone(0.9, 0.9, own_chars=0, company_score=0.8, company_chars=30))
    total = aggregate([short, long, all_quoted, _passage(3, "x", None)])
    assert (total.score, total.sentiment, total.own_chars) == (0.25, 0.35, 60)
    assert (total.company_score, total.company_chars) == (0.8, 30)


def test_interval_is_deterministic_and_brackets_the_score() -> None:
    passages = [
        _passage(i, "x", Tone(score, 0.5, own_chars=10 + i)) for i, score in enumerate([0.1, 0.2, 0.8, 0.9, 0.3])
    ]
    low, high = interval(passages) or (0.0, 0.0)
    assert low < aggregate(passages).score < high
    assert interval(passages) == (low, high)
    steady = [_passage(i, "x", Tone(0.4, 0.5, own_chars=10)) for i in range(5)]
    assert interval(steady) == (0.4, 0.4)
    assert interval(passages[:1]) is None


def test_packaged_model_is_the_fit_on_the_development_set() -> None:
    """bench/train_tone.py refits the weights from tests/data/tone/dev.jsonl; the shipped file must match."""
    done = subprocess.run(
        [sys.executable, "bench/train_tone.py", "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
