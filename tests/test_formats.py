"""Input formats and metadata: Markdown, HTML, JSONL, the sources.toml sidecar, re-encoded seeds."""

from __future__ import annotations

import json
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest

from compare.clean import clean_document
from compare.errors import CompareError
from compare.ingest import (
    decode_bytes,
    extractable_page,
    markdown_to_text,
    page_outlet,
    read_corpus,
    tidy_author,
    timestamp_day,
)
from tests.conftest import SEEDS

DATA = Path(__file__).parent / "data" / "formats"
BODY = "江州地铁7号线今天上午正式开通运营，线路全长二十八公里，共设十八座车站，连接城东新区与老城区。"


def _corpus(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def test_html_page_gives_article_body_and_metadata(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {})
    shutil.copy(DATA / "page.html", folder / "page.html")
    (doc,) = read_corpus(folder).documents
    assert doc.format == "html"
    assert BODY in doc.text and "四十分钟就能到公司" in doc.text
    for chrome in ("首页", "分享到", "相关阅读", "某明星", "网友评论", "版权所有", "tracker", "font-family"):
        assert chrome not in doc.text, chrome
    assert (doc.meta.title, doc.meta.outlet) == ("江州地铁7号线今日开通", "江州晚报")
    assert doc.meta.date == "2024-05-17"
    assert doc.meta.url == "https://news.example.com/metro/7.html"


def test_html_metadata_reaches_the_cleaned_source(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {})
    shutil.copy(DATA / "page.html", folder / "page.htm")
    cleaned = clean_document(read_corpus(folder).documents[0])
    assert (cleaned.title, cleaned.outlet, cleaned.date) == ("江州地铁7号线今日开通", "江州晚报", "2024-05-17")
    assert any(p.text == BODY for p in cleaned.paragraphs)


WECHAT_PAGE = """<html><head><meta charset="utf-8"><title>每单5毛钱的社保，到底谁在买单？</title>
<meta property="og:site_name" content="微信公众平台"></head><body><div id="page-content">
<h1 id="activity-name">每单5毛钱的社保，到底谁在买单？</h1>
<span id="profileBt"><a href="javascript:void(0);" id="js_name">劳动观察手记</a></span>
<div id="js_content" style="visibility: hidden;"><p>点击上方蓝字关注我们</p><p>{body}</p><p>{body2}</p></div>
</div></body></html>"""


DATED_PAGE = """<html><head><meta charset="utf-8"><title>化工厂泄漏</title></head><body>
<div class="nav"><a href="/">首页</a></div><h1>化工厂氯气泄漏 三十一人送院</h1>
<div class="meta">{meta}</div><div class="article"><p>{body}</p><p>{body2}</p></div>
<ul class="related"><li><a href="/news/20250311/1.html">2025年3月11日 另一宗新闻</a></li></ul>
<p class="footer">© 2005－2025 维港电视 版权所有</p></body></html>"""
LEAK = "临江县一化工厂12日凌晨发生液氯泄漏，当地紧急疏散厂区周边3公里范围内约4300名居民。"
LEAK2 = "截至12日15时，事故共造成31人住院治疗，其中3人伤势较重，目前生命体征平稳。"


@pytest.mark.parametrize(
    ("meta", "date"), [("2025年3月12日（星期三）18:32　最后更新：20:05", "2025-03-12"), ("维港电视新闻", None)]
)
def test_a_page_date_is_the_one_written_above_the_article_not_a_links_or_footers(
    tmp_path: Path, meta: str, date: str | None
) -> None:
    page = DATED_PAGE.format(meta=meta, body=LEAK, body2=LEAK2)
    (doc,) = read_corpus(_corpus(tmp_path, {"page.html": page})).documents
    assert doc.meta.date == date


def test_a_wechat_page_names_the_account_not_the_platform(tmp_path: Path) -> None:
    page = WECHAT_PAGE.format(
        body=BODY, body2="开通首日，不少市民专程赶来乘坐，以前坐公交要一个半小时，现在四十分钟就能到公司。"
    )
    (doc,) = read_corpus(_corpus(tmp_path, {"wx.html": page})).documents
    assert doc.meta.outlet == "劳动观察手记"
    assert BODY in doc.text  # the hidden-until-scripted body is read


@pytest.mark.parametrize(
    ("page", "sitename", "title", "outlet"),
    [
        (
            "<title>0.5元里的账本：骑手与平台 | 商流周刊</title>",
            "0.5元里的账本：骑手与平台",
            "0.5元里的账本：骑手与平台",
            "商流周刊",
        ),
        ("<title>橙骑8城试点_汇网</title>", None, "橙骑8城试点", "汇网"),
        ("<title>深度｜骑手社保来了</title>", None, "深度｜骑手社保来了", None),  # a column tag, not an outlet
        ("<title>直播｜化工厂泄漏：住院增至31人_澜潮新闻</title>", None, "化工厂泄漏", "澜潮新闻"),
        ("<title>标题 | 商流周刊</title>", "江州晚报", "标题", "江州晚报"),
    ],
)
def test_page_outlet_falls_back_to_the_title_suffix(
    page: str, sitename: str | None, title: str, outlet: str | None
) -> None:
    assert page_outlet(page, sitename, title) == outlet


@pytest.mark.parametrize(
    ("author", "tidy"),
    [
        ("文; 本刊记者 许嘉禾 发布于", "许嘉禾"),
        ("本報記者 鄧卓謙", "鄧卓謙"),
        ("张三; 李四", "张三、李四"),
        ("島嶼新報 國際中心", "島嶼新報 國際中心"),
        ("文", None),
        ("文 / 本刊记者 许嘉禾", "许嘉禾"),
        ("：王堃 实习生：刘一禾", "王堃、刘一禾"),
        ("作者：邵明哲", "邵明哲"),
        ("記者溫玉綺／綜合報導", "溫玉綺"),  # where the reporter files from is not a name
        ("记者 李华 台北報導", "李华"),
        ("记者 李华台北報導", "李华台北報導"),  # run together, name and place cannot be told apart
    ],
)
def test_tidy_author_keeps_the_names(author: str, tidy: str | None) -> None:
    assert tidy_author(author) == tidy


def test_markdown_markup_is_dropped() -> None:
    text = markdown_to_text(
        f"# 标题\n\n**阿里云**发布了[新模型](http://x)。![图](a.png)\n\n> 引用一段话。\n\n- 第一点\n\n{BODY}"
    )
    assert text.splitlines() == ["标题", "阿里云发布了新模型。", "引用一段话。", "第一点", BODY]


def test_a_markdown_posts_front_matter_is_its_metadata_not_its_text(tmp_path: Path) -> None:
    post = f'---\ntitle: "七号线开通：我的体验"\ndate: 2024-05-17\nauthor: 老K\ntags: [地铁, 江州]\n---\n\n{BODY}\n'
    (doc,) = read_corpus(_corpus(tmp_path, {"post.md": post})).documents
    assert doc.text.strip() == BODY
    assert (doc.meta.title, doc.meta.author, doc.meta.date) == ("七号线开通：我的体验", "老K", "2024-05-17")


def test_a_markdown_list_of_short_points_is_one_paragraph_and_a_list_of_sentences_stays_apart() -> None:
    points = markdown_to_text("撤离时：\n\n- 后舱的广播听不清\n- 没有人指路，\n- 有空乘只喊英文\n\n事后无人解释。")
    assert points.splitlines() == ["撤离时：", "后舱的广播听不清；没有人指路；有空乘只喊英文。", "事后无人解释。"]
    sentences = markdown_to_text("1. 票价下调两成。\n2. 首班车提前到六点。")
    assert sentences.splitlines() == ["票价下调两成。", "首班车提前到六点。"]


def test_jsonl_gives_one_source_per_line_with_metadata(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "七号线开通", "text": BODY, "outlet": "江州晚报", "date": "2024-05-17", "url": "u1"}),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"id": "tv", "text": "江州电视台报道，七号线开通首日客流超过十五万人次。", "outlet": "江州电视台"}),
    ]
    folder = _corpus(tmp_path, {"feed.jsonl": "\n".join(lines)})
    corpus = read_corpus(folder)
    assert [(d.id, d.meta.outlet, d.format) for d in corpus.documents] == [
        ("feed-1", "江州晚报", "jsonl"),
        ("tv", "江州电视台", "jsonl"),
    ]
    assert corpus.documents[0].meta.title == "七号线开通"
    assert [n.split(":")[0] for n in corpus.skipped] == ["skipped feed.jsonl line 3", "skipped feed.jsonl line 4"]


def test_jsonl_fields_under_other_tools_names_are_read(tmp_path: Path) -> None:
    record = {
        "ID": "wire-0618",
        "title": "七号线开通",
        "content": BODY,
        "source": "江州晚报",
        "publish_time": "2024-05-17 09:30:00",
        "authors": ["王明", "李华"],
        "link": "u1",
    }
    folder = _corpus(tmp_path, {"feed.jsonl": json.dumps(record, ensure_ascii=False)})
    (doc,) = read_corpus(folder).documents
    assert (doc.id, doc.text, doc.meta.outlet, doc.meta.date) == ("wire-0618", BODY, "江州晚报", "2024-05-17")
    assert (doc.meta.author, doc.meta.url) == ("王明、李华", "u1")


def test_a_weibo_api_record_gives_its_user_and_day(tmp_path: Path) -> None:
    record = {
        "id": "wb_1",
        "user": {"screen_name": "沙尾镇阿珍"},
        "text": BODY,
        "created_at": "Sun Sep 14 23:52:08 +0800 2025",
    }
    folder = _corpus(tmp_path, {"weibo.jsonl": json.dumps(record, ensure_ascii=False)})
    (doc,) = read_corpus(folder).documents
    assert (doc.meta.author, doc.meta.date) == ("沙尾镇阿珍", "2025-09-14")  # the day where it was posted


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2025-06-18 09:30:00", "2025-06-18"),
        ("Wed, 19 Mar 2025 07:05:12 +0800", "2025-03-19"),
        ("Sun Sep 14 16:52:08 +0800 2025", "2025-09-14"),
        ("2025年3月12日", "2025年3月12日"),  # left for the cleaner to read
    ],
)
def test_timestamp_day(stamp: str, day: str) -> None:
    assert timestamp_day(stamp) == day


MAIL = """From: 早盘参考 <brief@zaopancankao.cn>
To: 订阅读者 <reader@mail.zaopancankao.cn>
Subject: 【早盘参考】3月19日｜七号线开通
Date: Wed, 19 Mar 2025 07:05:12 +0800

{body}

{body2}

本邮件内容仅供参考，不构成任何投资建议。
您收到此邮件是因为订阅了《早盘参考》。如不想继续接收，请点击退订：https://example.com/unsubscribe
"""
BODY2 = "开通首日，不少市民专程赶来乘坐，以前坐公交要一个半小时，现在四十分钟就能到公司。"


def test_an_email_saved_as_text_gives_its_sender_subject_and_day(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"brief.txt": MAIL.format(body=BODY, body2=BODY2)})
    cleaned = clean_document(read_corpus(folder).documents[0])
    assert (cleaned.title, cleaned.outlet, cleaned.date) == (
        "【早盘参考】3月19日｜七号线开通",
        "早盘参考",
        "2025-03-19",
    )
    assert [p.text for p in cleaned.paragraphs] == [BODY, BODY2]  # headers and the unsubscribe footer gone


def test_text_that_only_opens_like_a_header_is_not_mail(tmp_path: Path) -> None:
    text = f"Note: 七号线开通\n\n{BODY}\n"
    (doc,) = read_corpus(_corpus(tmp_path, {"note.txt": text})).documents
    assert doc.text == text and doc.meta.title is None


def _eml(subtype: str, content: str) -> bytes:
    message = EmailMessage()
    message["From"] = "江州晚报 <news@example.com>"
    message["Subject"] = "七号线开通"
    message["Date"] = "Fri, 17 May 2024 09:30:00 +0800"
    message.set_content(content, subtype=subtype, charset="gb18030")
    return bytes(message)


@pytest.mark.parametrize(
    ("subtype", "content"),
    [
        ("plain", f"{BODY}\n\n{BODY2}\n"),
        ("html", f"<html><body><article><p>{BODY}</p><p>{BODY2}</p></article></body></html>"),
    ],
)
def test_an_eml_message_is_read(tmp_path: Path, subtype: str, content: str) -> None:
    (doc,) = read_corpus(_corpus(tmp_path, {"news.eml": _eml(subtype, content)})).documents
    assert (doc.format, doc.meta.outlet, doc.meta.title, doc.meta.date) == (
        "email",
        "江州晚报",
        "七号线开通",
        "2024-05-17",
    )
    assert BODY in doc.text and BODY2 in doc.text


FOLDED_PAGE = """<html><head><meta charset="utf-8"><title>七号线开通_星河网</title></head><body>
<div class="nav"><a href="/">首页</a></div><div class="article"><h1>七号线开通</h1><div class="article-content">
<p>{body}</p><div class="ad"><a href="/ad"><img src="/ad.gif"></a></div>
<div class="expand-btn"><a href="javascript:void(0);">点击展开全文</a></div>
<div class="hidden-content" id="hiddenContent" style="display:none;"><p>{body2}</p></div>
</div></div><div class="footer"><p>© 星河网 版权所有</p></div></body></html>"""


def test_the_folded_rest_of_an_article_is_read(tmp_path: Path) -> None:
    (doc,) = read_corpus(_corpus(tmp_path, {"page.html": FOLDED_PAGE.format(body=BODY, body2=BODY2)})).documents
    assert BODY in doc.text and BODY2 in doc.text


SCRIPTED_PAGE = """<html><head><meta charset="utf-8"><title>七號線通車</title>
<script type="application/ld+json">{ld}</script></head><body><div class="nav"><a href="/">首頁</a></div>
<div id="app"><noscript>您的瀏覽器未啟用JavaScript，請開啟後重新整理頁面。</noscript>
<div class="loading">載入中…</div></div>
<div class="footer">© 晨曦新聞網</div></body></html>"""


def test_a_script_driven_pages_article_is_read_from_its_json_ld(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "七號線通車",
        "datePublished": "2024-05-17T09:30:00+08:00",
        "author": {"@type": "Person", "name": "許雅婷"},
        "publisher": {"@type": "Organization", "name": "晨曦新聞網"},
        "articleBody": f"{BODY}\n{BODY2}",
    }
    page = SCRIPTED_PAGE.format(ld=json.dumps(ld, ensure_ascii=False))
    (doc,) = read_corpus(_corpus(tmp_path, {"page.html": page})).documents
    assert doc.text.split("\n") == [BODY, BODY2]
    assert (doc.meta.date, doc.meta.author) == ("2024-05-17", "許雅婷")


def test_a_weibo_api_records_text_raw_and_idstr_are_read(tmp_path: Path) -> None:
    record = {"idstr": "5171448823301927", "text_raw": BODY, "user": {"screen_name": "澄州公安"}}
    (doc,) = read_corpus(_corpus(tmp_path, {"police.jsonl": json.dumps(record, ensure_ascii=False)})).documents
    assert (doc.id, doc.text, doc.meta.author) == ("5171448823301927", BODY, "澄州公安")


def test_a_weibo_api_records_markup_and_client_are_not_its_text_or_outlet(tmp_path: Path) -> None:
    link = '<a href="https://m.weibo.cn/search?containerid=231522type%3D1%26q%3D%23x%23"><span>#七号线#</span></a>'
    record = {"id": "1", "text": f"{link}{BODY}<br />{BODY2}", "source": "iPhone客户端", "created_at": 1715909400}
    (doc,) = read_corpus(_corpus(tmp_path, {"weibo.jsonl": json.dumps(record, ensure_ascii=False)})).documents
    assert doc.text == f"#七号线#{BODY}\n{BODY2}"
    assert (doc.meta.outlet, doc.meta.date) == (None, "2024-05-17")  # a Unix time, read as a day in UTC+8


SUBTITLES = """1
00:00:00,800 --> 00:00:04,710
大家好，我是溪口县桐岭乡养鸡的老周

2
00:00:05,010 --> 00:00:08,460
今天不说别的
就说说我家这鸡的事

3
00:00:08,760 --> 00:00:14,510
我家两个棚，八千六百只蛋鸡
"""


@pytest.mark.parametrize("name", ["video.srt", "video.txt"])
def test_subtitles_are_read_as_prose(tmp_path: Path, name: str) -> None:
    (doc,) = read_corpus(_corpus(tmp_path, {name: SUBTITLES})).documents
    assert (
        doc.text == "大家好，我是溪口县桐岭乡养鸡的老周，今天不说别的就说说我家这鸡的事，我家两个棚，八千六百只蛋鸡。"
    )


def test_mojibake_is_put_back(tmp_path: Path) -> None:
    # UTF-8 once read as Windows-1252 (bytes it leaves undefined kept as Latin-1, as browsers do)
    text = BODY + "\n" + BODY2
    sloppy = "".join(bytes([b]).decode("cp1252") if b not in SLOPPY else chr(b) for b in text.encode("utf-8"))
    (doc,) = read_corpus(_corpus(tmp_path, {"garbled.txt": sloppy})).documents
    assert (doc.text, doc.encoding) == (text, "utf-8 (mojibake repaired)")
    (plain,) = read_corpus(_corpus(tmp_path / "b", {"plain.txt": BODY})).documents
    assert (plain.text, plain.encoding) == (BODY, "utf-8")


SLOPPY = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


FORUM_POST = """<div class="post" id="pid-{n}"><div class="post-meta"><span class="author">用户{n}</span>
<span class="time">发表于 2025-06-18 16:{n}2</span></div><div class="post-body">{body}</div>
<div class="post-foot"><span class="like">赞 {n}</span> <a href="#">回复</a></div></div>"""
FORUM_PAGE = """<html><head><meta charset="utf-8"><title>七号线开通首日体验 - 江州论坛</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/bbs">论坛</a></div><h1>七号线开通首日体验</h1>
<div class="thread">{posts}</div><div class="footer"><p>© 江州论坛 版权所有</p></div></body></html>"""
FORUM_BODIES = [
    "<p>今天一早去坐了七号线，从城东新区到老城区只用了三十五分钟，比公交快了一倍，车厢也很新。</p>"
    "<p>就是换乘通道有点长，拖着箱子走了快五分钟，希望以后能加装自动步道，老人孩子走起来方便些。</p>",
    "<p>楼上说的换乘问题我也碰到了，指示牌不清楚，我在站里绕了两圈才找到二号线的站台。</p>",
    "<p>票价三块起步，比预想便宜，早高峰人不算多，下周上班就改坐地铁了。</p>",
    "<p>我家在终点站附近，听说站外的公交接驳线还没开，晚上九点以后回家只能打车，这点得赶紧补上。</p>",
]


def test_a_forum_threads_replies_are_kept_beside_its_opening_post(tmp_path: Path) -> None:
    posts = "\n".join(FORUM_POST.format(n=n, body=body) for n, body in enumerate(FORUM_BODIES, start=1))
    folder = _corpus(tmp_path, {"thread.html": FORUM_PAGE.format(posts=posts)})
    (doc,) = read_corpus(folder).documents
    wanted = [p.removeprefix("<p>") for body in FORUM_BODIES for p in body.split("</p>") if p]
    assert [line for line in doc.text.splitlines() if line in wanted] == wanted  # every post, in page order
    for chrome in ("首页", "版权所有", "回复", "发表于"):
        assert chrome not in doc.text, chrome


NOTICE = [
    "2024年10月3日14时25分许，景区客运索道在运行中突发故障停机，导致47个吊厢悬停于线路上，共有186名游客被困。"
    "事件发生后，县委、县政府高度重视，立即启动应急预案，成立现场救援指挥部，全力组织救援处置。",
    "救援期间共调集消防救援人员92人、公安民警38人、医护人员25人，采取绳索缓降与地面接应相结合的方式逐厢施救。"
    "至当日21时45分，最后一名被困游客安全落地。",
    "自10月4日起，景区暂停对外开放。经安全评估，景区步行游览线路定于10月20日起恢复开放。",
]
TABLE_PAGE = """<html><head><meta charset="gb2312"><title>关于索道故障事件的通报_梧岭县人民政府</title></head><body>
<table width="980"><tr><td><img src="/logo.gif" alt="梧岭县人民政府"></td></tr>
<tr><td><a href="/">首　页</a>　|　<a href="/zwgk/">政务公开</a>　|　<a href="/hdjl/">互动交流</a></td></tr></table>
<table width="980"><tr><td align="center"><b>关于索道故障事件的通报</b></td></tr>
<tr><td>发布时间：2024-10-19 16:32:07　　来源：县文化和旅游局</td></tr>
<tr><td class="zw"><font face="宋体">{body}<br>　　特此通报。<br></font></td></tr></table>
<table><tr><td>主办：梧岭县人民政府办公室　承办：梧岭县信息中心　地址：府前路1号</td></tr></table>
</body></html>"""


def test_a_notice_laid_out_in_a_table_cell_keeps_its_paragraphs_and_drops_the_navigation(tmp_path: Path) -> None:
    page = TABLE_PAGE.format(body="<br>".join(f"　　{p}" for p in NOTICE))
    folder = _corpus(tmp_path, {"gov.htm": page.encode("gbk")})
    cleaned = clean_document(read_corpus(folder).documents[0])
    assert [p.text for p in cleaned.paragraphs] == NOTICE
    assert (cleaned.outlet, cleaned.date) == ("梧岭县人民政府", "2024-10-19")


def test_a_data_table_stays_a_table() -> None:
    page = (
        "<html><body><p>{}</p><table><tr><th>站点</th><th>风速</th></tr>"
        "<tr><td>东岭</td><td>45米/秒</td></tr></table></body></html>"
    )
    assert extractable_page(page.format(BODY)) == page.format(BODY)


WECHAT_SECTIONS = """<html><head><meta charset="utf-8"><title>数据泄露，你的钱还安全吗？</title></head><body>
<div id="page-content"><h1 id="activity-name">数据泄露，你的钱还安全吗？</h1>
<span id="profileBt"><a href="javascript:void(0);" id="js_name">理财不踩坑</a></span>
<div id="js_content"><section style="margin: 0px 8px;">
<section style="text-align: center;"><section style="display: inline-block;">
<span>点击上方蓝字“理财不踩坑”，一起做聪明的理财人</span></section></section>
{body}
<section style="text-align: center;"><section><img data-src="/qrcode.png"></section>
<section><span>长按识别二维码，关注“理财不踩坑”</span></section></section>
</section></div></div></body></html>"""
WECHAT_BODY = [
    "说白了，这是一次外包惹的祸。银行把部分客户资料交给一家外包公司保管，结果对方把云存储的大门敞开了，连钥匙都丢进了公开的代码仓库。",
    "到底多少人中招？没人说得清。银行官方说约12.8万人，但有安全研究员根据泄露样本推算，实际受影响的超过30万人。",
    "补偿够不够？银行给每位受影响客户500港元关怀金，外加一年免费信用监控，网友算了一笔账，一年的监控期根本不够。",
]


def test_a_wechat_body_of_styled_sections_is_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    sections = "\n".join(
        f'<section style="line-height: 1.75em;"><span style="font-size: 15px;"><span style="font-weight: bold;">'
        f"{p[: p.index('。') + 1]}</span>{p[p.index('。') + 1 :]}</span></section>"
        for p in WECHAT_BODY
    )
    folder = _corpus(tmp_path, {"wx.html": WECHAT_SECTIONS.format(body=sections)})
    cleaned = clean_document(read_corpus(folder).documents[0])
    assert [p.text for p in cleaned.paragraphs] == WECHAT_BODY  # each bold lead-in stays with its paragraph
    assert cleaned.outlet == "理财不踩坑"


def test_sidecar_metadata_wins_and_unmatched_entries_are_noted(tmp_path: Path) -> None:
    sidecar = '[sources."a.txt"]\noutlet = "江州晚报"\ndate = "2024-05-17"\n\n[sources.ghost]\noutlet = "无"\n'
    folder = _corpus(tmp_path, {"a.txt": f"文|李明\n{BODY}", "sources.toml": sidecar})
    corpus = read_corpus(folder)
    cleaned = clean_document(corpus.documents[0])
    assert (cleaned.outlet, cleaned.author, cleaned.date) == ("江州晚报", "李明", "2024-05-17")
    assert corpus.skipped == ("sources.toml: no article matches 'ghost'",)


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ('[sources."a.txt"\noutlet = 1', "line 1"),
        ('[sources."a.txt"]\npublisher = "x"', "unknown field 'publisher'"),
        ('sources = "x"', "tables"),
    ],
)
def test_bad_sidecar_is_a_one_line_error(tmp_path: Path, sidecar: str, message: str) -> None:
    folder = _corpus(tmp_path, {"a.txt": BODY, "sources.toml": sidecar})
    with pytest.raises(CompareError, match=message):
        read_corpus(folder)


def test_two_files_with_one_stem_are_refused(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": BODY, "a.md": BODY})
    with pytest.raises(CompareError, match="same source id 'a'"):
        read_corpus(folder)


@pytest.mark.parametrize(
    ("seed", "encoding"),
    [
        ("000_018756a1d55a99b2", "gb18030"),
        ("001_479661d9b4e347d3", "gbk"),
        ("003_93422ca121d765e5", "big5"),
        ("002_1de2e7abee95d52b", "utf-16"),
        ("000_018756a1d55a99b2", "utf-16-le"),
    ],
)
def test_seed_text_re_encoded_decodes_back(seed: str, encoding: str) -> None:
    original = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    # Big5 lacks some characters: those become "?" in the file, as in a real lossy save.
    data = original.encode(encoding, errors="replace")
    text, detected = decode_bytes(data)
    expected = data.decode(encoding)
    assert text.replace("\ufeff", "") == expected.replace("\ufeff", "")
    assert detected.replace("_", "-").lower() != "utf-8"


def test_html_news_page_built_around_a_seed_keeps_every_paragraph() -> None:
    import html

    from compare.ingest import html_to_document

    lines = [line.strip() for line in (SEEDS / "000_018756a1d55a99b2.txt").read_text(encoding="utf-8").splitlines()]
    title, paragraphs = lines[0], [line for line in lines[3:] if line]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = f"""<html><head><title>{title}_新闻频道_某网</title></head><body>
    <div id="header"><ul><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li>
    <li><a href="/t">科技</a></li></ul></div>
    <div class="main"><div class="content"><h1>{title}</h1><div class="info">2025-01-30 08:00 来源：某网</div>
    <div class="article">{body}</div><div class="share">分享到：<a>微信</a><a>微博</a></div></div>
    <div class="side"><h3>热门推荐</h3><ul><li><a>男子给小35岁情人转1340万</a></li>
    <li><a>最美央视才女</a></li></ul></div>
    </div><div class="footer">Copyright © 2025 某网 版权所有</div></body></html>"""
    text, meta = html_to_document(page)
    assert text.splitlines()[1:] == paragraphs
    assert (meta.title, meta.date) == (title, "2025-01-30")
    assert not [c for c in ("首页", "分享到", "热门推荐", "情人", "Copyright") if c in text]
