"""The ingestion data files in `models/patterns/`: furniture regexes, layout
(block start) regexes, metadata cues and hyphenation compounds. Loaded once,
checked on load (errors name file, line and problem)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core.errors import ModelDataError
from pipeline.core.datafiles import read_jsonl, read_tsv

from pipeline.ingest.data_files import FURNITURE, HYPHEN_PREFIXES, LAYOUT, METADATA, PATTERNS_DIR

FURNITURE_WHERE = ("any", "band")
LAYOUT_KINDS = ("list_item", "heading")
METADATA_KINDS = ("symbol", "date", "title_cue", "title_continues", "masthead", "doc_type", "agenda", "title_stop",
                  "citation", "months", "file_name_tail", "title_lead", "numbered_title")


@dataclass(frozen=True)
class Pattern:
    id: str
    kind: str
    regex: re.Pattern
    source: str   # "file:line", for messages


def _compile(path: Path, lineno: int, obj: dict, flags: int) -> re.Pattern:
    try:
        return re.compile(obj["regex"], flags)
    except re.error as e:
        raise ModelDataError(f"{path} line {lineno}: expected a valid regex for 'regex', "
                             f"got {obj['regex']!r} ({e})") from None


def _check_choice(path: Path, lineno: int, obj: dict, key: str, choices: tuple[str, ...]) -> str:
    value = obj.get(key)
    if value not in choices:
        raise ModelDataError(f"{path} line {lineno}: expected one of {list(choices)} for '{key}', got {value!r}")
    return value


def _regex_lines(path: Path, key: str, choices: tuple[str, ...], flags) -> tuple[Pattern, ...]:
    """The {"id", "regex", key} lines of a JSONL file, `key` checked against `choices`;
    `flags(obj)` gives the regex flags of a line."""
    out = []
    for lineno, obj in read_jsonl(path, {"id": (str,), "regex": (str,), key: (str,)}):
        value = _check_choice(path, lineno, obj, key, choices)
        out.append(Pattern(obj["id"], value, _compile(path, lineno, obj, flags(obj)), f"{path.name}:{lineno}"))
    return tuple(out)


@lru_cache(maxsize=None)
def furniture_patterns(directory: Path = PATTERNS_DIR) -> tuple[Pattern, ...]:
    """Whole-line regexes for page furniture; `kind` is where they apply (any/band)."""
    return _regex_lines(Path(directory) / FURNITURE, "where", FURNITURE_WHERE, lambda obj: re.IGNORECASE)


@lru_cache(maxsize=None)
def layout_patterns(directory: Path = PATTERNS_DIR) -> tuple[Pattern, ...]:
    """Line-start regexes: list items / numbered paragraphs and headings."""
    return _regex_lines(Path(directory) / LAYOUT, "kind", LAYOUT_KINDS, lambda obj: 0)


def list_start(text: str) -> str | None:
    """Id of the list-item pattern a line starts with, if any."""
    for p in layout_patterns():
        if p.kind == "list_item" and p.regex.match(text):
            return p.id
    return None


@lru_cache(maxsize=None)
def metadata_patterns(directory: Path = PATTERNS_DIR) -> tuple[Pattern, ...]:
    """Symbol, date, title-cue, masthead, doc-type, agenda, title-stop and citation regexes for metadata.py."""
    return _regex_lines(Path(directory) / METADATA, "kind", METADATA_KINDS,
                        lambda obj: 0 if obj.get("case") else re.IGNORECASE)


@lru_cache(maxsize=None)
def hyphen_prefixes(directory: Path = PATTERNS_DIR) -> frozenset[str]:
    """Left parts of real compounds ("follow", "non") whose line-end hyphen stays."""
    path = Path(directory) / HYPHEN_PREFIXES
    return frozenset(row["prefix"].lower() for _, row in read_tsv(path, ["prefix"]) if row["prefix"])


@lru_cache(maxsize=None)
def month_numbers(directory: Path = PATTERNS_DIR) -> dict[str, int]:
    """Month name (lower case, any language listed) -> 1..12, from the "months" lines."""
    path = Path(directory) / METADATA
    out: dict[str, int] = {}
    for lineno, obj in read_jsonl(path, {"id": (str,), "kind": (str,)}):
        if obj["kind"] != "months":
            continue
        names = obj.get("names", "")
        parts = names.split() if isinstance(names, str) else []
        if len(parts) != 12:
            raise ModelDataError(f"{path} line {lineno}: expected 12 space-separated month names in 'names', "
                                 f"got {len(parts)}")
        for i, name in enumerate(parts, 1):
            out[name.lower()] = i
    return out
