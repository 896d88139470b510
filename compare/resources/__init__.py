"""Packaged data files (lexicons, patterns, dictionaries) and the one way to read them."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """A packaged data file's text (UTF-8)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def load_toml(name: str) -> dict[str, Any]:
    """A packaged TOML data file, parsed."""
    return tomllib.loads(read_text(name))
