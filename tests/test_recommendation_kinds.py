"""Recommendation kinds found on the gold-dev documents (issue 12): operative
paragraphs of resolutions, letters' own requests, renewed calls, lead-ins that
propose adoption; and the vetoes (polite "should like to", possible consequences,
letters' stock closings). Plus every State of a multi-part UPR item in `by`."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp.recommendations import cue_label, find_cue, trailing_states

from tests.test_recommendations import nlp, rules, run, texts  # noqa: F401  (module fixtures and the run helper)

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


# -- operative paragraphs ---------------------------------------------------------
@pytest.mark.parametrize("paragraph, cue, actor", [
    ("(a) Requests the Secretary-General to take the action necessary to implement the present resolution;",
     "requests", "the Secretary-General"),
    ("(a) Calls once again upon all Governments to take legislative measures in respect of their nationals;",
     "calls once again upon", "all Governments"),
    ("(a) Invites all Governments and organizations of the United Nations system to take all possible measures;",
     "invites", ""),
    ("(a) Also urges the administering Powers concerned to safeguard the rights of the peoples;", "urges", ""),
    ("(a) Appeals to the mass media and trade unions to continue their efforts for the implementation;",
     "appeals", "the mass media and trade unions"),
    ("(a) Approves the holding of the forty-first session of the Commission in the Dominican Republic in 2026.",
     "approves", ""),
])
def test_an_operative_paragraph_is_a_recommendation(nlp, paragraph, cue, actor):
    (row,) = run(nlp, "Draft resolution\n\n" + paragraph)
    assert row["cue"] == cue
    assert row["actor"] == actor
    assert row["by"] == ""  # never the verb itself ("Urges the administering Powers")


def test_an_operative_verb_after_a_preambular_clause(nlp):
    text = ("Expressing its gratitude to the Government of Morocco for its generous offer to host the session, "
            "Approves the holding of the fifty-eighth session of the Commission in Morocco.")
    (row,) = run(nlp, text)
    assert row["cue"] == "approves" and row["by"] == ""


@pytest.mark.parametrize("paragraph", [
    "(a) Decides to transmit to the Economic and Social Council a draft resolution on this issue.",
    "(a) Reaffirms the inalienable right of the peoples of colonial Territories to self-determination;",
    "(a) Condemns those activities of foreign economic interests in the Territories;",
])
def test_a_decision_or_declaration_is_not(nlp, paragraph):
    assert run(nlp, "Draft resolution\n\n" + paragraph) == []


def test_a_lead_in_proposing_adoption_is_a_row(nlp):
    text = ("The Fourth Committee recommends to the General Assembly the adoption of the following draft "
            "resolution:\n\n- Requests the Secretary-General to report to the Assembly at its fiftieth session.")
    rows = run(nlp, text)
    assert [r["cue"] for r in rows] == ["recommends", "requests"]
    assert rows[0]["by"] == "The Fourth Committee"


def test_an_ordinary_lead_in_is_still_not_a_row(nlp):
    rows = run(nlp, "Participants recommended the following:\n\n- Hold regional meetings every year.")
    assert [r["text"] for r in rows] == ["Hold regional meetings every year."]


# -- letters -------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Accordingly, we request that ITTO be granted observer status in the General Assembly.",
    "In the light of the foregoing, I have the honour to request the inclusion in the agenda of an item entitled "
    "“Observer status for the Centre”.",
])
def test_a_letters_own_request_is_a_recommendation(nlp, sentence):
    (row,) = run(nlp, sentence)
    assert row["cue"] == "request"


@pytest.mark.parametrize("sentence", [
    "I should like to inform you of my intention to appoint Major General Diodato Abagnara (Italy) as Head of Mission.",
    "I should be grateful if you would bring the present letter and its annex to the attention of the members "
    "of the Security Council.",
    "I have the honour to request that the present letter be distributed as a document of the Security Council.",
    "It should be further noted that ITTO has international legal personality under its founding instrument.",
])
def test_stock_phrases_of_letters_are_not(nlp, sentence):
    assert run(nlp, sentence) == []


# -- reported calls and advice ------------------------------------------------------
@pytest.mark.parametrize("sentence, cue", [
    ("The communiqué repeated the call of the African Union for the application of resolution 2719 (2023).", "call"),
    ("In resolution 2773 (2025) the Council called, in particular, for an immediate and unconditional ceasefire.",
     "called, in particular, for"),
    ("The Security Council encourages traditional and new donors to support AUSSOM.", "encourages"),
    ("The Indian leaders would be well-advised to acknowledge the losses incurred.", "would be well-advised to"),
])
def test_reported_calls_and_advice(nlp, sentence, cue):
    (row,) = run(nlp, sentence)
    assert row["cue"] == cue
    assert row["cue"].lower() in row["text"].lower()  # the cue reported is one the row contains


@pytest.mark.parametrize("sentence", [
    "It is deplorable that some countries not only fail to combat Islamophobia, but even encourage it.",
    "The national report had also described the encouraging steps taken by the Government to promote children’s rights.",
    "Calls for non-nuclear-armed States to develop nuclear weapons are inconsistent with their obligations.",
    "The large-scale utilization of the local resources could adversely affect the economic development of "
    "the Territories.",
    "The security situation could be impacted by several internal and external factors of concern.",
])
def test_descriptions_and_consequences_are_not(nlp, sentence):
    assert run(nlp, sentence) == []


def test_the_cue_reported_is_one_the_row_contains(rules):
    text = "Participants were encouraged to share their national experience."
    cue, cs, ce = find_cue(text, rules)
    assert cue.label == "invited to"                    # the cue's label names another verb ...
    assert cue_label(text, cue, cs, ce) == "were encouraged to"   # ... so the row says what it matched


# -- multi-part UPR items -----------------------------------------------------------
@pytest.mark.parametrize("item, states", [
    ("Consider formulating measures on freedom of expression (Malaysia), and undertake proactive measures "
     "against incitement (Algeria);", ["Malaysia", "Algeria"]),
    ("Consider ratifying (Germany)/accede to (Australia) the Second Optional Protocol to the Covenant",
     ["Germany", "Australia"]),
    ("Issue (Brazil, France, Czech Republic) and implement (Slovenia) a standing invitation to all special "
     "procedures (Switzerland);", ["Brazil, France, Czech Republic", "Slovenia", "Switzerland"]),
    ("Ratify the Convention (CPED) (France) (Iraq) (Poland) and proceed to recognize the competence of its "
     "Committee (Uruguay);", ["France", "Iraq", "Poland", "Uruguay"]),
    ("Reinforce its policies against discrimination (Angola); continue to address inequalities (Turkey); "
     "intensify its efforts (Switzerland);", ["Angola", "Turkey", "Switzerland"]),
])
def test_every_state_of_a_multi_part_item(item, states):
    assert trailing_states(item) == states


def test_an_acronym_or_a_states_own_parenthesis_is_no_proposer():
    assert trailing_states("Cooperate with the Office (OHCHR) and the Iran (Islamic Republic of) authorities "
                           "(Chile);") == ["Chile"]


# -- a real letter with a draft resolution ------------------------------------------
def test_a_real_request_for_observer_status():
    pdf = DEV / "A_80_191.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} not found (the shared corpus is not mounted)")
    from pipeline.findings import analyse
    from pipeline.ingest import read_note
    from pipeline.nlp.build import build_nlp

    rows = analyse(read_note(pdf, ocr="never"), build_nlp("en"))["recommendations"]
    found = " | ".join(r["text"] for r in rows)
    assert "we request that ITTO be granted observer status" in found
    assert "Requests the Secretary-General to take the action necessary" in found
    assert "It should be further noted" not in found
    assert all(r["cue"].lower() in r["text"].lower() for r in rows)


# -- kinds of the second blind test (issue 12, fourth round), on the real documents ----------
@pytest.fixture(scope="module")
def dev_rows(analysed):
    """Recommendation rows of a ../shared/corpus/dev document, analysed once per test session
    (test_org_links reads several of the same reports)."""
    def rows(name: str) -> list[str]:
        return [r["text"] for r in analysed(DEV / name)["recommendations"]]
    return rows


def _row_with(rows: list[str], words: str) -> str | None:
    return next((r for r in rows if words in r), None)


@pytest.mark.parametrize("name, words", [
    # bare imperatives under a lead-in that names the recommendations it lists
    ("DP_OPS_2025_2.pdf", "Revisit the strategic plan, 2022-2025"),
    ("DP_OPS_2025_2.pdf", "Overhaul the whistleblowing process"),
    # ... and after a status line between "(j)" and "(k)", and a page header between "(b)" and "(c)"
    ("DP_OPS_2025_2.pdf", "Revise the management and organizational culture towards broader engagement"),
    ("DP_OPS_2025_2.pdf", "Clarify responsibilities on S3i management"),
    # impersonal and reported needs and obligations
    ("S_2025_154.pdf", "UNDOF must have freedom of movement"),
    ("S_2025_154.pdf", "It also remains important that the Parties continue"),
    ("S_2025_154.pdf", "It is therefore of particular importance that the Security Council continue"),
    ("S_2025_415.pdf", "The Council reiterated its demand that Israel immediately and completely cease"),
    ("S_2025_518.pdf", "will also be critical to manage expectations"),
    ("S_2025_518.pdf", "an immediate civilian staffing review is necessary"),
    ("S_2025_518.pdf", "calling instead for the establishment"),
    ("S_2025_518.pdf", "pressed for additional peacekeepers"),
    # a lead-in that proposes with its own modal and actor is a row as well
    ("E_AC.51_2025_2.pdf", "the Economic Development Division should develop a detailed internal strategic plan"),
])
def test_a_recommendation_of_the_blind_test_kinds_is_found(dev_rows, name, words):
    assert _row_with(dev_rows(name), words), f"no row with {words!r} in {name}"


@pytest.mark.parametrize("name, words", [
    ("E_AC.51_2025_2.pdf", "Increased participation of Caribbean countries"),  # a result listed, under "recommendations included:"
    ("S_2025_154.pdf", "It is important to emphasize, however"),              # a way of saying
    ("S_2025_415.pdf", "The process could pave the way"),                      # a possible consequence
    ("S_2025_415.pdf", "I regret the need to suspend"),                        # a need regretted
    ("S_2025_518.pdf", "despite ongoing appeals to South Sudan"),              # "appeals", the noun
    ("S_2025_518.pdf", "there is a risk that a protracted pause"),             # a modal in a feared possibility
    ("E_C.2_2025_2_Add.8.pdf", "By 2035, facilitate the active participation"),  # an NGO's aims
    ("DP-FPA_2025_1.pdf", "Follow up is reported in section III"),             # a noun, not an imperative
])
def test_a_description_of_the_blind_test_kinds_is_not(dev_rows, name, words):
    assert _row_with(dev_rows(name), words) is None


def test_a_later_sentence_of_a_list_item_with_its_own_cue_is_its_own_row(dev_rows):
    """S/2025/420's recommendations are items of several sentences ("Establish a ...
    framework ...: the Haitian authorities should consider ... . A legal framework ...
    to govern the use of drones should be developed."): each sentence that proposes is a
    row, and the row of the item's first sentence ends where the next one starts."""
    rows = dev_rows("S_2025_420.pdf")
    drones = _row_with(rows, "A legal framework and operational standards to govern the use of drones should be developed")
    assert drones is not None and drones.startswith("A legal framework")
    first = _row_with(rows, "Establish a comprehensive regulatory framework for private security companies")
    assert first is not None and "drones" not in first


def test_a_sentence_without_a_cue_stays_with_the_item_it_continues(nlp):
    text = ("Recommendations\n\n(a) Strengthen border cooperation: the partners should expand joint patrols. "
            "This was discussed at length in the first meeting of the group.\n\n"
            "(b) Reinforce the courts: judges should be protected. "
            "Regular independent evaluations should assess progress and guide future assistance.")
    rows = [r["text"] for r in run(nlp, text)]
    assert any(r.startswith("Strengthen border cooperation") and "discussed at length" in r for r in rows)
    assert "Regular independent evaluations should assess progress and guide future assistance." in rows
    assert not any(r.startswith("This was discussed") for r in rows)


@pytest.mark.parametrize("previous, item, expected", [
    ("(j)", "(k) Revise the culture.", True), ("(b)", "(c) Clarify.", True), ("3.", "4. Next.", False),
    ("(iv)", "(v) Next.", True), ("(h)", "(i) Next.", True), ("(j)", "(l) Skip.", False),
    ("(b)", "c) Other style.", False), ("(b)", "9. A paragraph.", False), ("", "(a) First.", False),
])
def test_follows_reads_the_next_marker_of_a_numbering(previous, item, expected):
    from pipeline.nlp.recommendations import follows

    assert follows(previous, item) is expected


def test_a_status_line_between_items_does_not_end_the_list(nlp):
    text = ("Outcome\n\nThe review contained three recommendations on risk:\n\n(a) Review the framework.\n\n"
            "Completed in 2023.\n\n(b) Undertake a review of policies.\n\nThe meeting closed.\n\n(d) Coffee was served.")
    assert texts(run(nlp, text)) == ["Review the framework.", "Undertake a review of policies."]


# -- kinds of the fourth blind test (issue 12, sixth round), on the real documents ----------
@pytest.mark.parametrize("name, words", [
    # an oversight body's own formulas of what it asks for
    ("A_79_7_Add.12.pdf", "The Committee trusts that updated information on the schedules of the project will be provided"),
    ("A_79_7_Add.12.pdf", "the Committee sees merit in keeping de-scoping options under review"),
    # a reported view of another body is still a recommendation, inside a reporting frame
    ("A_79_7_Add.12.pdf", "the Board of Auditors was of the view that the Administration should notably seek"),
    # a body's reported proposal with a gerund object
    ("E_2025_65.pdf", "The European Union has proposed allowing member States to raise military spending"),
])
def test_a_recommendation_of_the_fourth_blind_test_kinds_is_found(dev_rows, name, words):
    assert _row_with(dev_rows(name), words), f"no row with {words!r} in {name}"


@pytest.mark.parametrize("name, words", [
    # reported information: a modal inside what the Committee was informed of or what was indicated to it
    ("A_79_7_Add.12.pdf", "the Committee was informed that the office tower sat on the same structural frame"),
    ("A_79_7_Add.12.pdf", "It was indicated to the Committee that, while the responsibility for procuring"),
    ("A_79_7_Add.12.pdf", "It would take another six months before a more accurate"),       # a temporal "before ... could"
    ("A_79_7_Add.12.pdf", "should Member States continue to decide upon the second option"),  # conditional inversion
    ("A_79_7_Add.12.pdf", "the project would have needed to request funding"),               # a past counterfactual
    # forecasts of an economic outlook
    ("E_2025_65.pdf", "global growth could fall by 0.3 percentage points"),
    ("E_2025_65.pdf", "These pressures could intensify if tariff-driven inflation"),
    ("E_2025_65.pdf", "Overly tight monetary conditions could stifle growth"),
    ("E_2025_65.pdf", "accompanied by significant tariff reductions, could improve global economic prospects"),
    # the contents a report is required to have, after an attribution of the request ("As requested by ...")
    ("UNW_2025_3.pdf", "a concise summary of work and the criteria that support the opinion"),
    ("UNW_2025_3.pdf", "a statement of conformance with the internal audit standards"),
])
def test_a_description_of_the_fourth_blind_test_kinds_is_not(dev_rows, name, words):
    assert _row_with(dev_rows(name), words) is None


@pytest.mark.parametrize("sentence", [
    "The Committee trusts that the Secretary-General will provide an update in his next report.",
    "The Committee expects that the Administration will implement the recommendations of the Board without delay.",
    "The Committee looks forward to receiving an update in the next progress report.",
    "The Advisory Committee sees merit in developing a mechanism to reallocate contingency amounts.",
])
def test_an_oversight_bodys_formula_is_a_recommendation(nlp, sentence):
    (row,) = run(nlp, sentence)
    assert row["cue"].lower() in sentence.lower()
    assert "Committee" in row["by"]


@pytest.mark.parametrize("sentence", [
    "Upon enquiry, the Committee was informed that the contractor could complete the works by 2027.",
    "The Committee was told that the project would need to recruit two additional engineers.",
    "It was explained to the Committee that the office should be relocated in 2026.",
    "Inflation could rise to 4.5 per cent in 2026 if energy prices remain elevated.",
    "Global output could decline by 0.4 per cent compared with the baseline.",
    "Recommendations remain open. The Committee recalls that it saw merit in providing de-scoping options.",
    "We look forward to a positive consideration of our request.",
])
def test_reported_information_and_forecasts_are_not(nlp, sentence):
    assert run(nlp, sentence) == []


@pytest.mark.parametrize("sentence", [
    "Member States could increase their voluntary contributions to the Fund.",       # an actor who can act
    "The Council could increase its support to the Mission.",
    "To reduce costs, the Secretariat could improve its procurement.",                 # an actor after a quantity word
    "In view of rising costs, Member States could increase their contributions.",
    "The Committee was informed that the Board had recommended that the Administration should strengthen oversight.",
])
def test_a_proposal_with_a_change_verb_or_a_reported_recommendation_stays(nlp, sentence):
    assert len(run(nlp, sentence)) == 1


# -- UPR items: every recommending State in `by` (real reports of ../shared/corpus/upr) ---------
@pytest.mark.parametrize("item, states", [
    # the next item's number run into the row ("; 23. Start ...", ") 92.6. Ratify ...")
    ("Step up efforts to stop the recruitment of children (Malaysia); 23. Start implementing the plan of action (Norway)",
     ["Malaysia", "Norway"]),
    ("Consider acceding to other relevant human rights instruments (Slovenia) 92.6. Ratify CAT and its Optional "
     "Protocol (Brazil) / Become a party to CAT as well as OP-CAT (Estonia)", ["Slovenia", "Brazil", "Estonia"]),
    # a colon after the State
    ("take measures to eliminate early contract marriages (Argentina): and to elevate penal responsibility (Cameroon);",
     ["Argentina", "Cameroon"]),
])
def test_every_state_of_an_item_run_into_the_next(rules, item, states):
    assert trailing_states(item, rules.is_state, rules.grammar["state_part_end"]) == states
    assert trailing_states(item) != states  # the language-neutral default reads only what it read before


UPR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "upr"


@pytest.mark.parametrize("name, words, states", [
    ("botswana2009.pdf", "Strengthen the application of the domestic violence bill",
     {"United Kingdom", "Norway", "Argentina", "Cameroon"}),
    # the second part of an item cut from its first by a page break ("Consider extending" | "25" | "an open ...")
    ("bangladesh2013.pdf", "an open invitation to special procedures (Iraq)", {"Iraq", "Latvia"}),
])
def test_every_state_of_a_real_upr_item(name, words, states):
    pdf = UPR / name
    if not pdf.exists():
        pytest.skip(f"{pdf} not found (the shared corpus is not mounted)")
    from pipeline.findings import analyse
    from pipeline.ingest import read_note
    from pipeline.nlp.build import build_nlp

    rows = analyse(read_note(pdf, ocr="never"), build_nlp("en"))["recommendations"]
    row = next((r for r in rows if words in r["text"]), None)
    assert row is not None, f"no row with {words!r} in {name}"
    assert set(row["by"].split("; ")) >= states


@pytest.mark.parametrize("numeral, value", [
    ("i", 1), ("iv", 4), ("ix", 9), ("xiv", 14), ("XIX", 19), ("xx", 20), ("xxiv", 24), ("iiii", None), ("vx", None),
    ("", None), ("b", None),
])
def test_roman_value_reads_well_formed_numerals_only(numeral, value):
    from pipeline.core.numbering import roman_value

    assert roman_value(numeral) == value


def test_a_roman_numbering_goes_on_past_twenty(nlp):
    from pipeline.nlp.recommendations import follows

    assert follows("(xx)", "(xxi) Next.") and not follows("(xx)", "(xxii) Skip.")


def test_a_hoped_outcome_is_not_a_trusted_action(nlp):
    # azerbaijan2009 (../shared/corpus/upr): a State's hope in the interactive dialogue
    assert run(nlp, "It trusts that the new Law on Freedom of Assembly will constitute a step in the right direction.") == []


def test_the_actions_asked_of_a_body_after_a_passive_request(dev_rows):
    # A/79/7/Add.12: "The Assembly is requested:" | "(a) To take note of the report;" | "(b) To decide on ..."
    rows = dev_rows("A_79_7_Add.12.pdf")
    assert _row_with(rows, "To decide on the scheme and currency of appropriation")
    assert _row_with(rows, "To approve the establishment of a multi-year special account")


def test_a_passive_request_names_who_acts_and_no_proposer(nlp):
    text = ("The actions requested are set out in the report. The Assembly is requested:\n\n"
            "(a) To take note of the report;\n\n(b) To approve the special account.")
    rows = run(nlp, text)
    assert [r["text"] for r in rows] == ["To take note of the report", "To approve the special account."]
    assert {(r["actor"], r["by"]) for r in rows} == {("The Assembly", "")}
