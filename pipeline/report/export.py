"""`unnotes export`: a run's tables for spreadsheet users.

- `write_xlsx`: one workbook (openpyxl, write-only so memory stays flat on big
  runs), one sheet per table, header row frozen, autofilter on, column widths
  from the content, numbers as numbers, and every text cell stored as text
  (never as a formula: a cell starting with "=" is typed as a string, and one
  starting with = + - @ also gets Excel's quote prefix, so re-editing it does
  not turn it into a formula either).
- `write_csv_bom`: the CSVs again as UTF-8 with a byte-order mark, which is
  what makes Excel read "Côte d’Ivoire" instead of "CÃ´te dâ€™Ivoire";
  formula-guarded as the run's own CSVs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.output import FORMULA_TRIGGERS, atomic_write_bytes, neutralise_cell
from pipeline.report.runfolder import read_table

SHEETS = ("documents", "mentions", "states", "organizations", "dates", "recommendations", "references", "meetings")
NUMERIC = {"pages", "page", "first_page", "mentions", "start", "end"}
NUMERIC_EXCEPT = {"dates": {"start", "end"}, "meetings": {"start", "end"}}   # ISO dates stay text
MAX_CELL = 32_767            # Excel's limit of characters in a cell
MIN_WIDTH, MAX_WIDTH = 6, 60
WIDTH_SAMPLE = 2_000         # rows looked at to size a column


def _columns(out_dir: Path, name: str) -> list[str]:
    path = Path(out_dir) / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh), [])


def _typed(table: str, column: str, value: str):
    if column in NUMERIC and column not in NUMERIC_EXCEPT.get(table, ()):
        try:
            return int(value)
        except ValueError:
            return value
    return value[:MAX_CELL]


def write_xlsx(out_dir: Path, path: Path) -> dict[str, int]:
    """Write the workbook; return {sheet: data rows}."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    counts: dict[str, int] = {}
    bold = Font(bold=True)
    for name in SHEETS:
        columns = _columns(out_dir, name)
        rows = read_table(out_dir, name)
        ws = wb.create_sheet(title=name)
        if not columns:
            counts[name] = 0
            continue
        widths = [len(c) for c in columns]
        for row in rows[:WIDTH_SAMPLE]:
            for i, c in enumerate(columns):
                widths[i] = max(widths[i], len(row.get(c) or ""))
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = max(MIN_WIDTH, min(MAX_WIDTH, w + 2))
        ws.freeze_panes = "A2"
        last = f"{get_column_letter(len(columns))}{len(rows) + 1}"
        ws.auto_filter.ref = f"A1:{last}"
        header = []
        for c in columns:
            cell = WriteOnlyCell(ws, value=c)
            cell.font = bold
            cell.data_type = "s"
            header.append(cell)
        ws.append(header)
        for row in rows:
            cells = []
            for c in columns:
                value = _typed(name, c, row.get(c) or "")
                cell = WriteOnlyCell(ws, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"             # never "f" (formula), whatever the text starts with
                    if value.startswith(FORMULA_TRIGGERS):
                        cell.quotePrefix = True
                cells.append(cell)
            ws.append(cells)
        counts[name] = len(rows)
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())
    return counts


def write_csv_bom(out_dir: Path, folder: Path) -> dict[str, int]:
    """Each table as FOLDER/<name>.csv in UTF-8 with BOM (CRLF line ends, as Excel writes);
    return {table: data rows}."""
    counts = {}
    for name in SHEETS:
        columns = _columns(out_dir, name)
        if not columns:
            continue
        rows = read_table(out_dir, name)
        text = io.StringIO()
        w = csv.writer(text, lineterminator="\r\n")
        w.writerow(columns)
        for row in rows:
            w.writerow([neutralise_cell(row.get(c) or "") for c in columns])
        atomic_write_bytes(Path(folder) / f"{name}.csv", "\ufeff".encode() + text.getvalue().encode("utf-8"))
        counts[name] = len(rows)
    return counts
