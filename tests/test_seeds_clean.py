"""The seed corpus, cleaned: article text kept, chrome, pinyin and repeated bodies gone.

Fragments come from reading each seed (tests/data/seed_fragments.json); the invariants below hold
for any article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compare.clean import REPAIRS, TONE_VOWELS, clean_document
from compare.ingest import read_corpus
from compare.model import CleanDocument
from tests.conftest import SEEDS

FRAGMENTS = json.loads((Path(__file__).parent / "data" / "seed_fragments.json").read_text(encoding="utf-8"))
SEED_IDS = sorted(k for k in FRAGMENTS if not k.startswith("_"))


@pytest.fixture(scope="module")
def cleaned() -> dict[str, CleanDocument]:
    return {doc.id: clean_document(doc) for doc in read_corpus(SEEDS).documents}


def _text(doc: CleanDocument) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_fragment_file_covers_every_seed() -> None:
    assert sorted(p.stem for p in SEEDS.glob("*.txt")) == SEED_IDS


@pytest.mark.parametrize("seed", SEED_IDS)
def test_article_text_is_kept(cleaned: dict[str, CleanDocument], seed: str) -> None:
    text = _text(cleaned[seed])
    missing = [f for f in FRAGMENTS[seed]["with"] if f not in text]
    assert not missing


@pytest.mark.parametrize("seed", SEED_IDS)
def test_chrome_and_annotations_are_removed(cleaned: dict[str, CleanDocument], seed: str) -> None:
    text = _text(cleaned[seed])
    present = [f for f in FRAGMENTS[seed]["without"] if f in text]
    assert not present


@pytest.mark.parametrize("seed", SEED_IDS)
def test_no_pinyin_broken_marks_or_second_copy(cleaned: dict[str, CleanDocument], seed: str) -> None:
    doc = cleaned[seed]
    text = _text(doc)
    assert not re.search(rf"\([a-zü]*[{TONE_VOWELS}][a-zü]*\)", text)
    assert "\ufffd" not in text and "???" not in text
    keys = [re.sub(r"\W", "", p.text) for p in doc.paragraphs if len(p.text) >= 20]
    assert len(keys) == len(set(keys)), "a paragraph is kept twice"


def test_removals_are_audited_with_reasons(cleaned: dict[str, CleanDocument]) -> None:
    reasons = {r.reason for doc in cleaned.values() for r in doc.removed}
    assert {"pinyin", "duplicate", "appended-chrome", "boilerplate", "broken-encoding"} <= reasons
    for doc in cleaned.values():
        assert doc.chars_kept + sum(r.chars for r in doc.removed if r.reason not in REPAIRS) <= doc.chars_in
        assert all(r.chars > 0 and 0 < len(r.sample) <= 40 for r in doc.removed)
