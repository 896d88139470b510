"""Chinese script: detect Simplified vs Traditional and convert to Simplified (OpenCC wrapper).

OpenCC's "tw2s" config is used rather than plain "t2s": it converts the durative particle
著 to 着 in context (有著 -> 有着) while keeping 著名/著作, which plain t2s leaves unconverted.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    """Return a cached OpenCC converter for a config name."""
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert text to Simplified script (Simplified input passes through unchanged)."""
    return str(_converter("tw2s").convert(text))


def to_traditional(text: str) -> str:
    """Convert text to Traditional script (OpenCC s2t)."""
    return str(_converter("s2t").convert(text))


def detect_script(text: str) -> str:
    """Return "traditional" if the text is mostly Traditional script, else "simplified"."""
    to_simp = sum(a != b for a, b in zip(text, to_simplified(text), strict=False))
    to_trad = sum(a != b for a, b in zip(text, to_traditional(text), strict=False))
    return TRADITIONAL if to_simp > to_trad else SIMPLIFIED
