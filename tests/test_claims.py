"""Claims: numbers with units in passages, their subjects, and cross-source comparisons."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.claims import (
    compare_claims,
    extract_claims,
    find_quantities,
    parse_numeral,
    quoted_names,
    sites,
    values_agree,
)
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
        ("十八亿三千六百万元", 1.836e9, "元", ""),
        ("十二亿零六百万元", 1.206e9, "元", ""),
        # a 万 with thousands after it is one number, in words or digits
        ("罚款八十六万四千元", 8.64e5, "元", ""),
        ("一万零五百人", 10500.0, "人", ""),
        ("十二万七千余人", 1.27e5, "人", "over"),
        ("5万3千元", 5.3e4, "元", ""),
        ("赔偿1万2千5百元", 1.25e4, "元", ""),
        # thousands set apart by a space, as Hong Kong's government writes them
        ("受影响客户人数约为128 000名", 1.28e5, "人", "approx"),
        ("共接获约4 200宗查询", 4200.0, "件", "approx"),
        # Hong Kong slang for renminbi and Hong Kong dollars
        ("上映首日已收4.38亿人仔", 4.38e8, "元", ""),
        ("赔偿500港纸", 500.0, "港元", ""),
        ("不超过2亿元", 2e8, "元", "under"),
        ("不少于3000人", 3000.0, "人", "over"),
        ("1小时19分", 79.0, "分钟", ""),
        ("两个小时十五分钟", 135.0, "分钟", ""),
        ("召回86.4万盒", 8.64e5, "盒", ""),
        ("每公里造价4.3亿元", 4.3e8, "元/公里", ""),
        ("折合每次约126元", 126.0, "元/次", "approx"),
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
        # the numeral forms of issue 6, in running text
        ("阿里每年砸下10亿", 1e9, "/年", ""),
        ("将在未来三年投入3800亿元", 3.8e11, "元", ""),
        ("市场规模达1.5万亿", 1.5e12, "", ""),
        ("用户达两千万", 2e7, "", ""),
        ("通义千问API价格下降97%以上", 97.0, "%", "over"),
        ("每千次调用只要0.5元", 0.5, "元", ""),
        ("张北总建设规模是12EFLOPS的AI算力", 12.0, "EFLOPS", ""),
        # ranges and approximations: 超过, 近, 约, 多 and their kin
        ("超过3800亿元", 3.8e11, "元", "over"),
        ("逾400毫米", 400.0, "毫米", "over"),
        ("突破4000万次", 4e7, "次", "over"),
        ("至少三天", 3.0, "天", "over"),
        ("30多万", 3e5, "", "over"),
        ("300多个", 300.0, "个", "over"),
        ("12000余名", 12000.0, "人", "over"),
        ("26万元出头", 2.6e5, "元", "over"),
        ("近10亿", 1e9, "", "approx"),
        ("接近100毫米", 100.0, "毫米", "approx"),
        ("约3,000宗", 3000.0, "件", "approx"),  # 宗 counts cases, like 件
        ("大约40个", 40.0, "个", "approx"),
        ("跌破10%", 10.0, "%", "under"),
        ("不足一成", 10.0, "%", "under"),
        # units of other kinds
        ("418.6毫米", 418.6, "毫米", ""),
        ("约60厘米", 60.0, "厘米", "approx"),
        ("约41万辆", 4.1e5, "辆", "approx"),
        ("18个月", 18.0, "个月", ""),
        ("调价前30日内", 30.0, "天", ""),  # 日 before 内 is a span, not a day of the month
        ("5,000元人民币", 5000.0, "元", ""),
        ("3.5万元人民币", 35000.0, "元", ""),
        ("预训练数据超过 20 万亿 tokens", 2e13, "token", "over"),
        ("每秒1800立方米", 1800.0, "立方米/秒", ""),
        ("约每秒1,800立方米", 1800.0, "立方米/秒", "approx"),
        ("最大每小时雨量接近100毫米", 100.0, "毫米/小时", "approx"),
        ("一个万亿的市场", 1e12, "", ""),
        ("单卡售价约新台币56万元", 560000.0, "新台币", "approx"),  # a currency named before 元
        ("日均约4万人次", 40000.0, "人次/天", "approx"),  # a daily average is a rate per day
        ("港币3亿元", 3e8, "港元", ""),
        ("起跑时气温已达摄氏28度", 28.0, "℃", ""),  # 度 in a clause about the weather
        ("最高气温来到35.6度", 35.6, "℃", ""),
        ("一名34岁男性选手", 34.0, "岁", ""),
        ("该芯片采用7纳米工艺制造", 7.0, "纳米", ""),  # a process node, stated before its noun
        ("以7奈米制程生产", 7.0, "纳米", ""),
        ("单卡功耗600W", 600.0, "瓦", ""),
        ("救护车约23分钟后才抵达", 23.0, "分钟", "approx"),  # how long it took, not a time frame
        ("全马报名费两百块", 200.0, "元", ""),
        ("7时30分鸣枪起跑", 450.0, "时刻", ""),  # a time of day, in minutes after midnight
        ("早上七点半发枪", 450.0, "时刻", ""),
        ("延至下午2时15分宣告不治", 855.0, "时刻", ""),
    ],
)
def test_find_quantities(clause: str, value: float, unit: str, qualifier: str) -> None:
    (quantity,) = find_quantities(clause)
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.qualifier) == (unit, qualifier)


@pytest.mark.parametrize(
    ("clause", "low", "high", "unit"),
    [
        ("一共撤了五六千人", 5000, 6000, "人"),
        ("两三万人到场", 20000, 30000, "人"),
        ("园区有二三十家企业", 20, 30, "家"),
        ("凌晨排了七八千场", 7000, 8000, "场"),
    ],
)
def test_two_neighbouring_digits_before_a_magnitude_are_a_vague_range(
    clause: str, low: float, high: float, unit: str
) -> None:
    (quantity,) = find_quantities(clause)
    assert (quantity.value, quantity.upper, quantity.unit, quantity.qualifier) == (low, high, unit, "approx")


@pytest.mark.parametrize("clause", ["他去了三四个地方", "两三年后", "六一儿童节"])
def test_neighbouring_digits_without_a_magnitude_are_no_figure(clause: str) -> None:
    assert find_quantities(clause) == []


@pytest.mark.parametrize(
    ("clause", "value", "unit"),
    [
        ("逾4千名居民被疏散", 4000, "人"),
        ("投资3千万元", 3e7, "元"),
        ("全长3千米", 3, "公里"),
        ("装机900千瓦", 900, "千瓦"),
    ],
)
def test_a_thousand_after_arabic_digits_is_a_magnitude_but_not_in_a_unit(clause: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(clause)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_find_quantities_keeps_raw_text_and_offset() -> None:
    (quantity,) = find_quantities("阿里云宣布将投入超过3800亿元")
    assert quantity.raw == "超过3800亿元"
    assert quantity.start == len("阿里云宣布将投入")


def test_find_quantities_finds_several_in_reading_order() -> None:
    found = find_quantities("2024年5月，价格从0.02元降到0.0005元，降幅97%")
    assert [(q.value, q.unit) for q in found] == [(20240500.0, "date"), (0.02, "元"), (0.0005, "元"), (97.0, "%")]


@pytest.mark.parametrize(
    "clause",
    [
        "这是第四个数据中心",
        "市值一周蒸发",  # the span an event happened in, not a figure
        "三年投入巨资",
        "第4个",
        "第十二次发布",
        "他是第一名",
        "一个问题",
        "开了三次会",
        "地铁7号线",
        "数字3800",
        "模型这一块",  # 块 of a Chinese numeral is "a piece", not money
        "几十亿人观看",  # vague: 几十, 数十, 上百
        "实现数十年的领先",
        "打算两三年内换车",  # digits side by side: a vague range
        "零一万物",  # a company name
        "周六一天就接待了四百多组",
        "阿里15年前创办阿里云",  # a duration that dates something is a time reference
        "未来三年在这一块",
        "一年来",
        "在那之后的十年里",
        "较前一周增加",
        "24小时降雨量",  # a duration describing a noun
        "15日清晨开闸",  # a day of the month
        "千万不要发动引擎",
        "千家万户",
        "百万token调用",
        "Qwen2.5全新升级",  # a model name
        "22年在北京冬奥",  # a two-digit year opening a clause
        "07年左右",
        "角度为30度",  # 度 outside a clause about temperature
        "他提出3点建议",  # an hour alone, without the part of the day, is not a time
    ],
)
def test_ordinals_small_word_counts_and_bare_numbers_are_not_claims(clause: str) -> None:
    assert find_quantities(clause) == []


@pytest.mark.parametrize(
    ("clause", "low", "high", "unit"),
    [
        ("11%至13%之间", 11.0, 13.0, "%"),
        ("六到八周", 6.0, 8.0, "周"),
        ("10到20亿元", 1e9, 2e9, "元"),
        ("3-5年", 3.0, 5.0, "年"),
    ],
)
def test_ranges(clause: str, low: float, high: float, unit: str) -> None:
    (quantity,) = find_quantities(clause)
    assert (quantity.value, quantity.upper, quantity.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("clause", "values", "aspects"),
    [
        ("官方指导价下调12%", [12.0], ["change"]),
        ("调用价格下降了97%", [97.0], ["change"]),
        ("同比增长89%", [89.0], ["change:yoy"]),
        ("营收环比下降3%", [3.0], ["change:mom"]),
        ("门店客流增加约一倍", [100.0], ["change"]),  # 增加一倍 is +100%
        ("最高让利达3.6万元", [36000.0], ["change"]),
        ("毛利率或由约18%降至11%至13%之间", [18.0, 11.0], ["from", ""]),  # 降至 gives a level
        ("起价从将近30万元降到26万元出头", [300000.0, 260000.0], ["from", ""]),
        ("资产负债率已升至78%", [78.0], [""]),
        ("看车人数大约翻了三倍", [3.0], [""]),  # 翻三倍 is ambiguous: kept as a multiple
    ],
)
def test_changes_and_earlier_values_are_told_apart_from_levels(
    clause: str, values: list[float], aspects: list[str]
) -> None:
    found = find_quantities(clause)
    assert [q.value for q in found] == values
    assert [q.aspect for q in found] == aspects


@pytest.mark.parametrize(
    ("clause", "value", "unit", "qualifier"),
    [
        pytest.param("一半以上", 50.0, "%", "over", id="yiban-yishang"),
        pytest.param("两成", 20.0, "%", "", id="liang-cheng"),
        pytest.param("差不多三万台", 30000.0, "台", "approx", id="chabuduo"),
        pytest.param("八成五的家庭", 85.0, "%", "", id="ba-cheng-wu"),
        pytest.param("两毛五", 0.25, "元", "", id="liang-mao-wu"),
        pytest.param("百分之八十", 80.0, "%", "", id="baifenzhi"),
        pytest.param("按年增长百分之十二点三", 12.3, "%", "", id="baifenzhi-with-decimal"),
        pytest.param("成交均价为17960元/平方米", 17960.0, "元/平方米", "", id="slash-rate"),
        pytest.param("每平米2万元", 20000.0, "元/平方米", "", id="per-pingmi"),
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


def test_a_repost_repeating_a_figure_is_not_a_second_source() -> None:
    claims = extract_claims(
        _passages(
            ("daily", "江州地铁7号线的起步票价为2元。"),
            ("portal", "江州地铁7号线的起步票价为2元。"),
            ("post", "据介绍，7号线起步票价为3元。"),
        )
    )
    assert len(compare_claims(claims)) == 1  # without knowing the copy: one fact stated by all three
    (comparison,) = compare_claims(claims, voice={"portal": "daily"})
    assert comparison.kind == "conflict"
    assert {claims[int(c[1:]) - 1].source for c in comparison.claims} == {"daily", "post"}
    # the original and its copy alone compare nothing
    assert compare_claims(claims[:2], voice={"portal": "daily"}) == ()


def test_an_amount_each_and_the_same_amount_without_each_compare() -> None:
    _, comparisons = _compare(("daily", "景区向滞留游客每人发放500元慰问金。"), ("post", "运营公司发放500元慰问金。"))
    assert [c.kind for c in comparisons] == ["agreement"]
    _, comparisons = _compare(("daily", "景区向每名滞留游客发放500元慰问金。"), ("post", "运营公司发放300元慰问金。"))
    assert [c.kind for c in comparisons] == ["conflict"]


def test_a_total_is_not_an_amount_each() -> None:
    _, comparisons = _compare(
        ("daily", "航空公司向每名旅客发放2000元慰问金。"), ("post", "航空公司共发放慰问金约32.4万元。")
    )
    assert comparisons == []


def test_a_stock_code_is_not_what_a_figure_measures() -> None:
    _, comparisons = _compare(("brief", "恒澜银行(2689.HK)周二收跌6.2%。"), ("paper", "恆瀾銀行股價18日終場收跌6.2%。"))
    assert [c.kind for c in comparisons] == ["agreement"]
    assert "HK" not in comparisons[0].subject


def test_a_phone_number_is_not_a_spaced_figure() -> None:
    assert find_quantities("查詢熱線2838 6611") == []


def test_the_same_approximate_figure_to_three_digits_ties_two_statements() -> None:
    _, comparisons = _compare(
        ("bank", "根據調查結果，受影響客戶約128,000名。"), ("brief", "公司周一披露，受影响客户约12.8万名。")
    )
    assert [c.kind for c in comparisons] == ["agreement"]


def test_words_for_a_fine_are_one_subject() -> None:
    _, comparisons = _compare(
        ("daily", "省电影局对金幕院线罚款86.4万元。"), ("post", "省電影局給金幕院線開出八十六萬四千元罰單。")
    )
    assert [c.kind for c in comparisons] == ["agreement"]


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
        ("李明的转会费近八千万元。", "李明的转会费近八千一百万元。", "agreement"),  # 近八千万 stands for ±5%
        ("李明的转会费近八千万元。", "李明的转会费近八千五百万元。", "conflict"),  # 近八千五百万 is precise to 百万
        ("李明的转会费近八千万元。", "李明的转会费近一亿元。", "conflict"),
        # a compound numeral is as precise as its last digit: 约八万五千 is not about 九万
        ("李明的转会费约八万五千元。", "李明的转会费约8.5万元。", "agreement"),
        ("李明的转会费约八万五千元。", "李明的转会费约8.9万元。", "conflict"),
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


def test_one_claim_per_source_is_compared() -> None:
    _, comparisons = _compare(
        ("daily", "江州地铁7号线起步票价为2元。"),
        ("daily", "江州地铁7号线起步票价为5元。"),
        ("post", "江州地铁7号线起步票价为2元。"),
    )
    (comparison,) = comparisons
    assert comparison.kind == "agreement"
    assert comparison.claims == ("c1", "c3")


def test_conflicts_come_first() -> None:
    _, comparisons = _compare(
        ("daily", "江州地铁7号线共设十八座车站，线路全长二十八公里。"),
        ("post", "7号线共设十八座车站，线路全长三十公里。"),
    )
    assert [c.kind for c in comparisons] == ["conflict", "agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "这是公司第四个数据中心。",
        "2013年5月17日，阿里云在杭州举办大会。",
        "他说了一个故事，讲了三次。",
        "两名记者赶到现场。",
    ],
    ids=["ordinal", "date-only", "small-word-counts", "one-or-two-people-in-words"],
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


# --- subject matching across phrasing and scripts ----------------------------------------------------


def test_the_same_distinctive_figure_is_evidence_of_one_fact() -> None:
    from compare.claims import same_distinctive_figure, significant_digits

    assert [significant_digits(r) for r in ("1,286亿元", "29.34元", "2800万", "一千三百亿", "0.25元")] == [
        4,
        4,
        2,
        0,
        2,
    ]
    claims, comparisons = _compare(("daily", "该项目总投资1286亿元。"), ("post", "项目总投资达1,286亿元。"))
    assert same_distinctive_figure(*claims) and [c.kind for c in comparisons] == ["agreement"]
    claims, _ = _compare(("daily", "该项目总投资1300亿元。"), ("post", "项目总投资达1,300亿元。"))
    assert not same_distinctive_figure(*claims)  # a round figure: two sources may print it for two things


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        pytest.param(
            "国内超过一半的AI大模型公司都在用华为云。",
            "华为云承接了国内一半以上的AI大模型。",
            "agreement",
            id="makers-of-a-thing-count-as-the-thing",
        ),
        pytest.param(
            "截至15日傍晚，当局已转移12000余名居民。",
            "全市共紧急转移安置群众约1.2万人。",
            "agreement",
            id="evacuees-synonyms",
        ),
        pytest.param(
            "全市撤離人數超過1.5萬人。",
            "截至15日傍晚，当局已转移12000余名居民。",
            "conflict",
            id="evacuees-traditional",
        ),
        pytest.param("遠航S7宣布降價12%。", "远航S7官方指导价下调12%。", "agreement", id="price-cut-wording"),
        pytest.param(
            "“通义千问”开源模型的全球下载量已经突破4000万次。",
            "通義開源模型累計下載量已經突破4000萬。",
            "agreement",
            id="downloads-bare-count-and-ci",
        ),
        pytest.param(
            "阿里发布了多模态模型M6。该模型参数规模超千亿。",
            "阿里巴巴达摩院大模型M6参数已到10万亿。",
            "conflict",
            id="pronoun-refers-to-previous-sentence",
        ),
        pytest.param(
            "门店客流较前一周增加约一倍。", "全国门店到店客流同比激增200%。", "conflict", id="growth-bei-vs-percent"
        ),
        pytest.param(
            "远航S7的单车毛利率或由约18%降至11%至13%之间。",
            "远航S7降价后的单车毛利率恐将跌破10%。",
            "conflict",
            id="range-vs-bound",
        ),
        pytest.param(
            "最大下洩流量約每秒1,800立方米。", "最大下泄流量控制在每秒1800立方米。", "agreement", id="rate-unit"
        ),
        pytest.param(
            "凡在調價前30日內購買遠航S7的車主可申請補償。",
            "远航S7在调价前15天内提车的用户可以获得补偿。",
            "conflict",
            id="duration-window-ri-vs-tian",
        ),
        pytest.param(
            "华东电网今年夏季最高用电负荷达到3.2亿千瓦。",
            "華東電網今夏最高用電負荷達3.4億千瓦。",
            "conflict",
            id="power",
        ),
        pytest.param(
            "星河医药的新药临床试验招募了1200名患者。",
            "星河醫藥新藥試驗共招募患者約1200人。",
            "agreement",
            id="ming-vs-ren",
        ),
        pytest.param("江州大桥全长约3.6公里。", "江州大橋全長3600米。", "agreement", id="km-vs-m"),
        pytest.param("星耀X9比上一代X8上调了300元。", "X9比X8貴了300元。", "agreement", id="change-words"),
        pytest.param("星河银行第一季度营收为100亿元。", "星河銀行首季營收達到102億元。", "conflict", id="same-quarter"),
        pytest.param("星河银行营收同比增长10%。", "星河银行营收增长12%。", "conflict", id="basis-unsaid-by-one"),
        pytest.param(
            "南湾化工厂火灾中，消防部门调派消防员130余名。",
            "南灣化工廠大火，消防處出動消防員約150名。",
            "conflict",
            id="yu-is-below-the-next-step",
        ),
        pytest.param(
            "南湾化工厂火灾3日已造成5人死亡。",
            "南灣化工廠火災的死亡人數4日上升至6人。",
            "conflict",
            id="verb-after-a-count",
        ),
        pytest.param(
            "召回数量共计约86.4万盒。", "合计召回数量逾112万盒。", "conflict", id="共计-only-states-the-number"
        ),
        pytest.param(
            "睿禾药业股东应占纯利2.71亿元。",
            "睿禾药业归母净利润2.71亿元。",
            "agreement",
            id="hk-and-mainland-profit-terms",
        ),
        pytest.param("青澜高铁累计发送旅客386万人次。", "青瀾高鐵累計運送旅客386萬人次。", "agreement", id="发送-运送"),
        pytest.param(
            "青澜高铁开通以来日均发送旅客约4万人次。",
            "青瀾高鐵通車以來平均每日運送旅客約4萬人次。",
            "agreement",
            id="daily-average",
        ),
        pytest.param("鹿行科技股價昨日在香港升2.1%。", "鹿行科技股价昨日在香港上涨2.1%。", "agreement", id="升-上涨"),
        pytest.param("橙骑科技股价18日在香港重挫4.3%。", "橙骑科技股价18日在香港下跌4.5%。", "conflict", id="挫-跌"),
        pytest.param("外卖平台佣金已佔營業額約兩成。", "外卖平台抽成已高達兩成。", "agreement", id="佣金-抽成"),
        pytest.param(
            "曜川S7一共发生了五起热失控事故。", "曜川S7已发生7起热失控事故。", "conflict", id="cases-in-words"
        ),
        pytest.param(
            "枫川居民第一阶梯水价加幅逾两成。", "枫川居民第一阶梯水价涨幅超过两成。", "agreement", id="加幅-涨幅"
        ),
    ],
)
def test_claims_about_the_same_thing_are_paired(first: str, second: str, kind: str) -> None:
    _, comparisons = _compare(("daily", first), ("post", second))
    assert [c.kind for c in comparisons] == [kind]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("阿里沉寂了快四年。", "阿里创办阿里云已有15年。", id="durations-of-different-events"),
        pytest.param("星驰汽车宣布旗下星驰E5下调约一成。", "远航汽车宣布远航S7下调12%。", id="different-products"),
        pytest.param("远航汽车营收增长20%。", "远航汽车利润增长25%。", id="same-change-different-measure"),
        pytest.param(
            "天貓精靈家庭用戶超過4000萬。", "通义千问的全球下载量突破4000万。", id="same-number-different-things"
        ),
        pytest.param(
            "阿里云已经开源了超过300个模型。",
            "阿里云同时上架语言、音频、视觉等100多款全模态模型。",
            id="generic-head-noun",
        ),
        pytest.param("消防员营救群众300余人。", "全市撤离人数超过1.5万人。", id="rescued-vs-evacuated"),
        pytest.param("小鹏汽车每年投入35亿元用于研发。", "小鹏汽车累计投入35亿元用于研发。", id="per-year-vs-total"),
        pytest.param("李明的转会费为八千万元。", "李明的转会费为一千万美元。", id="different-currencies"),
        pytest.param("台风造成3人死亡。", "台风导致5人受伤。", id="deaths-vs-injuries"),
        pytest.param("全程票价折合每次约126元。", "票价折合每公里约五毛钱。", id="per-trip-vs-per-km"),
        pytest.param("市值一周蒸发逾15亿港元。", "A股市值一天蒸发了四十多亿。", id="time-frames-are-not-durations"),
        pytest.param("江州地铁7号线起步票价为2元。", "江州地铁3号线起步票价为3元。", id="numbered-names"),
        pytest.param("该市常住人口为1200万人。", "该市户籍人口为860万人。", id="different-modifier"),
        pytest.param("星河银行营收同比增长10%。", "星河银行营收环比增长5%。", id="year-on-year-vs-period-on-period"),
        pytest.param("星河银行第一季度营收为100亿元。", "星河银行全年营收为420亿元。", id="quarter-vs-year"),
        pytest.param("新线单日发送旅客最高8.7万人次。", "新线开通首周累计发送旅客超过32万人次。", id="day-vs-week"),
        pytest.param("截至昨晚，共有43名学生住院治疗。", "市儿童医院收治20名学生住院治疗。", id="part-at-a-named-site"),
        pytest.param("其中临溪区人民医院收治20人。", "市儿童医院收治20名学生。", id="differently-named-sites"),
        pytest.param(
            "事发当天凌晨5时起，禾丰餐饮便开始烹制。",
            "事發當日中午11時40分左右，學童進食禾豐餐飲的午餐。",
            id="事发-is-when",
        ),
    ],
)
def test_claims_about_different_things_are_not_paired(first: str, second: str) -> None:
    _, comparisons = _compare(("daily", first), ("post", second))
    assert comparisons == []


def test_a_changed_value_pairs_with_the_new_value_only() -> None:
    """由29.98万元降至26.38万元 states an old and a new price; only the new one is the current price."""
    claims, comparisons = _compare(
        ("daily", "远航S7起售价由29.98万元降至26.38万元。"), ("post", "远航S7起售价为26.38万元。")
    )
    (comparison,) = comparisons
    assert comparison.kind == "agreement"
    assert [claims[int(i[1:]) - 1].raw for i in comparison.claims] == ["26.38万元", "26.38万元"]


@pytest.mark.parametrize(
    "changed",
    ["公司已将村民补偿基金由此前宣布的3000万元提高至5000万元。", "同时将村民补偿基金3000万元增至5000万元。"],
)
def test_an_earlier_value_is_known_by_the_change_after_it(changed: str) -> None:
    claims, comparisons = _compare(("daily", changed), ("post", "公司设立5000万元村民补偿基金。"))
    (comparison,) = comparisons
    assert comparison.kind == "agreement"
    assert [claims[int(i[1:]) - 1].raw for i in comparison.claims] == ["5000万元", "5000万元"]
    assert claims[0].aspect == "from"


def test_of_equally_supported_pairs_the_agreeing_one_is_chosen() -> None:
    hk = "綠循科技昨日收報8.55港元，跌3.6%，較事發前收市價累計下跌百分之二十三，市值蒸發逾30億港元。"
    tw = "綠循科技在香港掛牌上市，事件爆發後股價一路走低，截至4月2日收盤，較事發前累計下跌23%，市值蒸發逾30億港元。"
    passages = [replace(p, topics=("shares",)) for p in _passages(("hk", hk), ("tw", tw))]
    claims = extract_claims(passages)
    falls = [c for c in compare_claims(claims) if claims[int(c.claims[0][1:]) - 1].unit == "%"]
    (comparison,) = falls
    assert comparison.kind == "agreement"
    assert [claims[int(i[1:]) - 1].raw for i in comparison.claims] == ["百分之二十三", "23%"]


def test_three_sources_phrased_differently_form_one_comparison() -> None:
    _, comparisons = _compare(
        ("daily", "截至15日傍晚，当局已转移12000余名居民。"),
        ("post", "全市共紧急转移安置群众约1.2万人。"),
        ("herald", "全市撤離人數超過1.5萬人。"),
    )
    (comparison,) = comparisons
    assert comparison.kind == "conflict"
    assert len(comparison.claims) == 3


@pytest.mark.parametrize(
    ("text", "head", "event", "names"),
    [
        ("远航S7的单车毛利率恐将跌破10%。", ("单车", "毛利率"), (), ("远航S7", "远航")),
        ("当局已转移12000余名居民。", ("居民",), ("转移",), ()),
        ("旗下星驰E5下调约一成。", (), ("下调",), ("星驰E5", "星驰")),
        ("接入通义千问大模型的企业数已经达到30多万。", ("企业数",), ("接入",), ("通义千问",)),
        ("当地本月11日录得摄氏43.6度高温。", ("高温",), (), ()),  # 摄氏 is the scale, not what is measured
    ],
)
def test_subject_head_event_and_names(
    text: str, head: tuple[str, ...], event: tuple[str, ...], names: tuple[str, ...]
) -> None:
    (claim,) = extract_claims(_passages(("daily", text)))
    assert (claim.head, claim.event, claim.names) == (head, event, names)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (("412", "", None), ("418.6", "", None), False),  # exact figures: within about 1%
        (("400", "over", None), ("418.6", "", None), True),
        (("1e11", "over", None), ("1e13", "", None), False),  # 超千亿 does not cover 10万亿
        (("80000", "over", None), ("170000", "over", None), False),  # two lower bounds: read as approximations
        (("11", "", 13.0), ("10", "under", None), False),
        (("11", "", 13.0), ("12", "approx", None), True),
        (("3000", "approx", None), ("3200", "over", None), False),
        (("40", "approx", None), ("46", "", None), False),
        (("4100", "approx", None), ("4200", "", None), False),  # 约4100 is precise to 100
        (("12000", "over", None), ("1.2", "approx", None), False),  # units differ here: 1.2 is not 1.2万
        (("3.6", "approx", None), ("3.5", "approx", None), True),  # ±0.05 each: they touch
        (("130余", "over", None), ("150", "approx", None), False),  # 130余 is 130 to 140
        (("12000余", "over", None), ("12500", "", None), True),
    ],
)
def test_values_agree(a: tuple[str, str, float | None], b: tuple[str, str, float | None], agree: bool) -> None:
    """Values agree within their stated precision; bounds cover values on their side (up to 2x)."""
    claims = [
        Claim(f"c{n}", f"s{n}", f"s{n}:p0", "", "", float(v.rstrip("余")), "%", v, q, upper=u)
        for n, (v, q, u) in enumerate((a, b))
    ]
    assert values_agree(*claims) is agree


def test_a_share_in_tenths_stands_for_its_rounding_but_a_bound_in_tenths_does_not() -> None:
    def share(value: float, raw: str, qualifier: str = "") -> Claim:
        return Claim("c1", "a", "a:p0", "", "", value, "%", raw, qualifier)

    assert values_agree(share(18.4, "约18.4%", "approx"), share(20.0, "约两成", "approx"))
    assert not values_agree(share(20.0, "两成"), share(30.0, "三成"))
    assert not values_agree(share(68.7, "68.7%"), share(70.0, "逾七成", "over"))


# --- whole made-up corpora (bench/corpora): numbers the sources state about the same thing -----------


def _corpus_comparisons(name: str) -> list[set[str]]:
    """The raw numbers of each comparison built from a bench corpus by the whole analysis chain."""
    from compare.ingest import read_corpus, read_topics
    from compare.pipeline import analyze
    from tests.conftest import ROOT

    folder = ROOT / "bench" / "corpora" / name
    result = analyze(read_corpus(folder), topics=read_topics(folder / "topics.toml"))
    raw = {c.id: c.raw for c in result.claims}
    sources = {c.id: c.source for c in result.claims}
    for comparison in result.comparisons:
        assert len({sources[i] for i in comparison.claims}) == len(comparison.claims)  # one claim per source
    return [{raw[i] for i in c.claims} for c in result.comparisons]


@pytest.mark.slow
def test_city_flood_evacuation_figures_phrased_differently_are_one_conflict() -> None:
    """Regression: 转移12000余名居民 / 转移安置群众约1.2万人 / 撤离人数超过1.5万人 were not paired (subjects
    differed)."""
    comparisons = _corpus_comparisons("city_flood")
    assert {"12000余名", "约1.2万人", "超过1.5万人"} in comparisons
    assert {"约每秒1,800立方米", "每秒1800立方米"} in comparisons


@pytest.mark.slow
def test_ev_price_war_margins_and_compensation_windows_conflict() -> None:
    comparisons = _corpus_comparisons("ev_price_war")
    assert {"跌破10%", "11%至13%", "15%以上"} in comparisons
    assert {"15天", "30日", "30天"} in comparisons
    assert not any("2.4万元" in c for c in comparisons)  # the standard version's cut is not the top version's


def test_notes_say_when_values_are_changes_or_earlier_values() -> None:
    _, comparisons = _compare(
        ("daily", "远航S7起售价由29.98万元降至26.38万元，官方指导价下调12%。"),
        ("post", "远航S7起售价从将近30万元降到26万元出头，官方指导价下调12%。"),
    )
    notes = sorted(c.note for c in comparisons)
    assert [n.endswith("amounts of change") for n in notes].count(True) == 1
    assert [n.endswith("values before a change") for n in notes].count(True) == 1
    assert len(comparisons) == 3


def test_a_rate_named_by_its_verb_says_how_often() -> None:
    (claim,) = extract_claims(_passages(("daily", "马云放话每年投10亿。")))
    assert (claim.subject, claim.unit) == ("每年投", "/年")


# --- event dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        pytest.param(
            "星河集团2009年创办阿里云。",
            "2009年，阿里云的第一行代码写下，阿里云也由此诞生。",
            "agreement",
            id="founding-verbs",
        ),
        pytest.param("2013年5月，腾讯云正式成立。", "腾讯云于2013年成立。", "agreement", id="month-vs-year"),
        pytest.param("2019年，公司发布了X9手机。", "2020年，公司发布了X9手机。", "conflict", id="launch-year-differs"),
        pytest.param("2019年，公司發布了X9手機。", "2019年，公司发布了X9手机。", "agreement", id="traditional"),
        pytest.param("阿里云2009年成立，2014年上市。", "阿里云2010年成立。", "conflict", id="each-date-its-own-clause"),
        pytest.param(
            "2013年6月，甲骨文(Oracle)的数据库被“赶出”蓝海商城。",
            "2013年5月17日，最后一台IBM小型机从蓝海支付下线，7月10日，Oracle数据库下线。",
            "conflict",
            id="year-carried-and-gloss-names-one-thing",
        ),
        pytest.param(
            "青澜高铁于2024年12月26日开通运营。", "2024年12月26日开通的青澜高铁已运营百日。", "agreement", id="new-name"
        ),
        pytest.param(
            "星衡由工程师陈启航于2018年创立。",
            "星衡科技成立于2019年5月17日，总部位于杭州。",
            "conflict",
            id="passive-and-company-suffix",
        ),
        pytest.param(
            "7月10日，甲骨文数据库下线。", "2013年7月10日，甲骨文数据库下线。", "agreement", id="year-not-stated"
        ),
        pytest.param(
            "听证会于11月26日召开，25名代表参加。",
            "在2024年11月26日举行的水价听证会上，多数代表表示支持。",
            "agreement",
            id="a-meeting-held",
        ),
        pytest.param(
            "股东特别大会将于12月20日举行。", "公司定于12月27日召开股东特别大会。", "conflict", id="meeting-dates"
        ),
        pytest.param("本通知自2025年3月20日起施行。", "新政將自3月20日起實施。", "agreement", id="taking-effect"),
        pytest.param(
            "新水价自2025年1月1日起执行。", "新水价明年3月1日起执行。", "conflict", id="taking-effect-differs"
        ),
        pytest.param(
            "綠循科技成立於2012年，總部設於深圳，2021年在港交所主板上市。",
            "绿循新能源科技股份有限公司（GreenLoop New Energy Technology Co., Ltd.）于2021年在香港联合交易所主板上市。",
            "agreement",
            id="listing-subject-carried-full-name-latin-aside-exchange-is-where",
        ),
    ],
)
def test_event_dates_are_compared(a: str, b: str, kind: str) -> None:
    claims, comparisons = _compare(("daily", a), ("post", b))
    dates = [c for c in comparisons if claims[int(c.claims[0][1:]) - 1].unit == "date"]
    assert [c.kind for c in dates] == [kind]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("2019年，公司发布了X9手机。", "2022年，公司发布了Y7手机。", id="different-products"),
        pytest.param(
            "2019年，阿里发布了首款芯片。", "2022年9月，阿里推出“通义”大模型。", id="company-is-not-the-product"
        ),
        pytest.param("阿里巴巴1999年创办于杭州。", "阿里巴巴2009年创办阿里云。", id="no-object-no-claim"),
        pytest.param("2016年，星河科技在深圳成立。", "2018年，蓝海公司在深圳成立。", id="a-place-is-not-founded"),
        pytest.param("阿里云在2009年至2010年间成立。", "阿里云2010年成立。", id="two-dates-in-a-clause"),
        pytest.param(
            "该股截至4月2日累计下跌23%，綠循科技2021年在香港掛牌上市。",
            "截至4月2日，绿循科技在香港掛牌上市以来市值蒸发三成。",
            id="as-of-is-not-an-event-date",
        ),
        pytest.param(
            "市政府今天召开常务会议。2024年3月5日，市委员会召开。",
            "2024年3月8日，市委员会召开。",
            id="a-body-is-not-a-meeting",
        ),
        pytest.param("新规将于3月20日施行。", "新规3月21日施行。", id="effective-only-after-qi"),
        pytest.param(
            "该项目由阿里云于2019年发布。", "2019年，阿里云发布了通义。", id="the-agent-after-you-was-not-launched"
        ),
        pytest.param(
            "2015年，阿里巴巴最后一台小型机从甲骨文下线。", "2016年，阿里巴巴下线。", id="a-count-begins-the-phrase"
        ),
        pytest.param("腾讯1998年成立。", "2013年，腾讯云正式成立。", id="split-name-kept-whole"),
    ],
)
def test_event_dates_of_different_things_are_not_paired(a: str, b: str) -> None:
    claims, comparisons = _compare(("daily", a), ("post", b))
    assert not [c for c in comparisons if claims[int(c.claims[0][1:]) - 1].unit == "date"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "新茶饮品牌“一颗柠”完成2亿元B轮融资。", "储能企业“蓝湾能源”已完成5亿元B轮融资。", id="quoted-brands"
        ),
        pytest.param(
            "今年第一季全台住宅移轉棟數為7.8萬棟。", "第三季全台住宅移轉棟數為6.8萬棟。", id="quarters-without-du"
        ),
        pytest.param(
            "青澜高铁总投资1286亿元。", "青澜高铁建设期间拉动沿线投资超过2000亿元。", id="induced-is-not-own-amount"
        ),
        pytest.param(
            "天衡T9单卡售价约12.8万元。", "天衡T9單卡售價約新台幣56萬元。", id="new-taiwan-dollars-are-not-yuan"
        ),
        pytest.param("临川马拉松共有28人住院治疗。", "临川马拉松仍有9人住院治疗。", id="what-is-left-is-not-the-total"),
        pytest.param(
            "乌兰察布智算中心首期将部署1万张天衡T9。", "北辰数据宣布在贵州贵安部署两万张天衡T9。", id="different-places"
        ),
        pytest.param(
            "临川马拉松赛事期间收治入院的跑者至少有41人。",
            "临川马拉松赛事期间共有超过200名跑者接受医疗处置。",
            id="hospitalised-is-not-treated",
        ),
    ],
)
def test_figures_of_different_brands_or_quarters_are_not_paired(first: str, second: str) -> None:
    assert _compare(("daily", first), ("post", second))[1] == []


def test_quoted_names() -> None:
    assert quoted_names("新茶饮品牌“一颗柠”完成融资，打开「穩貸寶」App") == ("一颗柠", "稳贷宝")
    assert quoted_names("这就是所谓的“破坏式创新”") == ()  # a quoted term, not a name


def test_a_guessed_name_across_a_function_character_is_not_a_name() -> None:
    from compare.claims import _is_name

    assert not _is_name("宁是睿", "nr")  # 安脉宁是睿禾… mis-cut by jieba's guessing
    assert not _is_name("今天上午", "nr")  # time words jieba's dictionary tags as a name
    assert _is_name("柯文远", "nr") and _is_name("宁川电池", "nt")


def test_a_generic_company_word_is_not_a_name() -> None:
    from compare.claims import _is_name

    assert not _is_name("上市公司", "nt")
    assert _is_name("睿禾药业", "nt")


def test_times_of_day_are_compared_and_temperatures_of_different_moments_are_not() -> None:
    assert [c.kind for c in _compare(("daily", "比赛于7时30分鸣枪起跑。"), ("post", "早上七点半鸣枪起跑。"))[1]] == [
        "agreement"
    ]
    assert _compare(("daily", "起跑时气温约28℃。"), ("post", "午间最高气温达35.6℃。"))[1] == []


def test_a_time_in_another_clause_dates_that_clauses_own_figure_not_this_one() -> None:
    claims = extract_claims(_passages(("daily", "主办单位声称全程有30辆救护车候命，但去年赛事同样出动30辆救护车。")))
    assert [(c.raw, c.time) for c in claims] == [("30辆", ""), ("30辆", "去年")]
    # A time in a clause of its own still dates the sentence's figures.
    claims = extract_claims(_passages(("daily", "去年，公司营收增长了20%，利润100亿元。")))
    assert [c.time for c in claims] == ["去年", "去年"]


def test_a_partitive_divides_the_whole_from_the_part() -> None:
    claims, comparisons = _compare(
        ("daily", "市疾控中心对14份样品进行检测，其中6份检出沙门氏菌。"),
        ("post", "经市疾控中心检测，14份样品中有6份检出沙门氏菌。"),
    )
    value = {c.id: c.value for c in claims}
    assert sorted(sorted(value[i] for i in c.claims) for c in comparisons) == [[6.0, 6.0], [14.0, 14.0]]
    assert [c.kind for c in comparisons] == ["agreement", "agreement"]


@pytest.mark.parametrize(
    ("clause", "raw", "expected"),
    [
        ("其中臨溪區人民醫院收治20人", "20人", {"临溪区人民医院"}),
        ("分别被送往泓川市儿童医院（20名）", "20名", {"泓川市儿童医院"}),
        ("送医院治疗的学生共28人", "28人", set()),  # a site word without a name
        ("各医疗站共处置选手200余名", "200余名", set()),
        ("全校小学生126人", "126人", set()),  # pupils, not a school
        ("微博话题#泓川小学食物中毒#阅读量超过3亿", "超过3亿", set()),  # too far from the figure
    ],
)
def test_named_sites_near_a_figure(clause: str, raw: str, expected: set[str]) -> None:
    assert sites(clause, raw) == expected


def test_a_company_name_jieba_cuts_into_characters_is_a_stem() -> None:
    from compare.claims import name_stems

    assert "绿循" in name_stems(["绿循科技成立于2012年。"])
    # Three single characters before a suffix: which two are the name is unknown.
    assert not name_stems(["绿循新能源汽车上市。"]) & {"循新", "绿循"}


@pytest.mark.parametrize(
    ("clause", "minutes", "qualifier"),
    [
        ("当天14时许起", 840.0, "approx"),
        ("8时左右", 480.0, "approx"),
        ("下午2时许", 840.0, "approx"),
        ("下午2时15分", 855.0, ""),
        ("14时整", 840.0, "approx"),
    ],
)
def test_an_hour_written_as_news_writes_a_time_is_a_time_of_day(clause: str, minutes: float, qualifier: str) -> None:
    (q,) = find_quantities(clause)
    assert (q.value, q.unit, q.qualifier) == (minutes, "时刻", qualifier)


def test_an_hour_alone_is_not_a_time_of_day() -> None:
    assert find_quantities("3点建议大家出发") == []


def test_the_same_exact_range_is_evidence_of_one_fact() -> None:
    _, comparisons = _compare(
        ("daily", "据介绍，就诊学生年龄在6至12岁之间。"), ("post", "这些学生年龄在六至十二岁之间。")
    )
    assert [c.kind for c in comparisons] == ["agreement"]


def test_hong_kong_words_for_hospitalised_are_read() -> None:
    claims = extract_claims(_passages(("hk", "【本報訊】出現病徵的學童增至126人，其中43人曾經留醫。")))
    assert [(c.raw, c.event) for c in claims if c.raw == "43人"] == [("43人", ("留医",))]
    assert all("本报讯" not in c.names for c in claims)


def test_passages_printing_the_same_distinctive_figure_are_one_context() -> None:
    """46.8亿 ties the two passages to one context: the profit beside it pairs, which alone it would not."""

    def compared(first: str, second: str) -> list[list[str]]:
        passages = [replace(p, topics=("results",)) for p in _passages(("daily", first), ("hk", second))]
        claims = extract_claims(passages)
        raws = {c.id: c.raw for c in claims}
        return sorted(sorted(raws[i] for i in c.claims) for c in compare_claims(claims))

    profit = ["2.1亿元", "2.1亿元人民币"]
    assert profit in compared(
        "公司去年营业收入46.8亿元，同比增长12%，净利润2.1亿元。",
        "集團去年收入46.8億元人民幣，按年增長百分之十二；純利2.1億元人民幣。",
    )
    assert profit not in compared("公司去年净利润2.1亿元。", "集團去年純利2.1億元人民幣。")


@pytest.mark.parametrize(
    ("clause", "aspect"),
    [
        ("首付比例降为15%", ""),
        ("首付比例降至15%", ""),
        ("降幅为59.7%", "change"),
        ("下降了15%", "change"),
        ("增速为12%", "change"),
    ],
)
def test_fell_to_is_a_level_and_fell_by_is_a_change(clause: str, aspect: str) -> None:
    (q,) = find_quantities(clause)
    assert q.aspect == aspect


def test_a_level_after_fell_to_keeps_what_it_measures() -> None:
    _, comparisons = _compare(("daily", "首套房首付比例降至15%。"), ("tw", "臨渚市首套房的最低首付比例降為15%。"))
    assert [c.kind for c in comparisons] == ["agreement"]


def test_less_than_after_a_number_is_an_upper_bound() -> None:
    (q,) = find_quantities("连总价的2%都不到")
    assert (q.value, q.qualifier) == (2.0, "under")


def test_a_worked_example_is_not_a_claim() -> None:
    claims = extract_claims(_passages(("qa", "比如买一套260万元的新房，可获补贴26000元。补贴最高3万元。")))
    assert [c.raw for c in claims] == ["3万元"]


def test_store_and_closing_price_words_of_either_side_are_one_measure() -> None:
    _, comparisons = _compare(("daily", "截至年末，公司海外门店126家。"), ("tw", "截至去年底，該公司海外門市126家。"))
    assert [c.kind for c in comparisons] == ["agreement"]


def test_counts_with_a_classifier_jieba_glues_to_the_noun_are_compared() -> None:
    # jieba's dictionary holds 颗卫星 and 架飞机 as words, and tags 卫星 as a person's name.
    claims, comparisons = _compare(
        ("wire", "火箭未能将搭载的5颗卫星送入预定轨道。"), ("tw", "火箭出現異常，所搭載的6顆衛星全數損失。")
    )
    assert [c.head for c in claims] == [("卫星",), ("卫星",)]  # not 全数损失 (全数 qualifies what follows)
    assert [c.kind for c in comparisons] == ["conflict"]
    (claim,) = extract_claims(_passages(("daily", "当天共有3架飞机停飞。")))
    assert claim.head == ("飞机",)


def test_figures_of_different_share_classes_are_not_paired() -> None:
    _, comparisons = _compare(("hk", "北瀾H股則全日收跌4.7%。"), ("tw", "北瀾A股19日收跌3.2%。"))
    assert comparisons == []
    _, comparisons = _compare(("hk", "北瀾A股全日收跌4.7%。"), ("tw", "北澜A股19日收跌3.2%。"))
    assert [c.kind for c in comparisons] == ["conflict"]


def test_a_year_and_its_first_three_quarters_are_different_spans() -> None:
    _, comparisons = _compare(
        ("filing", "溪原乳品2023年度实现营业收入36.8亿元。"), ("hk", "溪原今年首三季營業額只有28.4億元。")
    )
    assert comparisons == []
    # 前三季度 and 前9个月 are one span, as are 上半年 and 前6个月.
    _, comparisons = _compare(("a", "溪原前三季度营收28.4亿元。"), ("b", "溪原前9个月营收28.4亿元。"))
    assert [c.kind for c in comparisons] == ["agreement"]
    _, comparisons = _compare(("a", "溪原上半年营收18.4亿元。"), ("b", "溪原前6个月营收18.4亿元。"))
    assert [c.kind for c in comparisons] == ["agreement"]


def test_phone_specifications_are_read_and_models_told_apart() -> None:
    claims, comparisons = _compare(
        ("wire", "Z10 Pro配备6.73英寸屏幕、5800mAh电池。"),
        ("tw", "Z10 Pro採用6.73吋螢幕及5,800mAh電池。"),
        ("hk", "Z10 Ultra則配備6.82吋螢幕和6200mAh電池。"),
    )
    assert {(c.raw, c.unit) for c in claims if c.source == "wire"} == {("6.73英寸", "英寸"), ("5800mAh", "毫安时")}
    assert {c.names for c in claims} == {("Z10 Pro",), ("Z10 Ultra",)}  # mAh is a unit, not a name
    assert sorted(c.kind for c in comparisons) == ["agreement", "agreement"]  # the Ultra's figures stand apart


def test_a_colloquial_sum_without_a_unit_is_in_yuan_when_the_clause_is_about_money() -> None:
    claims = extract_claims(_passages(("forum", "去年亏了1.8个亿，欠债5个多亿。下载量突破1个亿。")))
    assert [(c.raw, c.value, c.unit, c.qualifier) for c in claims] == [
        ("1.8个亿", 1.8e8, "元", ""),
        ("5个多亿", 5e8, "元", "over"),
        ("突破1个亿", 1e8, "", "over"),  # downloads: no money word, no unit
    ]
    _, comparisons = _compare(("tw", "泊川雷霆俱樂部總負債約4.6億元。"), ("forum", "泊川雷霆俱乐部欠债5个多亿。"))
    assert [c.kind for c in comparisons] == ["conflict"]


def test_a_company_named_by_a_rare_dictionary_word_has_its_founding_year_compared() -> None:
    # 穹宇 is in jieba's dictionary (a literary noun), so nothing marked it as a name.
    _, comparisons = _compare(
        ("statement", "穹宇航天科技有限公司成立于2016年，总部位于江屿市。"),
        ("tw", "答：穹宇成立於2017年，是民營業者之一。"),
    )
    assert [c.kind for c in comparisons] == ["conflict"]
