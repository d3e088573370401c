"""Assemble a NoteText from pieces of source text, keeping the char map.

Readers hand over blocks as lists of pieces: `Src` (characters copied
unchanged from a page) and plain `str` (characters added by cleaning: joining
spaces, "Label: " separators). Copying pdfplumber's idea one level up, every
copied character keeps its (page, index) so a reviewer can find it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Union

from pipeline.core.note import Block, BlockKind, NoteText, Span
from pipeline.ingest.patterns import list_start


@dataclass(frozen=True)
class Src:
    """`text` copied from page `page` (from 1) starting at char index `start`."""

    text: str
    page: int
    start: int


Piece = Union[Src, str]

# A block that ends without closing its sentence ...
OPEN_END_RE = re.compile(r"[^.!?:;…\s][”\"’)\]]*$")
# ... and a next block that opens in lower case, not with a list marker ("a)", "iv.", "b "):
CONTINUES_RE = re.compile(r"(?![a-z]{1,4}[.)]\s)(?![a-z]\s)[^\W\d_]")
CONTINUABLE = ("body", "list_item")
RUN_IN_MIN_WORDS = 6  # a "heading" of this many words that a lower-case block continues was a paragraph's start


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
        self._tail = ""   # the last characters of the text, to tell whether a block closed its sentence
        self._parts: list[str] = []
        self._pos = 0
        self.spans: list[Span] = []
        self.blocks: list[Block] = []
        self._last_text = ""  # the text of the last block

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
            self._tail = (self._tail + piece.text)[-8:]
        elif piece:
            self._parts.append(piece)
            self._pos += len(piece)
            self._tail = (self._tail + piece)[-8:]

    def add_block(self, kind: BlockKind, pieces: list[Piece], page: int) -> None:
        """Add one block; leading/trailing whitespace pieces are trimmed and
        empty blocks are dropped."""
        pieces = _trim(pieces)
        if not pieces:
            return
        if self._continues(kind, pieces):
            # a sentence cut by a block or page break ("must distinguish between civilian populations and" |
            # "military objectives."): the lower-case block goes on the open one, one space between
            last = self.blocks.pop()
            self._add(" ")
            for p in pieces:
                self._add(p)
            self.blocks.append(Block(self._merged_kind(last, kind), last.start, self._pos, last.page))
            self._last_text = ""  # only a heading's text is read (`_run_in_head`), and this block is none
            return
        if self.blocks:
            self._add("\n\n")
        start = self._pos
        for p in pieces:
            self._add(p)
        self.blocks.append(Block(kind, start, self._pos, page))
        self._last_text = piece_text(pieces)

    def _continues(self, kind: BlockKind, pieces: list[Piece]) -> bool:
        """Whether a new block goes on the last one: that one (a paragraph or list item) left its
        sentence open, and this one (a paragraph, list item or heading-like line) opens in lower case.
        A "heading" that a lower-case paragraph continues was the bold run-in start of a paragraph or
        item ("4. UNDP is on track overall in delivering the Strategy" | "in a row, UNDP maintained
        ..."; a bold UPR item cut by a page break): it goes on as well, when it opens with a list marker
        or is too long for a short heading."""
        if not self.blocks or kind not in CONTINUABLE + ("heading",):
            return False
        last = self.blocks[-1]
        if last.kind == "heading":
            if kind == "heading" or not self._run_in_head(last):
                return False
        elif last.kind not in CONTINUABLE:
            return False
        head = piece_text(pieces[:3])[:8]
        return bool(CONTINUES_RE.match(head) and head[:1].islower() and OPEN_END_RE.search(self._tail))

    def _run_in_head(self, block: Block) -> bool:
        return list_start(self._last_text) is not None or len(self._last_text.split()) >= RUN_IN_MIN_WORDS

    def _merged_kind(self, last: Block, kind: BlockKind) -> BlockKind:
        if last.kind != "heading":
            return last.kind
        return "list_item" if list_start(self._last_text) is not None else kind

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

