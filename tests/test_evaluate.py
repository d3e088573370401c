"""evaluate(): scoring a run folder against gold files, per ANNOTATION.md "Gold format"."""

import json
from pathlib import Path

import pytest

from pipeline.report.evaluate import EvalError, GoldError, Score, evaluate, match_documents, match_orgs, match_recommendations, norm_org
from pipeline.report.runfolder import unquote_cell

from tests.conftest import write_run as write_out  # noqa: E402




def write_gold(gold: Path, name: str, obj: dict) -> None:
    gold.mkdir(parents=True, exist_ok=True)
    (gold / f"{name}.gold.json").write_text(json.dumps(obj), encoding="utf-8")


def empty(**kw):
    base = {t: {"required": [], "optional": []} for t in ("states", "orgs", "dates", "recommendations")}
    base.update(kw)
    return base


REC_GOLD = "The 1540 Committee might evaluate the capacity available in the region for mutual help in training."


@pytest.fixture
def run(tmp_path):
    text = "Peru and Brazil met the OAS.\nDelegates of SICA observed. The 1540 Committee might evaluate capacity in the region for mutual help."
    out = write_out(tmp_path / "out", {
        "documents": [{"document": "sub/lima.pdf", "status": "ok", "pages": "2"},
                      {"document": "nogold.pdf", "status": "ok"}],
        "states": [{"document": "sub/lima.pdf", "iso3": "PER"}, {"document": "sub/lima.pdf", "iso3": "BRA"},
                   {"document": "sub/lima.pdf", "iso3": "USA"}, {"document": "sub/lima.pdf", "iso3": "CHL"},
                   {"document": "nogold.pdf", "iso3": "FRA"}],
        "organizations": [
            {"document": "sub/lima.pdf", "name": "The Organization of American States", "acronym": "OAS"},
            {"document": "sub/lima.pdf", "name": "Caribbean Community", "acronym": ""},
            {"document": "sub/lima.pdf", "name": "C.A.R.I.C.O.M.", "acronym": ""},     # same org again
            {"document": "sub/lima.pdf", "name": "United Nations", "acronym": "UN"},   # optional
            {"document": "sub/lima.pdf", "name": "Lima facilitation event", "acronym": ""},  # FP
        ],
        "dates": [{"document": "sub/lima.pdf", "start": "2010-11-09", "end": "2010-11-11"},
                  {"document": "sub/lima.pdf", "start": "2004", "end": "2004"},
                  {"document": "sub/lima.pdf", "start": "2010", "end": "2010"}],
        "recommendations": [
            {"document": "sub/lima.pdf", "text": "The 1540 Committee might evaluate capacity in the region for mutual help."},
            {"document": "sub/lima.pdf", "text": "The Committee welcomed the initiative of the hosts."},
        ],
        "mentions": [{"document": "sub/lima.pdf", "label": "STATE", "text": "Chile", "norm": "CHL",
                      "sentence": "Chile sent regrets."},
                     {"document": "sub/lima.pdf", "label": "DATE", "text": "2004", "norm": "2004/2004",
                      "sentence": "resolution 1540 (2004)"}],
    }, texts={"sub/lima.pdf": text})
    gold = tmp_path / "gold"
    write_gold(gold, "lima", {
        "document": "lima",   # matches sub/lima.pdf by name without extension
        "states": {"required": ["PER", "BRA", "ARG"], "optional": ["USA"]},
        "orgs": {"required": [["Organization of American States", "OAS"], ["the Caribbean Community", "CARICOM"],
                              ["Central American Integration System", "SICA"]],
                 "optional": [["United Nations", "UN"]]},
        "dates": {"required": [["2010-11-09", "2010-11-11"], ["2005", "2009"]], "optional": [["2010", "2010"]]},
        "recommendations": {"required": [REC_GOLD, "Member States might consider an integrated approach."],
                            "optional": []},
    })
    write_gold(gold, "missing", empty(document="missing.pdf", states={"required": ["DNK"], "optional": []},
                                      orgs={"required": [["IAEA"]], "optional": []}))
    return gold, out


def test_micro_counts_follow_the_gold_format(run):
    report = evaluate(*run)
    t = report.totals
    # states: PER, BRA tp; USA optional ignored; CHL fp; ARG fn; missing doc: DNK fn
    assert (t["states"].tp, t["states"].fp, t["states"].fn) == (2, 1, 2)
    # orgs: OAS via "the"-stripped name, CARICOM via punctuation-free name; the second
    # Caribbean row is the same org (ignored); UN optional; event is FP; SICA + IAEA missed
    assert (t["orgs"].tp, t["orgs"].fp, t["orgs"].fn) == (2, 1, 2)
    # dates: one exact pair; 2004 fp; 2010 optional; 2005/2009 missed
    assert (t["dates"].tp, t["dates"].fp, t["dates"].fn) == (1, 1, 1)
    # recommendations: overlap >= 60% of the shorter matches; the welcome is FP
    assert (t["recommendations"].tp, t["recommendations"].fp, t["recommendations"].fn) == (1, 1, 1)
    assert t["states"].precision == pytest.approx(2 / 3)
    assert t["states"].recall == pytest.approx(0.5)
    assert t["states"].f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_documents_without_gold_are_ignored_and_missing_ones_pair_to_none(run):
    report = evaluate(*run)
    by_doc = {d.document: d for d in report.documents}
    assert set(by_doc) == {"lima", "missing.pdf"}
    assert by_doc["lima"].run_document == "sub/lima.pdf"
    assert by_doc["missing.pdf"].run_document is None
    assert by_doc["missing.pdf"].scores["orgs"].fn == 1


def test_a_document_missing_from_the_run_scores_zero_not_one_for_its_empty_types(run):
    # issue 13, case 10: its dates and recommendations have nothing to find, but nothing was looked for
    missing = next(d for d in evaluate(*run).documents if d.document == "missing.pdf")
    assert missing.not_read == "not in run"
    assert {t: missing.scores[t].f1 for t in missing.scores} == {
        "states": 0.0, "orgs": 0.0, "dates": 0.0, "recommendations": 0.0}
    assert missing.scores["states"].fn == 1 and missing.scores["dates"].fn == 0


def test_a_document_the_run_could_not_read_counts_as_not_read(tmp_path):
    out = write_out(tmp_path / "out", {"documents": [{"document": "d.pdf", "status": "error",
                                                      "error": "no text layer (scanned PDF)"}]})
    write_gold(tmp_path / "g", "d", empty(document="d.pdf", states={"required": ["PER"], "optional": []}))
    (scored,) = evaluate(tmp_path / "g", out).documents
    assert scored.not_read == "not read in the run: no text layer (scanned PDF)"
    assert scored.scores["dates"].f1 == 0.0 and scored.scores["states"].fn == 1


def test_gold_that_matches_no_document_of_the_run_is_an_error(tmp_path):
    out = write_out(tmp_path / "out", {"documents": [{"document": "other.pdf", "status": "ok"}]})
    write_gold(tmp_path / "g", "d", empty(document="d.pdf", states={"required": ["PER"], "optional": []}))
    with pytest.raises(EvalError, match=r"none of the 1 gold document\(s\).*'d\.pdf'.*'other\.pdf'"):
        evaluate(tmp_path / "g", out)


def test_an_empty_gold_folder_is_an_error(tmp_path):
    out = write_out(tmp_path / "out", {"documents": [{"document": "d.pdf", "status": "ok"}]})
    (tmp_path / "g").mkdir()
    with pytest.raises(EvalError, match="no gold files"):
        evaluate(tmp_path / "g", out)


def test_cli_eval_with_gold_of_another_run_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = write_out(tmp_path / "out", {"documents": [{"document": "other.pdf", "status": "ok"}]})
    write_gold(tmp_path / "g", "d", empty(document="d.pdf"))
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "g"), str(out)])
    assert result.exit_code == 2 and result.output.startswith("Error: none of the 1 gold document")
    assert result.output.count("\n") == 1


def test_json_has_exactly_the_four_types_plus_documents(run):
    data = evaluate(*run).to_json()
    assert set(data) == {"states", "orgs", "dates", "recommendations", "documents"}
    for t in ("states", "orgs", "dates", "recommendations"):
        assert set(data[t]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    json.dumps(data)
    lima = data["documents"]["lima"]
    assert {"type": "states", "value": "CHL", "sentence": "Chile sent regrets."} in lima["false_positives"]
    sica = next(m for m in lima["misses"] if m["type"] == "orgs" and "SICA" in m["value"])
    assert sica["sentence"] == "Delegates of SICA observed."   # found in the text by an alias


def test_render_text_lists_scores_and_findings(run):
    text = evaluate(*run).render_text()
    assert "precision" in text and "recommendations" in text
    assert "Lima facilitation event" in text
    assert "not in run" in text


def test_org_normalisation_drops_the_punctuation_and_spacing():
    assert norm_org("The  U.N.-O.D.A.") == norm_org("unoda") == "unoda"
    assert norm_org("Theatre Group") == "theatregroup"   # only a separate word "the" is dropped


def test_org_acronym_matches_an_alias():
    o = match_orgs([("Atomic Agency", "I.A.E.A")], [["International Atomic Energy Agency", "IAEA"]], [])
    assert (len(o.tp), len(o.fp), len(o.fn)) == (1, 0, 0)


def test_org_matching_pairs_so_that_most_gold_orgs_are_found():
    # the first prediction could take either gold org; a greedy pass would leave SC unmatched
    pred = [("Security Council", "UNSC"), ("UNSC", "")]
    gold = [["Security Council"], ["UNSC"]]
    assert len(match_orgs(pred, gold, []).tp) == 2


def test_recommendation_overlap_threshold_is_sixty_percent_of_the_shorter():
    gold = ["a b c d e f g h i j"]
    assert len(match_recommendations(["a b c d e f x y z w"], gold, []).tp) == 1   # 6/10
    assert len(match_recommendations(["a b c d e x y z w v"], gold, []).tp) == 0   # 5/10
    assert len(match_recommendations(["A, b; c!"], gold, []).tp) == 1             # 3/3 of the shorter


def test_recommendation_gold_is_matched_at_most_once():
    o = match_recommendations(["a b c d", "a b c d e"], ["a b c d e"], [])
    assert (len(o.tp), len(o.fp), len(o.fn)) == (1, 1, 0)


def test_recommendation_matching_an_optional_item_is_ignored():
    o = match_recommendations(["x y z"], [], ["x y z w"])
    assert (len(o.tp), len(o.fp), len(o.fn)) == (0, 0, 0)


def test_scores_with_empty_denominators():
    assert Score(0, 0, 0).precision == 1.0 and Score(0, 0, 0).recall == 1.0
    assert Score(0, 0, 3).precision == 0.0 and Score(0, 0, 3).f1 == 0.0
    assert Score(0, 2, 0).recall == 0.0


def test_formula_guard_is_undone_only_before_formula_characters():
    assert unquote_cell("'-5") == "-5"
    assert unquote_cell("'=SUM(A1)") == "=SUM(A1)"
    assert unquote_cell("'hello") == "'hello"


def test_formula_guarded_cells_are_compared_unquoted(tmp_path):
    out = write_out(tmp_path / "out", {"documents": [{"document": "d.txt"}],
                                       "organizations": [{"document": "d.txt", "name": "'-Org-", "acronym": ""}]})
    write_gold(tmp_path / "g", "d", empty(document="d.txt", orgs={"required": [["-Org-"]], "optional": []}))
    assert evaluate(tmp_path / "g", out).totals["orgs"].tp == 1


def test_document_pairing_prefers_exact_then_basename_then_stem():
    pairs = match_documents(["x.pdf", "a/y.txt", "z"], ["b/x.pdf", "x.pdf", "y.txt", "z.pdf"])
    assert pairs == {"x.pdf": "x.pdf", "a/y.txt": "y.txt", "z": "z.pdf"}


def test_two_gold_files_for_one_document_is_an_error_naming_both(tmp_path):
    """A second file naming the same document (say a metadata file in a sub-folder) must not silently replace the
    first: eval reads the folder recursively."""
    out = write_out(tmp_path / "out", {"documents": [{"document": "d.pdf", "status": "ok"}]})
    write_gold(tmp_path / "g", "d", empty(document="d.pdf", states={"required": ["PER"], "optional": []}))
    write_gold(tmp_path / "g" / "meta", "d.meta", {"document": "d.pdf", "title": "A title"})
    with pytest.raises(GoldError, match=r"two gold files name the document d\.pdf: .*d\.gold\.json and .*d\.meta\.gold\.json"):
        evaluate(tmp_path / "g", out)


def test_bad_gold_file_names_the_file(tmp_path):
    write_out(tmp_path / "out", {"documents": [{"document": "d.txt"}]})
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "d.json").write_text('{"document": "d.txt", "dates": {"required": [["2010"]]}}')
    with pytest.raises(GoldError, match=r"d\.json.*dates\.required"):
        evaluate(tmp_path / "g", tmp_path / "out")


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed"


@pytest.mark.skipif(not (SEED / "lima-2010-information-note.gold.json").exists(),
                    reason="seed gold not found at ../shared/corpus/seed")
def test_seed_gold_scores_perfectly_against_itself(tmp_path):
    gold = json.loads((SEED / "lima-2010-information-note.gold.json").read_text(encoding="utf-8"))
    doc = "lima-2010-information-note.pdf"
    out = write_out(tmp_path / "out", {
        "documents": [{"document": doc}],
        "states": [{"document": doc, "iso3": s} for s in gold["states"]["required"]],
        "organizations": [{"document": doc, "name": o[0], "acronym": o[-1]} for o in gold["orgs"]["required"]],
        "dates": [{"document": doc, "start": s, "end": e} for s, e in gold["dates"]["required"]],
        "recommendations": [{"document": doc, "text": r} for r in gold["recommendations"]["required"]],
    })
    report = evaluate(SEED / "lima-2010-information-note.gold.json", out)
    (scored,) = report.documents
    assert scored.run_document == doc
    for t, key in (("states", "states"), ("orgs", "orgs"), ("dates", "dates"), ("recommendations", "recommendations")):
        s = report.totals[t]
        assert (s.tp, s.fp, s.fn) == (len(gold[key]["required"]), 0, 0), t
        assert s.tp > 0 and s.f1 == 1.0, t


def test_gold_dates_may_be_written_as_start_slash_end(tmp_path):
    out = write_out(tmp_path / "out", {"documents": [{"document": "d.txt"}],
                                       "dates": [{"document": "d.txt", "start": "2005", "end": "2009"}]})
    write_gold(tmp_path / "g", "d", empty(document="d.txt", dates={"required": ["2005/2009"], "optional": []}))
    assert evaluate(tmp_path / "g", out).totals["dates"].tp == 1
