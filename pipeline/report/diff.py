"""Compare two runs' output folders: which rows each table gained or lost, per document.

Rows are compared on the contract columns of OUTPUT.md (extra columns a run
may add after them are left out, so adding a column is not a change); tables
outside the contract are compared on all their columns. Rows are multisets:
a row that appears twice in the new run and once in the old is one addition.
A row whose values changed shows as one removed and one added row.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.report.runfolder import read_table

CONTRACT_COLUMNS: dict[str, list[str]] = {
    "documents": ["document", "sha256", "pages", "status", "error", "title"],
    "mentions": ["document", "label", "text", "norm", "page", "start", "end", "sentence", "source"],
    "states": ["document", "iso3", "name", "mentions", "first_page"],
    "organizations": ["document", "name", "acronym", "mentions", "first_page"],
    "dates": ["document", "text", "start", "end", "mentions", "first_page"],
    "recommendations": ["document", "text", "actor", "cue", "page", "section"],
}


@dataclass
class TableDiff:
    """Rows of one table only in the old run (removed) or only in the new (added)."""

    table: str
    columns: list[str]
    added: list[dict[str, str]] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    unchanged: int = 0

    def by_document(self) -> dict[str, dict[str, list[dict[str, str]]]]:
        """{document: {"added": rows, "removed": rows}} for documents with changes."""
        out: dict[str, dict[str, list[dict[str, str]]]] = {}
        for kind in ("added", "removed"):
            for row in getattr(self, kind):
                out.setdefault(row.get("document", ""), {"added": [], "removed": []})[kind].append(row)
        return dict(sorted(out.items()))


@dataclass
class DiffReport:
    """Per table, what changed between the old and the new run."""

    old: Path
    new: Path
    tables: dict[str, TableDiff]

    @property
    def changed(self) -> bool:
        return any(t.added or t.removed for t in self.tables.values())

    def to_json(self) -> dict:
        tables = {name: {"added": len(t.added), "removed": len(t.removed), "unchanged": t.unchanged}
                  for name, t in self.tables.items()}
        documents: dict[str, dict] = {}
        for name, t in self.tables.items():
            for doc, rows in t.by_document().items():
                documents.setdefault(doc, {})[name] = rows
        return {"old": str(self.old), "new": str(self.new), "tables": tables,
                "documents": dict(sorted(documents.items()))}

    def rich_renderables(self, limit: int = 10) -> list:
        """The summary table, then per document up to `limit` added/removed rows per table."""
        from rich.table import Table
        from rich.text import Text

        summary = Table(title=f"Changes {self.old} -> {self.new}")
        for col in ("table", "added", "removed", "unchanged"):
            summary.add_column(col, justify="left" if col == "table" else "right")
        for name, t in self.tables.items():
            summary.add_row(name, f"+{len(t.added)}", f"-{len(t.removed)}", str(t.unchanged))
        out: list = [summary]
        if not self.changed:
            out.append(Text("No differences."))
            return out
        documents = sorted({doc for t in self.tables.values() for doc in t.by_document()})
        for doc in documents:
            out.append(Text(f"\n{doc or '(no document)'}", style="bold"))
            for name, t in self.tables.items():
                rows = t.by_document().get(doc)
                if not rows:
                    continue
                cols = [c for c in t.columns if c != "document"]
                shown = [("+", r) for r in rows["added"]] + [("-", r) for r in rows["removed"]]
                for sign, row in shown[:limit]:
                    cells = " | ".join(_clip(row.get(c, ""), 80) for c in cols if row.get(c, ""))
                    out.append(Text(f"  {sign} {name}: {cells}", style="green" if sign == "+" else "red"))
                if len(shown) > limit:
                    out.append(Text(f"  ... and {len(shown) - limit} more {name} changes"))
        return out

    def render_text(self, limit: int = 10, width: int = 120) -> str:
        """The report as plain text for a terminal."""
        from rich.console import Console

        console = Console(file=io.StringIO(), width=width, force_terminal=False, color_system=None)
        for renderable in self.rich_renderables(limit=limit):
            console.print(renderable, overflow="fold")
        return console.file.getvalue()


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _table_names(old: Path, new: Path) -> list[str]:
    extra = sorted({p.stem for d in (old, new) for p in d.glob("*.csv")} - set(CONTRACT_COLUMNS))
    return list(CONTRACT_COLUMNS) + extra


def diff_table(name: str, old_rows: list[dict], new_rows: list[dict]) -> TableDiff:
    """Multiset difference of two tables' rows on the compared columns."""
    columns = CONTRACT_COLUMNS.get(name)
    if columns is None:
        columns = list(dict.fromkeys(c for rows in (old_rows, new_rows) for r in rows[:1] for c in r))

    def key(row: dict) -> tuple[str, ...]:
        return tuple(row.get(c, "") or "" for c in columns)

    old_count, new_count = Counter(map(key, old_rows)), Counter(map(key, new_rows))
    added, removed = new_count - old_count, old_count - new_count
    result = TableDiff(name, columns, unchanged=sum((old_count & new_count).values()))
    # keep the order of each run's table so the listing reads like the CSV
    for rows, pending, target in ((new_rows, added, result.added), (old_rows, removed, result.removed)):
        for row in rows:
            k = key(row)
            if pending[k] > 0:
                pending[k] -= 1
                target.append(dict(zip(columns, k)))
    return result


def diff_runs(old_out: Path, new_out: Path) -> DiffReport:
    """What changed between two run output folders (see module docstring)."""
    old_out, new_out = Path(old_out), Path(new_out)
    for d in (old_out, new_out):
        if not (d / "documents.csv").exists():
            raise FileNotFoundError(f"{d}: not a run output folder (no documents.csv)")
    tables = {name: diff_table(name, read_table(old_out, name), read_table(new_out, name))
              for name in _table_names(old_out, new_out)}
    return DiffReport(old_out, new_out, tables)
