"""`unnotes patterns check` and the validator behind it (pipeline/core/validate.py):
each problem names the user's own file and line; unknown files, misspelt folders
and keys, ingestion files, bad and catastrophic regexes and colliding ids are
reported; the loaders use the same schemas."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from pipeline.core.errors import ModelDataError
from pipeline.core.models import (
    FALLBACK_LANGUAGE, MODELS_DIR, available_languages, has_language, pipeline_language, sources,
)
from pipeline.core.validate import check_folder, records, slow_regexes
from pipeline.core.schemas import SCHEMAS


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(*objs) -> str:
    return "".join(json.dumps(o) + "\n" for o in objs)


def test_the_shipped_models_folder_is_valid():
    assert check_folder(MODELS_DIR, probe=False) == []


def test_a_misspelt_key_is_named_with_file_line_and_the_right_key(tmp_path):
    bad = write(tmp_path / "en" / "patterns" / "dates.jsonl",
                jsonl({"id": "decade", "label": "DATE", "regex": "(?P<y1>{YEAR})", "disabld": True}))
    problems = check_folder(tmp_path, probe=False)
    assert problems == [f"{bad} line 1: expected keys among ['disabled', 'example', 'id', 'label', 'note', "
                        f"'regex'], got unknown key 'disabld' (did you mean 'disabled'?)"]


def test_unknown_files_and_misspelt_folders_are_reported(tmp_path):
    write(tmp_path / "en" / "patterns" / "date.jsonl", "")
    write(tmp_path / "eng" / "patterns" / "dates.jsonl", "")
    write(tmp_path / "patterns" / "dates.jsonl", "")
    problems = "\n".join(check_folder(tmp_path, probe=False))
    assert "en/patterns/date.jsonl (did you mean en/patterns/dates.jsonl?)" in problems
    assert "got 'eng/' (did you mean 'en/'?)" in problems
    assert "got patterns/dates.jsonl at the top: write it as en/patterns/dates.jsonl" in problems


def test_an_ingestion_file_in_an_overlay_is_refused_with_the_reason(tmp_path):
    bad = write(tmp_path / "shared" / "ingest" / "furniture.jsonl", "")
    (problem,) = check_folder(tmp_path, probe=False)
    assert problem.startswith(f"{bad}: expected no ingestion file in an overlay")
    assert "edit models/shared/ingest/ in place" in problem


def test_a_regex_that_does_not_compile_and_an_id_that_collides(tmp_path):
    bad = write(tmp_path / "en" / "patterns" / "recommendation_cues.jsonl",
                jsonl({"id": "broken", "kind": "modal", "pattern": "(unclosed"},
                      {"id": "should", "kind": "modal", "pattern": r"\bshall\b"}))
    problems = check_folder(tmp_path, probe=False)
    assert problems[0].startswith(f"{bad} line 1: expected a valid regular expression in 'pattern'")
    assert problems[1].startswith(f"{bad} line 2: expected an id not used by the shipped file, got 'should'")


def test_a_date_pattern_with_a_shipped_id_replaces_it_and_is_no_problem(tmp_path):
    write(tmp_path / "en" / "patterns" / "dates.jsonl", jsonl({"id": "decade", "label": "DATE", "disabled": True,
                                                                 "regex": ""}))
    assert check_folder(tmp_path, probe=False) == []


def test_a_tsv_with_a_bad_value_names_its_line(tmp_path):
    bad = write(tmp_path / "gazetteers" / "orgs.tsv", "name\tacronym\taliases\tkind\nSaferworld\t\t\tngoo\n")
    (problem,) = check_folder(tmp_path, probe=False)
    assert problem.startswith(f"{bad} line 2: expected 'kind' one of [")
    assert problem.endswith("got 'ngoo'")


def test_a_catastrophically_backtracking_regex_is_caught_by_the_time_limited_probe(tmp_path):
    bad = write(tmp_path / "en" / "patterns" / "dates.jsonl",
                jsonl({"id": "slow", "label": "DATE", "regex": "(?P<y1>(a|aa)+)+b"},
                      {"id": "fine", "label": "DATE", "regex": "(?P<y1>{YEAR})s?"}))
    problems = check_folder(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{bad} line 1: expected a regular expression in 'regex' that runs in linear time")


def test_the_probe_passes_linear_regexes():
    assert slow_regexes([("x line 1", "pattern", r"\b(?:should|must)\s+\w+"), ("x line 2", "pattern", "a+b")]) == []


def test_the_loaders_use_the_same_schema(tmp_path):
    bad = write(tmp_path / "cues.jsonl", jsonl({"id": "x", "kind": "modal", "pattern": "x", "triger": ["x"]}))
    with pytest.raises(ModelDataError, match=r"cues.jsonl line 1: .*unknown key 'triger' \(did you mean 'trigger'\?\)"):
        list(records(bad, SCHEMAS["patterns/recommendation_cues.jsonl"]))


def test_an_overlay_error_at_run_time_names_the_users_file_not_a_merged_copy(tmp_path):
    from pipeline.nlp.build import build_nlp

    overlay = tmp_path / "mine"
    bad = write(overlay / "en" / "patterns" / "dates.jsonl",
                jsonl({"id": "ok", "label": "DATE", "regex": "(?P<y1>{YEAR})"},
                      {"id": "bad", "label": "DATE", "regex": "(?P<y1>{NOPE})"}))
    before = set(Path(tempfile.gettempdir()).glob("unnotes-models-*"))
    with pytest.raises(ModelDataError) as err:
        build_nlp("en", overlay=overlay)
    assert str(err.value).startswith(f"{bad} line 2: expected a macro among")
    assert set(Path(tempfile.gettempdir()).glob("unnotes-models-*")) == before  # no merged copy anywhere


def test_overlay_sources_are_the_users_files_after_the_shipped_one(tmp_path):
    shipped = MODELS_DIR / "shared" / "gazetteers" / "orgs.tsv"
    write(tmp_path / "my-overlay" / "gazetteers" / "orgs.tsv", "name\tacronym\taliases\tkind\n")
    names = [s.name for s in sources(shipped, tmp_path / "my-overlay")]
    assert names == ["orgs.tsv", "my-overlay/gazetteers/orgs.tsv"]


# -- languages ---------------------------------------------------------------------
def test_a_language_is_a_models_folder_with_a_pipeline():
    assert "en" in available_languages() and has_language("en")
    assert not has_language("shared") and not has_language("xx") and not has_language("../en")
    assert pipeline_language("en") == "en"
    assert pipeline_language("") == pipeline_language("other") == FALLBACK_LANGUAGE
    if not has_language("fr"):
        assert pipeline_language("fr") is None  # no models/fr/: such notes are listed, not analysed


def test_adding_a_language_is_a_new_folder(tmp_path):
    """A copy of models/en/ under another name is a working pipeline with no code change."""
    import shutil

    from pipeline.nlp.build import build_nlp

    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "shared", models / "shared")
    shutil.copytree(MODELS_DIR / "en", models / "xx")
    assert available_languages(models) == ("xx",) and pipeline_language("xx", models) == "xx"
    nlp = build_nlp("xx", models=models)
    doc = nlp("Peru met the Central American Integration System (SICA) on 9 November 2010.")
    found = {(e.label_, e.kb_id_) for e in doc.ents}
    assert {("STATE", "PER"), ("ORG", "Central American Integration System"), ("DATE", "2010-11-09/2010-11-09")} <= found
    assert nlp.meta["unnotes_language"] == "xx"
