"""Ingest: read a corpus folder and a topics file from disk (the pipeline's input edge).

Only this module and the report writer touch the filesystem.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from email.utils import parseaddr, parsedate_to_datetime
from html import unescape
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes
from markdown_it import MarkdownIt

from compare.errors import CompareError
from compare.model import RawDocument, SourceMeta, TopicSpec, UserWord
from compare.script import to_simplified

FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".eml": "email",
    ".srt": "subtitles",
    ".vtt": "subtitles",
}
# Configuration files a corpus folder may hold beside its articles.
SIDECAR = "sources.toml"
WORDS_FILE = "words.toml"
CONFIG_FILES = frozenset({SIDECAR, "topics.toml", WORDS_FILE})
# words.toml lists words by kind; each kind is a jieba part-of-speech tag.
WORD_KINDS = {"people": "nr", "places": "ns", "organizations": "nt", "products": "nz", "terms": "nz"}
# Text with at least this share of Latin-1 letters (À-ÿ) may be mojibake (see `without_mojibake`).
MOJIBAKE_SHARE = 0.05
# A UTF-8 file with at most this share of broken bytes is read as UTF-8 (bad bytes become U+FFFD).
MAX_BROKEN_UTF8 = 0.01
# Bytes with more than this share of control bytes (not tab or line ends) are binary data, not text.
MAX_CONTROL_SHARE = 0.01
META_FIELDS = ("title", "outlet", "author", "date", "url")
# A JSONL record's fields, under this tool's names first, then the names news APIs and scrapers use.
RECORD_FIELDS = {
    "id": ("id", "doc_id", "article_id", "uuid", "idstr", "mid"),
    "text": ("text", "content", "body", "article", "article_text", "maintext", "text_raw", "raw_text", "正文", "内容"),
    "title": ("title", "headline", "标题"),
    "outlet": ("outlet", "source", "media", "site", "site_name", "sitename", "publisher", "来源", "媒体"),
    "author": ("author", "authors", "byline", "user", "user_name", "screen_name", "nickname", "作者", "用户"),
    "date": (
        "date",
        "publish_time",
        "published",
        "published_at",
        "pub_date",
        "pubdate",
        "publish_date",
        "date_publish",
        "time",
        "datetime",
        "created_at",
        "created",
        "发布时间",
        "日期",
    ),
    "url": ("url", "link", "source_url", "链接"),
}
# A Markdown post's front matter, and the keys of it that name the source's title, author and date.
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<block>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
FRONT_MATTER_FIELDS = {"title": "title", "author": "author", "authors": "author", "date": "date", "source": "outlet"}
# A subtitle cue's timing line (SRT 00:00:05,010 --> 00:00:08,460; WebVTT 00:05.010 --> 00:08.460).
CUE_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}.*$")
MIN_CUES = 3
# Cues are joined into paragraphs of about this many characters, ending at a cue's end.
SUBTITLE_PARAGRAPH_CHARS = 120
CLAUSE_END = "。！？!?，,；;：:…"
RECORD_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d")
# A Unix time in seconds (or milliseconds) from 2001 on, read as a day in UTC+8.
EPOCH_SECONDS = re.compile(r"1\d{9}(?:\d{3})?")
CHINA_TIME = timezone(timedelta(hours=8))
RECORD_MARKUP = re.compile(r"<(?:br|a|span|p|div|img)\b|</(?:a|span|p|div)>", re.IGNORECASE)
# The app a social post was sent from, which some APIs call its "source".
POSTING_CLIENT = re.compile(
    r"客户端|客戶端|iPhone|iPad|Android|安卓|weibo\.com|^微博(?:网页版|視頻號|视频号|国际版|极速版|轻享版|HD)?$|HUAWEI|小米|vivo|OPPO"
)
# A Weibo or Twitter API timestamp: Sun Sep 14 16:52:08 +0800 2025.
API_TIMESTAMP = "%a %b %d %H:%M:%S %z %Y"
# An e-mail saved as text opens with its headers (From: 早盘参考 <brief@…>, Subject: …, 主题：…) and a
# blank line: the sender is the outlet, the subject the title, the date the day it was sent.
MAIL_HEADER = re.compile(
    r"^(?P<key>[A-Za-z][A-Za-z-]{1,30}|发件人|收件人|抄送|主题|发送时间|日期)\s*[:：]\s*(?P<value>.*)$"
)
MAIL_FIELDS = {
    "from": "outlet",
    "发件人": "outlet",
    "subject": "title",
    "主题": "title",
    "date": "date",
    "sent": "date",
    "发送时间": "date",
    "日期": "date",
}
LIST_SENTENCE_END = re.compile(r"[。！？!?；;][”’」』）)]*$")
# Page metadata: a WeChat article names its account (#js_name) while og:site_name names the platform;
# a page's <title> often ends with the outlet after a separator; author fields carry role words.
WECHAT_ACCOUNT = re.compile(r"""id=["']js_name["'][^>]*>\s*([^<]{1,40})<""")
PAGE_TITLE = re.compile(r"<title[^>]*>([^<]{1,200})</title>", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r"\s+[|_–—-]\s+|\s*[|｜_]\s*")
MAX_OUTLET_CHARS = 20
# A full date written on a page (2025年3月12日, 2025-03-12), and how much of the article's first line
# locates the article in the page's text.
PAGE_DATE = re.compile(r"((?:19|20)\d{2})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})(?!\d)")
PAGE_DATE_PROBE = 12
# A table cell holding this many characters of its own text (nested tables apart) is a page column, not
# data: an old government site lays its whole notice out in one <td>, its paragraphs split by <br>.
LAYOUT_CELL_CHARS = 150
TABLE_PARTS = ("tr", "td", "th", "tbody", "thead", "tfoot")
# A block the page hides until a "read more" click: display:none, or hidden/hide in its id or class.
HIDDEN_MARK = re.compile(r"display:none|hidden|(?<![a-z])hide")
PROSE_CHARS = 40
JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
BLOCK_END = re.compile(r"</p>|<br\s*/?>", re.IGNORECASE)
MARKUP_TAG = re.compile(r"<[^<>]{1,4000}>")
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "table", "ul", "ol", "li", "dl", "blockquote", "pre", "figure", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "aside", "main"}
)
AUTHOR_NOISE = re.compile(
    r"^(?:文|撰文|作者|文字)$|^(?:文|撰文|作者|文字)?[:：]|(?:本报|本報|本刊|本台|本网|本網|特约|特約)?(?:记者|記者)|"
    r"发布于|發佈於|发布时间|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}"
)
# Where the reporter files from, after the name: 台北報導, 綜合報導.
REPORTING_FROM = re.compile(
    r"(?:^(?:综合|綜合|编译|編譯|[\u4e00-\u9fff]{2})|\s+[\u4e00-\u9fff]{0,6})(?:报道|報道|報導|报导)$"
)
# Co-authors' roles separate names like the separators do: 王堃 实习生：刘一禾 -> 王堃、刘一禾.
AUTHOR_ROLES = re.compile(r"\s*(?:实习生|實習生|通讯员|通訊員|摄影|攝影|编辑|編輯)\s*[:：]?\s*")
# A build whose --out is the corpus folder must not read its last report back, nor list it as skipped:
# report.json and report.pdf by name (never article formats), the preview by its generator tag.
REPORT_FILES = frozenset({"report.json", "report.pdf"})
OWN_REPORT = re.compile(r"""<meta\s+name=["']generator["']\s+content=["']compare[\s"']""", re.IGNORECASE)


@dataclass(frozen=True)
class Corpus:
    """The documents of a corpus folder and what was skipped.

    Attributes:
        name: the folder's name.
        documents: decoded documents in file-name order.
        skipped: one-line notices for files (or JSONL lines) that were not read.
        content_hash: sha256 over file names and bytes, in order.
    """

    name: str
    documents: tuple[RawDocument, ...]
    skipped: tuple[str, ...]
    content_hash: str


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes, returning (text, encoding name); never raises on bad bytes. The encoding
    name is empty for binary data (see `binary`)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", errors="replace")
    if as_utf8.count("\ufffd") <= MAX_BROKEN_UTF8 * len(as_utf8) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-8 with a few broken bytes: keep what decodes; the cleaner removes the marks.
        return as_utf8, "utf-8 (with errors)"
    best = from_bytes(data).best()
    wide = best is not None and best.encoding.startswith(("utf_16", "utf_32"))
    if not wide and binary(data):
        return as_utf8, ""  # an image, a PDF, a word-processor file: not an article
    if best is None:
        return as_utf8, "utf-8 (with errors)"
    return str(best), best.encoding


def without_mojibake(text: str, encoding: str) -> tuple[str, str]:
    """Text that was once decoded with the wrong codec and saved again (UTF-8 read as Windows-1252:
    æˆ‘åŽ¿ for 我县) put back by ftfy, with the encoding name saying so; other text as it is. Only text
    with many Latin-1 letters is tried: Chinese text has almost none."""
    if not encoding or sum(1 for ch in text if "\u00c0" <= ch <= "\u00ff") < MOJIBAKE_SHARE * len(text):
        return text, encoding
    import ftfy  # imported here: only mojibake needs it

    fixed = ftfy.fix_encoding(text)
    return (fixed, f"{encoding} (mojibake repaired)") if fixed != text else (text, encoding)


def binary(data: bytes) -> bool:
    """Whether bytes are binary data: text in any encoding but UTF-16/32 (which `decode_bytes` tells
    apart first) has almost no control bytes other than tab, line ends and form feed."""
    controls = sum(1 for b in data if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    return controls > MAX_CONTROL_SHARE * len(data)


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """A Markdown post's YAML front matter (--- title: … date: … author: … ---) taken off its text, with
    the title, author and date it gives. Only these one-line values are read (a blog engine's front
    matter holds lists and nested tables too, which say nothing about the source), so no YAML library."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return text, {}
    found: dict[str, str] = {}
    for line in match["block"].splitlines():
        key, _, value = line.partition(":")
        field = FRONT_MATTER_FIELDS.get(key.strip().lower())
        value = value.strip().strip("\"'").strip()
        if field and value and not value.startswith(("[", "{")) and field not in found:
            found[field] = timestamp_day(value) if field == "date" else value
    return text[match.end() :], found


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown article: one line per block, markup, links' targets and images dropped;
    a list of short points without sentence ends is one line of them (- 广播听不清 / - 没人指路 ->
    广播听不清；没人指路。), so it is read as the paragraph it is, not as headings."""
    lines: list[str] = []
    items: list[str] = []
    depth = 0
    for token in MarkdownIt().parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                lines += _list_lines(items)
                items = []
        elif token.type == "inline" and token.children is not None:
            line = "".join(c.content for c in token.children if c.type in ("text", "code_inline")).strip()
            if line:
                (items if depth else lines).append(line)
    return "\n".join(lines)


def _list_lines(items: list[str]) -> list[str]:
    """A list's items as lines: one line of them all when none ends a sentence, else one line each."""
    if len(items) < 2 or any(LIST_SENTENCE_END.search(item) for item in items):
        return items
    return ["；".join(item.rstrip("，,；;、") for item in items) + "。"]


def html_to_document(html: str) -> tuple[str, SourceMeta]:
    """Article body and metadata of an HTML page (trafilatura; works on the string, fetches nothing)."""
    # Imported here: trafilatura takes a while to import and only HTML inputs need it.
    import trafilatura

    result = trafilatura.bare_extraction(
        extractable_page(html),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        # Its wide date search takes the oldest date in the page's links to other stories, or a footer's
        # "© 2005－2025": only dates the page states as its own are taken, else see `page_date`.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return "", SourceMeta()
    found = result if isinstance(result, dict) else result.as_dict()
    title = found.get("title") or None
    meta = SourceMeta(
        title=title,
        outlet=page_outlet(html, found.get("sitename") or None, title),
        author=tidy_author(found.get("author") or ""),
        date=found.get("date") or page_date(html, str(found.get("text") or "")),
        url=found.get("url") or None,
    )
    text = str(found.get("text") or "")
    body = json_ld_body(html)
    if len(_squashed(body)) > 2 * len(_squashed(text)):
        return body, meta  # a script-driven page: its visible body is a placeholder
    return with_thread_posts(html, text), meta


def json_ld_body(html: str) -> str:
    """The longest articleBody of the page's JSON-LD (schema.org NewsArticle, Article, BlogPosting…), one
    paragraph per line; "" if none. A page saved from a site that renders its article by script holds
    the text only there."""
    bodies: list[str] = []
    for block in JSON_LD.findall(html):
        try:
            data = json.loads(unescape(block) if "&quot;" in block else block, strict=False)
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str):
                    bodies.append(body)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    if not bodies:
        return ""
    body = markup_to_lines(max(bodies, key=len))
    return "\n".join(line.strip() for line in body.splitlines() if line.strip())


def extractable_page(html: str) -> str:
    """The page with its layout made plain for the extractor, which reads paragraphs from <p> and treats
    tables as data:
    - a layout table (one that holds another table, or a cell with a column's worth of text,
      LAYOUT_CELL_CHARS) becomes plain blocks. Read as a table, an old government site's cells come
      out as rows, navigation and footer included, and its notice, written in one cell with <br> line
      breaks, as one paragraph. Data tables (short cells) stay tables.
    - a <section> holding only text and inline elements is a paragraph: a WeChat article's body is
      nested sections of styled spans with no <p> at all, and the extractor found nothing in it.
    - the folded rest of an article (a hidden block of paragraphs after a 点击展开全文 button, beside
      the shown ones) is shown: the extractor drops hidden blocks.
    Pages with none of these are returned unchanged."""
    import lxml.html  # trafilatura's own parser; imported here for the same reason as trafilatura

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    layout = [table for table in root.iter("table") if _lays_out(table)]
    parts = [part for part in root.iter(*TABLE_PARTS) if _table_of(part) in layout]
    blocks = [section for section in root.iter("section") if _text_block(section)]
    folded = [element for element in root.iter("div", "section") if _folded_prose(element)]
    if not layout and not blocks and not folded:
        return html
    for element in (*layout, *parts):
        element.tag = "div"
    for element in blocks:
        element.tag = "p"
    for element in folded:
        for attribute in ("style", "id", "class", "aria-hidden"):
            element.attrib.pop(attribute, None)
    return str(lxml.html.tostring(root, encoding="unicode"))


def _folded_prose(element: Any) -> bool:
    """Whether an element is the folded rest of an article (点击展开全文): hidden (display:none, or
    hidden in its id or class, which the extractor drops), holding prose paragraphs, beside the
    article's shown paragraphs."""
    marks = " ".join(str(element.get(a) or "") for a in ("style", "id", "class")).lower().replace(" ", "")
    if not HIDDEN_MARK.search(marks) and element.get("aria-hidden") != "true":
        return False
    parent = element.getparent()
    shown = parent is not None and any(_prose(p) for p in parent.iterchildren("p"))
    return shown and any(_prose(p) for p in element.iter("p"))


def _prose(paragraph: Any) -> bool:
    """Whether a <p> holds a sentence's worth of text."""
    return len("".join(paragraph.text_content().split())) >= PROSE_CHARS


def _text_block(element: Any) -> bool:
    """Whether an element holds text and no block-level elements."""
    blocks = (child for child in element.iterdescendants() if child.tag in BLOCK_TAGS)
    return next(blocks, None) is None and bool(element.text_content().strip())


def _lays_out(table: Any) -> bool:
    """Whether a table holds another table or a cell with a column's worth of its own text."""
    if next(table.iterdescendants("table"), None) is not None:
        return True
    cells = (cell for cell in table.iter("td", "th") if _table_of(cell) is table)
    return any(len("".join(_own_text(cell).split())) >= LAYOUT_CELL_CHARS for cell in cells)


def _table_of(element: Any) -> Any:
    """The table an element of a table belongs to (the nearest one around it)."""
    return next(element.iterancestors("table"), None)


def _own_text(element: Any) -> str:
    """An element's text, leaving out the tables inside it."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != "table":
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def with_thread_posts(html: str, text: str) -> str:
    """The extracted text with the paragraphs of a thread's other posts: on a forum page the extractor
    keeps a few posts of a thread and drops the rest, which sit in containers of the same shape (the
    same tags and classes from the page's body down, div.post > div.post-body > p) but in other
    instances of them. A paragraph is put back when its shape is that of a kept paragraph and its own
    parent holds none of the kept ones (so a list of headlines after the article, in the article's own
    container, stays out); it goes after the kept paragraph that precedes it on the page."""
    import lxml.html  # trafilatura's own parser; imported here for the same reason as trafilatura

    lines = text.split("\n")
    index = {_squashed(line): n for n, line in enumerate(lines) if line.strip()}
    try:
        paragraphs = list(lxml.html.fromstring(html).iter("p"))
    except (ValueError, lxml.etree.ParserError):
        return text
    kept = [p for p in paragraphs if _squashed(p.text_content()) in index]
    shapes = {_shape(p) for p in kept}
    parents = {p.getparent() for p in kept}
    after: dict[int, list[str]] = {}
    anchor = -1
    for paragraph in paragraphs:
        words = _squashed(paragraph.text_content())
        if words in index:
            anchor = index[words]
        elif words and _shape(paragraph) in shapes and paragraph.getparent() not in parents:
            after.setdefault(anchor, []).append(" ".join(paragraph.text_content().split()))
    if not after:
        return text
    merged = after.get(-1, [])
    for n, line in enumerate(lines):
        merged += [line, *after.get(n, [])]
    return "\n".join(merged)


def _squashed(text: str) -> str:
    """Text without whitespace, to recognise a page's paragraph in the extractor's output."""
    return "".join(text.split())


def _shape(element: Any) -> tuple[tuple[str, str], ...]:
    """An element's tags and classes from the page's body down to it (ids left out: pid-1, pid-2)."""
    shape = []
    while element is not None and element.tag not in ("body", "html"):
        shape.append((str(element.tag), " ".join(str(element.get("class") or "").split())))
        element = element.getparent()
    return tuple(shape)


def page_date(html: str, text: str) -> str | None:
    """The date a page writes above its article when its metadata names none (a TV site's
    `2025年3月12日（星期三）18:32`): the first full date in the page's visible text before the article's
    first words, leaving out links (a "related stories" list dates other stories)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for element in root.xpath("//a|//script|//style|//head"):
        element.drop_tree()
    visible = " ".join(root.text_content().split())
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    at = visible.find(" ".join(first.split())[:PAGE_DATE_PROBE]) if first else -1
    if at < 0:
        return None
    day = PAGE_DATE.search(visible[:at])
    return f"{day[1]}-{int(day[2]):02d}-{int(day[3]):02d}" if day else None


def page_outlet(html: str, sitename: str | None, title: str | None) -> str | None:
    """The outlet of a page: a WeChat account's name rather than the platform's, else the site name,
    else the name after the article title in <title> ("标题 | 商流周刊") when the site name is missing
    or is only the article title again."""
    account = WECHAT_ACCOUNT.search(html)
    if account and account[1].strip():
        return unescape(account[1].strip())
    if sitename and sitename != title:
        return sitename
    head = PAGE_TITLE.search(html)
    parts = TITLE_SEPARATOR.split(unescape(head[1]).strip()) if head else []
    outlet = parts[-1].strip() if len(parts) > 1 else ""
    if 2 <= len(outlet) <= MAX_OUTLET_CHARS and len(outlet) < max(map(len, parts[:-1])):  # not 深度｜骑手社保来了
        return outlet
    return None


def tidy_author(author: str) -> str | None:
    """A page's author field without the role words and dates around the names (文 / 本刊记者 许嘉禾 发布于
    2025.03.25 -> 许嘉禾)."""
    parts = re.split(r"[;；|｜/／]", AUTHOR_ROLES.sub("|", author))
    names = [REPORTING_FROM.sub("", AUTHOR_NOISE.sub("", part.strip()).strip()).strip() for part in parts]
    return "、".join(n for n in names if n) or None


def jsonl_documents(path: Path, text: str, encoding: str) -> tuple[list[RawDocument], list[str]]:
    """One document per line of a JSONL file ({id, title, text, outlet, author, date, url}, or the names
    other tools export them under: content, source, publish_time… see RECORD_FIELDS); bad lines are
    skipped."""
    documents: list[RawDocument] = []
    skipped: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            skipped.append(f"skipped {path.name} line {number}: not valid JSON ({err.msg})")
            continue
        fields = record_fields(record) if isinstance(record, dict) else {}
        body = fields.get("text")
        if not isinstance(body, str) or not body.strip():
            names = "/".join(RECORD_FIELDS["text"])
            skipped.append(f"skipped {path.name} line {number}: needs a non-empty text field ({names})")
            continue
        body = record_text(body)
        values = {k: _record_value(k, fields[k]) for k in META_FIELDS if fields.get(k)}
        if POSTING_CLIENT.search(values.get("outlet", "")):
            del values["outlet"]  # a Weibo record's "source" is the app it was posted from
        meta = SourceMeta(**values)
        doc_id = str(fields.get("id") or f"{path.stem}-{number}")
        size = len(line.encode("utf-8"))
        documents.append(RawDocument(doc_id, path.name, body, encoding, size, "jsonl", meta))
    return documents, skipped


def record_fields(record: dict[str, Any]) -> dict[str, Any]:
    """A JSONL record's fields under this tool's names: each takes the first of its names in
    RECORD_FIELDS that the record has (keys matched without regard to case)."""
    keys = {str(k).lower(): v for k, v in record.items()}
    found: dict[str, Any] = {}
    for field, names in RECORD_FIELDS.items():
        value = next((keys[n] for n in names if keys.get(n) not in (None, "")), None)
        if value is not None:
            found[field] = value
    return found


def _record_value(field: str, value: Any) -> str:
    """A record's metadata value as text (a list's items joined: ["王明", "李华"] -> 王明、李华); a
    timestamp's date is its day (2025-06-18 09:30:00 -> 2025-06-18)."""
    if isinstance(value, dict):  # a user object: {"screen_name": …}
        value = value.get("screen_name") or value.get("name") or ""
    text = "、".join(str(v).strip() for v in value) if isinstance(value, list) else str(value).strip()
    return timestamp_day(text) if field == "date" else text


def record_text(text: str) -> str:
    """A record's text without the markup some APIs leave in it (a Weibo post's <br />, its hashtags
    as links), one paragraph per line."""
    return markup_to_lines(text) if RECORD_MARKUP.search(text) else text


def markup_to_lines(text: str) -> str:
    """Text with HTML tags in it as plain text: a paragraph or line break ends a line, other tags go,
    entities are decoded."""
    return unescape(MARKUP_TAG.sub("", BLOCK_END.sub("\n", text)))


def subtitle_cues(text: str) -> list[str]:
    """The text of each cue of a subtitle file (SRT or WebVTT), its lines joined; [] when the text has
    fewer than MIN_CUES timing lines (it is not subtitles)."""
    lines = text.splitlines()
    if sum(1 for line in lines if CUE_TIMING.match(line)) < MIN_CUES:
        return []
    cues: list[str] = []
    current: list[str] | None = None
    for line in lines:
        if CUE_TIMING.match(line):
            if current:
                cues.append("".join(current))
            current = []
        elif current is not None and line.strip():
            current.append(line.strip())
        elif current is not None and current:
            cues.append("".join(current))
            current = None
    if current:
        cues.append("".join(current))
    return cues


def subtitles_to_text(cues: Sequence[str]) -> str:
    """Subtitle cues as prose: in order, joined into paragraphs of about SUBTITLE_PARAGRAPH_CHARS
    characters; a cue that ends without punctuation ends its clause with a comma (a subtitle's line
    ends are pauses), a paragraph with a full stop."""
    paragraphs: list[str] = []
    current = ""
    for cue in cues:
        current += cue if not current or current[-1] in CLAUSE_END else "，" + cue
        if len(current) >= SUBTITLE_PARAGRAPH_CHARS:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(p if p[-1] in CLAUSE_END else p + "。" for p in paragraphs)


def timestamp_day(text: str) -> str:
    """The day of a timestamp as ISO 8601, in the timestamp's own time zone (2025-06-18 09:30:00,
    Wed, 19 Mar 2025 07:05:12 +0800, Sun Sep 14 16:52:08 +0800 2025 -> the date); other text as given."""
    if RECORD_TIMESTAMP.match(text):
        return text[:10]
    if EPOCH_SECONDS.fullmatch(text):  # a Unix time: the day in China, Hong Kong and Taiwan (UTC+8)
        return datetime.fromtimestamp(int(text[:10]), CHINA_TIME).date().isoformat()
    try:
        return datetime.strptime(text, API_TIMESTAMP).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return text


def mail_document(text: str) -> tuple[str, SourceMeta] | None:
    """The body and metadata of an e-mail saved as text, or None if the text does not open with mail
    headers (a block of `Key: value` lines naming a sender or a subject, then a blank line)."""
    lines = text.lstrip("\n").split("\n")
    end = next((n for n, line in enumerate(lines) if not line.strip()), len(lines))
    fields: dict[str, str] = {}
    for line in lines[:end]:
        if line[:1] in " \t" and fields:
            continue  # a folded header's continuation
        header = MAIL_HEADER.match(line.strip())
        if header is None:
            return None
        field = MAIL_FIELDS.get(header["key"].lower())
        if field and field not in fields:
            fields[field] = header["value"].strip()
    if not {"outlet", "title"} & fields.keys() or end == len(lines):
        return None
    return "\n".join(lines[end + 1 :]), _mail_meta(fields)


def _mail_meta(fields: Mapping[str, str | None]) -> SourceMeta:
    """Source metadata from mail headers: the sender's name (else address), the subject, the day sent."""
    name, address = parseaddr(fields.get("outlet") or "")
    date = fields.get("date")
    return SourceMeta(
        title=fields.get("title") or None,
        outlet=(name or address).strip() or None,
        date=timestamp_day(date) if date else None,
    )


def email_document(data: bytes) -> tuple[str, SourceMeta, str]:
    """The text, metadata and charset of an .eml message: its plain-text body, else its HTML body's
    article."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    meta = _mail_meta({"outlet": message.get("From"), "title": message.get("Subject"), "date": message.get("Date")})
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return "", meta, "utf-8"
    try:
        content = str(body.get_content())
    except (LookupError, UnicodeError):  # an unknown or wrong charset
        return "", meta, ""
    if body.get_content_subtype() == "html":
        content, page = html_to_document(content)
        meta = replace(meta, title=meta.title or page.title, date=meta.date or page.date)
    return content, meta, str(body.get_content_charset() or "utf-8")


def read_article_file(path: Path, data: bytes) -> tuple[list[RawDocument], list[str]]:
    """Decode one article file in its format; returns its documents and any skip notices."""
    fmt = FORMATS[path.suffix.lower()]
    if fmt == "email":
        text, meta, encoding = email_document(data)
    else:
        text, encoding = decode_bytes(data)
        text, encoding = without_mojibake(text, encoding)
        meta = SourceMeta()
    if not encoding:
        return [], [f"skipped {path.name}: not text (binary data or an unknown encoding): save it as UTF-8 text"]
    if fmt == "jsonl":
        return jsonl_documents(path, text, encoding)
    mail = mail_document(text) if fmt in ("text", "markdown") else None
    if mail is not None:
        text, meta = mail
    cues = subtitle_cues(text) if fmt in ("subtitles", "text") else []
    if cues:
        text = subtitles_to_text(cues)
    if fmt == "markdown":
        text, front = front_matter(text)
        meta = replace(meta, **{k: v for k, v in front.items() if not getattr(meta, k)})
        text = markdown_to_text(text)
    elif fmt == "html":
        if OWN_REPORT.search(text[:4096]):
            return [], []
        text, meta = html_to_document(text)
    if not text.strip():
        return [], [f"skipped {path.name}: empty, no article text found"]
    return [RawDocument(path.stem, path.name, text, encoding, len(data), fmt, meta)], []


def read_corpus(folder: Path) -> Corpus:
    """Read every supported file of a corpus folder (not recursive), and its sources.toml if present.

    Args:
        folder: the corpus folder.

    Returns:
        The decoded documents, skipped-file notices and a content hash.
    """
    if not folder.exists():
        raise CompareError(f"corpus folder {folder} does not exist: pass a folder of articles ({' '.join(FORMATS)})")
    if not folder.is_dir():
        raise CompareError(f"{folder} is not a folder: pass the folder that holds the articles")
    digest = hashlib.sha256()
    documents: list[RawDocument] = []
    skipped: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in CONFIG_FILES or path.name in REPORT_FILES:
            continue
        if path.is_dir():
            skipped.append(
                f"skipped folder {path.name}/: sub-folders are not read; move its articles up or build it alone"
            )
            continue
        if path.suffix.lower() not in FORMATS:
            skipped.append(f"skipped {path.name}: not an article file ({', '.join(FORMATS)})")
            continue
        data = path.read_bytes()
        found, notes = read_article_file(path, data)
        if found:  # a skipped file (the last report, an image) is not an input of the build
            digest.update(path.name.encode("utf-8") + b"\0" + data + b"\0")
        documents.extend(found)
        skipped.extend(notes)
    if not documents:
        raise CompareError(f"no articles found in {folder}: add {', '.join(FORMATS)} files (one article each)")
    _check_unique_ids(documents)
    sidecar = folder / SIDECAR
    if sidecar.is_file():
        digest.update(SIDECAR.encode("utf-8") + b"\0" + sidecar.read_bytes() + b"\0")
        documents, notes = apply_sidecar(documents, read_sidecar(sidecar))
        skipped.extend(notes)
    return Corpus(folder.resolve().name, tuple(documents), tuple(skipped), digest.hexdigest())


def _check_unique_ids(documents: list[RawDocument]) -> None:
    """Two files with one stem (a.txt and a.md) would be one source twice: refuse with a clear message."""
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.id in seen and seen[doc.id] != doc.file:
            raise CompareError(f"{seen[doc.id]} and {doc.file} give the same source id {doc.id!r}: rename one of them")
        if doc.id in seen:
            raise CompareError(f"{doc.file}: the id {doc.id!r} is used twice; give each JSONL record its own id")
        seen[doc.id] = doc.file


def _read_user_toml(path: Path, what: str) -> dict[str, Any]:
    """Parse a user's TOML file; bad encoding or syntax is a one-line error naming `what` and the line."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CompareError(f"{what} is not UTF-8 text: save it as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise CompareError(f"{what}: {err}; fix the TOML syntax there") from None


def read_sidecar(path: Path) -> dict[str, SourceMeta]:
    """Read sources.toml: a [sources."<file name or source id>"] table of title/outlet/author/date/url each."""
    data = _read_user_toml(path, str(path))
    tables = data.get("sources", {})
    if not isinstance(tables, dict):
        raise CompareError(f'{path}: expected [sources."<file name>"] tables')
    out: dict[str, SourceMeta] = {}
    for key, table in tables.items():
        if not isinstance(table, dict):
            raise CompareError(f'{path}: [sources."{key}"] must be a table of {", ".join(META_FIELDS)}')
        unknown = sorted(set(table) - set(META_FIELDS))
        if unknown:
            fields = ", ".join(META_FIELDS)
            raise CompareError(f'{path}: [sources."{key}"] has unknown field {unknown[0]!r}; use {fields}')
        out[key] = SourceMeta(**{k: str(v) for k, v in table.items()})
    return out


def apply_sidecar(documents: list[RawDocument], sidecar: dict[str, SourceMeta]) -> tuple[list[RawDocument], list[str]]:
    """Merge sidecar metadata into documents (sidecar fields win); note entries that match no article."""
    used: set[str] = set()
    merged = []
    for doc in documents:
        key = doc.id if doc.id in sidecar else doc.file if doc.file in sidecar else None
        if key is None:
            merged.append(doc)
            continue
        used.add(key)
        given = {k: getattr(sidecar[key], k) for k in META_FIELDS if getattr(sidecar[key], k)}
        merged.append(replace(doc, meta=replace(doc.meta, **given)))
    notes = [f"{SIDECAR}: no article matches {key!r}" for key in sorted(set(sidecar) - used)]
    return merged, notes


def read_topics(path: Path) -> tuple[TopicSpec, ...]:
    """Read configured topics from a TOML file of [[topic]] tables.

    Args:
        path: the topics file.

    Returns:
        The topics in file order.
    """
    if not path.exists():
        raise CompareError(f"topics file {path} does not exist: check the --topics path")
    data = _read_user_toml(path, f"topics file {path}")
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise CompareError(f"topics file {path}: no [[topic]] tables found; see seeds/topics.toml for the format")
    specs = tuple(_topic_spec(path, n, entry) for n, entry in enumerate(entries, start=1))
    ids = [spec.id for spec in specs]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise CompareError(f"topics file {path}: topic id {repeated[0]!r} is used twice; give each topic its own id")
    return specs


def _topic_spec(path: Path, number: int, entry: object) -> TopicSpec:
    """Validate one [[topic]] table and turn it into a TopicSpec."""
    where = f"topics file {path}, topic #{number}"
    if not isinstance(entry, dict):
        raise CompareError(f"{where}: expected a [[topic]] table")
    for key in ("id", "label"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise CompareError(f"{where}: '{key}' must be a non-empty string")
    lists = {}
    for key in ("keywords", "patterns"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise CompareError(f"{where} ({entry['id']}): '{key}' must be a list of non-empty strings")
        lists[key] = tuple(value)
    if not lists["keywords"] and not lists["patterns"]:
        raise CompareError(f"{where} ({entry['id']}): give 'keywords' or 'patterns' to recognise the topic")
    for pattern in lists["patterns"]:
        try:
            re.compile(pattern)
        except re.error as err:
            raise CompareError(f"{where} ({entry['id']}): bad pattern {pattern!r}: {err}") from None
    min_hits = entry.get("min_hits", min(2, len(lists["keywords"])) or 1)
    if not isinstance(min_hits, int) or min_hits < 1:
        raise CompareError(f"{where} ({entry['id']}): 'min_hits' must be a positive integer")
    return TopicSpec(
        id=entry["id"].strip(),
        label=entry["label"].strip(),
        description=str(entry.get("description", "")),
        keywords=lists["keywords"],
        patterns=lists["patterns"],
        min_hits=min_hits,
    )


def read_words(path: Path) -> tuple[UserWord, ...]:
    """Read the user's words for jieba: lists of strings under people, places, organizations, products
    and terms (either script; kept in Simplified, the script analysis tokenizes).

    Args:
        path: the words file.

    Returns:
        The words in file order, each once (the first kind that lists it wins).
    """
    if not path.exists():
        raise CompareError(f"words file {path} does not exist: check the --words path")
    data = _read_user_toml(path, f"words file {path}")
    kinds = ", ".join(WORD_KINDS)
    unknown = sorted(set(data) - set(WORD_KINDS))
    if unknown:
        raise CompareError(f"words file {path}: unknown key {unknown[0]!r}; use lists named {kinds}")
    words: dict[str, UserWord] = {}
    for kind, tag in WORD_KINDS.items():
        value = data.get(kind, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CompareError(f"words file {path}: '{kind}' must be a list of strings")
        for raw in value:
            word = to_simplified(raw.strip())
            if not word or any(ch.isspace() for ch in word):
                raise CompareError(f"words file {path}: {raw!r} in '{kind}' must be one word without spaces")
            words.setdefault(word, UserWord(word, tag))
    if not words:
        raise CompareError(f"words file {path}: no words found; list them under {kinds}")
    return tuple(words.values())
