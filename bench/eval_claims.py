"""How well claim comparison pairs the facts a corpus's truth says two sources state, and avoids false pairs.

Usage: .venv/bin/python bench/eval_claims.py [CORPUS_DIR ...]
       (default: every corpus under bench/corpora/ whose truth.json lists "claims")

truth.json's "claims" lists facts, each with its mentions ({"source": file stem, "text": a substring
of the sentence holding the number}) and a relation ("agree", "conflict" or "different-dates");
"false_friends" lists mentions that look alike but are about different things. A mention is matched
to the tool's claims of that source whose number as written is in the mention and whose clause shares
at least MIN_OVERLAP characters with it. For each fact it prints whether a comparison pairs two of its
mentions, and with the right kind; then each comparison no truth fact explains, to check by reading.
Numbers and clauses are compared in Simplified script.
Figures to improve, not a test.
"""

from __future__ import annotations

import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

from bench.eval_topics import written_probe
from compare.ingest import read_corpus, read_topics
from compare.model import Claim, ClaimComparison, Comparison
from compare.pipeline import analyze
from compare.script import to_simplified

ROOT = Path(__file__).resolve().parent.parent
MIN_OVERLAP = 6
NUMERAL = re.compile(r"[\d,.]+|[零〇一二两三四五六七八九十百千万亿]+")
KINDS = {"agree": "agreement", "conflict": "conflict", "different-dates": "conflict"}


def build(folder: Path) -> Comparison:
    """The comparison `compare build` makes of a folder (with its topics.toml, if any)."""
    topics = folder / "topics.toml"
    return analyze(read_corpus(folder), topics=read_topics(topics) if topics.is_file() else ())


def mention_claims(mention: dict[str, str], claims: list[Claim]) -> set[str]:
    """Ids of the claims a truth mention names."""
    text = to_simplified(written_probe(mention["text"]))
    found = set()
    for claim in claims:
        number = NUMERAL.search(claim.raw)
        if not claim.source.startswith(mention["source"]) or number is None or number.group() not in text:
            continue
        match = SequenceMatcher(None, to_simplified(claim.text), text, autojunk=False).find_longest_match()
        if match.size >= MIN_OVERLAP:
            found.add(claim.id)
    return found


def pairing(groups: list[set[str]], comparisons: tuple[ClaimComparison, ...]) -> list[ClaimComparison]:
    """Comparisons holding claims of two or more of the given mentions."""
    return [c for c in comparisons if sum(1 for g in groups if g & set(c.claims)) >= 2]


def report(folder: Path) -> None:
    """Print one corpus's figures."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    comparison = build(folder)
    claims = list(comparison.claims)
    by_id = {c.id: c for c in claims}
    explained: set[int] = set()
    found = right = 0
    print(f"== {folder.name}: {len(claims)} claims, {len(comparison.comparisons)} comparisons")
    for fact in truth.get("claims", []):
        groups = [mention_claims(m, claims) for m in fact["mentions"]]
        hits = pairing(groups, comparison.comparisons)
        explained |= {comparison.comparisons.index(h) for h in hits}
        kind_ok = any(h.kind == KINDS[fact["relation"]] for h in hits)
        dated = fact["relation"] != "different-dates" or any("different dates" in h.note for h in hits)
        found += bool(hits)
        right += bool(hits) and kind_ok and dated
        unmatched = sum(1 for g in groups if not g)
        status = "paired" if hits else "MISSED"
        kinds = ", ".join(sorted({h.kind for h in hits}))
        extra = f" ({unmatched} mention(s) not extracted)" if unmatched else ""
        print(f"  {status:7} {fact['relation']:15} {fact['fact']}{extra}{' -> ' + kinds if hits else ''}")
    facts = len(truth.get("claims", []))
    false_pairs = 0
    for friend in truth.get("false_friends", []):
        groups = [mention_claims(m, claims) for m in friend["mentions"]]
        wrong = pairing(groups, comparison.comparisons)
        false_pairs += len(wrong)
        explained |= {comparison.comparisons.index(w) for w in wrong}
        if wrong:
            print(f"  FALSE   pair of look-alikes: {friend['why']}")
    print(f"facts paired {found}/{facts}, with the right kind {right}/{facts}; look-alikes paired: {false_pairs}")
    for n, comp in enumerate(comparison.comparisons):
        if n not in explained:
            texts = " | ".join(f"{by_id[c].source[:12]}: {by_id[c].text[:40]}" for c in comp.claims)
            print(f"  not in truth: {comp.kind} «{comp.subject}» {texts}")


def main() -> None:
    """Evaluate the given corpora, or every bundled corpus whose truth lists claims."""
    folders = [Path(a) for a in sys.argv[1:]] or [
        f
        for f in sorted((ROOT / "bench" / "corpora").glob("*/"))
        if "claims" in json.loads((f / "truth.json").read_text(encoding="utf-8"))
    ]
    for folder in folders:
        report(folder)


if __name__ == "__main__":
    main()
