"""The CLI end to end, in-process (typer's runner), on real PDFs."""

import shutil

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import REPO, RUN_COLUMNS, SEED, need, read_rows

runner = CliRunner()


read = read_rows


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    need(SEED)
    notes = tmp_path_factory.mktemp("notes")
    shutil.copy(SEED / "lima-2010-information-note.pdf", notes)
    (notes / "sub").mkdir()
    shutil.copy(REPO / "corpus" / "pdf" / "information-note-accra.pdf", notes / "sub")
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(notes), "--out", str(out), "--jobs", "2"])
    return result, out


def test_run_writes_the_six_contract_tables_with_their_columns(seed_run):
    result, out = seed_run
    assert result.exit_code == 0, result.output
    for name, columns in RUN_COLUMNS.items():
        columns = columns[:6] if name == "recommendations" else columns  # OUTPUT.md's own columns
        header = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[: len(columns)] == columns, name


def test_documents_are_named_relative_to_the_input_folder(seed_run):
    _, out = seed_run
    docs = {r["document"]: r for r in read(out / "documents.csv")}
    assert set(docs) == {"lima-2010-information-note.pdf", "sub/information-note-accra.pdf"}
    assert docs["lima-2010-information-note.pdf"]["pages"] == "2"
    assert (out / "text" / "sub" / "information-note-accra.pdf.txt").exists()


def test_seed_states_and_offsets_point_into_the_written_text(seed_run):
    _, out = seed_run
    states = {r["iso3"] for r in read(out / "states.csv") if r["document"] == "lima-2010-information-note.pdf"}
    assert states == {"ARG", "BRA", "CRI", "PER", "USA"}
    text = (out / "text" / "lima-2010-information-note.pdf.txt").read_text(encoding="utf-8")
    mentions = [m for m in read(out / "mentions.csv") if m["document"] == "lima-2010-information-note.pdf"]
    assert mentions
    for m in mentions:
        assert text[int(m["start"]):int(m["end"])] == m["text"]


def test_seed_dates_are_normalised_and_the_resolution_year_is_not_a_date(seed_run):
    _, out = seed_run
    dates = {(r["start"], r["end"]) for r in read(out / "dates.csv")
             if r["document"] == "lima-2010-information-note.pdf"}
    assert ("2010-11-09", "2010-11-11") in dates and ("2005", "2009") in dates
    assert ("2004", "2004") not in dates
    refs = [m for m in read(out / "mentions.csv") if m["label"] == "REFERENCE"]
    assert any(m["norm"].startswith("resolution 1540") for m in refs)


def test_seed_recommendation_crossing_nothing_and_page_two_item_found(seed_run):
    _, out = seed_run
    recs = [r for r in read(out / "recommendations.csv") if r["document"] == "lima-2010-information-note.pdf"]
    texts = [r["text"] for r in recs]
    assert any(t.startswith("The 1540 Committee might evaluate the capacity") for t in texts)
    assert not any("objectives of the Event" in t for t in texts)
    assert all(r["page"] == "2" for r in recs)  # the bullets sit on page 2


def test_summary_line_reports_files_pages_and_time(seed_run):
    result, _ = seed_run
    assert "2 file(s) ok, 0 failed; 4 pages;" in result.output


def test_eval_json_has_the_contract_shape(seed_run, tmp_path):
    _, out = seed_run
    result = runner.invoke(app, ["eval", str(SEED), str(out), "--json"])
    assert result.exit_code == 0, result.output
    import json

    scores = json.loads(result.output)
    for kind in ("states", "orgs", "dates", "recommendations"):
        assert set(scores[kind]) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert scores["states"]["f1"] == 1.0


def test_missing_input_is_one_clear_error_line(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: no such file or folder")


def test_every_command_has_an_example_in_its_help():
    commands = ["run", "eval", "diff", "review", "explain", "patterns check"]
    for command in commands:
        result = runner.invoke(app, command.split() + ["--help"])
        assert result.exit_code == 0
        assert "Example: unnotes " in result.output, command
