"""Command line: `compare build`. Parses options, calls the library, reports; nothing else."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import click

from compare import __version__
from compare.errors import CompareError
from compare.ingest import WORDS_FILE, read_corpus, read_topics, read_words
from compare.model import BuildOptions, Comparison, TopicSpec, UserWord
from compare.pipeline import STAGES, Progress, analyze
from compare.report.export import comparison_to_json
from compare.report.render import check_cjk_font, json_bytes, render_html, render_pdf, write_atomic
from compare.report.view import build_view

FORMATS = ("pdf", "html", "json")
RENDER_STAGES = ("report",)
T = TypeVar("T")


def build_date() -> str:
    """The build date to record: SOURCE_DATE_EPOCH if set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise CompareError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp: set it to whole seconds"
            ) from None
    else:
        moment = datetime.now(tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_formats(value: str) -> tuple[str, ...]:
    """'pdf,html' -> ('pdf', 'html'), in canonical order; rejects unknown names."""
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise CompareError(f"{', '.join(unknown) or 'nothing'} is not a format: use a comma list of pdf, html, json")
    return tuple(f for f in FORMATS if f in names)


def resolve_config(
    corpus_dir: Path, given: Path | None, default_name: str, read: Callable[[Path], tuple[T, ...]]
) -> tuple[Path | None, tuple[T, ...]]:
    """A configuration file to use (given, or `default_name` in the corpus folder if there) and its entries."""
    path = given or (corpus_dir / default_name)
    if given is None and not path.is_file():
        return None, ()
    return path, read(path)


def resolve_topics(corpus_dir: Path, topics_file: Path | None) -> tuple[Path | None, tuple[TopicSpec, ...]]:
    """The topics file to use (given, or topics.toml in the corpus folder) and its topics."""
    return resolve_config(corpus_dir, topics_file, "topics.toml", read_topics)


def resolve_words(corpus_dir: Path, words_file: Path | None) -> tuple[Path | None, tuple[UserWord, ...]]:
    """The words file to use (given, or words.toml in the corpus folder) and its words."""
    return resolve_config(corpus_dir, words_file, WORDS_FILE, read_words)


@contextmanager
def stage_progress(enabled: bool) -> Iterator[Progress]:
    """A progress bar over the pipeline's stages on stderr; silent when disabled."""
    if not enabled:
        yield lambda stage: None
        return
    steps = (*STAGES, *RENDER_STAGES)
    with click.progressbar(
        length=len(steps), label="compare", file=sys.stderr, show_pos=True, item_show_func=lambda s: s
    ) as bar:
        started: list[str] = []

        def report(stage: str) -> None:
            # Position counts finished stages; the label names the one now running.
            bar.update(1 if started else 0, f"{stage}…")
            started.append(stage)
            bar.render_progress()

        yield report
        bar.update(len(steps) - bar.pos)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="compare")
def main() -> None:
    """Compare how news sources cover the same story: topics side by side, promotional tone, numbers.

    Example:

        compare build seeds --out reports/seeds
    """


@main.command()
@click.argument("corpus_dir", default="seeds", type=click.Path(path_type=Path, file_okay=True, dir_okay=True))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder (default: reports/<corpus folder name>/).",
)
@click.option(
    "--format",
    "formats",
    default="pdf,html,json",
    show_default=True,
    help="Comma list of outputs to write: pdf, html, json.",
)
@click.option(
    "--topics",
    "topics_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file of topics to compare (default: topics.toml in CORPUS_DIR, if present).",
)
@click.option(
    "--words",
    "words_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file of names and terms jieba should keep whole (default: words.toml in CORPUS_DIR, if present).",
)
@click.option("--no-discover", is_flag=True, help="Only use configured topics; do not discover shared topics.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display (it is also off when stderr is not a terminal).")
def build(
    corpus_dir: Path,
    out_dir: Path | None,
    formats: str,
    topics_file: Path | None,
    words_file: Path | None,
    no_discover: bool,
    quiet: bool,
) -> None:
    """Build report.pdf, report.html and report.json for a folder of articles.

    CORPUS_DIR holds the articles (default: seeds): one per .txt, .md, .html/.htm, .eml or .srt/.vtt
    file, or one per line of a .jsonl file ({"title", "text", "outlet", "date", "url"}). An optional sources.toml there
    gives each file's title, outlet, author, date and url; an optional words.toml lists names and
    terms for jieba to keep whole. Other files are skipped with a notice.
    The input files are never modified.

    Example:

        compare build seeds --out reports/seeds --format pdf,html,json --topics seeds/topics.toml
    """
    try:
        wanted = parse_formats(formats)
        out = out_dir or Path("reports") / corpus_dir.resolve().name
        if out.exists() and not out.is_dir():
            raise CompareError(f"--out {out} is a file: give a folder for the reports")
        if "pdf" in wanted:
            check_cjk_font()
        corpus = read_corpus(corpus_dir)
        topics_path, topics = resolve_topics(corpus_dir, topics_file)
        words_path, words = resolve_words(corpus_dir, words_file)
        options = BuildOptions(
            formats=wanted,
            topics_file=topics_path,
            words_file=words_path,
            user_words=words,
            discover=not no_discover,
        )
        for note in corpus.skipped:
            click.echo(note, err=True)
        built_at = build_date()
        with stage_progress(not quiet and sys.stderr.isatty()) as progress:
            comparison = analyze(corpus, topics=topics, options=options, progress=progress)
            progress("report")
            outputs = _render(comparison, wanted, built_at)
        for name, data in outputs.items():
            write_atomic(out / name, data)
    except CompareError as err:
        raise click.ClickException(str(err)) from None
    except OSError as err:
        raise click.ClickException(
            f"{err.strerror or err}: {err.filename or ''} — check the path and permissions"
        ) from None
    for name in outputs:
        click.echo(f"wrote {out / name}")


def _render(comparison: Comparison, wanted: tuple[str, ...], built_at: str) -> dict[str, bytes]:
    """Render the requested outputs in memory (written only when all succeeded)."""
    outputs: dict[str, bytes] = {}
    if "json" in wanted:
        outputs["report.json"] = json_bytes(comparison_to_json(comparison, built_at=built_at))
    if "html" in wanted or "pdf" in wanted:
        html = render_html(build_view(comparison, built_at=built_at))
        if "html" in wanted:
            outputs["report.html"] = html.encode("utf-8")
        if "pdf" in wanted:
            outputs["report.pdf"] = render_pdf(html)
    return outputs
