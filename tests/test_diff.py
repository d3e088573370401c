"""diff_runs(): rows added and removed per table and per document between two runs."""

import csv
import json
from pathlib import Path

import pytest

from pipeline.report.diff import diff_runs


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


DOCS = ["document", "sha256", "pages", "status", "error", "title"]
STATES = ["document", "iso3", "name", "mentions", "first_page"]


@pytest.fixture
def runs(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write_csv(old / "documents.csv", DOCS, [["a.pdf", "x", "1", "ok", "", "A"], ["b.pdf", "y", "1", "ok", "", "B"]])
    write_csv(new / "documents.csv", DOCS, [["a.pdf", "x", "1", "ok", "", "A"], ["b.pdf", "y", "1", "ok", "", "B"]])
    write_csv(old / "states.csv", STATES, [["a.pdf", "PER", "Peru", "2", "1"], ["a.pdf", "CHL", "Chile", "1", "1"],
                                           ["b.pdf", "FRA", "France", "1", "1"]])
    # new run: CHL gone, BRA added to a.pdf, FRA's count changed, and an extra column
    write_csv(new / "states.csv", STATES + ["extra"], [["a.pdf", "PER", "Peru", "2", "1", "z"],
                                                       ["a.pdf", "BRA", "Brazil", "1", "1", "z"],
                                                       ["b.pdf", "FRA", "France", "3", "1", "z"]])
    write_csv(old / "dates.csv", ["document", "text", "start", "end", "mentions", "first_page"],
              [["a.pdf", "'-2010", "2010", "2010", "1", "1"]])
    write_csv(new / "dates.csv", ["document", "text", "start", "end", "mentions", "first_page"],
              [["a.pdf", "-2010", "2010", "2010", "1", "1"]])   # same value, once formula-guarded
    return old, new


def test_counts_added_and_removed_rows_per_table(runs):
    report = diff_runs(*runs)
    states = report.tables["states"]
    assert (len(states.added), len(states.removed), states.unchanged) == (2, 2, 1)
    assert {r["iso3"] for r in states.added} == {"BRA", "FRA"}
    assert {r["iso3"] for r in states.removed} == {"CHL", "FRA"}
    assert not report.tables["documents"].added and not report.tables["documents"].removed
    assert not report.tables["dates"].added   # the formula guard is not a change
    assert report.changed


def test_changes_are_grouped_per_document(runs):
    by_doc = diff_runs(*runs).tables["states"].by_document()
    assert [r["iso3"] for r in by_doc["a.pdf"]["added"]] == ["BRA"]
    assert [r["iso3"] for r in by_doc["a.pdf"]["removed"]] == ["CHL"]
    assert by_doc["b.pdf"]["added"][0]["mentions"] == "3"


def test_duplicate_rows_count_as_a_multiset(tmp_path):
    old, new = tmp_path / "o", tmp_path / "n"
    write_csv(old / "documents.csv", DOCS, [])
    write_csv(new / "documents.csv", DOCS, [])
    write_csv(old / "states.csv", STATES, [["a", "PER", "Peru", "1", "1"]])
    write_csv(new / "states.csv", STATES, [["a", "PER", "Peru", "1", "1"]] * 2)
    t = diff_runs(old, new).tables["states"]
    assert (len(t.added), len(t.removed), t.unchanged) == (1, 0, 1)


def test_json_and_text_summaries(runs):
    report = diff_runs(*runs)
    data = json.loads(json.dumps(report.to_json()))
    assert data["tables"]["states"] == {"added": 2, "removed": 2, "unchanged": 1}
    assert [r["iso3"] for r in data["documents"]["a.pdf"]["states"]["added"]] == ["BRA"]
    text = report.render_text()
    assert "+ states: BRA" in text and "- states: CHL" in text
    assert "+2" in text and "-2" in text


def test_identical_runs_have_no_differences(runs):
    old, _ = runs
    report = diff_runs(old, old)
    assert not report.changed
    assert "No differences" in report.render_text()


def test_a_folder_that_is_not_a_run_is_refused(tmp_path, runs):
    with pytest.raises(FileNotFoundError, match="not a run output folder"):
        diff_runs(runs[0], tmp_path / "nothing")
