"""Paths and outputs (issue 13): every input accounted for, every output safe.

Each test is named after the case of the issue it reproduces."""

import json
import os
import stat
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner.discovery import discover, discover_inputs, display_name
from pipeline.runner.outfolder import LOCK, MARKER, OutputFolderError, output_lock
from tests.conftest import REPO, read_rows

runner = CliRunner()

BRAZIL = "Information note\n\nThe delegation of Brazil met in Geneva on 3 March 2024.\n"
FRANCE = "Information note\n\nThe delegation of France met in Geneva on 4 March 2024.\n"
PERU = "Information note\n\nThe Government of Peru hosted the meeting in Lima on 9 November 2010.\n"
PERU0 = PERU.replace("9 November", "1 November")   # n0.txt of the batch below: later runs find it cached


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def docs(out):
    return {r["document"]: r for r in read_rows(out / "documents.csv")}


# -- case 1, 2, 3 in one batch: two collections with a clash, an undecodable
#    name, links of every kind -------------------------------------------------

@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    col_a, col_b, outside = root / "colA", root / "colB", root / "outside"
    write(col_a / "note.txt", BRAZIL)
    write(col_b / "note.txt", FRANCE)
    for i in range(8):
        write(col_a / f"n{i}.txt", PERU.replace("9 November", f"{i + 1} November"))
    with open(os.fsencode(col_a) + b"/latin\xe9\xff.txt", "wb") as fh:   # not a UTF-8 name
        fh.write(PERU.replace("Lima", "Cusco").encode())
    secret = write(outside / "secret.txt", "Information note\n\nThe secret of Chile is kept in Santiago.\n")
    os.symlink(secret, col_a / "passwd.txt")                 # leaves the input trees
    os.symlink(col_a / "n0.txt", col_b / "same-as-n0.txt")   # stays inside them
    os.symlink(col_a / "gone.pdf", col_a / "dangling.pdf")
    os.symlink("loop.txt", col_a / "loop.txt")
    os.symlink(".", col_a / "again")                         # a folder loop inside the inputs
    os.symlink("..", col_a / "up")                           # the parent: outside them
    os.symlink(outside, col_b / "elsewhere")
    out = root / "out"
    old = os.umask(0o022)
    try:
        result = runner.invoke(app, ["run", str(col_a), str(col_b), "--out", str(out), "--jobs", "2"])
    finally:
        os.umask(old)
    return result, out


def cached(messy):
    """--cache of the batch above, so a later run of PERU0 needs no worker."""
    return ["--cache", str(messy[1] / ".cache")]


def test_same_file_name_in_two_inputs_gives_two_documents_with_their_own_findings(messy):
    result, out = messy
    assert result.exit_code == 0, result.output
    rows = docs(out)
    assert "note.txt" not in rows and {"colA/note.txt", "colB/note.txt"} <= set(rows)
    assert "n0.txt" in rows   # names that do not clash stay as they were
    states = {(r["document"], r["iso3"]) for r in read_rows(out / "states.csv")}
    assert ("colA/note.txt", "BRA") in states and ("colB/note.txt", "FRA") in states
    assert ("colA/note.txt", "FRA") not in states and ("colB/note.txt", "BRA") not in states
    for doc in ("colA/note.txt", "colB/note.txt"):     # each offset points into its own text
        text = (out / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        for m in read_rows(out / "mentions.csv"):
            if m["document"] == doc:
                assert text[int(m["start"]):int(m["end"])] == m["text"]


def test_a_name_that_is_not_utf8_gets_its_row_escaped_and_the_batch_goes_on(messy):
    result, out = messy
    rows = docs(out)
    assert rows["latin\\xe9\\xff.txt"]["status"] == "ok"
    assert all(rows[f"n{i}.txt"]["status"] == "ok" for i in range(8))
    assert ("latin\\xe9\\xff.txt", "PER") in {(r["document"], r["iso3"]) for r in read_rows(out / "states.csv")}
    assert "Traceback" not in result.output


def test_links_loops_and_dangling_links_each_get_a_row_saying_why(messy):
    result, out = messy
    rows = docs(out)
    assert "outside the input folders" in rows["passwd.txt"]["error"]
    assert "--follow-links" in rows["passwd.txt"]["error"]
    assert "outside the input folders" in rows["elsewhere/"]["error"]
    assert "dangling link" in rows["dangling.pdf"]["error"]
    assert "loop" in rows["loop.txt"]["error"]
    assert rows["same-as-n0.txt"]["duplicate_of"] == "n0.txt"   # a link inside the inputs: read, once
    assert not any(d.startswith("again/") for d in rows)    # entered once, under its own name
    assert "outside the input folders" in rows["up/"]["error"] and not any(d.startswith("up/") and d != "up/"
                                                                          for d in rows)
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.csv"))
    everything += "".join(p.read_text(encoding="utf-8") for p in (out / "text").rglob("*.txt"))
    assert "secret of Chile" not in everything and not (out / "text" / "passwd.txt.txt").exists()


def test_follow_links_reads_a_link_out_of_the_inputs(tmp_path):
    write(tmp_path / "elsewhere" / "x.txt", PERU)
    write(tmp_path / "notes" / "a.txt", BRAZIL)
    os.symlink(tmp_path / "elsewhere" / "x.txt", tmp_path / "notes" / "x.txt")
    os.symlink(tmp_path / "elsewhere", tmp_path / "notes" / "more")
    assert {f.document: f.skipped != "" for f in discover([tmp_path / "notes"])} == {
        "a.txt": False, "x.txt": True, "more/": True}
    followed = discover([tmp_path / "notes"], follow_links=True)
    assert {f.document: f.skipped for f in followed} == {"a.txt": "", "x.txt": "", "more/x.txt": ""}


def test_a_link_loop_through_followed_folders_ends(tmp_path):
    write(tmp_path / "a" / "n.txt", PERU)
    write(tmp_path / "b" / "m.txt", PERU)
    os.symlink(tmp_path / "b", tmp_path / "a" / "to-b")
    os.symlink(tmp_path / "a", tmp_path / "b" / "to-a")
    found = discover([tmp_path / "a"], follow_links=True)
    assert [f.document for f in found] == ["n.txt", "to-b/m.txt"]


def test_undecodable_and_control_characters_are_shown_escaped():
    assert display_name(os.fsdecode(b"latin\xe9\xff.txt")) == "latin\\xe9\\xff.txt"
    assert display_name("two\nlines.txt") == "two\\x0alines.txt"
    assert display_name("Genève.pdf") == "Genève.pdf"


def test_a_fifo_named_like_a_note_is_listed_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (found,) = discover([tmp_path])
    assert found.document == "pipe.txt" and "named pipe" in found.skipped


def test_two_inputs_with_the_same_folder_name_are_told_apart_by_their_path(tmp_path):
    write(tmp_path / "one" / "notes" / "x.txt", PERU)
    write(tmp_path / "two" / "notes" / "x.txt", BRAZIL)
    os.chdir(tmp_path)
    try:
        found = discover([tmp_path / "one" / "notes", tmp_path / "two" / "notes"])
    finally:
        os.chdir(REPO)
    names = [f.document for f in found]
    assert len(set(names)) == 2 and all(n.endswith("notes/x.txt") for n in names)
    assert names[0] != names[1] and "one" in names[0] and "two" in names[1]


# -- case 4: an earlier run's output inside the input ---------------------------

def test_an_earlier_output_folder_inside_the_input_is_not_read_back(tmp_path, messy):
    notes = tmp_path / "notes"
    write(notes / "a.txt", PERU0)
    first = runner.invoke(app, ["run", str(notes), "--out", str(notes / "results"), "--jobs", "1", *cached(messy)])
    assert first.exit_code == 0, first.output
    assert (notes / "results" / MARKER).exists() and (notes / "results" / "text" / "a.txt.txt").exists()
    second = runner.invoke(app, ["run", str(notes), "--out", str(tmp_path / "results2"), "--jobs", "1",
                                 *cached(messy)])
    assert second.exit_code == 0, second.output
    assert set(docs(tmp_path / "results2")) == {"a.txt"}
    assert "the output of an earlier unnotes run" in second.output
    found = discover_inputs([notes])
    assert [f.document for f in found.files] == ["a.txt"] and found.output_folders == [notes / "results"]


# -- case 6: permissions --------------------------------------------------------

def test_tables_texts_and_cache_follow_the_umask(messy):
    result, out = messy   # run under umask 022
    written = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.suffix == ".csv" for p in written) and any(".cache" in p.parts for p in written)
    assert any(p.parent.name == "text" for p in written)
    modes = {p.relative_to(out).as_posix(): oct(stat.S_IMODE(p.stat().st_mode)) for p in written}
    assert set(modes.values()) == {"0o644"}, modes


# -- case 7: two runs on one --out ----------------------------------------------

HOLD = """
import sys, time
from pipeline.runner.outfolder import output_lock
with output_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(120)
"""


def test_a_second_run_on_a_locked_out_names_the_holder_and_stops(tmp_path):
    write(tmp_path / "notes" / "a.txt", PERU)
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = runner.invoke(app, ["run", str(tmp_path / "notes"), "--out", str(out), "--jobs", "1"])
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
        assert f"pid {holder.pid}" in result.output and "started" in result.output
        assert not (out / "documents.csv").exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_from_a_dead_run_is_taken_over(tmp_path, messy):
    write(tmp_path / "notes" / "a.txt", PERU0)
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (out / LOCK).write_text(json.dumps({"pid": dead.pid, "host": os.uname().nodename, "started": time.time()}))
    result = runner.invoke(app, ["run", str(tmp_path / "notes"), "--out", str(out), "--jobs", "1", *cached(messy)])
    assert result.exit_code == 0, result.output
    assert docs(out)["a.txt"]["status"] == "ok"
    assert not (out / LOCK).exists()   # released at the end


def test_without_flock_the_pid_in_the_lock_decides(tmp_path, monkeypatch):
    import errno
    import fcntl

    def no_flock(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / LOCK).write_text(json.dumps({"pid": dead.pid, "host": os.uname().nodename, "started": 0}))
    with output_lock(tmp_path) as record:
        assert record["pid"] == os.getpid()
    (tmp_path / LOCK).write_text(json.dumps({"pid": os.getppid(), "host": os.uname().nodename, "started": 0}))
    with pytest.raises(OutputFolderError, match=f"pid {os.getppid()}"):
        with output_lock(tmp_path):
            pass
