"""Property-based tests for text cleaning: whatever the note says, the
cleaned text maps back to the source, blocks are well formed, and every
encoding reads the same."""

import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.ingest import read_note
from pipeline.ingest.text import decode

WORDS = st.text(alphabet=string.ascii_letters + "éèçôüñ’'-", min_size=1, max_size=12)
LINE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=4).map("\n".join)
NOTE = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n\n".join)

def read_txt(folder, text):
    path = folder / "note.txt"
    path.write_text(text, encoding="utf-8")
    return read_note(path)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(NOTE)
def test_every_mapped_character_is_the_source_character(tmp_path, text):
    note = read_txt(tmp_path, text)
    for span in note.spans:
        assert note.text[span.start:span.start + span.length] == text[span.page_start:span.page_start + span.length]


@SETTINGS
@given(NOTE)
def test_blocks_are_ordered_disjoint_and_separated_by_a_blank_line(tmp_path, text):
    note = read_txt(tmp_path, text)
    for a, b in zip(note.blocks, note.blocks[1:]):
        assert a.end <= b.start
        assert note.text[a.end:b.start] == "\n\n"
    assert all(note.text[b.start:b.end].strip() for b in note.blocks)


@SETTINGS
@given(NOTE)
def test_no_word_of_the_note_is_lost(tmp_path, text):
    cleaned = read_txt(tmp_path, text).text
    letters = lambda s: sorted(c for c in s if c.isalpha())  # noqa: E731 - hyphens may join words
    assert letters(cleaned) == letters(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200))
def test_utf8_utf16_and_bom_decode_to_the_same_text(text):
    # a text that opens with U+FEFF is, in UTF-8, the same bytes as a byte-order mark before the rest
    assume(not text.startswith("\ufeff"))
    assert decode(text.encode("utf-8")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode(text.encode("utf-16")) == text
