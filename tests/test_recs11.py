"""Recommendation kinds of the eleventh round's recs11 (issue 12): the errors the ninth blind split showed on three
UPR reports (ethiopia2014, iceland2011, nicaragua2010, now in corpus/gold-real), and two kinds of gold-dev
(docs/QUALITY.md, "UPR items read as headings, silenced modals and present appeals (branch recs11, issue 12)").
Every test fails on the branch start (0e91dd6).

Found: numbered UPR items the layout read as headings (no closing ";") and the items after them that open with a
phrase before the verb ("Cognizant of ..., consider"), or with a verb the rules do not list ("Narrow", "Authorize");
an item whose States close it before a colon; two items run into one block; "X encouraged <action noun>";
", suggesting that it seek ..."; "I appeal to ...", "I reiterate my appeal to ...".
Not found: "could"/"might" in a UPR report's presentation and interactive dialogue; a report's paragraph after the
list ("90. The response of Guatemala to these recommendations ..." after item "43."); an economic outlook's
"could reshape / offer some relief / limit the impact"."""

from __future__ import annotations

import pytest

from pipeline.nlp.recommendations import detect, load_rules
from tests.conftest import REAL, UPR, need, note_blocks


@pytest.fixture(scope="module")
def rules():
    return load_rules()



def _rows(analysed, path):
    return analysed(need(path))["recommendations"]


def _row(rows, start):
    found = [r for r in rows if r["text"].startswith(start)]
    assert found, f"no row starting {start!r}"
    return found[0]


# -- real reports -----------------------------------------------------------------------------------------------
def test_ethiopia_items_after_an_item_read_as_heading(analysed):
    rows = _rows(analysed, UPR / "ethiopia2014.pdf")
    assert _row(rows, "Cognizant of the de facto moratorium on capital punishment, consider")["by"] == "Namibia"
    assert _row(rows, "Narrow the definition of terrorist activity")["by"] == "Australia"
    assert _row(rows, "Authorize ICRC to visit all places")["by"] == "Tunisia"
    assert _row(rows, "Intensify the implementation of its pro-poor policies")["by"] == "Zimbabwe"
    assert _row(rows, "Expand its policies aimed at creating income-generating")["by"] == "State of Palestine"
    assert _row(rows, "Continue increasing the access of women to employment")["by"] == "Chile"
    # the heading-like item is no section: the rows after it keep the recommendations heading
    assert _row(rows, "Further work on political, economic and social empowerment")["section"].startswith("II.")
    assert _row(rows, "Slovakia encouraged effective implementation of the NHRAP")["by"] == "Slovakia"


def test_iceland_dialogue_modals_and_run_in_items(analysed):
    rows = _rows(analysed, UPR / "iceland2011.pdf")
    texts = [r["text"] for r in rows]
    assert not any("prisoners could be separated" in t or "could serve an unconditional sentence" in t for t in texts)
    assert _row(rows, "Give further consideration to the incorporation")["by"] == "Brazil"
    assert _row(rows, "Consider the creation of a public body tasked with monitoring")["by"] == "United Kingdom"


def test_nicaragua_fronted_phrases_and_suggesting_that(analysed):
    rows = _rows(analysed, UPR / "nicaragua2010.pdf")
    assert _row(rows, "That the international community redouble cooperation")["by"] == "Cuba"
    assert _row(rows, "While taking into account the achievements of literacy campaign")["by"] == \
        "Islamic Republic of Iran"
    assert _row(rows, "Initiate investigations, prosecute actively")["by"] == "Israel"
    assert _row(rows, "Mexico noted Nicaragua’s challenges")["cue"] == "suggesting"
    assert not any(r["text"].startswith("India commended the reduced maternal mortality") for r in rows)


def test_guatemala_paragraph_after_the_list_is_no_item(analysed):
    rows = _rows(analysed, REAL / "uprs__guatemala2008.pdf")
    assert not any(r["text"].startswith("The response of Guatemala to these recommendations") for r in rows)
    assert _row(rows, "Fully involve civil society in the work to follow up this session")
    # the items after an item read as a heading are still in the recommendations section
    assert _row(rows, "Provide better police protection to judges, investigators and witnesses")["by"] == "Switzerland"


# -- the mechanisms on text -------------------------------------------------------------------------------------
def test_heading_is_item_needs_a_marker_and_closing_states(rules):
    from pipeline.nlp.rec_context import heading_is_item

    assert heading_is_item("155.60 Expand its policies for women (State of Palestine)", rules)
    assert heading_is_item("15. Implement fully the plan (Russian Federation) and continue it (Dominican Republic)",
                           rules)
    assert not heading_is_item("II. Conclusions and/or recommendations", rules)
    assert not heading_is_item("3. Follow-up by the Office of the United Nations High Commissioner (OHCHR)", rules)
    assert not heading_is_item("Expand its policies for women (State of Palestine)", rules)


def test_numbering_jump_and_run_in_items():
    from pipeline.nlp.rec_context import numbering_jumps, split_embedded_items

    assert numbering_jumps("43.", "90. The response of X ...")
    assert not numbering_jumps("43.", "44. Ratify ...")
    text = "63.15. Give further thought to it (Brazil); 63.16. Consider the creation of a body (United Kingdom);"
    units = split_embedded_items(text, [(0, len(text), None)])
    assert [text[s:e].split()[0] for s, e, _ in units] == ["63.15.", "63.16."]


def test_section_silences_could_only_under_upr_dialogue_headings(rules):
    text, blocks = note_blocks([
        ("heading", "B. Interactive dialogue and responses by the State under review"),
        ("list_item", "40. Courts could reduce sentences if the accused apologized or retracted their statements."),
        ("list_item", "41. Spain recommended that the Government should reform the penal code."),
        ("heading", "III. The way forward"),
        ("body", "Member States could share their best practices on sentencing reform."),
    ])
    said = [r["text"] for r in detect(text, blocks, None, rules)]
    assert said == ["Spain recommended that the Government should reform the penal code.",
                    "Member States could share their best practices on sentencing reform."]


@pytest.mark.parametrize("proposal, not_one", [
    ("I appeal to the Libyan authorities to enhance efforts to protect the rights of migrants.",
     "The court heard the appeal to the chamber."),
    ("I reiterate my appeal to both parties to comply with their obligations under international law.",
     "The court heard the appeal to the chamber."),
    ("Malaysia, commending the establishment of EHRC, encouraged adequate resource provision for them.",
     "The delegation was encouraged by the implementation of the plan."),
    ("South Sudan noted the economic development, and encouraged implementation of the poverty reduction policy.",
     "The delegation was encouraged by the implementation of the plan."),
    ("Mexico noted the challenges, suggesting that it seek technical assistance from regional organizations.",
     "The figures rose sharply, suggesting that it was working."),
])
def test_cues_on_sentences(rules, proposal, not_one):
    assert detect(proposal, None, None, rules)
    assert not detect(not_one, None, None, rules)


def test_economic_outlook_could_is_no_proposal(rules):
    assert not detect("Advances in battery chemistry could significantly reshape mineral demand patterns.", None,
                      None, rules)
    assert not detect("A weaker dollar and more aggressive interest rate cuts could offer some relief.", None, None,
                      rules)
    assert detect("Member States could offer technical assistance to the Territories.", None, None, rules)
