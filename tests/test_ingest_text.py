"""Plain-text / Markdown notes: decoding, blocks, tables, footnotes, char map."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_note
from pipeline.ingest.text import decode

SHARED = Path(__file__).parents[1].parent / "shared" / "corpus"
SEED_TXT = SHARED / "seed" / "lima-2010-information-note.txt"
UN80 = sorted((SHARED / "real").glob("un80__*.txt")) if SHARED.exists() else []


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip("../shared/corpus not found")
    return path


def blocks(note, kind=None):
    return [note.text[b.start:b.end] for b in note.blocks if kind is None or b.kind == kind]


def assert_spans_point_into(note, source: str):
    for s in note.spans:
        assert note.text[s.start:s.start + s.length] == source[s.page_start:s.page_start + s.length]


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                          ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                          ("cp1252", b"")])
def test_decoding(tmp_path, encoding, bom):
    text = "Réunion à Genève – “consultations” on 3 May 2024.\n"
    path = tmp_path / "n.txt"
    path.write_bytes(bom + text.encode(encoding))
    note = read_note(path)
    assert note.text == text.strip()
    assert decode(path.read_bytes()) == text


def test_markdown_blocks(tmp_path):
    src = ("# Chair's summary\n\n| Event: | Workshop on export controls |\n|---|---|\n"
           "| Venue: | Lima, Peru |\n\nThe meeting was held on 3 May 2024 and con-\ntinued the next day.\n\n"
           "- First point made by delegations.\n- Second point, on follow-\nup meetings.\n")
    path = tmp_path / "n.md"
    path.write_text(src, encoding="utf-8")
    note = read_note(path)
    assert [(b.kind, note.text[b.start:b.end]) for b in note.blocks] == [
        ("heading", "Chair's summary"),
        ("table_row", "Event: Workshop on export controls"),
        ("table_row", "Venue: Lima, Peru"),
        ("body", "The meeting was held on 3 May 2024 and continued the next day."),
        ("list_item", "- First point made by delegations."),
        ("list_item", "- Second point, on follow-up meetings."),
    ]
    assert note.title == "Chair's summary" and note.pages == 1
    assert_spans_point_into(note, src)


def test_form_feeds_are_pages(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("First page text.\fSecond page text.\n", encoding="utf-8")
    note = read_note(path)
    assert note.pages == 2 and [b.page for b in note.blocks] == [1, 2]


def test_seed_text_note():
    src_path = need(SEED_TXT)
    note = read_note(src_path)
    assert note.title == "Information Note"
    rows = blocks(note, "table_row")
    assert [r.split(":")[0] for r in rows] == ["Event", "Organizers", "Date and Venue", "Participants"]
    assert "<i>" not in note.text and "*ad hoc*" not in note.text and "ad hoc" in note.text
    # the footnote that interrupts the sentence goes after the body; the sentence is whole
    assert "(c) possibilities for country visits and national plans;" in note.text
    assert blocks(note, "footnote")[0].startswith("For information – not an official report.")
    assert note.blocks[-1].kind == "footnote"
    assert "4. Bilateral dialogues" in blocks(note, "heading")
    assert len(blocks(note, "list_item")) == 4
    assert_spans_point_into(note, src_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("index", [0, 1])
def test_un80_transcripts(index):
    if len(UN80) < 2:
        pytest.skip("../shared/corpus not found")
    path = UN80[index]
    note = read_note(path)
    assert note.title.startswith("Session ")
    assert "**" not in note.text
    speakers = blocks(note, "heading")
    assert any(s.endswith("| Representative") for s in speakers)
    assert note.language == "en"
    assert_spans_point_into(note, path.read_text(encoding="utf-8"))


def test_line_end_hyphens_are_joined_as_in_pdfs(tmp_path):
    # one joining rule for both readers (hyphenation.append_line): a word broken at a
    # line end is joined, a compound keeps its hyphen, and a dash after a space is a dash
    path = tmp_path / "note.txt"
    source = ("Information note\n\nThe meeting in Geneva -\nthe second one - agreed on the imple-\n"
              "mentation of the follow-\nup plan.\n")
    path.write_text(source, encoding="utf-8")
    note = read_note(path)
    assert blocks(note)[1] == ("The meeting in Geneva - the second one - agreed on the implementation "
                               "of the follow-up plan.")
    assert_spans_point_into(note, source)
