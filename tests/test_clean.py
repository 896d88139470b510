"""Clean: pinyin, broken characters, page chrome, repeated blocks, and the removal audit."""

from __future__ import annotations

import pytest

from compare.clean import (
    SAMPLE_CHARS,
    chrome_rules,
    clean_corpus,
    clean_document,
    cut_at_body_end,
    find_byline,
    is_chrome_line,
    realign_bytes,
    strip_broken,
    strip_pinyin,
)
from compare.model import CleanDocument, RawDocument

# --- strip_pinyin ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("簡(jiǎn)陋的房子", "簡陋的房子"),
        ("寫（xiě）字", "寫字"),
        ("簡(jiǎn lòu)陋", "簡陋"),
        ("去IOE(IBM小型机+Oracle数据库+EMC存储)", "去IOE(IBM小型机+Oracle数据库+EMC存储)"),
        ("人工超级智能(ASI)", "人工超级智能(ASI)"),
        ("按词元(token)计费", "按词元(token)计费"),
        # A neutral-tone syllable alone is not enough evidence of pinyin...
        ("他的(de)书", "他的(de)书"),
        # ...but in a text that has toned pinyin it is removed too.
        ("他的(de)书很簡(jiǎn)陋", "他的书很簡陋"),
        ("没有拼音的句子。", "没有拼音的句子。"),
        # Its opening bracket turned into "?" by a broken encoding: still pinyin.
        ("张勇兼任CEO，是因?yàn)GPT这事太大。", "张勇兼任CEO，是因GPT这事太大。"),
        ("这是为什么?(我问)", "这是为什么?(我问)"),
    ],
)
def test_strip_pinyin(text: str, expected: str) -> None:
    cleaned, removed = strip_pinyin(text)
    assert cleaned == expected
    assert removed == len("".join(text.split())) - len("".join(cleaned.split()))  # whitespace is not counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("簡(jiǎn)陋，人工超级智能(ASI)", "簡陋，人工超级智能(ASI)"),
        ("簡(jiǎn)陋，去IOE(IBM小型机+Oracle数据库+EMC存储)", "簡陋，去IOE(IBM小型机+Oracle数据库+EMC存储)"),
        ("簡(jiǎn)陋，模型按词元(token)计费", "簡陋，模型按词元(token)计费"),
        ("簡(jiǎn)陋，智能体(agent)", "簡陋，智能体(agent)"),
    ],
    ids=["ASI", "IOE", "token", "agent"],
)
def test_strip_pinyin_keeps_english_glosses_in_a_text_with_pinyin(text: str, expected: str) -> None:
    """Regression: once a text has toned pinyin, any 1–6 lowercase letters after a Han are taken for pinyin."""
    assert strip_pinyin(text)[0] == expected


# --- strip_broken ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        ("地铁\ufffd开通", "地铁开通", 1),
        ("地铁\ufffd\ufffd\ufffd开通", "地铁开通", 3),
        ("地铁\ue000\uf8ff开通", "地铁开通", 2),
        ("地铁???开通", "地铁开通", 3),
        ("地铁？？？？开通", "地铁开通", 4),
        ("真的吗??", "真的吗??", 0),  # two question marks can be real punctuation
        ("真的吗？", "真的吗？", 0),
    ],
    ids=[
        "replacement",
        "replacement-run",
        "private-use",
        "ascii-question-run",
        "fullwidth-question-run",
        "two-q",
        "one-q",
    ],
)
def test_strip_broken(text: str, expected: str, removed: int) -> None:
    assert strip_broken(text) == (expected, removed)


# --- realign_bytes ---------------------------------------------------------------------------------


def _one_byte_off(text: str, lost_last: bool = False) -> str:
    """Text as a page shows it when a byte before it was lost: its GB18030 bytes paired one byte off."""
    data = b"\xe9" + text.encode("gb18030")
    return (data[:-1] if lost_last else data).decode("gb18030")


@pytest.mark.parametrize(
    ("before", "garbled", "after", "expected"),
    [
        # Pinyin of the broken character, then the run; ASCII puts the bytes back in step (7號線).
        ("车站?zhàn)", _one_byte_off("江州地鐵7號線開通"), "。", "车站?zhàn)江州地鐵7號線開通。"),
        # Its last byte lost too: the run ends where it went, the rest is re-read.
        ("因?yàn)", _one_byte_off("公司今年的营业收入", lost_last=True), "?，", "因?yàn)公司今年的营业收"),
    ],
)
def test_realign_bytes_rereads_a_run_garbled_by_a_lost_byte(
    before: str, garbled: str, after: str, expected: str
) -> None:
    text, count, sample = realign_bytes(before + garbled + after)
    assert text.startswith(expected)
    assert (count, sample) == (len(garbled), garbled)


@pytest.mark.parametrize(
    "text",
    [
        "驱动起来?阿里定下了两条实施路径。",  # a question mark before ordinary words
        "他问?zěn)么办",  # words already
        "这是为什么?(我问)",
    ],
)
def test_realign_bytes_leaves_text_that_reads_as_words(text: str) -> None:
    assert realign_bytes(text) == (text, 0, "")


# --- is_chrome_line -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "分享至",
        "评论：",
        "扫一扫下载APP",
        "责任编辑：张三",
        "来源：新华社",
        "2024-05-17 10:30",
        "正在阅读：",
        "相关阅读",
        "热门推荐",
        "关注我们",
        "首页 > 科技",
        "上一篇：地铁票价调整",
        "科技",
        "点击上方蓝字“老周笔记”关注我，每周一篇。",
        "【普通話學習版】本版部分字詞附漢語拼音，方便讀者學習普通話。",
        "11-27 22:41 来自 iPhone客户端",
        "转发 326 ｜ 评论 158 ｜ 赞 1204",
        "特此公告。",
        "【责任编辑：林晓】",
        "（原标题：橙骑科技将为8城全职骑手缴纳社保）",
        "2024-11-27 22:41 來自 HUAWEI Mate 60客戶端",
    ],
)
def test_is_chrome_line_on_chrome(line: str) -> None:
    assert is_chrome_line(line, chrome_rules())


@pytest.mark.parametrize(
    "line",
    [
        "阿里云宣布降价，分享了新的计划。",
        "编辑部今天收到读者来信，表示支持。",
        "2024年5月17日，地铁十九号线开通。",
        "评论区里有很多讨论。",
        "科技公司今天发布财报。",
        "他来自客户端",
        # A long paragraph is never removed by a line pattern, even if it matches one.
        "责任编辑：" + "这是一段很长的正文，讲述地铁开通的经过和市民的反应。" * 2,
    ],
)
def test_is_chrome_line_on_prose(line: str) -> None:
    assert not is_chrome_line(line, chrome_rules())


@pytest.mark.parametrize(
    ("line", "author", "outlet", "date"),
    [
        ("文|江州晚报", "江州晚报", None, None),
        ("记者：王明、李华", "王明、李华", None, None),
        ("本报记者 蒋若衡 通讯员 石佩", "蒋若衡", None, None),
        ("新华社记者 王明 2025年3月1日", "王明", "新华社", "2025-03-01"),
        ("枫川眼APP 记者 罗一苇 2024-12-10 08:30", "罗一苇", "枫川眼APP", "2024-12-10"),
        ("原创 柯望川 枫川茶话 2024-11-28 20:15", "柯望川", "枫川茶话", "2024-11-28"),
        ("《經緯財訊》記者梁穎珊特約記者何俊 2025年4月14日", "梁穎珊", "經緯財訊", "2025-04-14"),
        ("文／本刊記者葉知秋、梁硯", "葉知秋、梁硯", None, None),
        ("2025年4月23日記者：梁穎詩", "梁穎詩", None, None),
        ("本报记者 龙晓岚 通讯员 彭 楚", "龙晓岚", None, None),
        ("文｜本刊记者 祁远山 发自沅城、濛江", "祁远山", None, None),
        ("沅西省气象台　　　　2024年8月13日16时", None, "沅西省气象台", "2024-08-13"),
        ("青澜环境观察中心　简报2025年第3号　发布日期：2025年3月13日", None, "青澜环境观察中心", "2025-03-13"),
        ("时间：2025年3月12日16:00　地点：临江县人民政府新闻发布厅", None, None, "2025-03-12"),
        ("本報記者 麥婉晴 霽州報道", "麥婉晴", None, None),
        ("云帆科技控股有限公司董事会　２０２５年３月１８日", None, "云帆科技控股有限公司董事会", "2025-03-18"),
    ],
)
def test_find_byline_reads_author_outlet_and_date(line: str, author: str, outlet: str | None, date: str | None) -> None:
    byline = find_byline(["地铁7号线开通", line, "江州地铁7号线今天上午正式开通运营。"], chrome_rules())
    assert byline is not None and (byline.line, byline.author, byline.outlet, byline.date) == (
        line,
        author,
        outlet,
        date,
    )


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        (
            "（华讯社澜州3月12日电　记者唐亦舟　葛蔓）澜州省临江县一化工厂12日凌晨发生液氯泄漏。",
            "唐亦舟、葛蔓",
            "华讯社",
        ),
        ("新华社北京3月12日电（记者 王明）江州地铁7号线今天开通。", "王明", "新华社"),
        ("本报讯（记者 李华 通讯员 张三）江州地铁7号线今天开通。", "李华", None),
        ("〔寰島新聞國際中心／綜合報導〕中國大陸一座化工廠12日凌晨發生氯氣外洩。", None, "寰島新聞"),
        ("〔記者沈佳穎／綜合報導〕芯穹今天在香港掛牌。", "沈佳穎", None),
    ],
)
def test_a_wires_dateline_names_its_outlet_and_reporters_and_stays_in_the_text(
    line: str, author: str | None, outlet: str | None
) -> None:
    doc = _clean("地铁7号线开通", line, *BODY)
    assert (doc.author, doc.outlet) == (author, outlet)
    assert doc.paragraphs[1].text == line.replace("　", "").replace(" ", "")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("（香港，2025年3月17日）恆瀾銀行有限公司今日宣布，本行一家服務供應商發生保安事故。", "2025-03-17"),
        ("上海，2025年3月17日——星衡科技今天发布新一代芯片。", "2025-03-17"),
        ("（2025年3月17日）星衡科技今天发布新一代芯片。", None),  # a date alone is not a dateline
    ],
)
def test_a_press_releases_place_and_date_date_it(line: str, date: str | None) -> None:
    doc = _clean("恆瀾銀行發表聲明", line, *BODY)
    assert doc.date == date
    assert doc.paragraphs[1].text == line


def test_a_transcripts_labels_on_their_own_lines_join_their_words() -> None:
    doc = _clean(
        "居民访谈实录",
        "记者：",
        "事发当晚您是怎么发现火警的？",
        "居民陈女士：",
        "大概两点十分左右吧，我先闻到一股焦味。",
        "记者：",
        "您觉得疏散人数准确吗？",
    )
    assert [p.text for p in doc.paragraphs[1:]] == [
        "记者：事发当晚您是怎么发现火警的？",
        "居民陈女士：大概两点十分左右吧，我先闻到一股焦味。",
        "记者：您觉得疏散人数准确吗？",
    ]
    assert [p.text for p in _clean("致全体员工的信", "各位同事：", *BODY).paragraphs[1:3]] == ["各位同事：", BODY[0]]


def test_a_news_desk_is_not_an_outlet() -> None:
    doc = _clean(TITLE, "〔國際中心／綜合報導〕新加坡一棟組屋13日深夜傳出火警，已造成3人死亡。", *BODY)
    assert (doc.outlet, doc.author) == (None, None)


def test_a_release_closing_with_its_date_and_time_is_dated() -> None:
    doc = _clean("立法會十題：銀行外判服務的資料保安", *BODY, "完", "2025年4月2日（星期三）", "香港時間14時30分")
    assert doc.date == "2025-04-02"
    assert [p.text for p in doc.paragraphs[1:]] == BODY
    assert _clean(TITLE, *BODY, "2025年4月2日").date is None  # a bare date may end a list of links


def test_a_press_releases_end_mark_ends_its_body() -> None:
    about = "恆瀾銀行有限公司於1982年在香港成立，為香港上市公司，提供零售銀行及財富管理服務。"
    doc = _clean("恆瀾銀行發表聲明", *BODY, "－完－", "關於恆瀾銀行", about, "媒體查詢：", "電郵：media@example.hk")
    assert [p.text for p in doc.paragraphs[1:]] == BODY


@pytest.mark.parametrize("line", ["本报记者从市发改委获悉", "原创内容，转载请注明出处。"])
def test_find_byline_leaves_prose_alone(line: str) -> None:
    assert find_byline([line], chrome_rules()) is None


def test_a_byline_date_is_the_article_date() -> None:
    doc = _clean("地铁7号线开通", "新华社记者 王明 2025年3月1日", *BODY)
    assert (doc.outlet, doc.author, doc.date) == ("新华社", "王明", "2025-03-01")


@pytest.mark.parametrize(
    ("line", "reposted"),
    [("（原标题：江州地铁7号线今日开通）", True), ("本文转自江州晚报。", True), ("来源：新华社", False)],
)
def test_a_text_that_says_it_is_a_repost_is_marked(line: str, reposted: bool) -> None:
    assert _clean("地铁7号线开通", *BODY, line).reposted is reposted


@pytest.mark.parametrize(
    ("tail", "outlet", "date"),
    [
        (["青岚航空股份有限公司", "2025年3月15日"], "青岚航空股份有限公司", "2025-03-15"),
        (
            ["特此公告。", "启钒电池科技股份有限公司董事会", "2024年6月8日"],
            "启钒电池科技股份有限公司董事会",
            "2024-06-08",
        ),
        (["民航东岭地区管理局", "2025年3月16日", "（此件公开发布）"], "民航东岭地区管理局", "2025-03-16"),
        (["特此声明。", "恒远化工有限公司", "二〇二五年三月十二日"], "恒远化工有限公司", "2025-03-12"),
    ],
)
def test_a_statements_closing_signature_gives_its_outlet_and_date(tail: list[str], outlet: str, date: str) -> None:
    doc = _clean("关于客舱冒烟事件的情况说明", *BODY, *tail)
    assert (doc.outlet, doc.date) == (outlet, date)
    assert [p.text for p in doc.paragraphs][1:4] == BODY
    assert outlet not in [p.text for p in doc.paragraphs]


def test_a_last_line_naming_a_body_without_a_date_is_kept() -> None:
    doc = _clean(TITLE, *BODY, "市交通运输局")
    assert doc.outlet is None and doc.paragraphs[-1].text == "市交通运输局"


def test_a_byline_is_read_with_the_spaces_that_separate_its_fields() -> None:
    # normalizing drops a space between two Han characters, which would run author and account together
    doc = _clean("水价要涨两成", "原创 柯望川　枫川茶话 2024-11-28 20:15", *BODY)
    assert (doc.author, doc.outlet, doc.date) == ("柯望川", "枫川茶话", "2024-11-28")
    assert [r.sample for r in doc.removed] == ["原创柯望川枫川茶话 2024-11-28 20:15"]


# --- cut_at_body_end ------------------------------------------------------------------------------

BODY = [
    "江州地铁7号线今天上午正式开通运营，线路全长二十八公里，共设十八座车站。",
    "7号线票价实行里程计价，起步价为2元，全程最高票价7元，乘客可以手机扫码进站。",
    "开通首日，不少市民专程赶来乘坐，一位乘客说，现在四十分钟就能到公司。",
]


@pytest.mark.parametrize(
    "marker",
    [
        "本文为转载内容，版权归原作者所有。",
        "本文来源：枫川茶话（ID：fengchuanchahua），作者：柯望川。",
        "图文整理自网络，转载请联系后台授权。",
        "未经授权，不得转载。",
        "未經本網書面許可不得轉載",
    ],
)
def test_cut_at_body_end_cuts_at_a_marker_after_the_body(marker: str) -> None:
    lines = [*BODY, marker, "某明星深夜现身机场引发围观"]
    body, tail = cut_at_body_end(lines, chrome_rules())
    assert body == BODY
    assert tail == lines[3:]


def test_cut_at_body_end_ignores_a_marker_before_most_of_the_prose() -> None:
    lines = ["本文为原创内容，欢迎阅读。", *BODY]
    assert cut_at_body_end(lines, chrome_rules()) == (lines, [])


def test_unauthorised_transactions_in_the_story_are_not_a_copyright_notice() -> None:
    lines = [*BODY, "银行承诺全数承担客户因事件而蒙受的未經授權交易损失。", "截至3月31日，银行已向约九成客户发出通知。"]
    assert cut_at_body_end(lines, chrome_rules()) == (lines, [])


def test_cut_at_body_end_without_marker() -> None:
    assert cut_at_body_end(BODY, chrome_rules()) == (BODY, [])


# --- text copied out of a PDF ----------------------------------------------------------------------

WRAPPED_PARAGRAPHS = [
    "江州地铁7号线今天上午正式开通运营，线路全长二十八公里，共设十八座车站，连接城北火车站和南部新城，"
    "沿线居民出行时间大幅缩短。",
    "7号线票价实行里程计价，起步价为2元，全程最高票价7元，乘客可以使用手机扫码进站，也可以刷交通卡乘车。",
    "开通首日，不少市民专程赶来乘坐，一位在南部新城上班的乘客说，以前坐公交要一个半小时，现在四十分钟就能到公司。",
    "沿线的文化广场站墙面上装饰着本地艺术家创作的大型壁画，描绘了江州老城的街巷风貌和传统节庆，吸引市民驻足。",
]


def _wrapped(paragraphs: list[str], columns: int) -> list[str]:
    """Paragraphs as a PDF's text layer gives them: indented, broken every `columns` characters."""
    lines = []
    for text in paragraphs:
        text = "\u3000\u3000" + text
        lines += [text[i : i + columns] for i in range(0, len(text), columns)]
    return lines


def test_text_copied_out_of_a_pdf_is_rejoined_and_its_page_furniture_dropped() -> None:
    lines = _wrapped(WRAPPED_PARAGRAPHS, 18)
    # a page break inside the third paragraph: page number, the next page's running header, a jump note
    at = lines.index(next(line for line in lines if line.startswith("\u3000\u3000开通首日"))) + 2
    lines[at - 1] += "（下转A7版）"
    lines[at:at] = ["— 1 —", "江州晚报　2024年6月1日　A7　城事", "（上接A6版）"]
    doc = _clean("地铁7号线开通", "江州晚报　2024年6月1日　A6　城事", *lines)
    assert [p.text for p in doc.paragraphs if not p.heading] == WRAPPED_PARAGRAPHS
    assert [r.reason for r in doc.removed] == ["page-furniture"]


FIGURE_PARAGRAPHS = [
    "2025年8月9日21时许，滨江区澜湾滨江草坪公园举办的TIDE TOUR巡回演唱会现场，舞台前方内场A区发生人员拥挤，"
    "部分观众摔倒受伤。我局接报后立即启动应急处置预案。",
    "21时47分，经我局现场指挥部与主办方协调，演出中止。我局先后调集警力260名，在场地外围设置警戒线，"
    "至23时30分，现场人员已全部疏散完毕。",
    "事件共造成27人受伤，均已送往澜湾市第一人民医院等3家医院救治，其中3人伤势较重，目前生命体征平稳。"
    "截至8月10日7时，已有15人经治疗后出院。",
]


def test_text_wrapped_at_a_count_of_characters_is_rejoined() -> None:
    # broken every 22 characters, digits and Latin letters counting like Han characters (a notice
    # typed or OCR'd line for line), blank lines between paragraphs, a page footer between two
    lines: list[str] = []
    for text in FIGURE_PARAGRAPHS:
        lines += [text[i : i + 22] for i in range(0, len(text), 22)] + [""]
    at = lines.index("") + 1
    lines[at:at] = ["第 1 页 共 2 页", ""]
    doc = _clean("警情通报", "", *lines)
    assert [p.text for p in doc.paragraphs if not p.heading] == FIGURE_PARAGRAPHS
    assert "page-furniture" in _reasons(doc)


def test_a_chat_exports_messages_are_passages_however_short() -> None:
    doc = _clean(
        "微信群聊“幸福里业主群”的聊天记录",
        "—————  2025-03-11  —————",
        "2025-03-11 23:48 阿强（12栋）：谁家在烧东西？怎么一股漂白水味儿",
        "2025-03-11 23:51 陈姐（5栋）：我家也闻到了，还以为楼下在搞装修",
        "—————  2025-03-12  —————",
        *(f"2025-03-12 0{n}:10 老周（7栋）：消防车一排往厂那边开{'了' * n}" for n in range(1, 7)),
        "[00:12:31] 主持人阿肯：嗯，就是说这个数差不多二十个亿",
    )
    messages = [p.text for p in doc.paragraphs if not p.heading]
    assert len(messages) == 9 and messages[1] == "2025-03-11 23:51 陈姐（5栋）：我家也闻到了，还以为楼下在搞装修"
    assert "boilerplate" in _reasons(doc) and not any("—" in p.text for p in doc.paragraphs)


def test_a_sentence_closed_by_a_wire_mark_is_not_a_heading() -> None:
    doc = _clean(TITLE, *BODY, "澜州省应急管理厅已派出工作组赴临江。（完）")
    assert not doc.paragraphs[-1].heading
    assert _clean("车主吐槽：召回排队快一个月了，谁来管管？（附维修进度）", *BODY).paragraphs[0].heading


def test_a_line_opening_with_a_speakers_label_is_never_joined_to_the_line_before() -> None:
    doc = _clean(
        "曜川汽车CEO直播致歉",
        "主持人：还有网友问，修车要等多久？",
        "弹幕：一周？我朋友等了半个月了，代步车影子都没见着",
        "CEO 韦承舟：之前确实是配件跟不上，这个我认。",
    )
    assert [p.text for p in doc.paragraphs][2:] == [
        "弹幕：一周？我朋友等了半个月了，代步车影子都没见着",
        "CEO 韦承舟：之前确实是配件跟不上，这个我认。",
    ]


def test_a_table_in_wrapped_text_keeps_its_rows() -> None:
    # rows as wide as the column: without care they would be joined as wrapped lines
    table = [
        "项目（2024年度，人民币） | 金额 | 同比变动",
        "营业收入（含加盟收入） | 86.4亿元 | +12.3%",
        "经调整净利润（不含减值） | 12.4亿元 | +18.1%",
    ]
    lines = _wrapped(WRAPPED_PARAGRAPHS[:2], 21) + table + _wrapped(WRAPPED_PARAGRAPHS[2:], 21)
    doc = _clean("茗悦茶饮发布年度业绩", *lines)
    texts = [p.text for p in doc.paragraphs if not p.heading]
    assert texts[:2] == WRAPPED_PARAGRAPHS[:2] and texts[3:] == WRAPPED_PARAGRAPHS[2:]
    assert texts[2].startswith("项目（2024年度，人民币）：营业收入（含加盟收入）86.4亿元")


def test_short_lines_of_an_ordinary_text_are_not_taken_for_a_wrapped_one() -> None:
    doc = _clean(TITLE, *BODY, "责任编辑：张三")
    assert [p.text for p in doc.paragraphs][1:] == BODY


# --- clean_document -------------------------------------------------------------------------------

TITLE = "江州地铁7号线今日开通"
BYLINE = "文|江州晚报"


def _clean(*lines: str) -> CleanDocument:
    text = "\n".join(lines)
    return clean_document(RawDocument("metro", "metro.txt", text, "utf-8", len(text.encode())))


def _reasons(doc: CleanDocument) -> list[str]:
    return [r.reason for r in doc.removed]


def test_clean_document_keeps_one_copy_of_a_body_printed_twice() -> None:
    doc = _clean(TITLE, BYLINE, *BODY, *BODY)
    assert [p.text for p in doc.paragraphs] == [TITLE, *BODY]
    assert _reasons(doc) == ["duplicate", "byline"]
    assert doc.removed[0].chars == sum(len(line) for line in BODY)


def test_clean_document_keeps_short_lines_that_repeat() -> None:
    doc = _clean(TITLE, "第一，", BODY[0], "第一，", BODY[1])
    assert [p.text for p in doc.paragraphs].count("第一，") == 2
    assert "duplicate" not in _reasons(doc)


def test_clean_document_removes_reprint_notice_and_teasers_as_appended_chrome() -> None:
    teasers = ["某明星深夜现身机场引发围观", "五道家常菜做法简单又好吃", "这款手机降价一千元值得买吗"]
    doc = _clean(TITLE, BYLINE, *BODY, "本文为转载内容，版权归原作者所有。", *teasers)
    assert [p.text for p in doc.paragraphs] == [TITLE, *BODY]
    assert _reasons(doc) == ["appended-chrome", "byline"]
    assert doc.removed[0].sample == "本文为转载内容，版权归原作者所有。"


def test_clean_document_removes_line_chrome_as_boilerplate() -> None:
    doc = _clean("首页 > 城市", TITLE, "2024-05-17 10:30", BODY[0], "分享至", BODY[1], BODY[2], "责任编辑：张三")
    assert [p.text for p in doc.paragraphs] == [TITLE, *BODY]
    assert _reasons(doc) == ["boilerplate"]


def test_clean_document_repairs_pinyin_and_broken_characters() -> None:
    doc = _clean("簡(jiǎn)陋的站房已经拆除，新的车站宽敞明亮。", "乘客表示\ufffd\ufffd新车站比原来方便多了。")
    assert [p.text for p in doc.paragraphs] == [
        "簡陋的站房已经拆除，新的车站宽敞明亮。",
        "乘客表示新车站比原来方便多了。",
    ]
    assert _reasons(doc) == ["pinyin", "broken-encoding"]
    assert doc.removed[0].sample == "(jiǎn)"


def test_clean_document_rereads_a_garbled_run_and_records_it() -> None:
    garbled = _one_byte_off("江州地鐵7號線開通")
    doc = _clean(f"新的車站?zhàn){garbled}，乘客表示比原來方便多了。")
    assert doc.paragraphs[0].text == "新的車站江州地鐵7號線開通，乘客表示比原來方便多了。"
    assert _reasons(doc)[0] == "misaligned-bytes"
    assert (doc.removed[0].chars, doc.removed[0].sample) == (len(garbled), garbled)


def test_clean_document_traditional_gets_simplified_text() -> None:
    doc = _clean(
        "江州地鐵7號線今日開通",
        "江州地鐵7號線今日正式開通，全長二十八公里，共設十八個車站。",
        "首日有大批市民搭乘，後來的乘客也有著很好的體驗。",
    )
    assert doc.script == "traditional"
    assert [p.text_simplified for p in doc.paragraphs] == [
        "江州地铁7号线今日开通",
        "江州地铁7号线今日正式开通，全长二十八公里，共设十八个车站。",
        "首日有大批市民搭乘，后来的乘客也有着很好的体验。",
    ]
    assert doc.paragraphs[1].text == "江州地鐵7號線今日正式開通，全長二十八公里，共設十八個車站。"


def test_clean_document_simplified_keeps_its_text() -> None:
    doc = _clean(TITLE, *BODY)
    assert doc.script == "simplified"
    assert all(p.text_simplified == p.text for p in doc.paragraphs)


def test_clean_document_title_byline_and_headings() -> None:
    doc = _clean(TITLE, BYLINE, *BODY)
    assert doc.title == TITLE
    assert (doc.author, doc.outlet) == ("江州晚报", None)
    assert [p.heading for p in doc.paragraphs] == [True, False, False, False]
    assert [p.index for p in doc.paragraphs] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "lines",
    [
        [TITLE, BYLINE, *BODY, *BODY],
        [TITLE, *BODY, "本文为转载内容，版权归原作者所有。", "某明星深夜现身机场引发围观"],
        ["分享至", TITLE, *BODY, "责任编辑：张三"],
        [TITLE, *BODY],
    ],
    ids=["duplicate", "appended", "boilerplate", "nothing-removed"],
)
def test_clean_document_character_accounting(lines: list[str]) -> None:
    doc = _clean(*lines)
    assert doc.chars_in >= doc.chars_kept
    assert doc.chars_in - doc.chars_kept == sum(r.chars for r in doc.removed)


def test_clean_document_audit_samples_are_short() -> None:
    long_paragraph = "这是一段很长的正文内容，讲述了地铁开通的经过、市民的反应和票价的安排。" * 3
    doc = _clean(TITLE, long_paragraph, long_paragraph, BODY[0], "本文为转载内容，" + long_paragraph)
    assert {r.reason for r in doc.removed} == {"duplicate", "appended-chrome"}
    for removal in doc.removed:
        assert len(removal.sample) <= SAMPLE_CHARS
        assert removal.chars > len(removal.sample)


# --- general chrome signals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("首页 | 新闻 | 体育 | 财经", True),
        ("首页 > 科技 > 正文", True),
        ("标签：阿里云 · 大模型 · 通义", True),
        ("https://news.example.com/a/1.html", True),
        ("联系邮箱：news@example.com", True),
        ("点击查看更多精彩内容", True),
        ("第一,模型就是思维模式。", False),
        ("1+6+N", False),
        ("GPT/AI", False),
        ("阿里云、腾讯云、华为云三家的份额合计超过一半。", False),
    ],
)
def test_chrome_line_signals(line: str, chrome: bool) -> None:
    assert is_chrome_line(line, chrome_rules()) is chrome


def test_template_lines_shared_by_sources_are_removed_but_shared_quotes_stay() -> None:
    quote = "吴泳铭表示：“AI最大的想象力不在手机屏幕，而在改变物理世界。”"
    template = "江州新闻 让阅读更有温度"
    docs = [
        RawDocument("a", "a.txt", "\n".join([TITLE, BODY[0], quote, template]), "utf-8", 1),
        RawDocument("b", "b.txt", "\n".join(["另一条新闻的标题", quote, BODY[1], template]), "utf-8", 1),
        RawDocument("c", "c.txt", "\n".join(["第三篇文章", BODY[2]]), "utf-8", 1),
    ]
    cleaned = clean_corpus(docs)
    for doc in cleaned[:2]:
        texts = [p.text for p in doc.paragraphs]
        assert quote in texts and template not in texts
        assert "shared-template" in _reasons(doc)
    assert "shared-template" not in _reasons(cleaned[2])


def test_clean_document_does_not_join_a_headline_or_a_labelled_teaser_to_the_text_after_it() -> None:
    # The headline and the teaser have a sentence end inside and none at their end, like a line broken
    # mid-sentence; but the first line is the headline, and a line after a blank line, or opening with
    # a bracketed label, starts a paragraph of its own.
    headline = "国产芯片再攀高峰！星衡科技新品登场"
    teaser = "【热门】台风季提前？气象署：今年首台恐于5月生成"
    doc = _clean(headline, "江州日报 ｜ 科技", teaser, "", BODY[0], "", BODY[1])
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == headline
    assert teaser in texts
    assert BODY[0] in texts


def test_clean_document_joins_a_line_broken_mid_sentence_even_across_a_blank_line_of_a_pasted_page() -> None:
    # Every line followed by a blank line: blank lines say nothing, the wrap is joined.
    doc = _clean(TITLE, "", "江州地铁7号线今天上午正式开通运营。线路全长", "", "二十八公里，共设十八座车站。")
    assert [p.text for p in doc.paragraphs][
        1
    ] == "江州地铁7号线今天上午正式开通运营。线路全长二十八公里，共设十八座车站。"


# --- tables ----------------------------------------------------------------------------------------


def test_a_table_pasted_as_text_reads_as_sentences_of_its_figures() -> None:
    doc = _clean(
        "茗悦茶饮发布年度业绩",
        "公司全年实现营业收入86.4亿元，同比增长12.3%。",
        "2024年度主要财务数据 | 金额 | 同比变动",
        "营业收入 | 86.4亿元 | +12.3%",
        "经调整净利润 | 12.4亿元 | +18.1%",
        "销售费用率 | 19.4% | -0.6个百分点",
        "分析师认为业绩符合预期。",
    )
    texts = [p.text for p in doc.paragraphs]
    assert (
        "2024年度主要财务数据：营业收入86.4亿元，同比变动增长12.3%。经调整净利润12.4亿元，同比变动增长18.1%。"
        "销售费用率19.4%，同比变动下降0.6个百分点。"
    ) in texts
    assert not doc.removed  # no row is taken for a menu


def test_a_bare_figure_in_a_table_takes_the_unit_its_column_names() -> None:
    doc = _clean(
        "枫川市居民水价调整公告",
        "现将居民生活用水价格调整有关事项公告如下。",
        "阶梯 | 年用水量（立方米/户） | 调整后水价（元/立方米）",
        "第一阶梯 | 0—216（含） | 3.40",
        "第二阶梯 | 216—300（含） | 5.10",
    )
    assert (
        "阶梯：第一阶梯年用水量（立方米/户）0—216（含），调整后水价3.40元/立方米。"
        "第二阶梯年用水量（立方米/户）216—300（含），调整后水价5.10元/立方米。"
    ) in [p.text for p in doc.paragraphs]


def test_a_menu_is_still_chrome_and_one_row_is_no_table() -> None:
    rules = chrome_rules()
    assert is_chrome_line("首页 | 新闻 | 财经 | 科技", rules)
    assert not is_chrome_line("营业收入 | 86.4亿元 | +12.3%", rules)
    doc = _clean("标题行在这里", "正文第一段写了一些内容。", "项目 | 2024年", "正文第二段也写了内容。")
    assert "项目 | 2024年" in [p.text for p in doc.paragraphs]
