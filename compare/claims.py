"""Claims: quantitative statements in passages, and where sources agree or conflict on them.

Numbers are found with one pattern (Arabic, Chinese and mixed numerals, percentages, fractions,
dates), normalized with cn2an for the Chinese parts, and given a subject: the nouns that precede
the number in its clause (jieba part-of-speech tags). Claims of different sources with the same
subject and unit are compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import cn2an

from compare.model import Claim, ClaimComparison, Passage
from compare.segment import tag

CN_DIGITS = "零〇一二两三四五六七八九十百千"
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
# 百分之八十: a lone 百 is a hundred (cn2an reads only numerals with a leading digit).
BARE_UNITS = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4}
UNITS = (
    "亿美元|万美元|美元|亿元|万元|元|块|毛|%|％|倍|个|家|人|位|名|次|台|款|项|条|座|张|亿次|"
    "公里|千米|米|小时|分钟|秒|天|年|EFLOPS|PFLOPS|TB|PB|GB|fps|万卡|卡|GPU"
)
# Words before a number that qualify it, and words after it.
QUALIFIERS = {
    "超过": "over",
    "超": "over",
    "逾": "over",
    "近": "approx",
    "约为": "approx",
    "约": "approx",
    "大约": "approx",
    "将近": "approx",
    "不到": "under",
    "不足": "under",
    "高达": "",
    "达": "",
}
SUFFIX_QUALIFIERS = {"以上": "over", "多": "over", "余": "over", "左右": "approx", "以下": "under"}
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?P<qual>{_QUAL})?"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?)"
    rf"(?:个(?=亿|万))?(?P<mag>万亿|亿|万)?(?P<more>多|余)?(?P<unit>{UNITS})?(?P<suffix>以上|左右|以下)?"
)
FRACTION = re.compile(rf"(?P<den>[{CN_DIGITS}\d]+)分之(?P<num>[{CN_DIGITS}\d]+)(?P<suffix>以上|左右|以下)?")
# 两成 = 20%; not the verb/noun 成 of 成本, 成功, 成为…
TENTHS = re.compile(r"(?P<num>[一二两三四五六七八九]|\d)成(?![本功为立绩员果长熟交都型])(?P<suffix>以上|左右|以下)?")
HALF = re.compile(r"一半(?P<suffix>以上|左右|以下)?")
# 两毛五 = 0.25 元
MAO_FEN = re.compile(r"(?P<mao>[一二两三四五六七八九\d])毛(?P<fen>[一二三四五六七八九\d])(?![\d毛分元])")
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日)?")
TIME_WORDS = re.compile(
    r"(?:19|20)\d{2}年(?:\d{1,2}月)?|去年|今年|前年|明年|截至目前|目前|过去一年|未来[一二三四五六七八九十\d]+年"
)
CLAUSE = re.compile(r"[^，,；;。！？!?]+")
CLASSIFIERS = frozenset("个家人位名次台款项条座张")
# Precision tolerance for agreement: values within 1% (or both approximations within 10%) agree.
EXACT_TOLERANCE = 0.01
APPROX_TOLERANCE = 0.10


@dataclass(frozen=True)
class Quantity:
    """A number parsed from text.

    Attributes:
        value: normalized value.
        unit: normalized unit.
        raw: as written.
        qualifier: "approx", "over", "under" or "".
        start: offset in the clause.
    """

    value: float
    unit: str
    raw: str
    qualifier: str
    start: int


def parse_numeral(text: str) -> float | None:
    """Parse an Arabic or Chinese numeral ("3800", "1.5", "两千", "十五") to a float."""
    text = text.replace(",", "")
    if text in BARE_UNITS:
        return BARE_UNITS[text]
    mixed = re.fullmatch(r"(\d+(?:\.\d+)?)(万亿|亿|万|千)", text)
    if mixed:
        return float(mixed.group(1)) * MAGNITUDES[mixed.group(2)]
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _normalize_unit(value: float, unit: str) -> tuple[float, str]:
    """Fold magnitude-bearing units into the value: 亿元 -> 元, 万美元 -> 美元, ％ -> %, 毛 -> 元."""
    if unit == "％":
        return value, "%"
    if unit == "毛":
        return value / 10, "元"
    if unit == "块":
        return value, "元"
    for prefix, factor in MAGNITUDES.items():
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, unit[len(prefix) :]
    return value, unit


def _special_forms(clause: str) -> list[Quantity]:
    """Dates and word forms the generic number pattern misreads: 三分之一, 两成, 一半, 两毛五."""
    found: list[Quantity] = []
    for m in DATE.finditer(clause):
        y, mo, d = int(m["y"]), int(m["m"] or 0), int(m["d"] or 0)
        found.append(Quantity(float(y * 10000 + mo * 100 + d), "date", m.group(), "", m.start()))
    for m in FRACTION.finditer(clause):
        den, num = parse_numeral(m["den"]), parse_numeral(m["num"])
        if den and num is not None:
            found.append(_share(100 * num / den, m))
    for m in TENTHS.finditer(clause):
        tenths = parse_numeral(m["num"])
        if tenths is not None:
            found.append(_share(10 * tenths, m))
    for m in HALF.finditer(clause):
        found.append(_share(50.0, m))
    for m in MAO_FEN.finditer(clause):
        mao, fen = parse_numeral(m["mao"]), parse_numeral(m["fen"])
        if mao is not None and fen is not None:
            found.append(Quantity(round(mao / 10 + fen / 100, 6), "元", m.group(), "", m.start()))
    return found


def _share(percent: float, m: re.Match[str]) -> Quantity:
    """A percentage written in words, with its 以上/左右/以下 qualifier."""
    return Quantity(round(percent, 2), "%", m.group(), SUFFIX_QUALIFIERS.get(m["suffix"] or "", ""), m.start())


def find_quantities(clause: str) -> list[Quantity]:
    """Every quantity with a unit in a clause: dates, fractions, shares, and numbers with units."""
    found = _special_forms(clause)
    taken = [range(q.start, q.start + len(q.raw)) for q in found]
    for m in NUMBER.finditer(clause):
        if not (m["unit"] or m["mag"]) or any(m.start("num") in r for r in taken) or _is_year(m["num"], m["unit"]):
            continue
        base = parse_numeral(m["num"])
        if base is None or _is_grammatical_count(clause, m, base):
            continue
        value = base * MAGNITUDES.get(m["mag"] or "", 1.0)
        value, unit = _normalize_unit(value, m["unit"] or "")
        qualifier = (
            QUALIFIERS.get(m["qual"] or "", "")
            or SUFFIX_QUALIFIERS.get(m["more"] or "", "")
            or SUFFIX_QUALIFIERS.get(m["suffix"] or "", "")
        )
        found.append(Quantity(round(value, 6), unit, m.group(), qualifier, m.start()))
    return sorted(found, key=lambda q: q.start)


def _is_grammatical_count(clause: str, m: re.Match[str], base: float) -> bool:
    """Ordinals (第四个) and small counts in words (一个, 三次) are grammar, not facts worth comparing."""
    if clause[max(0, m.start() - 1) : m.start()] == "第":
        return True
    return m["unit"] in CLASSIFIERS and not m["mag"] and not m["num"][0].isdigit() and base < 10


def _is_year(numeral: str, unit: str | None) -> bool:
    """A four-digit number before 年 is a year (handled as a date), not a duration."""
    return unit == "年" and numeral.isdigit() and len(numeral) == 4


def claim_subject(clause: str, start: int) -> str:
    """What a number counts: the last nouns before it in its clause, else the first noun run after it."""
    before = [w for w, flag in tag(clause[:start]) if _is_subject_word(w, flag)]
    if before:
        return "".join(before[-2:])
    run: list[str] = []
    for word, flag in tag(clause[start:])[1:]:
        if _is_subject_word(word, flag):
            run.append(word)
        elif run:
            break
    return "".join(run)


def _is_subject_word(word: str, flag: str) -> bool:
    """Nouns, names and English terms (not numerals or time words) can name a subject."""
    return (flag[:1] in ("n", "v") and flag not in ("v", "vd") and len(word) >= 2) or (flag == "eng" and len(word) >= 2)


def extract_claims(passages: Sequence[Passage]) -> tuple[Claim, ...]:
    """Quantitative claims of all passages, numbered in passage order.

    Args:
        passages: passages with Simplified text.

    Returns:
        One claim per quantity that has a unit.
    """
    claims: list[Claim] = []
    for passage in passages:
        original = passage.text if len(passage.text) == len(passage.text_simplified) else passage.text_simplified
        for m in CLAUSE.finditer(passage.text_simplified):
            clause = m.group()
            times = [t.group() for t in TIME_WORDS.finditer(clause)]
            for q in find_quantities(clause):
                subject = claim_subject(clause, q.start)
                if q.unit == "date" or not subject:
                    continue
                claims.append(
                    Claim(
                        id=f"c{len(claims) + 1}",
                        source=passage.source,
                        passage=passage.id,
                        text=original[m.start() : m.end()].strip(),
                        subject=subject,
                        value=q.value,
                        unit=q.unit,
                        raw=q.raw,
                        qualifier=q.qualifier,
                        time=times[0] if times else "",
                    )
                )
    return tuple(claims)


def values_agree(a: Claim, b: Claim) -> bool:
    """Whether two claims' values are consistent: within stated precision, or a value inside a bound."""
    for bound, other in ((a, b), (b, a)):
        if bound.qualifier == "over" and other.qualifier in ("", "approx", "over"):
            return other.value >= bound.value * (1 - EXACT_TOLERANCE) or other.qualifier == "over"
        if bound.qualifier == "under" and other.qualifier in ("", "approx", "under"):
            return other.value <= bound.value * (1 + EXACT_TOLERANCE) or other.qualifier == "under"
    tolerance = APPROX_TOLERANCE if a.qualifier or b.qualifier else EXACT_TOLERANCE
    scale = max(abs(a.value), abs(b.value), 1e-12)
    return abs(a.value - b.value) / scale <= tolerance


def compare_claims(claims: Sequence[Claim]) -> tuple[ClaimComparison, ...]:
    """Compare claims of different sources that share a subject and unit; conflicts first.

    Args:
        claims: all claims.

    Returns:
        One comparison per (subject, unit) stated by two or more sources.
    """
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.subject, claim.unit), []).append(claim)
    out: list[ClaimComparison] = []
    for (subject, unit), members in sorted(groups.items()):
        first_per_source: dict[str, Claim] = {}
        for claim in members:
            first_per_source.setdefault(claim.source, claim)
        chosen = list(first_per_source.values())
        if len(chosen) < 2:
            continue
        agree = all(values_agree(a, b) for n, a in enumerate(chosen) for b in chosen[n + 1 :])
        out.append(
            ClaimComparison(
                subject, "agreement" if agree else "conflict", tuple(c.id for c in chosen), _note(chosen, unit, agree)
            )
        )
    return tuple(sorted(out, key=lambda c: (c.kind != "conflict", c.subject)))


def _note(chosen: Sequence[Claim], unit: str, agree: bool) -> str:
    """A one-line explanation of a comparison for editors."""
    stated = "; ".join(f"{c.source}: {c.raw}" for c in chosen)
    if agree:
        return f"same value ({stated})"
    times = {c.time for c in chosen}
    if len(times) > 1:
        return f"differs — may be different dates ({stated})"
    return f"sources state different values ({stated})"
