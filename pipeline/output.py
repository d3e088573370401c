"""Write a run's tables and texts so that a reviewer's spreadsheet can trust
them: UTF-8 CSV with a header, every cell safe from formula injection, and
every file replaced atomically (written to a temporary file in the same
folder, then renamed), so an interrupted run leaves the previous complete
outputs in place. Files get the mode any file the user creates gets (0644
under the usual umask 022), not the 0600 of a temporary file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.core.atomic import atomic_write_bytes, atomic_write_text  # noqa: F401  (callers take them from here)

# OWASP, "CSV Injection": a cell starting with one of these is run as a
# formula by spreadsheets. Prefixing a single quote makes it plain text while
# keeping it readable.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_cell)
    return safe


def write_table(frame: pd.DataFrame, path: Path) -> None:
    atomic_write_text(path, neutralise(frame).to_csv(index=False, lineterminator="\n"))


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Each table to OUT/<name>.csv; returns the paths written."""
    paths = []
    for name, frame in tables.items():
        path = Path(out) / f"{name}.csv"
        write_table(frame, path)
        paths.append(path)
    return paths


def text_path(out: Path, document: str) -> Path:
    """Where the cleaned text of `document` goes: OUT/text/<document>.txt."""
    return Path(out) / "text" / f"{document}.txt"


def write_text(out: Path, document: str, text: str) -> Path:
    path = text_path(out, document)
    atomic_write_text(path, text)
    return path
