"""Files ingestion cannot read fail with IngestError and a short reason,
never with another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from pipeline.ingest import read_note
from pipeline.core.errors import IngestError

SEED_PDF = Path(__file__).parents[1].parent / "shared" / "corpus" / "seed" / "lima-2010-information-note.pdf"


def small_pdf(path: Path, encrypt=None) -> Path:
    c = canvas.Canvas(str(path), encrypt=encrypt)
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "The Committee met in Geneva on 3 May 2024 to review the programme of work.")
    c.showPage()
    c.save()
    return path


def reason(path: Path, password: str | None = None) -> str:
    with pytest.raises(IngestError) as info:
        read_note(path, password)
    return str(info.value)


def test_empty_file(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"  \n\n")
    assert reason(tmp_path / "a.pdf") == "empty file"
    assert reason(tmp_path / "b.txt") == "empty file"


def test_html_saved_as_pdf(tmp_path):
    (tmp_path / "x.pdf").write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    assert reason(tmp_path / "x.pdf") == "not a PDF (looks like HTML)"


def test_random_bytes_named_pdf(tmp_path):
    (tmp_path / "x.pdf").write_bytes(bytes(range(256)) * 4)
    assert reason(tmp_path / "x.pdf") == "not a PDF"


def test_truncated_pdf(tmp_path):
    data = small_pdf(tmp_path / "ok.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    try:
        note = read_note(tmp_path / "cut.pdf")   # PDFium may recover a cut file ...
        assert note.text
    except IngestError as e:                      # ... or reports it
        assert str(e) in ("truncated or corrupt PDF", "no text layer (scanned PDF)")


def test_corrupt_pdf_header_only(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7\n" + b"garbage " * 200)
    assert reason(tmp_path / "x.pdf") == "truncated or corrupt PDF"


def test_encrypted_pdf_needs_password(tmp_path):
    path = small_pdf(tmp_path / "e.pdf", pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    assert reason(path) == "encrypted: needs a password"
    assert reason(path, "nope") == "wrong password"
    assert "programme of work" in read_note(path, "secret").text


def test_unsupported_types(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    for name in ("a.docx", "b.png", "c.bin"):
        assert reason(tmp_path / name) == "unsupported file type"


def test_pdf_content_with_wrong_extension_is_read_as_pdf(tmp_path):
    path = small_pdf(tmp_path / "note.txt")
    assert "programme of work" in read_note(path).text


def test_missing_file_and_folder(tmp_path):
    assert reason(tmp_path / "nope.pdf").startswith("cannot open file")
    assert reason(tmp_path).startswith("unsupported file type")


def test_blank_pdf_has_no_text_layer(tmp_path):
    c = canvas.Canvas(str(tmp_path / "blank.pdf"))
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    assert reason(tmp_path / "blank.pdf") == "no text layer (scanned PDF)"


def test_seed_pdf_with_unneeded_password_still_reads():
    if not SEED_PDF.exists():
        pytest.skip("../shared/corpus not found")
    assert read_note(SEED_PDF, "unused").title == "Information Note"


def test_bad_pattern_file_names_file_and_line(tmp_path):
    from pipeline.ingest.patterns import furniture_patterns
    from pipeline.core.errors import ModelDataError
    (tmp_path / "furniture.jsonl").write_text(
        '{"id": "ok", "regex": "\\\\d+", "where": "band"}\n{"id": "bad", "regex": "([", "where": "any"}\n')
    with pytest.raises(ModelDataError, match=r"furniture.jsonl line 2: expected a valid regex"):
        furniture_patterns(tmp_path)
    (tmp_path / "furniture.jsonl").write_text('{"id": "x", "regex": "a", "where": "top"}\n')
    furniture_patterns.cache_clear()
    with pytest.raises(ModelDataError, match=r"line 1: expected one of \['any', 'band'\] for 'where'"):
        furniture_patterns(tmp_path)
