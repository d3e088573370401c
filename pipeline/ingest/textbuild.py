"""Assemble a NoteText from pieces of source text, keeping the char map.

Readers hand over blocks as lists of pieces: `Src` (characters copied
unchanged from a page) and plain `str` (characters added by cleaning: joining
spaces, "Label: " separators). Copying pdfplumber's idea one level up, every
copied character keeps its (page, index) so a reviewer can find it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union

from pipeline.core.note import Block, BlockKind, NoteText, Span


@dataclass(frozen=True)
class Src:
    """`text` copied from page `page` (from 1) starting at char index `start`."""

    text: str
    page: int
    start: int


Piece = Union[Src, str]


def piece_text(pieces: Iterable[Piece]) -> str:
    return "".join(p.text if isinstance(p, Src) else p for p in pieces)


def join_cells(cells: list[list[Piece]]) -> list[Piece]:
    """A table row's cells as one line of text, "Label: value; value": the
    first cell's trailing colon (or an added ": ") leads to the second cell,
    further cells follow after "; "."""
    out: list[Piece] = []
    for i, cell in enumerate(cells):
        if i == 1:
            out.append(" " if piece_text(out).rstrip().endswith(":") else ": ")
        elif i > 1:
            out.append("; ")
        out.extend(_trim(cell))
    return out


class TextBuilder:
    """Appends blocks (separated by one blank line) and records spans."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self.spans: list[Span] = []
        self.blocks: list[Block] = []

    def _add(self, piece: Piece) -> None:
        if isinstance(piece, Src):
            if not piece.text:
                return
            last = self.spans[-1] if self.spans else None
            if (last is not None and last.page == piece.page
                    and last.start + last.length == self._pos
                    and last.page_start + last.length == piece.start):
                self.spans[-1] = Span(last.start, last.length + len(piece.text), last.page, last.page_start)
            else:
                self.spans.append(Span(self._pos, len(piece.text), piece.page, piece.start))
            self._parts.append(piece.text)
            self._pos += len(piece.text)
        elif piece:
            self._parts.append(piece)
            self._pos += len(piece)

    def add_block(self, kind: BlockKind, pieces: list[Piece], page: int) -> None:
        """Add one block; leading/trailing whitespace pieces are trimmed and
        empty blocks are dropped."""
        pieces = _trim(pieces)
        if not pieces:
            return
        if self.blocks:
            self._add("\n\n")
        start = self._pos
        for p in pieces:
            self._add(p)
        self.blocks.append(Block(kind, start, self._pos, page))

    def build(self, pages: int, **meta) -> NoteText:
        return NoteText(text="".join(self._parts), blocks=self.blocks, spans=self.spans, pages=pages, **meta)


def _trim(pieces: list[Piece]) -> list[Piece]:
    """Drop whitespace at both ends of a piece list (splitting Src pieces so
    their page indices stay right)."""
    out = [p for p in pieces if (p.text if isinstance(p, Src) else p)]
    while out:
        first = out[0]
        t = first.text if isinstance(first, Src) else first
        s = t.lstrip()
        if s == t:
            break
        if not s:
            out.pop(0)
            continue
        cut = len(t) - len(s)
        out[0] = Src(s, first.page, first.start + cut) if isinstance(first, Src) else s
        break
    while out:
        last = out[-1]
        t = last.text if isinstance(last, Src) else last
        s = t.rstrip()
        if s == t:
            break
        if not s:
            out.pop()
            continue
        out[-1] = Src(s, last.page, last.start) if isinstance(last, Src) else s
        break
    return out
