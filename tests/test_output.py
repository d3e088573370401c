import csv
import io

import pandas as pd
import pytest

from pipeline.output import atomic_write_text, neutralise_cell, write_table


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_triggers_are_prefixed_with_a_quote(cell):
    assert neutralise_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Peru", "1540 Committee", "", "a=b", 42])
def test_ordinary_cells_are_unchanged(cell):
    assert neutralise_cell(cell) == cell


def test_written_csv_has_no_cell_starting_with_a_trigger(tmp_path):
    frame = pd.DataFrame({"document": ["=cmd|' /C calc'!A0.pdf"], "text": ["-1 is negative"], "n": [3]})
    write_table(frame, tmp_path / "t.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["document", "text", "n"]
    assert rows[1] == ["'=cmd|' /C calc'!A0.pdf", "'-1 is negative", "3"]


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "documents.csv"
    target.write_text("old complete table\n")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new half table")
    assert target.read_text() == "old complete table\n"
    assert [p.name for p in tmp_path.iterdir()] == ["documents.csv"]  # no temp file left behind


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_written_files_follow_the_umask(tmp_path, umask, mode):
    # issue 13, case 6: a temporary file renamed into place kept mkstemp's 0600
    import os
    import stat

    old = os.umask(umask)
    try:
        atomic_write_text(tmp_path / "t.csv", "a\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "t.csv").stat().st_mode) == mode
