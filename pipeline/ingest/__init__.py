"""Ingestion: a note file (PDF or plain text) -> NoteText (pipeline/note.py).

    from pipeline.ingest import read_note
    note = read_note(path, password=None)   # raises IngestError("one-line reason")

The reader is chosen by content (magic bytes), not only by extension.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.sniff import sniff
from pipeline.core.errors import IngestError
from pipeline.core.note import NoteText

__all__ = ["read_note", "IngestError"]


def read_note(path: Path, password: str | None = None) -> NoteText:
    """Read one note. Every failure is an IngestError with a short reason."""
    path = Path(path)
    kind = sniff(path)
    try:
        if kind == "pdf":
            from pipeline.ingest.pdf import read_pdf
            return read_pdf(path, password)
        from pipeline.ingest.text import read_text
        return read_text(path)
    except IngestError:
        raise
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as e:  # a reader bug must not stop a batch: report it as this file's reason
        raise IngestError(f"could not read ({type(e).__name__}: {e})"[:200]) from e
