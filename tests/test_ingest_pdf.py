"""PDF ingestion: furniture, footnotes, page-break joins, hyphenation, tables,
columns, the char map, metadata. Real UN PDFs come from ../shared/corpus;
small layout cases are drawn with reportlab in a temporary folder.

Every behaviour test runs once per PDF backend (`backend` fixture, in
conftest.py): both backends must give the same ingestion."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.core.errors import IngestError
from pipeline.core.note import NoteText
from pipeline.ingest import read_note
from pipeline.ingest.backends import load_backend

SHARED = Path(__file__).parents[1].parent / "shared"
REAL = SHARED / "corpus" / "real"
SEED_PDF = SHARED / "corpus" / "seed" / "lima-2010-information-note.pdf"
SLOW_BACKEND_MAX_BYTES = 150_000


def corpus_file(name: str) -> Path:
    path = REAL / name if not name.startswith("lima") else SEED_PDF
    if not path.exists():
        pytest.skip("../shared/corpus not found")
    return path


_cache: dict[tuple[str, str], NoteText] = {}


def note_of(name: str, backend: str) -> NoteText:
    if (name, backend) not in _cache:
        _cache[name, backend] = read_note(corpus_file(name), backend=backend, ocr="never")  # the text layer
    return _cache[name, backend]


def blocks(note: NoteText, kind: str | None = None) -> list[str]:
    return [note.text[b.start:b.end] for b in note.blocks if kind is None or b.kind == kind]


def draw_pdf(path: Path, pages: list[list[tuple[float, float, str, float]]]) -> Path:
    """Each page: (x, y-from-top, text, font size) strings in Helvetica."""
    c = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    for items in pages:
        for x, y, text, size in items:
            c.setFont("Helvetica", size)
            c.drawString(x, height - y, text)
        c.showPage()
    c.save()
    return path


# -- real UN documents -----------------------------------------------------------

def test_letter_loses_job_numbers_and_barcodes_to_furniture(backend):
    note = note_of("aiun__S_2025_31.en.pdf", backend)
    for junk in ("25-00524", "*2500524*", "170125", "2/5"):
        assert junk not in note.text
    furniture = " ".join(line for _, line in note.furniture)
    assert "25-00524 (E) 170125" in furniture and "*2500524*" in furniture
    # the symbol repeated on top of pages 2.. is furniture, not body
    assert [p for p, line in note.furniture if line == "S/2025/31"] == [2, 3, 4, 5]


def test_letter_metadata(backend):
    note = note_of("aiun__S_2025_31.en.pdf", backend)
    assert note.symbol == "S/2025/31"
    assert note.issued == "2025-01-14"
    assert note.pages == 5 and note.language == "en"
    assert note.title == ("Letter dated 13 January 2025 from the Permanent Representative of the Russian "
                          "Federation to the United Nations addressed to the President of the Security Council")


def test_joint_symbol_is_whole(backend):
    note = note_of("aiun__A_79_923.en.pdf", backend)
    assert note.symbol == "A/79/923-S/2025/341"
    assert note.title.startswith("Identical letters dated 30 May 2025")


def test_footnote_reference_markers_leave_the_body(backend):
    note = note_of("aiun__S_2025_31.en.pdf", backend)
    assert "livestreamed online through United Nations Web TV and X. It was chaired" in note.text
    assert "battalions”, held on 13 August 2024" in note.text


def test_footnotes_are_own_blocks_after_the_body(backend):
    note = note_of("aiun__S_2025_31.en.pdf", backend)
    kinds = [b.kind for b in note.blocks]
    first_note = kinds.index("footnote")
    assert set(kinds[first_note:]) == {"footnote"}
    notes = blocks(note, "footnote")
    assert "https://webtv.un.org/en/asset/k1c/k1c78db8iz." in notes
    assert not any("webtv.un.org" in b for b in blocks(note, "body"))
    assert [b.page for b in note.blocks if b.kind == "footnote"][:3] == [2, 2, 2]


def test_seed_sentence_across_page_break_is_whole(backend):
    note = note_of("lima-2010-information-note.pdf", backend)
    whole = ("(b) national interagency cooperation; (c) possibilities for country visits and national plans; "
             "(d) role of intergovernmental organizations")
    body = [b for b in note.blocks if whole in note.text[b.start:b.end]]
    assert len(body) == 1 and body[0].kind == "body" and body[0].page == 1
    assert "For information" not in note.text[body[0].start:body[0].end]


def test_seed_footnote_and_title(backend):
    note = note_of("lima-2010-information-note.pdf", backend)
    assert blocks(note, "footnote") == [
        "For information – not an official report. The views expressed here do not necessarily represent "
        "those of the 1540 Committee or of the organizers or participants in the event."]
    assert note.title == "Information Note"
    assert "¹" not in note.text
    assert [p for p, _ in note.furniture] == [1, 2]   # the page numbers


def test_seed_label_value_table_rows_in_place(backend):
    note = note_of("lima-2010-information-note.pdf", backend)
    rows = blocks(note, "table_row")
    assert [r.split(":")[0] for r in rows] == ["Event", "Organizers", "Date and Venue", "Participants"]
    assert rows[1].startswith("Organizers: The United Nations Office for Disarmament Affairs (UNODA), in "
                              "cooperation with its UN Regional Center for Peace")
    assert rows[1].endswith("hosted by the Government of Peru")
    assert rows[2] == "Date and Venue: 9 -11 November 2010, Lima, Peru"
    assert note.blocks[1].kind == "table_row"   # right after the title, before "1. Objectives"


def test_seed_headings_and_list_items(backend):
    note = note_of("lima-2010-information-note.pdf", backend)
    assert blocks(note, "heading") == ["Information Note", "1. Objectives", "2. Background", "3. Highlights",
                                       "4. Bilateral dialogues", "5. Additional information"]
    items = blocks(note, "list_item")
    assert len(items) == 4 and all(i.startswith("• ") for i in items)


def test_seed_blocks_match_seed_text_paragraphs(backend):
    note = note_of("lima-2010-information-note.pdf", backend)
    body = blocks(note, "body")
    assert body[-3].startswith("The round table was a forum")
    assert body[-4].endswith("followed by discussions based on four specific questions.")


def test_upr_numbered_recommendations_are_list_items(backend):
    note = note_of("svnupr__g2502644.pdf", backend)
    items = blocks(note, "list_item")
    assert len(items) > 200
    assert any(i.startswith("1. The Working Group on the Universal Periodic Review") for i in items)
    assert "GE.25-02819" not in note.text and note.symbol == "A/HRC/59/15"


def test_ruled_participants_table_gives_one_row_per_delegation():
    """pdfplumber's table finder reads the ruled list of participants cell by
    cell: one table_row per delegation, "Country: representative; alternates"."""
    pytest.importorskip("pdfplumber", reason="the optional pdfplumber extra is not installed")
    note = note_of("aiun__A_CN.10_2025_INF_1.en.pdf", "pdfplumber")
    rows = [r for r in blocks(note, "table_row") if "Country" not in r]
    assert len(rows) == 196     # 193 Member States, Holy See, State of Palestine, European Union
    assert "Albania: H.E. Mrs. Suela Janina; Mr. Etrit Bekteshi Mr. Arb Kapisyzi" in rows
    assert "Antigua and Barbuda" in rows and "Democratic Republic of the Congo" in {r.split(":")[0] for r in rows}


def test_image_only_report_is_a_scanned_pdf(backend, monkeypatch):
    """Without OCR the image-only report has no text; without Tesseract the
    reason says how to enable OCR (its OCR: tests/test_ocr_ingest.py)."""
    from pipeline.ingest import ocr

    path = corpus_file("pact__UNMISET_S_2005_310.pdf")
    with pytest.raises(IngestError, match=r"^no text layer \(scanned PDF\)$"):
        read_note(path, backend=backend, ocr="never")
    monkeypatch.setattr(ocr, "tesseract_available", lambda binary=ocr.TESSERACT: None)
    with pytest.raises(IngestError) as e:
        read_note(path, backend=backend)
    assert str(e.value) == "no text layer (scanned PDF); OCR needs Tesseract: apt-get install tesseract-ocr"


def test_garbled_ocr_still_gives_text(backend):
    note = note_of("pact__UNIKOM_S_23766.pdf", backend)
    assert len(note.text) > 1000


def test_spans_map_back_to_the_backends_page_characters(backend):
    """Span.page_start is an offset into the backend's page character sequence."""
    path = corpus_file("aiun__S_2025_31.en.pdf")
    note = note_of("aiun__S_2025_31.en.pdf", backend)
    page_texts = [page.text for page in load_backend(backend).read_pages(path)]
    rng = random.Random(7)
    checked = 0
    for offset in rng.sample(range(len(note.text)), 400):
        src = note.source_at(offset)
        if src is None:
            assert note.text[offset] in " \n-:;"     # only joins are added
            continue
        page, index = src
        assert note.text[offset] == page_texts[page - 1][index]
        assert note.page_at(offset) == page
        checked += 1
    assert checked > 350


def test_every_real_file_reads_or_fails_cleanly(backend):
    if not REAL.exists():
        pytest.skip("../shared/corpus not found")
    files = sorted(p for p in REAL.iterdir() if p.suffix in (".pdf", ".txt"))
    assert len(files) >= 30
    if backend == "pdfplumber":   # pdfminer parses in Python: the large files would take minutes here
        files = [p for p in files if p.stat().st_size <= SLOW_BACKEND_MAX_BYTES]
        assert len(files) >= 12
    failed = []
    for path in files:
        try:
            note = read_note(path, backend=backend, ocr="never")
        except IngestError as e:
            failed.append((path.name, str(e)))
            continue
        assert note.text.strip(), path.name
        assert all(note.text[b.start:b.end].strip() for b in note.blocks)
        assert "\n\n\n" not in note.text
    scanned = [(p.name, "no text layer (scanned PDF)") for p in files if p.name == "pact__UNMISET_S_2005_310.pdf"]
    assert failed == scanned


# -- drawn layouts --------------------------------------------------------------

def test_line_end_hyphenation_repaired_and_compounds_kept(tmp_path, backend):
    lines = ["The Committee discussed the imple-", "mentation of the resolution with the Secretary-",
             "General and agreed on a follow-", "up meeting with the Non-Self-", "Governing Territories."]
    page = [(72, 100 + 14 * i, t, 11) for i, t in enumerate(lines)]
    note = read_note(backend=backend, path=draw_pdf(tmp_path / "h.pdf", [page]))
    assert note.text == ("The Committee discussed the implementation of the resolution with the "
                         "Secretary-General and agreed on a follow-up meeting with the Non-Self-Governing "
                         "Territories.")


def test_hyphenated_form_elsewhere_in_document_wins(tmp_path, backend):
    page = [(72, 100, "Delegations called for a decision-", 11), (72, 114, "making process.", 11),
            (72, 150, "They praised the decision-making of the Council.", 11)]
    note = read_note(backend=backend, path=draw_pdf(tmp_path / "d.pdf", [page]))
    assert "a decision-making process." in note.text


def test_two_column_page_reads_column_by_column(tmp_path, backend):
    left = [(50, 100 + 14 * i, f"Left column line {i} of text goes on", 10) for i in range(12)]
    right = [(320, 100 + 14 * i, f"right column line {i} of text goes on", 10) for i in range(12)]
    left[-1] = (50, 100 + 14 * 11, "Left column ends here.", 10)
    right[0] = (320, 100, "Right column begins here and", 10)
    items = [x for pair in zip(left, right) for x in pair]   # content order interleaved
    note = read_note(backend=backend, path=draw_pdf(tmp_path / "c.pdf", [items]))
    text = note.text
    assert text.index("Left column line 10") < text.index("Left column ends here.") < text.index("Right column begins")


def test_running_header_repeated_on_every_page_is_furniture(tmp_path, backend):
    pages = []
    for n in range(1, 4):
        pages.append([(72, 40, "Informal summary of the workshop", 9), (500, 40, f"{n}", 9),
                      (72, 120, f"Paragraph on page {n} ends here.", 11), (290, 810, f"GE.10-1234{n}", 8)])
    note = read_note(backend=backend, path=draw_pdf(tmp_path / "r.pdf", pages))
    assert "Informal summary" not in note.text and "GE.10" not in note.text
    assert note.text.count("Paragraph on page") == 3


def test_text_cache_key_names_the_backend():
    """Text read by one backend is never served for a run with the other."""
    from pipeline.runner.cache import text_key

    keys = {b: text_key("0" * 64, None, b) for b in ("pdfium", "pdfplumber")}
    assert len(set(keys.values())) == 2 and all(f"-{b}-" in k for b, k in keys.items())


# -- a bold run-in start read as a heading goes on into its continuation ----------------
def test_bold_upr_item_cut_by_a_page_break_is_one_list_item():
    """A/HRC/14/11 (Angola, 2010) prints its recommendations in bold; item 53 breaks
    across pages 15 and 16. Its first part is no heading: the item is one list item, and
    the recommendations after it are not cut off from their section."""
    path = SHARED / "corpus" / "upr" / "angola2010.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus/upr not found")
    note = read_note(path, ocr="never")
    item = next(b for b in note.blocks if note.text[b.start:b.end].startswith("53. To strengthen its policy"))
    assert item.kind == "list_item"
    assert note.text[item.start:item.end].endswith("General Assembly resolution 64/142 (Brazil);")
    assert not any(note.text[b.start:b.end].startswith("of Children, in accordance") for b in note.blocks)


def test_bold_run_in_start_of_a_paragraph_is_not_a_heading():
    """DP/2025/13 opens its paragraphs with a bold run-in sentence ("4. UNDP is on track
    overall in delivering the Gender Equality Strategy 2022-2025" | "in a row, ...")."""
    path = SHARED / "corpus" / "dev" / "DP_2025_13.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus/dev not found")
    note = read_note(path, ocr="never")
    para = next(b for b in note.blocks if note.text[b.start:b.end].startswith("4. UNDP is on track overall"))
    assert para.kind == "list_item" and "in a row, UNDP maintained" in note.text[para.start:para.end]
    # a short bold heading before a paragraph that opens in upper case stays a heading
    assert any(b.kind == "heading" for b in note.blocks)
