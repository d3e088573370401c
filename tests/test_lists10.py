"""One-name-per-line lists, branch lists10 (issue 12): pipeline/ingest/name_lists.py with
models/shared/ingest/name_lists.jsonl, on PDFs of ../shared/corpus read whole; docs/QUALITY.md, "One name a
line: attendance annexes and lists of participants (branch lists10)".

An attendance annex (A/HRC/14/37, gold-real's svnupr__g1217781), a list of participants (A/CN.10/2025/INF/1),
an acronym list (DP/OPS/2025/12) and a list of a committee's members (A/79/19) print one body, State or person
a line; ingestion used to join those lines into one run-on "sentence". Now each name is its own block, and a
name wrapped over lines (a hanging indent, a lower-case line, a line ending "of the", a line set closer than
the names) stays whole. The "found" tests fail at the branch start (d42ccb2); the "kept" ones pass there too
and guard what must not change (wrapped paragraphs, wrapped headings, short mastheads)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.core.note import Block, NoteText, Span
from pipeline.ingest import read_note

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
ANNEX = ("real", "svnupr__g1217781.pdf")
PARTICIPANTS = ("real", "aiun__A_CN.10_2025_INF_1.en.pdf")


@lru_cache(maxsize=None)
def _note(part: str, name: str) -> NoteText:
    path = SHARED / part / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    return read_note(path.resolve(), ocr="never")


def _blocks(part: str, name: str) -> list[str]:
    note = _note(part, name)
    return [note.text[b.start:b.end] for b in note.blocks]


# -- found: each name its own block ------------------------------------------------------------------
@pytest.mark.parametrize("name", [
    "Indian Movement Tupaj Amaru",
    "Conectas Direitos Humanos",
    "Coordinating Board of Jewish Organizations",
    "Franciscans International",
    "Ingénieurs du Monde",
    "Verein Sudwind Entwicklungspolitic",
    "Danish Institute for Human Rights",
    "National Human Rights Commission of Nigeria",
    # wrapped names, whole: a hanging indent, a line ending "of the", a lower-case line
    "African-American Society for Humanitarian Aid and Development",
    "Arab Center for the Independence of the Judiciary and the Legal Profession",
    "Conseil consultative des droits de l’homme du royaume du Maroc",
    "Friends World Committee for Consultation (Quakers)",
    "United Kingdom of Great Britain and Northern Ireland",
])
def test_attendance_annex_names_are_blocks_of_their_own(name):
    assert name in _blocks(*ANNEX)


@pytest.mark.parametrize("name", [
    "Central African Republic",          # three lines set closer than the States (11.5 pt against 16)
    "Marshall Islands",
    "Antigua and Barbuda",
    "Andorra",
    "Australia",
])
def test_participants_list_states_are_blocks_whole(name):
    assert name in _blocks(*PARTICIPANTS)


@pytest.mark.parametrize("name", [
    "FAO Food and Agriculture Organization of the United Nations",
    "IAEA International Atomic Energy Agency",
    "ITC International Trade Centre",
])
def test_acronym_list_lines_are_blocks(name):
    assert name in _blocks("dev", "DP_OPS_2025_12.pdf")


def test_committee_members_one_a_line():
    blocks = _blocks("dev", "A_79_19.pdf")
    assert "Michael Gort (Canada)" in blocks and "Takayuki Iriya (Japan)" in blocks


def test_page_map_points_at_the_annex_page():
    note = _note(*ANNEX)
    block = next(b for b in note.blocks if note.text[b.start:b.end] == "Indian Movement Tupaj Amaru")
    start = block.start
    assert block.page == 167 and note.page_at(start) == 167
    page, offset = note.source_at(start)
    assert page == 167 and offset >= 0


def _pages(note: NoteText, first: int, last: int) -> NoteText:
    """The blocks of pages first..last as a note of their own (as `unnotes explain --page` cuts one)."""
    blocks, parts, pos = [], [], 0
    for b in note.blocks:
        if first <= b.page <= last and b.kind != "footnote":
            piece = note.text[b.start:b.end]
            blocks.append(Block(b.kind, pos, pos + len(piece), b.page))
            parts.append(piece)
            pos += len(piece) + 2
    text = "\n\n".join(parts)
    return NoteText(text=text, blocks=blocks, spans=[Span(0, len(text), first, 0)], pages=1, language="en")


@pytest.fixture(scope="module")
def annex_orgs():
    from pipeline.findings import analyse
    from pipeline.nlp.build import build_nlp

    found = analyse(_pages(_note(*ANNEX), 165, 168), build_nlp("en"))
    return {m["norm"] for m in found["mentions"] if m["label"] == "ORG"}


@pytest.mark.parametrize("name", [
    "Indian Movement Tupaj Amaru",
    "Conectas Direitos Humanos",
    "Coordinating Board of Jewish Organizations",
    "Ingénieurs du Monde",
])
def test_annex_names_are_organizations_through_the_pipeline(annex_orgs, name):
    assert name in annex_orgs


def test_annex_names_are_not_glued(annex_orgs):
    glued = [n for n in annex_orgs if "Conectas" in n and "Coordinating" in n
             or "Franciscans International Fraternité" in n]
    assert not glued


# -- kept: what is no one-name-per-line list ---------------------------------------------------------
def test_two_column_wrapped_paragraph_stays_one_block():
    # A/56/509's justified column: lines that open with a capital ("Countries Experiencing ...") are no names
    assert any("Convention to Combat Desertification in those Countries Experiencing Serious Drought"
               in b for b in _blocks("dev", "A_56_509.pdf"))


def test_wrapped_bold_heading_stays_one_block():
    assert any(b.startswith("Executive Board of the United Nations Development Programme, the United Nations")
               for b in _blocks("dev", "DP_2025_13.pdf"))


def test_a_three_line_masthead_is_left_as_it_was():
    assert "HUMAN RIGHTS COUNCIL Eighth session Agenda item 6" in _blocks("real", "uprs__guatemala2008.pdf")


def test_a_table_of_figures_is_no_name_list():
    assert not any(b == "46.6%" for b in _blocks("dev", "DP_2025_13.pdf"))
