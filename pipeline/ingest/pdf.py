"""PDF notes -> NoteText: layout (pdf_layout) -> furniture -> footnotes ->
blocks (tables, paragraphs, headings) -> metadata."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.blocks import BlockAssembler, line_pitch
from pipeline.ingest.footnotes import mark_footnotes
from pipeline.ingest.furniture import furniture_lines, mark_furniture
from pipeline.ingest.hyphenation import Vocabulary
from pipeline.ingest.metadata import add_metadata
from pipeline.ingest.pdf_layout import MIN_TEXT_CHARS, body_size, open_pdf, read_layout
from pipeline.core.errors import IngestError
from pipeline.core.note import NoteText

SCANNED_MAX_TEXT_PAGES = 0.1   # at most this share of pages with text -> "scanned"


def read_pdf(path: Path, password: str | None = None) -> NoteText:
    pdf = open_pdf(path, password)
    try:
        if len(pdf) == 0:
            raise IngestError("truncated or corrupt PDF")
        pages = read_layout(pdf)
    finally:
        pdf.close()
    with_text = sum(1 for p in pages if p.chars >= MIN_TEXT_CHARS)
    if with_text == 0 or with_text < SCANNED_MAX_TEXT_PAGES * len(pages):
        raise IngestError("no text layer (scanned PDF)")
    warnings = []
    if with_text < len(pages):
        warnings.append(f"{len(pages) - with_text} of {len(pages)} pages have no text layer")
    size = body_size(pages)
    mark_furniture(pages)
    for page in pages:
        mark_footnotes(page, size)
    assembler = BlockAssembler(Vocabulary(p.text.replace("\ufffe", " ") for p in pages), size, line_pitch(pages, size))
    for page in pages:
        assembler.add_page(page)
    note = assembler.finish().build(len(pages), furniture=furniture_lines(pages), warnings=warnings)
    first_page = [ln.text for ln in pages[0].lines] if pages else []
    return add_metadata(note, first_page)
