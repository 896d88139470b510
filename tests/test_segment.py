"""Segment: jieba tokenization with the user dictionary, sentence splitting, passages."""

from __future__ import annotations

import jieba
import pytest

from compare.clean import clean_document
from compare.model import RawDocument
from compare.resources import read_text
from compare.script import to_simplified, to_traditional
from compare.segment import (
    content_tokens,
    segment_documents,
    split_at_topic_shift,
    split_sentences,
    stopwords,
    tag,
    tokenize,
)

USER_TERMS = ["去IOE", "资本开支", "通义千问"]
USER_TERM_SENTENCE = "阿里巴巴决定去IOE，提高资本开支，并发布通义千问大模型。"


@pytest.mark.parametrize("term", USER_TERMS)
def test_tokenize_keeps_user_dictionary_terms_whole(term: str) -> None:
    """Regression: a user dictionary loaded into another tokenizer (e.g. global jieba) has no effect."""
    assert term in tokenize(USER_TERM_SENTENCE)


@pytest.mark.parametrize("term", USER_TERMS)
def test_tag_keeps_user_dictionary_terms_whole(term: str) -> None:
    assert term in [word for word, _ in tag(USER_TERM_SENTENCE)]


def user_words() -> list[str]:
    """Every word of the packaged user dictionary."""
    text = read_text("userdict.txt")
    return [line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("word", user_words())
def test_every_user_word_stays_whole_between_quotes(word: str) -> None:
    """Regression: a user word whose frequency loses to its characters' (飞天 cut 飞 / 天) is tuned up."""
    assert word in tokenize(f"他们研发出“{word}”系统")


@pytest.mark.parametrize("verb", ["上市", "问世", "开业", "通车", "首发", "弃用"])
def test_event_verbs_jieba_tags_as_nouns_or_places_are_verbs(verb: str) -> None:
    """jieba's own dictionary tags these as places (上市 ns), nouns or nothing; event dates need verbs."""
    assert (verb, "v") in tag(f"公司于2021年在当地{verb}")


@pytest.fixture(scope="module")
def plain_jieba_tokens() -> list[str]:
    """The sentence as jieba segments it without the user dictionary."""
    return jieba.Tokenizer().lcut(USER_TERM_SENTENCE)


@pytest.mark.parametrize("term", USER_TERMS)
def test_user_terms_need_the_user_dictionary(term: str, plain_jieba_tokens: list[str]) -> None:
    """Guards the two tests above: plain jieba splits these terms, so keeping them whole is the dictionary's doing."""
    assert term not in plain_jieba_tokens


def test_tokenize_drops_whitespace() -> None:
    assert tokenize("公司 ABC  发布\n模型") == ["公司", "ABC", "发布", "模型"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们的公司，2024！", ["公司"]),
        ("我们在2024年的3800亿投资，是的！", ["投资"]),
        ("公司 ABC 发布 GPT-4 模型", ["公司", "abc", "发布", "gpt", "模型"]),
        ("面向To B客户的The Cloud平台", ["面向", "客户", "cloud", "平台"]),  # English function words too
        ("阿里巴巴决定去IOE，提高资本开支。", ["阿里巴巴", "决定", "去IOE", "提高", "资本开支"]),
        ("一 二 三", []),
        ("", []),
    ],
)
def test_content_tokens(text: str, expected: list[str]) -> None:
    assert content_tokens(text) == expected


def test_content_tokens_drops_stopwords_punctuation_and_digits() -> None:
    tokens = content_tokens("我们认为，这个项目在2024年已经完成了80%，但是还有一些问题！")
    assert tokens  # the sentence has content words
    assert not set(tokens) & stopwords()
    assert not any(t.isdigit() or len(t) < 2 for t in tokens)
    assert all(any(ch.isalnum() for ch in t) for t in tokens)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天下雨了。明天呢？我不知道！", ["今天下雨了。", "明天呢？", "我不知道！"]),
        ("第一句；第二句", ["第一句；", "第二句"]),
        ("他说：“我们会赢。”然后走了。", ["他说：“我们会赢。”", "然后走了。"]),
        ("他问：“真的吗？”她点头。", ["他问：“真的吗？”", "她点头。"]),
        ("「好的。」她回答。", ["「好的。」", "她回答。"]),
        ("他说：“好。”", ["他说：“好。”"]),
        ("他犹豫了……最后还是答应了。", ["他犹豫了……", "最后还是答应了。"]),
        ("等等……", ["等等……"]),
        ("好！！真的？！", ["好！！", "真的？！"]),
        ("数字3.5不会断开。", ["数字3.5不会断开。"]),
        ("Really? Yes!", ["Really?", "Yes!"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_split_sentences_keeps_nested_closing_quotes_together() -> None:
    """Regression: a sentence ending in two closing quotes (。’”) must not be split between them."""
    assert split_sentences("他说：“老板说‘好。’”然后走了。") == ["他说：“老板说‘好。’”", "然后走了。"]


def _doc(doc_id: str, *lines: str, traditional: bool = False) -> RawDocument:
    text = "\n".join(lines)
    return RawDocument(doc_id, f"{doc_id}.txt", text, "big5" if traditional else "utf-8", len(text.encode()))


def test_segment_documents_joins_lead_in_and_skips_headings() -> None:
    doc = clean_document(
        _doc(
            "daily",
            "云计算的未来",  # title: a heading
            "王坚曾指出：",
            "云计算会像水和电一样成为公共服务，这是一个长期的过程。",
            "市场反应",  # section heading
            "市民们对新的云服务普遍表示满意，认为办事更方便了。",
        )
    )
    passages = segment_documents([doc])
    assert [p.text for p in passages] == [
        "王坚曾指出：云计算会像水和电一样成为公共服务，这是一个长期的过程。",
        "市民们对新的云服务普遍表示满意，认为办事更方便了。",
    ]
    assert [(p.id, p.source, p.index) for p in passages] == [("daily:p0", "daily", 0), ("daily:p1", "daily", 1)]
    assert "王坚" in passages[0].tokens
    assert "云计算" in passages[0].tokens


def test_segment_documents_lead_in_at_the_end_stays_a_passage() -> None:
    doc = clean_document(_doc("daily", "市民们对新的云服务普遍表示满意，认为办事更方便了。", "王坚曾指出："))
    assert [p.text for p in segment_documents([doc])] == [
        "市民们对新的云服务普遍表示满意，认为办事更方便了。",
        "王坚曾指出：",
    ]


def test_segment_documents_tokens_come_from_simplified_text() -> None:
    docs = [
        clean_document(_doc("daily", "阿里巴巴决定去IOE，提高资本开支，并发布通义千问大模型。")),
        clean_document(_doc("herald", "阿里巴巴決定去IOE，提高資本開支，並發佈通義千問大模型。", traditional=True)),
    ]
    daily, herald = segment_documents(docs)
    assert herald.text == "阿里巴巴決定去IOE，提高資本開支，並發佈通義千問大模型。"
    assert herald.text_simplified == daily.text
    assert herald.tokens == daily.tokens
    assert "资本开支" in herald.tokens


SUBWAY_SENTENCES = (
    "江州地铁7号线今天上午正式开通运营，线路全长二十八公里，共设十八座车站。"
    "7号线票价实行里程计价，起步价为2元，全程最高票价7元，乘客可以手机扫码进站。"
    "开通首日不少市民专程赶来乘坐地铁，车站内秩序井然，地铁工作人员在站台引导乘客。"
)
FOOTBALL_SENTENCES = (
    "另据报道，上海海港足球俱乐部宣布引进国脚前锋李明，双方签约五年。"
    "李明上赛季在中超联赛出场二十八次，打进十九个进球，还送出七次助攻。"
    "泰山队主教练表示尊重球员的选择，感谢李明过去六个赛季为球队做出的贡献。"
)


def test_paragraph_that_changes_subject_is_split_where_it_changes() -> None:
    text = SUBWAY_SENTENCES + FOOTBALL_SENTENCES
    parts = split_at_topic_shift(text, text)
    assert [p[0] for p in parts] == [SUBWAY_SENTENCES, FOOTBALL_SENTENCES]


def test_coherent_long_paragraph_is_not_split() -> None:
    assert split_at_topic_shift(SUBWAY_SENTENCES * 2, SUBWAY_SENTENCES * 2) == [(SUBWAY_SENTENCES * 2,) * 2]


def test_split_keeps_the_original_script_aligned_with_the_simplified_text() -> None:
    traditional = to_traditional(SUBWAY_SENTENCES + FOOTBALL_SENTENCES)
    parts = split_at_topic_shift(traditional, SUBWAY_SENTENCES + FOOTBALL_SENTENCES)
    assert [p[1] for p in parts] == [SUBWAY_SENTENCES, FOOTBALL_SENTENCES]
    assert "".join(p[0] for p in parts) == traditional


def test_split_passages_are_numbered_in_reading_order() -> None:
    doc = clean_document(RawDocument("m", "m.txt", "标题行\n" + SUBWAY_SENTENCES + FOOTBALL_SENTENCES, "utf-8", 1))
    passages = segment_documents([doc])
    assert [(p.id, p.index) for p in passages] == [("m:p0", 0), ("m:p1", 1)]
    assert passages[1].text == FOOTBALL_SENTENCES


def test_corpus_terms_are_compound_nouns_two_sources_use() -> None:
    from compare.segment import corpus_terms, merge_terms

    line = "头部企业纷纷加码，多家头部企业表示将继续投入。"
    docs = [
        clean_document(RawDocument("a", "a.txt", f"{line}\n另一段头部企业的消息。", "utf-8", 1)),
        clean_document(RawDocument("b", "b.txt", "分析认为头部企业优势明显。", "utf-8", 1)),
        clean_document(RawDocument("c", "c.txt", "头部企业只在这里出现一次也算。", "utf-8", 1)),
    ]
    terms = corpus_terms(docs)
    assert "头部企业" in terms
    assert "头部企业" in content_tokens("这些头部企业", terms)
    assert not corpus_terms(docs[:1])  # one source alone does not make a term
    assert merge_terms(["头部", "企业", "很多"], frozenset({"头部企业"})) == ["头部企业", "很多"]
    assert merge_terms(["头部", "企业"], frozenset()) == ["头部", "企业"]


def test_a_title_before_a_name_is_not_a_corpus_term() -> None:
    from compare.segment import corpus_terms

    # 市长 + 何静仪 is a title and a person (jieba's guesser reads the name as nr), 被告单位 + 汇鼎 a
    # role and a company: each part must stay a token of its own, so the name matches where it stands
    # alone. 小鹏 + 汽车 (a name before a noun) is a compound.
    lines = ["市长何静仪表示，被告单位汇鼎公司将由小鹏汽车接手。", "市长何静仪说，被告单位汇鼎的小鹏汽车来了。"]
    docs = [
        clean_document(RawDocument(s, f"{s}.txt", line * 2, "utf-8", 1)) for s, line in zip("ab", lines, strict=True)
    ]
    terms = corpus_terms(docs)
    assert "小鹏汽车" in terms
    assert not {"市长何静仪", "单位汇鼎"} & terms


def test_a_word_that_qualifies_the_next_is_not_part_of_a_corpus_term() -> None:
    from compare.segment import corpus_terms

    # 全部 and 当庭 are nouns in jieba's dictionary, but 个人+全部 (财产) and 罗振邦+当庭 (表示) are not compounds.
    line = "法院没收罗振邦个人全部财产。罗振邦当庭表示上诉。"
    docs = [clean_document(RawDocument(s, f"{s}.txt", line * 2, "utf-8", 1)) for s in "ab"]
    assert not {"个人全部", "罗振邦当庭"} & corpus_terms(docs)


def test_names_jieba_glued_to_a_neighbouring_word_are_cut_free() -> None:
    # jieba reads 被告人|罗振邦 in one sentence and 控制|人罗振邦 in another; 对星衡 glues a preposition.
    docs = [
        clean_document(_doc("a", "平台实际控制人罗振邦受审。", "罗振邦当庭表示不服。", "星衡科技发布新品。")),
        clean_document(_doc("b", "被告人罗振邦以集资诈骗罪被判刑。", "分析师对星衡前景乐观。", "星衡的芯片量产。")),
        clean_document(_doc("c", "罗振邦的律师表示将上诉。", "星衡再获融资。", "临渚市楼市回暖。临渚的房价上涨。")),
        clean_document(_doc("d", "临渚的成交量增加。")),
    ]
    tokens = {t for p in segment_documents(docs) for t in p.tokens}
    assert {"罗振邦", "星衡"} <= tokens
    assert not {"人罗振邦", "对星衡"} & tokens
    assert "临渚市" in tokens  # a noun after a name is part of it


WORDS_SENTENCE = "寧川電池的負責人柯文遠表示，明年將擴產。"


def test_user_words_are_kept_whole_and_tagged_only_within_the_block() -> None:
    from compare.model import UserWord
    from compare.segment import user_words, word_tag

    text = to_simplified(WORDS_SENTENCE)
    before = tokenize(text)
    assert "宁川电池" not in before and "柯文远" not in before  # plain jieba splits both
    with user_words([UserWord("宁川电池", "nt"), UserWord("柯文远", "nr")]):
        assert {"宁川电池", "柯文远"} <= set(tokenize(text))
        assert ("柯文远", "nr") in tag(text)
        assert word_tag("宁川电池") == "nt"
    assert tokenize(text) == before and word_tag("宁川电池") is None
