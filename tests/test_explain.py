"""`unnotes explain`: what was found, by whom, and why a near-miss was not kept."""

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report.explain import explain_text
from tests.conftest import SEED, need

runner = CliRunner()


def test_each_finding_names_the_gazetteer_row_pattern_or_acronym_that_found_it():
    result = explain_text("The Central American Integration System (SICA) met in Lima, Peru, on 9 -11 November 2010.")
    found = {(f["label"], f["text"]): f for f in result["findings"]}
    assert found[("STATE", "Peru")]["norm"] == "PER"
    assert found[("STATE", "Peru")]["source"].startswith("gazetteer:states.tsv:")
    assert found[("DATE", "9 -11 November 2010")]["norm"] == "2010-11-09/2010-11-11"
    assert found[("DATE", "9 -11 November 2010")]["source"].startswith("pattern:dates.jsonl:")
    assert found[("ORG", "SICA")]["norm"] == "Central American Integration System"
    assert result["acronyms"]["SICA"] == "Central American Integration System"


def test_a_model_entity_that_was_not_kept_is_explained():
    result = explain_text("Representatives from Kingston and the Challenges and Priorities Forum spoke.")
    reasons = {n["text"]: n["why"] for n in result["near_misses"]}
    assert "Kingston" in reasons and "not a sovereign State" in reasons["Kingston"]


def test_a_model_entity_inside_a_longer_rule_finding_names_the_winner():
    result = explain_text("The World Bank and the Peacebuilding Fund met.")
    overlapped = [n for n in result["near_misses"] if n["text"] == "the Peacebuilding Fund"]
    assert overlapped and "overlaps the rule finding ORG 'Peacebuilding Fund' (gazetteer:orgs.tsv:" in overlapped[0]["why"]


def test_a_state_inside_an_organization_name_is_still_found():
    result = explain_text("The Permanent Mission of Peru to the United Nations Office at Geneva wrote.")
    assert any(f["label"] == "STATE" and f["norm"] == "PER" for f in result["findings"])


def test_cli_explains_a_page_of_a_real_pdf_as_json():
    pdf = need(SEED / "lima-2010-information-note.pdf")
    result = runner.invoke(app, ["explain", "--file", str(pdf), "--page", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "possibilities for country visits" not in data["text"][:40]  # page 2 starts after the joined sentence
    assert any(r["cue"] == "might" for r in data["recommendations"])
    assert {f["norm"] for f in data["findings"] if f["label"] == "STATE"} >= {"PER", "CRI", "ARG", "BRA"}


def test_cli_explain_needs_text_or_file():
    result = runner.invoke(app, ["explain"])
    assert result.exit_code == 2 and "Error: give either TEXT or --file" in result.output


def test_cli_explain_reads_a_path_given_as_text_as_the_file():
    """`unnotes explain note.pdf` (no --file) explains the note, not the characters of its name."""
    pdf = need(SEED / "lima-2010-information-note.pdf")
    result = runner.invoke(app, ["explain", str(pdf), "--page", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {f["norm"] for f in data["findings"] if f["label"] == "STATE"} >= {"PER", "CRI", "ARG", "BRA"}
    assert f"reading {pdf} as --file" in result.stderr


def test_an_acronym_found_twice_is_one_mention():
    result = explain_text("The Office of the United Nations High Commissioner for Human Rights (OHCHR) reported.")
    texts = [f["text"] for f in result["findings"] if f["label"] == "ORG"]
    assert texts.count("OHCHR") == 1
    assert texts.count("Office of the United Nations High Commissioner for Human Rights") == 1


# -- issue 13, case 8: explain under run's time limit; page numbers checked --

SLOW_CUE = '{"id": "slow", "kind": "modal", "label": "slow", "pattern": "(?:.*.*.*.*.*.*)zzz"}\n'


def test_explain_gives_up_on_a_pattern_that_never_ends(tmp_path):
    # .* six times over a sentence of 150 characters: about 10^13 steps, no nested quantifier
    (tmp_path / "en" / "patterns").mkdir(parents=True)
    (tmp_path / "en" / "patterns" / "recommendation_cues.jsonl").write_text(SLOW_CUE)
    sentence = "The Government of Peru hosted the meeting in Lima on 9 November 2010 and the participants " \
               "recommended that Member States should strengthen export controls."
    result = runner.invoke(app, ["explain", sentence, "--patterns", str(tmp_path), "--timeout", "3"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert result.output.startswith("Error: ") and "gave up after 3 s" in result.output


def test_explain_page_past_the_end_is_an_error():
    pdf = need(SEED / "lima-2010-information-note.pdf")
    result = runner.invoke(app, ["explain", "--file", str(pdf), "--page", "99"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: --page 99:") and "has 2 pages" in result.output


def test_explain_page_zero_is_refused_before_reading():
    result = runner.invoke(app, ["explain", "--file", "x.pdf", "--page", "0"])
    assert result.exit_code == 2 and "--page counts from 1" in result.output
