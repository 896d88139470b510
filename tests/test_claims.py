"""Claims: numbers with units in passages, their subjects, and cross-source comparisons."""

from __future__ import annotations

import pytest

from compare.claims import compare_claims, extract_claims, find_quantities, parse_numeral
from compare.model import Claim, ClaimComparison, Passage
from compare.script import to_simplified

# --- parse_numeral ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3800", 3800.0),
        ("1.5", 1.5),
        ("1,000", 1000.0),
        ("两千", 2000.0),
        ("十五", 15.0),
        ("三千八百", 3800.0),
        ("一点五", 1.5),
        ("两千万", 2e7),
        ("10亿", 1e9),
        ("3万", 3e4),
        ("abc", None),
        ("", None),
    ],
)
def test_parse_numeral(text: str, expected: float | None) -> None:
    assert parse_numeral(text) == expected


def test_parse_numeral_decimal_before_wanyi() -> None:
    assert parse_numeral("1.5万亿") == 1.5e12


# --- find_quantities --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "value", "unit", "qualifier"),
    [
        ("10亿", 1e9, "", ""),
        ("3800亿元", 3.8e11, "元", ""),
        ("1.5万亿", 1.5e12, "", ""),
        ("1.5万亿元", 1.5e12, "元", ""),
        ("两千万", 2e7, "", ""),
        ("三千八百亿元", 3.8e11, "元", ""),
        ("1,000万元", 1e7, "元", ""),
        ("八千万美元", 8e7, "美元", ""),
        ("97%", 97.0, "%", ""),
        ("97％", 97.0, "%", ""),
        ("0.5元", 0.5, "元", ""),
        ("5毛", 0.5, "元", ""),
        ("5块", 5.0, "元", ""),
        ("三分之一", 33.33, "%", ""),
        ("十分之一", 10.0, "%", ""),
        ("12EFLOPS", 12.0, "EFLOPS", ""),
        ("2013年5月17日", 20130517.0, "date", ""),
        ("2024年", 20240000.0, "date", ""),
        ("30年", 30.0, "年", ""),  # a duration, not a year
        ("十五个", 15.0, "个", ""),
        ("10个亿", 1e9, "", ""),
        ("超过50%", 50.0, "%", "over"),
        ("约3800亿元", 3.8e11, "元", "approx"),
        ("近10亿", 1e9, "", "approx"),
        ("将近两千万", 2e7, "", "approx"),
        ("不到三十万人", 3e5, "人", "under"),
        ("1000多人", 1000.0, "人", "over"),
        ("高达97%", 97.0, "%", ""),
    ],
)
def test_find_quantities(clause: str, value: float, unit: str, qualifier: str) -> None:
    (quantity,) = find_quantities(clause)
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.qualifier) == (unit, qualifier)


def test_find_quantities_keeps_raw_text_and_offset() -> None:
    (quantity,) = find_quantities("阿里云宣布将投入超过3800亿元")
    assert quantity.raw == "超过3800亿元"
    assert quantity.start == len("阿里云宣布将投入")


def test_find_quantities_finds_several_in_reading_order() -> None:
    found = find_quantities("2024年5月，价格从0.02元降到0.0005元，降幅97%")
    assert [(q.value, q.unit) for q in found] == [(20240500.0, "date"), (0.02, "元"), (0.0005, "元"), (97.0, "%")]


@pytest.mark.parametrize(
    "clause",
    ["这是第四个数据中心", "第4个", "第十二次发布", "他是第一名", "一个问题", "开了三次会", "地铁7号线", "数字3800"],
)
def test_ordinals_small_word_counts_and_bare_numbers_are_not_claims(clause: str) -> None:
    assert find_quantities(clause) == []


@pytest.mark.parametrize(
    ("clause", "value", "unit", "qualifier"),
    [
        pytest.param("一半以上", 50.0, "%", "over", id="yiban-yishang"),
        pytest.param("两成", 20.0, "%", "", id="liang-cheng"),
        pytest.param("两毛五", 0.25, "元", "", id="liang-mao-wu"),
        pytest.param("百分之八十", 80.0, "%", "", id="baifenzhi"),
        pytest.param("50%以上", 50.0, "%", "over", id="postfix-yishang"),
        pytest.param("约为10亿元", 1e9, "元", "approx", id="yue-wei"),
        pytest.param("10亿元左右", 1e9, "元", "approx", id="postfix-zuoyou"),
    ],
)
def test_find_quantities_word_forms_and_suffix_qualifiers(clause: str, value: float, unit: str, qualifier: str) -> None:
    (quantity,) = find_quantities(clause)
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.qualifier) == (unit, qualifier)


# --- extract_claims and compare_claims ---------------------------------------------------------------


def _passages(*sources_and_texts: tuple[str, str]) -> list[Passage]:
    """One passage per (source, text); indexes count per source; Traditional text gets its Simplified form."""
    passages = []
    for source, text in sources_and_texts:
        index = sum(p.source == source for p in passages)
        passages.append(Passage(f"{source}:p{index}", source, index, text, to_simplified(text)))
    return passages


def _compare(*sources_and_texts: tuple[str, str]) -> tuple[tuple[Claim, ...], list[ClaimComparison]]:
    claims = extract_claims(_passages(*sources_and_texts))
    return claims, list(compare_claims(claims))


def test_extract_claims_fields() -> None:
    claims = extract_claims(_passages(("daily", "据介绍，7号线起步票价为2元，全程最高7元。")))
    assert [c.id for c in claims] == ["c1", "c2"]
    fare = claims[0]
    assert (fare.source, fare.passage) == ("daily", "daily:p0")
    assert fare.text == "7号线起步票价为2元"
    assert "票价" in fare.subject
    assert (fare.value, fare.unit, fare.raw, fare.qualifier, fare.time) == (2.0, "元", "2元", "", "")


def test_different_prices_for_the_same_thing_conflict() -> None:
    _, comparisons = _compare(("daily", "江州地铁7号线的起步票价为2元。"), ("post", "据介绍，7号线起步票价为3元。"))
    (comparison,) = comparisons
    assert comparison.kind == "conflict"
    assert comparison.claims == ("c1", "c2")
    assert "票价" in comparison.subject
    assert comparison.note == "sources state different values (daily: 2元; post: 3元)"


def test_same_price_agrees() -> None:
    _, comparisons = _compare(("daily", "江州地铁7号线的起步票价为2元。"), ("post", "记者了解到，7号线起步票价为2元。"))
    (comparison,) = comparisons
    assert comparison.kind == "agreement"
    assert comparison.note.startswith("same value")


def test_traditional_and_simplified_sources_are_compared() -> None:
    claims, comparisons = _compare(("daily", "李明的转会费为八千万元。"), ("herald", "李明的轉會費為八千萬元。"))
    assert claims[1].text == "李明的轉會費為八千萬元"  # shown in the source's own script
    assert claims[1].subject == claims[0].subject  # compared in Simplified form
    assert [c.kind for c in comparisons] == ["agreement"]


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("李明的转会费为八千万元。", "李明的转会费为八千零五十万元。", "agreement"),  # within 1%
        ("李明的转会费为八千万元。", "李明的转会费为八千五百万元。", "conflict"),
        ("李明的转会费近八千万元。", "李明的转会费近八千五百万元。", "agreement"),  # approximations: within 10%
        ("李明的转会费近八千万元。", "李明的转会费近一亿元。", "conflict"),
    ],
)
def test_agreement_tolerance_follows_stated_precision(first: str, second: str, kind: str) -> None:
    _, comparisons = _compare(("daily", first), ("post", second))
    assert [c.kind for c in comparisons] == [kind]


def test_different_stated_times_may_be_different_dates() -> None:
    _, comparisons = _compare(("daily", "阿里云2023年的营收为100亿元。"), ("post", "阿里云2024年的营收为120亿元。"))
    (comparison,) = comparisons
    assert comparison.kind == "conflict"
    assert "may be different dates" in comparison.note


def test_relative_time_words_count_as_stated_times() -> None:
    claims, comparisons = _compare(("daily", "去年阿里云的营收为100亿元。"), ("post", "今年阿里云的营收为120亿元。"))
    assert [c.time for c in claims] == ["去年", "今年"]
    assert "may be different dates" in comparisons[0].note


def test_claims_from_one_source_only_are_not_compared() -> None:
    claims, comparisons = _compare(
        ("daily", "江州地铁7号线的起步票价为2元。"), ("daily", "江州地铁7号线的起步票价为3元。")
    )
    assert len(claims) == 2
    assert comparisons == []


def test_claims_in_different_units_are_not_compared() -> None:
    _, comparisons = _compare(("daily", "李明的转会费为八千万元。"), ("post", "李明的转会费为一千万美元。"))
    assert comparisons == []


def test_first_claim_per_source_is_compared() -> None:
    _, comparisons = _compare(
        ("daily", "7号线起步票价为2元。"), ("daily", "7号线起步票价为5元。"), ("post", "7号线起步票价为2元。")
    )
    (comparison,) = comparisons
    assert comparison.kind == "agreement"
    assert comparison.claims == ("c1", "c3")


def test_conflicts_come_first() -> None:
    _, comparisons = _compare(
        ("daily", "该线路共设十八座车站。线路全长二十八公里。"),
        ("post", "该线路共设十八座车站。线路全长三十公里。"),
    )
    assert [c.kind for c in comparisons] == ["conflict", "agreement"]


@pytest.mark.parametrize(
    "text",
    ["这是公司第四个数据中心。", "2013年5月17日，阿里云在杭州成立。", "他说了一个故事，讲了三次。"],
    ids=["ordinal", "date-only", "small-word-counts"],
)
def test_sentences_without_comparable_quantities_give_no_claims(text: str) -> None:
    assert extract_claims(_passages(("daily", text))) == ()


@pytest.mark.parametrize(
    ("bound", "value"),
    [
        ("阿里云的市场份额超过50%。", "阿里云的市场份额为60%。"),
        ("阿里云的市场份额不到50%。", "阿里云的市场份额为40%。"),
    ],
    ids=["over", "under"],
)
def test_a_bound_and_a_value_inside_it_do_not_conflict(bound: str, value: str) -> None:
    """Regression: 超过50% and 60% are consistent, yet over/under are compared as if they were approximations."""
    _, comparisons = _compare(("daily", bound), ("post", value))
    assert [c.kind for c in comparisons] == ["agreement"]
