"""Shared fixtures: paths, and one full build of the seed corpus reused by the end-to-end tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compare.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCHEMA = ROOT / "compare" / "resources" / "report.schema.json"
PINNED_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


@pytest.fixture(scope="session")
def report_schema() -> dict[str, Any]:
    """The JSON Schema of report.json."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the seed corpus once with all three formats; return the output folder."""
    out = tmp_path_factory.mktemp("seed-report")
    result = CliRunner().invoke(
        main, ["build", str(SEEDS), "--out", str(out), "--quiet"], env={"SOURCE_DATE_EPOCH": PINNED_EPOCH}
    )
    assert result.exit_code == 0, result.output
    return out
