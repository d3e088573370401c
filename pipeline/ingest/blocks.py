"""Lines -> blocks: paragraphs, headings, list items, table rows, footnotes.

A new block starts at a vertical gap, an indented first line, a short last
line that ends a sentence, a change of font, or a list marker ("1.", "(a)",
"•", "86.1"). A sentence that runs over a page (or column) break is joined:
the last body line of a page continues on the next page unless it ended a
sentence. Lines inside a block are joined with one space; line-end hyphens
are repaired (hyphenation.py)."""

from __future__ import annotations

import re
import statistics

from pipeline.ingest.footnotes import footnote_groups, leading_marker
from pipeline.ingest.hyphenation import Vocabulary, append_line, close_word_gaps
from pipeline.ingest.name_lists import split_name_lists
from pipeline.ingest.patterns import layout_patterns, list_start
from pipeline.ingest.page_model import Line, Page, RuledTable
from pipeline.ingest.tables import find_table
from pipeline.ingest.textbuild import Piece, TextBuilder, join_cells, piece_text

# a line ends a sentence with its punctuation, or ends a list item with "; and" / ", or" (a bare
# "... of the colonial and" | "Non-Self-Governing Territories" goes on)
ENDS_SENTENCE_RE = re.compile(r"(?:[.!?:;…]|[,;]\s+(?:and|or))[”\"’)\]]*$")
ENDS_CLAUSE_RE = re.compile(r"[.,;:!?]$")
PARA_GAP = 0.6         # extra space above a line (in font sizes) that starts a paragraph ...
PARA_GAP_AFTER_SENTENCE = 0.25  # ... or less when the line above ended a sentence
INDENT = 1.2           # first-line indent, in font sizes
SHORT_LINE = 4.0       # a line ending this many font sizes before the right edge is short
SIZE_CHANGE = 0.6      # points of font size change that start a new block
FULL_LINE = 0.7       # a line spanning this share of the text width is a full line of running text
HEADING_MAX_CHARS = 220
HEADING_LARGER = 1.12  # a heading font at least this times the body size
BULLET_IDS = {"bullet"}


def line_pitch(pages: list[Page], body_size: float) -> float:
    """The usual distance between the tops of consecutive body lines."""
    deltas = []
    for p in pages:
        body = [ln for ln in p.lines if ln.role == "body" and abs(ln.size - body_size) < 0.6]
        for a, b in zip(body, body[1:]):
            d = b.top - a.top
            if 0.8 * body_size < d < 2.5 * body_size:
                deltas.append(d)
    return statistics.median(deltas) if deltas else 1.2 * body_size


def heading_pattern(text: str) -> bool:
    return any(p.kind == "heading" and p.regex.match(text) for p in layout_patterns())


class BlockAssembler:
    """Feeds pages of lines, produces blocks into a TextBuilder."""

    def __init__(self, vocab: Vocabulary, body_size: float, pitch: float) -> None:
        self.vocab = vocab
        self.body_size = body_size
        self.pitch = pitch
        self.builder = TextBuilder()
        self.current: list[Line] = []
        self.footnotes: list[tuple[list[Line], int]] = []
        self.prev_page_end = False   # the next line follows a page break
        self.text_width = 0.0        # the widest text block of the pages so far (a page of right-aligned
        # signatures has a narrow one of its own)

    # -- per page -----------------------------------------------------------
    def add_page(self, page: Page) -> None:
        body = [ln for ln in page.lines if ln.role == "body"]
        body = order_columns(body, page)
        left, right = _margins(body, self.body_size, page)
        self.text_width = max(self.text_width, right - left)
        ruled = {line_id: t for t in page.tables for line_id in t.line_ids()}
        table = find_table([ln for ln in body if id(ln) not in ruled] if ruled else body, self.pitch)
        done: list[RuledTable] = []
        first = True
        for ln in body:
            grid = ruled.get(id(ln))
            if grid is not None:
                if not any(t is grid for t in done):   # a ruled table goes where its first line is
                    done.append(grid)
                    self._flush()
                    for row in grid.rows:
                        self._emit_row(row)
                continue
            if table and id(ln) in table.lines:
                if table.rows:
                    self._flush()
                    for row in table.rows:
                        self._emit("table_row", row)
                    table.rows = []
                continue
            if not self.current or self._starts_block(self.current[-1], ln, left, right,
                                                     page_break=first and self.prev_page_end):
                self._flush()
            self.current.append(ln)
            first = False
        self.prev_page_end = True
        notes = sorted((ln for ln in page.lines if ln.role == "footnote"), key=lambda l: l.top)
        for group in footnote_groups(notes):
            self.footnotes.append((group, page.number))

    def finish(self) -> TextBuilder:
        self._flush()
        for group, page in self.footnotes:
            pieces = self._join(group, first_cut=leading_marker(group[0]))
            self.builder.add_block("footnote", pieces, page)
        return self.builder

    # -- decisions ------------------------------------------------------------
    def _starts_block(self, prev: Line, cur: Line, left: float, right: float, page_break: bool) -> bool:
        prev_text, cur_text = prev.text, cur.text
        ends = bool(ENDS_SENTENCE_RE.search(prev_text))
        marker = list_start(cur_text)
        if page_break or cur.top < prev.top - cur.size:      # next page or next column
            if _is_heading_line(prev, self.body_size) or _is_heading_line(cur, self.body_size):
                return True
            return ends and not cur_text[:1].islower() or marker is not None
        if abs(cur.size - prev.size) > SIZE_CHANGE:
            return True
        if cur.bold != prev.bold and not (not ends and marker is None and self._runs_on(prev, cur, right)):
            # a bold run-in head or a bold sentence inside a paragraph does not start a block when
            # the line before it is full and its sentence goes on ("• First-phase recovery efforts:
            # Support urgent first-phase recovery efforts in" | "Gaza by addressing ...")
            return True
        extra = cur.top - prev.top - self.pitch
        if extra > PARA_GAP * cur.size or ends and extra > PARA_GAP_AFTER_SENTENCE * cur.size:
            return True
        if marker is not None and (ends or marker in BULLET_IDS and not cur_text[:1] in "-–—"):
            return True
        if not ends:
            return False
        if cur.x0 > prev.x0 + INDENT * cur.size and cur.x0 > left + INDENT * cur.size / 2:
            return True
        if prev.x1 < right - SHORT_LINE * prev.size:
            return True
        return False

    def _runs_on(self, prev: Line, cur: Line, right: float) -> bool:
        """Whether `cur` goes on with the running text of `prev` across a change of font: `prev` is
        a full line (most of the text width, and the first word of `cur` would not have fitted
        after it), and `cur` follows at the usual line pitch, not indented."""
        return (prev.x1 - prev.x0 >= FULL_LINE * self.text_width
                and cur.top - prev.top - self.pitch <= PARA_GAP_AFTER_SENTENCE * cur.size
                and cur.x0 <= prev.x0 + INDENT * cur.size
                and _filled(prev, cur, right))

    # -- output ---------------------------------------------------------------
    def _flush(self) -> None:
        if self.current:
            lines, self.current = self.current, []
            kind = _kind(lines, self.body_size)
            if kind != "body":
                self._emit(kind, lines)
                return
            # a one-name-per-line list (an attendance annex): each name its own block (name_lists.py)
            parts = split_name_lists(lines, self.text_width)
            for name, part in parts:
                self._emit("body" if name or len(parts) == 1 else _kind(part, self.body_size), part)

    def _emit(self, kind: str, lines: list[Line]) -> None:
        pieces = self._join(lines)
        if kind == "table_row" and not piece_text(pieces).split(":")[0].strip():
            kind = "body"
        self.builder.add_block(kind, pieces, lines[0].page)

    def _emit_row(self, row: list[list[Line]]) -> None:
        """One row of a ruled table: "first cell: second cell; third cell"."""
        cells = [self._join([ln for ln in cell if ln.role == "body"]) for cell in row]
        cells = [c for c in cells if piece_text(c).strip()]
        if cells:
            page = next(ln.page for cell in row for ln in cell)
            self.builder.add_block("table_row", join_cells(cells), page)

    def _join(self, lines: list[Line], first_cut: list[tuple[int, int]] | None = None) -> list[Piece]:
        out: list[Piece] = []
        for k, ln in enumerate(lines):
            cuts = ln.markers + (first_cut or []) if k == 0 else ln.markers
            pieces = close_word_gaps(ln.pieces_without(cuts), self.vocab)
            text = piece_text(pieces).strip()
            if text:
                append_line(out, pieces, text, self.vocab)
        return out


def _filled(prev: Line, cur: Line, right: float) -> bool:
    """Whether `prev` was broken only because the first word of `cur` did not fit after it: that
    word, at `cur`'s mean character width, would run past the right margin."""
    text = cur.text
    if not text:
        return False
    width = (cur.x1 - cur.x0) / len(text)
    first = len(text.split(None, 1)[0])
    return prev.x1 + (first + 1) * width > right + 0.5 * width


def _is_heading_line(line: Line, body_size: float) -> bool:
    text = line.text
    return (len(text) < HEADING_MAX_CHARS and not ENDS_CLAUSE_RE.search(text)
            and (line.bold or line.size >= HEADING_LARGER * body_size))


def _kind(lines: list[Line], body_size: float) -> str:
    text = " ".join(ln.text for ln in lines)
    words = text.split()
    if len(text) <= HEADING_MAX_CHARS and not ENDS_CLAUSE_RE.search(text):
        bold = all(ln.bold for ln in lines)
        larger = min(ln.size for ln in lines) >= HEADING_LARGER * body_size
        letters = [c for c in text if c.isalpha()]
        caps = len(letters) >= 3 and all(c.isupper() for c in letters) and len(words) <= 12
        if bold or larger or caps or (heading_pattern(text) and len(words) <= 10):
            return "heading"
    if list_start(lines[0].text):
        return "list_item"
    return "body"


def _margins(body: list[Line], body_size: float, page: Page) -> tuple[float, float]:
    main = [ln for ln in body if abs(ln.size - body_size) < 0.6] or body
    if not main:
        return 0.0, page.width
    xs = sorted(ln.x0 for ln in main)
    ends = sorted(ln.x1 for ln in main)
    return xs[len(xs) // 10], ends[(len(ends) * 9) // 10]


def order_columns(body: list[Line], page: Page) -> list[Line]:
    """Two-column pages: read the left column, then the right one. A column
    gutter is a vertical strip near the middle that no line crosses over most
    of the body height."""
    if len(body) < 12:
        return body
    mid = page.width / 2
    left = [ln for ln in body if ln.x1 < mid]
    right = [ln for ln in body if ln.x0 > mid - 0.05 * page.width and ln.x0 > mid * 0.9]
    crossing = [ln for ln in body if ln.x0 < mid - 5 and ln.x1 > mid + 5]
    if len(left) < 5 or len(right) < 5 or len(crossing) > 0.2 * len(body):
        return body
    # the right column starts at its leftmost line; a line running past that edge spans both columns (a
    # heading over a two-column list, a full-width paragraph): it closes the band of columns above it, which
    # is read left column first ("Non-governmental organizations" | its names, left then right | the next
    # heading), and a left-column line that only passes the page middle stays in its column
    edge = min(ln.x0 for ln in right)
    spanning = sorted((ln for ln in body if ln.x0 < edge - 5 and ln.x1 > edge + 1), key=lambda l: l.top)
    span_ids = set(map(id, spanning))
    out: list[Line] = []
    rest = sorted((ln for ln in body if id(ln) not in span_ids), key=lambda l: l.top)
    for cut in spanning + [None]:
        band = [ln for ln in rest if cut is None or ln.top < cut.top]
        rest = rest[len(band):]
        out += [ln for ln in band if ln.x0 < edge - 1] + [ln for ln in band if ln.x0 >= edge - 1]
        if cut is not None:
            out.append(cut)
    return out
