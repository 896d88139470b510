"""Segment: jieba tokenization and sentence splitting (the only module that knows jieba).

A jieba ``Tokenizer`` instance with the packaged user dictionary is built once; the user
dictionary is loaded into that instance (loading into the global ``jieba`` module while
tokenizing with a separate instance is the known pitfall where user words silently do nothing).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import jieba
import jieba.posseg

from compare.model import CleanDocument, Paragraph, Passage

# A sentence: text up to a run of sentence ends, with any closing quotes or brackets after it.
SENTENCE = re.compile(r"[^。！？!?；;…]+(?:[。！？!?；;…]+['\"”’」』）)]*)?|[。！？!?；;…]+['\"”’」』）)]*")
TOKEN_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


@lru_cache(maxsize=1)
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """The shared part-of-speech tokenizer, with the packaged user dictionary loaded.

    The dictionary is loaded through the POS tokenizer so that its words get their tags too
    (loading it into the plain tokenizer alone leaves user words untagged).
    """
    jieba.setLogLevel(logging.WARNING)
    pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    userdict = resources.files("compare.resources").joinpath("userdict.txt")
    with resources.as_file(userdict) as path:
        pos.load_userdict(str(path))
    pos.makesure_userdict_loaded()  # moves the user words' tags into the tag table now, not at first cut
    return pos


def _tokenizer() -> jieba.Tokenizer:
    """The plain tokenizer behind the POS tokenizer (same dictionary)."""
    return _pos_tokenizer().tokenizer


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word (user words included), or None if unknown."""
    tag_: str | None = _pos_tokenizer().word_tag_tab.get(word)
    return tag_


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The packaged stopword list (Simplified)."""
    text = resources.files("compare.resources").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def tokenize(text: str) -> list[str]:
    """Segment text into words with jieba (whitespace dropped)."""
    return [t for t in _tokenizer().lcut(text) if t.strip()]


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Segment text into (word, start, end) character spans with jieba."""
    return [(w, start, end) for w, start, end in _tokenizer().tokenize(text)]


def tag(text: str) -> list[tuple[str, str]]:
    """Segment text into (word, part-of-speech flag) pairs."""
    return [(p.word, p.flag) for p in _pos_tokenizer().lcut(text) if p.word.strip()]


def content_tokens(text: str) -> list[str]:
    """Tokens that carry meaning: no stopwords, punctuation, single Han characters or bare numbers."""
    stop = stopwords()
    out = []
    for token in tokenize(text):
        token = token.strip()
        if token in stop or not TOKEN_CHARS.search(token) or token.isdigit():
            continue
        if len(token) < 2:
            continue
        out.append(token.lower() if token.isascii() else token)
    return out


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at Chinese and Western sentence ends, keeping closing quotes."""
    return [m.group().strip() for m in SENTENCE.finditer(text) if m.group().strip()]


def segment_documents(docs: Sequence[CleanDocument]) -> tuple[Passage, ...]:
    """Turn cleaned documents into passages (non-heading paragraphs) with content tokens.

    A short lead-in line ending in a colon ("王坚曾指出：") is joined to the paragraph after it.

    Args:
        docs: cleaned documents.

    Returns:
        Passages, by document then reading order.
    """
    passages: list[Passage] = []
    for doc in docs:
        for index, group in enumerate(_passage_groups(doc.paragraphs)):
            text = "".join(p.text for p in group)
            simplified = "".join(p.text_simplified for p in group)
            tokens = tuple(content_tokens(simplified))
            passages.append(Passage(f"{doc.id}:p{index}", doc.id, index, text, simplified, tokens))
    return tuple(passages)


def _passage_groups(paragraphs: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """Group non-heading paragraphs into passages, joining colon lead-ins to what follows."""
    groups: list[list[Paragraph]] = []
    pending: list[Paragraph] = []
    for para in paragraphs:
        if para.heading:
            continue
        pending.append(para)
        if not para.text.rstrip().endswith((":", "：")):
            groups.append(pending)
            pending = []
    if pending:
        groups.append(pending)
    return groups
