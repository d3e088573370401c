"""Files ingestion cannot read fail with IngestError and a short reason,
never with another exception. PDF failures are tested with every backend
(`backend` fixture in conftest.py): both must give the same reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from pipeline.ingest import read_note
from pipeline.core.errors import IngestError

REPO = Path(__file__).parents[1]
SEED_PDF = REPO.parent / "shared" / "corpus" / "seed" / "lima-2010-information-note.pdf"
OWN_PDF = REPO / "corpus" / "pdf" / "information-note-accra.pdf"


def small_pdf(path: Path, encrypt=None) -> Path:
    c = canvas.Canvas(str(path), encrypt=encrypt)
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "The Committee met in Geneva on 3 May 2024 to review the programme of work.")
    c.showPage()
    c.save()
    return path


def reason(path: Path, password: str | None = None, backend: str = "pdfium") -> str:
    with pytest.raises(IngestError) as info:
        read_note(path, password, backend=backend)
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


@pytest.mark.parametrize("keep", [1 / 3, 1 / 2])
@pytest.mark.parametrize("source", [OWN_PDF, SEED_PDF], ids=["own", "seed"])
def test_truncated_real_pdf_is_reported_as_truncated(tmp_path, backend, source, keep):
    """A real note cut off in the middle (a broken download) has lost its
    cross-reference table and most pages: it is refused, with one reason."""
    if not source.exists():
        pytest.skip(f"{source} not found: the real documents live in ../shared/corpus")
    data = source.read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: int(len(data) * keep)])
    assert reason(tmp_path / "cut.pdf", backend=backend) == "truncated or corrupt PDF"


def test_corrupt_pdf_header_only(tmp_path, backend):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7\n" + b"garbage " * 200)
    assert reason(tmp_path / "x.pdf", backend=backend) == "truncated or corrupt PDF"


def test_encrypted_pdf_needs_password(tmp_path, backend):
    path = small_pdf(tmp_path / "e.pdf", pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    assert reason(path, backend=backend) == "encrypted: needs a password"
    assert reason(path, "nope", backend=backend) == "wrong password"
    assert "programme of work" in read_note(path, "secret", backend=backend).text


def test_unsupported_types(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    for name in ("a.docx", "b.png", "c.bin"):
        assert reason(tmp_path / name) == "unsupported file type"


def test_pdf_content_with_wrong_extension_is_read_as_pdf(tmp_path, backend):
    path = small_pdf(tmp_path / "note.txt")
    assert "programme of work" in read_note(path, backend=backend).text


def test_missing_file_and_folder(tmp_path):
    assert reason(tmp_path / "nope.pdf").startswith("cannot open file")
    assert reason(tmp_path).startswith("unsupported file type")


def test_blank_pdf_has_no_text_layer(tmp_path, backend):
    c = canvas.Canvas(str(tmp_path / "blank.pdf"))
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    assert reason(tmp_path / "blank.pdf", backend=backend) == "no text layer (scanned PDF)"


def test_seed_pdf_with_unneeded_password_still_reads(backend):
    if not SEED_PDF.exists():
        pytest.skip("../shared/corpus not found")
    assert read_note(SEED_PDF, "unused", backend=backend).title == "Information Note"


def test_unknown_backend_is_a_one_line_reason(tmp_path):
    path = small_pdf(tmp_path / "a.pdf")
    assert reason(path, backend="nope") == "unknown PDF backend 'nope' (choose from pdfium, pdfplumber)"


def test_missing_backend_library_names_the_extra(tmp_path, monkeypatch):
    """Without the optional pdfplumber package, asking for its backend says how to get it."""
    import builtins
    import sys

    from pipeline.ingest.backends import BackendError, load_backend

    real_import = builtins.__import__

    def no_pdfplumber(name, *args, **kwargs):
        if name == "pdfplumber" or name.startswith("pdfplumber."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    prefixes = ("pdfplumber", "pipeline.ingest.backends.pdfplumber")
    for mod in [m for m in sys.modules if m.startswith(prefixes)]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(builtins, "__import__", no_pdfplumber)
    with pytest.raises(BackendError) as info:
        load_backend("pdfplumber")
    assert str(info.value) == ("PDF backend 'pdfplumber' needs the pdfplumber package: "
                               "pip install 'unnotes[pdfplumber]'")


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
