"""Readers of the user-editable data files in `models/` (TSV and JSONL), with
errors that name the file, line and problem. Plain Python: ingestion, NLP and
the validator all read through here."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

from pipeline.core.errors import ModelDataError

def read_tsv(path: Path, columns: list[str]) -> Iterator[tuple[int, dict]]:
    """Rows of a UTF-8 TSV with a header naming at least `columns`, as
    (line number, row). Lines starting with '#' and blank lines are skipped."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(i, ln) for i, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ModelDataError(f"{path} line 1: expected a header row with columns {columns}, got an empty file")
    header_line, header = lines[0]
    names = header.rstrip("\r\n").split("\t")
    missing = [c for c in columns if c not in names]
    if missing:
        raise ModelDataError(f"{path} line {header_line}: expected columns {columns}, missing {missing}")
    reader = csv.DictReader([ln for _, ln in lines], delimiter="\t", quoting=csv.QUOTE_NONE)
    for (lineno, raw), row in zip(lines[1:], reader):
        if None in row or any(row.get(c) is None for c in columns):
            raise ModelDataError(f"{path} line {lineno}: expected {len(names)} tab-separated fields, "
                                 f"got {len(raw.rstrip(chr(10)).split(chr(9)))}")
        yield lineno, {k: (v or "").strip() for k, v in row.items()}


def read_jsonl(path: Path, required: dict[str, tuple[type, ...]]) -> Iterator[tuple[int, dict]]:
    """Objects of a JSONL file, as (line number, object), each checked to have
    the `required` keys with values of the given types."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ModelDataError(f"{path} line {lineno}: expected a JSON object, got invalid JSON ({e.msg})") from None
            if not isinstance(obj, dict):
                raise ModelDataError(f"{path} line {lineno}: expected a JSON object, got {type(obj).__name__}")
            for key, types in required.items():
                if key not in obj:
                    raise ModelDataError(f"{path} line {lineno}: expected key '{key}', got keys {sorted(obj)}")
                if not isinstance(obj[key], types):
                    want = " or ".join(t.__name__ for t in types)
                    raise ModelDataError(f"{path} line {lineno}: expected {want} for '{key}', "
                                         f"got {obj[key]!r}")
            yield lineno, obj


def as_sources(value) -> list:
    """The files a component's config names for one setting, in reading order:
    a path string, a list of path strings, or a list of {"path", "name"} (what
    `pipeline.nlp.build` passes: the shipped file, then the overlay's)."""
    from pipeline.core.models import Source

    if isinstance(value, (str, Path)):
        value = [value]
    out = []
    for item in value:
        if isinstance(item, Source):
            out.append(item)
        elif isinstance(item, dict):
            out.append(Source(Path(item["path"]), item.get("name") or Path(item["path"]).name))
        else:
            out.append(Source(Path(item), Path(item).name))
    return out


def sources_key(value) -> tuple:
    """A hashable key for the files of a setting (for caches of loaded files)."""
    return tuple((str(s.path), s.name) for s in as_sources(value))
