"""Ingest: decoding article bytes, reading a corpus folder, reading a topics file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compare.errors import CompareError
from compare.ingest import decode_bytes, read_corpus, read_topics

# Paragraphs long enough (60+ characters) for charset detection to be reliable.
SIMPLIFIED = (
    "北京市今天宣布，新建成的地铁十九号线将于下个月正式开通运营。"
    "这条线路全长二十二公里，共设十个车站，预计每天可以运送乘客三十万人次，大大缓解城市南部的交通压力。"
)
TRADITIONAL = (
    "臺北市政府今天宣佈，新建成的捷運環狀線將於下個月正式通車營運。"
    "這條路線全長二十二公里，共設十個車站，預計每天可以運送乘客三十萬人次，大幅緩解城市南部的交通壓力。"
)


# --- decode_bytes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "reported"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "utf-16", "utf_16"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "gb18030", "big5"],
)
def test_decode_bytes_round_trips_chinese_text(text: str, encoding: str, reported: str) -> None:
    decoded, name = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert name == reported


def test_decode_bytes_drops_the_utf8_bom() -> None:
    decoded, _ = decode_bytes(SIMPLIFIED.encode("utf-8-sig"))
    assert not decoded.startswith("\ufeff")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe\xfd\x80\x81",
        b"\x80" * 50,
        bytes(range(256)),
        "中文".encode() + b"\xff",
    ],
    ids=["empty", "junk", "continuation-bytes", "all-bytes", "utf8-then-junk"],
)
def test_decode_bytes_never_raises_on_undecodable_bytes(data: bytes) -> None:
    decoded, name = decode_bytes(data)
    assert isinstance(decoded, str)
    assert name or data == bytes(range(256))  # every byte value, controls too: binary data, no encoding


def test_truncated_utf8_keeps_its_text_and_says_so() -> None:
    data = SIMPLIFIED.encode()
    broken = data[:30] + b"\xff" + data[30:]
    decoded, name = decode_bytes(broken)
    assert name == "utf-8 (with errors)"
    assert "\ufffd" in decoded
    assert decoded.replace("\ufffd", "") == SIMPLIFIED


# --- read_corpus ---------------------------------------------------------------------------------


def _write_corpus(folder: Path) -> None:
    """A small corpus written in non-alphabetical order, with files that must be skipped."""
    folder.mkdir()
    (folder / "b_post.txt").write_text("乙报：地铁十九号线开通。", encoding="utf-8")
    (folder / "a_daily.md").write_text("甲报：地铁十九号线今天开通。", encoding="utf-8")
    (folder / "c_herald.txt").write_bytes(TRADITIONAL.encode("big5"))
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "topics.toml").write_text('[[topic]]\nid = "x"\nlabel = "x"\nkeywords = ["x"]\n', encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\1")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "old.txt").write_text("旧稿。", encoding="utf-8")


def test_read_corpus_reads_articles_in_file_name_order(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "metro")
    corpus = read_corpus(tmp_path / "metro")
    assert corpus.name == "metro"
    assert [d.file for d in corpus.documents] == ["a_daily.md", "b_post.txt", "c_herald.txt"]
    assert [d.id for d in corpus.documents] == ["a_daily", "b_post", "c_herald"]
    herald = corpus.documents[2]
    assert herald.text == TRADITIONAL
    assert herald.encoding == "big5"
    assert herald.raw_bytes == len(TRADITIONAL.encode("big5"))


def test_read_corpus_skips_other_suffixes_with_a_notice(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "metro")
    corpus = read_corpus(tmp_path / "metro")
    assert corpus.skipped == (
        "skipped folder drafts/: sub-folders are not read; move its articles up or build it alone",
        "skipped scan.pdf: not an article file (.txt, .md, .markdown, .html, .htm, .jsonl, .eml, .srt, .vtt)",
    )


def test_read_corpus_skips_binary_data_saved_as_txt_with_a_notice(tmp_path: Path) -> None:
    import random

    _write_corpus(tmp_path / "metro")
    rng = random.Random(0)
    noise = bytes(rng.randrange(256) for _ in range(3000))
    (tmp_path / "metro" / "e_photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + noise)
    corpus = read_corpus(tmp_path / "metro")
    assert "e_photo" not in [d.id for d in corpus.documents]
    assert any("e_photo.txt" in notice and "not text" in notice for notice in corpus.skipped)


def test_read_corpus_skips_an_empty_article_with_a_notice(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "metro")
    (tmp_path / "metro" / "d_blank.txt").write_text(" \n\n", encoding="utf-8")
    corpus = read_corpus(tmp_path / "metro")
    assert "d_blank" not in [d.id for d in corpus.documents]
    assert any("d_blank.txt" in notice and "empty" in notice for notice in corpus.skipped)


def test_read_corpus_content_hash_is_stable_and_tracks_content(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "metro")
    first = read_corpus(tmp_path / "metro").content_hash
    assert read_corpus(tmp_path / "metro").content_hash == first
    # Same files written in another order into another folder: same hash.
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in sorted((tmp_path / "metro").glob("*.*"), reverse=True):
        shutil.copyfile(path, copy / path.name)
    assert read_corpus(copy).content_hash == first
    (copy / "b_post.txt").write_text("乙报：地铁十九号线停运。", encoding="utf-8")
    assert read_corpus(copy).content_hash != first


def test_read_corpus_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="no articles found"):
        read_corpus(tmp_path)


def test_read_corpus_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(CompareError, match="no articles found"):
        read_corpus(tmp_path)


def test_read_corpus_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="does not exist"):
        read_corpus(tmp_path / "nowhere")


def test_read_corpus_file_instead_of_folder_is_an_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲报：地铁开通。", encoding="utf-8")
    with pytest.raises(CompareError, match="not a folder"):
        read_corpus(article)


# --- read_topics ---------------------------------------------------------------------------------

VALID_TOPICS = """\
[[topic]]
id = "fare"
label = "票价"
description = "Ticket prices."
keywords = ["票价", "起步价", "扫码"]

[[topic]]
id = " opening "
label = " 开通 "
patterns = ["地铁\\\\d+号线.{0,6}开通"]

[[topic]]
id = "safety"
label = "施工安全"
keywords = ["事故", "伤亡"]
min_hits = 1
"""


def _topics_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_topics_valid_file(tmp_path: Path) -> None:
    fare, opening, safety = read_topics(_topics_file(tmp_path, VALID_TOPICS))
    assert (fare.id, fare.label, fare.description) == ("fare", "票价", "Ticket prices.")
    assert fare.keywords == ("票价", "起步价", "扫码")
    assert fare.min_hits == 2  # default: two distinct keywords
    assert (opening.id, opening.label) == ("opening", "开通")  # surrounding spaces trimmed
    assert opening.keywords == ()
    assert opening.patterns == (r"地铁\d+号线.{0,6}开通",)
    assert opening.min_hits == 1  # no keywords: a pattern hit suffices
    assert safety.min_hits == 1


def test_read_topics_single_keyword_defaults_to_one_hit(tmp_path: Path) -> None:
    (spec,) = read_topics(_topics_file(tmp_path, '[[topic]]\nid = "x"\nlabel = "X"\nkeywords = ["壁画"]\n'))
    assert spec.min_hits == 1


def test_read_topics_bad_toml_syntax_names_the_line(tmp_path: Path) -> None:
    path = _topics_file(tmp_path, '[[topic]]\nid = "fare"\nlabel = \nkeywords = ["票价"]\n')
    with pytest.raises(CompareError, match=r"line 3") as err:
        read_topics(path)
    assert "TOML syntax" in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[topic]]\nlabel = "票价"\nkeywords = ["票价"]\n', r"topic #1: 'id' must be a non-empty string"),
        ('[[topic]]\nid = "  "\nlabel = "票价"\nkeywords = ["票价"]\n', r"topic #1: 'id' must be a non-empty string"),
        ('[[topic]]\nid = "fare"\nkeywords = ["票价"]\n', r"topic #1: 'label' must be a non-empty string"),
        ('[[topic]]\nid = "fare"\nlabel = 3\nkeywords = ["票价"]\n', r"'label' must be a non-empty string"),
        ('[[topic]]\nid = "fare"\nlabel = "票价"\n', r"\(fare\): give 'keywords' or 'patterns'"),
        ('[[topic]]\nid = "fare"\nlabel = "票价"\nkeywords = []\npatterns = []\n', r"give 'keywords' or 'patterns'"),
        ('[[topic]]\nid = "fare"\nlabel = "票价"\npatterns = ["(票价"]\n', r"\(fare\): bad pattern '\(票价'"),
        ('[[topic]]\nid = "fare"\nlabel = "票价"\nkeywords = "票价"\n', r"'keywords' must be a list"),
        ('[[topic]]\nid = "fare"\nlabel = "票价"\nkeywords = ["票价", ""]\n', r"'keywords' must be a list"),
        (
            '[[topic]]\nid = "fare"\nlabel = "票价"\nkeywords = ["票价"]\nmin_hits = 0\n',
            r"'min_hits' must be a positive",
        ),
        ('title = "no topics here"\n', r"no \[\[topic\]\] tables found"),
    ],
    ids=[
        "missing-id",
        "blank-id",
        "missing-label",
        "label-not-string",
        "no-keywords-nor-patterns",
        "empty-keywords-and-patterns",
        "bad-regex",
        "keywords-not-list",
        "empty-keyword",
        "min-hits-zero",
        "no-topic-tables",
    ],
)
def test_read_topics_rejects_invalid_topics(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CompareError, match=message):
        read_topics(_topics_file(tmp_path, text))


def test_read_topics_error_names_the_second_topic(tmp_path: Path) -> None:
    text = (
        '[[topic]]\nid = "fare"\nlabel = "票价"\nkeywords = ["票价"]\n\n[[topic]]\nid = "safety"\nkeywords = ["事故"]\n'
    )
    with pytest.raises(CompareError, match=r"topic #2: 'label'"):
        read_topics(_topics_file(tmp_path, text))


def test_read_topics_duplicate_ids(tmp_path: Path) -> None:
    text = (
        '[[topic]]\nid = "fare"\nlabel = "票价"\nkeywords = ["票价"]\n\n'
        '[[topic]]\nid = "fare "\nlabel = "票价二"\nkeywords = ["起步价"]\n'
    )
    with pytest.raises(CompareError, match=r"topic id 'fare' is used twice"):
        read_topics(_topics_file(tmp_path, text))


def test_read_topics_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="does not exist"):
        read_topics(tmp_path / "nowhere.toml")


def test_read_topics_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "topics.toml"
    path.write_bytes('[[topic]]\nid = "fare"\nlabel = "票价"\nkeywords = ["票价"]\n'.encode("gb18030"))
    with pytest.raises(CompareError, match="not UTF-8"):
        read_topics(path)


def _words_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_words_tags_each_kind_and_keeps_simplified(tmp_path: Path) -> None:
    from compare.ingest import read_words
    from compare.model import UserWord

    path = _words_file(
        tmp_path, 'people = ["柯文遠"]\norganizations = ["宁川电池"]\nproducts = ["扶摇"]\nterms = ["扶摇", "快充"]\n'
    )
    assert read_words(path) == (
        UserWord("柯文远", "nr"),
        UserWord("宁川电池", "nt"),
        UserWord("扶摇", "nz"),
        UserWord("快充", "nz"),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('names = ["柯文远"]\n', r"unknown key 'names'"),
        ('people = "柯文远"\n', r"'people' must be a list of strings"),
        ("people = [3]\n", r"'people' must be a list of strings"),
        ('people = ["柯 文远"]\n', r"must be one word without spaces"),
        ('people = [""]\n', r"must be one word without spaces"),
        ("people = []\n", r"no words found"),
        ('people = "柯文远\nterms = ["快充"]\n', r"line 1.*TOML syntax"),
    ],
    ids=["unknown-kind", "not-a-list", "not-strings", "space", "empty-word", "no-words", "bad-toml"],
)
def test_read_words_rejects_bad_files(tmp_path: Path, text: str, message: str) -> None:
    from compare.ingest import read_words

    with pytest.raises(CompareError, match=message):
        read_words(_words_file(tmp_path, text))


def test_read_words_missing_file(tmp_path: Path) -> None:
    from compare.ingest import read_words

    with pytest.raises(CompareError, match="--words"):
        read_words(tmp_path / "nowhere.toml")
