"""Regressions on real documents, named for the case that broke."""

from pipeline.core.models import models_fingerprints
from pipeline.runner.batch import RunOptions, process_file
from pipeline.runner.cache import file_sha256
from tests.conftest import REAL, need


def run_one(path):
    return process_file(str(path), path.name, file_sha256(path), RunOptions(use_cache=False), models_fingerprints())


def test_bilingual_english_french_note_is_read_as_english_and_its_states_found():
    res = run_one(need(REAL / "aiun__E_CN.4_109.en.pdf"))
    assert res.note.language == "en"
    states = {m["norm"] for m in res.findings["mentions"] if m["label"] == "STATE"}
    assert {"FRA", "IND"} <= states


def test_participants_list_with_few_common_words_is_english_and_extracted():
    res = run_one(need(REAL / "aiun__A_CN.10_2025_INF_1.en.pdf"))
    assert res.note.language == "en"
    states = {m["norm"] for m in res.findings["mentions"] if m["label"] == "STATE"}
    assert len(states) >= 180
    assert not any("not extracted" in w for w in res.note.warnings)


def test_a_line_starting_with_a_date_continues_its_sentence():
    # regression: "... held in Berlin on 13 and" / "14 May 2025. Delegations ..." was split
    # as if "14" numbered a new paragraph (A/79/923)
    from pipeline.ingest import read_note

    note = read_note(need(REAL / "aiun__A_79_923.en.pdf"))
    assert "was held in Berlin on 13 and 14 May 2025. Delegations" in note.text
