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

from tests.conftest import SEED, need, read_rows


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
        ("regional hackathon", "Nairobi", "KEN", "2024-06-04", "2024-06-06")]
