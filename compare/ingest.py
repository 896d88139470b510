"""Ingest: read a corpus folder and a topics file from disk (the pipeline's input edge).

Only this module and the report writer touch the filesystem.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from compare.errors import CompareError
from compare.model import RawDocument, TopicSpec

TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Corpus:
    """The documents of a corpus folder and what was skipped.

    Attributes:
        name: the folder's name.
        documents: decoded documents in file-name order.
        skipped: one-line notices for files that were not read.
        content_hash: sha256 over file names and bytes, in order.
    """

    name: str
    documents: tuple[RawDocument, ...]
    skipped: tuple[str, ...]
    content_hash: str


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes, returning (text, encoding name); never raises on bad bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        # Mostly UTF-8 with a few broken bytes: keep what decodes, mark the rest.
        return data.decode("utf-8", errors="replace"), "utf-8 (with errors)"
    return str(best), best.encoding


def read_corpus(folder: Path) -> Corpus:
    """Read every supported file of a corpus folder (not recursive).

    Args:
        folder: the corpus folder.

    Returns:
        The decoded documents, skipped-file notices and a content hash.
    """
    if not folder.exists():
        raise CompareError(f"corpus folder {folder} does not exist: pass a folder of .txt or .md articles")
    if not folder.is_dir():
        raise CompareError(f"{folder} is not a folder: pass the folder that holds the articles")
    digest = hashlib.sha256()
    documents: list[RawDocument] = []
    skipped: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            if path.suffix.lower() != ".toml":
                skipped.append(f"skipped {path.name}: not a .txt or .md article")
            continue
        data = path.read_bytes()
        digest.update(path.name.encode("utf-8") + b"\0" + data + b"\0")
        text, encoding = decode_bytes(data)
        if not text.strip():
            skipped.append(f"skipped {path.name}: the file is empty")
            continue
        documents.append(RawDocument(path.stem, path.name, text, encoding, len(data)))
    if not documents:
        raise CompareError(f"no articles found in {folder}: add .txt or .md files (one article per file)")
    return Corpus(folder.resolve().name, tuple(documents), tuple(skipped), digest.hexdigest())


def read_topics(path: Path) -> tuple[TopicSpec, ...]:
    """Read configured topics from a TOML file of [[topic]] tables.

    Args:
        path: the topics file.

    Returns:
        The topics in file order.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CompareError(f"topics file {path} does not exist: check the --topics path") from None
    except UnicodeDecodeError:
        raise CompareError(f"topics file {path} is not UTF-8 text: save it as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise CompareError(f"topics file {path}: {err}; fix the TOML syntax there") from None
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise CompareError(f"topics file {path}: no [[topic]] tables found; see seeds/topics.toml for the format")
    specs = tuple(_topic_spec(path, n, entry) for n, entry in enumerate(entries, start=1))
    ids = [spec.id for spec in specs]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise CompareError(f"topics file {path}: topic id {repeated[0]!r} is used twice; give each topic its own id")
    return specs


def _topic_spec(path: Path, number: int, entry: object) -> TopicSpec:
    """Validate one [[topic]] table and turn it into a TopicSpec."""
    where = f"topics file {path}, topic #{number}"
    if not isinstance(entry, dict):
        raise CompareError(f"{where}: expected a [[topic]] table")
    for key in ("id", "label"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise CompareError(f"{where}: '{key}' must be a non-empty string")
    lists = {}
    for key in ("keywords", "patterns"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise CompareError(f"{where} ({entry['id']}): '{key}' must be a list of non-empty strings")
        lists[key] = tuple(value)
    if not lists["keywords"] and not lists["patterns"]:
        raise CompareError(f"{where} ({entry['id']}): give 'keywords' or 'patterns' to recognise the topic")
    for pattern in lists["patterns"]:
        try:
            re.compile(pattern)
        except re.error as err:
            raise CompareError(f"{where} ({entry['id']}): bad pattern {pattern!r}: {err}") from None
    min_hits = entry.get("min_hits", min(2, len(lists["keywords"])) or 1)
    if not isinstance(min_hits, int) or min_hits < 1:
        raise CompareError(f"{where} ({entry['id']}): 'min_hits' must be a positive integer")
    return TopicSpec(
        id=entry["id"].strip(),
        label=entry["label"].strip(),
        description=str(entry.get("description", "")),
        keywords=lists["keywords"],
        patterns=lists["patterns"],
        min_hits=min_hits,
    )
