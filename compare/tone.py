"""Tone: how promotional each passage is in the outlet's own voice (the only module that knows snownlp).

Promotional tone is the writer presenting a subject favourably in their own words, not sentiment.
Each sentence is first split into voices (`split_voices`): text inside speech quotes, or after
"X表示/指出/称/认为…，", belongs to its speaker — the company's voice when the speaker is the company
or one of its people, another voice otherwise — and only the rest is the outlet's. Each voice's text
is then scored from a few signals:

- snownlp sentence sentiment on the Simplified text (centred on 0.5);
- lexicon signals (compare/resources/tone_lexicon.toml): superlatives and rank claims, praise and
  marketing register, unhedged predictions, heroic/national framing, intensity adverbs, critical
  terms, reassurance, hedges, contrast turns — negation moves a term to another signal (并非领先 counts as critical);
- figures (numbers stated).

Each signal is a sum of term strengths divided by sqrt(sentences). A logistic model with one weight
per signal (compare/resources/tone_model.toml, fit on the labelled development set by
bench/train_tone.py) turns them into a score in [0, 1]: the probability that a reader following
tests/data/tone/GUIDE.md would call the text promotional. Every score is explained: each term's
contribution is its signal's weight x its strength / sqrt(sentences), listed as evidence.

Aggregates (a source overall, a source on a topic) are own-voice-length-weighted means of passage
scores, with a bootstrap interval over passages (`interval`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from snownlp import SnowNLP

from compare.model import Evidence, Passage, Tone, VoiceSpan
from compare.resources import load_toml
from compare.script import to_simplified
from compare.segment import split_sentences, tag, token_spans

NEUTRAL = 0.5
NEGATION_WINDOW = 2
MAX_EVIDENCE = 10
LEXICON_SIGNALS = (
    "superlative",
    "praise",
    "certainty",
    "framing",
    "intensity",
    "critical",
    "reassurance",
    "hedge",
    "contrast",
)
SIGNALS = ("sentiment", *LEXICON_SIGNALS, "figures")
OUTLET, COMPANY, OTHER = "outlet", "company", "other"
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20240601
CONFIDENCE = 0.95

# Quoted text shorter than this with no punctuation inside is a term in scare quotes, not speech.
MIN_SPEECH_CHARS = 12
QUOTES = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")
SPEECH_VERBS = (
    "表示|指出|认为|介绍|透露|强调|坦言|直言|宣称|声称|回应|提到|坦承|承认|否认|解释|补充|"
    "总结|谈到|表态|提出|放话|直呼|感叹|感慨|称|说道|(?<![来再话如是以听])说"
)
# "X表示，…" / "X称：" — the verb then a comma or colon; 堪称, 号称, 被称 are not speech.
REPORTED = re.compile(rf"(?<![堪号被自俗声简人])(?P<verb>{SPEECH_VERBS})(?P<mark>[，,：:])")
ACCORDING = re.compile(rf"据(?P<speaker>[^，,。；]{{0,24}}?)(?:{SPEECH_VERBS}|报道|统计|披露|消息|数据)[，,]")
# "“…”，王坚说。" — a short speaker, the speech verb, then the clause ends.
SPEAKER_AFTER = re.compile(rf"[，,]?(?P<who>[^，,。；：:“”]{{1,16}}?)(?:{SPEECH_VERBS})(?=[。，,！!？?；;]|$)")
ENDORSED = re.compile(r"正如[^，,。；]{0,24}?所(?:说|言|指出|预料|料)")
NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两]+(?:亿|万)")
# A clock time or a numeric date (a chat message's or a transcript turn's stamp: 2025-03-12 02:14,
# [00:12:31]) states no figure.
CLOCK = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?")
COMPANY_ROLES = (
    "CEO|CTO|CFO|COO|董事长|总裁|创始人|联合创始人|负责人|发言人|官方|公司|集团|品牌|首席|高管|总经理|"
    "经理|总监|主管|副总裁|合伙人|方面|厂商|官微|董事|掌门人|掌舵人|管理层|团队"
)
OTHER_ROLES = (
    "分析师|分析人士|专家|研究员|教授|学者|业内人士|人士|网友|投资者|律师|消费者|用户|券商|机构|评论|"
    "媒体|记者|报道|监管|官员|部门|政府|协会|车主|业主|家长|患者|居民|市民|员工|前员工|竞争对手|对手"
)
COMPANY_ROLE = re.compile(COMPANY_ROLES, re.IGNORECASE)
OTHER_ROLE = re.compile(OTHER_ROLES)
MIN_ORGANISATION_MENTIONS = 3
# jieba tags of organisation and brand names (阿里 is tagged nrt, abbreviations j).
ORGANISATION_TAGS = frozenset({"nt", "nz", "nrt", "j"})
MAX_NAME_CHARS = 4
PRONOUNS = frozenset({"他", "她", "其", "他们", "她们", "对方", "后者", "前者"})
# The writer speaking of themself (笔者认为，…) is the outlet's voice.
WRITER = re.compile(r"^(?:笔者|本报|本刊|本文|小编|编者|记者|我|我们)$")
# A paragraph of an interview or transcript that opens with its speaker and a colon (周牧之：不会。…,
# 答：…, 【同期声】学生家长 刘女士：…): the paragraph is that speaker's. Questions (问：) stay the outlet's.
SPEAKER_LABEL = re.compile(
    r"^\s*(?:【[^】]{0,8}】)?\s*(?P<who>[^，,。；;：:“”「」\s]{1,12}(?:\s[^，,。；;：:“”「」\s]{1,8})?)\s*[：:]"
)
ANSWER_LABELS = frozenset({"答", "a", "受访者", "嘉宾"})


@dataclass(frozen=True)
class Lexicon:
    """Tone terms and patterns, by signal.

    Attributes:
        terms: term -> (signal, strength).
        patterns: compiled pattern, signal and strength.
        negated: signal -> the signal a negated term counts in.
        negations: words that negate a following term.
    """

    terms: dict[str, tuple[str, float]]
    patterns: tuple[tuple[re.Pattern[str], str, float], ...]
    negated: dict[str, str]
    negations: frozenset[str]


@dataclass(frozen=True)
class ToneModel:
    """The logistic model: one weight per signal plus an intercept.

    Attributes:
        intercept: log-odds of a text with no signal at all.
        weights: signal -> weight.
    """

    intercept: float
    weights: dict[str, float]


@dataclass(frozen=True)
class Hit:
    """A lexicon term or pattern found in a text.

    Attributes:
        term: the text matched, prefixed "不…" when negated.
        signal: the signal it counts in (after negation).
        strength: its strength within the signal.
        start: offset in the text.
    """

    term: str
    signal: str
    strength: float
    start: int


@dataclass(frozen=True)
class Signals:
    """The signal values of one text and the hits behind them.

    Attributes:
        values: signal -> value (lexicon sums and figures divided by sqrt(sentences)).
        hits: the lexicon hits.
        sentiment: mean snownlp sentence sentiment in [0, 1].
        norm: sqrt(number of sentences), the divisor of every sum.
    """

    values: dict[str, float]
    hits: tuple[Hit, ...]
    sentiment: float
    norm: float


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the packaged tone lexicon."""
    data = load_toml("tone_lexicon.toml")
    terms: dict[str, tuple[str, float]] = {}
    for signal in LEXICON_SIGNALS:
        for term, strength in data.get(signal, {}).items():
            terms[to_simplified(term)] = (signal, float(strength))
    patterns = tuple(
        (re.compile(pattern), signal, float(strength))
        for signal, table in sorted(data.get("patterns", {}).items())
        for pattern, strength in table.items()
    )
    return Lexicon(terms, patterns, dict(data["negated"]), frozenset(data["negations"]))


@lru_cache(maxsize=1)
def model() -> ToneModel:
    """Load the packaged model weights (fit by bench/train_tone.py on tests/data/tone/dev.jsonl)."""
    data = load_toml("tone_model.toml")
    return ToneModel(float(data["intercept"]), {s: float(data["weights"].get(s, 0.0)) for s in SIGNALS})


@lru_cache(maxsize=16384)
def sentence_sentiment(text: str) -> float:
    """snownlp sentiment in [0, 1] of a Simplified-script sentence (0.5 for text with no words); cached,
    since a passage's runs are scored alone and again together."""
    if not any("\u4e00" <= ch <= "\u9fff" or ch.isalnum() for ch in text):
        return NEUTRAL
    return float(SnowNLP(text).sentiments)


def lexicon_hits(text: str, lex: Lexicon) -> list[Hit]:
    """Terms and patterns found in Simplified text, longest term first, each character counted once;
    a term after a negation word counts in its signal's negated signal (or not at all), and so does
    praise inside scare quotes."""
    hits: list[Hit] = []
    spans: list[tuple[str, int, int]] | None = None
    taken = [False] * len(text)
    # Praise in scare quotes in the writer's own words (这样的“革命”) is held at arm's length: it counts
    # like a negated term.
    scare = [(m.start(), m.end()) for m in QUOTES.finditer(text) if _is_scare_quote(m.group()[1:-1])]
    found: list[tuple[int, int, str, str, float]] = []
    for term in sorted(lex.terms, key=lambda t: (-len(t), t)):
        signal, strength = lex.terms[term]
        for m in re.finditer(re.escape(term), text):
            found.append((m.start(), m.end(), term, signal, strength))
    for pattern, signal, strength in lex.patterns:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), m.group(), signal, strength))
    # Longer matches win; among equals, the earlier one.
    for start, end, term, signal, strength in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0], f[2])):
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        if spans is None:
            spans = token_spans(text)
        negated = any(ch.isalnum() for ch in term) and _is_negated(spans, start, lex.negations)
        if negated or (lex.negated.get(signal) == "critical" and any(a <= start and end <= b for a, b in scare)):
            flipped = lex.negated.get(signal)
            if flipped is None:
                continue
            hits.append(Hit("不…" + term, flipped, strength, start))
        else:
            hits.append(Hit(term, signal, strength, start))
    return sorted(hits, key=lambda h: h.start)


def _is_scare_quote(inner: str) -> bool:
    """Short quoted words with no punctuation: a term held in quotes, not speech, nor a slogan of
    listed phrases (“风雨同行、安澜守护”)."""
    return len(inner) < MIN_SPEECH_CHARS and not re.search(r"[，,、。；;！？!?]", inner)


def _is_negated(spans: Sequence[tuple[str, int, int]], start: int, negations: frozenset[str]) -> bool:
    """Whether one of the words just before `start` is a negation word (whole jieba words, so 不断 or
    不仅 do not negate), looking back at most NEGATION_WINDOW words and not past punctuation."""
    before = [w for w, _, end in spans if end <= start][-NEGATION_WINDOW:]
    for word in reversed(before):
        if word in negations:
            return True
        if not any(ch.isalnum() for ch in word):
            return False
    return False


def signals(sentences: Sequence[str]) -> Signals:
    """The signals of a text given as its (Simplified) sentences or sentence parts."""
    parts = [s for s in sentences if s.strip()]
    norm = math.sqrt(max(1, len(parts)))
    hits = [h for s in parts for h in lexicon_hits(s, lexicon())]
    values = dict.fromkeys(SIGNALS, 0.0)
    for hit in hits:
        values[hit.signal] += hit.strength / norm
    values["figures"] = sum(len(NUMBER.findall(CLOCK.sub(" ", s))) for s in parts) / norm
    sentiment = sum(sentence_sentiment(s) for s in parts) / len(parts) if parts else NEUTRAL
    values["sentiment"] = sentiment - NEUTRAL
    return Signals(values, tuple(hits), sentiment, norm)


def _squash(log_odds: float) -> float:
    """Logistic function mapping log-odds to [0, 1]."""
    return 1.0 / (1.0 + math.exp(-log_odds))


def explain(sig: Signals, tone_model: ToneModel) -> tuple[float, tuple[Evidence, ...]]:
    """The score of a text's signals and the evidence for it, strongest first.

    Evidence: each lexicon hit (weight = its signal's weight x strength / norm) and the non-lexicon
    signals (snownlp sentiment, figures) that moved the log-odds.
    """
    weights = tone_model.weights
    log_odds = tone_model.intercept + sum(weights[s] * v for s, v in sig.values.items())
    evidence: dict[str, float] = {}
    for hit in sig.hits:
        evidence[hit.term] = evidence.get(hit.term, 0.0) + weights[hit.signal] * hit.strength / sig.norm
    for name in ("sentiment", "figures"):
        if sig.values[name]:
            label = "snownlp" if name == "sentiment" else name
            evidence[label] = weights[name] * sig.values[name]
    ranked = sorted(
        (Evidence(term, round(w, 3)) for term, w in evidence.items() if round(w, 3)),
        key=lambda e: (-abs(e.weight), e.term),
    )
    return _squash(log_odds), tuple(ranked[:MAX_EVIDENCE])


def company_people(texts: Iterable[str]) -> frozenset[str]:
    """Names the texts give a company role to (阿里巴巴集团CEO吴泳铭, 王坚…创始人, CTO周靖人), and
    organisations they name at least MIN_ORGANISATION_MENTIONS times: their words are a company's voice
    wherever they are quoted in the same source."""
    people: set[str] = set()
    organisations: dict[str, int] = {}
    for text in texts:
        words = tag(text)
        for n, (word, flag) in enumerate(words):
            if flag in ORGANISATION_TAGS and len(word) >= 2:
                organisations[word] = organisations.get(word, 0) + 1
            if COMPANY_ROLE.fullmatch(word):
                name = _name_after(words[n + 1 :])
                if name:
                    people.add(name)
            if flag != "nr" or len(word) < 2:
                continue
            near = "".join(w for w, _ in words[max(0, n - 3) : n + 4])
            if COMPANY_ROLE.search(near):
                people.add(word)
    # Organisations the source names again and again are the companies it covers.
    return frozenset(people | {name for name, count in organisations.items() if count >= MIN_ORGANISATION_MENTIONS})


def _name_after(words: Sequence[tuple[str, str]]) -> str:
    """The name right after a role word (CTO周靖人: jieba may split or mis-tag an unknown name): the Han
    words up to the first verb, particle or punctuation, if they make two to four characters."""
    name = ""
    for word, flag in words:
        if flag[:1] in ("v", "c", "p", "u", "d", "r", "x", "w") or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            break
        name += word
        if len(name) >= MAX_NAME_CHARS:
            break
    return name if 2 <= len(name) <= MAX_NAME_CHARS else ""


def speaker_voice(speaker: str, people: frozenset[str] = frozenset()) -> str:
    """Whose voice a speaker's words are: the company's (its roles or people) or another's."""
    if OTHER_ROLE.search(speaker):
        return OTHER
    if COMPANY_ROLE.search(speaker) or any(name in speaker for name in people):
        return COMPANY
    return OTHER


def _speaker_before(text: str) -> str:
    """The speaker named at the end of `text` ("…，阿里云CTO周靖人表示"): the words after the last
    clause break, without the speech verb."""
    clause = re.split(r"[，,。；;！？!?]", text)[-1]
    return re.sub(rf"(?:{SPEECH_VERBS})[：:，,\s]*$", "", clause).strip()


def split_voices(
    sentence: str, people: frozenset[str] = frozenset(), previous: str = OTHER
) -> list[tuple[str, str, str]]:
    """Split one Simplified sentence into (text, voice, speaker) runs, in order.

    Speech in quotes and reported speech after "X表示，" or "据X介绍，" are the speaker's; scare
    quotes (short, unpunctuated, no speaker) and sentences that endorse the quote (正如…所说) stay the
    outlet's. A pronoun speaker (他表示) takes `previous`, the voice of the last named speaker.
    """
    if ENDORSED.search(sentence):
        return [(sentence, OUTLET, "")]
    runs: list[tuple[str, str, str]] = []
    pos = 0
    for m in QUOTES.finditer(sentence):
        inner = m.group()[1:-1]
        before = sentence[pos : m.start()]
        speaker = _speaker_before(before) if re.search(rf"(?:{SPEECH_VERBS})[：:，,\s]*$", before) else ""
        after = None if speaker else SPEAKER_AFTER.match(sentence[m.end() :])
        speaker = after["who"] if after else speaker
        # A short unpunctuated quote is a term (提出“去IOE”) unless introduced by a colon or followed by
        # its speaker ("“我们不后悔”，王坚说").
        term_like = _is_scare_quote(inner)
        if term_like and not (re.search(r"[：:]\s*$", before) or after):
            continue
        if not speaker:
            names = [w for w, flag in tag(before) if flag in ("nr", "nt")]
            speaker = names[-1] if names else ""
        runs.extend(_reported(before, people, previous))
        runs.append((m.group(), _voice(speaker, people, previous), speaker))
        pos = m.end()
    runs.extend(_reported(sentence[pos:], people, previous))
    return [r for r in runs if r[0]]


def _voice(speaker: str, people: frozenset[str], previous: str) -> str:
    """The voice of a named, pronoun or unnamed speaker."""
    if not speaker:
        return OTHER
    if WRITER.match(speaker):
        return OUTLET
    if speaker in PRONOUNS or speaker[-1:] in PRONOUNS or speaker[-2:] in PRONOUNS:
        return previous
    return speaker_voice(speaker, people)


def _reported(text: str, people: frozenset[str], previous: str) -> list[tuple[str, str, str]]:
    """Split unquoted text at reported speech ("X表示，…", "据X介绍，…"): the rest is the speaker's."""
    according = ACCORDING.search(text)
    if according:
        speaker = according["speaker"] or "据…"
        return [
            (text[: according.end()], OUTLET, ""),
            (text[according.end() :], _voice(speaker, people, previous), speaker),
        ]
    for m in REPORTED.finditer(text):
        speaker = _speaker_before(text[: m.start("verb")])
        words = [w for w, flag in tag(speaker) if flag[:1] in ("n", "r") or flag == "eng"] if speaker else []
        if words:
            return [(text[: m.end()], OUTLET, ""), (text[m.end() :], _voice(speaker, people, previous), speaker)]
    return [(text, OUTLET, "")]


def voice_runs(text: str, people: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """A passage (either script) as Simplified (text, voice, speaker) runs, sentence by sentence; a
    passage that opens with a speaker's label (see `label_speaker`) is that speaker's after the label."""
    simplified = to_simplified(text)
    labelled = label_speaker(simplified)
    if labelled is not None:
        _, speaker = labelled
        voice = _voice(speaker, people, OTHER) if speaker.lower() not in ANSWER_LABELS else OTHER
        if voice != OUTLET:  # the label with it: a name is no one's words
            return [(simplified, voice, speaker)]
    runs: list[tuple[str, str, str]] = []
    previous = OTHER
    for sentence in split_sentences(simplified):
        runs.extend(split_voices(sentence, people, previous))
        previous = next((voice for _, voice, speaker in reversed(runs) if speaker), previous)
    if not runs and simplified.strip():
        runs = [(simplified, OUTLET, "")]
    return runs


def label_speaker(text: str) -> tuple[int, str] | None:
    """The end of a speaker's label that opens an interview answer or a transcript line, and the speaker
    (答, a person's name, a role with a name: 学生家长 刘女士), or None: a label that is no one (问, 作者,
    责任编辑, a time 10:12, 先说结论) is not one."""
    m = SPEAKER_LABEL.match(text)
    if m is None or not m.end() < len(text.rstrip()):
        return None
    who = m["who"].strip()
    if who.lower() in ANSWER_LABELS:
        return m.end(), who
    name = who.split()[-1]  # 学生家长 刘女士: the name after the role
    tagged = tag(name)
    # jieba cuts a name it does not know anywhere (周牧|之, 邵|星野), but its first part is a name
    person = 2 <= len(name) <= 4 and bool(tagged) and tagged[0][1].startswith("nr")
    return (m.end(), who) if person or re.search(r"(?:女士|先生|小姐)$", name) else None


def own_voice_signals(text: str, people: frozenset[str] = frozenset()) -> Signals:
    """The signals of a passage's own-voice text: what the model is fit on and scores."""
    return signals([r[0] for r in voice_runs(text, people) if r[1] == OUTLET])


def score_text(text: str, people: frozenset[str] = frozenset()) -> Tone:
    """Score one passage (either script): the outlet's own voice, the company's voice, and per-run detail.

    Args:
        text: the passage text; converted to Simplified for analysis.
        people: names of the company's people in this source (see `company_people`).

    Returns:
        Its tone. A passage with no own-voice text gets the model's base score and own_chars 0, so
        it does not count in aggregates.
    """
    runs = voice_runs(text, people)
    tone_model = model()
    spans: list[VoiceSpan] = []
    for run_text, voice, speaker in runs:
        score, evidence = explain(signals([run_text]), tone_model)
        spans.append(VoiceSpan(run_text, voice, speaker, round(score, 4), evidence))
    own = [r[0] for r in runs if r[1] == OUTLET]
    own_signals = signals(own)
    score, evidence = explain(own_signals, tone_model)
    company = [r[0] for r in runs if r[1] == COMPANY]
    company_score = round(explain(signals(company), tone_model)[0], 4) if company else None
    return Tone(
        score=round(score, 4),
        sentiment=round(own_signals.sentiment, 4),
        evidence=evidence,
        own_chars=sum(len(t.strip()) for t in own),
        company_score=company_score,
        company_chars=sum(len(t) for t in company),
        spans=tuple(spans),
    )


def fit_model(rows: Sequence[Signals], labels: Sequence[str]) -> ToneModel:
    """Fit the signal weights on labelled texts ("promotional", "neutral", "critical").

    A proportional-odds model, fit as one logistic regression (L2, C=1, deterministic solver) on the
    rows stacked twice: once for "promotional vs the rest", once for "not critical vs critical", with
    one shared weight per signal and a shift column for the second threshold. Shared weights make
    critical text score below neutral text; the score is the first threshold's probability, so it is
    calibrated as "how likely this is promotional" on the labelled set.
    """
    from sklearn.linear_model import LogisticRegression

    x = np.array([[row.values[s] for s in SIGNALS] for row in rows])
    stacked = np.vstack([np.hstack([x, np.zeros((len(x), 1))]), np.hstack([x, np.ones((len(x), 1))])])
    target = np.array([label == "promotional" for label in labels] + [label != "critical" for label in labels])
    fitted = LogisticRegression(C=1.0, max_iter=1000).fit(stacked, target.astype(int))
    weights = {s: round(float(w), 4) for s, w in zip(SIGNALS, fitted.coef_[0][:-1], strict=True)}
    return ToneModel(round(float(fitted.intercept_[0]), 4), weights)


def score_passages(passages: Sequence[Passage]) -> tuple[Passage, ...]:
    """Return the passages with their tone filled in (company people found per source)."""
    people: dict[str, frozenset[str]] = {}
    for source in dict.fromkeys(p.source for p in passages):
        people[source] = company_people(p.text_simplified for p in passages if p.source == source)
    return tuple(replace(p, tone=score_text(p.text_simplified, people[p.source])) for p in passages)


def _weighted(passages: Sequence[Passage]) -> tuple[np.ndarray, np.ndarray]:
    """Own-voice scores and lengths of the scored passages that have own-voice text."""
    pairs = [(p.tone.score, p.tone.own_chars) for p in passages if p.tone is not None and p.tone.own_chars]
    return np.array([s for s, _ in pairs], dtype=float), np.array([n for _, n in pairs], dtype=float)


def aggregate(passages: Sequence[Passage]) -> Tone:
    """Own-voice-length-weighted mean tone of scored passages, with the company voice's mean beside it
    (base score of the model when no passage has own-voice text)."""
    scores, lengths = _weighted(passages)
    tones = [p.tone for p in passages if p.tone is not None]
    company = [(t.company_score, t.company_chars) for t in tones if t.company_score is not None and t.company_chars]
    company_chars = sum(n for _, n in company)
    company_score = round(sum(s * n for s, n in company) / company_chars, 4) if company_chars else None
    if not lengths.sum():
        return Tone(round(_squash(model().intercept), 4), NEUTRAL, company_score=company_score)
    own = [t for t in tones if t.own_chars]
    sentiment = sum(t.sentiment * t.own_chars for t in own) / lengths.sum()
    return Tone(
        score=round(float(scores @ lengths / lengths.sum()), 4),
        sentiment=round(sentiment, 4),
        own_chars=int(lengths.sum()),
        company_score=company_score,
        company_chars=company_chars,
    )


def interval(passages: Sequence[Passage]) -> tuple[float, float] | None:
    """A 95% bootstrap interval of the aggregate score, resampling passages (fixed seed, so the same
    passages always give the same interval); None with fewer than two passages to resample."""
    scores, lengths = _weighted(passages)
    if len(scores) < 2:
        return None
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    picks = rng.integers(0, len(scores), size=(BOOTSTRAP_SAMPLES, len(scores)))
    means = (scores[picks] * lengths[picks]).sum(axis=1) / lengths[picks].sum(axis=1)
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return round(float(low), 4), round(float(high), 4)
