"""A plain (non-editable) `pip install .` carries the templates and data files the tool needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_plain_install_finds_templates_and_resources(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    assert (target / "compare" / "templates" / "report.html.j2").is_file()
    assert (target / "compare" / "resources" / "boilerplate.toml").is_file()
    probe = (
        "import compare.report.render as r, compare.clean as c, compare.segment as s, compare.tone as t;"
        "print(r.templates_dir());"
        "print(len(c.chrome_rules().line), len(s.stopwords()), len(t.lexicon().terms), len(t.model().weights))"
    )
    # The installed copy comes first on the path; the venv still provides the dependencies.
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path, env=env
    )
    templates, counts = out.stdout.splitlines()
    assert Path(templates).is_relative_to(target)
    assert all(int(n) > 0 for n in counts.split())
