"""Claims: quantitative statements in passages, and where sources agree or conflict on them.

1. Numbers. One pattern finds Arabic, Chinese and mixed numerals with their magnitude (万, 亿), unit and
   qualifiers (超过, 约, 近, 以上, 多…); word forms (三分之一, 两成, 一半, 两毛五), dates and ranges
   (11%至13%) are read apart; cn2an reads Chinese numerals. Units, qualifiers and the subject
   vocabulary are data (`resources/claims.toml`). A number is also told apart by its aspect: a level,
   an amount of change (下降97%) or the earlier value of a change (由18%降至…). Years, time frames
   (15年前, 未来三年), vague figures (几十亿) and attributives (24小时降雨量) are not claims.
2. Subjects. What a number counts comes from its clause (jieba part-of-speech tags): the head — the
   noun run right before it (单车毛利率) and the noun a classifier counts (12000余名居民) — the event
   (转移, 下调), other modifiers, the rest of the sentence as weak context, and the names it is about
   (the clause's, else the sentence's, else the previous sentence's: Chinese often leaves them unsaid).
3. Matching. Claims of different sources are paired only on strong evidence: units of one kind, the
   same aspect, no clause names that set them apart (星驰E5 vs 远航S7), the same measured thing, and
   enough shared subject words (synonyms folded, all in Simplified form, common words weighted down
   by jieba's background IDF and by how many passages of the corpus use them, a shared topic or a
   specific unit as support), less penalties for unshared head words and far-apart magnitudes.
   Durations need more. Pairs merge strongest first into one comparison per fact, one claim per
   source; a missed pair is preferred to a false conflict. Values agree within their stated precision.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import cn2an

from compare.align import concepts, corpus_aliases
from compare.model import Claim, ClaimComparison, Passage
from compare.resources import load_toml
from compare.script import to_simplified
from compare.segment import QUALIFIERS, background_specificity, split_sentences, tag, tokenize, word_tag

CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMERAL = f"[{CN_DIGITS}十百千]+(?:点[{CN_DIGITS}]+)?"
# 12,800 and the Hong Kong government's 128 000 (thousands set apart by a space); not 2838 6611.
ARABIC = r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:,\d{3})*(?:\.\d+)?"
DIGIT_GROUPING = re.compile(r"[,\s\u00a0\u2009\u202f]")
# 十八亿三千六百万: a Chinese numeral with its own 亿 and 万 parts is one number (cn2an reads it whole).
# 八十六万四千, 两万五千, 一万零五百: a 万 with thousands or hundreds after it is one number too.
CN_COMPOUND = (
    f"{CN_NUMERAL}亿零?{CN_NUMERAL}万(?!亿)|{CN_NUMERAL}万零?[{CN_DIGITS[2:]}][千百][{CN_DIGITS}十百]*(?![万亿])"
)
# 3万5千元: the same in Arabic digits.
MIXED_COMPOUND = r"\d+万\d千(?:\d百)?(?![万亿米克瓦伏卡焦帕赫兆])"
MAGNITUDES = {"万亿": 1e12, "千万": 1e7, "亿": 1e8, "万": 1e4, "千": 1e3}
# 百分之八十, 超千亿: a lone 十/百/千 is a number (cn2an reads only numerals with a leading digit).
BARE_UNITS = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4}
# "两三年", "六一" (周六一天), "零一万物": digits side by side are a vague range or not a number.
MALFORMED_CN = re.compile(f"^[零〇]|[{CN_DIGITS[2:]}]{{2}}")
# 五六千人, 两三万, 二三十家: two neighbouring digits before a 十/百/千 or a magnitude are a vague range.
VAGUE_PAIR = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])([十百千]?)")
PAIR_DIGITS = "一二三四五六七八九"
VAGUE_BEFORE = frozenset("几数上好")
# 12000余名, 30多万, 26万出头: above the figure but below its next step.
ODD_MORE = re.compile(r"[\d一二两三四五六七八九十百千](?:多|余)|出头")
# What a change is measured against: 同比 (year on year) and 环比 (period on period) are different facts.
CHANGE_BASES = {"yoy": re.compile(r"同比|按年|较去年同期|比去年同期"), "mom": re.compile(r"环比|按月|较上月|比上月")}
RANGE_SEPARATORS = frozenset(["至", "到", "-", "~", "～", "—", "－"])
# 每 + a time unit (每秒, 每年) or a measure word (每公里, 每次, 每盒, 每亩): the number is a rate per it.
PER_COUNTERS = (
    "平方公里|平方米|公里|千米|公斤|千克|吨|亩|人次|人|名|位|户|家|盒|片|粒|瓶|支|张|台|辆|套|件|股|趟|班次|次|列|度|桶"
)
PER_WORD = re.compile(rf"每(秒钟?|分钟|小时|天|日|周|月|年|{PER_COUNTERS}|平米)")
# A rate written with a slash after its unit: 17960元/平方米, 2.85元/度.
PER_SLASH = re.compile(rf"\s*[/／]\s*(秒钟?|分钟|小时|天|日|周|月|年|{PER_COUNTERS}|平米|㎡)")
AREA_UNITS = {"平米": "平方米", "㎡": "平方米"}
PER = re.compile(PER_WORD.pattern + "$")
PER_UNITS = {"秒": "秒", "秒钟": "秒", "分钟": "分钟", "小时": "小时", "天": "天", "日": "天", "周": "周"}
PER_UNITS |= {"月": "个月", "年": "年", "千米": "公里", "千克": "公斤", "名": "人", "位": "人"}
# Rates per head: an amount each person or household gets.
PER_HEAD = frozenset({"人", "户"})
PER_HEAD_RATIO = 3.0
FRACTION = re.compile(rf"(?P<den>[{CN_DIGITS}十百\d]+)分之(?P<num>[{CN_DIGITS}十\d]+(?:[点.][{CN_DIGITS}\d]+)?)")
# 两成 = 20%; not the verb/noun 成 of 成本, 成功, 成为…
TENTHS = re.compile(
    r"(?P<num>[一二两三四五六七八九]|\d)成(?P<more>[一二三四五六七八九](?![成倍十百千万亿]))?(?![本功为立绩员果长熟交都型])"
)
HALF = re.compile(r"一半")
# 1小时19分, 两个小时十五分钟: one duration, in minutes.
HOURS_MINUTES = re.compile(
    rf"(?P<h>\d+|[{CN_DIGITS}十]+)个?小时(?:零)?(?P<min>\d{{1,2}}|[{CN_DIGITS}十]+)分(?:钟)?(?![之])"
)
# A time of day: 7时30分, 早上七点半, 下午2时15分 (an hour alone only with the part of the day: 下午4时).
CLOCK = re.compile(
    rf"(?P<part>凌晨|清晨|早上|早晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|深夜)?"
    rf"(?<![\d.])(?P<h>[01]?\d|2[0-4]|[{CN_DIGITS}十]{{1,3}})[时点]"
    rf"(?:(?P<min>[0-5]?\d|[{CN_DIGITS}十]{{1,3}})分(?!钟)|(?P<half>半))?"
)
AFTERNOON = frozenset(["下午", "傍晚", "晚上", "晚间", "夜间", "深夜"])
# After an hour written with 时, these make it a time of day even without the part of the day (14时许).
CLOCK_ABOUT = ("许", "左右", "整")
CLOCK_UNIT = "时刻"
# 两毛五 = 0.25 元, 两块五 = 2.5 元
MAO_FEN = re.compile(r"(?P<mao>[一二两三四五六七八九\d])毛(?P<fen>[一二三四五六七八九\d])(?![\d毛分元钱])")
KUAI_MAO = re.compile(r"(?P<yuan>[一二两三四五六七八九十\d]+)块(?P<mao>[一二三四五六七八九\d])(?![\d块毛元])")
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日)?")
# A two-digit year opening a clause: "22年在北京冬奥", "07年左右".
SHORT_YEAR = re.compile(r"^\s*[0-2]\d年(?=[\u4e00-\u9fff])(?![前后来内间里的])")
TIME_WORDS = re.compile(
    r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?!\d)|(?<![\d月])\d{1,2}日"
    r"|去年|今年|前年|明年|本月|上月|上周|本周|近期|截至目前|目前|过去一年|一年来|未来[一二三四五六七八九十\d]+年"
)
# The span a figure covers (一季度, 上半年, 全年, 前三个月): figures of different spans are different facts.
PERIOD = re.compile(
    r"[前首]([两二三四2-4])季度?|第?([一二三四1-4])季度|第([一二三四1-4])季|Q([1-4])|(首季)"
    r"|(上半年|下半年|全年|(?<=\d{4})年度)"
    r"|[前首]([一二三四五六七八九十两\d]+)[个個]?月"
    r"|(单日|首日|当日|日均|单周|首周|当周|周均|首月|单月|月均|累计)"
)
# Short spans: a day's figure is not a week's (单日最高8.7万 vs 首周累计32万), nor a running total's.
# 日均约4万人次 is a rate per day, like 平均每日约4万人次.
DAILY_AVERAGE = re.compile(r"日均|日平均|平均每日|平均每天")
SPANS = {"单日": "日", "首日": "日", "当日": "日", "日均": "日均", "单周": "周", "首周": "周", "当周": "周"}
SPANS |= {"周均": "周均", "首月": "月1", "单月": "月", "月均": "月均", "累计": "累计"}
# Clauses end at commas, semicolons and colons; "1,800" keeps its thousands separator.
CLAUSE = re.compile(r"(?:[^，,；;：:。！？!?]|(?<=\d),(?=\d{3}))+")
SEGMENT_BREAK = re.compile(r"、|以及|(?:及|和|与)(?=[\d一二两三四五六七八九十])")  # 屏幕及5800mAh电池: two figures
# 14份样品中有6份检出: after a counted whole, 中有 / 当中 / 之中 starts the part, a figure of its own.
PARTITIVE = re.compile(r"中有|当中有?|之中有?")
BLANKED_NUMBER = re.compile(r"\s{2,}")
# Link words between a subject and its number; cut before tagging, or jieba reads 营收为 as 营 + 收为.
# 降为 / 降至 / 提高到 before a level link the measure to it like 为 (首付比例降为15%: 比例 is measured).
TRAILING_LINK = re.compile(
    r"(?:(?:下降|上升|下调|上调|提高|降低|增加|减少|调整|提升|调高|调低|[降升增减涨跌调])(?:为|至|到)"
    r"|为|是|达到|达|约为|约|仅|只|共|已经|已|则|有|可能|将|也|都|还|预计)+\s*$"
)
# A duration that dates something ("15年前", "一年来", "未来三年") is a time reference, not a claim.
TIME_FRAME_AFTER = ("前", "后", "来", "以来", "间", "里", "之前", "之后", "以后", "以前")
# Words before a duration that make it the length of something (历时4年建成), not when it happened
# (由4小时压缩至…: the earlier value of a change.)
TOOK = ("历时", "耗时", "用时", "花了", "用了", "花费", "经过", "历经", "长达", "整整", "由", "从")
# Units whose number before a noun still states the figure (7纳米工艺: the process is 7 nm; 6.73英寸屏幕,
# 5800mAh电池, 120Hz屏幕, 100W快充: a product's specifications).
STATED_BY_ATTRIBUTE = frozenset(["纳米", "英寸", "毫安时", "Hz", "像素", "尼特", "瓦", "千瓦"])
# 度 after a number is a temperature in a clause about the weather (`temperature_words` of claims.toml).
DEGREES = re.compile(r"(?<=[\d一二两三四五六七八九十])度(?!电)")
TIME_FRAME_BEFORE = ("未来", "过去", "最近", "这", "那", "头", "首", "此后")
ATTRIBUTIVE_KINDS = frozenset(["duration", "length"])
NAME_FLAGS = frozenset(["nr", "nrt", "nrfg", "nt", "nz"])
GUESS_BREAKERS = frozenset("是的了在和与及把被将")
QUOTED_NAME = re.compile(r"[“「『]([^”」』，,。；;！？!?、\s]{2,10})[”」』]")
# Words right before a quoted name (品牌“一颗柠”) or right after it (“稳贷宝”小程序).
NAME_INTRODUCERS = (
    "品牌",
    "企业",
    "公司",
    "平台",
    "集团",
    "产品",
    "项目",
    "系列",
    "旗下",
    "推出",
    "发布",
    "上线",
    "App",
    "APP",
    "应用",
    "车型",
    "药",
    "新药",
    "基金",
    "楼盘",
    "银行",
)
NAME_FOLLOWERS = (
    "App",
    "APP",
    "小程序",
    "平台",
    "品牌",
    "系列",
    "项目",
    "公司",
    "集团",
    "大模型",
    "模型",
    "芯片",
    "手机",
    "车型",
    "系统",
)
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# A product or model code: letters and digits with at least one digit (S7, E5, M6, P7i).
CODE = re.compile(r"[A-Za-z]+\d[A-Za-z0-9]*")
BRAND = re.compile(r"([\u4e00-\u9fff]{2,})[A-Za-z]+\d")
CODE_AFTER_HAN = re.compile(r"(?<=[\u4e00-\u9fff])[A-Za-z]+\d[A-Za-z0-9]*")
# One-character nouns jieba splits off a compound (安置+点, 报案+量, 企业+数, 投保+率).
NOUN_SUFFIXES = frozenset("点量数率额费者员站价")
NOUN_FLAGS = ("n", "vn", "l", "eng", "an", "j")
TIME_FLAGS = frozenset(["t", "tg", "m", "mq", "q", "f"])
STEM_SPECIFICITY = 0.7
RARE_NAME_SPECIFICITY = 0.95
# Weights of subject words, and the evidence two claims need to be paired.
HEAD_WEIGHT = 2.0
TERM_WEIGHT = 1.0
NAME_WEIGHT = 1.5
SCOPE_NAME_WEIGHT = 1.0
CONTEXT_WEIGHT = 0.5
TOPIC_SUPPORT = 1.0
UNIT_SUPPORT = 1.0
# The same exact figure with this many significant digits in two sources is evidence of one fact.
VALUE_SUPPORT = 1.0
# Two passages that print the same distinctive figure are one context: their other pairs get this support.
ANCHOR_SUPPORT = 1.0
DISTINCTIVE_DIGITS = 3
MISMATCH_PENALTY = 1.0
COMMON_PASSAGES = 3
MAGNITUDE_PENALTY = 0.5
CODE_FACTOR = 1.5
# Units specific enough that sharing one is evidence (millimetres of rain, cubic metres per second).
SPECIFIC_KINDS = frozenset(
    ["length", "area", "volume", "mass", "compute", "data", "energy", "charge", "power", "luminance"]
)
MATCH_EVIDENCE = 3.0
# Spans, temperatures and times of day change through a story (起跑时气温28℃, 午间最高气温35.6℃): they
# need more shared words.
DURATION_EVIDENCE = 3.5
MOMENT_KINDS = ("duration", "temperature", "clock")
# A stated value stands for ±0.5% when exact and, when approximate, for its stated precision up to ±5%:
# two exact figures agree within about 1%, two approximations within at most about 10% (as do two
# bounds of one direction).
EXACT_TOLERANCE = 0.005
# A share in tenths (两成, 七成) stands for ±10% of itself (两成: 18% to 22%).
TENTHS_TOLERANCE = 0.1
APPROX_TOLERANCE = 0.05
BOUND_SPAN = 2.0
# At most this many characters before a site word are its name (临溪区人民 of 临溪区人民医院).
SITE_NAME_CHARS = 5
SITE_REACH = 6
ASPECT_NOTES = {"change": " — amounts of change", "from": " — values before a change", "remaining": " — what is left"}


@dataclass(frozen=True)
class Unit:
    """A written unit's meaning: its kind (claims are compared within one kind), unit and factor."""

    kind: str
    name: str
    factor: float


@dataclass(frozen=True)
class Lexicon:
    """The claim vocabulary of `resources/claims.toml`, with the patterns built from it."""

    units: dict[str, Unit]
    scale: dict[str, float]
    before: dict[str, str]
    after: dict[str, str]
    change_words: tuple[str, ...]
    from_words: tuple[str, ...]
    to_between: tuple[str, ...]
    hypothetical: tuple[str, ...]
    remaining_words: tuple[str, ...]
    stop_words: frozenset[str]
    pronouns: frozenset[str]
    generic_measures: frozenset[str]
    generic_makers: frozenset[str]
    not_names: frozenset[str]
    model_variants: frozenset[str]
    time_only: re.Pattern[str]
    org_suffixes: frozenset[str]
    org_after_han: re.Pattern[str]
    site: re.Pattern[str]
    site_name_breaks: frozenset[str]
    temperature_words: re.Pattern[str]
    money_words: frozenset[str]
    currencies_before: dict[str, str]
    induced: frozenset[str]
    outcomes: frozenset[str]
    kinds: frozenset[str]
    synonyms: dict[str, str]
    number: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged claim vocabulary (units, qualifiers, subject words), read once."""
    data = load_toml("claims.toml")
    units = {w: Unit(kind, name, float(factor)) for w, (kind, name, factor) in data["units"].items()}
    after = dict(data["qualifiers"]["after"])
    synonyms = {w: f"〔{group}〕" for group, words in data["subject"]["synonyms"].items() for w in words}
    return Lexicon(
        units=units,
        scale={k: float(v) for k, v in data["scale"].items()},
        before=dict(data["qualifiers"]["before"]),
        after=after,
        change_words=tuple(sorted(data["aspects"]["change_before"], key=len, reverse=True)),
        from_words=tuple(data["aspects"]["from_before"]),
        to_between=tuple(data["aspects"]["to_between"]),
        hypothetical=tuple(data["hypothetical"]["openers"]),
        remaining_words=tuple(sorted(data["aspects"]["remaining_before"], key=len, reverse=True)),
        stop_words=frozenset(data["subject"]["stop_verbs"] + data["subject"]["not_subjects"]),
        pronouns=frozenset(data["subject"]["pronouns"]),
        generic_measures=frozenset(data["subject"]["generic_measures"]),
        generic_makers=frozenset(data["subject"]["generic_makers"]),
        induced=frozenset(data["subject"]["induced"]),
        not_names=frozenset(data["subject"]["not_names"]),
        model_variants=frozenset(data["subject"]["model_variants"]),
        time_only=re.compile("(?:" + "|".join(map(re.escape, data["subject"]["time_words"])) + ")+"),
        org_suffixes=frozenset(data["subject"]["org_suffixes"]),
        org_after_han=re.compile(
            "(?<=[\u4e00-\u9fff])(?:" + "|".join(sorted(data["subject"]["org_suffixes"], key=len, reverse=True)) + ")"
        ),
        site=re.compile(
            f"(?P<name>[\u4e00-\u9fff]{{0,{SITE_NAME_CHARS}}}?)(?P<site>"
            + "|".join(sorted(data["subject"]["site_suffixes"], key=len, reverse=True))
            + ")(?!生)"  # 小学生, 大学生: pupils, not a site
        ),
        site_name_breaks=frozenset(data["subject"]["site_name_breaks"]),
        temperature_words=re.compile("|".join(map(re.escape, data["subject"]["temperature_words"]))),
        money_words=frozenset(data["subject"]["money_words"]),
        currencies_before=dict(data["currencies_before"]),
        outcomes=frozenset(f"〔{g}〕" for g in data["subject"]["outcomes"]),
        kinds=frozenset(f"〔{g}〕" for g in data["subject"]["kinds"]),
        synonyms=synonyms,
        number=_number_pattern(units, after),
    )


def _number_pattern(units: dict[str, Any], after: dict[str, str]) -> re.Pattern[str]:
    """Numeral, magnitude (30多万, 10个亿, 5个多亿), unit and trailing qualifier; not inside a model name (Qwen2.5)."""
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    suffix = "|".join(re.escape(s) for s in sorted(after, key=len, reverse=True) if s not in ("多", "余"))
    return re.compile(
        rf"(?<![A-Za-z0-9.])(?P<num>{MIXED_COMPOUND}|{ARABIC}|{CN_COMPOUND}|{CN_NUMERAL})(?P<more>多|余|几)?\s?(?:个(?P<more3>多)?(?=亿|万))?"
        rf"(?P<mag>万亿|千万|亿|万|(?<=\d)千(?![米克瓦伏卡焦帕赫兆]))?(?P<more2>多|余)?\s?(?P<unit>{unit})?(?P<yuan>人民币|钱)?(?P<suffix>{suffix})?"
    )


@dataclass(frozen=True)
class Quantity:
    """A number parsed from text.

    Attributes:
        value: normalized value (the lower end of a range).
        unit: normalized unit.
        raw: as written, with its qualifiers.
        qualifier: "approx", "over", "under" or "".
        start: offset of `raw` in the clause.
        kind: the unit's kind ("元", "%", "duration", "count"…); "date" for dates.
        end: offset just after `raw`.
        upper: upper end of a range, else None.
        aspect: "", "change" (with its basis: "change:yoy" for 同比, "change:mom" for 环比) or "from".
        marker: the word that marks a change ("下降", "降幅"), or "".
    """

    value: float
    unit: str
    raw: str
    qualifier: str
    start: int
    kind: str = ""
    end: int = 0
    upper: float | None = None
    aspect: str = ""
    marker: str = ""


# --- 1. numbers -------------------------------------------------------------------------------------


def parse_numeral(text: str) -> float | None:
    """Parse an Arabic or Chinese numeral ("3800", "1.5", "两千", "十五", "10亿") to a float."""
    text = DIGIT_GROUPING.sub("", text)
    if text in BARE_UNITS:
        return BARE_UNITS[text]
    mixed = re.fullmatch(r"(\d+(?:\.\d+)?)(万亿|亿|万|千)", text)
    if mixed:
        return float(mixed.group(1)) * MAGNITUDES[mixed.group(2)]
    parts = re.fullmatch(r"(\d+)万(\d)千(?:(\d)百)?", text)
    if parts:
        return int(parts[1]) * 1e4 + int(parts[2]) * 1e3 + int(parts[3] or 0) * 100
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def find_quantities(clause: str) -> list[Quantity]:
    """Every quantity with a unit or magnitude in a clause: dates, shares, money, counts, measures, ranges."""
    written = clause
    if lexicon().temperature_words.search(clause):
        # 28度 in a clause about the weather is 28℃ (one character for one: offsets are kept)
        clause = DEGREES.sub("℃", clause)
    found = _word_forms(clause)
    taken = [range(q.start, q.end) for q in found]
    numbers = [m for m in lexicon().number.finditer(clause) if not any(m.start() in r for r in taken)]
    for group in _ranges(clause, numbers):
        quantity = _quantity(clause, group)
        if quantity is not None:
            found.append(quantity)
    found.sort(key=lambda q: q.start)
    return [_replace(_with_aspect(clause, q, found), raw=written[q.start : q.end]) for q in found]


def _ranges(clause: str, numbers: list[re.Match[str]]) -> Iterator[list[re.Match[str]]]:
    """Numbers one by one, joining "11%至13%", "六到八周" and "10到20亿元" into one range."""
    pending: list[re.Match[str]] = []
    for m in numbers:
        if pending and clause[pending[-1].end() : m.start()] in RANGE_SEPARATORS and _joins(pending[-1], m):
            pending.append(m)
            continue
        if pending:
            yield pending
        pending = [m]
    if pending:
        yield pending


def _joins(low: re.Match[str], high: re.Match[str]) -> bool:
    """Whether two numbers around 至/到 form a range: same unit, or the first one bare."""
    if not (high["unit"] or high["mag"]):
        return False
    return (low["unit"] in (None, high["unit"])) and (low["mag"] in (None, high["mag"]))


def _quantity(clause: str, group: list[re.Match[str]]) -> Quantity | None:
    """One quantity from a number (or a range of two), or None when it is not a claim."""
    last = group[-1]
    unit = lexicon().units.get(last["unit"] or "")
    if not (unit or last["mag"]) or last["more"] == "几" or _not_a_claim(clause, group[0], last, unit):
        return None
    pair = _vague_pair(group[0]["num"], last["mag"]) if len(group) == 1 else None
    values = list(pair) if pair else [_value(m, last) for m in group]
    if any(v is None for v in values):
        return None
    low, high = min(v for v in values if v is not None), max(v for v in values if v is not None)
    kind, name, factor = (unit.kind, unit.name, unit.factor) if unit else ("count", "", 1.0)
    if unit is None and not lexicon().money_words.isdisjoint(tokenize(clause)):
        kind, name = "元", "元"  # 亏了1.8个亿, 欠债5个多亿: an amount said without 元 in a clause about money
    first = group[0].start()
    if name == "元":
        name, kind, first = _currency_before(clause, first)
    name, kind = _per_unit(clause, first, name, kind)
    end = last.end()
    slash = PER_SLASH.match(clause, end)
    if slash and "/" not in name:  # 17960元/平方米 is 每平方米17960元
        per = PER_UNITS.get(slash.group(1), AREA_UNITS.get(slash.group(1), slash.group(1)))
        name, kind, end = f"{name}/{per}", f"{kind}/{unit_kind(per)}", slash.end()
    qualifier, start = _qualifier_before(clause, first)
    more = last["more"] or last["more2"] or last["more3"] or last["suffix"]
    if qualifier == "" and more:
        qualifier = lexicon().after.get(more, "")
    if pair:
        qualifier = "approx"
    upper = round(high * factor, 6) if len(values) > 1 and high != low else None
    return Quantity(round(low * factor, 6), name, clause[start:end], qualifier, start, kind, end, upper)


def _currency_before(clause: str, start: int) -> tuple[str, str, int]:
    """The currency of an amount in 元 named before it (新台币56万元, 港币3亿元 are not yuan): its unit,
    kind, and where the amount's words begin (约新台币56万元 is approximate); 元 itself when none is."""
    for word, unit in lexicon().currencies_before.items():
        if clause[:start].endswith(word):
            return unit, unit, start - len(word)
    return "元", "元", start


def _vague_pair(num: str, mag: str | None) -> tuple[float, float] | None:
    """The range a pair of neighbouring digits says (五六千 -> 5000-6000, 两三万 -> 2-3万, 二三十 -> 20-30),
    when a 十/百/千 or a magnitude follows them (三四个 says too little to compare)."""
    m = VAGUE_PAIR.fullmatch(num)
    if m is None or not (m[3] or mag):
        return None
    low, high = PAIR_DIGITS.index(m[1].replace("两", "二")) + 1, PAIR_DIGITS.index(m[2]) + 1
    if high != low + 1:
        return None
    scale = {"": 1.0, "十": 10.0, "百": 100.0, "千": 1000.0}[m[3]] * MAGNITUDES.get(mag or "", 1.0)
    return low * scale, high * scale


def _value(m: re.Match[str], last: re.Match[str]) -> float | None:
    """A number's value with its magnitude (the range's last magnitude when it has none)."""
    base = parse_numeral(m["num"])
    if base is None:
        return None
    return base * MAGNITUDES.get(m["mag"] or last["mag"] or "", 1.0)


# Classifiers of cases and people: a count of them written in words (五起, 三名) is a stated figure.
WORD_COUNT_UNITS = frozenset({"起", "例", "宗", "名", "人", "位"})


def _not_a_claim(clause: str, first: re.Match[str], last: re.Match[str], unit: Unit | None) -> bool:
    """Ordinals, small counts in words, years, bare 千/百 words (千万不要), time frames and attributives."""
    num = first["num"]
    if clause[max(0, first.start() - 1) : first.start()] == "第" or (
        MALFORMED_CN.search(num) and _vague_pair(num, last["mag"]) is None
    ):
        return True
    if not re.search(f"[{CN_DIGITS}\\d]", num) and not num.startswith("十"):
        return not clause[: first.start()].endswith(tuple(lexicon().before))
    if not num[0].isdigit() and clause[max(0, first.start() - 1) : first.start()] in VAGUE_BEFORE:
        return True  # 几十亿人, 数十年, 上百个: not a stated figure
    if unit is None:
        return False
    if last["unit"] == "块" and not num[0].isdigit() and (parse_numeral(num) or 0) < 10:
        return True  # 这一块 is "this area"; 5块, 两百块 and 两块五 are money
    pair = _vague_pair(num, last["mag"])
    small_word = not num[0].isdigit() and not last["mag"] and (pair[0] if pair else parse_numeral(num) or 0) < 10
    if unit.kind == "count" and small_word:
        # 五起热失控, 三名学生: cases and people counted in words are figures; 一个, 两家 are phrasing
        return not ((parse_numeral(num) or 0) >= 3 and last["unit"] in WORD_COUNT_UNITS)
    opens_clause = not clause[: first.start()].strip()
    if unit.name == "年" and (_is_year(num) or (opens_clause and SHORT_YEAR.match(clause[first.start() :]))):
        return True
    return unit.kind in ATTRIBUTIVE_KINDS and _time_frame_or_attribute(clause, first.start(), last.end(), unit)


def _is_year(numeral: str) -> bool:
    """A four-digit number before 年 is a year (handled as a date), not a duration."""
    return numeral.isdigit() and len(numeral) == 4


def _time_frame_or_attribute(clause: str, start: int, end: int, unit: Unit) -> bool:
    """ "15年前", "未来三年", "一年来" date something; "24小时降雨量" describes a noun: neither is a claim.
    But "23分钟后才抵达" says how long something took, and "7纳米工艺" states the process node."""
    rest = clause[end:]
    if rest.startswith(("后才", "之后才")) or unit.name in STATED_BY_ATTRIBUTE:
        return False
    before = clause[:start].rstrip("约近超过逾")
    window = rest.startswith(("内", "之内", "以内"))
    if unit.kind == "duration" and (rest.startswith(TIME_FRAME_AFTER) or before.endswith(TIME_FRAME_BEFORE)):
        return True
    if unit.kind == "duration" and before.endswith(("前", "较前", "比前")) and not window:
        return True  # 较前一周 dates a comparison; 调价前30天内 is a window
    if unit.name == "天" and clause[end - 1] == "日" and not window:
        return True  # 15日 is a day of the month; 30日内 is a duration
    following = tag(rest[:8])
    if unit.kind == "duration" and following and following[0][1].startswith("v") and not before.endswith(TOOK):
        return True  # 市值一周蒸发, 三年投入: the span an event happened in; 历时4年建成 states one
    return bool(following) and following[0][1].startswith("n") and following[0][0] not in ("内", "里")


def _per_unit(clause: str, start: int, name: str, kind: str) -> tuple[str, str]:
    """ "每秒1800立方米", "每小时雨量近100毫米" are rates: unit "立方米/秒"; "每年投10亿" gives "/年";
    "每公里造价4.3亿元" gives "元/公里" and "每次约126元" "元/次" (a price per trip is not one per km);
    "日均约4万人次" is "人次/天"."""
    pers = list(PER_WORD.finditer(clause[max(0, start - 8) : start]))
    if not pers:
        daily = DAILY_AVERAGE.search(clause[max(0, start - 8) : start])
        return (f"{name}/天", f"{kind}/duration") if daily and name else (name, kind)
    word = pers[-1].group(1)
    per = PER_UNITS.get(word, AREA_UNITS.get(word, word))
    return f"{name}/{per}", f"{kind}/{unit_kind(per)}"


def _qualifier_before(clause: str, start: int) -> tuple[str, int]:
    """The qualifier written just before a number ("超过", "约", "每秒" skipped over), and where it starts."""
    before = clause[:start].rstrip()
    per = PER.search(before)
    head = (before[: per.start()] if per else before).rstrip()
    for word in sorted(lexicon().before, key=len, reverse=True):
        if head.endswith(word):
            return lexicon().before[word], len(head) - len(word)
    return "", start if per is None else per.start()


def _word_forms(clause: str) -> list[Quantity]:
    """Dates and word forms the number pattern misreads: 三分之一, 两成, 一半, 两毛五, 两块五."""
    found: list[Quantity] = []
    for m in DATE.finditer(clause):
        y, mo, d = int(m["y"]), int(m["m"] or 0), int(m["d"] or 0)
        found.append(Quantity(float(y * 10000 + mo * 100 + d), "date", m.group(), "", m.start(), "date", m.end()))
    for m in FRACTION.finditer(clause):
        den, num = parse_numeral(m["den"]), parse_numeral(m["num"])
        if den and num is not None:
            found.append(_share(clause, 100 * num / den, m))
    for m in TENTHS.finditer(clause):  # 两成 20%, 八成五 85%
        found.append(_share(clause, 10 * (parse_numeral(m["num"]) or 0) + (parse_numeral(m["more"] or "") or 0), m))
    found.extend(_share(clause, 50.0, m) for m in HALF.finditer(clause))
    for m in MAO_FEN.finditer(clause):
        found.append(_money(clause, (parse_numeral(m["mao"]) or 0) / 10 + (parse_numeral(m["fen"]) or 0) / 100, m))
    for m in KUAI_MAO.finditer(clause):
        found.append(_money(clause, (parse_numeral(m["yuan"]) or 0) + (parse_numeral(m["mao"]) or 0) / 10, m))
    for m in CLOCK.finditer(clause):
        about = m.group().endswith("时") and clause.startswith(CLOCK_ABOUT, m.end())
        minutes = _clock_minutes(m, about)
        if minutes is not None:
            found.append(
                Quantity(minutes, CLOCK_UNIT, m.group(), "approx" if about else "", m.start(), "clock", m.end())
            )
    for m in HOURS_MINUTES.finditer(clause):
        minutes = 60 * (parse_numeral(m["h"]) or 0) + (parse_numeral(m["min"]) or 0)
        found.append(_worded(clause, minutes, "分钟", "duration", m))
    return found


def _clock_minutes(m: re.Match[str], about: bool = False) -> float | None:
    """A time of day in minutes after midnight (下午2时15分 -> 855), or None when the match is not one:
    an hour alone without the part of the day (3点建议) unless written as news writes a time (14时许,
    8时左右: `about`), or an hour past 24."""
    if not (m["min"] or m["half"] or m["part"] or about):
        return None
    hour, minute = parse_numeral(m["h"]), 30.0 if m["half"] else parse_numeral(m["min"] or "0")
    if hour is None or minute is None or hour > 24 or minute >= 60:
        return None
    if (m["part"] in AFTERNOON and hour < 12) or (m["part"] in ("中午", "午间") and hour < 11):
        hour += 12
    return hour * 60 + minute


def _share(clause: str, percent: float, m: re.Match[str]) -> Quantity:
    """A percentage written in words, with the qualifier before (近三分之一) or after (一半以上) it."""
    return _worded(clause, round(percent, 2), "%", "%", m)


def _money(clause: str, yuan: float, m: re.Match[str]) -> Quantity:
    """An amount of money written in words (两毛五)."""
    return _worded(clause, round(yuan, 6), "元", "元", m)


def _worded(clause: str, value: float, unit: str, kind: str, m: re.Match[str]) -> Quantity:
    """A word-form quantity with its qualifiers."""
    qualifier, start = _qualifier_before(clause, m.start())
    end = m.end()
    suffix = next((s for s in ("以上", "左右", "以下", "多") if clause.startswith(s, end)), "")
    if suffix:
        qualifier, end = qualifier or lexicon().after[suffix], end + len(suffix)
    return Quantity(value, unit, clause[start:end], qualifier, start, kind, end)


def _with_aspect(clause: str, q: Quantity, found: Sequence[Quantity]) -> Quantity:
    """Mark amounts of change (下降97%, 增加一倍 -> +100%) and earlier values (由18%降至11%, 由此前宣布的
    3000万元提高至5000万元)."""
    before = re.sub(r"[了为是达\s]+$", "", clause[: q.start])
    lex = lexicon()
    later = [o for o in found if o.start > q.start and o.kind == q.kind]
    if later:
        between = clause[q.end : min(o.start for o in later)].strip()
        if before.endswith(lex.from_words) or between.endswith(lex.to_between):
            return _replace(q, aspect="from")
    if q.kind != "date" and before.endswith(lex.remaining_words):
        return _replace(q, aspect="remaining")  # 仍有9人住院 is what is left, not the total
    # 降为15% is where a figure fell to, a level; 降了15% and 降幅为15% are by how much.
    to_level = re.search(r"(?<![幅速])为$", re.sub(r"[了是达\s]+$", "", clause[: q.start])) is not None
    marker = "" if to_level else next((w for w in lex.change_words if before.endswith(w)), "")
    if q.kind == "date" or not marker:
        return q
    basis = next((name for name, pattern in CHANGE_BASES.items() if pattern.search(before)), "")
    aspect = f"change:{basis}" if basis else "change"
    if q.unit == "倍":  # 增加一倍 is +100%; 翻了三倍 stays a multiple (its reading is ambiguous)
        return _replace(q, value=q.value * 100, unit="%", kind="%", aspect=aspect, marker=marker)
    return _replace(q, aspect=aspect, marker=marker)


def _replace(q: Quantity, **changes: Any) -> Quantity:
    """A copy of a quantity with some fields changed."""
    fields = {**q.__dict__, **changes}
    return Quantity(**fields)


# --- 2. subjects ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """What a number counts, as words of its clause and sentence (Simplified)."""

    display: str
    head: tuple[str, ...]
    event: tuple[str, ...]
    terms: tuple[str, ...]
    context: tuple[str, ...]
    names: tuple[str, ...]
    name_scope: str


@dataclass(frozen=True)
class ClauseContext:
    """Where a number sits: its clause (other numbers blanked), the rest of its sentence, the sentence
    before, name stems known in the corpus (远航 of 远航S7), and the time references of its sentence
    and of the sentence before."""

    clause: str
    others: str
    previous: str
    stems: frozenset[str] = frozenset()
    times: tuple[str, ...] = ()
    previous_times: tuple[str, ...] = ()


def describe(where: ClauseContext, q: Quantity) -> Subject:
    """The subject of a quantity: head nouns, event, modifiers, context and names."""
    seg_start, segment = _segment(where.clause, q.start)
    before_tags = _tagged(TRAILING_LINK.sub("", segment[: q.start - seg_start]), where.stems)
    after_tags = _tagged(segment[q.end - seg_start :], where.stems)
    before, after = _content(before_tags), _content(after_tags)
    measure, counted, verb = _measured(where, q, seg_start, before_tags, after_tags)
    head = tuple(dict.fromkeys((*measure, *counted)))
    event = tuple(dict.fromkeys(w for w in (verb, q.marker) if w and w not in head))
    words = [w for w, f in (*before, *after) if not _is_name(w, f)]
    terms = tuple(dict.fromkeys(w for w in words if w not in head and w not in event))
    names, scope, context_words = _names_in_scope(where, before + after)
    context = dict.fromkeys(w for w, f in context_words if f.startswith(NOUN_FLAGS))
    context_terms = tuple(w for w in context if w not in (*terms, *head, *event, *names))
    display = _display(measure, counted, verb, q.marker)
    return Subject(display, head, event, terms, context_terms, names, scope)


def _measured(
    where: ClauseContext,
    q: Quantity,
    seg_start: int,
    before_tags: list[tuple[str, str]],
    after_tags: list[tuple[str, str]],
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The measured noun run before a number, the counted noun run after it, and the event verb."""
    before, after = _content(before_tags), _content(after_tags)
    counted = _counted(after_tags) if q.kind != "duration" else ()  # 30天内购车的人: a span counts nothing
    measure = _measure(before_tags, q.marker, counts=bool(counted))
    verb = _nearest_verb(before, q.marker) or _first_verb(after[len(counted) :])
    if not counted and q.kind == "count" and after and after[0][1].startswith("v") and after[0][1] != "vn":
        verb = after[0][0]  # 造成5人死亡: what happened to those counted is the event
    if not verb and seg_start:  # 上架语言、音频、视觉等100多款模型: the verb before the list governs it
        verb = _nearest_verb(_content(_tagged(where.clause[:seg_start], where.stems)), q.marker)
    if not (measure or counted or verb or q.marker):  # "达到每小时98毫米": named in an earlier clause
        measure = _measure(_tagged(where.others, where.stems), "")
    return measure, counted, verb


def _names_in_scope(
    where: ClauseContext, near: list[tuple[str, str]]
) -> tuple[tuple[str, ...], str, list[tuple[str, str]]]:
    """Names the number is about, where they come from ("clause", "sentence", "previous" or ""), and
    the words of its context: the rest of the sentence, plus the previous sentence when the names
    come from there (Chinese often leaves a sentence's subject unsaid: it is the previous one's)."""
    others = _content(_tagged(where.others, where.stems))
    names = _names(near) or _names(_content(_tagged(where.clause, where.stems)))
    if names := tuple(dict.fromkeys((*names, *quoted_names(where.clause)))):
        return names, "clause", others
    if names := tuple(dict.fromkeys((*_names(others), *quoted_names(where.others)))):
        return names, "sentence", others
    previous = _content(_tagged(where.previous, where.stems))
    names = tuple(dict.fromkeys((*_names(previous), *quoted_names(where.previous))))
    return names, "previous" if names else "", others + previous


def quoted_names(text: str) -> tuple[str, ...]:
    """Brand and product names news sets in quotes (新茶饮品牌“一颗柠”, 「稅易通」): short quoted words
    with no punctuation, right after a noun that introduces a name or right before one."""
    found = []
    for m in QUOTED_NAME.finditer(text):
        inner = to_simplified(m.group(1))
        after = text[m.end() : m.end() + 4]
        if text[max(0, m.start() - 4) : m.start()].endswith(NAME_INTRODUCERS) or after.startswith(NAME_FOLLOWERS):
            found.append(inner)
    return tuple(found)


def _display(measure: tuple[str, ...], counted: tuple[str, ...], verb: str, marker: str) -> str:
    """A short label of what is counted: 单车毛利率, 转移居民, 官方指导价下调."""
    if counted:
        return verb + counted[0] if verb and len(verb) > 1 and len(counted) == 1 and not measure else "".join(counted)
    if measure:
        label = "".join(measure[-2:])
        return label + (marker if marker not in label else "")
    return verb or marker


def _segment(clause: str, start: int) -> tuple[int, str]:
    """The part of a clause between enumeration commas (、, 以及, or 及/和/与 right before a number) that
    holds a number, and its offset; a partitive (14份样品中有6份检出) also divides the whole, with its
    figure, from the part."""
    breaks = [*SEGMENT_BREAK.finditer(clause), *PARTITIVE.finditer(clause)]
    cut = 0
    for m in sorted(breaks, key=lambda m: m.start()):
        if m.re is PARTITIVE and not BLANKED_NUMBER.search(clause, cut, m.start()) and start >= m.start():
            continue  # no figure before it: 学生中有3人 keeps 学生 as what 3人 counts
        if m.start() >= start:
            return cut, clause[cut : m.start()]
        cut = max(cut, m.end())
    return cut, clause[cut:]


def _tagged(text: str, stems: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """jieba tags with compounds rejoined: 安置+点, 报案+量 (one-character noun suffixes), 远航+S7 (a
    product code joins the word before it), 宁川+电池 (a company suffix joins a name); known name
    stems are names even where jieba reads them as verbs or cuts them (绿+循)."""
    out: list[tuple[str, str]] = []
    for word, flag in tag(text):
        flag = "nz" if word in stems else flag
        if out and out[-1][0] + word in stems:  # 绿 / 循: jieba cut a stem it leaves whole elsewhere
            out[-1] = (out[-1][0] + word, "nz")
            continue
        previous, previous_flag = out[-1] if out else ("", "")
        if previous.isdigit() and word.startswith("号"):
            out[-1] = (previous + word, "nz")  # 7号线, 3号楼: numbered names
            continue
        if previous_flag == "m" and _classifier(word[0]) and len(word) > 1 and word_tag(word[1:]) is not None:
            # jieba's dictionary has a classifier glued to what it counts (5 颗卫星, 架飞机): split them
            out.extend([(word[0], "q"), (word[1:], word_tag(word[1:]) or "n")])
            continue
        if flag == "eng" and word.lower() in lexicon().model_variants and CODE.fullmatch(previous.split(" ")[0]):
            out[-1] = (f"{previous} {word}", "nz")  # Z10 + Pro: one model's name, not the series'
            continue
        if HAN_WORD.fullmatch(previous):
            joined = _join(previous, previous_flag, word, flag)
            if joined is not None:
                out[-1] = joined
                continue
        out.append((word, flag))
    return out


def _classifier(char: str) -> bool:
    """Whether a character is a classifier of counts in the claim vocabulary (颗, 架, 名)."""
    unit = lexicon().units.get(char)
    return unit is not None and unit.kind == "count"


def _join(previous: str, previous_flag: str, word: str, flag: str) -> tuple[str, str] | None:
    """The compound two adjacent words form, if they form one (see `_tagged`)."""
    if word in ("至", "到") and previous_flag.startswith("v"):
        return previous + word, "p"  # 降至, 提高到: states the new value
    if word in NOUN_SUFFIXES and previous_flag[:1] in ("n", "v", "b"):
        return previous + word, "n"
    if flag == "eng" and CODE.fullmatch(word) and (previous_flag in NAME_FLAGS or _could_be_name(previous)):
        return previous + word, "nz"
    if word in lexicon().org_suffixes and (previous_flag in NAME_FLAGS or previous_flag in ("ns", "j")):
        return previous + word, "nt"
    return None


def _content(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Tagged words that can say what is counted: no numerals, time words, pronouns, particles or stop verbs."""
    return [(word, flag) for word, flag in tagged if _is_content(word, flag)]


def _is_content(word: str, flag: str) -> bool:
    """A noun, verb, adjective or name that is not a stop word."""
    lex = lexicon()
    if flag in TIME_FLAGS or word in lex.pronouns or word in lex.stop_words or not re.search(r"\w", word):
        return False
    if len(word) < 2:  # one character says something only when it is a known event word (投, 降)
        return flag.startswith("v") and word in lex.synonyms
    return flag.startswith(("n", "v", "a", "b", "j", "l", "eng"))


def _measure(tagged: list[tuple[str, str]], marker: str, *, counts: bool = False) -> tuple[str, ...]:
    """The noun run right before a number ("单车毛利率" -> 单车, 毛利率), or () when an event verb comes
    between (当局已转移…: 当局 is who acts, not what is counted; with a counted noun after the number,
    even a one-character verb: 线路共设十八座车站). The run stops at 的 (in X的Y, Y is measured);
    names and places are not measures."""
    run: list[str] = []
    for word, flag in reversed(tagged):
        if word == "的" and run:
            break
        if word == marker:
            continue
        if counts and flag.startswith("v") and flag != "vn" and word not in lexicon().stop_words and len(word) < 2:
            break
        if not _is_content(word, flag) or (not run and flag.startswith(("a", "b"))):
            continue
        if flag.startswith(NOUN_FLAGS) and not _is_name(word, flag) and flag != "ns":
            run.insert(0, word)
        elif run or flag.startswith("v"):
            break
    return tuple(run[-2:])


def _counted(tagged: list[tuple[str, str]]) -> tuple[str, ...]:
    """The noun run right after a number, 的 and modifiers skipped: what it counts (名居民, 个安置点)."""
    run: list[str] = []
    for word, flag in tagged:
        if (not run and word == "的") or (not run and flag.startswith(("a", "b"))) or not _is_content(word, flag):
            continue
        if not flag.startswith(NOUN_FLAGS) or _is_name(word, flag) or word in QUALIFIERS:
            break  # 6颗卫星全数损失: 全数 qualifies what follows, the count is of 卫星
        run.append(word)
    return tuple(run[-2:])


def _nearest_verb(before: list[tuple[str, str]], marker: str) -> str:
    """The event verb closest before a number (转移, 接入), skipping verbs that only state it."""
    return next((w for w, f in reversed(before) if f.startswith("v") and f != "vn" and w != marker), "")


def _first_verb(after: list[tuple[str, str]]) -> str:
    """The first event verb after a number ("30多万企业客户已经接入…" -> 接入)."""
    return next((w for w, f in after if f.startswith("v") and f != "vn"), "")


def _is_name(word: str, flag: str) -> bool:
    """Names of companies, products, people: jieba name tags, and Latin words that are not acronyms."""
    if word in lexicon().not_names or word in lexicon().units:  # mAh, kW: units, not camel-case names
        return False
    if flag in NAME_FLAGS:
        # A word jieba guessed (not in its dictionary) across a function character (安脉宁是睿… -> 宁是睿)
        # is a mis-cut, and time words its dictionary tags as a name (今天上午) are not one.
        guessed_across = word_tag(word) is None and any(ch in GUESS_BREAKERS for ch in word)
        return len(word) >= 2 and not guessed_across and not lexicon().time_only.fullmatch(word)
    if flag != "eng":
        return False
    # A code (S7, Qwen2) or a camel-case name (OpenAI, iPhone); acronyms (AI, API, CEO) and plain words are terms.
    return any(c.isdigit() for c in word) or (any(c.islower() for c in word) and any(c.isupper() for c in word[1:]))


def _names(tagged: list[tuple[str, str]]) -> tuple[str, ...]:
    """The names among tagged words, in order; a product's brand is also a name (远航S7 -> 远航)."""
    names: list[str] = []
    for word, flag in tagged:
        if _is_name(word, flag):
            brand = BRAND.match(word)
            names.extend([word, brand.group(1)] if brand and _could_be_name(brand.group(1)) else [word])
    return tuple(dict.fromkeys(names))


def _could_be_name(word: str) -> bool:
    """A Han word that is not a common noun of jieba's dictionary (模型 of 模型M6 is not a name)."""
    if not HAN_WORD.fullmatch(word) or len(word) < 2:
        return False
    return word_tag(word) != "n" and background_specificity(word) >= STEM_SPECIFICITY


def name_stems(texts: Sequence[str]) -> frozenset[str]:
    """Words that some text joins to a product code (远航 of 远航S7) or writes before a company suffix
    while jieba's dictionary does not know them (星衡 of 星衡科技), or cuts into two single characters
    (绿 / 循 of 绿循科技): names even where jieba reads a verb or guesses a person (星衡由…创立)."""
    stems = set()
    for text in texts:
        for m in CODE_AFTER_HAN.finditer(text):
            words = [w for w, _ in tag(text[max(0, m.start() - 6) : m.start()])]
            if words and _could_be_name(words[-1]):
                stems.add(words[-1])
        for m in lexicon().org_after_han.finditer(text):
            tagged = tag(text[max(0, m.start() - 6) : m.start()])
            words = [w for w, _ in tagged]
            if words and HAN_WORD.fullmatch(words[-1]) and len(words[-1]) >= 2 and word_tag(words[-1]) is None:
                stems.add(words[-1])
            elif (
                len(tagged) >= 2
                and all(_single_name_char(w, f) for w, f in tagged[-2:])
                and not (len(tagged) >= 3 and _single_name_char(*tagged[-3]))  # 绿/循/新 + 能源: which two?
            ):
                stems.add(words[-2] + words[-1])  # 绿 / 循 + 科技: a name jieba cut into characters
            elif len(tagged) >= 2 and all(f == "n" and len(w) >= 2 for w, f in tagged[-2:]) and _rare(words[-2]):
                stems.add(words[-2])  # 穹宇 + 航天 + 科技: a rare dictionary word naming the company
    return frozenset(stems)


def _rare(word: str) -> bool:
    """A word so rare in general Chinese (jieba's background IDF) that before a company's trade it is the
    company's name (穹宇 of 穹宇航天科技), not a common noun (中国, 国家, 科技)."""
    return background_specificity(word) >= RARE_NAME_SPECIFICITY


def _single_name_char(word: str, flag: str) -> bool:
    """A single Han character jieba cut from a name it does not know: not a function word."""
    return (
        len(word) == 1
        and HAN_WORD.fullmatch(word) is not None
        and word not in GUESS_BREAKERS
        and flag[:1] not in "rpcudmqfy"
    )


def sentence_times(text: str) -> list[str]:
    """Time references in a text, in order: years, dates, days, 去年, 截至目前…"""
    return [m.group() for m in TIME_WORDS.finditer(text)]


# --- 3. claims --------------------------------------------------------------------------------------


def extract_claims(passages: Sequence[Passage]) -> tuple[Claim, ...]:
    """Quantitative claims of all passages, numbered in passage order.

    Args:
        passages: passages with Simplified text (and topics, if aligned).

    Returns:
        One claim per quantity with a unit or magnitude whose subject could be named.
    """
    stems = name_stems([p.text_simplified for p in passages])
    partners = name_partners(passages)
    claims: list[Claim] = []
    for passage in passages:
        for where, offset, q in _quantities(passage.text_simplified, stems):
            claim = _claim(passage, where, offset, q, f"c{len(claims) + 1}")
            if claim is not None:
                claims.append(claim)
        for claim in event_dates(passage, partners, stems):
            claims.append(replace(claim, id=f"c{len(claims) + 1}"))
    return tuple(claims)


def _rate_label(display: str, unit: str) -> str:
    """A one-character subject of a rate says how often: 投 of 每年投10亿 -> 每年投."""
    per = unit.partition("/")[2]
    return f"每{per.removeprefix('个')}{display}" if per and len(display) == 1 else display


def _quantities(text: str, stems: frozenset[str]) -> Iterator[tuple[ClauseContext, int, Quantity]]:
    """Each quantity of a text with its clause context and the clause's offset in the text."""
    previous, position = "", 0
    for sentence in split_sentences(text):
        start = text.find(sentence, position)
        position = start + len(sentence)
        if sentence.lstrip("“「\"'（(").startswith(lexicon().hypothetical):
            previous = sentence
            continue  # 比如买一套260万元的新房，可获补贴26000元: an illustration, not a reported figure
        clauses = [(m, find_quantities(m.group())) for m in CLAUSE.finditer(sentence)]
        for m, found in clauses:
            others = sentence[: m.start()] + "，" + sentence[m.end() :]
            for q in found:
                if q.kind != "date":
                    # A time in another clause dates that clause's own figure of this kind, not this one
                    # (…30辆救护车候命，但去年同样出动30辆: 去年 is the second figure's).
                    lent = [o.group() for o, its in clauses if o is not m and not any(x.kind == q.kind for x in its)]
                    times = (*sentence_times(m.group()), *(t for o in lent for t in sentence_times(o)))
                    clause = _blank_others(m.group(), q, found)
                    where = ClauseContext(clause, others, previous, stems, times, tuple(sentence_times(previous)))
                    yield where, start + m.start(), q
        previous = sentence


def _blank_others(clause: str, q: Quantity, found: Sequence[Quantity]) -> str:
    """The clause with the other numbers blanked out, so their units are not read as subject words, and
    stock codes too (恒澜银行(2689.HK)周二收跌6.2%: HK is not what fell)."""
    spans = [(other.start, other.end) for other in found if other is not q]
    spans += [m.span() for m in STOCK_CODE.finditer(clause) if m.end() <= q.start or m.start() >= q.end]
    for start, end in spans:
        clause = clause[:start] + " " * (end - start) + clause[end:]
    return clause


def _claim(passage: Passage, where: ClauseContext, offset: int, q: Quantity, claim_id: str) -> Claim | None:
    """A claim from a quantity, or None if nothing in its clause says what it counts."""
    subject = describe(where, q)
    if not (subject.head or subject.event):
        return None
    same_length = len(passage.text) == len(passage.text_simplified)
    original = passage.text if same_length else passage.text_simplified
    # The clause's time, else its sentence's; the previous sentence's only when the subject comes from there.
    times = where.times or (where.previous_times if subject.name_scope == "previous" else ())
    return Claim(
        id=claim_id,
        source=passage.source,
        passage=passage.id,
        text=original[offset : offset + len(where.clause)].strip(),
        subject=_rate_label(subject.display, q.unit),
        value=q.value,
        unit=q.unit,
        raw=q.raw,
        qualifier=q.qualifier,
        time=times[0] if times else "",
        upper=q.upper,
        aspect=q.aspect,
        head=subject.head,
        event=subject.event,
        terms=subject.terms,
        context=subject.context,
        names=subject.names,
        name_scope=subject.name_scope,
        topics=passage.topics,
    )


# --- event dates ----------------------------------------------------------------------------------

DATE_UNIT = "date"
EVENT_NAME_FLAGS = frozenset({"nt", "nz", "nrt", "j"})
# Event verbs that take what they found or launch as object: without a named object they name nothing.
TRANSITIVE_EVENTS = frozenset({"创办", "创立", "创建", "组建", "发布", "推出", "首发"})
OPENING_QUOTES = frozenset('“「『"《')
# Punctuation that does not end a clause for the name an event is about: quotes and brackets (甲骨文(Oracle)).
INNER_MARKS = frozenset("“”「」『』\"《》'()（）")
# In a clause with these, the thing an event verb is about comes before 被/由 (X被赶出Y, X由Y创立) or
# after 把 (把X下线).
PASSIVE_MARKERS = frozenset({"被", "由", "把"})
# A name right after these is where something happened, not what it happened to (从支付宝下线).
PLACE_PREPOSITIONS = frozenset({"从", "在", "于", "自"})
# A bracketed aside in Latin script only (an English company name, "Co., Ltd."): left out when finding
# an event's name, so the Chinese name before it reaches the verb after it.
# A listed company's code after its name: (2689.HK), （600519.SH）, (NASDAQ: BABA), （股份代號：2689）.
STOCK_CODE = re.compile(
    r"[（(]\s*(?:(?:[A-Za-z]{2,8}|股票代码|股份代号|股份代號|证券代码|證券代碼)\s*[:：]?\s*)?"
    r"(?:\d{4,6}(?:\.[A-Za-z]{1,3})?|[A-Z]{1,5}(?=\s*[)）]))\s*[)）]"
)
LATIN_ASIDE = re.compile(r"[（(][^（）()\u4e00-\u9fff]{1,80}[）)]")
AS_OF = ("截至", "截止", "截至到")
# A meeting named in fewer characters (大会, 会议, 年会) is any meeting, not one a story is about.
MIN_GATHERING_CHARS = 3
# A month and day; the year comes from the last date before it.
MONTH_DAY = re.compile(r"(?<![\d月])(?<!\d年)(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])[日号]")


@lru_cache(maxsize=1)
def event_verbs() -> dict[str, str]:
    """Event verb -> its kind of event ("创办" -> "founding"), from resources/claims.toml."""
    return {verb: kind for kind, verbs in load_toml("claims.toml")["events"].items() for verb in verbs}


def event_dates(
    passage: Passage, partners: dict[str, str] | None = None, stems: frozenset[str] = frozenset()
) -> list[Claim]:
    """Dates stated for an event: a date of a sentence with the event verb of its own clauses, about the
    name the verb governs (see `_event_name`). A sentence with several dates is cut into spans, each a
    date's clause with the clauses up to the next date (2013年5月17日，IBM小型机下线，7月10日，Oracle数据库
    下线); a span with no date, two dates or two kinds of event verb is left out. A month and day
    without a year take the year of the last date before them in the passage; a span that names no one
    is about the name of the sentence's span before it (绿循科技成立于2012年，2021年在港交所上市).
    `partners` maps a name to the other form the corpus gives it (甲骨文 <-> oracle, see `name_partners`);
    the claim names both. `stems` are names the corpus writes with a suffix (星衡 of 星衡科技, see `name_stems`).
    Ids are left blank for the caller to number.
    """
    text = passage.text_simplified
    same_length = len(passage.text) == len(text)
    found: list[Claim] = []
    position, year = 0, 0
    for sentence in split_sentences(text):
        start = text.find(sentence, position)
        position = start + len(sentence)
        spans, year = _date_spans(sentence, year)
        quoted = (passage.text if same_length else text)[start : start + len(sentence)].strip()
        subject = ""  # a span that names no one continues the sentence's subject (A成立于2012年，2021年上市)
        for span, date in spans:
            tagged = _tagged(LATIN_ASIDE.sub("", span), stems)
            verbs = [(n, w) for n, (w, f) in enumerate(tagged) if w in event_verbs() and f.startswith("v")]
            if len({event_verbs()[w] for _, w in verbs}) != 1:
                continue
            index, verb = verbs[0]
            kind = event_verbs()[verb]
            if kind == "gathering":
                name = _gathering(tagged, index)
            elif kind == "effective":
                name = (
                    _taking_effect(tagged, index) if "起" in (w for w, _ in tagged[max(0, index - 3) : index]) else ""
                )
            else:
                name = _event_name(tagged, index, partners or {}) or (subject if verb not in TRANSITIVE_EVENTS else "")
            if not name:
                continue
            subject = name if kind not in ("gathering", "effective") else subject
            forms = _name_forms(name, partners or {}, stems)
            found.append(
                Claim(
                    id="",
                    source=passage.source,
                    passage=passage.id,
                    text=quoted,
                    subject=f"{name} {verb}",
                    value=date.value,
                    unit=DATE_UNIT,
                    raw=date.raw,
                    event=(event_verbs()[verb],),
                    names=forms,
                    name_scope="clause",
                    topics=passage.topics,
                )
            )
    return found


def _qualifies_meeting(flag: str) -> bool:
    """A word that can say which meeting: a noun, adjective, distinguishing word or adverb (股东 / 特别)."""
    return flag[0] in "nabd" or flag == "vn"


def _taking_effect(tagged: list[tuple[str, str]], verb: int) -> str:
    """What takes effect from a date: the story's own rule when the verb ends its clause (新政自3月20日起
    施行。), else the thing the verb names after it (起实施第七波选择性信用管制, 起实施的《财务公平规定》),
    so another rule's date is not compared with it."""
    named: list[str] = []
    for word, flag in tagged[verb + 1 :]:
        if word in INNER_MARKS or word in ("的", "了"):
            continue
        if flag == "x":
            break
        named.append(word)
    return "".join(named) or "自…起"


def _gathering(tagged: list[tuple[str, str]], verb: int) -> str:
    """The meeting a holding verb is about: the nearest word of its span ending like a meeting (听证会,
    股东大会, 新闻发布会) that is not a body or a word that only ends like one (委员会, 社会)."""
    rules = load_toml("claims.toml")["gatherings"]
    order = sorted(range(len(tagged)), key=lambda n: (abs(n - verb), n < verb))
    for n in order:
        word, flag = tagged[n]
        if flag.startswith("n") and word.endswith(tuple(rules["suffixes"])) and word not in rules["not_gatherings"]:
            # a bare 大会 or 会议 takes the words that say which (股东 / 特别 / 大会)
            start = n
            while (
                len(word) < MIN_GATHERING_CHARS and start > max(0, n - 2) and _qualifies_meeting(tagged[start - 1][1])
            ):
                start -= 1
                word = tagged[start][0] + word
            return word if len(word) >= MIN_GATHERING_CHARS else ""
    return ""


def _name_forms(name: str, partners: dict[str, str], stems: frozenset[str]) -> tuple[str, ...]:
    """A name and the other forms the corpus gives it: its bracket gloss (甲骨文 / oracle) and, for a
    company written with a suffix, the name without it (星衡科技 / 星衡) and the short names it holds
    (绿循新能源科技股份有限公司 / 绿循)."""
    forms = [name]
    if name.lower() in partners:
        forms.append(partners[name.lower()])
    for suffix in lexicon().org_suffixes:
        if name.endswith(suffix) and name[: -len(suffix)] in stems:
            forms.append(name[: -len(suffix)])
    if name.endswith(tuple(lexicon().org_suffixes)):  # a full company name holds its short one
        forms += sorted(stem for stem in stems if stem in name and stem != name)
    return tuple(dict.fromkeys(forms))


def _date_spans(sentence: str, year: int) -> tuple[list[tuple[str, Quantity]], int]:
    """A sentence cut into spans of one date each, and the last year stated (for the next sentence).

    Clauses before the first date belong to it; a clause with no date belongs to the date before it.
    A clause with two dates (a range, 5月至7月) spoils its span."""
    spans: list[tuple[int, int, list[Quantity]]] = []
    for m in CLAUSE.finditer(sentence):
        dates, year = _clause_dates(m.group(), year)
        if dates and spans and spans[-1][2]:
            spans.append((m.start(), m.end(), dates))
        elif spans:
            spans[-1] = (spans[-1][0], m.end(), spans[-1][2] + dates)
        else:
            spans.append((m.start(), m.end(), dates))
    return [(sentence[a:b], dates[0]) for a, b, dates in spans if len(dates) == 1], year


def _clause_dates(clause: str, year: int) -> tuple[list[Quantity], int]:
    """Dates of a clause, a month and day without a year given `year` (none if no year is known yet),
    and the last year stated."""
    dates = [q for q in find_quantities(clause) if q.kind == DATE_UNIT]
    if dates:
        year = date_parts(dates[-1].value)[0]
    for m in MONTH_DAY.finditer(clause):
        if not any(d.start <= m.start() < d.end for d in dates):  # year 0: not stated in the passage yet
            value = float(year * 10000 + int(m.group("m")) * 100 + int(m.group("d")))
            dates.append(Quantity(value, DATE_UNIT, m.group(), "", m.start(), DATE_UNIT, m.end()))
    # 截至4月2日: the time a figure is counted at, not the date of an event
    dates = [d for d in dates if not clause[max(0, d.start - 2) : d.start].endswith(AS_OF)]
    return sorted(dates, key=lambda q: q.start), year


def name_partners(passages: Sequence[Passage]) -> dict[str, str]:
    """Name -> the other form the corpus itself gives it in brackets (甲骨文(Oracle): 甲骨文 -> oracle and
    oracle -> 甲骨文), in lower case, from `corpus_aliases`."""
    partners: dict[str, str] = {}
    for feature in set(corpus_aliases(passages).values()):
        chinese, latin = feature[1:-1].split("=", 1)
        partners.setdefault(chinese, latin)
        partners.setdefault(latin, chinese)
    return partners


def _event_name(tagged: list[tuple[str, str]], verb: int, partners: dict[str, str]) -> str:
    """The name an event verb is about: the run of name words right after it, quotes skipped (创办阿里云,
    推出“通义”). For a verb with no object (成立, 诞生, 上市), else: the nearest name before it in its
    clause (阿里云也由此诞生), skipping a place after a preposition (从支付宝下线) and not looking past a
    count (阿里 / 一台IBM小型机). In a passive clause the name comes before 被 or 由 (甲骨文的数据库被
    “赶出”淘宝, 星衡由陈启航于2018年创立), in a 把 clause between 把 and the verb. A launch or founding
    verb without a named object names nothing: the company before 发布 is not what was launched. A
    Latin name is a name when the corpus glosses it."""
    before = tagged[:verb]
    clause_start = max(
        (n + 1 for n, (_, f) in enumerate(before) if f == "x" and before[n][0] not in INNER_MARKS), default=0
    )
    markers = [n for n in range(clause_start, verb) if before[n][0] in PASSIVE_MARKERS]
    if markers:
        marker = markers[-1]
        start, end = (marker + 1, verb) if before[marker][0] == "把" else (clause_start, marker)
        return _name_before(before[:end], start, partners)
    after: list[str] = []
    for word, flag in tagged[verb + 1 :]:
        if not after and (word in OPENING_QUOTES or flag in ("ul", "ug", "uj")):
            continue  # 推出“通义”, 发布了X9
        if _is_event_name(word, flag, partners) or (after and flag in ("eng", "m")):
            after.append(word)
        elif after and flag.startswith("n") and word_tag(after[-1]) is None and not after[-1].isascii():
            after.append(word)  # a new name jieba split (青澜 / 高铁) keeps its nouns
        else:
            break
    if after:
        return "".join(after)
    if tagged[verb][0] in TRANSITIVE_EVENTS:
        return ""
    return _name_before(before, clause_start, partners)


def _name_before(before: list[tuple[str, str]], start: int, partners: dict[str, str]) -> str:
    """The nearest event name in before[start:], scanning back from its end (see `_event_name`); names
    after a place preposition are where, not what (在香港联合交易所主板上市, 从支付宝下线)."""
    place = max((n for n in range(start, len(before)) if before[n][0] in PLACE_PREPOSITIONS), default=-1)
    for n in range(len(before) - 1, start - 1, -1):
        word, flag = before[n]
        if flag == "m" and not word.isdigit() and word[-1] not in "年月日号":
            break  # a count (一台, 两款) begins the phrase the verb is about: what precedes it is not
        if not _is_event_name(word, flag, partners) or n > place >= 0:
            continue
        if flag == "eng":
            return word
        # with the nouns that follow it (腾讯 云 -> 腾讯云: jieba splits names it does not know)
        for follow, follow_flag in before[n + 1 :]:
            if not (follow_flag.startswith("n") or follow_flag == "eng"):
                break
            word += follow
        return word
    return ""


def _is_event_name(word: str, flag: str, partners: dict[str, str]) -> bool:
    """Organisations, brands and products can be founded or launched; places and people cannot (X在深圳
    成立 is not the founding of 深圳). A Latin word is a name if it looks like one or the corpus glosses it;
    a Han noun outside jieba's dictionary is a new name."""
    if flag == "eng":
        return _is_name(word, flag) or word.lower() in partners
    if len(word) < 2:
        return False
    # A noun jieba's dictionary lacks (青澜 of 青澜高铁) is a new name, unless guessed across a function word.
    guessed = flag.startswith("n") and word_tag(word) is None and HAN_WORD.fullmatch(word) is not None
    return flag in EVENT_NAME_FLAGS or (guessed and not any(ch in GUESS_BREAKERS for ch in word))


def _date_groups(claims: Sequence[Claim], voice: Mapping[str, str]) -> list[list[Claim]]:
    """Event dates of two or more sources about the same kind of event and the same name, in any of the
    forms a claim names it (exactly: 阿里 and 阿里云 are different companies; 甲骨文 and Oracle, 星衡科技
    and 星衡 are one where the corpus says so), one claim per source (a copy and its original are one), in
    claim order."""
    root: dict[tuple[str, str], tuple[str, str]] = {}

    def find(key: tuple[str, str]) -> tuple[str, str]:
        while root.setdefault(key, key) != key:
            key = root[key]
        return key

    for claim in claims:
        forms = [(claim.event[0], n.lower()) for n in claim.names]
        for form in forms[1:]:
            root[find(form)] = find(forms[0])
    groups: dict[tuple[str, str], dict[str, Claim]] = {}
    for claim in claims:
        groups.setdefault(find((claim.event[0], claim.names[0].lower())), {}).setdefault(_voice(claim, voice), claim)
    return [list(by_source.values()) for _, by_source in sorted(groups.items()) if len(by_source) > 1]


def dates_agree(a: Claim, b: Claim) -> bool:
    """Two dates agree when their years match and so do their months and days where both state them."""
    parts_a, parts_b = date_parts(a.value), date_parts(b.value)
    years_agree = parts_a[0] == parts_b[0] or (0 in (parts_a[0], parts_b[0]) and 0 not in (parts_a[1], parts_b[1]))
    return all(x == y or 0 in (x, y) for x, y in zip(parts_a, parts_b, strict=True)) and years_agree


def date_parts(value: float) -> tuple[int, int, int]:
    """(year, month, day) of a date value yyyymmdd, 0 for a part not stated."""
    number = round(value)
    return number // 10000, number // 100 % 100, number % 100


# --- 4. matching and comparison ---------------------------------------------------------------------


def unit_kind(unit: str) -> str:
    """The kind of a normalized unit: claims are compared only within one kind."""
    if "/" in unit:
        base, per = unit.split("/", 1)
        return f"{unit_kind(base)}/{unit_kind(per)}"
    by_name = {u.name: u.kind for u in lexicon().units.values()}
    return by_name.get(unit, "count" if unit == "" else unit)


def comparable_value(claim: Claim, value: float) -> float:
    """A value in its kind's base unit (30天 and 一个月 compare), so ranges and tolerances apply."""
    scale = lexicon().scale
    base, _, per = claim.unit.partition("/")
    return value * scale.get(base, 1.0) / (scale.get(per, 1.0) if per else 1.0)


def units_comparable(a: Claim, b: Claim) -> bool:
    """Same unit kind; counts need the same classifier or one bare count (4000万 vs 4000万次). An amount
    per person or household and an amount with no "each" compare (每人发放500元慰问金 / 发放500元慰问金:
    news often leaves the "each" unsaid) unless one is PER_HEAD_RATIO times the other: a total
    (收取35万元好处费) is not a price each paid (每人收取2万元)."""
    unit_a, unit_b = _pair_unit(a.unit), _pair_unit(b.unit)
    if a.unit != b.unit and unit_a == unit_b:
        low, high = sorted(abs(comparable_value(c, c.value)) for c in (a, b))
        return high <= PER_HEAD_RATIO * low
    kind = unit_kind(unit_a)
    if kind != unit_kind(unit_b):
        return False
    return kind != "count" or unit_a == unit_b or "" in (unit_a, unit_b)


def _pair_unit(unit: str) -> str:
    """A unit without a per-person or per-household rate (元/人 -> 元): what claims are paired within."""
    base, _, per = unit.partition("/")
    return base if per in PER_HEAD else unit


def names_differ(a: Claim, b: Claim) -> bool:
    """Two claims about different named things: both clauses name something and share no name."""
    if a.name_scope != "clause" or b.name_scope != "clause":
        return False
    return not any(_same_word(x, y) for x in a.names for y in b.names)


def _same_word(x: str, y: str) -> bool:
    """Same word after folding case, or one contains the other (阿里 / 阿里云, 客流 / 到店客流)."""
    x, y = x.lower(), y.lower()
    return x == y or (min(len(x), len(y)) >= 2 and (x in y or y in x))


def _canonical(word: str) -> str:
    """A word's synonym group (claims vocabulary first, then the shared concept groups), else itself."""
    word = word.lower()
    return lexicon().synonyms.get(word) or concepts().get(word) or word


@dataclass(frozen=True)
class Evidence:
    """A claim's subject words by canonical form: weight, role ("head", "event" or "") and the word."""

    words: dict[str, tuple[float, str, str]]

    @classmethod
    def of(cls, claim: Claim) -> Evidence:
        """Weighted words of a claim; common words of general Chinese weigh less."""
        name_weight = NAME_WEIGHT if claim.name_scope == "clause" else SCOPE_NAME_WEIGHT
        words: dict[str, tuple[float, str, str]] = {}
        for group, weight, role in (
            (claim.head, HEAD_WEIGHT, "head"),
            (claim.event, HEAD_WEIGHT, "event"),
            (claim.names, name_weight, ""),
            (claim.terms, TERM_WEIGHT, ""),
            (claim.context, CONTEXT_WEIGHT, ""),
        ):
            for word in group:
                key, value = _canonical(word), weight * _specificity(word)
                if group is claim.names and any(c.isdigit() for c in word):
                    value *= CODE_FACTOR  # a product code (M6, S7) names one thing exactly
                if key not in words or words[key][0] < value:
                    words[key] = (value, role or (words[key][1] if key in words else ""), word)
        return cls(words)

    def role_words(self, role: str) -> list[str]:
        """Canonical words of one role."""
        return [k for k, (_, r, _) in self.words.items() if r == role]

    def key_words(self) -> set[str]:
        """Canonical head and event words: what is measured and what happened."""
        return {k for k, (_, r, _) in self.words.items() if r}


@lru_cache(maxsize=4096)
def _specificity(word: str) -> float:
    """How much a word tells: 0.5 for the commonest words of general Chinese up to 1 for rare ones."""
    if word.isascii():
        return 0.75
    return 0.5 + 0.5 * background_specificity(word)


def head_counts(claims: Sequence[Claim]) -> Counter[str]:
    """In how many passages of the corpus claims have each canonical head or event word (模型 in an AI
    corpus: many)."""
    per_passage: dict[str, set[str]] = {}
    for claim in claims:
        per_passage.setdefault(claim.passage, set()).update(_canonical(x) for x in (*claim.head, *claim.event))
    return Counter(w for words in per_passage.values() for w in words)


def match_evidence(
    a: Claim, b: Claim, counts: Counter[str] | None = None, anchors: dict[str, set[tuple[str, float]]] | None = None
) -> float:
    """How strongly two claims of different sources are about the same thing; 0 when they cannot be.

    They must be in comparable units with the same aspect and not name different things. What is
    measured must match: a shared head noun when both name one (营收 and 利润 both 增长 do not pair),
    else a shared head or event. The score sums the weights of shared words, plus support for a
    shared topic and a shared physical unit, less MISMATCH_PENALTY for each head or event word that
    both claims have and do not share (开源了300个模型 vs 上架100多款全模态模型); it must reach
    MATCH_EVIDENCE (DURATION_EVIDENCE for durations, temperatures and times of day: "沉寂了四年" and
    "被骂了4年" are different spans).
    With `counts` (see `head_counts`), head words common in the corpus weigh less; with `anchors` (see
    `passage_anchors`), two passages that print the same distinctive figure (公司去年营业收入46.8亿元 /
    集團去年收入46.8億元人民幣) are one context, and the other figures of that context pair more easily.
    """
    if not compatible(a, b):
        return 0.0
    ea, eb = Evidence.of(a), Evidence.of(b)
    shared = _shared(ea.words, eb.words)
    if not _same_measure(ea, eb, shared):
        return 0.0
    score = sum(min(ea.words[x][0], eb.words[y][0]) * _commonness(x, counts) for x, y in shared)
    score -= _mismatch(a, b, ea, eb, shared)
    score += TOPIC_SUPPORT if set(a.topics) & set(b.topics) else 0.0
    score += UNIT_SUPPORT if unit_kind(a.unit).split("/")[0] in SPECIFIC_KINDS else 0.0
    score += VALUE_SUPPORT if same_distinctive_figure(a, b) else 0.0
    if anchors is not None:
        own = {_anchor(a), _anchor(b)}
        score += ANCHOR_SUPPORT if (anchors.get(a.passage, set()) & anchors.get(b.passage, set())) - own else 0.0
    needed = DURATION_EVIDENCE if unit_kind(a.unit).startswith(MOMENT_KINDS) else MATCH_EVIDENCE
    return score if score >= needed else 0.0


def passage_anchors(claims: Sequence[Claim]) -> dict[str, set[tuple[str, float]]]:
    """Per passage, the distinctive figures it prints (three or more significant digits, exact): what
    ties two sources' passages to one context."""
    anchors: dict[str, set[tuple[str, float]]] = {}
    for claim in claims:
        if not claim.qualifier and claim.upper is None and significant_digits(claim.raw) >= DISTINCTIVE_DIGITS:
            anchors.setdefault(claim.passage, set()).add(_anchor(claim))
    return anchors


def _anchor(claim: Claim) -> tuple[str, float]:
    """A figure's unit kind and value in the kind's base unit, rounded to compare across writings."""
    value = comparable_value(claim, claim.value)
    return unit_kind(claim.unit), float(f"{value:.6g}")


def same_distinctive_figure(a: Claim, b: Claim) -> bool:
    """Both claims state the same figure with the same qualifier (约12.8万 / 約128,000), and one specific
    enough (three significant digits or more: 1286亿, 29.34元, 86.4万) that two sources seldom print it by
    chance for different things, or the same range (6至12岁 / 六至十二岁: two figures that agree)."""
    if a.qualifier != b.qualifier:
        return False
    if a.upper is not None and b.upper is not None:
        lows = sorted(abs(comparable_value(c, c.value)) for c in (a, b))
        highs = sorted(abs(comparable_value(c, c.upper or 0.0)) for c in (a, b))
        return all(hi - lo <= EXACT_TOLERANCE * max(hi, 1e-12) for lo, hi in (lows, highs))
    if a.upper is not None or b.upper is not None:
        return False
    digits = [significant_digits(c.raw) for c in (a, b)]
    if min(digits) < DISTINCTIVE_DIGITS:
        return False
    low, high = sorted(abs(comparable_value(c, c.value)) for c in (a, b))
    return high - low <= EXACT_TOLERANCE * max(high, 1e-12)


def significant_digits(raw: str) -> int:
    """Significant digits of the Arabic number in a figure as written (1,286亿 -> 4, 2800万 -> 2; 0 for
    Chinese numerals, which news writes for round figures)."""
    m = re.search(ARABIC, raw)
    return len(re.sub(r"\D", "", m.group()).strip("0")) if m else 0


def _same_measure(ea: Evidence, eb: Evidence, shared: list[tuple[str, str]]) -> bool:
    """What two claims measure matches: a shared head noun when both name one, else a shared head or event."""
    roles = {(ea.words[x][1], eb.words[y][1]) for x, y in shared}
    if ea.role_words("head") and eb.role_words("head"):
        return ("head", "head") in roles
    return bool(roles & {("head", "head"), ("event", "event"), ("head", "event"), ("event", "head")})


def _commonness(word: str, counts: Counter[str] | None) -> float:
    """A head word that many passages' claims share tells less about which fact a pair states:
    weight × sqrt(COMMON_PASSAGES / passages with it), once more than COMMON_PASSAGES have it."""
    n = counts.get(word, 0) if counts else 0
    return 1.0 if n <= COMMON_PASSAGES else math.sqrt(COMMON_PASSAGES / n)


def _mismatch(a: Claim, b: Claim, ea: Evidence, eb: Evidence, shared: list[tuple[str, str]]) -> float:
    """Evidence against: head or event words both claims have and do not share (a match with mere
    context does not count), different main nouns (模型 vs 模型下载量), and values orders of
    magnitude apart."""
    solid = [(x, y) for x, y in shared if min(ea.words[x][0], eb.words[y][0]) > CONTEXT_WEIGHT]
    lone_a = ea.key_words() - {x for x, _ in solid} - _makers_of(a)
    lone_b = eb.key_words() - {y for _, y in solid} - _makers_of(b)
    penalty = MISMATCH_PENALTY * min(len(lone_a), len(lone_b))
    if a.head and b.head and not _same_word(_main_noun(a), _main_noun(b)):
        penalty += MISMATCH_PENALTY
    low, high = sorted(abs(comparable_value(c, c.value)) for c in (a, b))
    if low > 0 and high / low >= 100:  # 300个 vs 4000万: numbers that far apart are seldom one fact
        penalty += MAGNITUDE_PENALTY * (math.floor(math.log10(high / low)) - 1)
    return penalty


def _makers_of(claim: Claim) -> set[str]:
    """The canonical maker nouns of a head that names what they make (大模型公司 -> {公司})."""
    makers = lexicon().generic_makers
    if all(w in makers for w in claim.head):
        return set()
    return {_canonical(w) for w in claim.head if w in makers}


def _main_noun(claim: Claim) -> str:
    """The canonical last head noun, passing over generic measure words (参数规模 -> 参数)."""
    nouns = [w for w in claim.head if w not in lexicon().generic_measures] or list(claim.head)
    nouns = [w for w in nouns if w not in lexicon().generic_makers] or nouns
    return _canonical(nouns[-1])


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims could be about one thing at all: other sources, one aspect, comparable units,
    no names that set them apart, the same span (一季度 vs 全年)."""
    if a.source == b.source or not aspects_match(a, b) or not units_comparable(a, b):
        return False
    if names_differ(a, b) or places_differ(a, b) or outcomes_differ(a, b) or sites_differ(a, b):
        return False
    return periods_match(a, b) and induced(a) == induced(b)


def outcomes_differ(a: Claim, b: Claim) -> bool:
    """Two claims about different outcomes for the people counted, or different kinds of one thing: each
    names a group of claims.toml `outcomes` (hospitalised, treated, dead, hurt, evacuated…: 收治入院的跑者
    41人 vs 接受医疗处置的跑者200名) or `kinds` (A shares, H shares…) that the other does not name."""
    lex = lexicon()
    return any(
        bool(ga - gb) and bool(gb - ga)
        for ga, gb in ((_groups(a, g), _groups(b, g)) for g in (lex.outcomes, lex.kinds))
    )


def _groups(claim: Claim, groups: frozenset[str]) -> set[str]:
    """Which of `groups` (synonym groups) a claim's head, event and modifier words name."""
    return {g for w in (*claim.head, *claim.event, *claim.terms) if (g := _canonical(w)) in groups}


def places_differ(a: Claim, b: Claim) -> bool:
    """Two claims about different places: both clauses name a place (jieba's ns words among the
    subject words: 乌兰察布 vs 贵安) and they share none (乌兰察布智算中心部署1万张 is not 在贵安部署两万张)."""
    pa, pb = _places(a), _places(b)
    return bool(pa and pb) and not any(_same_word(x, y) for x in pa for y in pb)


def sites_differ(a: Claim, b: Claim) -> bool:
    """Two claims counted at different sites: one figure is counted at a named site (a hospital, a
    school: claims.toml `site_suffixes`) and the other at none (市儿童医院收治20名 is a part of 共有43名学生
    住院), or at a differently named one (市儿童医院 vs 临溪区人民医院)."""
    sa, sb = sites(a.text, a.raw), sites(b.text, b.raw)
    if not sa and not sb:
        return False
    return not any(x.endswith(y) or y.endswith(x) for x in sa for y in sb)


def sites(clause: str, raw: str = "") -> set[str]:
    """The named sites in a clause (Simplified), each site word with the name written before it, from
    after the last verb or function character (其中临溪区人民医院 -> 临溪区人民医院); a site word without a
    name (送医院) names none. Given the figure as written, only sites within SITE_REACH characters of it
    (医院收治20名, 送往市儿童医院（20名）), not one inside a longer name (#泓川小学食物中毒#阅读量超过3亿)."""
    lex = lexicon()
    text = to_simplified(clause)
    at = text.find(to_simplified(raw)) if raw else -1
    found = set()
    for m in lex.site.finditer(text):
        if at >= 0 and not (0 <= at - m.end() <= SITE_REACH or 0 <= m.start() - at - len(raw) <= SITE_REACH):
            continue
        name = m.group("name")
        cut = max((k for k, char in enumerate(name) if char in lex.site_name_breaks), default=-1)
        if name[cut + 1 :]:
            found.add(name[cut + 1 :] + m.group("site"))
    return found


def _places(claim: Claim) -> list[str]:
    """Place names among a claim's head and modifier words."""
    return [w for w in (*claim.head, *claim.terms) if len(w) >= 2 and (word_tag(w) or "").startswith("ns")]


def induced(claim: Claim) -> bool:
    """Whether a claim states what something brought about rather than its own amount: 拉动沿线投资超过
    2000亿元 is not the line's 总投资1286亿元 (the `induced` verbs of claims.toml)."""
    return any(w in lexicon().induced for w in claim.event)


def periods_match(a: Claim, b: Claim) -> bool:
    """Whether two claims' sentences cover the same span, or one names none (一季度 营收 vs 全年 营收: no)."""
    pa, pb = _period(to_simplified(a.text)), _period(to_simplified(b.text))
    return not pa or not pb or pa == pb


def _period(text: str) -> str:
    """The span a clause's figure covers, normalized (第一季度, 第一季, Q1 and 首季 are 季度1; 前三季度, 首三季
    and 前9个月 are 月9; 上半年 is 月6; 2023年度 is 全年; 单日 and 首日 are 日), or ""."""
    m = PERIOD.search(text)
    if m is None:
        return ""
    if m.group(1):  # 前三季度, 首三季: the months they cover, as 前9个月 says
        return f"月{3 * int(parse_numeral(m.group(1)) or 0)}"
    quarter = m.group(2) or m.group(3) or m.group(4) or ("1" if m.group(5) else "")
    if quarter:
        return f"季度{parse_numeral(quarter) or quarter}"
    if m.group(8):
        return SPANS[m.group(8)]
    if m.group(6):
        return {"上半年": "月6", "年度": "全年"}.get(m.group(6), m.group(6))
    months = parse_numeral(m.group(7))
    return f"月{int(months) if months is not None else m.group(7)}"


def aspects_match(a: Claim, b: Claim) -> bool:
    """Both levels, both earlier values, or both changes against the same basis (or one basis unsaid)."""
    kind_a, _, basis_a = a.aspect.partition(":")
    kind_b, _, basis_b = b.aspect.partition(":")
    return kind_a == kind_b and (basis_a == basis_b or not basis_a or not basis_b)


def _shared(wa: dict[str, tuple[float, str, str]], wb: dict[str, tuple[float, str, str]]) -> list[tuple[str, str]]:
    """Pairs of matching words of two claims, each word used once: same canonical form, else containment."""
    pairs, used = [], set()
    for x in sorted(wa, key=lambda k: -wa[k][0]):
        if x in wb and x not in used:
            pairs.append((x, x))
            used.add(x)
            continue
        if x.startswith("〔"):
            continue
        y = next((y for y in wb if y not in used and not y.startswith("〔") and _same_word(x, y)), None)
        if y is not None:
            pairs.append((x, y))
            used.add(y)
    return pairs


def values_agree(a: Claim, b: Claim) -> bool:
    """Whether two claims' values are consistent: their stated intervals overlap.

    An exact figure stands for ±0.5%, an approximation for its stated precision (half a unit of its last
    significant digit: 约4100万 ±50万) but at most ±5%, a share in tenths (约两成, not 逾七成) for ±10%
    of itself, a range for its span, 130余 for 130 to 140, and a
    bound for values on its side up to BOUND_SPAN times away (超过50% fits 60%, 超千亿 not 10万亿).
    Two bounds of one direction are read as approximations (news writes 超过8万 for about 8万), so
    超过8万 and 超过17万 differ.
    """
    if a.unit == DATE_UNIT or b.unit == DATE_UNIT:
        return a.unit == b.unit and dates_agree(a, b)
    if a.qualifier == b.qualifier and a.qualifier in ("over", "under"):
        low, high = sorted((comparable_value(a, a.value), comparable_value(b, b.value)))
        return high - low <= 2 * APPROX_TOLERANCE * max(abs(high), 1e-12)
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    slack = 1e-9 * max(abs(a_high), abs(b_high), 1.0)  # intervals that touch (3.55) agree despite rounding
    return a_low <= b_high + slack and b_low <= a_high + slack


def _interval(claim: Claim) -> tuple[float, float]:
    """The values a claim allows, in its kind's base unit."""
    low = comparable_value(claim, claim.value)
    high = comparable_value(claim, claim.upper if claim.upper is not None else claim.value)
    tolerance = EXACT_TOLERANCE
    if claim.qualifier == "approx":
        tolerance = min(APPROX_TOLERANCE, max(EXACT_TOLERANCE, stated_precision(claim.raw)))
    if claim.unit == "%" and claim.qualifier in ("", "approx") and TENTHS.search(claim.raw):
        tolerance = TENTHS_TOLERANCE  # 两成 is a share rounded to tenths: 18.4% is 两成
    low, high = low - abs(low) * tolerance, high + abs(high) * tolerance
    if claim.qualifier == "over" and ODD_MORE.search(claim.raw):  # 130余名: 130 to 140, not beyond
        return low, high * (1 + 2 * stated_precision(claim.raw))
    if claim.qualifier == "over":
        return low, high * BOUND_SPAN
    if claim.qualifier == "under":
        return low / BOUND_SPAN, high
    return low, high


def stated_precision(raw: str) -> float:
    """Half a unit of a number's last significant digit, relative to it: 约4100万 0.012, 约1.2万 0.042,
    约3000 0.17, 近八千万 0.063; word forms (一半, 三分之一) APPROX_TOLERANCE."""
    m = re.search(rf"{MIXED_COMPOUND}|{ARABIC}|{CN_COMPOUND}|{CN_NUMERAL}", raw)
    if m is None:
        return APPROX_TOLERANCE
    digits = DIGIT_GROUPING.sub("", m.group())
    if not digits.replace(".", "").isdigit():
        value = parse_numeral(digits)
        if value is None or value != int(value):
            return APPROX_TOLERANCE
        digits = str(int(value))
    whole, _, decimals = digits.partition(".")
    half = 0.5 * 10.0 ** -len(decimals) if decimals else 0.5 * 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return half / float(digits) if float(digits) else APPROX_TOLERANCE


def compare_claims(claims: Sequence[Claim], *, voice: Mapping[str, str] | None = None) -> tuple[ClaimComparison, ...]:
    """Compare claims of different sources about the same thing; conflicts first.

    Args:
        claims: all claims.
        voice: each source that republishes another's text, and its original: the two are one source
            here (a repost repeating a figure is not a second source confirming it).

    Returns:
        One comparison per fact stated by two or more sources (one claim per source).
    """
    voice = voice or {}
    others = [c for c in claims if c.unit != DATE_UNIT]
    groups = _group(others, voice) if others else []
    out = [_comparison([others[i] for i in sorted(group)]) for group in groups if len(group) > 1]
    out += [_comparison(chosen) for chosen in _date_groups([c for c in claims if c.unit == DATE_UNIT], voice)]
    return tuple(sorted(out, key=lambda c: (c.kind != "conflict", c.topic == "", c.topic, c.subject)))


def _group(claims: Sequence[Claim], voice: Mapping[str, str]) -> list[set[int]]:
    """Merge matching claims strongest pair first (of equally strong pairs, agreeing ones first); a group
    keeps one claim per source and no members that cannot be about one thing (different names, units or
    aspects)."""
    counts = head_counts(claims)
    anchors = passage_anchors(claims)
    scored = ((match_evidence(claims[i], claims[j], counts, anchors), i, j) for i, j in _candidates(claims, voice))
    # Between equally supported pairs, one whose values agree first: of 跌3.6% and 累计下跌百分之二十三
    # in one sentence, the one another source's 累计下跌23% is about is the second.
    pairs = sorted(
        (p for p in scored if p[0] > 0),
        key=lambda p: (-round(p[0], 6), not values_agree(claims[p[1]], claims[p[2]]), p[1], p[2]),
    )
    group_of: dict[int, set[int]] = {}
    for _, i, j in pairs:
        gi, gj = group_of.get(i, {i}), group_of.get(j, {j})
        if gi is gj or not _can_merge(claims, gi, gj, voice):
            continue
        merged = gi | gj
        for k in merged:
            group_of[k] = merged
    return list({id(g): g for g in group_of.values()}.values())


def _can_merge(claims: Sequence[Claim], gi: set[int], gj: set[int], voice: Mapping[str, str]) -> bool:
    """Two groups merge if no source (or copy of it) appears twice and every cross pair could be about one thing."""
    if {_voice(claims[i], voice) for i in gi} & {_voice(claims[j], voice) for j in gj}:
        return False
    return all(compatible(claims[i], claims[j]) and _heads_agree(claims[i], claims[j]) for i in gi for j in gj)


def _heads_agree(a: Claim, b: Claim) -> bool:
    """Head nouns do not contradict: one claim names none, or they share one."""
    ha, hb = [_canonical(w) for w in a.head], [_canonical(w) for w in b.head]
    return not ha or not hb or any(x == y or _same_word(x, y) for x in ha for y in hb)


def _voice(claim: Claim, voice: Mapping[str, str]) -> str:
    """The source a claim counts as: its source's original if that source republishes one."""
    return voice.get(claim.source, claim.source)


def _candidates(claims: Sequence[Claim], voice: Mapping[str, str]) -> Iterator[tuple[int, int]]:
    """Pairs of claims of different sources that share a unit kind and a head word (sparse index)."""
    index: dict[tuple[str, str], list[int]] = {}
    for n, claim in enumerate(claims):
        heads = (*claim.head, *claim.event)
        kind = unit_kind(_pair_unit(claim.unit))
        keys = {(kind, _canonical(w)) for w in heads}
        keys |= {(kind, w[i : i + 2]) for w in heads for i in range(len(w) - 1)}
        for key in keys:
            index.setdefault(key, []).append(n)
    seen: set[tuple[int, int]] = set()
    for members in index.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if _voice(claims[i], voice) != _voice(claims[j], voice) and (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def _comparison(chosen: Sequence[Claim]) -> ClaimComparison:
    """A comparison of one claim per source: agreement if every pair agrees, else a conflict."""
    agree = all(values_agree(a, b) for n, a in enumerate(chosen) for b in chosen[n + 1 :])
    topics = Counter(t for c in chosen for t in dict.fromkeys(c.topics))
    shared = [t for t, n in topics.most_common() if n > 1]
    return ClaimComparison(
        subject=_shared_subject(chosen),
        kind="agreement" if agree else "conflict",
        claims=tuple(c.id for c in chosen),
        note=_note(chosen, agree),
        topic=shared[0] if shared else "",
    )


def _shared_subject(chosen: Sequence[Claim]) -> str:
    """The subject shown for a comparison: the claims' most common subject (the longer on a tie), led by
    a name they share (a product code first: M6 rather than 阿里)."""
    first = chosen[0]
    counts = Counter(c.subject for c in chosen)
    subject = max(counts, key=lambda s: (counts[s], len(s)))
    shared = [n for n in first.names if all(any(_same_word(n, m) for m in c.names) for c in chosen[1:])]
    lead = min(shared, key=lambda n: (not any(ch.isdigit() for ch in n), len(n))) if shared else ""
    return f"{lead} {subject}".strip() if lead and lead not in subject else subject


def _note(chosen: Sequence[Claim], agree: bool) -> str:
    """A one-line explanation of a comparison for editors (saying when the values are changes or the
    earlier values of a change)."""
    stated = "; ".join(f"{c.source}: {c.raw}" for c in chosen)
    if chosen[0].unit == DATE_UNIT:
        return f"same date ({stated})" if agree else f"sources state different dates ({stated})"
    what = ASPECT_NOTES.get(chosen[0].aspect.partition(":")[0], "")
    if agree:
        return f"same value ({stated}){what}"
    if _times_differ(chosen):
        return f"differs — may be different dates ({stated}){what}"
    return f"sources state different values ({stated}){what}"


def _times_differ(chosen: Sequence[Claim]) -> bool:
    """Whether two disagreeing claims give different times (both state one, neither contains the other)."""
    for n, a in enumerate(chosen):
        for b in chosen[n + 1 :]:
            if values_agree(a, b) or not a.time or not b.time:
                continue
            if not (a.time in b.time or b.time in a.time):
                return True
    return False
