"""Titles, symbols and language of real notes (pipeline/ingest/metadata.py).
Each test is named for the kind of page 1 that broke; the documents are from
../shared/corpus/real and the dev split of ../shared/corpus/dev (never the test split)."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from pipeline.ingest import read_note
from tests.conftest import REAL, REPO, SHARED, need

DEV = SHARED / "corpus" / "dev"


@lru_cache(maxsize=None)
def note_of(path):
    return read_note(need(path))


def dev_gold(name: str) -> dict:
    # only documents of the dev split (corpus/gold-dev) are read here
    assert (REPO / "corpus" / "gold-dev" / f"{name}.json").exists()
    return json.loads((REPO / "corpus" / "gold-meta" / f"{name}.json").read_text(encoding="utf-8"))


def test_letter_after_six_agenda_items_is_the_title_and_the_joint_symbol_is_whole():
    note = note_of(DEV / "A_79_834.pdf")
    gold = dev_gold("A_79_834")
    assert note.title == gold["title"]
    assert note.symbol == gold["symbol"] == "A/79/834-S/2025/186"


def test_subject_line_before_report_of_the_secretary_general_not_the_report_line():
    note = note_of(DEV / "A_56_385.pdf")
    assert note.title == dev_gold("A_56_385")["title"]


def test_agenda_item_title_broken_over_four_lines_is_skipped():
    note = note_of(DEV / "TPNW_MSP_2025_8.pdf")
    assert note.title == "Report of the Scientific Advisory Group on its annual activities"


def test_cover_page_title_takes_its_session_line_without_place_and_dates():
    note = note_of(DEV / "A_79_19.pdf")
    assert note.title == dev_gold("A_79_19")["title"]


def test_symbol_cited_in_the_body_is_not_the_notes_symbol():
    # "President's statement PRST/8/1" in the preamble; the masthead comes last in reading order
    note = note_of(REAL / "svnupr__g2007307.pdf")
    assert note.symbol == "A/HRC/DEC/43/112"
    # the decision's numbered title keeps the "adopted by" line printed before it, as gold-real-meta has it (meta10)
    assert note.title == ("Decision adopted by the Human Rights Council on 12 March 2020 "
                          "43/112. Outcome of the universal periodic review: Slovenia")


def test_previously_issued_symbol_is_a_citation():
    note = note_of(REAL / "uprs__kiribati2010.pdf")
    assert note.symbol == "A/HRC/15/3"
    assert note.title == "Report of the Working Group on the Universal Periodic Review Kiribati"


def test_old_masthead_in_capitals_is_not_the_title():
    note = note_of(REAL / "pact__ONUSAL_S_1994_304.pdf")
    assert note.title == "REPORT OF THE SECRETARY-GENERAL ON THE UNITED NATIONS OBSERVER MISSION IN EL SALVADOR"


def test_clean_participants_list_is_english_and_not_garbled():
    note = note_of(REAL / "aiun__A_CN.10_2025_INF_1.en.pdf")
    assert note.language == "en"
    assert not any("garbled" in w for w in note.warnings)
    assert note.title == "List of participants"


def test_organ_and_session_lines_are_masthead_not_title():
    note = note_of(REAL / "aiun__ICCD_COP8_CST_8.en.pdf")
    assert note.title == "Abridged report on the international workshop on climate and land degradation"


@pytest.mark.parametrize("name", ["A_79_845", "DP_2025_26", "S_2025_80", "E_2025_15_Add.1_Rev.1",
                                  "DP-FPA_2025_1"])  # a joint board's symbol "DP-FPA/2025/1"
def test_symbol_and_title_of_dev_notes(name):
    note = note_of(DEV / f"{name}.pdf")
    gold = dev_gold(name)
    assert note.symbol == gold["symbol"]
    # the gold joins the printed lines after the subject ("Report of the Managing Director") in some notes
    assert gold["title"].startswith(note.title) and len(note.title) > 40


def test_report_on_two_agenda_items_is_named_by_its_report_line_not_by_the_rapporteur():
    # "Agenda items 82 and 18", both items' titles, "Report of the ... Committee", "Rapporteur: Mr. X (Gabon)"
    note = note_of(DEV / "A_49_624.pdf")
    assert note.title == dev_gold("A_49_624")["title"]
    assert not note.title.startswith("Rapporteur")


def test_joint_symbol_printed_with_an_en_dash_is_given_whole_with_a_hyphen():
    # the masthead prints "A/79/963–S/2025/438"; the gold (and every joint symbol of gold-meta) writes "-"
    note = note_of(DEV / "A_79_963.pdf")
    assert note.symbol == dev_gold("A_79_963")["symbol"] == "A/79/963-S/2025/438"


def test_joint_symbol_broken_after_its_dash_is_joined():
    from pipeline.ingest.metadata import masthead_symbol, symbol_block

    lines = ["United Nations A/79/963–", "S/2025/438", "General Assembly"]
    assert masthead_symbol(lines) == "A/79/963-S/2025/438"
    assert symbol_block(["A/79/834 -", "S/2025/186 21 March 2025"]) == "A/79/834-S/2025/186"
    assert masthead_symbol(["United Nations A/79/963", "S/2025/438"]) == "A/79/963"   # no dash: not joined


@pytest.mark.parametrize("name", ["DP_OPS_2025_12", "DP_OPS_2025_6"])
def test_agenda_items_title_that_reads_as_a_statement_line_is_not_the_title(name):
    # "Item 12 of the provisional agenda" | "Statement by the UNOPS Executive Director" (the item's
    # title) | the subject; DP/OPS/2025/12 also has list numbers on its masthead lines ("II. United Nations")
    note = note_of(DEV / f"{name}.pdf")
    gold = dev_gold(name)["title"]
    assert not note.title.startswith("Statement by")
    assert gold.startswith(note.title) and len(note.title) > 40


def test_subject_right_under_an_agenda_line_without_an_item_title_and_a_board_status_line():
    # "For information", "United Nations Children's Fund" | "Executive Board" before the agenda line;
    # "Item 6 of the provisional agenda" is followed at once by the subject
    note = note_of(DEV / "E_ICEF_2025_20.pdf")
    assert note.title == dev_gold("E_ICEF_2025_20")["title"]


def test_spanish_masthead_organ_is_not_the_title_and_the_letter_line_is_and_its_date_is_read():
    # "Consejo de Seguridad Distr. general" is the masthead; "Carta de fecha ..." names "las Naciones
    # Unidas" (a letterhead word) and is still the subject line, as "Letter dated ..." is in English
    note = read_note(REPO / "corpus" / "pdf" / "resumen-presidencia-s-2031-456.pdf")
    assert note.title.startswith("Carta de fecha 28 de abril de 2031 dirigida a la Presidencia del Consejo")
    assert note.title.endswith("ante las Naciones Unidas")
    assert note.symbol == "S/2031/456"
    assert note.issued == "2031-05-02"     # "2 de mayo de 2031": the Spanish "de" between day and month


def test_note_whose_masthead_symbol_ocr_lost_takes_the_symbol_its_file_is_saved_under(tmp_path):
    """A 1971 scan whose OCR turned the masthead's "A/L.632" into "LStr, L LIMITED": the file
    name spells the symbol ("_" for "/", a language tail); a plain file name gives none."""
    scan = need(REAL / "unsu__1971-09-29_A_L.632-EN.pdf")
    assert "A/L.632" not in note_of(scan).text[:2000]
    assert note_of(scan).symbol == "A/L.632"
    plain = tmp_path / "draft resolution.pdf"
    plain.write_bytes(scan.read_bytes())
    assert read_note(plain).symbol == ""


def test_masthead_symbol_wins_over_a_symbol_in_the_file_name(tmp_path):
    copy = tmp_path / "S_2025_1-EN.pdf"
    copy.write_bytes(need(DEV / "A_79_834.pdf").read_bytes())
    assert read_note(copy).symbol == "A/79/834-S/2025/186"
