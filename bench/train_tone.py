"""Fit the tone model's signal weights on the development part of the labelled set.

Usage: .venv/bin/python bench/train_tone.py [--check]

Writes compare/resources/tone_model.toml (one weight per signal, an intercept) and prints the
weights. With --check, writes nothing and exits 1 if the packaged model differs from a refit.
The test part (tests/data/tone/test.jsonl) is never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tone_data import item_signals, load

from compare.tone import SIGNALS, ToneModel, fit_model, model

MODEL = Path(__file__).resolve().parent.parent / "compare" / "resources" / "tone_model.toml"


def render(fitted: ToneModel, count: int) -> str:
    """The model file's text."""
    lines = [
        "# Tone model: logistic-regression weights of the tone signals (see compare/tone.py).",
        f"# Fit by bench/train_tone.py on tests/data/tone/dev.jsonl ({count} labelled passages,",
        "# proportional odds: promotional > neutral > critical).",
        "# Do not edit by hand: refit after changing the lexicon.",
        "",
        f"intercept = {fitted.intercept}",
        "",
        "[weights]",
        *(f"{signal} = {fitted.weights[signal]}" for signal in SIGNALS),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Fit, then write or check the model file."""
    items = load("dev")
    fitted = fit_model([item_signals(i) for i in items], [i.label for i in items])
    if "--check" in argv:
        same = fitted == model()
        print("packaged model matches a refit" if same else "packaged model differs from a refit")
        return 0 if same else 1
    temp = MODEL.with_suffix(".tmp")
    temp.write_text(render(fitted, len(items)), encoding="utf-8")
    temp.replace(MODEL)
    print(f"fit on {len(items)} passages; intercept {fitted.intercept}")
    for signal in SIGNALS:
        print(f"  {signal:12} {fitted.weights[signal]:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
