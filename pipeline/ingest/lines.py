"""Characters -> printed lines, for backends that report characters with
boxes (pdfplumber, OCR words) rather than lines. Also the line-level rules
every backend shares: when two raw lines are one printed line, where a column
gutter splits a line, what a reference marker looks like.

Characters come in content order. A raw line ends at a line break, where the
next glyph does not overlap the line vertically, or where it moves back to
the left; a space is added between two glyphs further apart than
`WORD_GAP` font sizes (PDFs often position words instead of printing spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from pipeline.ingest.page_model import LABEL_MAX_CHARS, Char, Line, LineBox
from pipeline.ingest.textbuild import Piece, Src

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MARKER_RE = re.compile(r"[0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*†‡]")
# A marker is set in a font at most this fraction of the line's size ...
MARKER_MAX_SIZE = 0.8
# ... and raised by at least this fraction of the line's size.
MARKER_MIN_RISE = 0.15
# Two raw lines overlapping this much vertically are one printed line
SAME_LINE_OVERLAP = 0.5
# x positions (fractions of page width) probed for an empty column gutter
GUTTER_PROBES = (0.5, 0.485, 0.515, 0.4925, 0.5075)
GUTTER_SAMPLE = 5      # page-wide lines probed per page
GUTTER_MIN_LINES = 6   # fewer page-wide lines than this: no two-column check
GUTTER_SHARE = 0.6     # a gutter is empty in at least this share of the probed lines
HIT_TOLERANCE = 1.0    # points around a probe point that a glyph must miss
WORD_GAP = 0.15        # font sizes between two glyphs that make a space
BACK_STEP = 0.5        # font sizes a glyph may step back left and stay on the line
REORDER_MAX_GAP = 4.0  # font sizes between two pieces of one printed line drawn right to left
SOFT_HYPHEN = "\u00ad"
BOLD_WORDS = ("bold", "black", "heavy")


@dataclass(kw_only=True)
class RawLine(LineBox):
    """A run of characters [a, b) that the backend put on one line (indices are
    the backend's own: page text offsets for PDFium, list positions here), with
    LineBox's geometry first. Compared by value, as before the shared base."""

    a: int
    b: int
    column_end: bool = False    # a column gutter follows: never merge with the next raw line


def spans_middle(r: RawLine, width: float) -> bool:
    return r.x0 < GUTTER_PROBES[0] * width and r.x1 > GUTTER_PROBES[-1] * width


def same_line_groups(raws: list[RawLine]) -> list[list[RawLine]]:
    """Merge raw lines that were split at a superscript back into one printed line."""
    groups: list[list[RawLine]] = []
    for r in raws:
        if groups:
            last = groups[-1][-1]
            overlap = min(last.bottom, r.bottom) - max(last.top, r.top)
            smaller = min(last.bottom - last.top, r.bottom - r.top)
            if (smaller > 0 and overlap >= SAME_LINE_OVERLAP * smaller and r.x0 >= last.x1 - 1
                    and not last.column_end):
                groups[-1].append(r)
                continue
        groups.append([r])
    return groups


def is_bold_font(name: str) -> bool:
    name = name.lower()
    return any(w in name for w in BOLD_WORDS)


# -- from characters -------------------------------------------------------------

def lines_from_chars(chars: list[Char], page: int, width: float) -> list[Line]:
    """The printed lines of one page's characters (in content order)."""
    raws = [r for r in (_raw_line(chars, a, b) for a, b in _line_ranges(chars)) if r]
    if has_gutter(raws, width, lambda r: _gutter_at(chars, r, width)):
        raws = [part for r in raws for part in _split_at_gutter(chars, r, width)]
    return [_make_line(chars, page, group) for group in same_line_groups(_left_first(raws, width))]


def _left_first(raws: list[RawLine], width: float) -> list[RawLine]:
    """Put a piece of a printed line that the content stream draws after the
    rest but prints to its left (a paragraph number "1." drawn after its
    line) before it, so that the two merge into one line in reading order.
    Pieces on both sides of the page middle are two columns and stay apart."""
    out = list(raws)
    mid = width / 2
    for i in range(len(out) - 1):
        right, left = out[i], out[i + 1]
        if right.column_end or left.x1 > right.x0 + 1 or left.x1 < mid < right.x0:
            continue
        overlap = min(left.bottom, right.bottom) - max(left.top, right.top)
        smaller = min(left.bottom - left.top, right.bottom - right.top)
        size = max(left.size, right.size)
        if smaller > 0 and overlap >= SAME_LINE_OVERLAP * smaller and right.x0 - left.x1 < REORDER_MAX_GAP * size:
            out[i], out[i + 1] = left, right
    return out


def _printed(c: Char) -> bool:
    return bool(c.text.strip()) and c.text != SOFT_HYPHEN


def _line_ranges(chars: list[Char]):
    start, prev = 0, None
    for i, c in enumerate(chars):
        if c.text in ("\n", "\r", "\r\n"):
            yield start, i
            start, prev = i + 1, None
            continue
        if not c.text.strip():
            continue
        if prev is not None and _breaks(prev, c):
            yield start, i
            start = i
        prev = c
    yield start, len(chars)


def _breaks(prev: Char, c: Char) -> bool:
    overlap = min(prev.bottom, c.bottom) - max(prev.top, c.top)
    smaller = min(prev.bottom - prev.top, c.bottom - c.top)
    if smaller > 0 and overlap < SAME_LINE_OVERLAP * smaller:
        return True
    return c.x0 < prev.x0 - BACK_STEP * max(c.size, prev.size)


def _raw_line(chars: list[Char], a: int, b: int) -> RawLine | None:
    while a < b and not _printed(chars[a]):
        a += 1
    while b > a and not chars[b - 1].text.strip():
        b -= 1
    if a >= b:
        return None
    printed = [c for c in chars[a:b] if _printed(c)]
    main = sorted(printed, key=lambda c: c.size)[len(printed) // 2]   # a character in the line's main font
    return RawLine(chars[a].x0, max(chars[b - 1].x1, chars[a].x0), main.top, main.bottom,
                   main.size, is_bold_font(main.font), a=a, b=b)


def _gutter_at(chars: list[Char], r: RawLine, width: float) -> bool:
    for fx in GUTTER_PROBES:
        x = fx * width
        if any(c.x0 - HIT_TOLERANCE <= x <= c.x1 + HIT_TOLERANCE for c in chars[r.a:r.b] if _printed(c)):
            return False
    return True


def has_gutter(raws: list[RawLine], width: float, gutter_at: Callable[[RawLine], bool]) -> bool:
    """Is there an empty strip in the middle of most of a few page-wide lines?
    `gutter_at(raw)` is the backend's own probe of one line (hit-testing is costly,
    so only GUTTER_SAMPLE lines are probed)."""
    wide = [r for r in raws if spans_middle(r, width)]
    if len(wide) < GUTTER_MIN_LINES:
        return False
    step = max(1, len(wide) // GUTTER_SAMPLE)
    sample = wide[::step][:GUTTER_SAMPLE]
    return sum(gutter_at(r) for r in sample) >= GUTTER_SHARE * len(sample)


def _split_at_gutter(chars: list[Char], r: RawLine, width: float) -> list[RawLine]:
    """Two columns' lines that share a baseline and follow each other in the
    content stream: split a line that spans the page middle at the gutter."""
    if not spans_middle(r, width) or not _gutter_at(chars, r, width):
        return [r]
    mid = width / 2
    split = next((i for i in range(r.a, r.b) if _printed(chars[i]) and chars[i].x0 > mid), r.b)
    left, right = _raw_line(chars, r.a, split), _raw_line(chars, split, r.b)
    if left is None or right is None:
        return [r]
    left.column_end = True
    return [left, right]


def _follows(a: Char, b: Char) -> bool:
    """Does `b` come right after `a` in the page's character sequence?"""
    return a.index + len(a.text) == b.index


def _pieces(chars: list[Char], a: int, b: int, page: int) -> list[Piece]:
    """Src pieces of chars[a:b]: one printed space between two words is
    copied, any other whitespace run shows as one added space, a soft hyphen
    is dropped inside the line and is "-" at its end, and a space is added
    where two glyphs are a word gap apart."""
    out: list[Piece] = []
    run: list[Char] = []       # consecutive characters copied as one Src
    blanks: list[Char] = []    # whitespace since the last printed glyph
    prev: Char | None = None

    def flush():
        if run:
            out.append(Src("".join(c.text for c in run), page, run[0].index))
            run.clear()

    for i in range(a, b):
        c = chars[i]
        if c.text == SOFT_HYPHEN:
            flush()
            if i == b - 1:
                out.append("-")
            prev = c
            continue
        if not c.text.strip():
            blanks.append(c)
            continue
        if blanks:
            space = blanks[0]
            if len(blanks) == 1 and space.text == " " and run and _follows(run[-1], space) and _follows(space, c):
                run.append(space)
            else:
                flush()
                out.append(" ")
            blanks = []
        elif prev is not None and c.x0 - prev.x1 > WORD_GAP * max(c.size, prev.size):
            flush()
            out.append(" ")
        elif run and not _follows(run[-1], c):
            flush()
        run.append(c)
        prev = c
    flush()
    return [p for p in out if (p.text if isinstance(p, Src) else p)]


def _marker_ranges(chars: list[Char], r: RawLine, size: float, main_bottom: float) -> list[tuple[int, int]]:
    text, owner = "", []
    for i in range(r.a, r.b):
        text += chars[i].text
        owner.extend([i] * len(chars[i].text))
    out = []
    for m in MARKER_RE.finditer(text):
        first, last = chars[owner[m.start()]], chars[owner[m.end() - 1]]
        span = (first.index, last.index + len(last.text))
        if text[m.start()] in SUPERSCRIPT_DIGITS:
            out.append(span)
        elif first.size < MARKER_MAX_SIZE * size and first.bottom < main_bottom - MARKER_MIN_RISE * size:
            out.append(span)
    return out


def _value_x(chars: list[Char], first: RawLine) -> float | None:
    """x of the first character after a colon near the line start ("Event:  Facilitation ...")."""
    seen = 0
    for i in range(first.a, first.b):
        seen += len(chars[i].text)
        if seen > LABEL_MAX_CHARS:
            return None
        if ":" in chars[i].text:
            nxt = next((k for k in range(i + 1, first.b) if _printed(chars[k])), None)
            return chars[nxt].x0 if nxt is not None else None
    return None


def _make_line(chars: list[Char], page: int, group: list[RawLine]) -> Line:
    return join_raw_lines(page, group, lambda r: _pieces(chars, r.a, r.b, page),
                          lambda r, size, bottom: _marker_ranges(chars, r, size, bottom), _value_x(chars, group[0]))


def join_raw_lines(page: int, group: list[RawLine], pieces_of: Callable[[RawLine], list[Piece]],
                   markers_of: Callable[[RawLine, float, float], list[tuple[int, int]]],
                   value_x: float | None) -> Line:
    """One printed line from the raw lines of `group` (left to right), for every
    backend: their pieces (`pieces_of(raw)`), with a space where a gap of more
    than a tenth of the font size parts two of them, and their reference
    markers (`markers_of(raw, font size, bottom of the longest raw line)`)."""
    main = max(group, key=lambda r: r.b - r.a)
    size = main.size or 1.0
    pieces: list[Piece] = []
    for k, r in enumerate(group):
        if k and r.x0 - group[k - 1].x1 > 0.1 * size:
            pieces.append(" ")
        pieces.extend(pieces_of(r))
    markers = [span for r in group for span in markers_of(r, size, main.bottom)]
    return Line(min(r.x0 for r in group), max(r.x1 for r in group), min(r.top for r in group),
                max(r.bottom for r in group), size, main.bold,
                page=page, pieces=pieces, markers=markers, value_x=value_x)
