"""OCR with Tesseract (pipeline/ingest/ocr.py, ocr_cache.py): a real
image-only UN report, a page the test renders from text as an image, the
page cache, and what happens without Tesseract."""

from __future__ import annotations

import io
import shutil

import pytest

from conftest import REAL, need
from pipeline.core.errors import IngestError
from pipeline.ingest import ocr
from pipeline.ingest.ocr import (INSTALL_HINT, OcrPage, ocr_page_image, ocr_page_layout, ocr_page_text,
                                 ocr_pdf_page, render_page, require_tesseract, tesseract_available,
                                 tesseract_languages, word_at_offset)
from pipeline.ingest.ocr_cache import OcrCache, cache_key, file_sha256

needs_tesseract = pytest.mark.skipif(
    tesseract_available() is None,
    reason=f"Tesseract is not installed ({INSTALL_HINT} tesseract-ocr-fra tesseract-ocr-spa; .ci/run does it)")

UNMISET = REAL / "pact__UNMISET_S_2005_310.pdf"
LINES = [  # (font size, text) drawn on the synthetic page
    (20, "Report of the Working Group"),
    (12, "The Committee welcomed the delegations of Norway and Chile."),
    (12, "It recommended that Uruguay submit its report by 15 March 2026."),
    (12, "Liechtenstein and Kazakhstan supported the proposal."),
]


def _text_as_image_pdf(path, dpi=200):
    """A PDF whose only content is an image of text: draw the lines with
    reportlab, rasterize that PDF with pypdfium2, embed the picture in a new PDF."""
    import pypdfium2
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = A4[1] - 100
    for size, text in LINES:
        c.setFont("Helvetica", size)
        c.drawString(72, y, text)
        y -= size * 2.2
    c.save()
    pdf = pypdfium2.PdfDocument(buf.getvalue())
    image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    pdf.close()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.save()
    return path


@pytest.fixture(scope="module")
def image_pdf(tmp_path_factory):
    return _text_as_image_pdf(tmp_path_factory.mktemp("ocr") / "text-as-image.pdf")


@pytest.fixture(scope="module")
def image_page(image_pdf):
    if tesseract_available() is None:
        pytest.skip(f"Tesseract is not installed ({INSTALL_HINT})")
    return ocr_pdf_page(image_pdf, 0, ("eng",))


@pytest.fixture(scope="module")
def unmiset_page1():
    if tesseract_available() is None:
        pytest.skip(f"Tesseract is not installed ({INSTALL_HINT})")
    return ocr_pdf_page(need(UNMISET), 0, ("eng",))


def test_image_only_pdf_has_no_text_layer():
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(need(UNMISET)))
    try:
        assert len(pdf) == 13
        assert pdf[0].get_textpage().get_text_range().strip() == ""
    finally:
        pdf.close()


@needs_tesseract
def test_image_only_un_report_ocrs_to_english_naming_timor_leste(unmiset_page1):
    text, _ = ocr_page_text(unmiset_page1.words)
    assert "Timor-Leste" in text
    assert "S/2005/310" in text
    assert "Security Council" in text
    assert unmiset_page1.engine == f"tesseract {tesseract_available()}"


@needs_tesseract
def test_word_boxes_are_in_pdf_points_inside_the_page(unmiset_page1):
    p = unmiset_page1
    assert (p.width, p.height) == pytest.approx((612, 792), abs=3)   # US letter, points (scanned: 614.4)
    for w in p.words:
        x0, top, x1, bottom = w.box
        assert 0 <= x0 < x1 <= p.width and 0 <= top < bottom <= p.height
    symbol = next(w for w in p.words if w.text == "S/2005/310")
    assert symbol.box[0] > p.width / 2 and symbol.box[1] < p.height / 5   # top right masthead


@needs_tesseract
def test_text_rendered_as_image_reads_back(image_page):
    text, _ = ocr_page_text(image_page.words)
    for _, line in LINES:
        assert line in text
    assert all(w.confidence > 50 for w in image_page.words)


@needs_tesseract
def test_ocr_lines_become_page_layout_lines_with_provenance(image_page):
    p = image_page
    layout = ocr_page_layout(p.words, 1, p.width, p.height)
    assert [ln.text for ln in layout.lines] == [t for _, t in LINES]
    for ln in layout.lines:
        (piece,) = ln.pieces
        assert layout.text[piece.start:piece.start + len(piece.text)] == piece.text
        assert ln.page == 1 and ln.role == "body" and not ln.bold
    # font size estimated from box heights: the title larger, body lines alike
    title, *body = layout.lines
    assert title.size == pytest.approx(20, rel=0.1)
    assert {ln.size for ln in body} == {body[0].size}
    assert body[0].size == pytest.approx(12, rel=0.1)
    # an offset in the page text maps back to its word and box
    _, starts = ocr_page_text(p.words)
    offset = layout.text.index("Uruguay")
    word = word_at_offset(p.words, starts, offset)
    assert word.text == "Uruguay"
    assert body[1].top <= word.box[1] < word.box[3] <= body[1].bottom


@needs_tesseract
def test_png_bytes_are_accepted(image_pdf):
    image = render_page(image_pdf, 0, dpi=150)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    words = ocr_page_image(buf.getvalue(), ("eng",), dpi=150)
    assert "Liechtenstein" in [w.text for w in words]
    # boxes scale with the dpi given: same page, same points
    at_300 = {w.text: w.box for w in ocr_page_image(render_page(image_pdf, 0), ("eng",))}
    at_150 = {w.text: w.box for w in words}
    assert at_150["Liechtenstein"] == pytest.approx(at_300["Liechtenstein"], abs=2)


@needs_tesseract
def test_cached_page_is_not_ocred_again(image_pdf, tmp_path, monkeypatch):
    cache = OcrCache(tmp_path / "ocr")
    first = ocr_pdf_page(image_pdf, 0, ("eng",), cache=cache)
    key = cache_key(file_sha256(image_pdf), 0, 300, ("eng",), tesseract_available())
    assert cache.get(key) == first

    def no_ocr(*a, **k):
        raise AssertionError("OCR ran although the page was cached")

    monkeypatch.setattr(ocr, "ocr_page_image", no_ocr)
    again = ocr_pdf_page(image_pdf, 0, ("eng",), cache=cache)
    assert again == first
    # another language list is another entry
    with pytest.raises(AssertionError, match="OCR ran"):
        ocr_pdf_page(image_pdf, 0, ("eng", "fra"), cache=cache)


def test_cache_key_covers_file_page_dpi_languages_and_version():
    base = ("ab" * 32, 0, 300, ("eng",), "5.3.0")
    keys = {cache_key(*base),
            cache_key("cd" * 32, *base[1:]),
            cache_key(base[0], 1, *base[2:]),
            cache_key(*base[:2], 200, *base[3:]),
            cache_key(*base[:3], ("eng", "fra"), base[4]),
            cache_key(*base[:4], "5.4.0")}
    assert len(keys) == 6


def test_corrupt_cache_entry_is_a_miss(tmp_path):
    cache = OcrCache(tmp_path)
    page = OcrPage(0, 612.0, 792.0, 300, ("eng",), "tesseract 5.3.0", ())
    cache.put("ab" * 32, page)
    assert cache.get("ab" * 32) == page
    (tmp_path / "ab" / f"{'ab' * 32}.json").write_text("{not json", encoding="utf-8")
    assert cache.get("ab" * 32) is None
    assert cache.get("cd" * 32) is None


def test_without_tesseract_the_error_says_how_to_enable_ocr(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    assert tesseract_available() is None
    with pytest.raises(IngestError, match="apt-get install tesseract-ocr") as e:
        require_tesseract()
    assert "\n" not in str(e.value)
    with pytest.raises(IngestError, match=r"^no text layer \(scanned PDF\); OCR needs Tesseract: "
                                          r"apt-get install tesseract-ocr$"):
        require_tesseract("no text layer (scanned PDF)")
    with pytest.raises(IngestError, match="apt-get install tesseract-ocr"):
        ocr_page_image(b"not an image", ("eng",))
    with pytest.raises(IngestError, match="apt-get install tesseract-ocr"):
        ocr_pdf_page(tmp_path / "any.pdf", 0)


def test_a_binary_that_does_not_run_counts_as_absent(monkeypatch, tmp_path):
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: str(fake))
    assert tesseract_available() is None


@needs_tesseract
def test_missing_language_data_names_the_package(image_pdf):
    image = render_page(image_pdf, 0, dpi=100)
    with pytest.raises(IngestError, match="apt-get install tesseract-ocr-xyz"):
        ocr_page_image(image, ("xyz",), dpi=100)


@needs_tesseract
def test_a_page_over_the_time_limit_is_an_error(image_pdf):
    with pytest.raises(IngestError, match=r"page 1: OCR timed out"):
        ocr_pdf_page(image_pdf, 0, ("eng",), timeout=0.01)


def test_page_out_of_range_is_an_error(image_pdf):
    with pytest.raises(IngestError, match="no page 5"):
        render_page(image_pdf, 4)


def test_languages_follow_the_note_language():
    assert tesseract_languages("fr") == ("fra",)
    assert tesseract_languages("es") == ("spa",)
    assert tesseract_languages("en") == ("eng",)
    assert tesseract_languages("other") == ocr.DEFAULT_LANGUAGES
    assert tesseract_languages(None) == ocr.DEFAULT_LANGUAGES


def test_tsv_rows_become_words_in_points():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t300\t300\t600\t50\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t300\t250\t50\t96.5\tGeneva,\n"
           "5\t1\t1\t1\t1\t2\t600\t300\t300\t50\t91\t2026\n"
           "5\t1\t1\t1\t1\t3\t950\t300\t10\t50\t95\t \n")
    words = ocr.parse_tsv(tsv, 72 / 300)
    assert [w.text for w in words] == ["Geneva,", "2026"]
    assert words[0].box == pytest.approx((72, 72, 132, 84))
    assert (words[0].block, words[0].par, words[0].line, words[0].word) == (1, 1, 1, 1)
    assert words[0].confidence == 96.5


@needs_tesseract
def test_bytes_that_are_no_image_are_a_one_line_error():
    with pytest.raises(IngestError, match="^Tesseract failed: ") as e:
        ocr_page_image(b"\x89PNG but not really", ("eng",))
    assert "\n" not in str(e.value)


@needs_tesseract
def test_ocr_layout_feeds_todays_block_assembly(image_page):
    """The seam for ingestion: OCR pages go through furniture, footnote
    and block analysis like text-layer pages, and every copied character of
    the note maps back to its offset in the OCR page text."""
    from pipeline.ingest.blocks import BlockAssembler, line_pitch
    from pipeline.ingest.footnotes import mark_footnotes
    from pipeline.ingest.furniture import mark_furniture
    from pipeline.ingest.hyphenation import Vocabulary
    from pipeline.ingest.page_model import body_size

    p = image_page
    pages = [ocr_page_layout(p.words, 1, p.width, p.height)]
    size = body_size(pages)
    mark_furniture(pages)
    mark_footnotes(pages[0], size)
    assembler = BlockAssembler(Vocabulary(pg.text for pg in pages), size, line_pitch(pages, size))
    assembler.add_page(pages[0])
    note = assembler.finish().build(1)
    assert "It recommended that Uruguay submit its report by 15 March 2026." in note.text
    for span in note.spans:
        assert note.text[span.start:span.start + span.length] == \
            pages[0].text[span.page_start:span.page_start + span.length]
