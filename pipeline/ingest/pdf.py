"""PDF notes -> NoteText: a backend reads the pages into the neutral page
model (backends/), pages with no or a garbled text layer are OCRed into the
same model (ocr_pages.py), then furniture -> footnotes -> blocks (tables,
paragraphs, headings) -> metadata, all on the model only."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.errors import IngestError
from pipeline.core.note import NoteText
from pipeline.ingest.backends import DEFAULT_BACKEND, load_backend
from pipeline.ingest.blocks import BlockAssembler, line_pitch
from pipeline.ingest.footnotes import mark_footnotes
from pipeline.ingest.furniture import furniture_lines, mark_furniture
from pipeline.ingest.hyphenation import Vocabulary
from pipeline.ingest.metadata import add_metadata
from pipeline.ingest.ocr_pages import DEFAULT_OCR_MODE, OcrResult, check_ocr_mode, ocr_pages, pages_to_ocr
from pipeline.ingest.page_model import Page, body_size

SCANNED_MAX_TEXT_PAGES = 0.1   # at most this share of pages with text -> "scanned"
MIN_TEXT_CHARS = 40            # pages with fewer printed characters count as having no text
NO_TEXT_LAYER = "no text layer (scanned PDF)"


def read_pdf(path: Path, password: str | None = None, backend: str = DEFAULT_BACKEND,
             ocr: str = DEFAULT_OCR_MODE, ocr_cache: Path | None = None, ocr_threads: int = 1) -> NoteText:
    """`ocr`: auto / always / never (ocr_pages.py); `ocr_cache`: the OCR page
    cache folder (None: no cache); `ocr_threads`: Tesseract processes at once."""
    from pipeline.ingest.ocr import require_tesseract, tesseract_available

    check_ocr_mode(ocr)
    pages = load_backend(backend).read_pages(path, password)
    plan = pages_to_ocr(pages, ocr)
    result = OcrResult(pages)
    if plan and tesseract_available() is None:
        if ocr == "always":
            require_tesseract("--ocr always")
        # auto without Tesseract: today's reading; a scan's error row says how to enable OCR
        try:
            return note_from_pages(pages)
        except IngestError as e:
            if str(e) == NO_TEXT_LAYER:
                require_tesseract(NO_TEXT_LAYER)
            raise
    if plan:
        result = ocr_pages(path, pages, plan, password, ocr_cache, ocr_threads)
    note = note_from_pages(result.pages)
    note.ocr_pages, note.ocr_engine = result.ocr_pages, result.engine
    return note


def note_from_pages(pages: list[Page]) -> NoteText:
    """The layout stages on pages of the neutral model (from any backend)."""
    with_text = sum(1 for p in pages if p.chars >= MIN_TEXT_CHARS)
    if with_text == 0 or with_text < SCANNED_MAX_TEXT_PAGES * len(pages):
        raise IngestError(NO_TEXT_LAYER)
    warnings = []
    if with_text < len(pages):
        warnings.append(f"{len(pages) - with_text} of {len(pages)} pages have no text layer")
    size = body_size(pages)
    mark_furniture(pages)
    for page in pages:
        mark_footnotes(page, size)
    vocab = Vocabulary("\n".join(ln.text for ln in p.lines) for p in pages)
    assembler = BlockAssembler(vocab, size, line_pitch(pages, size))
    for page in pages:
        assembler.add_page(page)
    note = assembler.finish().build(len(pages), furniture=furniture_lines(pages), warnings=warnings)
    first_page = [ln.text for ln in pages[0].lines] if pages else []
    return add_metadata(note, first_page)
