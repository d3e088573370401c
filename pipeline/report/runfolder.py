"""Read a run's output folder back (OUTPUT.md tables, and text/): what the
reporting tools (eval, diff, review, explain) share."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.output import FORMULA_TRIGGERS

def unquote_cell(value: str | None) -> str:
    """Undo the formula guard of output.py: a leading "'" before = + - @ tab CR."""
    if value and len(value) > 1 and value[0] == "'" and value[1] in FORMULA_TRIGGERS:
        return value[1:]
    return value or ""


def read_table(out_dir: Path, name: str) -> list[dict[str, str]]:
    """Rows of OUT/<name>.csv as dicts of unquoted strings; [] when the file is absent."""
    path = Path(out_dir) / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k: unquote_cell(v) for k, v in row.items() if k is not None}
                for row in csv.DictReader(fh)]


def run_documents(out_dir: Path) -> list[str]:
    """The run's documents: documents.csv order, then any named only in other tables."""
    out_dir = Path(out_dir)
    if not (out_dir / "documents.csv").exists():
        raise FileNotFoundError(f"{out_dir}: not a run output folder (no documents.csv)")
    seen: dict[str, None] = {}
    for table in ("documents", "mentions", "states", "organizations", "dates", "recommendations"):
        for row in read_table(out_dir, table):
            if row.get("document"):
                seen.setdefault(row["document"], None)
    return list(seen)


def read_text(out_dir: Path, document: str) -> str | None:
    """The cleaned text the run wrote for `document` (OUT/text/<document>.txt), or None."""
    path = Path(out_dir) / "text" / f"{document}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None
