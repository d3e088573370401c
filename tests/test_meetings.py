"""meetings.csv: the meetings a note reports on or convenes (pipeline/meetings.py).

Unit tests build the note by the real .txt ingestion and give the mentions the
NLP stage would (DATE from the date grammar, STATE by hand); one test runs the
whole pipeline on the seed note."""

from pathlib import Path

import pytest

from pipeline.core.errors import ModelDataError
from pipeline.ingest.text import read_text
from pipeline.meetings import load_meeting_data, meeting_data_paths, meeting_rows
from pipeline.nlp.datenorm import find_dates

from tests.conftest import REAL, SEED, SHARED, need, read_rows

DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="module")
def data():
    return load_meeting_data()


def note_of(tmp_path: Path, text: str):
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    return read_text(path)


def mentions_of(note, states: dict[str, str] = {}) -> list[dict]:
    """DATE mentions from the date grammar, STATE mentions for the names given ({name: ISO3})."""
    out = [{"label": "DATE", "text": d.text, "norm": d.norm, "start": d.start, "end": d.end}
           for d in find_dates(note.text)]
    for name, iso3 in states.items():
        at = note.text.index(name)
        out.append({"label": "STATE", "text": name, "norm": iso3, "start": at, "end": at + len(name)})
    return sorted(out, key=lambda m: m["start"])


def meetings(tmp_path, data, text, states={}):
    note = note_of(tmp_path, text)
    return [(r["name"], r["venue"], r["country"], r["start"], r["end"])
            for r in meeting_rows("note.txt", note, mentions_of(note, states), data)]


def test_a_session_heading_names_the_venue_and_dates_line_below_it(tmp_path, data):
    text = ("Commission on the Status of Women\n\nSixty-ninth session\n\nNew York, 10–21 March 2025\n\n"
            "Item 3 of the provisional agenda\n\nThe Commission discussed many things at length.")
    assert meetings(tmp_path, data, text) == [
        ("Sixty-ninth session", "New York", "USA", "2025-03-10", "2025-03-21")]


def test_two_days_in_new_york(tmp_path, data):
    text = "High-level meeting on antimicrobial resistance\n\nNew York, 28 and 29 April 2025\n\nNote by the Secretariat"
    assert meetings(tmp_path, data, text) == [
        ("High-level meeting on antimicrobial resistance", "New York", "USA", "2025-04-28", "2025-04-29")]


def test_a_place_not_in_the_gazetteer_takes_the_state_written_after_it(tmp_path, data):
    text = ("The Committee decided that its regional workshop would be held in Frigate Bay, "
            "Saint Kitts and Nevis, from 12 to 14 May 2009.")
    assert meetings(tmp_path, data, text, {"Saint Kitts and Nevis": "KNA"}) == [
        ("regional workshop", "Frigate Bay", "KNA", "2009-05-12", "2009-05-14")]


def test_a_conference_across_two_months(tmp_path, data):
    text = "United Nations Climate Change Conference\n\nDurban, 28 November to 3 December 2011\n\nReport"
    assert meetings(tmp_path, data, text) == [
        ("United Nations Climate Change Conference", "Durban", "ZAF", "2011-11-28", "2011-12-03")]


def test_held_its_session_names_the_body_and_needs_no_venue(tmp_path, data):
    text = ("1. The Working Group on the Universal Periodic Review, established in accordance with Human "
            "Rights Council resolution 5/1, held its eighth session from 3 to 14 May 2010.")
    assert meetings(tmp_path, data, text) == [
        ("eighth session of the Working Group on the Universal Periodic Review", "", "", "2010-05-03", "2010-05-14")]


def test_a_city_and_a_date_without_a_meeting_word_are_not_a_meeting(tmp_path, data):
    text = "The Government of Peru signed the agreement in Lima on 3 May 2010 and ratified it in Geneva, 4 June 2011."
    assert meetings(tmp_path, data, text, {"Peru": "PER"}) == []


def test_a_date_far_from_the_city_is_not_its_date(tmp_path, data):
    text = ("The seminar was organized in Nairobi, and its report, which many delegations welcomed warmly, "
            "was issued on 3 May 2010.")
    assert meetings(tmp_path, data, text) == []


def test_the_same_meeting_twice_in_a_note_is_one_row(tmp_path, data):
    text = ("Third Meeting of States Parties\n\nNew York, 3–7 March 2025\n\n"
            "The third Meeting of States Parties was convened in New York from 3 to 7 March 2025.")
    rows = meetings(tmp_path, data, text)
    assert [(v, c, s, e) for _, v, c, s, e in rows] == [("New York", "USA", "2025-03-03", "2025-03-07")]


def test_the_data_files_are_where_the_loader_says_and_a_bad_line_is_named(tmp_path):
    paths = meeting_data_paths()
    assert paths["cities"].name == "cities.tsv" and paths["cities"].exists()
    assert paths["cues"].name == "meeting_cues.jsonl" and paths["cues"].exists()
    models = tmp_path / "models"
    for key, rel in (("cities", "shared/gazetteers/cities.tsv"), ("cues", "en/patterns/meeting_cues.jsonl")):
        (models / rel).parent.mkdir(parents=True, exist_ok=True)
        (models / rel).write_bytes(paths[key].read_bytes())
    (models / "en/patterns/meeting_cues.jsonl").write_text('{"id": "x", "label": "MEETING"}\n', encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"meeting_cues.jsonl line 1: expected key 'pattern'"):
        load_meeting_data(models)


def test_the_seed_note_event_table_gives_venue_dates_name_and_organizers(tmp_path):
    from pipeline.runner.batch import RunOptions, run_batch

    pdf = need(SEED / "lima-2010-information-note.pdf")
    run_batch([pdf], tmp_path / "out", RunOptions(jobs=1, use_cache=False))
    rows = read_rows(tmp_path / "out" / "meetings.csv")
    assert len(rows) == 1
    row = rows[0]
    assert (row["venue"], row["country"], row["start"], row["end"], row["page"]) == (
        "Lima", "PER", "2010-11-09", "2010-11-11", "1")
    assert row["name"] == "Facilitation Event for UN Security Council Resolution 1540 (2004)"
    assert "United Nations Office for Disarmament Affairs" in row["organizers"]
    assert row["source"].startswith("table")


def test_a_users_overlay_adds_a_meeting_word(tmp_path):
    text = "The regional hackathon on export controls took place in Nairobi, 4–6 June 2024."
    assert meetings(tmp_path, load_meeting_data(), text) == []
    overlay = tmp_path / "mine" / "en" / "patterns"
    overlay.mkdir(parents=True)
    (overlay / "meeting_cues.jsonl").write_text(
        '{"id": "hackathon", "label": "MEETING", "pattern": "hackathons?"}\n', encoding="utf-8")
    data = load_meeting_data(tmp_path / "mine")
    assert meetings(tmp_path, data, text) == [
        ("regional hackathon on export controls", "Nairobi", "KEN", "2024-06-04", "2024-06-06")]


def test_a_meeting_mentioned_in_passing_gets_no_row(tmp_path, data):
    text = ("6. The draft decisions have been forwarded to the seventh session of the Conference of the Parties, "
            "to be held at Marrakech, Morocco, from 29 October to 9 November 2001, for completion. Noting the "
            "adoption, at the tenth session of the Meeting of the Parties to the Water Convention (Ljubljana, "
            "23\u201325 October 2024), of Decision X/3. Following its meeting in Bonn on 8 July 1998, the Contact "
            "Group supported the extension.")
    assert meetings(tmp_path, data, text, {"Morocco": "MAR"}) == []


def test_at_its_session_takes_the_body_named_after_the_venue_and_dates(tmp_path, data):
    text = ("3. At its fortieth session, held in Lima from 9 to 11 October 2024, the Economic Commission for "
            "Latin America and the Caribbean adopted resolution 770(XL).")
    assert meetings(tmp_path, data, text) == [
        ("fortieth session of the Economic Commission for Latin America and the Caribbean", "Lima", "PER",
         "2024-10-09", "2024-10-11")]


def test_a_named_un_venue_gives_its_city(tmp_path, data):
    text = ("1. The Human Rights Council held its fourteenth session at the United Nations Office at Geneva "
            "from 31 May to 18 June 2010. The President of the Council opened the session.")
    assert meetings(tmp_path, data, text) == [
        ("fourteenth session of the Human Rights Council", "Geneva", "CHE", "2010-05-31", "2010-06-18")]


@pytest.fixture(scope="module")
def real_meetings(tmp_path_factory):
    """One run over real notes whose meetings were wrong before: {document: [rows]}."""
    from pipeline.runner.batch import RunOptions, run_batch

    files = [need(DEV / "A_49_624.pdf"), need(DEV / "A_56_509.pdf"), need(DEV / "E_2025_15_Add.1_Rev.1.pdf"),
             need(REAL / "aiun__TPNW_MSP_2025_11.en.pdf"), need(REAL / "aiun__S_2025_311.en.pdf"),
             need(REAL / "aiun__ICCD_COP8_CST_8.en.pdf"),
             need(REAL / "un80__session_3_Oct_23_2025_mandate_creation_consultations.txt")]
    out = tmp_path_factory.mktemp("meetings") / "out"
    run_batch(files, out, RunOptions(jobs=1, use_cache=False, ocr="never"))
    rows: dict[str, list] = {}
    for r in read_rows(out / "meetings.csv"):
        rows.setdefault(r["document"], []).append(r)
    return rows


def _when_where(rows):
    return [(r["venue"], r["country"], r["start"], r["end"]) for r in rows]


def test_a_committee_report_gives_the_meetings_that_considered_its_item(real_meetings):
    # "considered item 82 at its 2nd, 5th, 6th and" | layout gap | "13th meetings, on 5, 12, 13 and 28 October"
    rows = real_meetings["A_49_624.pdf"]
    assert [(r["name"], r["start"], r["end"]) for r in rows] == [
        ("2nd, 5th, 6th and 13th meetings of the Fourth Committee", "1994-10-05", "1994-10-28")]


def test_held_sessions_are_rows_and_a_session_it_looks_ahead_to_is_not(real_meetings):
    rows = real_meetings["A_56_509.pdf"]
    assert _when_where(rows) == [("Buenos Aires", "ARG", "1998-11-02", "1998-11-14"),
                                 ("Bonn", "DEU", "1999-10-25", "1999-11-05"),
                                 ("The Hague", "NLD", "2000-11-13", "2000-11-25"),
                                 ("Bonn", "DEU", "2001-07-16", "2001-07-27")]
    assert rows[2]["name"] == "first part of the sixth session of the Conference of the Parties"


def test_regional_commissions_sessions_and_the_bureau_meeting_on_its_first_page(real_meetings):
    rows = real_meetings["E_2025_15_Add.1_Rev.1.pdf"]
    got = {(r["venue"], r["start"], r["end"]): r["name"] for r in rows}
    assert set(got) == {("Addis Ababa", "2025-03-17", "2025-03-18"), ("Geneva", "2025-04-09", "2025-04-10"),
                        ("Lima", "2024-10-09", "2024-10-11"), ("Bangkok", "2025-04-21", "2025-04-25"),
                        ("Addis Ababa", "2025-07-07", "2025-07-07")}
    assert got[("Addis Ababa", "2025-07-07", "2025-07-07")].startswith("Meeting of the Bureau of the Economic Commission")
    assert got[("Lima", "2024-10-09", "2024-10-11")] == (
        "fortieth session of the Economic Commission for Latin America and the Caribbean")


def test_earlier_meetings_celebrated_in_a_declaration_are_not_rows(real_meetings):
    rows = real_meetings["aiun__TPNW_MSP_2025_11.en.pdf"]
    assert _when_where(rows) == [("New York", "USA", "2025-03-03", "2025-03-07")]


def test_an_open_debate_with_no_venue_in_the_text_keeps_its_dates(real_meetings):
    rows = real_meetings["aiun__S_2025_311.en.pdf"]
    assert _when_where(rows) == [("", "", "2025-03-24", "2025-03-25")]
    assert "Advancing adaptability in United Nations peace operations" in rows[0]["name"]


def test_a_masthead_name_keeps_its_whole_body(real_meetings):
    rows = real_meetings["aiun__ICCD_COP8_CST_8.en.pdf"]
    assert (rows[0]["name"], rows[0]["venue"], rows[0]["start"]) == (
        "Committee on Science and Technology Eighth session", "Madrid", "2007-09-04")
    assert ("Arusha", "TZA", "2006-12-11", "2006-12-15") in _when_where(rows)


def test_a_transcript_dated_only_in_its_title(real_meetings):
    rows = real_meetings["un80__session_3_Oct_23_2025_mandate_creation_consultations.txt"]
    assert [(r["name"], r["start"], r["source"]) for r in rows] == [
        ("Mandate Creation consultations", "2025-10-23", "heading-date")]


def test_a_masthead_day_list_with_ranges_is_one_meeting_from_its_first_day_to_its_last(tmp_path, data):
    # E/C.2/2025/2/Add.5's masthead: the date component reads "19–23", "28 and 29 May" and
    # "5 June 2025"; the meeting joins them across the date words' list gaps
    text = ("Committee on Non-Governmental Organizations\n\n2025 resumed session\n\n"
            "New York, 19–23, 28 and 29 May and 5 June 2025\n\nQuadrennial reports for the period 2020–2023")
    assert meetings(tmp_path, data, text) == [
        ("2025 resumed session", "New York", "USA", "2025-05-19", "2025-06-05")]


def test_meetings_read_the_list_gap_of_the_date_words_file(tmp_path):
    # one source of truth: a user's "and" word for dates joins a meeting's days too
    mine = tmp_path / "mine" / "en" / "gazetteers"
    mine.mkdir(parents=True)
    (mine / "date_words.tsv").write_text("word\tkind\tvalue\tform\nplus\tand\t\t\n", encoding="utf-8")
    data = load_meeting_data(tmp_path / "mine")
    assert data.date_words.list_gap_re.fullmatch(" plus ")
    assert not load_meeting_data().date_words.list_gap_re.fullmatch(" plus ")
