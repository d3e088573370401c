from pipeline.findings import chunk_bounds
from pipeline.core.note import Block, NoteText, Span


def make_note():
    text = "First page para.\n\nSecond page para.\n\nFoot."
    blocks = [Block("body", 0, 16, 1), Block("body", 18, 35, 2), Block("footnote", 37, 42, 1)]
    spans = [Span(0, 16, 1, 0), Span(18, 17, 2, 0), Span(37, 5, 1, 100)]
    return NoteText(text=text, blocks=blocks, spans=spans, pages=2)


def test_page_at_follows_the_char_map():
    note = make_note()
    assert note.page_at(0) == 1
    assert note.page_at(20) == 2
    assert note.page_at(17) == 1          # separator added by cleaning: page of the char before
    assert note.page_at(40) == 1          # footnote printed on page 1


def test_source_at_maps_back_to_the_page_text_or_none_for_added_chars():
    note = make_note()
    assert note.source_at(19) == (2, 1)
    assert note.source_at(38) == (1, 101)
    assert note.source_at(16) is None


def test_round_trip_through_dict():
    note = make_note()
    again = NoteText.from_dict(note.to_dict())
    assert again == note
    assert again.page_at(20) == 2


def test_chunks_cut_only_between_blocks_and_cover_the_text():
    note = make_note()
    bounds = chunk_bounds(note, limit=20)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(note.text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    starts = {b.start for b in note.blocks}
    assert all(start in starts for start, _ in bounds[1:])
