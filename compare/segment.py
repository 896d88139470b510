"""Segment: jieba tokenization and sentence splitting (the only module that knows jieba).

A jieba ``Tokenizer`` instance with the packaged user dictionary is built once; the user
dictionary is loaded into that instance (loading into the global ``jieba`` module while
tokenizing with a separate instance is the known pitfall where user words silently do nothing).
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from importlib import resources

import jieba
import jieba.posseg

from compare.model import CleanDocument, Paragraph, Passage, UserWord
from compare.resources import read_text

# A sentence: text up to a run of sentence ends, with any closing quotes or brackets after it.
SENTENCE = re.compile(r"[^。！？!?；;…]+(?:[。！？!?；;…]+['\"”’」』）)]*)?|[。！？!?；;…]+['\"”’」』）)]*")
# Paragraphs at least this long (Simplified characters) are checked for a change of subject.
LONG_PARAGRAPH_CHARS = 200
MIN_PART_CHARS = 60
SHIFT_SIMILARITY = 0.05
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
MIN_TERM_COUNT = 3
TERM_COHESION = 0.5
TOKEN_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# Quantities and manners jieba's dictionary files as nouns: they qualify the word after them (个人+全部
# 财产, 液态奶+全国市占率, 罗振邦+当庭表示), so they are never part of a corpus term.
QUALIFIERS = frozenset(
    {
        "全部",
        "全数",
        "部分",
        "大部分",
        "一部分",
        "全体",
        "多数",
        "少数",
        "大多数",
        "实际",
        "全国",
        "当庭",
        "当场",
        "当天",
        "当日",
        "当晚",
        "尚需",
        "仍需",
        "还需",
    }
)
# jieba tags of names: people, places, organisations, other proper nouns.
PROPER_TAGS = frozenset({"nr", "ns", "nt", "nz"})
# A single character jieba glues after an unknown name: prepositions, conjunctions, verbs, numerals and
# measure words, pronouns, adverbs, particles (first letter of its tag); `unglued` cuts it off again.
GLUE_TAGS = frozenset("pcvmqrdzuy")
GLUED_SHARE = 2


# The user's own words (words.toml) in force for the build now running; see `user_words`.
_active_words: tuple[UserWord, ...] = ()


@contextmanager
def user_words(words: Sequence[UserWord]) -> Iterator[None]:
    """Tokenize with the user's words added to the packaged dictionary, within the block.

    Every segmenting function of this module (and so every stage) sees the same dictionary; outside
    the block the packaged one is back. Each distinct word list gets its own jieba instance (cached),
    so builds with and without extra words never mix.
    """
    global _active_words
    previous, _active_words = _active_words, tuple(words)
    try:
        yield
    finally:
        _active_words = previous


def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """The part-of-speech tokenizer for the words now in force."""
    return _tokenizer_with(_active_words)


@lru_cache(maxsize=2)
def _tokenizer_with(extra: tuple[UserWord, ...]) -> jieba.posseg.POSTokenizer:
    """A part-of-speech tokenizer with the packaged user dictionary and `extra` words loaded.

    The dictionary is loaded through the POS tokenizer so that its words get their tags too
    (loading it into the plain tokenizer alone leaves user words untagged).
    """
    jieba.setLogLevel(logging.WARNING)
    pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    userdict = resources.files("compare.resources").joinpath("userdict.txt")
    with resources.as_file(userdict) as path:
        pos.load_userdict(str(path))
    pos.makesure_userdict_loaded()  # moves the user words' tags into the tag table now, not at first cut
    words = [
        line.split()[0]
        for line in userdict.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for user_word in extra:
        pos.tokenizer.add_word(user_word.word, tag=user_word.tag)
        pos.word_tag_tab[user_word.word] = user_word.tag
    # A user word's frequency may still lose to its characters' (飞天 at 5 is cut 飞 / 天): raise each
    # to what jieba's own suggest_freq says keeps it whole (the documented fix; only ever raises).
    for word in [*words, *(w.word for w in extra)]:
        pos.tokenizer.suggest_freq(word, tune=True)
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
    text = read_text("stopwords.txt")
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


def content_tokens(text: str, terms: frozenset[str] = frozenset()) -> list[str]:
    """Tokens that carry meaning: no stopwords, punctuation, single Han characters or bare numbers.

    Args:
        text: Simplified text.
        terms: corpus terms (from `corpus_terms`) whose parts are joined back into one token.
    """
    stop = stopwords()
    out = []
    for token in merge_terms(tokenize(text), terms):
        token = token.strip()
        token = token.lower() if token.isascii() else token
        if token in stop or not TOKEN_CHARS.search(token) or token.isdigit():
            continue
        if len(token) < 2:
            continue
        out.append(token)
    return out


def corpus_terms(docs: Sequence[CleanDocument]) -> frozenset[str]:
    """Compound nouns the corpus itself uses that jieba splits (头部+企业, 集团+董事长, 小鹏+汽车).

    A pair of adjacent nouns is a term when it occurs at least MIN_TERM_COUNT times, in two or more
    sources, and accounts for at least TERM_COHESION of the rarer part's occurrences (the parts mostly
    appear together). Deterministic and per corpus: nothing is added to jieba's shared dictionary.
    """
    singles: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    sources: dict[tuple[str, str], set[str]] = {}
    for doc in docs:
        for para in doc.paragraphs:
            tokens = tokenize(para.text_simplified)
            singles.update(tokens)
            for pair in itertools.pairwise(tokens):
                if _is_term_part(pair[0], 1) and _is_term_part(pair[1], 2) and not _apposition(*pair):
                    pairs[pair] += 1
                    sources.setdefault(pair, set()).add(doc.id)
    return frozenset(
        a + b
        for (a, b), n in pairs.items()
        if n >= MIN_TERM_COUNT and len(sources[(a, b)]) >= 2 and n >= TERM_COHESION * min(singles[a], singles[b])
    )


def _is_term_part(token: str, min_chars: int) -> bool:
    """A Han noun (or a word jieba does not know, mostly names) of at least `min_chars` characters."""
    if len(token) < min_chars or not HAN_WORD.fullmatch(token) or token in stopwords() or token in QUALIFIERS:
        return False
    tag_ = word_tag(token)
    return tag_ is None or tag_.startswith("n")


def _apposition(first: str, second: str) -> bool:
    """Whether two adjacent nouns are a title or role before a name (市长+何静仪, 被告单位+汇鼎,
    股东+朔川), not one compound: a common noun of two or more characters, then a word the
    dictionary does not know that jieba's tagger reads as a name of a person, place or organisation.
    A name before a noun (小鹏+汽车), a name jieba cut after one character (溪+沙河) and an unknown
    common noun (全国+市占率) stay compounds."""
    role = word_tag(first)
    if len(first) < 2 or role is None or role[:2] in PROPER_TAGS or word_tag(second) is not None:
        return False
    tagged = tag(first + second)
    return len(tagged) == 2 and tagged[1][0] == second and tagged[1][1][:2] in PROPER_TAGS


def merge_terms(tokens: list[str], terms: frozenset[str]) -> list[str]:
    """Join adjacent tokens that form a corpus term, left to right."""
    if not terms:
        return tokens
    out: list[str] = []
    for token in tokens:
        if out and out[-1] + token in terms:
            out[-1] += token
        else:
            out.append(token)
    return out


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at Chinese and Western sentence ends, keeping closing quotes."""
    return [m.group().strip() for m in SENTENCE.finditer(text) if m.group().strip()]


def segment_documents(docs: Sequence[CleanDocument], *, terms: frozenset[str] = frozenset()) -> tuple[Passage, ...]:
    """Turn cleaned documents into passages with content tokens.

    A passage is a non-heading paragraph; a short lead-in ending in a colon ("王坚曾指出：") is joined
    to the paragraph after it, and a long paragraph that changes subject is split where it does
    (see `split_at_topic_shift`).

    Args:
        docs: cleaned documents.
        terms: corpus terms kept whole in the tokens (see `corpus_terms`).

    Returns:
        Passages, by document then reading order.
    """
    passages: list[Passage] = []
    for doc in docs:
        index = 0
        for group in _passage_groups(doc.paragraphs):
            text = "".join(p.text for p in group)
            simplified = "".join(p.text_simplified for p in group)
            for part, part_simplified in split_at_topic_shift(text, simplified):
                tokens = tuple(content_tokens(part_simplified, terms))
                passages.append(Passage(f"{doc.id}:p{index}", doc.id, index, part, part_simplified, tokens))
                index += 1
    return unglued(passages)


def unglued(passages: Sequence[Passage]) -> tuple[Passage, ...]:
    """Passages with names jieba glued to a neighbouring character cut free again.

    jieba's guesser reads a name it does not know together with the preposition, verb or measure
    word beside it (对星衡, 从鼎华, 罗振邦系), so one name becomes several tokens that match nothing.
    A token the dictionary does not know is cut back to its part without its first or last character
    when the part is a token of its own at least GLUED_SHARE times as often in the corpus and the
    character is a word that cannot be part of the name (a place's direction, 澜港南, or a noun after
    it, 临渚市, stays).
    """
    counts = Counter(t for p in passages for t in p.tokens)
    cuts: dict[str, str] = {}
    for token, n in counts.items():
        if len(token) < 3 or not HAN_WORD.fullmatch(token) or word_tag(token) is not None:
            continue
        for char, rest, before in ((token[0], token[1:], True), (token[-1], token[:-1], False)):
            flag = word_tag(char) or ""
            # Before a name, any character that is a word of its own but not a name (对, 人 of 被告人,
            # 商 of 供应商); after one, only function words, verbs and measure words (not 市, 网, 南).
            glued = flag[:2] not in PROPER_TAGS if before else flag[:1] in GLUE_TAGS
            if flag and glued and counts[rest] >= GLUED_SHARE * n:
                cuts[token] = rest
                break
    if not cuts:
        return tuple(passages)
    return tuple(replace(p, tokens=tuple(cuts.get(t, t) for t in p.tokens)) for p in passages)


def split_at_topic_shift(text: str, simplified: str) -> list[tuple[str, str]]:
    """Split a long paragraph where its sentences stop sharing words (a TextTiling-style cut).

    Each cut leaves at least two sentences and MIN_PART_CHARS characters on either side, and is made
    only where the content words before and after it overlap less than SHIFT_SIMILARITY (cosine).

    Returns:
        (own-script text, Simplified text) parts; the whole paragraph when there is no clear shift.
    """
    sentences, simple = split_sentences(text), split_sentences(simplified)
    if len(simplified) < LONG_PARAGRAPH_CHARS or len(sentences) < 4 or len(sentences) != len(simple):
        return [(text, simplified)]
    bags = [Counter(content_tokens(s)) for s in simple]
    best: tuple[float, int] | None = None
    for cut in range(2, len(simple) - 1):
        left, right = "".join(simple[:cut]), "".join(simple[cut:])
        if len(left) < MIN_PART_CHARS or len(right) < MIN_PART_CHARS:
            continue
        similarity = _cosine(sum(bags[:cut], Counter()), sum(bags[cut:], Counter()))
        if similarity < SHIFT_SIMILARITY and (best is None or similarity < best[0]):
            best = (similarity, cut)
    if best is None:
        return [(text, simplified)]
    cut = best[1]
    head = split_at_topic_shift("".join(sentences[:cut]), "".join(simple[:cut]))
    return head + split_at_topic_shift("".join(sentences[cut:]), "".join(simple[cut:]))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags of words (0 when either is empty)."""
    dot = sum(count * b[word] for word, count in a.items())
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0


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


@lru_cache(maxsize=1)
def _background_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (computed on a large general corpus) and its median."""
    from jieba.analyse import default_tfidf

    return dict(default_tfidf.idf_freq), float(default_tfidf.median_idf)


def background_specificity(word: str) -> float:
    """How specific a word is in general Chinese text, in (0, 1]: its IDF in jieba's background corpus
    over the median IDF; words outside the table (new names, jargon) count as specific (1)."""
    idf, median = _background_idf()
    return min(1.0, idf.get(word, median) / median)
