"""The labelled tone set (tests/data/tone): loading it and computing its signals, for the bench scripts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from compare.tone import Signals, company_people, own_voice_signals

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "tone"
LABELS = ("promotional", "neutral", "critical")


@dataclass(frozen=True)
class Item:
    """One labelled passage."""

    id: str
    text: str
    label: str
    script: str
    domain: str


def load(part: str) -> list[Item]:
    """Items of one part ("dev" or "test")."""
    items = []
    for line in (DATA / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            items.append(Item(raw["id"], raw["text"], raw["label"], raw["script"], raw["domain"]))
    return items


def item_signals(item: Item) -> Signals:
    """The own-voice signals of one item (the company's people found in the item itself)."""
    return own_voice_signals(item.text, company_people([item.text]))
