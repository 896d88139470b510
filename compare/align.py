"""Align: group passages of different sources into topics, configured and discovered.

Configured topics match passages by keywords and patterns (on the Simplified text, so either
script matches). Discovered topics come from TF-IDF vectors of the passages' jieba tokens:
each passage keeps its top-k most similar passages of *other* sources above a threshold, and
connected groups that span two or more sources become topics.

Complexity: the similarity search multiplies sparse rows in chunks, keeping only the top-k
neighbours per passage, so memory is O(n·k) and time is proportional to the number of passage
pairs that share a term (terms in more than half the passages are dropped via ``max_df``),
not to n² for all pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from compare.model import BuildOptions, Passage, Topic, TopicSpec
from compare.script import to_simplified

CHUNK_ROWS = 256
LABEL_TERMS = 3
# A discovered group whose passages mostly sit in one configured topic duplicates it.
DUPLICATE_SHARE = 0.5


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


def passage_vectors(passages: Sequence[Passage]) -> tuple[csr_matrix, list[str]]:
    """L2-normalised TF-IDF vectors of passages' content tokens, and the vocabulary."""
    max_df = 0.5 if len(passages) >= 8 else 1.0
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, max_df=max_df)
    matrix = vectorizer.fit_transform([list(p.tokens) for p in passages])
    return csr_matrix(matrix), list(vectorizer.get_feature_names_out())


def cross_source_neighbours(
    vectors: csr_matrix, sources: Sequence[str], *, k: int, threshold: float
) -> list[tuple[int, int, float]]:
    """Edges (i, j, similarity) from each passage to its top-k similar passages of other sources."""
    ids: dict[str, int] = {}
    owner = np.array([ids.setdefault(s, len(ids)) for s in sources])
    edges: list[tuple[int, int, float]] = []
    for start in range(0, vectors.shape[0], CHUNK_ROWS):
        block = (vectors[start : start + CHUNK_ROWS] @ vectors.T).toarray()
        for row, sims in enumerate(block):
            i = start + row
            sims[owner == owner[i]] = 0.0
            for j in np.argsort(-sims, kind="stable")[:k]:
                if sims[j] < threshold:
                    break
                edges.append((min(i, int(j)), max(i, int(j)), float(sims[j])))
    return sorted(set(edges))


def _components(n: int, edges: Sequence[tuple[int, int, float]]) -> list[list[int]]:
    """Connected components (union-find) of a graph with n nodes, each sorted, in order of first node."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in edges:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def distinctive_terms(vectors: csr_matrix, vocabulary: Sequence[str], members: Sequence[int], n: int) -> list[str]:
    """The terms most over-represented in a group of passages relative to the whole corpus."""
    group_mean = np.asarray(vectors[list(members)].mean(axis=0)).ravel()
    corpus_mean = np.asarray(vectors.mean(axis=0)).ravel()
    score = group_mean - corpus_mean
    order = np.lexsort((np.array(vocabulary), -score))
    return [vocabulary[i] for i in order[:n] if score[i] > 0]


def discovered_groups(passages: Sequence[Passage], options: BuildOptions) -> list[tuple[list[int], list[str]]]:
    """Groups of passages from two or more sources that discuss the same thing, with label terms."""
    if len(passages) < 2 or not any(p.tokens for p in passages):
        return []
    vectors, vocabulary = passage_vectors(passages)
    sources = [p.source for p in passages]
    edges = cross_source_neighbours(vectors, sources, k=options.neighbours, threshold=options.similarity_threshold)
    groups = []
    for members in _components(len(passages), edges):
        if len({sources[i] for i in members}) >= 2:
            groups.append((members, distinctive_terms(vectors, vocabulary, members, LABEL_TERMS + 3)))
    return groups


def align(
    passages: Sequence[Passage], specs: Sequence[TopicSpec], source_ids: Sequence[str], options: BuildOptions
) -> tuple[tuple[Topic, ...], tuple[Passage, ...]]:
    """Assign passages to configured and discovered topics.

    Args:
        passages: all passages, by source then reading order.
        specs: configured topics (may be empty).
        source_ids: every source id, in report order.
        options: build options (discovery switch, threshold, neighbours).

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
        for members, terms in discovered_groups(passages, options):
            inside = sum(1 for i in members if i in configured_members)
            if specs and inside / len(members) >= DUPLICATE_SHARE:
                continue
            number += 1
            label = " · ".join(terms[:LABEL_TERMS])
            memberships.append((f"d{number}", label, tuple(terms), "discovered", members))
    topics = tuple(_topic(passages, source_ids, *m) for m in memberships)
    by_passage: dict[str, list[str]] = {}
    for topic in topics:
        for pid in topic.passages:
            by_passage.setdefault(pid, []).append(topic.id)
    updated = tuple(_with_topics(p, tuple(by_passage.get(p.id, ()))) for p in passages)
    return topics, updated


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
