"""OCR wired into ingestion and the run (pipeline/ingest/ocr_pages.py, pdf.py,
the runner's --ocr): the real scans of ../shared/corpus/real through
`unnotes run`, the page cache the run leaves, --ocr never, and a run
without Tesseract."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from conftest import REAL, need
from pipeline.cli import app
from pipeline.core.errors import IngestError
from pipeline.ingest import ocr, read_note
from pipeline.ingest.ocr import INSTALL_HINT, tesseract_available
from pipeline.ingest.ocr_pages import pages_to_ocr
from pipeline.ingest.page_model import Image, Page
from pipeline.runner.cache import text_key
from pipeline.tables import page_ranges

UNMISET = "pact__UNMISET_S_2005_310.pdf"     # image-only, 13 pages
E_CN4_109 = "aiun__E_CN.4_109.en.pdf"         # 1948, bilingual, garbled text layer, 1 page
HINT = f"no text layer (scanned PDF); OCR needs Tesseract: {INSTALL_HINT}"

needs_tesseract = pytest.mark.skipif(tesseract_available() is None,
                                     reason=f"Tesseract is not installed ({INSTALL_HINT}; .ci/run does it)")


def rows(out, table):
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def by_document(out, table="documents"):
    return {r["document"]: r for r in rows(out, table)}


def run(*args):
    result = CliRunner().invoke(app, ["run", *map(str, args)])
    assert result.exit_code in (0, 1), result.output
    return result


@pytest.fixture(scope="module")
def scans_run(tmp_path_factory):
    """One OCR run of the two scans, shared by the module (the 13 pages take
    about a minute on a quiet machine); its cache holds the OCRed pages."""
    if tesseract_available() is None:
        pytest.skip(f"Tesseract is not installed ({INSTALL_HINT})")
    out = tmp_path_factory.mktemp("ocr-run") / "out"
    run(need(REAL / UNMISET), need(REAL / E_CN4_109), "--out", out, "--jobs", "1")
    return out


@needs_tesseract
def test_image_only_report_is_ok_and_yields_its_states(scans_run):
    doc = by_document(scans_run)[UNMISET]
    assert (doc["status"], doc["error"], doc["pages"]) == ("ok", "", "13")
    assert doc["ocr_pages"] == "1-13"
    assert doc["symbol"] == "S/2005/310" and doc["language"] == "en"
    states = {r["iso3"] for r in rows(scans_run, "states") if r["document"] == UNMISET}
    assert {"TLS", "IDN"} <= states


@needs_tesseract
def test_mentions_on_ocred_pages_name_the_engine_and_keep_their_source(scans_run):
    mentions = [r for r in rows(scans_run, "mentions") if r["document"] == UNMISET]
    assert mentions
    assert {r["ocr"] for r in mentions} == {f"tesseract {tesseract_available()}"}
    assert not any("tesseract" in r["source"] for r in mentions)   # the rule or gazetteer that found it
    for r in mentions[:50]:
        assert 1 <= int(r["page"]) <= 13


@needs_tesseract
def test_1948_note_symbol_read_by_ocr(scans_run):
    doc = by_document(scans_run)[E_CN4_109]
    assert doc["status"] == "ok"
    assert doc["symbol"] == "E/CN.4/109"        # the garbled text layer gave "A/109"
    assert doc["ocr_pages"] == "1"


@needs_tesseract
def test_the_run_leaves_the_ocr_page_cache_that_ingestion_reads(scans_run, monkeypatch):
    """Re-reading with the run's OUT/.cache/ocr runs no Tesseract."""
    def no_tesseract(*a, **k):
        raise AssertionError("OCR ran although the page is cached")

    monkeypatch.setattr(ocr, "ocr_page_image", no_tesseract)
    note = read_note(REAL / E_CN4_109, ocr_cache=scans_run / ".cache" / "ocr")
    assert note.symbol == "E/CN.4/109" and note.ocr_pages == [1]


def test_ocr_never_is_todays_reading(tmp_path):
    out = tmp_path / "out"
    run(need(REAL / UNMISET), "--out", out, "--jobs", "1", "--ocr", "never")
    doc = by_document(out)[UNMISET]
    assert (doc["status"], doc["error"], doc["ocr_pages"]) == ("error", "no text layer (scanned PDF)", "")


def test_without_tesseract_the_error_row_says_how_to_enable_ocr(tmp_path, monkeypatch):
    """No tesseract on PATH (the workers inherit it): the scan's row carries the hint."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "out"
    run(need(REAL / UNMISET), "--out", out, "--jobs", "1")
    doc = by_document(out)[UNMISET]
    assert (doc["status"], doc["error"]) == ("error", HINT)


def test_without_tesseract_a_garbled_layer_is_read_as_today(monkeypatch):
    monkeypatch.setattr(ocr, "tesseract_available", lambda binary=ocr.TESSERACT: None)
    auto = read_note(need(REAL / E_CN4_109))
    never = read_note(REAL / E_CN4_109, ocr="never")
    assert auto.text == never.text and auto.ocr_pages == []
    with pytest.raises(IngestError, match="^--ocr always; OCR needs Tesseract"):
        read_note(REAL / E_CN4_109, ocr="always")


def test_an_unknown_ocr_mode_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["run", str(need(REAL / E_CN4_109)), "--out", str(tmp_path / "o"),
                                      "--ocr", "sometimes"])
    assert result.exit_code == 2 and "--ocr must be auto, always or never" in result.output


def test_blank_pages_are_not_ocred_scans_and_garbled_layers_are():
    blank = Page(1, 595, 842, "", [])
    logo = Page(2, 595, 842, "", [], images=[Image(250, 50, 345, 120)])
    scan = Page(3, 595, 842, "", [], images=[Image(0, 0, 595, 842)])
    garbled = Page(4, 595, 842, "tbe Ig82 Comm1ttee followiag tlm snd " * 8, [])
    clean = Page(5, 595, 842, "The Committee met in Geneva and adopted its report on the situation. " * 4, [])
    pages = [blank, logo, scan, garbled, clean]
    assert pages_to_ocr(pages, "auto") == {3: "no text layer", 4: "garbled text layer"}
    assert sorted(pages_to_ocr(pages, "always")) == [1, 2, 3, 4, 5]
    assert pages_to_ocr(pages, "never") == {}


def test_text_key_names_the_ocr_mode():
    keys = {text_key("0" * 64, None, "pdfium", mode) for mode in ("auto", "always", "never")}
    assert len(keys) == 3


def test_page_ranges():
    assert page_ranges([1, 2, 3, 5]) == "1-3,5"
    assert page_ranges(list(range(1, 14))) == "1-13"
    assert page_ranges([]) == ""
