"""The neutral page model: what a PDF backend (or OCR) hands to the layout
stages. Everything after the backend adapter (furniture, footnotes, tables,
columns, hyphenation, blocks, textbuild, metadata) reads only these types.

Coordinates are points with y measured down from the top of the page.

A backend produces, per page:
- `text`: the page's character sequence as the backend reports it. It is the
  address space of provenance: `Src.start` and `Span.page_start` are offsets
  into it. Read it only through `Src` ranges; it may hold backend control
  characters, which the backend never copies into a line.
- `lines`: printed lines. A backend either builds them itself (the PDFium
  backend does, from its own line breaks, because asking PDFium for every
  character's box would cost more than the rest of ingestion) or hands a list
  of `Char`s (glyphs, or OCR words) to `lines.lines_from_chars`.
- `rects`: drawn lines and rectangles (bounding boxes of path objects), from
  which `rules` (horizontal rules) follow; `images`: image boxes;
  `tables`: ruled tables a backend's table finder found, as cells of lines.

Neutral form of a line (each backend normalises its own quirks into it):
a line holds only printed characters; a line-end hyphen that the backend
reports as a placeholder (PDFium's U+FFFE/U+0002, a soft hyphen U+00AD) is an
added "-" piece at the end of the line, a soft hyphen inside a line is
dropped, and a run of whitespace is one " ".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.ingest.textbuild import Piece, Src

# A table label ("Date and Venue:") is at most this long; `Line.value_x`
# looks for its colon within this many characters of the line start.
LABEL_MAX_CHARS = 45
# Horizontal rule: a drawn path at most this tall and at least this wide (points)
RULE_MAX_HEIGHT = 2.0
RULE_MIN_WIDTH = 30.0
DEFAULT_BODY_SIZE = 10.0


@dataclass(frozen=True)
class Char:
    """One glyph (or one OCR word) with its box. `index` is the offset of
    `text` in the page's character sequence (`Page.text`); `size` is the font
    size in points (OCR: estimated from the box height); `font` the font name
    ("" when unknown)."""

    text: str
    index: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str = ""


@dataclass(frozen=True)
class Rect:
    """The box of a drawn path: a rule, a cell border or a filled rectangle."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Image:
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(eq=False)
class LineBox:
    """What a printed line and each run of characters a backend put on one line
    (`lines.RawLine`) have alike: the box, the font size and whether it is bold.
    No equality of its own (`eq=False`): a Line is compared and hashed by identity."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(eq=False, kw_only=True)
class Line(LineBox):
    """One printed line: pieces of page text (`Src`) and added characters
    (`str`), with geometry (LineBox's fields first, then these, by keyword)."""

    page: int
    pieces: list[Piece]
    markers: list[tuple[int, int]]   # page char ranges of reference markers (superscripts)
    value_x: float | None = None    # x of the first char after a leading "Label:" (tables)
    role: str = "body"              # body / furniture / separator / footnote (set by the layout stages)

    @property
    def text(self) -> str:
        return "".join(p.text if isinstance(p, Src) else p for p in self.pieces)

    def pieces_without(self, ranges: list[tuple[int, int]]) -> list[Piece]:
        """Pieces with the page char ranges `ranges` cut out."""
        if not ranges:
            return list(self.pieces)
        out: list[Piece] = []
        for p in self.pieces:
            if not isinstance(p, Src):
                out.append(p)
                continue
            pos, end = p.start, p.start + len(p.text)
            for a, b in sorted(ranges):
                if b <= pos or a >= end:
                    continue
                if a > pos:
                    out.append(Src(p.text[pos - p.start:a - p.start], p.page, pos))
                pos = max(pos, b)
            if pos < end:
                out.append(Src(p.text[pos - p.start:], p.page, pos))
        return out


@dataclass
class RuledTable:
    """A table drawn with cell borders: rows of cells, each cell its lines
    (which are also in `Page.lines`, in content order)."""

    rows: list[list[list[Line]]]

    def line_ids(self) -> set[int]:
        return {id(ln) for row in self.rows for cell in row for ln in cell}


@dataclass
class Page:
    number: int           # from 1
    width: float
    height: float
    text: str             # the backend's page character sequence (see the module docstring)
    lines: list[Line]
    rects: list[Rect] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    tables: list[RuledTable] = field(default_factory=list)

    @property
    def chars(self) -> int:
        """Printed characters on the page (spaces and line breaks not counted)."""
        return len(self.text) - self.text.count(" ") - self.text.count("\r") - self.text.count("\n")

    @property
    def rules(self) -> list[tuple[float, float, float]]:
        """Horizontal rules as (x0, x1, y)."""
        return [(r.x0, r.x1, r.top) for r in self.rects
                if r.bottom - r.top <= RULE_MAX_HEIGHT and r.x1 - r.x0 >= RULE_MIN_WIDTH]


def body_size(pages: list[Page]) -> float:
    """The document's body font size: the size carrying the most characters."""
    weight: dict[float, int] = {}
    for p in pages:
        for ln in p.lines:
            key = round(ln.size * 2) / 2
            weight[key] = weight.get(key, 0) + len(ln.text)
    if not weight:
        return DEFAULT_BODY_SIZE
    return max(weight, key=weight.get)
