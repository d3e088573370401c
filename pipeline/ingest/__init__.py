"""Ingestion: a note file (PDF or plain text) -> NoteText (pipeline/core/note.py).

    from pipeline.ingest import read_note
    note = read_note(path, password=None, backend="pdfium")   # raises IngestError("one-line reason")
    note = read_note(path, ocr="auto", ocr_cache=Path(".cache/ocr"), ocr_threads=2)

The reader is chosen by content (magic bytes), not only by extension; PDFs are
read by the named backend (pipeline/ingest/backends/).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.core.errors import IngestError
from pipeline.core.note import NoteText
from pipeline.ingest.backends import BACKENDS, DEFAULT_BACKEND, BackendError
from pipeline.ingest.sniff import sniff

__all__ = ["read_note", "IngestError", "BackendError", "BACKENDS", "DEFAULT_BACKEND"]


def read_note(path: Path, password: str | None = None, backend: str = DEFAULT_BACKEND,
              ocr: str = "auto", ocr_cache: Path | None = None, ocr_threads: int = 1) -> NoteText:
    """Read one note. Every failure is an IngestError with a short reason
    (an unknown or uninstalled backend included). `ocr` (auto / always /
    never), `ocr_cache` and `ocr_threads`: PDF pages read by Tesseract
    (pipeline/ingest/ocr_pages.py); a .txt note ignores them."""
    path = Path(path)
    kind = sniff(path)
    try:
        if kind == "pdf":
            from pipeline.ingest.pdf import read_pdf
            note = read_pdf(path, password, backend, ocr, ocr_cache, ocr_threads)
        else:
            from pipeline.ingest.text import read_text
            note = read_text(path)
        if not note.symbol:
            from pipeline.ingest.metadata import symbol_from_file_name
            note.symbol = symbol_from_file_name(path.name)
        return note
    except IngestError:
        raise
    except BackendError as e:
        raise IngestError(str(e)) from None
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as e:  # a reader bug must not stop a batch: report it as this file's reason
        raise IngestError(f"could not read ({type(e).__name__}: {e})"[:200]) from e
