"""The typed model every stage passes along: frozen dataclasses, no string-keyed dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Script = str  # "simplified" or "traditional"


@dataclass(frozen=True)
class UserWord:
    """A word the user wants jieba to keep whole (a name, product or term of their story).

    Attributes:
        word: the word, in Simplified script (analysis tokenizes Simplified text).
        tag: jieba part-of-speech tag: nr person, ns place, nt organisation, nz product or term.
    """

    word: str
    tag: str


@dataclass(frozen=True)
class BuildOptions:
    """Options of one build, passed through the stages instead of globals.

    Attributes:
        formats: output formats to write, a subset of {"pdf", "html", "json"}.
        topics_file: TOML file of configured topics, or None.
        words_file: TOML file of the user's own words for jieba, or None.
        user_words: those words, each with its part-of-speech tag.
        discover: whether to discover topics shared by sources in addition to configured ones.
        similarity_threshold: cosine similarity above which two passages of different sources are linked.
        topic_cohesion: mean cross-source similarity a discovered topic's passages must keep as it grows.
        neighbours: how many nearest neighbours each passage is compared with (keeps matching sub-quadratic).
        max_heading_chars: lines without a sentence end and shorter than this are headings or captions,
            kept but not analysed as passages.
    """

    formats: tuple[str, ...] = ("pdf", "html", "json")
    topics_file: Path | None = None
    words_file: Path | None = None
    user_words: tuple[UserWord, ...] = ()
    discover: bool = True
    similarity_threshold: float = 0.12
    topic_cohesion: float = 0.13
    neighbours: int = 5
    max_heading_chars: int = 40


@dataclass(frozen=True)
class SourceMeta:
    """What is known about a source besides its text (from a sidecar file, the HTML page or a JSONL record).

    Attributes:
        title: the article's title.
        outlet: the outlet (site, publication or account) that published it.
        author: the author or reporter.
        date: publication date as given (ISO 8601 where known).
        url: where it was published.
    """

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """An input article as read from disk, decoded and taken out of its file format, otherwise untouched.

    Attributes:
        id: the file stem (or "<stem>-<line>" for a JSONL record), unique in the corpus.
        file: file name relative to the corpus folder.
        text: decoded plain text, one paragraph per line.
        encoding: the encoding it was decoded from.
        raw_bytes: size of the article in bytes.
        format: "text", "markdown", "html", "jsonl" or "email".
        meta: metadata given with the article.
    """

    id: str
    file: str
    text: str
    encoding: str
    raw_bytes: int
    format: str = "text"
    meta: SourceMeta = SourceMeta()


@dataclass(frozen=True)
class Removal:
    """One piece of text the cleaner removed, with the rule that removed it.

    Attributes:
        reason: the rule's name, e.g. "pinyin", "duplicate", "boilerplate"; "misaligned-bytes" is a
            repair: garbled characters replaced by what their bytes read one byte on.
        chars: characters removed (for a repair: garbled characters replaced).
        sample: a short sample of what was removed (or replaced).
    """

    reason: str
    chars: int
    sample: str


@dataclass(frozen=True)
class Paragraph:
    """A cleaned paragraph of a source, in the source's own script and in Simplified form.

    Attributes:
        index: position among the source's kept paragraphs (0-based, reading order).
        text: cleaned text in the source's own script.
        text_simplified: the same text converted to Simplified script (for analysis).
        heading: True for short lines without a sentence end (section titles).
    """

    index: int
    text: str
    text_simplified: str
    heading: bool = False


@dataclass(frozen=True)
class CleanDocument:
    """A document after cleaning: its paragraphs, script and audit of removals.

    Attributes:
        id: file stem.
        file: file name.
        title: the article title (from metadata, else the first heading-like line).
        outlet: the outlet (from metadata, else a byline such as "X|出品"), or None.
        author: the author (from metadata, else a byline such as "文|X"), or None.
        date: publication date from metadata, or None.
        url: address from metadata, or None.
        format: the input format ("text", "markdown", "html", "jsonl", "email").
        script: "simplified" or "traditional".
        encoding: encoding the file was decoded from.
        chars_in: characters of the decoded input (whitespace excluded).
        chars_kept: characters kept after cleaning (whitespace excluded).
        removed: what the cleaner removed (or repaired), per rule.
        paragraphs: kept paragraphs in reading order.
        reposted: the text says it is a repost (原标题：…, 转载自…).
    """

    id: str
    file: str
    title: str
    outlet: str | None
    author: str | None
    date: str | None
    url: str | None
    format: str
    script: Script
    encoding: str
    chars_in: int
    chars_kept: int
    removed: tuple[Removal, ...]
    paragraphs: tuple[Paragraph, ...]
    reposted: bool = False


@dataclass(frozen=True)
class Evidence:
    """A term or signal that moved a tone score, with its weight.

    Attributes:
        term: the term as it appears (Simplified form) or a signal name.
        weight: signed contribution to the score (positive = more promotional).
    """

    term: str
    weight: float


@dataclass(frozen=True)
class VoiceSpan:
    """A run of a passage in one voice, scored on its own.

    Attributes:
        text: the run (Simplified form).
        voice: "outlet" (the writer's own words), "company" (quoted or reported words of the company or
            its people) or "other" (another speaker's).
        speaker: who is quoted, as the text names them ("" for the outlet or an unnamed speaker).
        score: promotional score of the run alone, in [0, 1].
        evidence: terms and signals that moved it.
    """

    text: str
    voice: str
    speaker: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Tone:
    """A promotional-tone score in [0, 1] (higher = more promotional) of the outlet's own voice.

    Attributes:
        score: the score in [0, 1]: the model's probability that the own-voice text is promotional.
        sentiment: mean snownlp sentence sentiment of the own-voice text (Simplified form), in [0, 1].
        evidence: terms and signals that moved the score, strongest first.
        own_chars: characters in the outlet's own voice (the weight of this score in aggregates).
        company_score: score of the text in the company's voice, None when there is none.
        company_chars: characters in the company's voice.
        spans: the passage's runs by voice, each scored (passages only).
    """

    score: float
    sentiment: float
    evidence: tuple[Evidence, ...] = ()
    own_chars: int = 0
    company_score: float | None = None
    company_chars: int = 0
    spans: tuple[VoiceSpan, ...] = ()


@dataclass(frozen=True)
class Passage:
    """A unit of comparison: one paragraph of one source.

    Attributes:
        id: "<source id>:p<index>".
        source: the source id.
        index: position among the source's passages (reading order).
        text: text in the source's own script.
        text_simplified: text in Simplified script.
        tokens: content tokens of the Simplified text (jieba), used for matching.
        topics: ids of the topics the passage belongs to.
        tone: promotional tone of the passage.
        verbatim_in: ids of passages of other sources that hold its words (see `align.mark_verbatim`).
    """

    id: str
    source: str
    index: int
    text: str
    text_simplified: str
    tokens: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tone: Tone | None = None
    verbatim_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicSpec:
    """A topic configured by the user in a topics file.

    Attributes:
        id: short identifier.
        label: human label.
        description: what the topic covers.
        keywords: terms (Simplified or Traditional) any of which signal the topic.
        patterns: regular expressions that signal the topic.
        min_hits: distinct keyword hits a passage needs (a pattern hit always suffices).
    """

    id: str
    label: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    min_hits: int = 2


@dataclass(frozen=True)
class Topic:
    """A topic with the passages that cover it.

    Attributes:
        id: identifier ("configured" ids come from the file; discovered ones are "d1", "d2"...).
        label: human label.
        keywords: its defining or most distinctive terms.
        origin: "configured" or "discovered".
        passages: passage ids, grouped by source in source order, reading order within a source.
        sources: ids of sources with at least one passage on the topic.
        omitted_by: ids of sources with no passage on it.
    """

    id: str
    label: str
    keywords: tuple[str, ...]
    origin: str
    passages: tuple[str, ...]
    sources: tuple[str, ...]
    omitted_by: tuple[str, ...]


@dataclass(frozen=True)
class TopicCoverage:
    """How much of one source is about one topic.

    Attributes:
        topic: the topic id.
        passages: the source's passages on the topic.
        chars: characters of those passages.
        share: those characters as a share of all the source's passage text, in [0, 1].
    """

    topic: str
    passages: int
    chars: int
    share: float


@dataclass(frozen=True)
class SourceCoverage:
    """A source's row of the sources x topics coverage matrix.

    Attributes:
        source: the source id.
        topics: one cell per topic, in topic order.
        blindspots: ids of topics that at least two other sources cover and this one omits.
    """

    source: str
    topics: tuple[TopicCoverage, ...]
    blindspots: tuple[str, ...]


@dataclass(frozen=True)
class Republication:
    """A source that carries another source's text: a syndicated wire story or a repost.

    Attributes:
        source: the id of the source that republishes.
        original: the id of the source whose text it carries (the original of a chain of copies).
        share: share of the source's text in passages found word for word in the original.
    """

    source: str
    original: str
    share: float


@dataclass(frozen=True)
class SourceSummary:
    """A source as the report shows it: cleaned document facts plus overall tone.

    Attributes:
        doc: the cleaned document.
        tone: own-voice-length-weighted promotional tone over its passages.
        interval: 95% bootstrap interval of tone.score (resampling passages), None with too few.
    """

    doc: CleanDocument
    tone: Tone
    interval: tuple[float, float] | None = None


@dataclass(frozen=True)
class Claim:
    """A quantitative statement found in a passage, with what it counts.

    Attributes:
        id: "c<n>".
        source: source id.
        passage: passage id.
        text: the clause stating it (source's own script).
        subject: what is counted, for display (Simplified form), e.g. "单车毛利率".
        value: the normalized numeric value (the lower end of a range).
        unit: normalized unit, e.g. "元", "%", "年", "人"; "" for a bare count.
        raw: the number as written.
        qualifier: "approx", "over", "under" or "" for an exact figure.
        time: a time reference stated in the clause or its sentence (e.g. "2023年", "去年"), or "".
        upper: the upper end of a range ("11%至13%"), else None.
        aspect: "" for a level or amount, "change" for an amount of change ("下降97%"; "change:yoy" when
            stated 同比, "change:mom" when 环比), "from" for the earlier value of a change ("由18%降至11%"
            gives 18% "from" and 11% ""), "remaining" for what is left ("仍有9人住院").
        head: nouns naming what is measured or counted: the noun run right before the number
            ("单车毛利率") and the noun a classifier counts ("12000余名居民") (Simplified).
        event: the event verb ("转移", "接入") and the word marking a change ("下调").
        terms: other words of the clause around the number (modifiers).
        context: nouns of the rest of the sentence (weak evidence of what is meant).
        names: names the number is about: the clause's, else the sentence's, else the previous sentence's.
        name_scope: where the names come from: "clause", "sentence", "previous", or "" if none.
        topics: ids of the topics of its passage.
    """

    id: str
    source: str
    passage: str
    text: str
    subject: str
    value: float
    unit: str
    raw: str
    qualifier: str = ""
    time: str = ""
    upper: float | None = None
    aspect: str = ""
    head: tuple[str, ...] = ()
    event: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    name_scope: str = ""
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimComparison:
    """Claims of different sources about the same thing, compared.

    Attributes:
        subject: what the claims are about (display form).
        kind: "conflict" or "agreement".
        claims: ids of the compared claims, one per source.
        note: a one-line explanation for editors.
        topic: id of the topic the claims' passages share, or "" if they share none.
    """

    subject: str
    kind: str
    claims: tuple[str, ...]
    note: str
    topic: str = ""


@dataclass(frozen=True)
class Comparison:
    """Everything the analysis found about a corpus; the input of the report side.

    Attributes:
        corpus_name: the corpus folder's name.
        files: input file names.
        content_hash: sha256 over the input files' names and bytes.
        options: the build options.
        sources: sources in id order.
        passages: all passages, by source then reading order.
        topics: configured topics first, then discovered ones.
        coverage: the sources x topics matrix, one row per source, and each source's blindspots.
        terms: compound terms found in the corpus itself and kept whole when tokenizing.
        claims: quantitative claims.
        comparisons: cross-source claim comparisons, conflicts first.
        skipped: notices about input files that were skipped.
        republications: sources that republish another source's text (they count as one voice).
    """

    corpus_name: str
    files: tuple[str, ...]
    content_hash: str
    options: BuildOptions
    sources: tuple[SourceSummary, ...]
    passages: tuple[Passage, ...]
    topics: tuple[Topic, ...]
    coverage: tuple[SourceCoverage, ...]
    terms: tuple[str, ...]
    claims: tuple[Claim, ...]
    comparisons: tuple[ClaimComparison, ...]
    skipped: tuple[str, ...] = field(default=())
    republications: tuple[Republication, ...] = field(default=())
