"""An overlay that holds only organization kind lexicons (gazetteers/orgs_<kind>.tsv,
no orgs.tsv) is read: its rows are found in a real note's run, and its mentions
name the overlay's own file and line."""

import shutil

from pipeline.core.models import MODELS_DIR, sources
from pipeline.runner.batch import RunOptions, run_batch
from tests.conftest import REPO, read_rows

NOTE = REPO / "corpus" / "pdf" / "information-note-accra.pdf"
# "Available on request from the UNREC secretariat in Lomé.": the shipped gazetteer
# knows UNREC, not its secretariat as a body of its own.
MEDIA = "name\tacronym\taliases\tkind\nUNREC secretariat\t\t\tmedia\n"
ORGS_TSV = MODELS_DIR / "shared" / "gazetteers" / "orgs.tsv"


def write_overlay(folder, relative: str, text: str):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_kind_lexicons_alone_are_the_overlays_files_for_orgs_tsv(tmp_path):
    write_overlay(tmp_path / "mine", "gazetteers/orgs_media.tsv", MEDIA)
    write_overlay(tmp_path / "mine", "shared/gazetteers/orgs_national.tsv", "name\tacronym\taliases\tkind\n")
    names = [s.name for s in sources(ORGS_TSV, tmp_path / "mine")]
    assert names == ["orgs.tsv", "mine/shared/gazetteers/orgs_national.tsv", "mine/gazetteers/orgs_media.tsv"]


def test_kind_lexicons_beside_an_overlay_orgs_tsv_are_left_to_its_loader(tmp_path):
    # the organization gazetteer reads the lexicons beside each orgs.tsv it is given: listed once
    write_overlay(tmp_path / "mine", "gazetteers/orgs.tsv", "name\tacronym\taliases\tkind\n")
    write_overlay(tmp_path / "mine", "gazetteers/orgs_media.tsv", MEDIA)
    assert [s.name for s in sources(ORGS_TSV, tmp_path / "mine")] == ["orgs.tsv", "mine/gazetteers/orgs.tsv"]


def test_a_kind_lexicon_without_orgs_tsv_is_found_in_a_real_notes_run(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(NOTE, notes)
    lexicon = write_overlay(tmp_path / "mine", "gazetteers/orgs_media.tsv", MEDIA)
    assert not (lexicon.parent / "orgs.tsv").exists()
    summary = run_batch([notes], tmp_path / "out", RunOptions(jobs=1, use_cache=False, overlay=tmp_path / "mine"))
    assert summary.failed == 0
    orgs = {r["name"] for r in read_rows(tmp_path / "out" / "organizations.csv")}
    assert "UNREC secretariat" in orgs
    mention = next(r for r in read_rows(tmp_path / "out" / "mentions.csv") if r["norm"] == "UNREC secretariat")
    assert mention["source"] == "gazetteer:mine/gazetteers/orgs_media.tsv:2"
