"""Render: the one jinja Environment, HTML and PDF rendering, and atomic writing of outputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from compare.errors import CompareError
from compare.report.formatters import FILTERS
from compare.report.view import ReportView

CJK_FONT = "Noto Sans CJK SC"
CJK_FONT_PACKAGE = "fonts-noto-cjk"


def templates_dir() -> Path:
    """The templates folder: inside the installed package, or the repository's templates/."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "report.html.j2").is_file():
            return candidate
    raise CompareError("report templates are missing: reinstall compare (pip install .)")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The jinja environment: autoescape on (article text is untrusted), strict undefined."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def render_html(view: ReportView) -> str:
    """Render the self-contained HTML report (styles inline, no external resources)."""
    return environment().get_template("report.html.j2").render(view=view)


def check_cjk_font() -> None:
    """Stop with a one-line message if the CJK font the stylesheet names is not installed."""
    if shutil.which("fc-list") is None:
        raise CompareError(f"fontconfig is missing: install the Debian packages fontconfig and {CJK_FONT_PACKAGE}")
    listed = subprocess.run(["fc-list", f":family={CJK_FONT}", "family"], capture_output=True, text=True, check=False)
    if not listed.stdout.strip():
        raise CompareError(
            f"no CJK font found ({CJK_FONT}): install it with 'apt-get install {CJK_FONT_PACKAGE}', "
            "or build without the PDF (--format html,json)"
        )


def render_pdf(html: str) -> bytes:
    """Render the HTML report to PDF with WeasyPrint and the print stylesheet; never fetches anything.

    Only data: URLs may be loaded, so neither the network nor files outside the report are read.
    """
    check_cjk_font()
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
    pdf = HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()
    return bytes(pdf) if pdf is not None else b""


def json_bytes(document: dict[str, Any]) -> bytes:
    """Serialise report.json deterministically (sorted keys are not used: field order is the schema's)."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file via a temporary file in the same folder and a rename, so no half file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
