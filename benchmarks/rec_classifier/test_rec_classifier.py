"""The recommendation classifier (benchmarks/rec_classifier/classifier.py, an experiment
the pipeline does not run): the units it reads are
the detector's own (every list item whole, the sentences of other blocks, the rule rows),
its structural features say what a unit is, a small model ranks a proposal above a
statement of fact, and the training script cross-validates on a real subset."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.rec_classifier import classifier as rec_classifier
from tests.conftest import REPO, SHARED, need

PDF = REPO / "corpus" / "pdf" / "upr-extract-paraguay.pdf"
FEATURES = REPO / "benchmarks" / "rec_classifier" / "features.json"

PAIRS = [
    ("Member States should strengthen export controls.", True),
    ("States should consider ratifying the Convention.", True),
    ("Participants recommended that the Committee hold regional workshops.", True),
    ("The Council should request a report on implementation.", True),
    ("The meeting was held in Lima on 9 November 2010.", False),
    ("The workshop was opened by the Director.", False),
    ("Delegations described their national systems.", False),
    ("The report covers the period from January to June.", False),
] * 3


@pytest.fixture(scope="module")
def rules():
    from pipeline.nlp.recommendations import load_rules

    return load_rules()


@pytest.fixture(scope="module")
def paraguay_units():
    from pipeline.findings import analyse, chunk_bounds, statistical_docs
    from pipeline.ingest import read_note
    from pipeline.nlp.build import build_nlp

    nlp = build_nlp("en")
    note = read_note(PDF, ocr="never")
    stat, _ = statistical_docs(note, nlp)
    rows = analyse(note, nlp, stat)["recommendations"]
    sents = [(start + s.start_char, start + s.end_char)
             for (start, _), doc in zip(chunk_bounds(note), stat) for s in doc.sents]
    units = rec_classifier.units_of(note.text, [(b.kind, b.start, b.end) for b in note.blocks], sents, rows)
    return note, rows, units


def test_the_units_of_a_real_note_are_the_rule_rows_and_what_they_left(paraguay_units):
    note, rows, units = paraguay_units
    assert rows, "the UPR extract has rule recommendations"
    ruled = [u for u in units if u["rule"] is not None]
    assert [(u["start"], u["end"]) for u in ruled] == sorted((r["start"], r["end"]) for r in rows)
    others = [u for u in units if u["rule"] is None]
    assert others, "the note's narrative sentences are units too"
    for u in others:      # a unit the rules made a row is represented by the row alone
        assert not any(r["start"] < u["end"] and r["end"] > u["start"] for r in rows)
    assert [u["start"] for u in units] == sorted(u["start"] for u in units)


def test_a_real_upr_item_reads_as_an_imperative_list_item_under_recommendations(paraguay_units, rules):
    _, _, units = paraguay_units
    feats = rec_classifier.load_features(FEATURES)
    items = [u for u in rec_classifier.as_units(units) if u.item and u.rule_cue]
    assert items
    tokens = rec_classifier.feature_tokens(items[0], feats, rules)
    assert "__item__" in tokens and "__rule__" in tokens
    assert any("__imperative__" in rec_classifier.feature_tokens(u, feats, rules) for u in items)


def test_structural_features_of_a_label_item_a_commitment_and_a_narrative(rules):
    feats = rec_classifier.load_features(FEATURES)
    label = rec_classifier.feature_tokens(rec_classifier.Unit(
        "Border security: Enhance border security through relevant international missions.", item=True,
        section="Security", lead="The annex lists the proposals received:"), feats, rules)
    assert {"__item__", "__labelled__", "__first_enhance", "__imperative__", "__after_colon__"} <= set(label)
    own = rec_classifier.feature_tokens(rec_classifier.Unit(
        "We will continue to support the Office in its work."), feats, rules)
    assert "__own_commitment__" in own and "__sentence__" in own
    past = rec_classifier.feature_tokens(rec_classifier.Unit(
        "Participants discussed the plan and welcomed the progress that had been achieved."), feats, rules)
    assert "__past_aux__" in past and "__past_ed__" in past


def test_a_proposal_scores_above_a_statement_of_fact(tmp_path):
    model = rec_classifier.train(PAIRS, epochs=5)
    rec, fact = rec_classifier.scores(model, ["Member States should consider holding regional workshops.",
                                              "The meeting was held in Vienna."])
    assert rec > 0.5 > fact
    model.to_disk(tmp_path / "m")
    again = rec_classifier.load_classifier(tmp_path / "m")
    assert rec_classifier.scores(again, ["The meeting was held in Vienna."])[0] == fact


def test_the_training_script_cross_validates_a_real_subset(tmp_path):
    """One gold document of each set and two UPR files (about a minute on a busy machine)."""
    need(SHARED / "corpus" / "dev")
    need(SHARED / "corpus" / "upr")
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "rec_classifier" / "train.py"), "--docs", "1",
                    "--units", str(tmp_path / "units.json"), "--no-final", "--out", str(tmp_path)],
                   check=True, capture_output=True, text=True)
    cv = json.loads((tmp_path / "cv.json").read_text(encoding="utf-8"))
    units = json.loads((tmp_path / "units.json").read_text(encoding="utf-8"))
    assert len(units["gold"]) == 2 and units["upr"]
    rules = cv["by_split"]["rules"]
    assert set(rules) == {"dev", "real"} and all(0 <= c["f1"] <= 1 for c in rules.values())
    assert {"add", "filter", "alone", "add-items"} <= set(cv["by_split"])
    assert len(cv["per_fold"]) == len(cv["folds"])
