"""Per-file guards: a file that runs past the time limit, or a worker that
runs out of memory, is marked and the batch goes on."""

import shutil
import subprocess
import sys

import pytest

from pipeline.runner.batch import RunOptions, run_batch, worker_death
from tests.conftest import REAL, REPO, SEED, need, read_rows


def rows(path):
    return {r["document"]: r for r in read_rows(path)}


def test_a_file_over_the_time_limit_is_marked_and_the_others_finish(tmp_path):
    big = need(REAL / "svnupr__g1217781.pdf")  # 194 pages, about 30 s: far over a 10 s limit
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(big, notes / "big.pdf")
    shutil.copy(REPO / "corpus" / "pdf" / "information-note-accra.pdf", notes / "small.pdf")
    run_batch([notes], tmp_path / "out", RunOptions(jobs=1, timeout=10, use_cache=False))
    docs = rows(tmp_path / "out" / "documents.csv")
    assert docs["big.pdf"]["status"] == "error" and docs["big.pdf"]["error"].startswith("timed out")
    assert docs["small.pdf"]["status"] == "ok", docs["small.pdf"]["error"]  # the replaced worker went on


def test_a_worker_out_of_memory_is_marked_and_the_batch_goes_on(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(REPO / "corpus" / "pdf" / "information-note-accra.pdf", notes / "a.pdf")
    shutil.copy(REPO / "corpus" / "pdf" / "workshop-report-suva.pdf", notes / "b.pdf")
    # A fresh process, as a user runs it (a test process may have the model loaded already,
    # and forked workers would share it).
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(notes), "--out", str(tmp_path / "out"),
                             "--jobs", "1", "--max-memory", "150", "--no-cache"], capture_output=True, text=True)
    assert result.returncode == 1  # nothing could be read at all
    assert "0 file(s) ok, 2 failed" in result.stdout
    docs = rows(tmp_path / "out" / "documents.csv")
    assert set(docs) == {"a.pdf", "b.pdf"}
    for row in docs.values():  # 150 MB cannot hold the statistical model
        assert row["status"] == "error"
        assert row["error"].startswith("too large: ran out of memory (limit 150 MB"), row["error"]


def test_a_timed_out_file_shows_its_known_page_count(tmp_path):
    # issue 13, case 11: ingestion finished (2 pages), then a pattern of the user's never ends
    pdf = need(SEED / "lima-2010-information-note.pdf")
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(pdf, notes / "lima.pdf")
    overlay = tmp_path / "mine" / "en" / "patterns"  # the overlay mirrors models/
    overlay.mkdir(parents=True)
    (overlay / "recommendation_cues.jsonl").write_text(
        '{"id": "slow", "kind": "modal", "label": "slow", "pattern": "(?:.*.*.*.*.*.*)zzz"}\n')
    run_batch([notes], tmp_path / "out", RunOptions(jobs=1, timeout=10, use_cache=False, overlay=tmp_path / "mine"))
    (row,) = read_rows(tmp_path / "out" / "documents.csv")
    assert row["status"] == "error" and row["error"] == "timed out (over 10 s)"
    assert row["pages"] == "2"


@pytest.mark.parametrize("exitcode, reason", [
    (-6, "too large: ran out of memory (limit 150 MB; the worker was stopped by SIGABRT)"),
    (-9, "too large: ran out of memory (limit 150 MB; the worker was stopped by SIGKILL)"),
    (-11, "worker crashed while reading it (SIGSEGV): a bug in the PDF library or a corrupt file"),
    (3, "worker crashed while reading it (exit status 3): a bug in the PDF library or a corrupt file"),
])
def test_a_dead_worker_is_reported_in_a_form_the_readme_lists(exitcode, reason):
    assert worker_death(exitcode, 150) == reason
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## When a file cannot be read", 1)[1].split("\n## ", 1)[0]
    assert reason.split(" (")[0] in section
