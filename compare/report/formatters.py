"""Number and label formatters, shared by the view-model and registered as jinja filters."""

from __future__ import annotations

SCRIPT_LABELS = {"simplified": "简体 Simplified", "traditional": "繁體 Traditional"}


def fmt_int(value: int) -> str:
    """1234567 -> '1,234,567'."""
    return f"{value:,}"


def fmt_percent(value: float, digits: int = 0) -> str:
    """0.4567 -> '46%'."""
    return f"{100 * value:.{digits}f}%"


def fmt_score(value: float) -> str:
    """A tone score in [0, 1] with two decimals."""
    return f"{value:.2f}"


def fmt_weight(value: float) -> str:
    """A signed evidence weight: '+1.50' / '−0.60'."""
    return f"{'+' if value >= 0 else '−'}{abs(value):.2f}"


def fmt_value(value: float, unit: str) -> str:
    """A claim value with its unit, in compact Chinese magnitudes: 3.8e11 元 -> '3800亿元'."""
    for factor, name in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= factor:
            return f"{value / factor:g}{name}{unit}"
    return f"{value:g}{unit}"


def script_label(script: str) -> str:
    """'traditional' -> '繁體 Traditional'."""
    return SCRIPT_LABELS.get(script, script)


FILTERS = {
    "fmt_int": fmt_int,
    "fmt_percent": fmt_percent,
    "fmt_score": fmt_score,
    "fmt_weight": fmt_weight,
    "script_label": script_label,
}
