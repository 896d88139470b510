"""CLI: help, options, bad input (one line, non-zero exit, no traceback), outputs on tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from compare import cli
from compare.cli import main

ARTICLE_A = "阿里云今年发布了新的大模型。公司表示，模型调用价格下降了97%。分析人士认为，价格战仍将持续。"
ARTICLE_B = "阿里雲今年發佈了新的大模型。公司指出，模型調用價格下降了90%。有觀點認為，價格戰會影響利潤。"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    return folder


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"]])
def test_every_command_has_help_with_an_example(args: list[str]) -> None:
    code, out = invoke(*args)
    assert code == 0
    assert "Example:" in out and "compare build" in out


def test_build_help_explains_every_option() -> None:
    _, out = invoke("build", "--help")
    for option in ("--out", "--format", "--topics", "--words", "--no-discover", "--quiet", "CORPUS_DIR"):
        assert option in out


def test_build_writes_requested_formats(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, text = invoke("build", str(corpus), "--out", str(out), "--format", "json,html", "-q")
    assert code == 0, text
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json"]
    assert "skipped notes.docx" in text
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in report["sources"]] == ["a", "b"]


def test_a_repost_is_reported_with_its_original(corpus: Path, tmp_path: Path, report_schema: dict[str, Any]) -> None:
    (corpus / "c.txt").write_text("转载自a\n" + ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    code, text = invoke("build", str(corpus), "--out", str(out), "--format", "json,html", "-q")
    assert code == 0, text
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, report_schema)
    assert [s["republishes"] for s in report["sources"]] == [None, None, {"original": "a", "share": 1.0}]
    assert "Republishes S1" in (out / "report.html").read_text(encoding="utf-8")


def test_a_report_written_into_the_corpus_folder_is_not_read_back_as_an_article(corpus: Path) -> None:
    reports = []
    for _ in range(2):
        result = CliRunner().invoke(
            main, ["build", str(corpus), "--out", str(corpus), "--format", "json,html"], env={"SOURCE_DATE_EPOCH": "0"}
        )
        assert result.exit_code == 0, result.output
        reports.append((corpus / "report.json").read_bytes())
    assert "skipped report" not in result.output
    assert [s["id"] for s in json.loads(reports[1])["sources"]] == ["a", "b"]
    assert reports[0] == reports[1]


def test_default_out_is_reports_corpus_name(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, text = invoke("build", str(corpus), "--format", "json", "-q")
    assert code == 0, text
    assert (tmp_path / "reports" / "story" / "report.json").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "{missing}"], "does not exist"),
        (["build", "{corpus}", "--format", "docx"], "is not a format"),
        (["build", "{corpus}", "--topics", "{missing}"], "topics file"),
        (["build", "{empty}"], "no articles found"),
        (["build", "{corpus}", "--out", "{afile}"], "is a file"),
        (["build", "{corpus}", "--out", "{afile}/sub", "--format", "json"], "Not a directory"),
    ],
)
def test_bad_input_gives_one_line_error(corpus: Path, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "afile").write_text("x")
    paths = {"missing": tmp_path / "nope", "corpus": corpus, "empty": tmp_path / "empty", "afile": tmp_path / "afile"}
    code, out = invoke(*[a.format(**paths) for a in args])
    assert code != 0
    assert message in out
    assert "Traceback" not in out
    assert len([line for line in out.splitlines() if line.startswith("Error")]) == 1


def test_malformed_topics_file_names_the_line(corpus: Path, tmp_path: Path) -> None:
    topics = tmp_path / "topics.toml"
    topics.write_text('[[topic]]\nid = "x"\nlabel = \n', encoding="utf-8")
    code, out = invoke("build", str(corpus), "--topics", str(topics), "--format", "json")
    assert code != 0
    assert "line 3" in out and str(topics) in out


def test_missing_cjk_font_stops_before_writing(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_font() -> None:
        raise cli.CompareError("no CJK font found (Noto Sans CJK SC): install it with 'apt-get install fonts-noto-cjk'")

    monkeypatch.setattr(cli, "check_cjk_font", no_font)
    out = tmp_path / "out"
    code, text = invoke("build", str(corpus), "--out", str(out))
    assert code != 0 and "fonts-noto-cjk" in text
    assert not out.exists()


def test_existing_outputs_are_replaced_whole(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("old")
    (out / "keep.txt").write_text("mine")
    code, _ = invoke("build", str(corpus), "--out", str(out), "--format", "json", "-q")
    assert code == 0
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["schema"] == "compare-report/1"
    assert (out / "keep.txt").read_text() == "mine"


def test_bad_source_date_epoch(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["build", str(corpus), "--out", str(tmp_path / "o"), "--format", "json"],
        env={"SOURCE_DATE_EPOCH": "soon"},
    )
    assert result.exit_code != 0 and "SOURCE_DATE_EPOCH" in result.output


def test_words_file_in_the_corpus_folder_is_used_not_read_as_an_article(corpus: Path, tmp_path: Path) -> None:
    (corpus / "words.toml").write_text('organizations = ["阿里雲"]\n', encoding="utf-8")
    out = tmp_path / "out"
    code, text = invoke("build", str(corpus), "--out", str(out), "--format", "json", "-q")
    assert code == 0, text
    assert "words.toml" not in text  # not skipped with a notice
    options = json.loads((out / "report.json").read_text(encoding="utf-8"))["corpus"]["options"]
    assert options["words_file"] == "words.toml" and options["user_words"] == ["阿里云"]


def test_malformed_words_file_is_a_one_line_error(corpus: Path, tmp_path: Path) -> None:
    words = tmp_path / "mine.toml"
    words.write_text('names = ["柯文远"]\n', encoding="utf-8")
    code, out = invoke("build", str(corpus), "--words", str(words), "--format", "json")
    assert code != 0 and "unknown key 'names'" in out and str(words) in out
    assert "Traceback" not in out
