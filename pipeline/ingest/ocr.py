"""OCR of one page with Tesseract, as words with boxes, and as the lines the
layout analysis reads.

Interface (what ingestion wires in; nothing here decides *which* pages):

    tesseract_available() -> str | None        "5.3.0", or None when not installed
    require_tesseract(context=None) -> str     the version, or IngestError saying how to install it
    tesseract_languages(note_language) -> ("eng",) / ("fra",) / ("spa",) / DEFAULT_LANGUAGES
    ocr_reason(page_text) -> "no text layer" / "garbled text layer" / None   the per-page decision
    render_page(pdf_path, page_index, dpi=300, password=None) -> PIL.Image   (pypdfium2, grayscale)
    ocr_page_image(image_or_png, langs, dpi=300, timeout=...) -> list[OcrWord]
    ocr_pdf_page(pdf_path, page_index, langs, ..., cache=None, sha256=None) -> OcrPage
    ocr_page_text(words) -> (text, starts)     the page text and each word's offset in it
    ocr_page_layout(words, page_number, width, height) -> Page   (the neutral page model, page_model.py)

`OcrWord.box` is (x0, top, x1, bottom) in PDF points of the page, y measured
down from the top, like the page model's boxes; `confidence` is Tesseract's 0-100;
`block`, `par`, `line`, `word` are Tesseract's TSV numbers. The page text of
an OCRed page is its words joined by one space within a line and a newline
between lines (`ocr_page_text`); `Src.start` and so `NoteText.spans`'
`page_start` index that text, and `starts` maps an offset back to a word
and its box (`word_at_offset`).

Why the `tesseract` binary with TSV output and not pytesseract or ocrmypdf
(docs/DECISIONS.md): pytesseract is itself a subprocess wrapper that writes
the image to a temporary file and parses the same TSV; calling the binary
ourselves sends the image through a pipe, sets a per-page time limit that
kills the process, and adds no dependency. ocrmypdf rewrites a whole PDF
(rendering, OCR, then a PDF/A with a text layer we would parse again) and
cannot give words per page to a cache or limit a page's time (docs/DECISIONS.md).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import statistics
import subprocess
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Union

from pipeline.core.errors import IngestError
from pipeline.ingest.page_model import LABEL_MAX_CHARS, Line, Page
from pipeline.ingest.textbuild import Src

if TYPE_CHECKING:
    from PIL import Image

    from pipeline.ingest.ocr_cache import OcrCache

TESSERACT = "tesseract"
INSTALL_HINT = "apt-get install tesseract-ocr"
DPI = 300                      # pages are rendered at this resolution for OCR
POINTS_PER_INCH = 72.0
OCR_PAGE_TIMEOUT = 120.0       # seconds one page may take before Tesseract is killed
PAGE_SEGMENTATION = "3"        # --psm 3: fully automatic page segmentation (Tesseract's default)
THREADS = "1"                  # OMP_THREAD_LIMIT: pages are parallel across worker processes
# Tesseract language data per note language (ISO 639-1 -> Tesseract code)
LANGUAGE_CODES = {"en": "eng", "fr": "fra", "es": "spa"}
# When the note's language is not known yet (a scan with no text layer): English only.
# eng+fra+spa costs 1.1-1.35x the CPU per page and reads English pages the same (benchmarks/README.md).
DEFAULT_LANGUAGES = ("eng",)
MIN_CONFIDENCE = 0.0           # words Tesseract scores below this are dropped (-1 = not a word)
# Font size from the tight box of a printed line, measured on pages rendered
# from text at known sizes (tests/test_ocr.py): ascender top to descender
# bottom is ~0.95 of the size; a line without descenders ("REPORT OF THE
# COMMITTEE") spans only cap height to baseline, ~0.73.
TIGHT_LINE_TO_SIZE = 1.05
NO_DESCENDER_TO_SIZE = 1.37
DESCENDERS = set("gjpqyQ(),;[]{}|/")
SAME_SIZE = 0.08               # lines within this fraction of the page's body size get that size

ImageLike = Union[bytes, "Image.Image"]


@dataclass(frozen=True)
class OcrWord:
    text: str
    box: tuple[float, float, float, float]   # x0, top, x1, bottom in PDF points, y down
    confidence: float                        # Tesseract's 0-100
    block: int
    par: int
    line: int
    word: int

    @classmethod
    def from_dict(cls, d: dict) -> "OcrWord":
        return cls(d["text"], tuple(d["box"]), d["confidence"], d["block"], d["par"], d["line"], d["word"])


@dataclass(frozen=True)
class OcrPage:
    """One OCRed page: what the cache stores."""

    page_index: int          # from 0
    width: float             # points
    height: float
    dpi: int
    langs: tuple[str, ...]
    engine: str              # "tesseract 5.3.0": the source named in provenance
    words: tuple[OcrWord, ...]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "OcrPage":
        return cls(d["page_index"], d["width"], d["height"], d["dpi"], tuple(d["langs"]), d["engine"],
                   tuple(OcrWord.from_dict(w) for w in d["words"]))


# -- Tesseract ------------------------------------------------------------------

def tesseract_available(binary: str = TESSERACT) -> str | None:
    """Tesseract's version ("5.3.0") when the binary is on PATH and runs, else None."""
    path = shutil.which(binary)
    return _version_of(path) if path else None


@lru_cache(maxsize=8)
def _version_of(path: str) -> str | None:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r"tesseract\s+v?(\S+)", out.stdout + out.stderr)
    return m.group(1) if out.returncode == 0 and m else None


def require_tesseract(context: str | None = None, binary: str = TESSERACT) -> str:
    """Tesseract's version, or IngestError saying how to install it, after
    `context` when given: require_tesseract("no text layer (scanned PDF)") ->
    "no text layer (scanned PDF); OCR needs Tesseract: apt-get install tesseract-ocr"."""
    version = tesseract_available(binary)
    if version is None:
        hint = f"OCR needs Tesseract: {INSTALL_HINT}"
        raise IngestError(f"{context}; {hint}" if context else hint)
    return version


@lru_cache(maxsize=8)
def _installed_languages(path: str) -> frozenset[str]:
    try:
        out = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(ln.strip() for ln in out.stdout.splitlines()[1:] if ln.strip())


def tesseract_languages(note_language: str | None) -> tuple[str, ...]:
    """Tesseract language codes for a note language ("en", "fr", "es"; other or unknown: the default)."""
    code = LANGUAGE_CODES.get(note_language or "")
    return (code,) if code else DEFAULT_LANGUAGES


def _usable_languages(path: str, langs: tuple[str, ...]) -> tuple[str, ...]:
    """The installed ones of `langs` (a missing one is left out); none installed: IngestError."""
    installed = _installed_languages(path)
    usable = tuple(lang for lang in langs if lang in installed)
    if not usable:
        wanted = "+".join(langs)
        package = " ".join(f"tesseract-ocr-{lang}" for lang in langs)
        raise IngestError(f"Tesseract has no language data for {wanted}: apt-get install {package}")
    return usable


def ocr_page_image(image: ImageLike, langs: tuple[str, ...] | list[str] = DEFAULT_LANGUAGES, dpi: int = DPI,
                   timeout: float = OCR_PAGE_TIMEOUT, binary: str = TESSERACT) -> list[OcrWord]:
    """Words Tesseract reads on a page image (PNG bytes or a PIL image rendered at `dpi`)."""
    require_tesseract(binary=binary)
    path = shutil.which(binary)
    langs = _usable_languages(path, tuple(langs))
    data = image if isinstance(image, (bytes, bytearray)) else _image_bytes(image)
    cmd = [path, "stdin", "stdout", "-l", "+".join(langs), "--dpi", str(dpi), "--psm", PAGE_SEGMENTATION, "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": THREADS}
    try:
        out = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise IngestError(f"OCR timed out (over {timeout:g} s for one page)") from None
    except OSError as e:
        raise IngestError(f"cannot run Tesseract ({e.strerror or e})") from None
    if out.returncode != 0:
        err = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise IngestError(f"Tesseract failed: {err[-1] if err else f'exit code {out.returncode}'}")
    return parse_tsv(out.stdout.decode("utf-8", "replace"), POINTS_PER_INCH / dpi)


def _image_bytes(image: "Image.Image") -> bytes:
    """PNM: no compression to spend time on; Tesseract (Leptonica) reads it from a pipe."""
    buf = io.BytesIO()
    image.convert("L" if image.mode in ("L", "1", "LA") else "RGB").save(buf, format="PPM")
    return buf.getvalue()


def parse_tsv(tsv: str, scale: float) -> list[OcrWord]:
    """Tesseract's TSV (level 5 rows are words) -> OcrWords, pixel boxes times `scale`."""
    words = []
    rows = tsv.splitlines()
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        conf = float(cols[10])
        if not text or conf < MIN_CONFIDENCE:
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        box = (left * scale, top * scale, (left + width) * scale, (top + height) * scale)
        words.append(OcrWord(text, tuple(round(v, 2) for v in box), conf,
                             int(cols[2]), int(cols[3]), int(cols[4]), int(cols[5])))
    return words


def ocr_reason(page_text: str, min_chars: int | None = None) -> str | None:
    """Why a page should be OCRed (under `min_chars` non-space characters, or
    a text layer the garbled test rejects), or None to keep its text layer.
    The same garbled test sets the documents.csv warning (metadata.py)."""
    from pipeline.ingest.garbled import load_scorer
    from pipeline.ingest.pdf import MIN_TEXT_CHARS

    chars = len(page_text) - sum(page_text.count(c) for c in " \r\n\t")
    if chars < (MIN_TEXT_CHARS if min_chars is None else min_chars):
        return "no text layer"
    if load_scorer().score(page_text).garbled:
        return "garbled text layer"
    return None


# -- PDF pages (pypdfium2) -------------------------------------------------------

def render_page(pdf_path: Path, page_index: int, dpi: int = DPI, password: str | None = None) -> "Image.Image":
    """Page `page_index` (from 0) as a grayscale PIL image at `dpi`, rendered
    by the pdfium backend (the one module that imports pypdfium2)."""
    from pipeline.ingest.backends.pdfium import render_page_image

    return render_page_image(Path(pdf_path), page_index, dpi / POINTS_PER_INCH, password)


def _page_size(pdf_path: Path, page_index: int, password: str | None) -> tuple[float, float]:
    from pipeline.ingest.backends.pdfium import open_pdf

    pdf = open_pdf(Path(pdf_path), password)
    try:
        return tuple(pdf.get_page_size(page_index))
    finally:
        pdf.close()


def ocr_pdf_page(pdf_path: Path, page_index: int, langs: tuple[str, ...] = DEFAULT_LANGUAGES, dpi: int = DPI,
                 password: str | None = None, timeout: float = OCR_PAGE_TIMEOUT,
                 cache: "OcrCache | None" = None, sha256: str | None = None) -> OcrPage:
    """Render and OCR one page, through `cache` when given (keyed by the
    file's `sha256`, computed here if not passed)."""
    version = require_tesseract()
    langs = tuple(langs)
    key = None
    if cache is not None:
        from pipeline.ingest.ocr_cache import cache_key, file_sha256

        key = cache_key(sha256 or file_sha256(pdf_path), page_index, dpi, langs, version)
        hit = cache.get(key)
        if hit is not None:
            return hit
    image = render_page(pdf_path, page_index, dpi, password)
    try:
        words = ocr_page_image(image, langs, dpi, timeout)
    except IngestError as e:
        raise IngestError(f"page {page_index + 1}: {e}") from None
    width, height = _page_size(pdf_path, page_index, password)
    page = OcrPage(page_index, width, height, dpi, langs, f"tesseract {version}", tuple(words))
    if cache is not None and key is not None:
        try:
            cache.put(key, page)
        except OSError:      # a cache that cannot be written costs time, not the page
            pass
    return page


# -- words -> page text and lines --------------------------------------------------

def _line_key(w: OcrWord) -> tuple[int, int, int]:
    return (w.block, w.par, w.line)


def ocr_page_text(words: list[OcrWord] | tuple[OcrWord, ...]) -> tuple[str, list[int]]:
    """The page text (words joined by a space, lines by a newline) and the
    offset of each word in it."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    prev = None
    for w in words:
        key = _line_key(w)
        if prev is not None:
            sep = " " if key == prev else "\n"
            parts.append(sep)
            pos += 1
        starts.append(pos)
        parts.append(w.text)
        pos += len(w.text)
        prev = key
    return "".join(parts), starts


def word_at_offset(words: list[OcrWord] | tuple[OcrWord, ...], starts: list[int], offset: int) -> OcrWord | None:
    """The word whose characters include page-text `offset`, or None (a separator)."""
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or offset >= starts[i] + len(words[i].text):
        return None
    return words[i]


def ocr_page_layout(words: list[OcrWord] | tuple[OcrWord, ...], page_number: int,
                    width: float, height: float) -> Page:
    """An OCRed page in the neutral page model, ready for furniture,
    footnote and block analysis. One Line per Tesseract line (Tesseract has
    already grouped its words into lines and paragraphs, which
    `lines.lines_from_chars` would only re-guess from the boxes); its one Src
    piece indexes `Page.text` (= `ocr_page_text(words)[0]`).
    Font size from the box heights of the lines of its Tesseract paragraph
    (their median), snapped to the page's body size when close (a line's box
    jitters by a point or two, which would otherwise read as a font
    change); no bold, no superscript markers, no rules
    (Tesseract reports none)."""
    words = list(words)
    text, starts = ocr_page_text(words)
    groups: list[list[int]] = []
    for i, w in enumerate(words):
        if groups and _line_key(words[groups[-1][-1]]) == _line_key(w):
            groups[-1].append(i)
        else:
            groups.append([i])
    # One size per Tesseract paragraph (the median of its lines): a line's
    # box height jitters by 10-20% on a scan (faint strokes, few tall
    # letters), which block assembly would read as a font change; headings
    # and footnotes are paragraphs of their own.
    line_sizes = [_line_size(words, g) for g in groups]
    by_par: dict[tuple[int, int], list[float]] = {}
    for g, size in zip(groups, line_sizes):
        by_par.setdefault((words[g[0]].block, words[g[0]].par), []).append(size)
    raw_sizes = [statistics.median(by_par[(words[g[0]].block, words[g[0]].par)]) for g in groups]
    body = statistics.median(raw_sizes) if raw_sizes else 10.0
    lines = []
    for g, raw in zip(groups, raw_sizes):
        first, last = words[g[0]], words[g[-1]]
        start, end = starts[g[0]], starts[g[-1]] + len(last.text)
        size = body if abs(raw - body) <= SAME_SIZE * body else round(raw * 2) / 2
        lines.append(Line(
            page=page_number,
            pieces=[Src(text[start:end], page_number, start)],
            markers=[],
            x0=first.box[0], x1=max(words[i].box[2] for i in g),
            top=min(words[i].box[1] for i in g), bottom=max(words[i].box[3] for i in g),
            size=size, bold=False,
            value_x=_value_x(words, starts, g, start),
        ))
    return Page(page_number, width, height, text, lines)


def _line_size(words: list[OcrWord], group: list[int]) -> float:
    height = max(words[i].box[3] for i in group) - min(words[i].box[1] for i in group)
    descends = any(c in DESCENDERS for i in group for c in words[i].text)
    return height * (TIGHT_LINE_TO_SIZE if descends else NO_DESCENDER_TO_SIZE)


def _value_x(words: list[OcrWord], starts: list[int], group: list[int], line_start: int) -> float | None:
    """x of the first word after a word ending in ":" near the line start ("Venue:  Geneva")."""
    for k, i in enumerate(group[:-1]):
        if starts[i] - line_start > LABEL_MAX_CHARS:
            return None
        if words[i].text.endswith(":"):
            return words[group[k + 1]].box[0]
    return None
