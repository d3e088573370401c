"""The note as ingestion hands it to the NLP stage: cleaned text, its blocks,
and a map from every character back to its page.

This is the one data type shared by `pipeline.ingest` (which builds it) and
everything after it (which only reads it). It is plain data so that it can be
cached as JSON and sent to worker processes.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Literal

BlockKind = Literal["heading", "body", "list_item", "table_row", "footnote"]




@dataclass(frozen=True)
class Block:
    """A run of `NoteText.text` with one role. Blocks never overlap, are in
    text order, and are separated in the text by a blank line ("\\n\\n"), so no
    sentence crosses a block boundary. `page` is the page the block starts on
    (from 1); a body paragraph that crosses a page break is one block."""

    kind: BlockKind
    start: int
    end: int
    page: int


@dataclass(frozen=True)
class Span:
    """One run of characters copied unchanged from a page: text[start:start+length]
    came from page `page` (from 1), starting at offset `page_start` of that
    page's character sequence as the reader reports it: for a PDF, the
    backend's page text (`Page.text` of pipeline/ingest/page_model.py: PDFium's
    text page, or pdfplumber's characters concatenated); for .txt, the
    decoded file."""

    start: int
    length: int
    page: int
    page_start: int


@dataclass
class NoteText:
    """A note's cleaned text and everything known about where it came from."""

    text: str
    blocks: list[Block]
    spans: list[Span]                      # the char map, in text order
    pages: int
    furniture: list[tuple[int, str]] = field(default_factory=list)  # (page, line) kept apart
    title: str = ""
    symbol: str = ""                        # UN document symbol, e.g. S/2025/505
    issued: str = ""                        # ISO date of issue, e.g. 2025-01-14
    language: str = ""                      # ISO 639-1 code guessed from the text
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)   # pages (from 1) read by OCR, not the text layer
    ocr_engine: str = ""                    # "tesseract 5.3.0" when any page was OCRed

    # -- provenance -----------------------------------------------------------
    def page_at(self, offset: int) -> int:
        """The page (from 1) that character `offset` of `text` came from.
        Characters added by cleaning (joining spaces, block separators) take the
        page of the character before them."""
        if not self.spans:
            return 1
        starts = self._span_starts()
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.spans[i].page

    def source_at(self, offset: int) -> tuple[int, int] | None:
        """(page, offset in that page's character sequence; see Span) of
        character `offset`, or None where cleaning added the character."""
        starts = self._span_starts()
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        s = self.spans[i]
        if offset < s.start + s.length:
            return s.page, s.page_start + (offset - s.start)
        return None

    def block_at(self, offset: int) -> Block | None:
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def _span_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None or len(cached) != len(self.spans):
            cached = [s.start for s in self.spans]
            self.__dict__["_starts"] = cached
        return cached

    # -- (de)serialisation for the cache and for worker processes -------------
    def to_dict(self) -> dict:
        d = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        d["blocks"] = [[b.kind, b.start, b.end, b.page] for b in self.blocks]
        d["spans"] = [[s.start, s.length, s.page, s.page_start] for s in self.spans]
        d["furniture"] = [list(f) for f in self.furniture]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "NoteText":
        d = dict(d)
        d["blocks"] = [Block(*b) for b in d["blocks"]]
        d["spans"] = [Span(*s) for s in d["spans"]]
        d["furniture"] = [tuple(f) for f in d.get("furniture", [])]
        return cls(**d)
