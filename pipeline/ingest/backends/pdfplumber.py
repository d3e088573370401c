"""The pdfplumber backend (`--pdf-backend pdfplumber`): a PDF -> pages of the
neutral page model, from pdfplumber's characters (pdfminer underneath) and
its table finder for ruled tables. The one module that imports pdfplumber.

pdfplumber reports every glyph with its box, font name and size; lines are
built from them by `lines.lines_from_chars`. A page's character sequence
(`Page.text`, the address space of provenance) is its characters' texts in
content order, concatenated. Pages that draw enough lines and rectangles are
given to pdfplumber's table finder (the "lines" strategy: cells bounded by
drawn borders); a table of at least two rows and two columns becomes a
`RuledTable` whose cells are built into lines separately, so a cell's text
never runs into its neighbour's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.core.errors import IngestError
from pipeline.ingest.lines import lines_from_chars
from pipeline.ingest.page_model import Char, Image, Line, Page, Rect, RuledTable
from pipeline.ingest.textbuild import Src

CID_RE = re.compile(r"\(cid:(\d+)\)")
# pdfminer writes a glyph it cannot map to Unicode as "(cid:N)". In a simple
# font N is the byte code; the PDF standard (ISO 32000, Annex D) maps the
# codes WinAnsiEncoding leaves unused to the bullet, which is how producers
# such as ReportLab print "•". Any other unmapped glyph is U+FFFD.
WINANSI_UNUSED = {0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D}
UNKNOWN_GLYPH = "\ufffd"
MIN_EDGES_FOR_TABLES = 8   # fewer drawn lines/rectangles on a page: no table finder
MIN_TABLE_ROWS = 2
MIN_TABLE_COLUMNS = 2


def read_pages(path: Path, password: str | None = None) -> list[Page]:
    """Every page of the PDF at `path`, or IngestError with the reason."""
    try:
        pdf = pdfplumber.open(str(path), password=password or "")
    except PdfminerException as e:
        raise _reason(e, password) from None
    except OSError as e:
        raise IngestError(f"cannot open file ({e.strerror or e})") from None
    try:
        try:
            pages = pdf.pages
        except PdfminerException as e:
            raise _reason(e, password) from None
        if not pages:
            raise IngestError("truncated or corrupt PDF")
        out = []
        for i, page in enumerate(pages):
            try:
                out.append(_read_page(page, i + 1))
            except PdfminerException as e:
                raise _reason(e, password) from None
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def _reason(e: PdfminerException, password: str | None) -> IngestError:
    cause = e.args[0] if e.args else e
    if isinstance(cause, PDFPasswordIncorrect):
        return IngestError("wrong password" if password else "encrypted: needs a password")
    if isinstance(cause, PDFEncryptionError):
        return IngestError("encrypted: unsupported security handler")
    return IngestError("truncated or corrupt PDF")


def _chars(page) -> tuple[str, list[Char]]:
    text_parts: list[str] = []
    chars: list[Char] = []
    pos = 0
    for c in page.chars:
        t = c.get("text") or ""
        if not t:
            continue
        if t.startswith("(cid:"):
            t = CID_RE.sub(_unmapped_glyph, t)
        chars.append(Char(t, pos, c["x0"], c["top"], c["x1"], c["bottom"], c.get("size") or 0.0,
                          c.get("fontname") or ""))
        text_parts.append(t)
        pos += len(t)
    return "".join(text_parts), chars


def _unmapped_glyph(m: re.Match) -> str:
    return "•" if int(m.group(1)) in WINANSI_UNUSED else UNKNOWN_GLYPH


def _boxes(objs) -> list[tuple[float, float, float, float]]:
    return [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in objs]


def _read_page(page, number: int) -> Page:
    text, chars = _chars(page)
    rects = [Rect(*b) for b in _boxes(page.rects) + _boxes(page.lines) + _boxes(page.curves)]
    images = [Image(*b) for b in _boxes(page.images)]
    grids: list[list[list[tuple[float, float, float, float] | None]]] = []
    if len(rects) >= MIN_EDGES_FOR_TABLES:
        for table in page.find_tables():
            rows = [list(row.cells) for row in table.rows]
            if len(rows) >= MIN_TABLE_ROWS and max(len(r) for r in rows) >= MIN_TABLE_COLUMNS:
                grids.append(rows)
    lines, tables = _lines_and_tables(chars, grids, number, page.width)
    return Page(number, page.width, page.height, text, lines, rects, images, tables)


def _cell_of(c: Char, grids) -> tuple[int, int, int] | None:
    x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    for t, rows in enumerate(grids):
        for r, row in enumerate(rows):
            for k, box in enumerate(row):
                if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                    return t, r, k
    return None


def _lines_and_tables(chars: list[Char], grids, number: int, width: float) -> tuple[list[Line], list[RuledTable]]:
    """Lines of the characters outside tables, and each table's cells as lines;
    a table's lines go into the page's lines where its first character was."""
    if not grids:
        return lines_from_chars(chars, number, width), []
    free: list[Char] = []
    cells: dict[tuple[int, int, int], list[Char]] = {}
    first_index: dict[int, int] = {}
    for c in chars:
        where = _cell_of(c, grids) if c.text.strip() else None
        if where is None:
            free.append(c)
            continue
        cells.setdefault(where, []).append(c)
        first_index.setdefault(where[0], c.index)
    tables: list[tuple[int, RuledTable, list[Line]]] = []
    for t, rows in enumerate(grids):
        if t not in first_index:
            continue
        table_rows = [[lines_from_chars(cells.get((t, r, k), []), number, width) for k in range(len(row))]
                      for r, row in enumerate(rows)]
        table_lines = [ln for row in table_rows for cell in row for ln in cell]
        tables.append((first_index[t], RuledTable(table_rows), table_lines))
    tables.sort(key=lambda x: x[0])
    free_lines = lines_from_chars(free, number, width)
    out: list[Line] = []
    pending = list(tables)
    for ln in free_lines:
        start = _first_index(ln)
        while pending and start is not None and pending[0][0] < start:
            out.extend(pending.pop(0)[2])
        out.append(ln)
    for _, _, table_lines in pending:
        out.extend(table_lines)
    return out, [t for _, t, _ in tables]


def _first_index(line: Line) -> int | None:
    return next((p.start for p in line.pieces if isinstance(p, Src)), None)
