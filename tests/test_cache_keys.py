"""The NLP cache key of a note covers the data files its language's pipeline
reads, and only those (pipeline/core/models.language_fingerprint): editing the
French files must not re-run the English notes, editing a shared file must
re-run every language."""

from __future__ import annotations

import shutil

import pytest

from pipeline.core.models import MODELS_DIR, language_fingerprint, models_fingerprints
from pipeline.runner.batch import parts_fingerprint


@pytest.fixture()
def models(tmp_path):
    root = tmp_path / "models"
    shutil.copytree(MODELS_DIR, root)
    return root


def append(path, line):
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")


def test_every_language_with_a_pipeline_has_a_fingerprint(models):
    fps = models_fingerprints(models)
    assert set(fps) >= {"en", "fr", "es"}
    assert len(set(fps.values())) == len(fps)   # each language its own


def test_editing_one_languages_file_changes_only_that_languages_fingerprint(models):
    before = models_fingerprints(models)
    append(models / "fr" / "lexicon.jsonl", '{"id": "mine", "words": ["exemple"]}\n')
    after = models_fingerprints(models)
    assert after["fr"] != before["fr"]
    assert after["en"] == before["en"] and after["es"] == before["es"]


def test_editing_a_shared_file_changes_every_languages_fingerprint(models):
    before = models_fingerprints(models)
    append(models / "shared" / "gazetteers" / "orgs.tsv", "Example Test Body\tETB\t\tother\n")
    after = models_fingerprints(models)
    assert all(after[lang] != before[lang] for lang in before)


def test_an_overlay_counts_for_the_languages_it_adds_to(models, tmp_path):
    base = models_fingerprints(models)
    french = tmp_path / "mine-fr"
    (french / "fr" / "gazetteers").mkdir(parents=True)
    (french / "fr" / "gazetteers" / "states.tsv").write_text("name\tiso3\nExemplie\tFRA\n", encoding="utf-8")
    fr_only = models_fingerprints(models, french)
    assert fr_only["fr"] != base["fr"] and fr_only["en"] == base["en"]
    shared = tmp_path / "mine-shared"
    (shared / "gazetteers").mkdir(parents=True)       # a shared file at the overlay's top
    (shared / "gazetteers" / "orgs.tsv").write_text("name\tacronym\taliases\tkind\nX Body\tXB\t\tother\n",
                                                    encoding="utf-8")
    everywhere = models_fingerprints(models, shared)
    assert all(everywhere[lang] != base[lang] for lang in base)


def test_a_bilingual_note_is_keyed_by_both_of_its_pipelines(models):
    fps = models_fingerprints(models)
    both = parts_fingerprint([(0, 10, "fr"), (10, 20, "en"), (20, 30, "fr")], fps)
    assert both == f"{fps['en']}+{fps['fr']}"
    assert parts_fingerprint([(0, 30, "en")], fps) == fps["en"] == language_fingerprint("en", models)
