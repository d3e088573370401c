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


# -- issue 13, case 5 and 9: mistakes end in one line, exit 2, before any work --

def one_error_line(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture
def no_work(monkeypatch):
    """Fail the test if the run gets as far as looking for notes."""
    def started(*args, **kwargs):
        raise AssertionError("the run started work before the up-front checks")

    monkeypatch.setattr("pipeline.runner.batch.discover_inputs", started)


def read_only_folder(tmp_path):
    """A folder this process cannot write to (root writes anywhere: sysfs then)."""
    import os
    from pathlib import Path

    if os.geteuid() == 0:
        folder = Path("/sys/kernel")
        if not folder.is_dir():
            pytest.skip("running as root and no /sys/kernel to stand for a read-only folder")
        return folder
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def test_read_only_out_is_one_line_before_any_work(tmp_path, no_work):
    (tmp_path / "a.txt").write_text("Peru met.")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(read_only_folder(tmp_path))])
    one_error_line(result, "cannot write to --out folder")


def test_out_pointing_at_a_file_is_one_line(tmp_path, no_work):
    (tmp_path / "a.txt").write_text("Peru met.")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "a.txt")])
    one_error_line(result, "is a file, not a folder")


def test_out_under_a_file_is_one_line(tmp_path, no_work):
    (tmp_path / "a.txt").write_text("Peru met.")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "a.txt" / "out")])
    one_error_line(result, "is a file")


def test_unreachable_scheduler_is_one_line_within_seconds(tmp_path, no_work):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text("Peru met.")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--engine", "dask",
                                 "--scheduler", "tcp://127.0.0.1:1"])
    one_error_line(result, "cannot reach the Dask scheduler at tcp://127.0.0.1:1")


def test_engine_dask_without_dask_says_how_to_install_it(tmp_path, no_work, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("dask", "distributed") else real(name, *a))
    (tmp_path / "a.txt").write_text("Peru met.")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--engine", "dask"])
    one_error_line(result, "pip install 'unnotes[dask]'")


def test_gold_file_with_bad_json_is_one_line(tmp_path):
    from tests.conftest import write_run

    out = write_run(tmp_path / "out", {"documents": [{"document": "d.txt", "status": "ok"}]})
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "d.json").write_text('{"document": "d.txt", "states": [')
    result = runner.invoke(app, ["eval", str(tmp_path / "gold"), str(out)])
    one_error_line(result, "d.json", "invalid JSON")


@pytest.mark.parametrize("args, needle", [
    (["--jobs", "0"], "--jobs must be 1 or more, got 0"),
    (["--jobs", "-3"], "--jobs must be 1 or more, got -3"),
    (["--timeout", "0"], "--timeout must be a number of seconds above 0"),
    (["--timeout", "-5"], "--timeout must be a number of seconds above 0"),
    (["--max-memory", "0"], "--max-memory must be at least"),
    (["--engine", "spark"], "--engine must be 'local' or 'dask'"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
])
def test_options_out_of_range_are_one_line(tmp_path, no_work, args, needle):
    (tmp_path / "a.txt").write_text("Peru met.")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), *args])
    one_error_line(result, needle)


def test_patterns_given_a_file_says_it_is_a_file(tmp_path, no_work):
    (tmp_path / "a.txt").write_text("Peru met.")
    (tmp_path / "orgs.tsv").write_text("name\tacronym\taliases\tkind\n")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                                 "--patterns", str(tmp_path / "orgs.tsv")])
    one_error_line(result, "is a file; give the folder")
    assert "no such folder" not in result.output


def test_a_bad_option_value_is_one_line_from_the_console_script(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--jobs", "many"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("Error: "), result.stderr
    assert "--jobs" in result.stderr


# -- issue 13, case 12 and 13: the password off the command line; --version; make run JOBS --

def test_password_from_the_environment_or_a_prompt_opens_an_encrypted_note(tmp_path):
    from tests.hostile import good_pdf

    good_pdf(tmp_path / "locked.pdf", encrypt="s3cret")
    by_env = runner.invoke(app, ["run", str(tmp_path / "locked.pdf"), "--out", str(tmp_path / "o1"), "--jobs", "1"],
                           env={"UNNOTES_PDF_PASSWORD": "s3cret"})
    assert by_env.exit_code == 0, by_env.output
    assert {r["iso3"] for r in read(tmp_path / "o1" / "states.csv")} == {"PER"}
    by_prompt = runner.invoke(app, ["run", str(tmp_path / "locked.pdf"), "--out", str(tmp_path / "o2"), "--jobs", "1",
                                    "--password", "-", "--cache", str(tmp_path / "o1" / ".cache")],
                              input="s3cret\n", env={"UNNOTES_PDF_PASSWORD": ""})
    assert by_prompt.exit_code == 0, by_prompt.output
    assert "s3cret" not in by_prompt.output   # not echoed
    assert {r["iso3"] for r in read(tmp_path / "o2" / "states.csv")} == {"PER"}


def test_version_is_printed():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"unnotes {version('unnotes')}"


def test_make_run_passes_jobs():
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    import subprocess

    dry = subprocess.run(["make", "-n", "run", "JOBS=1"], capture_output=True, text=True, cwd=REPO).stdout
    assert "unnotes run corpus/ --out outputs/ --jobs 1" in dry
    dry = subprocess.run(["make", "-n", "run"], capture_output=True, text=True, cwd=REPO).stdout
    assert "--jobs" not in dry and "unnotes run corpus/ --out outputs/" in dry
