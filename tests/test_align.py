"""Align: configured and discovered topics on two small made-up corpora on unrelated subjects.

Each corpus has three sources (one in Traditional script). In every source, passages 0–2 report
the same three facts in different words; passage 3 is something only that source covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pytest

from compare.align import (
    PassageSpace,
    align,
    coverage_matrix,
    label_terms,
    mark_verbatim,
    passage_vectors,
    republications,
)
from compare.clean import clean_document
from compare.model import BuildOptions, Passage, RawDocument, Republication, Topic, TopicSpec
from compare.segment import segment_documents

# A city's new subway line. metro_daily opens with a title line (a heading, not a passage).
SUBWAY = {
    "metro_daily": [
        "江州地铁7号线今日开通",
        "江州地铁7号线今天上午正式开通运营，线路全长二十八公里，共设十八座车站，连接城北火车站和南部新城。",
        "7号线票价实行里程计价，起步价为2元，全程最高票价7元，乘客可以使用手机扫码进站。",
        "开通首日，不少市民专程赶来乘坐，一位在南部新城上班的乘客说，以前坐公交要一个半小时，现在四十分钟就能到公司。",
        "沿线的文化广场站墙面上装饰着本地艺术家创作的大型壁画，描绘了江州老城的街巷风貌和传统节庆。",
    ],
    "morning_post": [
        "经过五年建设，江州地铁7号线今日开通，全长二十八公里，设车站十八座，从城北火车站一路向南延伸到南部新城。",
        "关于票价，7号线起步价2元，最高票价7元，与既有线路统一按里程计价，手机扫码即可乘车。",
        "记者在早高峰看到，车厢内乘客不少，有市民表示，上班通勤时间从一个多小时缩短到四十分钟左右。",
        "受地铁开通带动，南部新城的二手房挂牌价格近三个月上涨了百分之八，中介门店的看房人数明显增加。",
    ],
    "hk_herald": [
        "江州地鐵7號線今日正式開通，全長二十八公里，共設十八個車站，北起火車站，南至南部新城。",
        "該線路按里程計價，起步票價2元，全程最高7元，乘客可用手機掃碼進站。",
        "首日有大批市民搭乘，一名在南部新城工作的市民表示，過去搭公交車要一個半小時，如今四十分鐘便可到達公司。",
        "工程建設期間曾發生一次隧道滲水事故，施工方當時停工整改兩個月，所幸沒有造成人員傷亡。",
    ],
}

# A football transfer. tw_sports is in Traditional script.
TRANSFER = {
    "sports_daily": [
        "前锋李明转会海港队",
        "上海海港足球俱乐部今天宣布，从山东泰山队引进国脚前锋李明，双方签约五年，转会费约为八千万元。",
        "李明上赛季在中超联赛出场二十八次，打进十九个进球，还送出七次助攻，是本土射手中进球最多的球员。",
        "泰山队主教练在发布会上表示，尊重球员的选择，感谢李明过去六个赛季为球队做出的贡献。",
        "李明去年成立了一个青少年足球公益基金，资助家乡农村学校修建球场和购买训练器材。",
    ],
    "goal_news": [
        "海港队官方确认签下泰山队前锋李明，合同期为五年，据悉转会费在八千万元左右，创下本土球员转会纪录。",
        "上赛季，李明代表泰山队在中超出场二十八次，攻入十九球并有七次助攻，本土射手中排名第一。",
        "对于李明的离开，泰山队主帅说俱乐部尊重他的决定，并感谢他六个赛季以来的付出。",
        "消息公布后不到一个小时，海港队官方商城印有李明名字的新球衣就售出了三千多件。",
    ],
    "tw_sports": [
        "上海海港足球俱樂部宣佈，從山東泰山隊簽入國腳前鋒李明，雙方簽約五年，轉會費約八千萬元。",
        "李明上季在中超聯賽上陣二十八場，射入十九球，另有七次助攻，是本土射手中入球最多的球員。",
        "泰山隊主教練表示尊重球員的選擇，並感謝李明過去六個賽季為球隊作出的貢獻。",
        "李明曾在前年因膝蓋十字韌帶撕裂缺陣半個賽季，醫療團隊表示他目前的身體狀況良好。",
    ],
}
CORPORA = {"subway": SUBWAY, "transfer": TRANSFER}
SHARED = (0, 1, 2)  # passage indexes every source of a corpus shares
UNSHARED = 3
DEFAULTS = BuildOptions()


@cache
def _passages(*names: str) -> tuple[tuple[Passage, ...], tuple[str, ...]]:
    """Clean and segment the named corpora together; return passages and source ids."""
    docs = []
    for name in names:
        for source, lines in CORPORA[name].items():
            text = "\n".join(lines)
            docs.append(clean_document(RawDocument(source, f"{source}.txt", text, "utf-8", len(text.encode()))))
    return segment_documents(docs), tuple(d.id for d in docs)


def _align(
    names: Sequence[str], specs: Sequence[TopicSpec] = (), options: BuildOptions = DEFAULTS
) -> tuple[tuple[Topic, ...], tuple[Passage, ...]]:
    passages, source_ids = _passages(*names)
    return align(passages, specs, source_ids, options)


def _discovered(topics: Sequence[Topic]) -> list[Topic]:
    return [t for t in topics if t.origin == "discovered"]


def _shared_groups(name: str) -> set[frozenset[str]]:
    """The passage-id groups a perfect aligner would discover in a corpus."""
    return {frozenset(f"{source}:p{i}" for source in CORPORA[name]) for i in SHARED}


def _two_sources(*tokens: tuple[str, ...]) -> list[Passage]:
    """Token-only passages alternating between sources a and b: a:p0, b:p0, a:p1, b:p1…"""
    return [
        Passage(f"{'ab'[n % 2]}:p{n // 2}", "ab"[n % 2], n // 2, "", "", tokens=words) for n, words in enumerate(tokens)
    ]


def _space(passages: Sequence[Passage]) -> PassageSpace:
    """The passages as vectors, as discovery sees them."""
    vectors, _ = passage_vectors(passages)
    return PassageSpace.of(vectors, [p.source for p in passages])


def test_fixture_has_traditional_sources_and_skips_titles() -> None:
    passages, _ = _passages("subway", "transfer")
    assert {p.id for p in passages if p.text != p.text_simplified} == {
        f"{source}:p{i}" for source in ("hk_herald", "tw_sports") for i in (*SHARED, UNSHARED)
    }
    assert all(p.index <= UNSHARED for p in passages)  # the title lines are headings, not passages


@pytest.mark.parametrize("name", CORPORA)
def test_discovered_topics_group_each_shared_fact_across_all_sources(name: str) -> None:
    topics, _ = _align([name])
    discovered = _discovered(topics)
    assert {frozenset(t.passages) for t in discovered} == _shared_groups(name)
    sources = tuple(CORPORA[name])
    for topic in discovered:
        assert topic.sources == sources
        assert topic.omitted_by == ()
    assert [t.id for t in discovered] == ["d1", "d2", "d3"]


@pytest.mark.parametrize("name", CORPORA)
def test_unshared_paragraph_is_in_no_discovered_topic(name: str) -> None:
    topics, passages = _align([name])
    in_topics = {pid for t in topics for pid in t.passages}
    for source in CORPORA[name]:
        unshared = f"{source}:p{UNSHARED}"
        assert unshared not in in_topics
        assert next(p for p in passages if p.id == unshared).topics == ()


def test_discovery_never_pairs_passages_of_unrelated_subjects() -> None:
    topics, _ = _align(["subway", "transfer"])
    discovered = _discovered(topics)
    for topic in discovered:
        subjects = {name for name, corpus in CORPORA.items() for s in topic.sources if s in corpus}
        assert len(subjects) == 1, f"{topic.id} mixes subjects: {topic.passages}"
    # Each shared fact is found whole; with both corpora together, two facts of one story may share a topic.
    for group in _shared_groups("subway") | _shared_groups("transfer"):
        assert any(group <= set(t.passages) for t in discovered), sorted(group)


def test_discovered_topic_is_labelled_with_its_distinctive_terms() -> None:
    topics, _ = _align(["subway"])
    fares = next(t for t in topics if "metro_daily:p1" in t.passages)
    assert "票价" in fares.keywords
    assert "票价" in fares.label


def test_topic_passages_and_sources_follow_the_given_source_order() -> None:
    passages, source_ids = _passages("subway")
    order = tuple(reversed(source_ids))
    topics, _ = align(passages, [], order, DEFAULTS)
    for topic in topics:
        assert topic.sources == order
        assert [pid.split(":")[0] for pid in topic.passages] == list(order)


SUBWAY_SOURCES = tuple(SUBWAY)
TRANSFER_SOURCES = tuple(TRANSFER)


@pytest.mark.parametrize(
    ("name", "spec", "passages"),
    [
        (
            "subway",
            TopicSpec("fare", "票价", keywords=("票价", "扫码")),
            ("metro_daily:p1", "morning_post:p1", "hk_herald:p1"),
        ),
        # Simplified keywords match the Traditional source (滲水事故).
        ("subway", TopicSpec("safety", "施工安全", keywords=("渗水", "事故"), min_hits=1), ("hk_herald:p3",)),
        # Traditional keywords match a Simplified source.
        ("subway", TopicSpec("mural", "壁畫", keywords=("壁畫",), min_hits=1), ("metro_daily:p3",)),
        ("subway", TopicSpec("housing", "房价", keywords=("二手房", "挂牌"), min_hits=2), ("morning_post:p3",)),
        # One keyword of two is not enough when two hits are needed.
        ("subway", TopicSpec("stocks", "股市", keywords=("二手房", "股票"), min_hits=2), ()),
        # A pattern hit suffices; it is tried on the Simplified text too (起步票價 -> 起步票价).
        ("subway", TopicSpec("start", "起步价", patterns=(r"起步票?价\s*2元",)), ("morning_post:p1", "hk_herald:p1")),
        (
            "transfer",
            TopicSpec("fee", "转会费", keywords=("转会费", "八千万")),
            ("sports_daily:p0", "goal_news:p0", "tw_sports:p0"),
        ),
        (
            "transfer",
            TopicSpec("fee-trad", "轉會費", keywords=("轉會費", "八千萬")),
            ("sports_daily:p0", "goal_news:p0", "tw_sports:p0"),
        ),
        ("transfer", TopicSpec("injury", "伤病", keywords=("韧带", "膝盖")), ("tw_sports:p3",)),
    ],
    ids=lambda v: v.id if isinstance(v, TopicSpec) else None,
)
def test_configured_topic_holds_exactly_the_matching_passages(
    name: str, spec: TopicSpec, passages: tuple[str, ...]
) -> None:
    topics, _ = _align([name], [spec], BuildOptions(discover=False))
    (topic,) = topics
    all_sources = tuple(CORPORA[name])
    covering = tuple(s for s in all_sources if any(pid.startswith(f"{s}:") for pid in passages))
    assert (topic.id, topic.label, topic.origin) == (spec.id, spec.label, "configured")
    assert topic.passages == passages
    assert topic.sources == covering
    assert topic.omitted_by == tuple(s for s in all_sources if s not in covering)


def test_configured_topics_are_set_on_passages() -> None:
    specs = [
        TopicSpec("fare", "票价", keywords=("票价", "扫码")),
        TopicSpec("start", "起步价", patterns=(r"起步票?价\s*2元",)),
    ]
    _, passages = _align(["subway"], specs, BuildOptions(discover=False))
    by_id = {p.id: p.topics for p in passages}
    assert by_id["metro_daily:p1"] == ("fare",)
    assert by_id["hk_herald:p1"] == ("fare", "start")
    assert by_id["metro_daily:p0"] == ()


def test_configured_omitted_by_names_sources_without_the_topic() -> None:
    spec = TopicSpec("safety", "施工安全", keywords=("事故", "伤亡"), min_hits=1)
    (topic,) = _align(["subway"], [spec], BuildOptions(discover=False))[0]
    assert topic.sources == ("hk_herald",)
    assert topic.omitted_by == ("metro_daily", "morning_post")


def test_discovered_topic_duplicating_a_configured_one_is_dropped() -> None:
    fare = TopicSpec("fare", "票价", keywords=("票价", "扫码"))
    topics, _ = _align(["subway"], [fare])
    assert [t.id for t in topics] == ["fare", "d1", "d2"]  # the fare group is not discovered again
    fare_group = frozenset(topics[0].passages)
    discovered = {frozenset(t.passages) for t in _discovered(topics)}
    assert discovered == _shared_groups("subway") - {fare_group}


def test_discovered_topics_are_kept_when_configured_ones_cover_other_passages() -> None:
    safety = TopicSpec("safety", "施工安全", keywords=("事故", "伤亡"), min_hits=1)
    topics, _ = _align(["subway"], [safety])
    assert [t.id for t in topics] == ["safety", "d1", "d2", "d3"]
    assert {frozenset(t.passages) for t in _discovered(topics)} == _shared_groups("subway")


def test_no_discovery_when_switched_off() -> None:
    topics, passages = _align(["subway"], (), BuildOptions(discover=False))
    assert topics == ()
    assert all(p.topics == () for p in passages)


def test_keyword_written_in_both_scripts_counts_as_one_hit() -> None:
    """Regression: 壁画 and 壁畫 are one keyword after conversion, so they must not satisfy min_hits=2 together."""
    spec = TopicSpec("mural", "壁画", keywords=("壁画", "壁畫"), min_hits=2)
    (topic,) = _align(["subway"], [spec], BuildOptions(discover=False))[0]
    assert topic.passages == ()


def test_coverage_matrix_counts_passages_shares_and_blindspots() -> None:
    def passage(source: str, index: int, text: str, topics: tuple[str, ...]) -> Passage:
        return Passage(f"{source}:p{index}", source, index, text, text, topics=topics)

    passages = [
        passage("a", 0, "一" * 30, ("t1",)),
        passage("a", 1, "二" * 10, ()),
        passage("b", 0, "三" * 20, ("t1", "t2")),
        passage("c", 0, "四" * 20, ("t1",)),
    ]
    topics = [
        Topic("t1", "one", (), "configured", ("a:p0", "b:p0", "c:p0"), ("a", "b", "c"), ()),
        Topic("t2", "two", (), "configured", ("b:p0",), ("b",), ("a", "c")),
    ]
    rows = {row.source: row for row in coverage_matrix(passages, topics, ["a", "b", "c"])}
    assert [(c.topic, c.passages, c.chars, c.share) for c in rows["a"].topics] == [
        ("t1", 1, 30, 0.75),
        ("t2", 0, 0, 0.0),
    ]
    assert [c.share for c in rows["b"].topics] == [1.0, 1.0]
    # t2 is covered by one source only, so omitting it is not a blindspot; t1 is covered by everyone.
    assert all(row.blindspots == () for row in rows.values())
    topics.append(Topic("t3", "three", (), "discovered", ("b:p0", "c:p0"), ("b", "c"), ("a",)))
    rows = {row.source: row for row in coverage_matrix(passages, topics, ["a", "b", "c"])}
    assert rows["a"].blindspots == ("t3",)
    assert rows["b"].blindspots == rows["c"].blindspots == ()


def test_concepts_link_passages_that_use_different_words_for_one_thing() -> None:
    from compare.align import concepts, passage_features

    table = concepts()
    assert table["投入"] == table["资本开支"] == table["斥资"]
    a = Passage("a:p0", "a", 0, "", "", tokens=("阿里云", "投入", "数据中心"))
    b = Passage("b:p0", "b", 0, "", "", tokens=("阿里云", "资本开支", "算力"))
    shared = set(passage_features(a)) & set(passage_features(b))
    assert shared == {"阿里云", table["投入"], table["算力"]}


def test_shared_telling_terms_are_uncommon_nouns_and_names_of_two_sources() -> None:
    from compare.align import shared_telling_terms

    a = Passage("a:p0", "a", 0, "", "", tokens=("王坚", "甲骨文", "优势", "业务", "提出"))
    b = Passage("b:p0", "b", 0, "", "", tokens=("王坚", "甲骨文", "优势", "业务", "提出"))
    c = Passage("a:p1", "a", 1, "", "", tokens=("数据库",))
    assert shared_telling_terms([a, b, c]) == ["王坚", "甲骨文"]
    assert shared_telling_terms([a, c]) == []  # one source only
    assert shared_telling_terms([a, b], frozenset({"王坚"})) == ["甲骨文"]  # the corpus's ubiquitous terms tie nothing


def test_label_terms_restore_case_and_drop_bare_numbers() -> None:
    members = [
        Passage("a:p0", "a", 0, "", "阿里最后一台IBM小型机下线，Oracle数据库下线。"),
        Passage("b:p0", "b", 0, "", "去IOE：IBM、Oracle和EMC。"),
    ]
    assert label_terms(["ibm", "1.8", "oracle", "3.6%", "小型机", "emc"], members) == ["IBM", "Oracle", "小型机", "EMC"]


def test_a_passage_covering_two_topics_also_joins_the_group_it_was_not_merged_into() -> None:
    from compare.align import widened_groups

    passages = [
        Passage("a:p0", "a", 0, "", "", tokens=("青石水库", "泄洪", "水位", "汛限", "下游", "预警")),
        Passage("b:p0", "b", 0, "", "", tokens=("青石水库", "泄洪", "水位", "汛限", "村民", "转移")),
        # Covers the dam release, then the subway: close enough to the dam group to join it too.
        Passage("c:p0", "c", 0, "", "", tokens=("青石水库", "泄洪", "水位", "地铁", "停运", "车站")),
        # Names the dam, but is about something else: it stays out.
        Passage("c:p1", "c", 1, "", "", tokens=("青石水库", "钓鱼", "周末", "游客", "烧烤", "风景")),
    ]
    space = _space(passages)
    assert widened_groups(space, passages, [[0, 1]], DEFAULTS, frozenset()) == [[0, 1, 2]]
    # Without a telling term in common with the group, similarity alone does not let a passage in.
    assert widened_groups(space, passages, [[0, 1]], DEFAULTS, frozenset({"青石水库", "泄洪", "水位", "汛限"})) == [
        [0, 1]
    ]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("美国甲骨文(Oracle)公司老板说云计算是胡扯。", ("甲骨文", "oracle")),
        ("国际货币基金组织（IMF）下调了增长预期。", ("国际货币基金组织", "imf")),
        ("IMF（国际货币基金组织）下调了增长预期。", ("国际货币基金组织", "imf")),
        ("比亚迪(BYD)上月销量创新高。", ("比亚迪", "byd")),
        ("它将迈向超级人工智能(ASI)。", None),  # the word is the tail of a longer name
        ("宁德时代(CATL)发布新电池。", None),  # jieba cut the name: 时代 alone is not it
        ("公司(Company)表示", None),  # a common word is not a name
    ],
)
def test_corpus_aliases_pair_a_name_with_its_bracketed_gloss(text: str, pair: tuple[str, str] | None) -> None:
    from compare.align import corpus_aliases

    aliases = corpus_aliases([Passage("a:p0", "a", 0, text, text)])
    if pair is None:
        assert aliases == {}
    else:
        assert aliases[pair[0]] == aliases[pair[1]]


def test_aliases_and_latin_names_in_mixed_words_become_shared_features() -> None:
    from compare.align import passage_features

    aliases = {"甲骨文": "〔甲骨文=oracle〕", "oracle": "〔甲骨文=oracle〕"}
    a = Passage("a:p0", "a", 0, "", "", tokens=("甲骨文", "数据库", "去IOE"))
    b = Passage("b:p0", "b", 0, "", "", tokens=("oracle", "数据库", "ioe"))
    assert set(passage_features(a, aliases)) & set(passage_features(b, aliases)) == {
        "数据库",
        "ioe",
        "〔甲骨文=oracle〕",
    }


def test_groups_that_mostly_overlap_are_merged_and_others_kept() -> None:
    from compare.align import merged_overlaps

    groups = [[0, 1, 2, 3], [2, 3, 4], [5, 6, 10], [6, 7, 8, 9]]
    assert merged_overlaps(groups) == [[0, 1, 2, 3, 4], [5, 6, 10], [6, 7, 8, 9]]
    assert merged_overlaps([]) == []
    # Two pairs sharing one passage (it covers both their topics) stay two topics.
    assert merged_overlaps([[0, 1], [1, 2]]) == [[0, 1], [1, 2]]


def test_a_group_tied_by_a_concept_is_labelled_with_the_word_it_uses_most() -> None:
    from compare.align import Labeller, passage_vectors

    passages = _two_sources(
        ("公司", "投入", "三年", "财报", "投入"),
        ("百度", "烧钱", "投入", "模型"),
        ("地铁", "车站", "票价", "乘客"),
        ("地铁", "线路", "车站", "通勤"),
    )
    vectors, vocabulary = passage_vectors(passages)
    labeller = Labeller.of(vectors, vocabulary)
    assert labeller.distinctive_terms(vectors, [0, 1], 3, passages)[0] == "投入"
    # Without the passages the concept cannot be named: nouns only.
    assert "投入" not in labeller.distinctive_terms(vectors, [0, 1], 3)


def test_an_unknown_word_of_one_passage_does_not_label_a_group() -> None:
    from compare.align import Labeller, passage_vectors

    passages = _two_sources(
        ("飞天", "操作系统", "辛孙", "辛孙"),  # 辛孙: a garbled run
        ("飞天", "操作系统", "研发"),
        ("地铁", "车站", "票价", "乘客"),
        ("地铁", "线路", "车站", "通勤"),
    )
    vectors, vocabulary = passage_vectors(passages)
    labeller = Labeller.of(vectors, vocabulary)
    terms = labeller.distinctive_terms(vectors, [0, 1], 3, passages)
    assert "辛孙" not in terms and "飞天" in terms
    assert "辛孙" in labeller.distinctive_terms(vectors, [0], 3, passages)  # a one-passage group may use it


def test_words_common_in_general_chinese_come_after_specific_ones_in_a_label() -> None:
    from compare.align import Labeller, passage_vectors, specific_word

    assert not specific_word("无法") and not specific_word("业务") and specific_word("救护车")
    passages = _two_sources(
        ("无法", "无法", "业务", "救护车", "医护人员"),
        ("无法", "业务", "业务", "救护车", "医护人员"),
        ("地铁", "车站", "票价", "乘客"),
        ("地铁", "线路", "车站", "通勤"),
    )
    vectors, vocabulary = passage_vectors(passages)
    terms = Labeller.of(vectors, vocabulary).distinctive_terms(vectors, [0, 1], 4, passages)
    assert set(terms[:2]) == {"救护车", "医护人员"} and set(terms[2:]) == {"无法", "业务"}


def test_cross_means_of_many_group_pairs_equal_their_mean_cross_similarity() -> None:
    passages, _ = _passages("subway", "transfer")
    chosen = [p for p in passages if len(p.tokens) >= 4]
    space = _space(chosen)
    n = len(chosen)
    groups = [list(range(0, n, 3)), list(range(1, n, 4)), [0, 1, 2], [n - 1, n - 2]]
    pairs = [(0, 1), (0, 2), (1, 3), (2, 3)]
    expected = [space.mean_cross_similarity(groups[a], groups[b]) for a, b in pairs]
    assert space.cross_means(groups, pairs) == pytest.approx(expected)


def test_groups_sharing_a_telling_term_merge_when_close_and_others_stay_apart() -> None:
    from compare.align import merged_related

    passages = _two_sources(
        # The line's cost, and its debt: two sides of one topic, both naming 省铁投.
        ("省铁投", "总投资", "概算", "超支", "亿元", "资本金"),
        ("省铁投", "总投资", "概算", "调增", "亿元", "资本金"),
        ("省铁投", "负债", "贷款", "亿元", "资本金", "利息"),
        ("省铁投", "负债", "债券", "亿元", "资本金", "到期"),
        # Fares: close in wording (亿元) but sharing no telling term with the others.
        ("票价", "二等座", "折扣", "亿元", "计次票", "通勤"),
        ("票价", "二等座", "浮动", "亿元", "计次票", "学生"),
    )
    space = _space(passages)
    groups = [[0, 1], [2, 3], [4, 5]]
    assert merged_related(space, passages, groups, frozenset(), 0.01) == [[0, 1, 2, 3], [4, 5]]
    # Not close enough: kept apart.
    assert merged_related(space, passages, groups, frozenset(), 0.99) == groups
    # No telling term in common: kept apart however close.
    assert merged_related(space, passages, groups, frozenset({"省铁投", "资本金"}), 0.01) == groups


def test_close_groups_merge_without_a_telling_term_and_distant_ones_do_not() -> None:
    from compare.align import merged_similar

    passages = _two_sources(
        # Two facts of a company's results, each a pair of passages tied by its figures.
        ("营收", "净利润", "同比", "增长", "46.8亿元", "业绩"),
        ("营收", "净利润", "按年", "增长", "46.8亿元", "业绩"),
        ("营收", "净利润", "下跌", "2.1亿元", "业绩", "现金"),
        ("营收", "净利润", "减少", "2.1亿元", "业绩", "现金流"),
        # Something else: the plant's workers.
        ("员工", "工资", "裁员", "社保", "停产", "培训"),
        ("员工", "工资", "八成", "公积金", "停产", "施工"),
    )
    space = _space(passages)
    groups = [[0, 1], [2, 3], [4, 5]]
    assert merged_similar(space, groups, 0.1) == [[0, 1, 2, 3], [4, 5]]
    assert merged_similar(space, groups, 0.99) == groups
    assert merged_similar(space, groups[:1], 0.1) == groups[:1]


def test_a_label_word_jieba_guessed_grows_to_the_whole_name_the_passages_write() -> None:
    members = [
        Passage("a:p0", "a", 0, "", "睿禾药业宣布召回，澜江城际铁路开通。"),
        Passage("b:p0", "b", 0, "", "睿禾药业股价下跌，澜江城际铁路客流不足。"),
        Passage("c:p0", "c", 0, "", "在全国百模大战中，睿禾药业的高血压患者来说很重要。"),
        Passage("d:p0", "d", 0, "", "百模大战之后，许多的高血压患者表示担心。"),
    ]
    assert label_terms(["禾药业", "际铁路"], members) == ["睿禾药业", "澜江城际铁路"]
    # A character that ends a verb (出现) is not part of the name after it.
    fish = [Passage("a:p0", "a", 0, "", "下游出现大面积死鱼。"), Passage("b:p0", "b", 0, "", "河里出现大面积死鱼。")]
    assert label_terms(["面积死鱼"], fish) == ["大面积死鱼"]
    # Nor is the measure word after a count (37人 + 血镍指标).
    blood = [
        Passage("a:p0", "a", 0, "", "其中37人血镍指标偏高。"),
        Passage("b:p0", "b", 0, "", "共37人血镍指标高于参考值。"),
    ]
    assert label_terms(["血镍指标"], blood) == ["血镍指标"]
    # A grown word that holds one already shown takes its place.
    assert label_terms(["大战", "百模"], members) == ["百模大战"]
    # It does not grow over a function character (的).
    assert label_terms(["高血压患者"], members) == ["高血压患者"]
    # Nor into the word before it that jieba reads whole (被告人|罗振邦: 人 is not part of the name).
    accused = [
        Passage("a:p0", "a", 0, "", "对被告人罗振邦以集资诈骗罪判处无期徒刑。"),
        Passage("b:p0", "b", 0, "", "被告人罗振邦当庭表示上诉。"),
    ]
    assert label_terms(["罗振邦"], accused) == ["罗振邦"]


def test_a_group_without_a_telling_term_needs_less_cohesion_the_more_passages_it_holds() -> None:
    from compare.align import GROUP_COHESION, STRONG_COHESION, strongly_cohesive

    options = BuildOptions(topic_cohesion=0.1)
    between = (GROUP_COHESION + STRONG_COHESION) / 2 * 0.1
    assert not strongly_cohesive([0, 1], between, options)  # a pair this close may be a coincidence
    assert strongly_cohesive([0, 1, 2], between, options)
    assert strongly_cohesive([0, 1], STRONG_COHESION * 0.1, options)
    assert not strongly_cohesive([0, 1, 2], GROUP_COHESION * 0.09, options)


def _with_sources(extra: dict[str, list[str]]) -> tuple[tuple[Passage, ...], tuple[str, ...]]:
    """The subway corpus plus more sources (first line of each: its title)."""
    docs = []
    for source, lines in {**SUBWAY, **extra}.items():
        text = "\n".join(lines)
        docs.append(clean_document(RawDocument(source, f"{source}.txt", text, "utf-8", len(text.encode()))))
    return segment_documents(docs), tuple(d.id for d in docs)


# A portal reposting metro_daily under its own title, and a paper quoting one of its paragraphs.
REPOST = {"portal_repost": ["江州地铁7号线开通 来源：江州日报", *SUBWAY["metro_daily"][1:]]}
QUOTING = {
    "evening_news": [
        "地铁开通后的南部新城",
        SUBWAY["metro_daily"][2],
        "南部新城的商场老板说，地铁开通后周末的客流比上个月多了三成，餐饮店门口又排起了长队。",
        "区政府计划明年在新城再建两所小学和一座社区医院，配套设施正在加快完善。",
        "也有居民担心，房价上涨会让年轻人更难在新城安家，希望政府增加保障性租赁住房的供应。",
    ]
}


def test_republications_find_a_repost_and_not_a_source_quoting_one_paragraph() -> None:
    passages, _ = _with_sources({**REPOST, **QUOTING})
    assert republications(passages) == (Republication("portal_repost", "metro_daily", 1.0),)


def test_a_paragraph_another_source_prints_word_for_word_names_where_even_split_in_two() -> None:
    riders = SUBWAY["metro_daily"][3]
    portal = {
        "wire_portal": [
            "地铁7号线开通",
            "江州地铁7号线今天上午正式开通运营，线路全长二十八公里。",  # metro_daily's opening, in two
            "共设十八座车站，连接城北火车站和南部新城。",
            riders.replace("以前坐公交要一个半小时", "过去通勤要倒两趟车"),  # reworded: not word for word
            "全程最高票价7元。",  # a stock line: too short to call a copy
        ]
    }
    passages, _ = _with_sources({**SUBWAY, **portal})
    marked = {p.id: p.verbatim_in for p in mark_verbatim(passages) if p.verbatim_in}
    assert marked == {
        "metro_daily:p0": ("wire_portal:p0", "wire_portal:p1"),
        "wire_portal:p0": ("metro_daily:p0",),
        "wire_portal:p1": ("metro_daily:p0",),
    }


def test_of_two_sources_carrying_each_other_the_one_published_first_is_the_original() -> None:
    passages, _ = _with_sources({"wire_copy": SUBWAY["metro_daily"]})
    assert [c.source for c in republications(passages)] == ["wire_copy"]  # same length: the one listed later
    dates = {"metro_daily": "2024-06-02", "wire_copy": "2024-06-01"}
    assert republications(passages, dates) == (Republication("metro_daily", "wire_copy", 1.0),)
    # on one day, the one whose text says it is a repost (原标题：…) is the copy
    same_day = dict.fromkeys(("metro_daily", "wire_copy"), "2024-06-01")
    assert republications(passages, same_day, {"metro_daily"}) == (Republication("metro_daily", "wire_copy", 1.0),)


def test_a_repost_and_its_original_alone_make_no_topic() -> None:
    passages, source_ids = _with_sources(REPOST)
    copies = republications(passages)
    mural = {"metro_daily:p3", "portal_repost:p3"}  # the mural paragraph: only metro_daily and its repost
    topics, _ = align(passages, (), source_ids, DEFAULTS)
    assert any(mural <= set(t.passages) and len(t.sources) == 2 for t in _discovered(topics))
    topics, _ = align(passages, (), source_ids, DEFAULTS, copies)
    assert not any(set(t.sources) <= {"metro_daily", "portal_repost"} for t in _discovered(topics))
    # the topics the other sources share still hold the repost beside its original
    assert any({"metro_daily:p1", "portal_repost:p1", "morning_post:p1"} <= set(t.passages) for t in topics)


def test_a_source_and_its_repost_count_once_towards_a_blindspot() -> None:
    passages = [Passage(f"{s}:p0", s, 0, "一" * 20, "一" * 20, topics=("t1",) if s != "a" else ()) for s in "abc"]
    topics = [Topic("t1", "one", (), "discovered", ("b:p0", "c:p0"), ("b", "c"), ("a",))]
    assert coverage_matrix(passages, topics, ["a", "b", "c"])[0].blindspots == ("t1",)
    copies = [Republication("c", "b", 1.0)]
    assert coverage_matrix(passages, topics, ["a", "b", "c"], copies)[0].blindspots == ()
