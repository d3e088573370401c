"""The PDFium backend (pypdfium2, the default): a PDF -> pages of the neutral
page model (pipeline/ingest/page_model.py). The one module that imports pypdfium2.

Why PDFium: pdfplumber's per-character layer comes from pdfminer, which
parses the content streams in Python (about 13 pages/s here for
`extract_text` alone, slower than the whole rest of the pipeline). PDFium
(C++) gives the page text in content order with its own line breaks at
~400 pages/s. Even asking PDFium for every character's box costs ~10 ms a
page in ctypes calls, so this backend builds `Line`s itself and asks per
*line*: the box of its first and last character, the font size/weight/loose
box of three sample characters, and the size and rise of digits only
(footnote reference markers). Each PDF is parsed once.

PDFium quirks normalised here (see the neutral form in page_model.py): a
line-end hyphen reported as U+FFFE or U+0002 (PDFium joins such a line to the
next itself) ends its line and becomes an added "-"; soft hyphens (U+00AD)
are dropped inside a line and become "-" at its end; text set with "1 Tf"
and scaled by the matrix gets its size from the loose box.
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from pipeline.core.errors import IngestError
from pipeline.ingest.lines import (GUTTER_PROBES, MARKER_MAX_SIZE, MARKER_MIN_RISE, MARKER_RE, SUPERSCRIPT_DIGITS,
                                   RawLine, has_gutter, join_raw_lines, same_line_groups, spans_middle)
from pipeline.ingest.page_model import LABEL_MAX_CHARS, Image, Line, Page, Rect
from pipeline.ingest.textbuild import Piece, Src

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n|[\ufffe\x02]")
WS_RE = re.compile(r"\s+|[\ufffe\x02\xad]")
# PDFium's stand-ins for hyphens: shown as "-" at a line end (added, not mapped), dropped inside
HYPHEN_STANDINS = {"\ufffe": "-", "\x02": "-", "\xad": ""}
MAX_PATHS_SCANNED = 2000   # page objects looked at for rules and images
MIN_REAL_FONT_SIZE = 3.0   # smaller reported sizes are "1 Tf" scaled by the matrix
LOOSE_BOX_TO_SIZE = 0.87   # font size / loose box height, typical for Times/Arial


def read_pages(path: Path, password: str | None = None) -> list[Page]:
    """Every page of the PDF at `path`, or IngestError with the reason."""
    pdf = open_pdf(path, password)
    try:
        if len(pdf) == 0:
            raise IngestError("truncated or corrupt PDF")
        return read_layout(pdf)
    finally:
        pdf.close()


def render_page_image(path: Path, page_index: int, scale: float, password: str | None = None):
    """Page `page_index` (from 0) as a grayscale PIL image at `scale` pixels
    per point (OCR's rendering, pipeline/ingest/ocr.py)."""
    pdf = open_pdf(path, password)
    try:
        if not 0 <= page_index < len(pdf):
            raise IngestError(f"no page {page_index + 1} (the PDF has {len(pdf)})")
        try:
            page = pdf[page_index]
            try:
                return page.render(scale=scale, grayscale=True).to_pil()
            finally:
                page.close()
        except pypdfium2.PdfiumError:
            raise IngestError(f"page {page_index + 1} cannot be rendered (corrupt PDF?)") from None
    finally:
        pdf.close()


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


def read_layout(pdf: pypdfium2.PdfDocument) -> list[Page]:
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


def _read_page(page: pypdfium2.PdfPage, number: int) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range() if n > 0 else ""
        if len(text) != n:  # characters outside the BMP: rebuild index-aligned text
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(n))
        chars = _Chars(textpage, height)
        raws = [r for r in (_raw_line(chars, text, a, b) for a, b in _line_ranges(text)) if r]
        if has_gutter(raws, width, lambda r: _gutter_at(chars, r, width)):
            raws = [part for r in raws for part in _split_at_gutter(chars, text, r, width)]
        lines = [_make_line(chars, text, number, group) for group in same_line_groups(raws)]
    finally:
        textpage.close()
    rects, images = _drawn(page, height)
    return Page(number, width, height, text, lines, rects, images)


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


def _raw_line(chars: _Chars, text: str, a: int, b: int) -> RawLine | None:
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
    return RawLine(x0, max(x1, x0), top, bottom, size, chars.bold(mid), a=a, b=b)


def _gutter_at(chars: _Chars, r: RawLine, width: float) -> bool:
    y = (r.top + r.bottom) / 2
    return all(chars.index_at(fx * width, y) < 0 for fx in GUTTER_PROBES)


def _split_at_gutter(chars: _Chars, text: str, r: RawLine, width: float) -> list[RawLine]:
    """PDFium puts two columns' lines that share a baseline into one line when
    the content stream interleaves them. Split a line that spans the page
    middle but has no character at any of the gutter probe points."""
    if not spans_middle(r, width) or not _gutter_at(chars, r, width):
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


def _make_line(chars: _Chars, text: str, page: int, group: list[RawLine]) -> Line:
    return join_raw_lines(page, group, lambda r: _pieces(text, r.a, r.b, page),
                          lambda r, size, bottom: _marker_ranges(chars, text, r, size, bottom),
                          _value_x(chars, text, group[0]))


def _marker_ranges(chars: _Chars, text: str, r: RawLine, size: float, main_bottom: float) -> list[tuple[int, int]]:
    """Page text ranges of the reference markers in raw line `r`: superscript
    digits, or small characters raised above the line's bottom."""
    out = []
    for m in MARKER_RE.finditer(text, r.a, r.b):
        i = m.start()
        if text[i] in SUPERSCRIPT_DIGITS:
            out.append((i, m.end()))
            continue
        fs = chars.size(i)
        if fs and fs < MARKER_MAX_SIZE * size:
            top, bottom = chars.loose(i)
            if bottom < main_bottom - MARKER_MIN_RISE * size:
                out.append((i, m.end()))
    return out


def _value_x(chars: _Chars, text: str, first: RawLine) -> float | None:
    """x of the first character after a colon near the line start ("Event:  Facilitation ...")."""
    j = text.find(":", first.a, min(first.b, first.a + LABEL_MAX_CHARS))
    if j < 0:
        return None
    k = j + 1
    while k < first.b and text[k].isspace():
        k += 1
    return chars.box(k)[0] if k < first.b else None


def _drawn(page: pypdfium2.PdfPage, height: float) -> tuple[list[Rect], list[Image]]:
    """Boxes of the path and image objects among the page's top-level objects.
    Raw calls: pypdfium2's object wrappers cost ~4 ms a page here."""
    rects: list[Rect] = []
    images: list[Image] = []
    raw = page.raw
    n = min(pdfium_c.FPDFPage_CountObjects(raw), MAX_PATHS_SCANNED)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for i in range(n):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        box = (left.value, height - top.value, right.value, height - bottom.value)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            rects.append(Rect(*box))
        else:
            images.append(Image(*box))
    return rects, images
