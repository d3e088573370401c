"""Pages with layout from a PDF: the one place that talks to PDFium.

Why pypdfium2 and not pdfplumber: pdfplumber's per-character layer comes from
pdfminer, which parses the content streams in Python; measured here at about
13 pages/s for `extract_text` alone, slower than the whole rest of the
pipeline. PDFium (C++, via pypdfium2, already a pdfplumber dependency) gives
the page text in content order with its own line breaks at ~400 pages/s.
Even asking PDFium for every character's box costs ~10 ms a page in ctypes
calls, so we ask per *line* instead: the box of its first and last character,
the font size/weight/loose box of three sample characters, and the size and
rise of digits only (footnote reference markers). Each PDF is parsed once.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from pipeline.ingest.textbuild import Piece, Src
from pipeline.core.errors import IngestError

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n|[\ufffe\x02]")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MARKER_RE = re.compile(r"[0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*†‡]")
WS_RE = re.compile(r"\s+|[\ufffe\x02\xad]")
# PDFium reports some hyphens as U+FFFE or U+0002; shown as "-" (added, not mapped)
HYPHEN_STANDINS = {"\ufffe": "-", "\x02": "-", "\xad": ""}
# A marker is set in a font at most this fraction of the line's size ...
MARKER_MAX_SIZE = 0.8
# ... and raised by at least this fraction of the line's size.
MARKER_MIN_RISE = 0.15
# Two raw PDFium lines overlapping this much vertically are one printed line
SAME_LINE_OVERLAP = 0.5
# x positions (fractions of page width) probed for an empty column gutter
GUTTER_PROBES = (0.5, 0.485, 0.515, 0.4925, 0.5075)
GUTTER_SAMPLE = 5      # page-wide lines probed per page
GUTTER_MIN_LINES = 6   # fewer page-wide lines than this: no two-column check
# Pages with fewer non-space characters than this count as having no text
MIN_TEXT_CHARS = 40
# Horizontal rule: a path at most this tall and at least this wide (points)
RULE_MAX_HEIGHT = 2.0
RULE_MIN_WIDTH = 30.0
MAX_PATHS_SCANNED = 2000   # page objects looked at for rules
MIN_REAL_FONT_SIZE = 3.0   # smaller reported sizes are "1 Tf" scaled by the matrix
LOOSE_BOX_TO_SIZE = 0.87   # font size / loose box height, typical for Times/Arial
LABEL_MAX_CHARS = 45   # a table label ("Date and Venue:") is at most this long
SOFT_HYPHENS = "\u00ad\ufffe\x02"


@dataclass(eq=False)
class Line:
    """One printed line: pieces of page text with geometry (points, y down)."""

    page: int
    pieces: list[Piece]
    markers: list[tuple[int, int]]   # page char ranges of reference markers (superscripts)
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    value_x: float | None = None    # x of the first char after a leading "Label:" (tables)
    role: str = "body"              # body / furniture / separator / footnote / table (set later)

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
class PageLayout:
    number: int           # from 1
    width: float
    height: float
    text: str             # PDFium's page text (index = PDFium char index)
    lines: list[Line]
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y) horizontal rules

    @property
    def chars(self) -> int:
        return len(self.text) - self.text.count(" ") - self.text.count("\r") - self.text.count("\n")


def open_pdf(path: Path, password: str | None = None) -> pypdfium2.PdfDocument:
    """Open a PDF, mapping PDFium's failures to IngestError reasons."""
    try:
        return pypdfium2.PdfDocument(str(path), password=password)
    except pypdfium2.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(e).lower():
            raise IngestError("wrong password" if password else "encrypted: needs a password") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise IngestError("encrypted: unsupported security handler") from None
        raise IngestError("truncated or corrupt PDF") from None
    except OSError as e:
        raise IngestError(f"cannot open file ({e.strerror or e})") from None


def read_layout(pdf: pypdfium2.PdfDocument) -> list[PageLayout]:
    pages = []
    for i in range(len(pdf)):
        try:
            page = pdf[i]
        except pypdfium2.PdfiumError:
            raise IngestError("truncated or corrupt PDF") from None
        try:
            pages.append(_read_page(page, i + 1))
        finally:
            page.close()
    return pages


class _Chars:
    """Thin ctypes wrapper over one text page (reused out-parameters)."""

    def __init__(self, textpage: pypdfium2.PdfTextPage, height: float):
        self.raw = textpage.raw
        self.h = height
        self._d = [ctypes.c_double() for _ in range(4)]
        self._refs = [ctypes.byref(d) for d in self._d]
        self._rect = pdfium_c.FS_RECTF()
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()

    def box(self, i: int) -> tuple[float, float, float, float]:
        """Tight box (x0, top, x1, bottom), y measured down from the page top."""
        pdfium_c.FPDFText_GetCharBox(self.raw, i, *self._refs)
        left, right, bottom, top = (d.value for d in self._d)
        return left, self.h - top, right, self.h - bottom

    def loose(self, i: int) -> tuple[float, float]:
        """(top, bottom) of the loose box (font ascent/descent), y down."""
        r = self._rect
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, i, ctypes.byref(r))
        return self.h - r.top, self.h - r.bottom

    def index_at(self, x: float, y_down: float) -> int:
        """Index of the character at (x, y) within a point, or -1."""
        return pdfium_c.FPDFText_GetCharIndexAtPos(self.raw, x, self.h - y_down, 1.0, 1.0)

    def size(self, i: int) -> float:
        """Font size in points. Some producers set text with "1 Tf" and scale
        it by the text matrix; PDFium then reports 1, so we fall back to the
        height of the character's loose box."""
        fs = pdfium_c.FPDFText_GetFontSize(self.raw, i)
        if fs >= MIN_REAL_FONT_SIZE:
            return fs
        top, bottom = self.loose(i)
        return (bottom - top) * LOOSE_BOX_TO_SIZE

    def bold(self, i: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self.raw, i) >= 600:
            return True
        pdfium_c.FPDFText_GetFontInfo(self.raw, i, self._name, 128, ctypes.byref(self._flags))
        name = self._name.value.lower()
        return b"bold" in name or b"black" in name or b"heavy" in name


@dataclass
class _Raw:
    a: int
    b: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    column_end: bool = False    # a column gutter follows: never merge with the next raw line


def _read_page(page: pypdfium2.PdfPage, number: int) -> PageLayout:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range() if n > 0 else ""
        if len(text) != n:  # characters outside the BMP: rebuild index-aligned text
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(n))
        chars = _Chars(textpage, height)
        raws = [r for r in (_raw_line(chars, text, a, b) for a, b in _line_ranges(text)) if r]
        if _has_gutter(chars, raws, width):
            raws = [part for r in raws for part in _split_at_gutter(chars, text, r, width)]
        lines = [_make_line(chars, text, number, group) for group in _same_line_groups(raws)]
    finally:
        textpage.close()
    return PageLayout(number, width, height, text, lines, _rules(page, height))


def _line_ranges(text: str):
    """Char ranges between PDFium's generated line breaks. PDFium joins a line
    ending in a hyphen to the next one itself, leaving U+FFFE (or U+0002) in
    the hyphen's place and no break: we break there again (the hyphen ends
    the first line) and let blocks.py decide about the hyphen."""
    start = 0
    for m in LINE_BREAK_RE.finditer(text):
        if m.group() in "\ufffe\x02":
            yield start, m.end()
        else:
            yield start, m.start()
        start = m.end()
    yield start, len(text)


def _raw_line(chars: _Chars, text: str, a: int, b: int) -> _Raw | None:
    seg = text[a:b]
    stripped = seg.strip()
    if not stripped:
        return None
    a += len(seg) - len(seg.lstrip())
    b = a + len(stripped)
    x0, _, _, _ = chars.box(a)
    _, _, x1, _ = chars.box(b - 1)
    samples = sorted({a + (b - a) // 4, a + (b - a) // 2, a + 3 * (b - a) // 4})
    samples = [i for i in samples if not text[i].isspace()] or [a]
    sized = sorted((chars.size(i), i) for i in samples)
    size, mid = sized[len(sized) // 2]   # a character in the line's main font
    top, bottom = chars.loose(mid)
    return _Raw(a, b, x0, max(x1, x0), top, bottom, size, chars.bold(mid))


def _spans_middle(r: _Raw, width: float) -> bool:
    return r.x0 < GUTTER_PROBES[0] * width and r.x1 > GUTTER_PROBES[-1] * width


def _gutter_at(chars: _Chars, r: _Raw, width: float) -> bool:
    y = (r.top + r.bottom) / 2
    return all(chars.index_at(fx * width, y) < 0 for fx in GUTTER_PROBES)


def _has_gutter(chars: _Chars, raws: list[_Raw], width: float) -> bool:
    """Probe a few page-wide lines (hit-testing is costly): is there an empty
    strip in the middle of most of them?"""
    wide = [r for r in raws if _spans_middle(r, width)]
    if len(wide) < GUTTER_MIN_LINES:
        return False
    step = max(1, len(wide) // GUTTER_SAMPLE)
    sample = wide[::step][:GUTTER_SAMPLE]
    return sum(_gutter_at(chars, r, width) for r in sample) >= 0.6 * len(sample)


def _split_at_gutter(chars: _Chars, text: str, r: _Raw, width: float) -> list[_Raw]:
    """PDFium puts two columns' lines that share a baseline into one line when
    the content stream interleaves them. Split a line that spans the page
    middle but has no character at any of the gutter probe points."""
    if not _spans_middle(r, width) or not _gutter_at(chars, r, width):
        return [r]
    mid = width / 2
    lo, hi = r.a, r.b - 1            # first char whose box starts right of the middle
    while lo < hi:
        k = (lo + hi) // 2
        if chars.box(k)[0] > mid:
            hi = k
        else:
            lo = k + 1
    split = lo
    left_end = split
    while left_end > r.a and text[left_end - 1].isspace():
        left_end -= 1
    start = split
    while start < r.b and text[start].isspace():
        start += 1
    if left_end <= r.a or start >= r.b:
        return [r]
    left, right = _raw_line(chars, text, r.a, left_end), _raw_line(chars, text, start, r.b)
    if left is None or right is None:
        return [r]
    left.column_end = True
    return [left, right]


def _same_line_groups(raws: list[_Raw]) -> list[list[_Raw]]:
    """Merge raw lines that PDFium split at a superscript back into one printed line."""
    groups: list[list[_Raw]] = []
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


def _pieces(text: str, a: int, b: int, page: int) -> list[Piece]:
    """Src pieces of text[a:b] with each whitespace run shown as one space."""
    out: list[Piece] = []
    pos = a
    for m in WS_RE.finditer(text, a, b):
        if m.group() == " ":
            continue
        out.append(Src(text[pos:m.start()], page, pos))
        out.append("-" if m.end() == b and m.group() in HYPHEN_STANDINS else HYPHEN_STANDINS.get(m.group(), " "))
        pos = m.end()
    out.append(Src(text[pos:b], page, pos))
    return [p for p in out if (p.text if isinstance(p, Src) else p)]


def _make_line(chars: _Chars, text: str, page: int, group: list[_Raw]) -> Line:
    main = max(group, key=lambda r: r.b - r.a)
    size = main.size or 1.0
    pieces: list[Piece] = []
    for k, r in enumerate(group):
        if k and r.x0 - group[k - 1].x1 > 0.1 * size:
            pieces.append(" ")
        pieces.extend(_pieces(text, r.a, r.b, page))
    markers = []
    for r in group:
        for m in MARKER_RE.finditer(text, r.a, r.b):
            i = m.start()
            if text[i] in SUPERSCRIPT_DIGITS:
                markers.append((i, m.end()))
                continue
            fs = chars.size(i)
            if fs and fs < MARKER_MAX_SIZE * size:
                top, bottom = chars.loose(i)
                if bottom < main.bottom - MARKER_MIN_RISE * size:
                    markers.append((i, m.end()))
    return Line(page, pieces, markers, min(r.x0 for r in group), max(r.x1 for r in group),
                min(r.top for r in group), max(r.bottom for r in group), size, main.bold,
                _value_x(chars, text, group[0]))


def _value_x(chars: _Chars, text: str, first: _Raw) -> float | None:
    """x of the first character after a colon near the line start ("Event:  Facilitation ...")."""
    j = text.find(":", first.a, min(first.b, first.a + LABEL_MAX_CHARS))
    if j < 0:
        return None
    k = j + 1
    while k < first.b and text[k].isspace():
        k += 1
    return chars.box(k)[0] if k < first.b else None


def _rules(page: pypdfium2.PdfPage, height: float) -> list[tuple[float, float, float]]:
    """Horizontal rules (thin paths) among the page's top-level objects. Raw
    calls: pypdfium2's object wrappers cost ~4 ms a page here."""
    rules = []
    raw = page.raw
    n = min(pdfium_c.FPDFPage_CountObjects(raw), MAX_PATHS_SCANNED)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for i in range(n):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if not obj or pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        if top.value - bottom.value <= RULE_MAX_HEIGHT and right.value - left.value >= RULE_MIN_WIDTH:
            rules.append((left.value, right.value, height - top.value))
    return rules


def body_size(pages: list[PageLayout]) -> float:
    """The document's body font size: the size carrying the most characters."""
    weight: dict[float, int] = {}
    for p in pages:
        for ln in p.lines:
            key = round(ln.size * 2) / 2
            weight[key] = weight.get(key, 0) + len(ln.text)
    if not weight:
        return 10.0
    return max(weight, key=weight.get)


def median_or(values: list[float], default: float) -> float:
    return statistics.median(values) if values else default
