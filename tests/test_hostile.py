"""Hostile and broken input: every file accounted for, nothing lost, nothing executed."""

import csv
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import read_rows
from tests.hostile import build_hostile_folder, good_pdf, long_pdf

runner = CliRunner()


rows = read_rows


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    expect = build_hostile_folder(folder)
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--jobs", "2"])
    return expect, result, out


def test_every_file_gets_a_row_with_the_reason_the_user_needs(hostile_run):
    expect, result, out = hostile_run
    assert result.exit_code == 0, result.output  # some files were readable, no --strict
    docs = {r["document"].lstrip("'"): r for r in rows(out / "documents.csv")}
    assert set(docs) == set(expect)
    for name, want in expect.items():
        row = docs[name]
        if want == "ok":
            assert row["status"] == "ok", (name, row["error"])
        elif want == "duplicate":
            # same bytes as good.pdf: processed once, under the first name in sort order
            assert row["status"] == "ok", name
        else:
            assert row["status"] == "error" and want in row["error"], (name, row["error"])
            assert "\n" not in row["error"]


def test_encodings_are_decoded_not_mangled(hostile_run):
    _, _, out = hostile_run
    for name in ("latin1.txt", "utf16.txt", "bom.txt"):
        text = (out / "text" / f"{name}.txt").read_text(encoding="utf-8")
        assert "délégation of Côte d'Ivoire met in Genève" in text, name
    states = {(r["document"], r["iso3"]) for r in rows(out / "states.csv")}
    assert ("latin1.txt", "CIV") in states and ("utf16.txt", "CIV") in states


def test_french_note_is_reported_in_the_language_column(hostile_run):
    _, _, out = hostile_run
    row = next(r for r in rows(out / "documents.csv") if r["document"] == "francais.txt")
    assert row["language"] == "fr"
    assert "not English" not in row["warnings"]  # issue 11: read with models/fr/


def test_formula_like_file_name_is_neutralised_in_every_table(hostile_run):
    _, _, out = hostile_run
    for table in out.glob("*.csv"):
        for line in table.read_text(encoding="utf-8").splitlines():
            for cell in next(csv.reader([line])):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (table.name, cell)
    docs = [r["document"] for r in rows(out / "documents.csv")]
    assert "'=HYPERLINK(1).pdf" in docs


def test_duplicate_files_are_processed_once(hostile_run):
    _, _, out = hostile_run
    recs = [r["document"] for r in rows(out / "recommendations.csv")]
    assert recs.count("'=HYPERLINK(1).pdf") == 1
    assert "copy of good.pdf" not in recs and "good.pdf" not in recs
    docs = {r["document"]: r for r in rows(out / "documents.csv")}
    assert docs["good.pdf"]["duplicate_of"] == docs["copy of good.pdf"]["duplicate_of"] == "'=HYPERLINK(1).pdf"
    assert docs["'=HYPERLINK(1).pdf"]["duplicate_of"] == ""


def test_password_opens_an_encrypted_note(tmp_path):
    good_pdf(tmp_path / "locked.pdf", encrypt="s3cret")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "locked.pdf"), "--out", str(out), "--password", "s3cret",
                                 "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert {r["iso3"] for r in rows(out / "states.csv")} == {"PER"}


def test_strict_exits_non_zero_when_a_file_fails(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    good_pdf(tmp_path / "good.pdf")
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--strict", "--jobs", "1"])
    assert result.exit_code == 1
    assert "empty.pdf: empty file" in result.output


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--jobs", "1"])
    assert result.exit_code == 1


def test_a_killed_run_leaves_the_previous_tables_and_the_next_run_resumes(tmp_path):
    # Notes run one after another in name order (--jobs 1). The last is long
    # (seconds of work), so a kill sent as soon as the first note is cached
    # lands mid-run on a fast machine too; eleven one-line notes alone could
    # all finish between two polls.
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(11):
        good_pdf(notes / f"note-{i:02}.pdf", lines=["Information note",
                                                      f"The Government of Peru met on {i + 1} March 2024.",
                                                      "Participants recommended that States should act."])
    long_pdf(notes / "note-11.pdf", pages=40)
    out = tmp_path / "out"
    before = "document,sha256,pages,status,error,title\nprevious.pdf,x,1,ok,,complete\n"
    out.mkdir()
    (out / "documents.csv").write_text(before)
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(notes), "--out", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    cache = out / ".cache" / "nlp"
    deadline = time.time() + 120
    while time.time() < deadline and not (cache.exists() and any(cache.rglob("*.json"))):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before_kill = len(list(cache.rglob("*.json")))
    assert 0 < done_before_kill < 12, "the kill should land mid-run"
    assert (out / "documents.csv").read_text() == before  # the old complete table is untouched
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(rows(out / "documents.csv")) == 12
    assert len(list(cache.rglob("*.json"))) == 12  # the finished ones were reused, not redone twice
