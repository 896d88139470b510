"""Clean: strip pinyin, broken characters, page chrome and repeated blocks; keep an audit.

Rules are general line-level signals plus pattern lists kept in
``compare/resources/boilerplate.toml`` (users extend the data file, not the code).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from compare.model import CleanDocument, Paragraph, RawDocument, Removal
from compare.resources import load_toml
from compare.script import detect_script, to_simplified
from compare.segment import tokenize, word_tag

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
# Toned pinyin whose opening bracket a broken encoding turned into "?" (因?yàn)).
GARBLED_PINYIN = re.compile(rf"\?(?=[^)）?]*[{TONE_VOWELS}]){_PINYIN_SYLLABLE}[)）]")
BROKEN_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff]+|\?{3,}|？{3,}")
# A run read one byte off: a lost byte became "?" (with the pinyin of the character it broke, 因?yàn)),
# and the GB18030 bytes after it were paired across characters (榈讓舆壿嬕粯 for 底層邏輯一樣); bytes
# that pair into no character were read as private-use ones, which GB18030 maps back to those bytes.
MISALIGNED_RUN = re.compile(
    rf"(?<=\?)((?:{_PINYIN_SYLLABLE}[)）])?)([\u3040-\u30ff\u4e00-\u9fff\ue000-\uf8ffA-Za-z0-9@]+)"
)
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Re-read, a run must have fewer characters outside dictionary words and this much more of its Han text in them.
REALIGN_GAIN = 0.15
# Audit entries that record a repair (characters replaced), not a removal.
REPAIRS = frozenset({"misaligned-bytes"})
SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff，、；：])\s(?=[\u4e00-\u9fff])")
# A speaker's label alone on a line is at most this long (居民陈女士：, 省人事考试院院长周某：).
MAX_LABEL_CHARS = 16
INNER_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*(?=.)")
SENTENCE_END = re.compile(r"[。！？!?；;…:：]['\"”’」』）)]*$")
SAMPLE_CHARS = 40
# A line opening with one of these starts a block of its own (【熱門】…, [广告]…).
LABEL_OPENERS = ("【", "[", "〔")
# A speaker's label opening a line: 主持人：, CEO 韦承舟：, 弹幕：, 答：.
SPEAKER_LABEL = re.compile(r"^[^，。！？、；：:\s]{1,10}(?:\s[^，。！？、；：:\s]{1,6})?[：:]")
# A message of a chat export or a transcript's turn: a time (with its day) and a speaker, then the words
# (2025-03-12 02:14 老周（7栋）：…, [00:12:31] 主持人阿肯：…). Speech, however short: never a heading.
STAMPED_LINE = re.compile(
    r"^[\[【(（]?(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]】)）]?\s*"
    r"(?!来源|來源|作者|编辑|編輯|责任编辑|責任編輯|记者|記者|发布|發佈|时间|時間)"
    r"[^，。！？、；\s：:]{1,16}(?:\s[^，。！？、；\s：:]{1,8})?[：:]"
)
# A statement followed by a bracketed closing mark or credit: …工作。（完）, …表示。（记者 王明）; not a
# question or exclamation, as a headline ends (…谁来管管？（附维修进度）).
CLOSING_MARK = re.compile(r"。[”’」』]*[（(【\[][^（()）【】\[\]]{1,20}[)）】\]]$")
MENU_SEPARATORS = re.compile(r"\s*[|｜丨>›»/·•]\s*|\s{2,}")
# A table pasted as text: rows of cells between bars or tabs.
CELL_SEPARATOR = re.compile(r"\s*[|｜]\s*|\t+")
MIN_TABLE_ROWS = 2
GENERIC_COLUMNS = frozenset({"金额", "数值", "数据", "数额", "数字", "值"})
SIGNED_FIGURE = re.compile(r"^([+＋]|[-－−])\s*(?=\d)")
# A column name that gives its cells' unit in brackets: 调整后水价（元/立方米）, 营业收入(亿元).
HEADER_UNIT = re.compile(
    r"^(?P<name>.*?)\s*[（(](?P<unit>[^（）()]{0,6}[元亿万%％吨米人家个次台辆件户度斤克升瓦时][^（）()]{0,6})[)）]$"
)
BARE_FIGURE = re.compile(r"^[+＋\-－−]?\s*[\d.,，]+$")
MENU_MIN_ITEMS = 3
MENU_MAX_ITEM_CHARS = 6
BARE_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
# Template lines shared by sources must have at least this many letters or digits ("分享" alone is a pattern's job).
MIN_TEMPLATE_KEY = 4
# A trailing run of at least this many short unpunctuated lines after the body is a list of teasers or tags.
MIN_TRAILING_ITEMS = 3
MIN_PROSE_CHARS = 20
MIN_TITLE_CHARS = 4
# Shorter lines (section numbers, "第一,") may legitimately repeat; they are not deduplicated.
MIN_DEDUP_KEY = 6
# A closing signature is looked for among this many last lines (a 特此公告 or a risk notice may follow it).
SIGNATURE_LINES = 4
# A page number on a line of its own: — 2 —, - 2 -, 第2页, 2/5, a newspaper page A6.
PAGE_NUMBER = re.compile(
    r"[—－\-–]+\s*\d{1,3}\s*[—－\-–]+|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}|[A-Z]\d{1,2}"
)


@dataclass(frozen=True)
class ChromeRules:
    """Compiled page-chrome patterns from the boilerplate data file.

    Attributes:
        line: patterns that mark a short line as chrome.
        end: patterns that mark the end of the article body.
        byline: patterns of bylines, with groups `author` and/or `outlet`.
        max_line_chars: lines longer than this are never removed by `line` or `byline` patterns.
        byline_lines: how many lines from the top are searched for a byline.
        repost: patterns of a line by which a text says it is a repost (原标题：…).
        signature_body, signature_date: the issuing body and the date that close a notice or statement.
    """

    line: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    max_line_chars: int
    byline_lines: int
    repost: tuple[re.Pattern[str], ...] = ()
    signature_body: re.Pattern[str] | None = None
    signature_date: re.Pattern[str] | None = None
    dateline: tuple[re.Pattern[str], ...] = ()


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """Load the packaged boilerplate patterns."""
    data = load_toml("boilerplate.toml")
    return ChromeRules(
        line=tuple(re.compile(p) for p in data["line"]),
        end=tuple(re.compile(p) for p in data["end"]),
        byline=tuple(re.compile(p) for p in data["byline"]),
        max_line_chars=int(data["max_line_chars"]),
        byline_lines=int(data["byline_lines"]),
        repost=tuple(re.compile(p) for p in data.get("repost", ())),
        signature_body=re.compile(data["signature_body"]),
        signature_date=re.compile(data["signature_date"]),
        dateline=tuple(re.compile(p) for p in data.get("dateline", ())),
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
    that has such annotations, plain lowercase syllables like ``(de)`` are removed too, and so is
    toned pinyin whose opening bracket a broken encoding made a "?" (``因?yàn)``).
    """
    if not (TONED_PINYIN.search(text) or GARBLED_PINYIN.search(text)):
        return text, 0
    cleaned = PINYIN_AFTER_HAN.sub(_drop_if_plain_pinyin, TONED_PINYIN.sub("", GARBLED_PINYIN.sub("", text)))
    return cleaned, visible_len(text) - visible_len(cleaned)


def _drop_if_plain_pinyin(match: re.Match[str]) -> str:
    """Remove an untoned annotation only if every word in it is a Mandarin syllable."""
    words = match.group()[1:-1].split()
    return "" if all(PLAIN_SYLLABLE.fullmatch(w) for w in words) else match.group()


def realign_bytes(text: str) -> tuple[str, int, str]:
    """Re-read runs garbled by a lost byte: their GBK bytes without the first one, when that reads as
    words (jieba's dictionary) where the garbled run did not; return (text, characters re-read, a
    sample of the first garbled run). Runs that read as words already are left alone."""
    count, sample = 0, ""

    def reread(match: re.Match[str]) -> str:
        nonlocal count, sample
        run = match.group(2)
        fixed = _one_byte_on(run)
        if fixed is None or not _reads_better(fixed, run):
            return match.group()
        count += len(run)
        sample = sample or run
        return match.group(1) + fixed

    return MISALIGNED_RUN.sub(reread, text), count, sample


def _one_byte_on(run: str) -> str | None:
    """A run's GB18030 bytes read from the second byte (an odd byte left at the end is dropped)."""
    data = run.encode("gb18030")[1:]
    for body in (data, data[:-1]):
        try:
            return body.decode("gb18030")
        except UnicodeDecodeError:
            continue
    return None


def _reads_better(fixed: str, run: str) -> bool:
    """Whether re-read text has fewer Han characters outside dictionary words and REALIGN_GAIN more in them."""
    (covered_fixed, han_fixed), (covered_run, han_run) = _in_words(fixed), _in_words(run)
    gain = covered_fixed / max(han_fixed, 1) - covered_run / max(han_run, 1)
    return han_fixed - covered_fixed < han_run - covered_run and gain >= REALIGN_GAIN


def _in_words(text: str) -> tuple[int, int]:
    """(Han characters inside dictionary words of two or more characters, Han characters) of a text."""
    words = tokenize(to_simplified(text))
    covered = sum(len(w) for w in words if len(w) > 1 and HAN_RUN.fullmatch(w) and word_tag(w) is not None)
    return covered, sum(len(r) for r in HAN_RUN.findall(text))


def strip_broken(text: str) -> tuple[str, int]:
    """Remove replacement/private-use characters and runs of '?' left by broken encodings."""
    cleaned = BROKEN_CHARS.sub("", text)
    return cleaned, visible_len(text) - visible_len(cleaned)


def normalize_text(text: str) -> str:
    """Normalize Unicode (NFC), line ends and in-line whitespace (a space between two Han characters,
    left by hard line wrapping, is dropped: Chinese does not separate words with spaces)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(SPACE_BETWEEN_HAN.sub("", line) for line in lines)


def block_starts(text: str) -> frozenset[str]:
    """Lines that follow a blank line (or open the text), in a text that also has lines right after
    one another: there blank lines separate paragraphs, and a line after one begins a paragraph
    whatever the line before it looks like. In a text with a blank line after every line (a pasted
    page) they say nothing: a hard wrap there leaves one mid-sentence too."""
    starts, after_blank, single_breaks = set(), True, False
    for line in text.split("\n"):
        if line.strip():
            if after_blank:
                starts.add(line.strip())
            single_breaks = single_breaks or not after_blank
            after_blank = False
        else:
            after_blank = True
    return frozenset(starts) if single_breaks else frozenset()


def rejoin_wrapped(lines: list[str], starts: frozenset[str] = frozenset()) -> list[str]:
    """Join a line broken mid-sentence to the next one: it has a sentence end inside but not at its end.

    The first line (the headline: 再攀高峰！…新時代), a line after a blank line (`block_starts`), a line
    opening with a bracketed label (【熱門】, 【本版說明】) and a line opening with a speaker's label (a
    transcript's CEO 韦承舟：…, an interview's 答：…) are never joined to the line before."""
    joined: list[str] = []
    for n, line in enumerate(lines):
        previous = joined[-1] if joined else ""
        fresh = n == 1 or line in starts or line.startswith(LABEL_OPENERS) or SPEAKER_LABEL.match(line) is not None
        if previous and not fresh and INNER_SENTENCE_END.search(previous) and not SENTENCE_END.search(previous):
            glue = " " if previous[-1].isascii() and line[0].isascii() else ""
            joined[-1] = previous + glue + line
        else:
            joined.append(line)
    return joined


def with_labels_joined(lines: list[str]) -> list[str]:
    """In a transcript that puts each speaker's label on a line of its own (记者： / 居民陈女士： / 记者：…),
    each label joined to the words on the next line, so the turn reads as its speaker's (and tone counts
    it as theirs). A transcript repeats a label; a letter's one salutation (各位同事：) stays apart."""
    alone = Counter(line for line in lines if _label_only(line))
    if not alone or max(alone.values()) < 2:
        return lines
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if _label_only(previous) and not SPEAKER_LABEL.match(line):
            joined[-1] = previous + line
        else:
            joined.append(line)
    return joined


def _label_only(line: str) -> bool:
    """Whether a line is a speaker's label and nothing else."""
    label = SPEAKER_LABEL.match(line)
    return label is not None and label.end() == len(line) and len(line) <= MAX_LABEL_CHARS


# --- text copied out of a PDF: lines hard-wrapped at the page's column width ---------------------------

# A document is hard-wrapped when at least this share of its lines (and MIN_WRAPPED_LINES of them) fill
# the column to within WRAP_SLACK display columns of the most common full width, and most of those stop
# mid-sentence.
WRAPPED_SHARE = 0.4
MIN_WRAPPED_LINES = 6
WRAP_SLACK = 3
# ... or, wrapped at a count of characters, to within this many characters.
CHAR_WRAP_SLACK = 1
# A section number or item label opens a new paragraph (一、 （一） 1. ①).
SECTION_OPENER = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]\D|[①-⑳])"
)
# A continuation note where a newspaper story jumps pages: （下转A7版） / （上接A6版）.
PAGE_JUMP = re.compile(
    r"[（(](?:下转|上接|转|接|续)[第A-Z\d]{0,4}[^（）()]{0,4}版?[)）]\s*$|^[（(](?:下转|上接|转|接|续)[^（）()]{0,8}[)）]"
)
INDENT_WIDTH = 4
# Two gaps between words on one line: fields of a header (报名　日期　版次), not a wrapped sentence.
FIELD_GAPS = re.compile(r"\S\s+\S+\s+\S")
# Digits and Latin letters, which change from page to page in a running header (A6 -> A7, — 1 — -> — 2 —).
PAGE_CODES = re.compile(r"[0-9A-Za-z]+")


def display_width(line: str) -> int:
    """Columns a line fills on a page: Han characters and full-width punctuation two, the rest one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def wrap_width(lines: Sequence[str]) -> tuple[int, Callable[[str], int]] | None:
    """The width a hard-wrapped document's lines were broken at and how it is measured, or None if it
    is not wrapped: in display columns (a PDF's page width, where a digit is half a Han character),
    else in characters (text wrapped at a count of characters, 20 / 24 as wide as 二〇)."""
    found: list[tuple[int, int, Callable[[str], int]]] = []
    measures: tuple[tuple[Callable[[str], int], int], ...] = ((display_width, WRAP_SLACK), (len, CHAR_WRAP_SLACK))
    for measure, slack in measures:
        widths = [measure(line) for line in lines if visible_len(line) >= 8 and not _cells(line)]
        if len(widths) < MIN_WRAPPED_LINES:
            return None
        width = max(set(widths), key=lambda w: (sum(abs(v - w) <= slack for v in widths), w))
        full = [line for line in lines if abs(measure(line) - width) <= slack]
        open_ended = [line for line in full if not SENTENCE_END.search(line)]
        if len(full) >= max(MIN_WRAPPED_LINES, WRAPPED_SHARE * len(widths)) and len(open_ended) * 2 >= len(full):
            found.append((len(full), width, measure))
    if not found:
        return None
    _, width, best = max(found, key=lambda f: f[0])  # the measure more lines fill (display first)
    return width, best


def indented_lines(text: str) -> frozenset[str]:
    """Lines (as `normalize_text` gives them) that the text indents: in a wrapped text, paragraph starts."""
    lines = unicodedata.normalize("NFC", text).splitlines()
    indented = [line for line in lines if line[:1] in ("\u3000", "\t") or line.startswith("  ")]
    return frozenset(normalize_text(line).strip() for line in indented if line.strip())


def unwrap(
    lines: list[str], width: int, starts: frozenset[str], audit: _Audit, measure: Callable[[str], int] = display_width
) -> list[str]:
    """Rejoin a hard-wrapped document's lines into paragraphs, dropping its page furniture first: page
    numbers, running headers repeated with another page number, page-jump notes. A line joins the one
    before it when that one fills the column (or ended at a page jump) and it does not open a paragraph
    (indented, a section number, a bracketed label); a full line ending a sentence closes its paragraph
    unless the text marks paragraph starts by indenting."""
    seen: set[str] = set()
    joined: list[str] = []
    continues, last_width = False, 0
    for n, line in enumerate(lines):
        header = PAGE_CODES.sub("#", line)
        repeated = header in seen and (measure(line) < width - WRAP_SLACK or FIELD_GAPS.search(line))
        if PAGE_NUMBER.fullmatch(line) or repeated:
            audit.add("page-furniture", visible_len(line), line)
            continue
        seen.add(header)
        jump = PAGE_JUMP.search(line)
        if jump:
            audit.add("page-furniture", visible_len(jump.group()), jump.group())
            line = (line[: jump.start()] + line[jump.end() :]).strip()
            if not line:
                continue
        fields = FIELD_GAPS.search(line) is not None  # a running header or dateline: 财经经纬报　2025年…　A6
        row = bool(_cells(line))  # a table's row stays a row for `linearize_tables`
        fresh = (
            n == 1 or fields or row or line in starts or SECTION_OPENER.match(line) or line.startswith(LABEL_OPENERS)
        )
        previous = joined[-1] if joined else ""
        ended = bool(SENTENCE_END.search(previous)) and not starts
        if previous and not fresh and (continues or (last_width >= width - WRAP_SLACK and not ended)):
            joined[-1] = previous + line
        else:
            joined.append(line)
        # an indented line lost its indent (two full-width spaces) to normalizing; a header never continues
        indent = (INDENT_WIDTH if measure is display_width else INDENT_WIDTH // 2) if line in starts else 0
        last_width = 0 if fields or row or n == 0 else measure(line) + indent
        continues = jump is not None and jump.start() > 0
    return joined


def _dedup_key(line: str) -> str:
    """Key under which two lines count as the same block (punctuation and spaces ignored)."""
    return "".join(ch for ch in line if ch.isalnum())


def is_heading(line: str, max_chars: int) -> bool:
    """A short line without a sentence end: a title, section heading, caption or section number (not a
    chat message or a transcript's turn, and not a sentence closed by a mark: …工作。（完）)."""
    return (
        visible_len(line) < max_chars
        and not SENTENCE_END.search(line)
        and not CLOSING_MARK.search(line)
        and not STAMPED_LINE.match(line)
    )


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
    """Whether a single line is page chrome: a known pattern, a menu of short items, or a bare address."""
    if visible_len(line) > rules.max_line_chars:
        return False
    return any(p.search(line) for p in rules.line) or is_menu(line) or bool(BARE_ADDRESS.fullmatch(line))


def is_menu(line: str) -> bool:
    """A navigation bar or tag list: three or more short items between separators (首页 | 新闻 | 财经);
    items with figures make a table row instead (营业收入 | 86.4亿元 | +12.3%)."""
    items = [item.strip() for item in MENU_SEPARATORS.split(line)]
    if sum(any(c.isdigit() for c in item) for item in items) >= 2:
        return False
    return len(items) >= MENU_MIN_ITEMS and all(0 < visible_len(item) <= MENU_MAX_ITEM_CHARS for item in items)


def _cells(line: str) -> list[str]:
    """A line's table cells, or [] when it has no cell separators."""
    cells = [c.strip() for c in CELL_SEPARATOR.split(line.strip().strip("|｜"))]
    return cells if len(cells) >= 2 and all(cells) else []


def linearize_tables(lines: list[str]) -> list[str]:
    """Tables pasted as text (rows of cells between bars or tabs, figures in the cells) as one paragraph
    of sentences that read like prose, so their figures are analysed: a header row names the columns,
    a row reads label, then each column's name and cell (营业收入 | 86.4亿元 | +12.3% under a header
    项目 | 金额 | 同比变动 -> 营业收入86.4亿元，同比变动增长12.3%。: a name that only says "value" is left
    out), a signed figure reads as a rise or fall. Lines of one table have the same number of cells; at
    least MIN_TABLE_ROWS hold figures."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        width = len(_cells(lines[i]))
        j = i
        while j < len(lines) and width and len(_cells(lines[j])) == width:
            j += 1
        rows = [_cells(line) for line in lines[i:j]]
        numeric = [r for r in rows if any(any(ch.isdigit() for ch in c) for c in r[1:])]
        if len(numeric) < MIN_TABLE_ROWS:
            out.append(lines[i])
            i += 1
            continue
        header = rows[0] if rows[0] not in numeric else None
        names = header or [""] * width
        sentences = []
        for row in (r for r in rows if r is not header):
            parts = [_table_cell(name, cell) for name, cell in zip(names, row, strict=True)]
            sentences.append(row[0] + "，".join(parts[1:]) + "。")
        caption = f"{header[0]}：" if header else ""
        out.append(caption + "".join(sentences))
        i = j
    return out


def _table_cell(name: str, cell: str) -> str:
    """A cell read with its column's name; a bare figure takes the unit the name gives in brackets
    (3.40 under 调整后水价（元/立方米） reads 调整后水价3.40元/立方米)."""
    unit = HEADER_UNIT.match(name)
    if unit and BARE_FIGURE.match(cell):
        return (unit["name"] if _names_column(unit["name"], cell) else "") + _signed(cell) + unit["unit"]
    return (name if _names_column(name, cell) else "") + _signed(cell)


def _names_column(name: str, cell: str) -> bool:
    """Whether a header cell says something about a column's cells (同比变动, 2023年), not just that
    they are values (金额, 数值) or what the cell already says."""
    return bool(name) and name not in GENERIC_COLUMNS and name not in cell


def _signed(cell: str) -> str:
    """A table cell with its sign read out: +12.3% -> 增长12.3%, -0.6个百分点 -> 下降0.6个百分点."""
    m = SIGNED_FIGURE.match(cell)
    if m is None:
        return cell
    return ("增长" if m.group(1) in "+＋" else "下降") + cell[m.end() :]


def cut_trailing_list(lines: list[str], *, min_items: int = MIN_TRAILING_ITEMS) -> tuple[list[str], list[str]]:
    """Split off a list of short unpunctuated lines after the last prose line ("related" teasers, tags).

    Returns:
        (body lines, trailing list); the list is empty unless it has at least `min_items` lines.
    """
    last_prose = max((i for i, line in enumerate(lines) if _is_prose(line)), default=-1)
    tail = lines[last_prose + 1 :]
    if last_prose < 0 or len(tail) < min_items:
        return lines, []
    return lines[: last_prose + 1], tail


def _is_prose(line: str) -> bool:
    """A line of running text: ends a sentence and is longer than a caption, or a message of a chat."""
    return (bool(SENTENCE_END.search(line)) and visible_len(line) >= MIN_PROSE_CHARS) or bool(STAMPED_LINE.match(line))


@dataclass(frozen=True)
class Byline:
    """Who wrote or published an article, as a byline near its top states it."""

    line: str
    author: str | None
    outlet: str | None
    date: str | None = None


# Role words and a dispatch place around a byline's names: 本刊记者 祁远山 发自沅城 -> 祁远山, and
# a trailing "reporting from": 記者 麥婉晴 霽州報道 -> 麥婉晴.
BYLINE_ROLE = re.compile(
    r"^(?:本刊|本报|本報|本台|本网|本網|特约|特約)?(?:记者|記者)\s*[:：]?\s*|\s*(?:发自|發自)\S*$"
    r"|(?:^(?:综合|綜合|编译|編譯|[\u4e00-\u9fff]{2})|[\s/／、]+[\u4e00-\u9fff]{0,6})(?:报道|報道|報導|报导)$"
)
# A time of day closing a release after its date: 香港時間14時30分, 北京时间 14:30.
CLOSING_TIME = re.compile(r"^(?:[\u4e00-\u9fff]{2}(?:时间|時間))?\s*\d{1,2}\s*(?:[时時:：])\s*\d{0,2}\s*分?$")
WEEKDAY = re.compile(r"[（(](?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]$")
# A date in Chinese numerals, as a notice's signature writes it: 二〇二五年三月十二日.
HAN_DIGITS = "〇一二三四五六七八九"
HAN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
BYLINE_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def find_byline(lines: list[str], rules: ChromeRules, spaced: Mapping[str, str] | None = None) -> Byline | None:
    """The first byline among the top lines (文|…, 记者…, …|出品, 来源：…), if any; `spaced` gives a
    line as written, with the spaces between Han characters that separate a byline's fields."""
    for line in lines[: rules.byline_lines]:
        if visible_len(line) > rules.max_line_chars:
            continue
        for pattern in rules.byline:
            match = pattern.match((spaced or {}).get(line, line))
            if match:
                named = match.groupdict()
                author, outlet = named.get("author"), named.get("outlet")
                author = BYLINE_ROLE.sub("", author or "").strip()
                return Byline(
                    line,
                    author or None,
                    outlet.strip().strip("《》") if outlet else None,
                    iso_day(named.get("date") or ""),
                )
    return None


def find_dateline(lines: list[str], rules: ChromeRules, spaced: Mapping[str, str] | None = None) -> Byline | None:
    """A dateline opening one of the top lines (新华社北京3月12日电（记者 王明）…, 本报讯（记者 李华）…,
    a press release's （香港，2025年3月17日）…),
    matched on the line as written (`spaced`: the spaces that separate two reporters' names) and
    followed by the article's words; the line stays in the text."""
    for line in lines[: rules.byline_lines]:
        written = (spaced or {}).get(line, line)
        for pattern in rules.dateline:
            match = pattern.match(written)
            if match and match.group(0).strip() and written[match.end() :].strip():
                author, outlet = match.groupdict().get("author"), match.groupdict().get("outlet")
                names = "、".join(author.split()) if author else None
                date = match.groupdict().get("date")
                return Byline(line, names, outlet.strip() if outlet else None, iso_day(date) if date else None)
    return None


def spaced_lines(text: str) -> dict[str, str]:
    """Each line as `normalize_text` gives it, mapped to the line with its spaces between Han
    characters kept (原创 柯望川 枫川茶话: author and account, which the normalized line runs together)."""
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFC", text).splitlines())
    return {SPACE_BETWEEN_HAN.sub("", line): line for line in lines if SPACE_BETWEEN_HAN.search(line)}


def find_signature(lines: list[str], rules: ChromeRules) -> tuple[int, str, str] | None:
    """The signature closing a notice, statement or bulletin among its last lines: the issuing body on
    one line, the date on the next (青岚航空股份有限公司 / 2025年3月15日). Returns the body line's index,
    the body and the ISO date."""
    if rules.signature_body is None or rules.signature_date is None:
        return None
    for n in range(len(lines) - 2, max(-1, len(lines) - 1 - SIGNATURE_LINES), -1):
        body, date = lines[n], lines[n + 1]
        day = iso_day(date.replace(" ", ""))
        if rules.signature_body.match(body) and rules.signature_date.match(date) and day:
            return n, body, day
    return None


def find_closing_date(lines: list[str], rules: ChromeRules) -> tuple[int, str] | None:
    """A date closing a text on its own, with no issuing body above it, written with its weekday or
    followed by a time of day (a Hong Kong government release ends 2025年4月2日（星期三） / 香港時間14時30分).
    Returns where the date line is and the ISO date."""
    if rules.signature_date is None or len(lines) < 2:
        return None
    timed = CLOSING_TIME.match(lines[-1]) is not None
    at = len(lines) - 2 if timed else len(lines) - 1
    day = iso_day(lines[at].replace(" ", ""))
    # a bare date alone may end a list of links or tags; a weekday or a time after it closes a release
    dated = timed or WEEKDAY.search(lines[at]) is not None
    return (at, day) if day and dated and rules.signature_date.match(lines[at]) else None


def iso_day(text: str) -> str | None:
    """A written date's ISO day (2025年3月1日, 2024-12-10, 二〇二五年三月十二日 -> 2025-03-01, 2024-12-10,
    2025-03-12), or None."""
    day = BYLINE_DATE.match(text)
    if day:
        return f"{int(day[1]):04d}-{int(day[2]):02d}-{int(day[3]):02d}"  # also full-width digits: ２０２５
    han = HAN_DATE.match(text)
    if han is None:
        return None
    year = "".join(str(HAN_DIGITS.index(ch)) for ch in han[1].replace("零", "〇"))
    return f"{year}-{int(cn2an.cn2an(han[2], 'smart')):02d}-{int(cn2an.cn2an(han[3], 'smart')):02d}"


def _find_title(lines: list[str], max_heading_chars: int, fallback: str) -> str:
    """The first line if it reads as a title (short, no sentence end), else the start of the first line."""
    if not lines:
        return fallback
    if is_heading(lines[0], max_heading_chars) and visible_len(lines[0]) >= MIN_TITLE_CHARS:
        return lines[0]
    return _sample(lines[0])


def drop_repeats(lines: list[str], audit: _Audit) -> list[str]:
    """Keep the first copy of each line long enough to be a real repeat (a body printed twice, teasers)."""
    unique: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = _dedup_key(line)
        if len(key) >= MIN_DEDUP_KEY and key in seen:
            audit.add("duplicate", visible_len(line), line)
            continue
        seen.add(key)
        unique.append(line)
    return unique


def drop_chrome_lines(lines: list[str], rules: ChromeRules, audit: _Audit) -> list[str]:
    """Remove single lines of page chrome (navigation, share prompts, timestamps, counters)."""
    kept = []
    for line in lines:
        if is_chrome_line(line, rules):
            audit.add("boilerplate", visible_len(line), line)
        else:
            kept.append(line)
    return kept


def template_lines(docs: Sequence[RawDocument]) -> frozenset[str]:
    """Short non-prose lines that two or more sources share: a site's template (menus, prompts, footers).

    Returned as dedup keys; whole sentences are never included, so a quote two outlets share stays.
    """
    max_chars = chrome_rules().max_line_chars
    seen_in: dict[str, set[str]] = {}
    for doc in docs:
        for line in normalize_text(doc.text).split("\n"):
            key = _dedup_key(line)
            if len(key) >= MIN_TEMPLATE_KEY and visible_len(line) <= max_chars and not _is_prose(line):
                seen_in.setdefault(key, set()).add(doc.id)
    return frozenset(k for k, ids in seen_in.items() if len(ids) >= 2)


def drop_template_lines(lines: list[str], shared: frozenset[str], audit: _Audit) -> list[str]:
    """Remove lines that other sources of the corpus also carry (see `template_lines`)."""
    kept = []
    for line in lines:
        if _dedup_key(line) in shared:
            audit.add("shared-template", visible_len(line), line)
        else:
            kept.append(line)
    return kept


def clean_corpus(docs: Sequence[RawDocument], *, max_heading_chars: int = 40) -> tuple[CleanDocument, ...]:
    """Clean every document, also removing template lines the sources share.

    Args:
        docs: the raw documents of one corpus.
        max_heading_chars: lines shorter than this without a sentence end are headings or captions.

    Returns:
        The cleaned documents, in input order.
    """
    shared = template_lines(docs)
    return tuple(clean_document(d, max_heading_chars=max_heading_chars, shared_lines=shared) for d in docs)


def clean_document(
    doc: RawDocument, *, max_heading_chars: int = 40, shared_lines: frozenset[str] = frozenset()
) -> CleanDocument:
    """Clean one decoded document.

    Args:
        doc: the raw document.
        max_heading_chars: lines shorter than this without a sentence end are headings or captions.
        shared_lines: dedup keys of template lines shared with other sources (from `template_lines`).

    Returns:
        The cleaned document with its paragraphs, detected script, metadata and removal audit.
    """
    rules = chrome_rules()
    audit = _Audit()
    original = normalize_text(doc.text)
    # 1. Character-level repairs: runs read one byte off, pinyin annotations, then marks of broken encodings.
    text, reread, garbled = realign_bytes(original)
    audit.add("misaligned-bytes", reread, garbled)
    text, removed = strip_pinyin(text)
    audit.add("pinyin", removed, next(iter(TONED_PINYIN.findall(original)), ""))
    text, removed = strip_broken(text)
    audit.add("broken-encoding", removed, next(iter(BROKEN_CHARS.findall(original)), ""))
    # 2. Text copied out of a PDF is rejoined first; then repeated blocks go, keeping the first copy.
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    wrap = wrap_width(lines)
    if wrap is not None:
        lines = unwrap(lines, wrap[0], indented_lines(doc.text) | block_starts(text), audit, wrap[1])
    lines = drop_repeats(lines, audit)
    # A notice's or statement's closing signature (body, date) is metadata, also after its 特此公告.
    signature = find_signature(lines, rules)
    if signature is not None:
        at = signature[0]
        audit.add("byline", visible_len(lines[at]) + visible_len(lines[at + 1]), f"{lines[at]} {lines[at + 1]}")
        lines = lines[:at] + lines[at + 2 :]
    else:
        closing = find_closing_date(lines, rules)
        if closing is not None:
            signature = (closing[0], "", closing[1])
            audit.add("byline", sum(map(visible_len, lines[closing[0] :])), " ".join(lines[closing[0] :]))
            lines = lines[: closing[0]]
    lines = linearize_tables(lines)
    # 3. Everything after an end-of-body marker (reprint notice, "related stories" header…).
    lines, tail = cut_at_body_end(lines, rules)
    audit.add("appended-chrome", sum(map(visible_len, tail)), tail[0] if tail else "")
    # 4. Single chrome lines, then a trailing list of teaser headlines or tags.
    lines = drop_template_lines(drop_chrome_lines(lines, rules, audit), shared_lines, audit)
    lines, tail = cut_trailing_list(lines)
    audit.add("appended-chrome", sum(map(visible_len, tail)), tail[0] if tail else "")
    # 5. Lines broken mid-sentence are joined; the byline becomes metadata.
    lines = with_labels_joined(rejoin_wrapped(lines, block_starts(text)))
    spaced = spaced_lines(doc.text)
    byline = find_byline(lines, rules, spaced)
    if byline is not None:
        lines.remove(byline.line)
        audit.add("byline", visible_len(byline.line), byline.line)
    # A wire's dateline stays in its paragraph (part of what the source printed) but names its outlet.
    byline = byline or find_dateline(lines, rules, spaced)
    # 6. Paragraphs, each with a Simplified form for analysis (also converts Traditional quotes in Simplified text).
    paragraphs = tuple(
        Paragraph(i, line, to_simplified(line), is_heading(line, max_heading_chars)) for i, line in enumerate(lines)
    )
    meta = doc.meta
    return CleanDocument(
        id=doc.id,
        file=doc.file,
        title=meta.title or _find_title(lines, max_heading_chars, doc.id),
        outlet=meta.outlet or (byline.outlet if byline else None) or (signature[1] if signature else None) or None,
        author=meta.author or (byline.author if byline else None),
        date=meta.date or (byline.date if byline else None) or (signature[2] if signature else None),
        url=meta.url,
        format=doc.format,
        script=detect_script("".join(lines)),
        encoding=doc.encoding,
        chars_in=visible_len(original),
        chars_kept=sum(visible_len(p.text) for p in paragraphs),
        removed=audit.removals(),
        paragraphs=paragraphs,
        reposted=any(p.search(line) for p in rules.repost for line in original.split("\n")),
    )
