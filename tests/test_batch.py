"""Parallel, cached and distributed runs give the same tables."""

import shutil

import pytest

from pipeline.runner.batch import RunOptions, discover, run_batch
from tests.conftest import REAL, REPO, need

TABLES = ["documents", "mentions", "states", "organizations", "dates", "recommendations", "references"]


@pytest.fixture(scope="module")
def notes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notes")
    for name in ("information-note-accra.pdf", "workshop-report-suva.pdf", "upr-extract-paraguay.pdf"):
        shutil.copy(REPO / "corpus" / "pdf" / name, folder)
    if REAL.exists():
        shutil.copy(REAL / "aiun__S_2025_31.en.pdf", folder)
    return folder


def tables(out):
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


@pytest.fixture(scope="module")
def cold_two_jobs(notes, tmp_path_factory):
    out = tmp_path_factory.mktemp("out2")
    summary = run_batch([notes], out, RunOptions(jobs=2))
    assert summary.failed == 0
    return out


def test_tables_do_not_depend_on_the_job_count(notes, cold_two_jobs, tmp_path):
    run_batch([notes], tmp_path, RunOptions(jobs=1))
    assert tables(tmp_path) == tables(cold_two_jobs)


def note_count(notes):
    return len(list(notes.glob("*.pdf")))


def test_warm_rerun_reuses_every_cache_entry(notes, cold_two_jobs):
    entries = {p: p.stat().st_mtime_ns for p in (cold_two_jobs / ".cache").rglob("*.json")}
    # a text and a findings entry per note, and a model entry per note: an empty cache proves nothing
    assert len(entries) == 2 * note_count(notes)
    assert len(list((cold_two_jobs / ".cache" / "statistical").rglob("*.bin"))) == note_count(notes)
    before = tables(cold_two_jobs)
    run_batch([notes], cold_two_jobs, RunOptions(jobs=2))
    after = {p: p.stat().st_mtime_ns for p in (cold_two_jobs / ".cache").rglob("*.json")}
    assert after == entries  # nothing recomputed, nothing rewritten
    assert tables(cold_two_jobs) == before


def test_a_pattern_change_reruns_only_the_rule_stage(notes, cold_two_jobs, tmp_path):
    cache = cold_two_jobs / ".cache"
    text_entries = {p: p.stat().st_mtime_ns for p in (cache / "text").rglob("*.json")}
    model_entries = {p: p.stat().st_mtime_ns for p in (cache / "statistical").rglob("*.bin")}
    assert len(model_entries) == len(text_entries) == note_count(notes) > 0
    nlp_before = set((cache / "nlp").rglob("*.json"))
    overlay = tmp_path / "mine" / "gazetteers"
    overlay.mkdir(parents=True)
    (overlay / "orgs.tsv").write_text("name\tacronym\taliases\tkind\nExample Test Body\tETB\t\tother\n")
    run_batch([notes], tmp_path / "out", RunOptions(jobs=2, cache_dir=cache, overlay=tmp_path / "mine"))
    assert {p: p.stat().st_mtime_ns for p in (cache / "text").rglob("*.json")} == text_entries
    assert {p: p.stat().st_mtime_ns for p in (cache / "statistical").rglob("*.bin")} == model_entries
    assert len(set((cache / "nlp").rglob("*.json")) - nlp_before) == len(text_entries)
    # the body added is named in none of the notes: the re-run rule stage gives the same tables
    assert tables(tmp_path / "out") == tables(cold_two_jobs)


def test_dask_engine_writes_the_same_tables_as_the_local_engine(notes, cold_two_jobs, tmp_path):
    pytest.importorskip("dask.distributed")
    summary = run_batch([notes], tmp_path, RunOptions(jobs=2, engine="dask", use_cache=False))
    assert summary.failed == 0
    assert tables(tmp_path) == tables(cold_two_jobs)


def test_discover_recurses_skips_hidden_and_output_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "a" / "notes.docx").write_bytes(b"x")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "y.pdf").write_bytes(b"%PDF")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "z.txt").write_text("x")
    found = discover([tmp_path], exclude=tmp_path / "out")
    assert [f.document for f in found] == ["a/x.pdf"]


def test_largest_real_document_is_processed_in_bounded_chunks():
    from pipeline.findings import MAX_CHUNK_CHARS, chunk_bounds
    from pipeline.ingest import read_note

    note = read_note(need(REAL / "svnupr__g1217781.pdf"))
    bounds = chunk_bounds(note)
    assert len(note.text) > 500_000 and len(bounds) > 1
    assert all(end - start <= MAX_CHUNK_CHARS for start, end in bounds)


def test_editing_an_ingestion_pattern_file_changes_the_text_cache_key(monkeypatch, tmp_path):
    # a user who tunes models/patterns/furniture.jsonl must not be served the old cached text
    from pipeline.runner import cache
    from pipeline.ingest import data_files

    before = cache.text_key("0" * 64)
    for name in data_files.INGEST_DATA_FILES:
        (tmp_path / name).write_bytes((data_files.PATTERNS_DIR / name).read_bytes())
    (tmp_path / data_files.FURNITURE).write_text(
        (tmp_path / data_files.FURNITURE).read_text() + '{"id": "mine", "regex": "^DRAFT$", "where": "any"}\n')
    monkeypatch.setattr(data_files, "PATTERNS_DIR", tmp_path)
    cache.ingest_version.cache_clear()
    try:
        assert cache.text_key("0" * 64) != before
    finally:
        cache.ingest_version.cache_clear()
