"""The analysis chain: raw documents in, one Comparison out (no I/O here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compare.align import align, coverage_matrix, mark_verbatim, republications, voices
from compare.claims import compare_claims, extract_claims
from compare.clean import clean_corpus
from compare.ingest import Corpus
from compare.model import BuildOptions, Comparison, SourceSummary, TopicSpec
from compare.segment import corpus_terms, segment_documents, user_words
from compare.tone import aggregate, interval, score_passages

STAGES = ("clean", "segment", "align", "tone", "claims")

Progress = Callable[[str], None]
DEFAULT_OPTIONS = BuildOptions()


def analyze(
    corpus: Corpus,
    *,
    topics: Sequence[TopicSpec] = (),
    options: BuildOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> Comparison:
    """Run every analysis stage on a corpus.

    Args:
        corpus: the documents read by `ingest.read_corpus`.
        topics: configured topics (may be empty: topics are then only discovered).
        options: build options.
        progress: called with each stage's name as it starts.

    Returns:
        The comparison the report is built from.
    """
    report = progress or (lambda stage: None)
    # The user's words (words.toml) hold for every stage that segments text.
    with user_words(options.user_words):
        # 1. Clean: pinyin, broken characters, chrome, repeated blocks; Simplified form for analysis.
        report("clean")
        docs = clean_corpus(corpus.documents, max_heading_chars=options.max_heading_chars)
        # 2. Segment: paragraphs into passages with jieba content tokens.
        report("segment")
        terms = corpus_terms(docs)
        passages = segment_documents(docs, terms=terms)
        # 3. Align: configured and discovered topics across sources; a source that republishes another's
        # text (a syndicated wire, a repost) counts as that source, not as a second one; a passage another
        # source prints word for word says where.
        report("align")
        source_ids = [d.id for d in docs]
        copies = republications(passages, {d.id: d.date for d in docs}, {d.id for d in docs if d.reposted})
        passages = tuple(mark_verbatim(passages))
        topic_list, passages = align(passages, topics, source_ids, options, copies)
        coverage = coverage_matrix(passages, topic_list, source_ids, copies)
        # 4. Tone: passage scores, then each source's length-weighted score.
        report("tone")
        passages = score_passages(passages)
        by_source = {d.id: [p for p in passages if p.source == d.id] for d in docs}
        sources = tuple(SourceSummary(d, aggregate(by_source[d.id]), interval(by_source[d.id])) for d in docs)
        # 5. Claims: quantities per passage, compared across sources.
        report("claims")
        claims = extract_claims(passages)
        comparisons = compare_claims(claims, voice=voices(copies))
    return Comparison(
        corpus_name=corpus.name,
        files=tuple(d.file for d in corpus.documents),
        content_hash=corpus.content_hash,
        options=options,
        sources=sources,
        passages=passages,
        topics=topic_list,
        coverage=coverage,
        terms=tuple(sorted(terms)),
        claims=claims,
        comparisons=comparisons,
        skipped=corpus.skipped,
        republications=copies,
    )
