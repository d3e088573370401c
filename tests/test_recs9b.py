"""Recommendation kinds of the ninth round, branch recs9b (issue 12): list items led by a label
("Border security: Enhance border security ..."), sentences quoted from gold-dev's A/CONF.243/2025/1/Add.1
and gold-real's S/2025/453 (../shared/corpus), and plain descriptive labelled lists that must stay unfound
(docs/QUALITY.md, "Labelled list items, branch recs9b"). Every "found" test fails on the branch start
(664927c); the "not found" ones pass there too: they guard the new rule.

Found: a list item whose label is followed by an imperative ("• Border security: Enhance ..."), or whose label
is itself one ("3. Recognize Progress as a Leverage for Change: In our work ..."), in any section; a labelled item
worded as a noun after such an item in the same list ("• Recognition: Recognition of the State ..."); the
imperatives Counter, Call for, Convene, Rescind, Propose, Distinguish, Activate, Demand, Collaborate, Deploy.
Not found: labelled items that describe ("(a) Portal hub: The portal hub offers ..."), participants lists
("(a) Representatives of States Members of the Council: Argentina, ..."), a nominal labelled item with no
labelled proposal before it, and "Call for proposals"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_recommendations import nlp, run  # noqa: F401  (module fixture and the run helper)

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
CONF = SHARED / "dev" / "A_CONF.243_2025_1_Add.1.pdf"

# A/CONF.243/2025/1/Add.1, annex (no recommendations heading, no lead-in: the labels carry the list)
BORDER = ("• Border security: Enhance border security, through relevant international missions and enhanced "
          "cooperation with regional and international partners.")
DISINFO = ("• Disinformation: Counter disinformation, misinformation and misrepresentation of historical facts aimed "
           "at fostering radicalization and hatred.")
MEETINGS = ("• Meetings of States Parties and of High Contracting Parties: Convene meetings of States and High "
            "Contracting Parties to ensure full compliance by all parties within Israel and the Occupied Palestinian "
            "Territory with their obligations.")
RECOGNITION = ("• Recognition: Recognition of the State of Palestine as an expression of support to the right of the "
               "Palestinian people to self-determination and to protect and preserve the two-State solution, building "
               "on various initiatives, including the Madrid+ initiative.")
ADMISSION = ("• Admission: Support the State of Palestine’s admission to full membership in the international "
             "organizations and bodies, including full United Nations membership.")


def _texts(nlp, text):
    return [r["text"] for r in run(nlp, text)]


@pytest.mark.parametrize("item, cue", [(BORDER, "Enhance"), (DISINFO, "Counter"), (MEETINGS, "Convene")])
def test_a_labelled_imperative_item_is_found_outside_a_recommendations_section(nlp, item, cue):
    rows = run(nlp, "Security\n\n" + item + "\n")
    assert len(rows) == 1, rows
    assert rows[0]["cue"] == cue
    assert rows[0]["text"] == item[2:]   # the label is part of the item; the bullet is not


def test_a_label_that_is_itself_an_imperative_makes_a_numbered_item_a_proposal(nlp):
    # S/2025/453 (gold-real), Geneva Call's statement
    item = ("3. Recognize Progress as a Leverage for Change: In our work, we have seen that recognition of progress "
            "achieved—when credible and substantiated—can serve as a powerful tool for reinforcing positive behavior.")
    rows = run(nlp, item + "\n")
    assert [r["cue"] for r in rows] == ["Recognize"], rows


def test_a_nominal_labelled_item_goes_with_the_labelled_proposals_before_it(nlp):
    texts = _texts(nlp, "Implementing the two-State solution\n\n" + ADMISSION + "\n\n" + RECOGNITION + "\n")
    assert texts == [ADMISSION[2:], RECOGNITION[2:]]


def test_a_nominal_labelled_item_alone_is_no_proposal(nlp):
    assert _texts(nlp, RECOGNITION + "\n") == []


def test_a_paragraph_ends_the_run_of_labelled_proposals(nlp):
    text = ADMISSION + "\n\nThe Conference then heard statements from delegations.\n\n" + RECOGNITION + "\n"
    assert _texts(nlp, text) == [ADMISSION[2:]]


@pytest.mark.parametrize("text", [
    # DP/OPS/2025/2 (gold-dev): a descriptive labelled list
    "(a) Portal hub: The portal hub offers a single location for UNOPS personnel to access information and resources "
    "in clear and plain language concerning workplace conduct.\n\n(b) Navigation focal point: A dedicated navigation "
    "focal point will offer early, confidential guidance, helping personnel navigate avenues for reporting.\n",
    # a participants list (A/HRC reports)
    "(a) Representatives of States Members of the Council: Argentina, Bahrain, Bangladesh, Brazil, Chile, China;\n\n"
    "(d) Observers for intergovernmental organizations: African Union, League of Arab States;\n",
    "• Call for proposals: Call for proposals opened in March and closed in May with 40 submissions.\n",
])
def test_descriptive_labelled_items_are_not_proposals(nlp, text):
    assert _texts(nlp, text) == []


def test_the_annex_of_the_conference_note_is_read_as_its_proposals(nlp):
    """The whole annex of A/CONF.243/2025/1/Add.1: at least 150 of its 173 bullets are rows (20 before)."""
    if not CONF.exists():
        pytest.skip(f"{CONF} not found (the shared corpus is not mounted)")
    from pipeline.ingest import read_note  # noqa: PLC0415
    text = read_note(CONF, ocr="never").text
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    rows = run(nlp, text)
    found = {r["text"][:40] for r in rows}
    hit = sum(1 for b in bullets if b[2:42] in found)
    assert len(bullets) > 150 and hit >= 150, (len(bullets), hit)


# -- a sentence printed twice -----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    # UNW/2025/3 (gold-dev): the executive summary repeats the recommendations of the body
    "Fraud risk monitoring should be clarified, and a structured responsibility matrix should be established.",
    # ICCD/COP(8)/CST/8 (gold-real): the summary and paragraph 70
    "In order to combat land degradation, bottom-up and top-down participatory management approaches that foster "
    "income-generating activities are required.",
])
def test_a_sentence_printed_twice_is_one_row(nlp, sentence):
    text = "Summary\n\n" + sentence + "\n\nIV. Conclusions\n\n70. " + sentence + "\n"
    assert _texts(nlp, text) == [sentence]



def test_a_labelled_proposal_is_one_row_with_its_later_sentences(nlp):
    # A/CONF.243/2025/1/Add.1: the gold item is the whole bullet; its second sentence is no row of its own
    item = ("• Social protection: Strengthen social protection systems in Gaza by expanding universal coverage for "
            "conflict-affected populations, prioritizing the most vulnerable groups, and addressing acute poverty and "
            "food insecurity. Recovery efforts should focus on rebuilding social service centers.")
    rows = run(nlp, "Gaza recovery and reconstruction plan\n\n" + item + "\n")
    assert [(r["text"], r["cue"]) for r in rows] == [(item[2:], "Strengthen")]


def test_under_an_imperative_label_each_proposing_sentence_stays_a_row(nlp):
    # S/2025/420 (gold-dev), paragraph 56: the gold lists its three sentences apart
    item = ("56. Investigate and prosecute organ trafficking crimes: Haitian judicial authorities must urgently initiate "
            "impartial and transparent investigations into reported cases of organ trafficking, including alleged "
            "complicity of medical institutions. International forensic and investigative assistance should be "
            "provided to build credible cases and restore public trust. Regulations should be introduced to monitor "
            "post-mortem procedures and control high-risk sectors.")
    texts = _texts(nlp, item + "\n")
    assert len(texts) == 3 and texts[2].startswith("Regulations should be introduced"), texts
