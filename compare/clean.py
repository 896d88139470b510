"""Clean: strip pinyin, broken characters, page chrome and repeated blocks; keep an audit.

Rules are general line-level signals plus pattern lists kept in
``compare/resources/boilerplate.toml`` (users extend the data file, not the code).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from compare.model import CleanDocument, Paragraph, RawDocument, Removal
from compare.script import TRADITIONAL, detect_script, to_simplified

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_SYLLABLE = rf"[a-zü{TONE_VOWELS}]{{1,6}}[1-5]?"
# A parenthesised run of pinyin syllables right after a Han character: 簡(jiǎn)陋, 寫(xiě).
PINYIN_AFTER_HAN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]{_PINYIN_SYLLABLE}(?:\s+{_PINYIN_SYLLABLE})*[)）]")
# One Mandarin syllable without tone marks: optional initial + final (checks "(de)" is pinyin, "(token)" is not).
PLAIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|"
    r"üe|ve|ün|vn|ue|a|o|e|i|u|ü|v)[1-5]?"
)
# A toned run is pinyin wherever it stands (also after a character garbled by a broken encoding).
TONED_PINYIN = re.compile(rf"[(（](?=[^)）]*[{TONE_VOWELS}]){_PINYIN_SYLLABLE}(?:\s+{_PINYIN_SYLLABLE})*[)）]")
BROKEN_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff]+|\?{3,}|？{3,}")
SENTENCE_END = re.compile(r"[。！？!?；;…:：]['\"”’」』）)]*$")
BYLINE = re.compile(r"^(?:文\s*[|｜丨/]\s*|作者\s*[:：|｜]?\s*|记者\s*|記者\s*)(.{2,24})$")
SAMPLE_CHARS = 40
# Shorter lines (section numbers, "第一,") may legitimately repeat; they are not deduplicated.
MIN_DEDUP_KEY = 6


@dataclass(frozen=True)
class ChromeRules:
    """Compiled page-chrome patterns from the boilerplate data file.

    Attributes:
        line: patterns that mark a short line as chrome.
        end: patterns that mark the end of the article body.
        max_line_chars: lines longer than this are never removed by `line` patterns.
    """

    line: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    max_line_chars: int


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """Load the packaged boilerplate patterns."""
    text = resources.files("compare.resources").joinpath("boilerplate.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return ChromeRules(
        line=tuple(re.compile(p) for p in data["line"]),
        end=tuple(re.compile(p) for p in data["end"]),
        max_line_chars=int(data["max_line_chars"]),
    )


def visible_len(text: str) -> int:
    """Count characters excluding whitespace."""
    return sum(not ch.isspace() for ch in text)


def _sample(text: str) -> str:
    """Shorten text for an audit sample."""
    text = " ".join(text.split())
    return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"


def strip_pinyin(text: str) -> tuple[str, int]:
    """Remove pinyin annotations after Han characters; return (text, characters removed).

    Only runs with a tone mark count as pinyin, so ``(ASI)`` or ``(token)`` stay. In a text
    that has such annotations, plain lowercase syllables like ``(de)`` are removed too.
    """
    if not TONED_PINYIN.search(text):
        return text, 0
    cleaned = PINYIN_AFTER_HAN.sub(_drop_if_plain_pinyin, TONED_PINYIN.sub("", text))
    return cleaned, visible_len(text) - visible_len(cleaned)


def _drop_if_plain_pinyin(match: re.Match[str]) -> str:
    """Remove an untoned annotation only if every word in it is a Mandarin syllable."""
    words = match.group()[1:-1].split()
    return "" if all(PLAIN_SYLLABLE.fullmatch(w) for w in words) else match.group()


def strip_broken(text: str) -> tuple[str, int]:
    """Remove replacement/private-use characters and runs of '?' left by broken encodings."""
    cleaned = BROKEN_CHARS.sub("", text)
    return cleaned, visible_len(text) - visible_len(cleaned)


def normalize_text(text: str) -> str:
    """Normalize Unicode (NFC), line ends and in-line whitespace."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _dedup_key(line: str) -> str:
    """Key under which two lines count as the same block (punctuation and spaces ignored)."""
    return "".join(ch for ch in line if ch.isalnum())


def is_heading(line: str, min_chars: int) -> bool:
    """A short line without a sentence end: a title, section heading or section number."""
    return visible_len(line) < min_chars and not SENTENCE_END.search(line)


class _Audit:
    """Collects removals per rule, keeping the first sample of each."""

    def __init__(self) -> None:
        self._chars: dict[str, int] = {}
        self._samples: dict[str, str] = {}

    def add(self, reason: str, chars: int, sample: str) -> None:
        """Record `chars` characters removed by `reason`."""
        if chars <= 0:
            return
        self._chars[reason] = self._chars.get(reason, 0) + chars
        self._samples.setdefault(reason, _sample(sample))

    def removals(self) -> tuple[Removal, ...]:
        """Removals in the order rules first fired."""
        return tuple(Removal(r, self._chars[r], self._samples[r]) for r in self._chars)


def cut_at_body_end(lines: list[str], rules: ChromeRules) -> tuple[list[str], list[str]]:
    """Split lines at the first end-of-body marker that follows most of the article's prose.

    Returns:
        (body lines, appended lines from the marker on); the tail is empty when there is no marker.
    """
    prose = [visible_len(line) if SENTENCE_END.search(line) else 0 for line in lines]
    total = sum(prose)
    before = 0
    for i, line in enumerate(lines):
        if before * 2 >= total and any(p.search(line) for p in rules.end):
            return lines[:i], lines[i:]
        before += prose[i]
    return lines, []


def is_chrome_line(line: str, rules: ChromeRules) -> bool:
    """Whether a single line is page chrome (navigation, share prompts, bylines of teasers...)."""
    return visible_len(line) <= rules.max_line_chars and any(p.search(line) for p in rules.line)


def _find_outlet(lines: list[str]) -> str | None:
    """The outlet or author from a byline near the top (文|…, 作者…, 记者…), if any."""
    for line in lines[:12]:
        match = BYLINE.match(line)
        if match:
            return match.group(1).strip(" |｜丨")
    return None


def _find_title(lines: list[str], min_chars: int, fallback: str) -> str:
    """The first heading-like line near the top, else the start of the first line."""
    for line in lines[:3]:
        if is_heading(line, 40) and visible_len(line) >= 4:
            return line
    return _sample(lines[0]) if lines else fallback


def clean_document(doc: RawDocument, *, min_passage_chars: int = 16) -> CleanDocument:
    """Clean one decoded document.

    Args:
        doc: the raw document.
        min_passage_chars: lines shorter than this without a sentence end are headings.

    Returns:
        The cleaned document with its paragraphs, detected script and removal audit.
    """
    rules = chrome_rules()
    audit = _Audit()
    text = normalize_text(doc.text)
    chars_in = visible_len(text)
    # 1. Character-level repairs.
    text, removed = strip_pinyin(text)
    audit.add("pinyin", removed, next(iter(PINYIN_AFTER_HAN.findall(normalize_text(doc.text))), ""))
    before_broken = text
    text, removed = strip_broken(text)
    audit.add("broken-encoding", removed, next(iter(BROKEN_CHARS.findall(before_broken)), ""))
    # 2. Repeated blocks (a body printed twice, teaser headlines shown twice): keep the first copy.
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    unique: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = _dedup_key(line)
        if len(key) >= MIN_DEDUP_KEY and key in seen:
            audit.add("duplicate", visible_len(line), line)
            continue
        seen.add(key)
        unique.append(line)
    # 3. Text appended after the body's end (reprint notices, related-story lists).
    body, tail = cut_at_body_end(unique, rules)
    audit.add("appended-chrome", sum(map(visible_len, tail)), tail[0] if tail else "")
    # 4. Line-level chrome (navigation, share prompts, timestamps).
    kept: list[str] = []
    for line in body:
        if is_chrome_line(line, rules):
            audit.add("boilerplate", visible_len(line), line)
        else:
            kept.append(line)
    script = detect_script("".join(kept))
    paragraphs = tuple(
        Paragraph(
            index=i,
            text=line,
            text_simplified=to_simplified(line) if script == TRADITIONAL else line,
            heading=is_heading(line, min_passage_chars),
        )
        for i, line in enumerate(kept)
    )
    return CleanDocument(
        id=doc.id,
        file=doc.file,
        title=_find_title(kept, min_passage_chars, doc.id),
        outlet=_find_outlet(kept),
        script=script,
        encoding=doc.encoding,
        chars_in=chars_in,
        chars_kept=sum(visible_len(p.text) for p in paragraphs),
        removed=audit.removals(),
        paragraphs=paragraphs,
    )
