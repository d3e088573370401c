"""Which reader a file needs, from its first bytes (and its extension only
to word the error)."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.errors import IngestError

SNIFF_BYTES = 2048
TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text"}
PDF_EXTENSIONS = {".pdf"}
HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")
TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


def sniff(path: Path) -> str:
    """"pdf" or "text"; raises IngestError for empty, missing or unsupported files."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except IsADirectoryError:
        raise IngestError("unsupported file type (a folder)") from None
    except OSError as e:
        raise IngestError(f"cannot open file ({e.strerror or e})") from None
    if not head.strip():
        raise IngestError("empty file")
    ext = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    looks_html = lowered.startswith(HTML_STARTS)
    if ext in PDF_EXTENSIONS:
        raise IngestError("not a PDF (looks like HTML)" if looks_html else "not a PDF")
    if head.startswith(BINARY_MAGIC):
        raise IngestError("unsupported file type")
    if ext in TEXT_EXTENSIONS or head.startswith(TEXT_BOMS) or _is_text(head):
        if looks_html and ext not in TEXT_EXTENSIONS:
            raise IngestError("unsupported file type")
        return "text"
    raise IngestError("unsupported file type")


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(head) * 0.01
