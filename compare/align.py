"""Align: group passages of different sources into topics, configured and discovered.

Configured topics match passages by keywords and patterns (on the Simplified text, so either
script matches). Discovered topics come from passage vectors: TF-IDF of jieba content tokens plus
concept features (interchangeable words, from a data file), weighted by part of speech (names count
most). Each passage keeps its top-k most similar passages of *other* sources above a threshold;
these edges are merged strongest first with average linkage; a passage then also joins any other
group it is as close to as a group's passages must be to each other, if it names one of the group's
telling terms (a passage may cover two topics), groups that then mostly overlap are merged, groups that
are close on average merge (the facts of one aspect, tied each by its own figures), and groups that
share a telling term merge while they stay close on average at a lower bar (one broad aspect of a long
article is otherwise found as several narrow topics). Groups that span two or more sources and
share a telling term (or are strongly cohesive) become topics, labelled by the terms they share and
their most distinctive ones.

Complexity: similarities are computed as sparse row blocks, so only passage pairs that share a term
are ever scored; terms in more than half the passages, or in more than MAX_TERM_PASSAGES of a large
corpus, are dropped, so a passage with L terms meets at most L·MAX_TERM_PASSAGES others: O(n·L) in
all. Each passage keeps k edges, so merging sees O(n·k) edges, each checked against the two groups'
members. Widening scores each of the g groups against at most MAX_JOIN_CANDIDATES passages that
name its telling terms: O(g), and g < n. Each group is compared in full with the SIMILAR_GROUPS groups
whose summed vectors are closest (found in sparse row blocks, like passages), and related groups only
when they share a telling term (at most MAX_RELATED_GROUPS per term), from per-group sums of their
vectors in batched products: O(g·(SIMILAR_GROUPS + MAX_RELATED_GROUPS)) pairs. Memory is O(n·k) plus
one block of rows; nothing is n×n. `bench/align_scale.py` measures it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix, diags
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from compare.model import BuildOptions, Passage, Republication, SourceCoverage, Topic, TopicCoverage, TopicSpec
from compare.resources import load_toml
from compare.script import to_simplified
from compare.segment import background_specificity, tag, token_spans, tokenize, word_tag

CHUNK_ROWS = 256
# Blended similarity = LEXICAL_SHARE x word-overlap cosine + the rest x latent (LSA) cosine.
LEXICAL_SHARE = 0.7
MIN_LATENT_DIMS = 2
MAX_LATENT_DIMS = 150
# Pairs must share at least this much vocabulary to be considered at all (keeps the search sparse).
CANDIDATE_SIMILARITY = 0.08
MIN_PASSAGES_FOR_DF_CUT = 8
MAX_TERM_PASSAGES = 500
# A topic a source omits is a blindspot when at least this many other sources cover it.
MIN_BLINDSPOT_SOURCES = 2
# Passages with fewer content tokens than this are not matched by similarity (too little to go on).
MIN_TOKENS = 4
NAME_WEIGHT = 1.5
# Words at least this specific in general Chinese (background IDF over its median) can tie a topic.
TELLING_SPECIFICITY = 0.55
MAX_TELLING_SHARE = 0.1
MIN_COMMON_COUNT = 3
# A group with no telling term in common is kept only if its passages are on average this many times
# more similar than a topic must be (at 1.5, eight of the nine such groups on the seven corpora of
# bench/eval_topics.py were coincidences of two short passages; at 2.0 one of the three left is).
STRONG_COHESION = 2.0
# ... a pair of passages, that is. Three or more passages this close are rarely a coincidence of
# wording, so they need less: one company's spending told as general verbs (持续投入, 投入大模型) by two
# sources shares no telling term but is a topic.
GROUP_COHESION = 1.6
CONCEPT_WEIGHT = 1.0
# A passage also joins a group it was not merged into when its mean similarity to it reaches this share
# of topic_cohesion (thresholds set on the five corpora of bench/eval_topics.py).
JOIN_SHARE = 1.0
# Groups sharing a telling term merge while their mean similarity reaches this share of topic_cohesion
# (0.7: best or equal on every one of the sixteen corpora of bench/eval_topics.py; the seeds drop at 0.55);
# at most this many groups per term are compared.
RELATED_SHARE = 0.7
MAX_RELATED_GROUPS = 50
# Groups merge without a shared telling term while their mean similarity reaches this share of
# topic_cohesion (set on the nine corpora of bench/eval_topics.py); each group is compared with this
# many groups closest to it.
SIMILAR_SHARE = 0.8
SIMILAR_GROUPS = 10
# Groups sharing at least this share of the smaller one's passages are one topic: more than half, so two
# pairs that share one passage covering both their topics (widening put it in both) stay two topics.
OVERLAP_SHARE = 0.6
# Per group, only the passages naming most of its telling terms are tried (bounds the work per group).
MAX_JOIN_CANDIDATES = 100
# Single characters with these jieba tags (pronoun, preposition, conjunction, particle, adverb, numeral,
# measure word, locative, modal, interjection), or these verbs, do not begin or end a name.
FUNCTION_TAGS = frozenset("rpcudmqfye")
GLUE_CHARS = frozenset("是有会在就才也都又还很被把将让给得")
OTHER_WEIGHT = 0.8
LABEL_TERMS = 3
# A bracketed gloss: a Latin name, or a short Chinese one, right after a word; and how much text before
# it is tagged to find that word and the one before it.
GLOSS = re.compile(r"[(（]\s*([A-Za-z][A-Za-z0-9 .&-]{0,30}|[\u4e00-\u9fff]{2,12})\s*[)）]")
GLOSS_CONTEXT = 12
# Tags of a word that makes the next one part of a longer name (超级 b, 宁德 nr, 通用 v, 大 a); a place
# may qualify a name (美国 / 甲骨文(Oracle)).
MODIFIER_TAGS = frozenset({"a", "an", "b", "v", "vn", "n", "nr", "nrt", "nz", "j", "l", "i"})
LATIN_RUN = re.compile(r"[A-Za-z]{2,}")
NUMERIC_TERM = re.compile(r"[\d.,%％]+")
# A label word jieba guessed grows by a neighbouring character that at least this share of its
# occurrences have (禾药业 -> 睿禾药业), up to this length.
WHOLE_NAME_SHARE = 0.8
MAX_NAME_CHARS = 8
# A discovered group whose passages mostly sit in one configured topic duplicates it.
DUPLICATE_SHARE = 0.5
# A source republishes another (a syndicated wire story, a repost) when at least REPUBLISHED_SHARE of its
# text is in passages whose runs of SHINGLE_CHARS characters are at least VERBATIM_SHARE the other's.
# Sources that quote one statement word for word share a paragraph or two, not most of their text.
SHINGLE_CHARS = 8
VERBATIM_SHARE = 0.8
REPUBLISHED_SHARE = 0.6
# A passage shorter than this many runs (about 20 characters) is not marked as another's words: a
# stock phrase or a short quoted line is too little to call a copy.
MIN_VERBATIM_RUNS = 12
NON_WORD = re.compile(r"[\W_]+")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def match_spec(passage: Passage, spec: TopicSpec) -> bool:
    """Whether a passage belongs to a configured topic (keywords on Simplified text, or a pattern)."""
    text = passage.text_simplified.lower()
    # Distinct after conversion: a keyword listed in both scripts counts once.
    hits = sum(1 for k in {to_simplified(k).lower() for k in spec.keywords} if k in text)
    if hits >= spec.min_hits:
        return True
    return any(re.search(p, passage.text_simplified) or re.search(p, passage.text) for p in spec.patterns)


def configured_topics(passages: Sequence[Passage], specs: Sequence[TopicSpec]) -> list[tuple[TopicSpec, list[int]]]:
    """For each configured topic, the indexes of the passages that match it."""
    return [(spec, [i for i, p in enumerate(passages) if match_spec(p, spec)]) for spec in specs]


def term_weight(term: str) -> float:
    """How much a term says about what a passage is about, from its part of speech.

    Names of people, places, organisations and products (and Latin-script terms such as IOE or Qwen)
    identify a story; common nouns describe it; verbs, adjectives and adverbs mostly carry style.
    """
    if term.startswith("〔"):
        return CONCEPT_WEIGHT
    tag = word_tag(term)
    # Latin terms, named entities, and words outside the dictionary (mostly names).
    if term.isascii() or tag is None or tag[:2] in ("nr", "ns", "nt", "nz"):
        return NAME_WEIGHT
    if tag.startswith("n") or tag == "vn":
        return 1.0
    return OTHER_WEIGHT


def glued_function_word(term: str) -> bool:
    """Whether a word jieba does not know begins or ends with a function character (这套, 他会, 云是,
    位上): jieba's new-word guessing glued a pronoun, particle, measure word or verb like 是/有/会 to
    its neighbour: it may still tie passages that share it, but it cannot name or tie a topic."""
    if word_tag(term) is not None or term.isascii():
        return False
    return any(ch in GLUE_CHARS or (word_tag(ch) or "")[:1] in FUNCTION_TAGS for ch in (term[0], term[-1]))


@lru_cache(maxsize=1)
def concepts() -> dict[str, str]:
    """Word -> concept feature ("〔investment〕"), from the packaged concept groups."""
    groups = load_toml("concepts.toml")["groups"]
    return {word.lower(): f"〔{name}〕" for name, words in groups.items() for word in words}


def feature_table(aliases: dict[str, str] | None = None) -> dict[str, str]:
    """Word -> the extra feature it adds: its concept group, or the gloss the corpus gives it."""
    return {**concepts(), **(aliases or {})}


def passage_features(passage: Passage, aliases: dict[str, str] | None = None) -> list[str]:
    """A passage's content tokens plus the concepts they express (投入 and 资本开支 both add 〔investment〕),
    the names the corpus gives them in another script (甲骨文 and oracle both add 〔甲骨文=oracle〕), and
    the Latin names inside mixed words (去IOE adds ioe)."""
    table = feature_table(aliases)
    # A Latin name inside a mixed word (去IOE) is the name too.
    latin = [m.lower() for t in passage.tokens if not t.isascii() for m in LATIN_RUN.findall(t)]
    return [*passage.tokens, *latin, *(table[t] for t in passage.tokens if t in table)]


def corpus_aliases(passages: Sequence[Passage]) -> dict[str, str]:
    """Names the corpus itself glosses in brackets, Chinese with Latin (甲骨文(Oracle)) or Latin with
    Chinese (IMF（国际货币基金组织）): token -> a feature both forms share.

    The Chinese side must be one word, and a telling one (a name, or uncommon in general Chinese), and
    not the tail of a longer name: after a modifier (超级人工智能(ASI)) or cut from a name jieba does not
    know (宁德 / 时代(CATL)) it is skipped rather than tie a common word to the name.
    """
    aliases: dict[str, str] = {}
    for passage in passages:
        text = passage.text_simplified
        for match in GLOSS.finditer(text):
            before = tag(text[max(0, match.start() - GLOSS_CONTEXT) : match.start()])
            if not before:
                continue
            word, inner = before[-1][0], match.group(1).strip()
            if inner.isascii() and not word.isascii():
                chinese, latin, previous = word, inner.lower(), before[-2][1] if len(before) > 1 else "x"
            elif word.isascii() and tokenize(inner) == [inner]:
                chinese, latin, previous = inner, word.lower(), "x"
            else:
                continue
            if previous in MODIFIER_TAGS or not telling_word(chinese):
                continue
            feature = f"〔{chinese}={latin}〕"
            aliases.setdefault(chinese, feature)
            aliases.setdefault(latin, feature)
    return aliases


def specific_word(word: str) -> bool:
    """A word uncommon in general Chinese (jieba's background IDF), or a Latin-script term."""
    return word.isascii() or background_specificity(word) >= TELLING_SPECIFICITY


def telling_word(word: str) -> bool:
    """A noun or name uncommon in general Chinese: one that can tie passages to one story."""
    return term_weight(word) >= 1.0 and background_specificity(word) >= TELLING_SPECIFICITY


def _max_document_frequency(n: int) -> float | int:
    """Drop terms in more than half the passages, and in large corpora in more than MAX_TERM_PASSAGES:
    such terms say little about any one topic, and capping them bounds the similarity search's work per
    passage, which keeps it linear in the number of passages."""
    if n < MIN_PASSAGES_FOR_DF_CUT:
        return 1.0
    return 0.5 if n <= 2 * MAX_TERM_PASSAGES else MAX_TERM_PASSAGES


def passage_vectors(passages: Sequence[Passage], aliases: dict[str, str] | None = None) -> tuple[csr_matrix, list[str]]:
    """L2-normalised TF-IDF vectors of passages' content tokens and concepts, weighted by `term_weight`."""
    max_df = _max_document_frequency(len(passages))
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, max_df=max_df, norm=None)
    tfidf = vectorizer.fit_transform([passage_features(p, aliases) for p in passages])
    vocabulary = list(vectorizer.get_feature_names_out())
    weighted = tfidf @ diags([term_weight(t) for t in vocabulary])
    return csr_matrix(normalize(weighted)), vocabulary


def source_index(sources: Sequence[str]) -> np.ndarray:
    """Each passage's source as a small integer, for vectorised same-source tests."""
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(s, len(ids)) for s in sources])


@dataclass(frozen=True)
class PassageSpace:
    """Passages as vectors, and how similar two groups of them are.

    Similarity blends the lexical cosine (shared words, TF-IDF) with a latent one: the cosine of the
    passages in a low-rank LSA projection of the same matrix (TruncatedSVD), where words that the
    corpus uses in the same contexts (投入 / 投资 / 资本开支) point the same way, so paraphrases meet.

    Attributes:
        vectors: L2-normalised sparse TF-IDF rows, one per passage.
        latent: L2-normalised LSA rows (n x d), or None when the corpus is too small for a projection.
        owner: each passage's source as a small integer.
    """

    vectors: csr_matrix
    latent: np.ndarray | None
    owner: np.ndarray

    @classmethod
    def of(cls, vectors: csr_matrix, sources: Sequence[str]) -> PassageSpace:
        """Project the vectors: d = half the passages, at most MAX_LATENT_DIMS (deterministic seed)."""
        n, terms = vectors.shape
        dims = min(n // 2, MAX_LATENT_DIMS, terms - 1)
        latent = None
        if dims >= MIN_LATENT_DIMS:
            latent = normalize(TruncatedSVD(dims, random_state=0).fit_transform(vectors))
        return cls(vectors, latent, source_index(sources))

    def blend(self, lexical: np.ndarray, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """Blend lexical similarities of rows x cols with their latent similarities."""
        if self.latent is None:
            return lexical
        latent: np.ndarray = self.latent[list(rows)] @ self.latent[list(cols)].T
        blended: np.ndarray = LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * latent
        return blended

    def cross_means(self, groups: Sequence[list[int]], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        """`mean_cross_similarity` of many pairs of groups at once, from sums of their vectors.

        Similarity is bilinear, so the sum over a pair's cross-source passage pairs is the product of the
        groups' summed vectors less the products of their same-source sums; each sum is computed once
        per group (and per source in it), and all products in a few batched sparse operations.
        """
        if not pairs:
            return np.zeros(0)
        rows: dict[tuple[int, int], int] = {}  # (group, source) -> row of the per-source sums
        indicator_rows, indicator_cols = [], []
        for g, members in enumerate(groups):
            for i in members:
                row = rows.setdefault((g, int(self.owner[i])), len(rows))
                indicator_rows.append(row)
                indicator_cols.append(i)
        n = self.vectors.shape[0]
        indicator = csr_matrix((np.ones(len(indicator_rows)), (indicator_rows, indicator_cols)), shape=(len(rows), n))
        part_lex = csr_matrix(indicator @ self.vectors)
        part_lat = indicator @ self.latent if self.latent is not None else None
        row_group = np.zeros(len(rows), dtype=int)
        for (g, _), row in rows.items():
            row_group[row] = g
        to_group = csr_matrix((np.ones(len(rows)), (row_group, np.arange(len(rows)))), shape=(len(groups), len(rows)))
        total_lex, total_lat = csr_matrix(to_group @ part_lex), to_group @ part_lat if part_lat is not None else None
        a, b = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
        lexical, latent = _row_dots(total_lex, total_lat, a, b)
        count = np.array([len(groups[x]) * len(groups[y]) for x, y in pairs], dtype=float)
        # same-source corrections: (pair, row in a, row in b) for each source both groups hold
        same: list[tuple[int, int, int]] = []
        sources_of: dict[int, list[int]] = {}
        for g, src in rows:
            sources_of.setdefault(g, []).append(src)
        for k, (x, y) in enumerate(pairs):
            for src in sources_of[x]:
                if (y, src) in rows:
                    same.append((k, rows[(x, src)], rows[(y, src)]))
        if same:
            k_idx = np.array([t[0] for t in same])
            ra, rb = np.array([t[1] for t in same]), np.array([t[2] for t in same])
            same_lex, same_lat = _row_dots(part_lex, part_lat, ra, rb)
            np.subtract.at(lexical, k_idx, same_lex)
            np.subtract.at(latent, k_idx, same_lat)
            sizes = np.asarray(indicator.sum(axis=1)).ravel()
            np.subtract.at(count, k_idx, sizes[ra] * sizes[rb])
        blended = lexical if self.latent is None else LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * latent
        result: np.ndarray = np.where(count > 0, blended / np.maximum(count, 1), 0.0)
        return result

    def mean_cross_similarity(self, a: list[int], b: list[int]) -> float:
        """Mean blended similarity over the pairs of two groups' passages from different sources."""
        sims = self.blend((self.vectors[a] @ self.vectors[b].T).toarray(), a, b)
        cross = self.owner[a][:, None] != self.owner[b][None, :]
        return float(sims[cross].mean()) if cross.any() else 0.0


def _row_dots(
    lexical: csr_matrix, latent: np.ndarray | None, a: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Dot products of rows a[k] and b[k] of a sparse and a dense matrix, CHUNK_ROWS·8 pairs at a time
    (bounds the memory of the gathered rows)."""
    lex, lat = np.zeros(len(a)), np.zeros(len(a))
    step = CHUNK_ROWS * 8
    for start in range(0, len(a), step):
        x, y = a[start : start + step], b[start : start + step]
        lex[start : start + step] = np.asarray(lexical[x].multiply(lexical[y]).sum(axis=1)).ravel()
        if latent is not None:
            lat[start : start + step] = (latent[x] * latent[y]).sum(axis=1)
    return lex, lat


def cross_source_neighbours(space: PassageSpace, *, k: int, threshold: float) -> list[tuple[float, int, int]]:
    """Edges (similarity, i, j), i < j, from each passage to its top-k similar passages of other sources.

    Candidates are the passages sharing words with it (sparse rows: only pairs that share a term are
    computed) above CANDIDATE_SIMILARITY, 2k of them; they are rescored with the blended similarity.
    """
    vectors, owner = space.vectors, space.owner
    edges: set[tuple[float, int, int]] = set()
    for start in range(0, vectors.shape[0], CHUNK_ROWS):
        block = csr_matrix(vectors[start : start + CHUNK_ROWS] @ vectors.T)
        for row in range(block.shape[0]):
            i = start + row
            lo, hi = block.indptr[row], block.indptr[row + 1]
            cols, sims = block.indices[lo:hi], block.data[lo:hi]
            keep = (owner[cols] != owner[i]) & (sims >= CANDIDATE_SIMILARITY)
            cols, sims = cols[keep], sims[keep]
            candidates = np.lexsort((cols, -sims))[: 2 * k]
            cols = cols[candidates]
            blended = space.blend(sims[candidates][None, :], [i], cols.tolist())[0]
            for n in np.lexsort((cols, -blended))[:k]:
                if blended[n] >= threshold:
                    j = int(cols[n])
                    edges.add((round(float(blended[n]), 9), min(i, j), max(i, j)))
    return sorted(edges, key=lambda e: (-e[0], e[1], e[2]))


def average_link_groups(
    space: PassageSpace, edges: Sequence[tuple[float, int, int]], threshold: float
) -> list[list[int]]:
    """Merge passages along the edges, strongest first, while the merged group's mean cross-source
    similarity stays above `threshold` (average linkage, so one strong pair cannot chain two stories)."""
    n = space.vectors.shape[0]
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in edges:
        a, b = group_of[i], group_of[j]
        if a == b or space.mean_cross_similarity(members[a], members[b]) < threshold:
            continue
        members[a] = sorted(members[a] + members[b])
        for x in members.pop(b):
            group_of[x] = a
    return sorted((m for m in members.values() if len(m) > 1), key=lambda m: m[0])


@dataclass(frozen=True)
class Labeller:
    """What labelling needs of the whole corpus, computed once: per-term corpus means and label weights.

    Verbs, adjectives and adverbs describe rather than name a topic, and concepts are not words the
    sources use: their label weight is 0.
    """

    vocabulary: tuple[str, ...]
    corpus_mean: np.ndarray
    label_weight: np.ndarray
    features: dict[str, str]
    known: np.ndarray

    @classmethod
    def of(cls, vectors: csr_matrix, vocabulary: Sequence[str], aliases: dict[str, str] | None = None) -> Labeller:
        """Prepare labelling for one corpus's vectors (made with `aliases`, see `corpus_aliases`)."""
        weights = [0.0 if t.startswith("〔") or glued_function_word(t) else term_weight(t) for t in vocabulary]
        return cls(
            tuple(vocabulary),
            np.asarray(vectors.mean(axis=0)).ravel(),
            np.where(np.array(weights) >= 1.0, np.array(weights), 0.0),
            feature_table(aliases),
            np.array([1.0 if t.isascii() or word_tag(t) is not None else 0.0 for t in vocabulary]),
        )

    def distinctive_terms(
        self, vectors: csr_matrix, members: Sequence[int], n: int, passages: Sequence[Passage] = ()
    ) -> list[str]:
        """The nouns and names most over-represented in a group of passages relative to the corpus,
        those uncommon in general Chinese first.

        When a concept (〔investment〕) or gloss (〔甲骨文=oracle〕) is more over-represented than any of
        them, the group is about it: its word the group's `passages` use most (投入) leads the terms.
        Only the group's own terms are scored, so the cost follows the group's size, not the vocabulary's.
        """
        rows = vectors[list(members)]
        present = np.unique(rows.indices)
        group_mean = np.asarray(rows[:, present].mean(axis=0)).ravel()
        raw = group_mean - self.corpus_mean[present]
        score = raw * self.label_weight[present] * self.known[present]
        # A word jieba does not know, in one passage of the group only, is more often a garbled run
        # (辛孙, 男酒) or a typo than a name: it names the group only if passages share it.
        spread = np.asarray((rows[:, present] > 0).sum(axis=0)).ravel()
        score = np.where((spread >= 2) | (len(members) < 2), raw * self.label_weight[present], score)
        names = np.array([self.vocabulary[i] for i in present])
        order = np.lexsort((names, -score)) if len(present) else np.array([], dtype=int)
        terms = [str(names[i]) for i in order[:n] if score[i] > 0]
        # Words common in general Chinese (无法, 业务, 中国) name no topic: specific words lead.
        terms.sort(key=lambda t: not specific_word(t))
        is_feature = np.char.startswith(names.astype(str), "〔") if len(present) else np.array([], dtype=bool)
        if passages and is_feature.any():
            best = int(np.argmax(np.where(is_feature, raw, -np.inf)))
            if raw[best] > max(score.max(), 0.0):
                word = _feature_word(str(names[best]), [passages[i] for i in members], self.features)
                terms = [word, *(t for t in terms if t != word)][:n] if word else terms
        return terms


def _feature_word(feature: str, group: Sequence[Passage], table: dict[str, str]) -> str:
    """The word of a concept or gloss feature that a group's passages use most (nouns first on ties)."""
    used = Counter(t for p in group for t in p.tokens if table.get(t) == feature)
    if not used:
        return ""
    return max(used, key=lambda w: (used[w], term_weight(w), w))


def discovered_groups(
    passages: Sequence[Passage], options: BuildOptions, voice: Mapping[str, str] | None = None
) -> list[tuple[list[int], list[str]]]:
    """Groups of passages from two or more sources that discuss the same thing, with label terms.

    Args:
        passages: all passages.
        options: build options (threshold, cohesion, neighbours).
        voice: each republishing source's original (see `voices`): a copy and its original are one
            source here, so passages they share word for word tie nothing together.

    Returns:
        (indexes into `passages`, label terms) per group; passages with fewer than MIN_TOKENS content
        tokens take no part (too little text to match on).
    """
    voice = voice or {}
    usable = [i for i, p in enumerate(passages) if len(p.tokens) >= MIN_TOKENS]
    chosen = [replace(passages[i], source=_voice(passages[i].source, voice)) for i in usable]
    if len({p.source for p in chosen}) < 2:
        return []
    aliases = corpus_aliases(passages)
    vectors, vocabulary = passage_vectors(chosen, aliases)
    sources = [p.source for p in chosen]
    space = PassageSpace.of(vectors, sources)
    edges = cross_source_neighbours(space, k=options.neighbours, threshold=options.similarity_threshold)
    # Terms in many passages of this corpus (its subject: 阿里云, AI) tie everything, so nothing.
    df = Counter(t for p in chosen for t in set(p.tokens))
    common = frozenset(t for t, n in df.items() if n > max(MIN_COMMON_COUNT, MAX_TELLING_SHARE * len(chosen)))
    labeller = Labeller.of(vectors, vocabulary, aliases)
    groups = []
    formed = average_link_groups(space, edges, options.topic_cohesion)
    widened = merged_overlaps(widened_groups(space, chosen, formed, options, common))
    similar = merged_similar(space, widened, SIMILAR_SHARE * options.topic_cohesion)
    related = merged_related(space, chosen, similar, common, RELATED_SHARE * options.topic_cohesion)
    for group in related:
        shared = shared_telling_terms([chosen[i] for i in group], common)
        cohesion = space.mean_cross_similarity(group, group)
        if len({sources[i] for i in group}) >= 2 and (shared or strongly_cohesive(group, cohesion, options)):
            distinct = labeller.distinctive_terms(vectors, group, LABEL_TERMS + 3, chosen)
            groups.append(([usable[i] for i in group], [*shared, *(t for t in distinct if t not in shared)]))
    return groups


def strongly_cohesive(group: Sequence[int], cohesion: float, options: BuildOptions) -> bool:
    """Whether a group that shares no telling term is close enough to be a topic all the same: a pair of
    passages STRONG_COHESION times as similar as `topic_cohesion` asks, three or more GROUP_COHESION times."""
    return cohesion >= (GROUP_COHESION if len(group) > 2 else STRONG_COHESION) * options.topic_cohesion


def merged_overlaps(groups: Sequence[list[int]]) -> list[list[int]]:
    """Groups that widening made mostly the same (more than half the smaller one's passages in both) as one group.

    Largest first, each group is merged into the first kept group it overlaps that much, else kept;
    passages are looked up in a passage -> kept group index, so the cost follows the members' count.
    """
    kept: list[set[int]] = []
    owner: dict[int, list[int]] = {}
    for group in sorted(groups, key=lambda g: (-len(g), g)):
        overlap = Counter(k for i in group for k in owner.get(i, ()))
        into = next((k for k in sorted(overlap) if overlap[k] >= OVERLAP_SHARE * min(len(group), len(kept[k]))), None)
        if into is None:
            into = len(kept)
            kept.append(set())
        for i in group:
            if i not in kept[into]:
                kept[into].add(i)
                owner.setdefault(i, []).append(into)
    return sorted((sorted(g) for g in kept), key=lambda g: g[0])


def merged_related(
    space: PassageSpace,
    passages: Sequence[Passage],
    groups: Sequence[list[int]],
    common: frozenset[str],
    bar: float,
) -> list[list[int]]:
    """Groups that are two sides of one topic as one: groups sharing a telling term (a name or an
    uncommon noun that ties each group's sources together) merge, closest first, while their mean
    cross-source similarity reaches `bar` (average linkage again, one level up). On long articles the
    passage-level merge finds a broad aspect (the line's cost and its debt) as several narrower groups.

    Cost: only groups sharing a telling term are compared (at most MAX_RELATED_GROUPS per term), each
    pair once from the groups' summed vectors (`PassageSpace.cross_means`), and a pair is re-checked on
    its current members only when it is about to merge.
    """
    holders: dict[str, list[int]] = {}
    for n, group in enumerate(groups):
        for term in shared_telling_terms([passages[i] for i in group], common):
            holders.setdefault(term, []).append(n)
    pairs = {
        (a, b)
        for held in holders.values()
        for x, a in enumerate(held[:MAX_RELATED_GROUPS])
        for b in held[x + 1 : MAX_RELATED_GROUPS]
    }
    return _merge_closest(space, groups, sorted(pairs), bar)


def merged_similar(space: PassageSpace, groups: Sequence[list[int]], bar: float) -> list[list[int]]:
    """Groups as close on average as `bar` (a higher one than `merged_related` asks) merge, closest first,
    telling term or not: the facts of one aspect (a company's revenue, its profit, its cash) found as
    groups of a few passages each, tied by their figures, share only common words (营收, 利润).

    Cost: each group is compared with the SIMILAR_GROUPS groups whose summed vectors are closest to its
    own (sparse products in row blocks: only groups sharing a term are scored), so O(g·SIMILAR_GROUPS)
    pairs are scored in full.
    """
    if len(groups) < 2:
        return [list(g) for g in groups]
    rows = [n for n, g in enumerate(groups) for _ in g]
    cols = [i for g in groups for i in g]
    indicator = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(groups), space.vectors.shape[0]))
    sums = csr_matrix(normalize(indicator @ space.vectors))
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(groups), CHUNK_ROWS):
        block = csr_matrix(sums[start : start + CHUNK_ROWS] @ sums.T)
        for row in range(block.shape[0]):
            a = start + row
            lo, hi = block.indptr[row], block.indptr[row + 1]
            found, sims = block.indices[lo:hi], block.data[lo:hi]
            for n in np.lexsort((found, -sims))[: SIMILAR_GROUPS + 1]:
                b = int(found[n])
                if b != a:
                    pairs.add((min(a, b), max(a, b)))
    return _merge_closest(space, groups, sorted(pairs), bar)


def _merge_closest(
    space: PassageSpace, groups: Sequence[list[int]], ordered: Sequence[tuple[int, int]], bar: float
) -> list[list[int]]:
    """Average linkage over candidate pairs of groups: closest pair first, while the two groups' current
    members are on average at least `bar` similar (a pair is re-checked on them only when about to merge)."""
    means = space.cross_means(groups, ordered)
    scored = sorted(
        ((float(m), a, b) for m, (a, b) in zip(means, ordered, strict=True)), key=lambda e: (-e[0], e[1], e[2])
    )
    root = list(range(len(groups)))
    members = {n: list(g) for n, g in enumerate(groups)}

    def find(n: int) -> int:
        while root[n] != n:
            n = root[n]
        return n

    for similarity, a, b in scored:
        if similarity < bar:
            break
        ra, rb = find(a), find(b)
        if ra == rb or space.mean_cross_similarity(members[ra], members[rb]) < bar:
            continue
        members[ra] = sorted(set(members[ra]) | set(members.pop(rb)))
        root[rb] = ra
    return sorted(members.values(), key=lambda g: g[0])


def widened_groups(
    space: PassageSpace,
    passages: Sequence[Passage],
    groups: Sequence[list[int]],
    options: BuildOptions,
    common: frozenset[str],
) -> list[list[int]]:
    """Groups with the passages that also belong to them: merging puts each passage in one group, but a
    passage may cover two topics (how a problem arose, then who solved it). A passage joins a group
    outside its own when its mean cross-source similarity to the group's passages reaches JOIN_SHARE of
    `topic_cohesion` and it names one of the telling terms that tie the group's sources together.

    Cost: each group is scored against at most MAX_JOIN_CANDIDATES passages, those naming most of its
    telling terms, in one sparse product.
    """
    holders: dict[str, list[int]] = {}
    for j, passage in enumerate(passages):
        for token in set(passage.tokens):
            holders.setdefault(token, []).append(j)
    widened = []
    for group in groups:
        members = set(group)
        core = shared_telling_terms([passages[i] for i in group], common)
        named = Counter(j for t in core for j in holders.get(t, ()) if j not in members)
        candidates = sorted(named, key=lambda j: (-named[j], j))[:MAX_JOIN_CANDIDATES]
        if not candidates:
            widened.append(group)
            continue
        sims = space.blend((space.vectors[candidates] @ space.vectors[group].T).toarray(), candidates, group)
        cross = space.owner[candidates][:, None] != space.owner[group][None, :]
        mean = np.where(cross, sims, 0.0).sum(axis=1) / np.maximum(cross.sum(axis=1), 1)
        bar = JOIN_SHARE * options.topic_cohesion
        joining = [j for j, m, c in zip(candidates, mean, cross.any(axis=1), strict=True) if c and m >= bar]
        widened.append(sorted(group + joining))
    return widened


def shared_telling_terms(group: Sequence[Passage], common: frozenset[str] = frozenset()) -> list[str]:
    """Nouns and names that passages of two or more sources in a group share, and that are uncommon in
    general Chinese (jieba's background IDF): what actually ties the sources together. A group that
    shares only common words (全面, 优势, 行业) is a coincidence of wording, not a topic."""
    sources_of: dict[str, set[str]] = {}
    for passage in group:
        for token in set(passage.tokens):
            sources_of.setdefault(token, set()).add(passage.source)
    telling = [
        t
        for t, srcs in sources_of.items()
        if len(srcs) >= 2
        and t not in common
        and term_weight(t) >= 1.0
        and not glued_function_word(t)
        and background_specificity(t) >= TELLING_SPECIFICITY
    ]
    return sorted(telling, key=lambda t: (-len(sources_of[t]), -term_weight(t), t))


def align(
    passages: Sequence[Passage],
    specs: Sequence[TopicSpec],
    source_ids: Sequence[str],
    options: BuildOptions,
    copies: Sequence[Republication] = (),
) -> tuple[tuple[Topic, ...], tuple[Passage, ...]]:
    """Assign passages to configured and discovered topics.

    Args:
        passages: all passages, by source then reading order.
        specs: configured topics (may be empty).
        source_ids: every source id, in report order.
        options: build options (discovery switch, threshold, neighbours).
        copies: sources that republish another's text (see `republications`); a discovered topic
            needs two sources that are not copies of one another.

    Returns:
        The topics (configured first) and the passages with their topic ids filled in.
    """
    memberships: list[tuple[str, str, tuple[str, ...], str, list[int]]] = []
    configured_members: set[int] = set()
    for spec, members in configured_topics(passages, specs):
        memberships.append((spec.id, spec.label, spec.keywords, "configured", members))
        configured_members.update(members)
    if options.discover:
        number = 0
        # Most widely shared first: what editors most need to compare side by side.
        voice = voices(copies)
        found = discovered_groups(passages, options, voice)
        found.sort(key=lambda g: (-len({_voice(passages[i].source, voice) for i in g[0]}), -len(g[0]), min(g[0])))
        for members, terms in found:
            inside = sum(1 for i in members if i in configured_members)
            if specs and inside / len(members) >= DUPLICATE_SHARE:
                continue
            number += 1
            shown = label_terms(terms, [passages[i] for i in members])
            memberships.append((f"d{number}", " · ".join(shown[:LABEL_TERMS]), tuple(shown), "discovered", members))
    topics = tuple(_topic(passages, source_ids, *m) for m in memberships)
    by_passage: dict[str, list[str]] = {}
    for topic in topics:
        for pid in topic.passages:
            by_passage.setdefault(pid, []).append(topic.id)
    updated = tuple(_with_topics(p, tuple(by_passage.get(p.id, ()))) for p in passages)
    return topics, updated


def label_terms(terms: Sequence[str], members: Sequence[Passage]) -> list[str]:
    """Terms as a label shows them: bare numbers dropped (1%, 1.8 name nothing), and Latin terms, which
    tokens keep in lower case, in the form the passages write most (ibm -> IBM, openai -> OpenAI)."""
    shown: list[str] = []
    for term in terms:
        if NUMERIC_TERM.fullmatch(term):
            continue
        if not term.isascii() and word_tag(term) is None:
            term = whole_name(term, members)
            if any(term in other for other in shown):
                continue
            inside = [n for n, other in enumerate(shown) if other in term]
            if inside:  # 百模大战 grown from 百模 takes the place of 大战
                shown[inside[0]] = term
                shown = [other for n, other in enumerate(shown) if n not in inside[1:]]
                continue
        if term.isascii():
            forms = Counter(
                m.group() for p in members for m in re.finditer(re.escape(term), p.text_simplified, re.IGNORECASE)
            )
            term = max(forms, key=lambda f: (forms[f], f)) if forms else term
        shown.append(term)
    return shown


def whole_name(word: str, members: Sequence[Passage]) -> str:
    """A word jieba guessed, grown to the whole name the passages write it in: one character at a time,
    to the left or right, while at least WHOLE_NAME_SHARE of its occurrences have that same neighbour
    (禾药业 -> 睿禾药业, 际铁路 -> 澜江城际铁路). It does not grow by a function character (的, 在, 上)
    or by one that forms a verb or function word with the character beyond it (现 of 出现), nor into
    a word jieba reads whole before it (人 of 被告人|罗振邦, see `_owned`); a run that would pass
    MAX_NAME_CHARS is a phrase, not a name: the word is kept as it was."""
    texts = [p.text_simplified for p in members]
    original = word
    while True:
        if len(word) >= MAX_NAME_CHARS:
            return original
        grown = None
        found = [(text, m.start(), m.end()) for text in texts for m in re.finditer(re.escape(word), text)]
        for side in (-1, 1):
            # A neighbour that ends (or starts) a verb or function word with the character beyond it
            # belongs to that word, not to the name (出现 + 大面积死鱼 does not grow to 现大面积死鱼).
            neighbours = Counter(
                text[start - 1] if side < 0 else text[end]
                for text, start, end in found
                if (start > 0 if side < 0 else end < len(text))
                and not _binds(text[start - 2 : start] if side < 0 else text[end : end + 2])
                and not (side < 0 and _owned(text, start))
                and not (side < 0 and start > 1 and text[start - 2].isdigit())  # 37人 + 血镍指标
            )
            if neighbours:
                total = len(found)
                char, count = max(neighbours.items(), key=lambda kv: (kv[1], kv[0]))
                function = char in GLUE_CHARS or (word_tag(char) or "")[:1] in FUNCTION_TAGS
                if "\u4e00" <= char <= "\u9fff" and not function and count >= max(2, WHOLE_NAME_SHARE * total):
                    grown = char + word if side < 0 else word + char
                    break
        if grown is None:
            return word
        word = grown


def _owned(text: str, at: int) -> bool:
    """Whether the character before a guessed word starting at `at` belongs to the word before it:
    jieba reads words of two or more characters on both sides of `at`, so that edge is one it is sure
    of (被告人|罗振邦: 人 is not part of the name). Where the guessed word starts with a stray character
    (江城|际|铁路), the edge itself is the misreading and the name may still grow. Only the left edge
    is checked: after a name, a word jieba reads whole often still belongs to it (百模|大战)."""
    spans = _spans(text)
    ending = any(e == at and e - s >= 2 for _, s, e in spans)
    starting = any(s == at and e - s >= 2 for _, s, e in spans)
    return ending and starting


@lru_cache(maxsize=1024)
def _spans(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(token_spans(text))


def _binds(pair: str) -> bool:
    """Whether two characters are a verb or function word in jieba's dictionary (出现, 已经)."""
    flag = word_tag(pair) if len(pair) == 2 else None
    return flag is not None and (flag[0] == "v" or flag[0] in FUNCTION_TAGS)


def _with_topics(passage: Passage, topics: tuple[str, ...]) -> Passage:
    """A copy of a passage with its topic ids set."""
    return replace(passage, topics=topics)


def _topic(
    passages: Sequence[Passage],
    source_ids: Sequence[str],
    topic_id: str,
    label: str,
    keywords: tuple[str, ...],
    origin: str,
    members: Sequence[int],
) -> Topic:
    """Build a Topic from member passage indexes, grouped by source in report order."""
    order = {s: n for n, s in enumerate(source_ids)}
    chosen = sorted((passages[i] for i in members), key=lambda p: (order[p.source], p.index))
    covering = tuple(s for s in source_ids if any(p.source == s for p in chosen))
    return Topic(
        id=topic_id,
        label=label,
        keywords=keywords,
        origin=origin,
        passages=tuple(p.id for p in chosen),
        sources=covering,
        omitted_by=tuple(s for s in source_ids if s not in covering),
    )


def republications(
    passages: Sequence[Passage], dates: Mapping[str, str | None] | None = None, reposted: Collection[str] = ()
) -> tuple[Republication, ...]:
    """Sources that republish another source's text (syndicated wire copy, reposts), by how much of it.

    A passage is carried over when VERBATIM_SHARE of its SHINGLE_CHARS-character runs (punctuation and
    spaces aside, in Simplified form) occur in the other source; a source republishes the other when
    such passages hold REPUBLISHED_SHARE of its text. Of two sources that each carry the other, the
    original is the one published first (ISO dates), else the one that does not say it is a repost,
    else the one the other holds less of, else the longer one, else the one listed first.
    Each run is looked up once in an index of the passages that write it: the cost is the corpus's
    characters times the passages a run is shared by (one, for nearly all runs of independent sources).

    Args:
        passages: all passages, by source then reading order.
        dates: each source's publication date, where known.
        reposted: sources whose text says they republish another's (原标题：…, 转载自…).

    Returns:
        One entry per republishing source, naming the root original of any chain of copies.
    """
    order = list(dict.fromkeys(p.source for p in passages))
    lengths = Counter[str]()
    carried: dict[str, Counter[str]] = {s: Counter() for s in order}
    for passage, where in zip(passages, _carried_over(passages), strict=True):
        lengths[passage.source] += len(passage.text_simplified)
        for other in where:
            carried[passage.source][other] += len(passage.text_simplified)
    shares = {(s, o): n / lengths[s] for s in order for o, n in carried[s].items() if lengths[s]}

    def copy_key(source: str, other: str) -> tuple[str, bool, float, int, int]:
        """Of two sources that carry each other, the one with the smaller key is the original."""
        date = _iso_date((dates or {}).get(source))
        return (date, source in reposted, shares[source, other], -lengths[source], order.index(source))

    original_of: dict[str, tuple[str, float]] = {}
    for (source, other), share in sorted(shares.items(), key=lambda kv: (-kv[1], kv[0])):
        if share < REPUBLISHED_SHARE or source in original_of:
            continue
        if shares.get((other, source), 0.0) >= REPUBLISHED_SHARE and copy_key(other, source) > copy_key(source, other):
            continue  # each carries the other: the later one, else the one that says it is a repost…
        if source in _chain(other, original_of):
            continue  # would close a loop of copies
        original_of[source] = (other, share)
    return tuple(
        Republication(s, _chain(s, original_of)[-1], round(original_of[s][1], 4)) for s in order if s in original_of
    )


def mark_verbatim(passages: Sequence[Passage]) -> list[Passage]:
    """Passages with `verbatim_in` set: the passages of other sources that hold their words.

    A passage of MIN_VERBATIM_RUNS runs or more is word for word in another source when VERBATIM_SHARE
    of its runs occur there (a wire paragraph a portal runs, a statement two sources quote whole); it
    names that source's passages holding at least a quarter of the runs found, so a paragraph the other
    source split in two names both halves. Linear in the corpus's characters, as `republications`.
    """
    marked = []
    for passage, where in zip(passages, _carried_over(passages), strict=True):
        if len(_runs(passage.text_simplified)) < MIN_VERBATIM_RUNS:
            marked.append(passage)
            continue
        held = tuple(sorted((pid for found in where.values() for pid in found), key=_reading_order))
        marked.append(replace(passage, verbatim_in=held))
    return marked


def _carried_over(passages: Sequence[Passage]) -> list[dict[str, list[str]]]:
    """For each passage, the other sources that hold VERBATIM_SHARE of its runs, with their passages
    that hold at least a quarter of the runs found there."""
    holders: dict[str, set[tuple[str, str]]] = {}  # run -> the (source, passage id) pairs that write it
    for passage in passages:
        for run in _runs(passage.text_simplified):
            holders.setdefault(run, set()).add((passage.source, passage.id))
    found = []
    for passage in passages:
        own = _runs(passage.text_simplified)
        in_source: dict[str, set[str]] = {}
        in_passage = Counter[tuple[str, str]]()
        for run in own:
            for source, pid in holders[run]:
                if source != passage.source:
                    in_source.setdefault(source, set()).add(run)
                    in_passage[source, pid] += 1
        found.append(
            {
                source: [pid for (s, pid), n in sorted(in_passage.items()) if s == source and 4 * n >= len(runs)]
                for source, runs in sorted(in_source.items())
                if len(runs) >= VERBATIM_SHARE * len(own)
            }
        )
    return found


def _reading_order(passage_id: str) -> tuple[str, int]:
    """A passage id's source and paragraph number, to list passages in reading order."""
    source, _, index = passage_id.rpartition(":p")
    return source, int(index)


def _runs(text: str) -> set[str]:
    """A text's runs of SHINGLE_CHARS characters, punctuation and spaces dropped."""
    bare = NON_WORD.sub("", text)
    return {bare[i : i + SHINGLE_CHARS] for i in range(len(bare) - SHINGLE_CHARS + 1)}


def _iso_date(date: str | None) -> str:
    """A date's ISO day for ordering, or a key after every date when it is unknown."""
    match = ISO_DATE.match(date or "")
    return match.group() if match else "9999-99-99"


def _chain(source: str, original_of: Mapping[str, tuple[str, float]]) -> list[str]:
    """A source and the originals it copies, in turn: a copy of a copy ends at the first original."""
    chain = [source]
    while chain[-1] in original_of and original_of[chain[-1]][0] not in chain:
        chain.append(original_of[chain[-1]][0])
    return chain


def voices(copies: Sequence[Republication]) -> dict[str, str]:
    """Each republishing source's original: the voice it counts as when sources are counted."""
    return {c.source: c.original for c in copies}


def _voice(source: str, voice: Mapping[str, str]) -> str:
    """The source a source counts as: its original if it republishes one, else itself."""
    return voice.get(source, source)


def coverage_matrix(
    passages: Sequence[Passage],
    topics: Sequence[Topic],
    source_ids: Sequence[str],
    copies: Sequence[Republication] = (),
) -> tuple[SourceCoverage, ...]:
    """The sources x topics matrix (passages, characters and share of text per cell) and blindspots.

    Args:
        passages: all passages, with their topic ids set.
        topics: the topics.
        source_ids: every source id, in report order.
        copies: sources that republish another's text: a copy and its original count as one source.

    Returns:
        One row per source; a blindspot is a topic that two or more other sources cover and it omits.
    """
    voice = voices(copies)
    rows = []
    for source in source_ids:
        own = [p for p in passages if p.source == source]
        total = sum(len(p.text) for p in own)
        cells = []
        for topic in topics:
            chars = sum(len(p.text) for p in own if topic.id in p.topics)
            count = sum(1 for p in own if topic.id in p.topics)
            cells.append(TopicCoverage(topic.id, count, chars, round(chars / total, 4) if total else 0.0))
        blind = tuple(
            t.id
            for t in topics
            if source in t.omitted_by and len({_voice(s, voice) for s in t.sources}) >= MIN_BLINDSPOT_SOURCES
        )
        rows.append(SourceCoverage(source, tuple(cells), blind))
    return tuple(rows)
