"""Per-file guards: a file that runs past the time limit, or a worker that
runs out of memory, is marked and the batch goes on."""

import shutil
import subprocess
import sys

from pipeline.runner.batch import RunOptions, run_batch
from tests.conftest import REAL, REPO, need, read_rows


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
        assert "memory" in row["error"] or "worker died" in row["error"], row["error"]
