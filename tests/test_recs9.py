"""Recommendation kinds of the ninth round's recs9 (issue 12), read on notes nobody had tuned for: gold-real's
sixth split (S/2025/453, the summary and statements of an Arria-formula meeting; the two UN80 mandate
consultations) and the notes of gold-parallel; each fails on the branch start (docs/QUALITY.md, "Recommendations
on untuned notes (branch recs9, issue 12)").

Found: an ordinal step with an imperative in a body sentence ("Second, establish ..."), a first person's need of
a thing ("We need clear and coherent mandates"), a delegation's support of an action ("we support stronger
Secretariat assistance"), a first person's "we have to", "One suggestion is to", a parenthetical between a
passive request and its infinitive; a list item read as a heading, or cut in two by a line break, inside a list.
Not found: a courtesy after an ordinal ("Finally, allow me to thank"), a need that follows from a condition, a
noun's "we have to", a speech act ("I have to recall"), what a thing is essential for in a relative clause or
after a pointing subject ("which is essential for assessing", "This is essential to ensure")."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp.recommendations import detect, load_rules
from tests.conftest import note_blocks
from tests.test_recommendations import nlp, run  # noqa: F401  (module fixture and the run helper)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize("text, cue", [
    # S/2025/453, a delegation's three pillars
    ("First, strengthen the capacity of developing countries in water governance and conflict prevention.",
     "strengthen"),
    ("Third, invest in local water management and resilience.", "invest"),
    # UN80, session 3 (two delegations)
    ("First, equip Member States with clearer information before new mandates are approved.", "equip"),
    ("Third, accompany the creation of new mandates in the UN system with clear resource estimates, timely and "
     "transparent program budget implications from the very start.", "accompany"),
    ("Fifth, further implement comprehensive digital mandate registries, including by an open, transparent and "
     "trustworthy use of artificial intelligence.", "further implement"),
    ("Second, take steps to reduce unnecessary PBIS or establishment of new costly mandates without identifying "
     "appropriate offsets.", "take"),
])
def test_an_ordinal_step_with_an_imperative_is_found_in_a_body_sentence(nlp, text, cue):
    rows = run(nlp, text)
    assert [r["text"] for r in rows] == [text], rows
    assert rows[0]["cue"] == cue


@pytest.mark.parametrize("text", [
    "Finally, allow me to thank the co-chairs for convening this meeting.",
    # S/2025/453
    "Secondly, technology can be helpful in addressing the immediate, long-term, and cumulative impacts of "
    "attacks on freshwater resources and related infrastructure.",
])
def test_an_ordinal_before_a_courtesy_or_a_statement_is_no_step(nlp, text):
    step = "Third, invest in local water management and resilience."
    assert [r["text"] for r in run(nlp, step + " " + text)] == [step]


@pytest.mark.parametrize("text", [
    # UN80, session 3 and session 6; S/2025/453
    "We need clear and coherent mandates that build on existing expertise and avoid unnecessary overlap.",
    "We therefore need a mechanism that traces the end use of these mandates, clarifying what activities are "
    "undertaken, where they occur and with what concrete impacts.",
    "We urgently need the power supply to the desalination plant to be switched back on to provide at least "
    "600.000 internally displaced Gazans in the south of the Strip with access to safe water.",
    # UN80, session 3
    "Second, we support stronger Secretariat assistance during mandate creation.",
    "We therefore support the accelerated development of an integrated digital mandate registry such as "
    "mandates.unorg and stronger secretariat support to ensure equal participation of all Member States.",
    # S/2025/453
    "To conclude, Madam Chair, we lend support to the calls for full compliance with the IHL and international "
    "human right laws, especially for protection of water resources and related infrastructure.",
    # gold-parallel: 2015/e/cn.9/2015/ngo/10, 2015/e/cn.18/2015/6/add.1, 2015/a/69/l.55, 2015/npt/conf.2015/8
    "We have to start strengthening the understanding in all the countries of the world that population is a "
    "choice not an inexorable force of nature.",
    "One suggestion is to allow major groups to make brief comments at the end of each day.",
    "The Committee is requested, on an exceptional, one-time basis, to take appropriate streamlined measures, "
    "for the first bestowing of the Prize.",
    "The recommendation that emerged from the meeting was that Mongolia needed either to conclude a trilateral "
    "treaty with its two neighbours, China and the Russian Federation, or seek a more ambitious multilateral "
    "treaty.",
])
def test_a_first_persons_need_support_or_obligation_and_a_stated_suggestion_are_found(nlp, text):
    assert [r["text"] for r in run(nlp, text)] == [text]


@pytest.mark.parametrize("text", [
    "These are the tools we need for this work.",
    # UN80, session 3
    "When the intent of a mandate is not clear, then we need extra consultations, coordination, which takes "
    "both time and resources.",
    "There was also questions related to the possibility we have to understand budgetary implications earlier "
    "in the drafting and negotiation process.",
    "We support humanitarian partners working to restore water access in crisis areas.",
    # A/79/845 (gold-dev)
    "I have to recall once again the outstanding official requests from the Prosecutor General’s Office.",
    # S/2025/453
    "Third, rapid, effective and sustainable responses also depend on good coordination, which is essential for "
    "assessing and prioritising needs.",
    "This is essential to ensure the delivery or restoration of life-saving assistance, including clean water and "
    "sanitation services.",
    # UN80, session 3; A/80/188 (gold-dev)
    "These details are essential for ensuring that the process achieves its intended goal of increasing "
    "efficiencies and streamlining processes.",
    "This understanding is also essential for State and non-State actors facing opposition to renewables "
    "projects that reinforce racial, ethnic and gender inequality (see A/HRC/41/54).",
])
def test_a_noun_or_a_condition_and_what_a_thing_is_essential_for_are_not_found(nlp, text):
    # beside a sentence of the kinds this round finds, only that one is a row
    need = "We need shorter, more focused resolutions with clearer and more targeted mandates."
    assert [r["text"] for r in run(nlp, need + " " + text)] == [need]


def test_a_need_of_an_action_as_subject_is_still_found(nlp):
    text = "Immediate action is essential to prevent the population in Gaza from descending into famine."
    pointing = "This is essential to ensure the delivery or restoration of life-saving assistance."
    assert [r["text"] for r in run(nlp, text + " " + pointing)] == [text]



def test_a_lettered_item_read_as_a_heading_stays_in_its_list(rules):
    # A/80/188 (gold-dev): "(c)" was read as a heading, and the list's last three items were lost
    text, blocks = note_blocks([
        ("body", "The Special Rapporteur recommends that development finance institutions:"),
        ("list_item", "(a) Prioritize funding renewables projects at the nexus;"),
        ("list_item", "(b) Refrain from financing renewables projects that present high risks of harm;"),
        ("heading", "(c) Expand the scope of their human rights safeguard policies throughout value chains;"),
        ("list_item", "(d) Integrate learning from recommendations by independent redress mechanisms into their "
                      "policies and decision-making;"),
        ("list_item", "(e) Make recommendations by independent redress mechanisms binding."),
    ])
    found = [r["text"] for r in detect(text, blocks, None, rules)]
    assert "Expand the scope of their human rights safeguard policies throughout value chains" in found
    assert "Make recommendations by independent redress mechanisms binding." in found
    assert len(found) == 5, found


def test_an_item_cut_by_a_line_break_is_one_item_and_the_list_goes_on(rules):
    # S/2025/453: the item's line break made a heading of its first line and a paragraph of the rest
    text, blocks = note_blocks([
        ("body", "Recommendations directed at the UN Security Council emphasized the need to:"),
        ("heading", "- Systematically incorporate the protection of water into the UN Security"),
        ("body", "Council’s consideration of the items on its agenda;"),
        ("list_item", "- Include monitoring and deterrence of attacks against freshwater resources and related "
                      "infrastructure within the mandates of the UN Peace Operations;"),
    ])
    found = [r["text"] for r in detect(text, blocks, None, rules)]
    assert found == ["Systematically incorporate the protection of water into the UN Security Council’s "
                     "consideration of the items on its agenda",
                     "Include monitoring and deterrence of attacks against freshwater resources and related "
                     "infrastructure within the mandates of the UN Peace Operations"], found


def test_an_arrow_bullet_is_a_marker(rules):
    # S/2025/453 (and DP/FPA/2025/11's lists): "➢" opens an item, and is no part of its text
    text, blocks = note_blocks([
        ("body", "Multilateral cooperation on the water security issues is critical and it should be enhanced "
                 "towards:"),
        ("list_item", "➢ First, improving awareness of water-related security risks"),
    ])
    found = [r["text"] for r in detect(text, blocks, None, rules)]
    assert found == ["First, improving awareness of water-related security risks"], found


@pytest.mark.skipif(not (SHARED / "real" / "aiun__S_2025_453.en.pdf").exists(), reason="../shared is absent")
def test_the_security_council_list_of_s_2025_453_is_read_whole(rules):
    from pipeline.ingest import read_note

    note = read_note(SHARED / "real" / "aiun__S_2025_453.en.pdf")
    blocks = [(b.kind, b.start, b.end, b.page) for b in note.blocks]
    found = [r["text"] for r in detect(note.text, blocks, None, rules)]
    for start in ("Systematically incorporate the protection of water into the UN Security Council’s consideration",
                  "Build on its past achievements", "Request swift, thorough and independent investigations",
                  "Consider incorporating attacks against freshwater resources",
                  "Fully operationalize the humanitarian carve-out adopted in resolution 2664 (2022) for spare parts",
                  "Take into consideration the impact of water insecurity"):
        assert any(t.startswith(start) for t in found), start


@pytest.mark.parametrize("text", [
    # UN80, session 3; S/2025/460 (gold-dev) reads so too
    "Periodic reviews of mandates are essential.",
    "In this context, early and robust support from the Secretariat, including the Budget Office, is crucial.",
    # UN80, session 3: a spoken "it's"
    "I think it's necessary to reduce the length of texts and mandates and make them more focused, effective and "
    "action oriented.",
    # UN80, session 3; S/2025/453
    "We have an obligation to correct the oversight during our review process while taking into consideration "
    "the ever looming financial constraints of the organization.",
    "It is our responsibility therefore to improve the enforcement of these provisions and the respect to the "
    "principles of distinction, proportionality and precaution.",
    "While the Secretariat can help promote governance coherence across the UN system, it is incumbent on us all "
    "as Member States to design mandates that prioritize utility, efficiency and impact.",
    # UN80, session 3; S/2025/453
    "Also as part of the mandate registry, we would like to see a very serious discussion on periodicity.",
    "France also whishes to see global water governance be stepped up, in view with the upcoming United Nations "
    "Water Conference to be held in 2026.",
    # E/HLPF/2025/6 (gold-dev); UN80, session 6
    "There was a call to embed gender equality in the Mechanism’s work and ensure that all Mechanism initiatives "
    "are inclusive and intersectional.",
    "And there were calls by many of you to think about how we can do better when we create mandates, to make "
    "sure that implementation is more impactful.",
])
def test_an_essential_thing_an_own_obligation_a_wish_to_see_and_a_call_are_found(nlp, text):
    assert [r["text"] for r in run(nlp, text)] == [text]


@pytest.mark.parametrize("text", [
    # svnupr g1217781 (a Human Rights Council resolution's preamble)
    "Reaffirming that all States have an obligation to promote and protect human rights and fundamental "
    "freedoms, as stated in the Charter.",
    "This is crucial.",
    "It is an obligation incumbent upon all parties to conflict, in all circumstances, even if the adversary "
    "does not respect it.",
])
def test_a_preambles_obligation_and_a_pointing_subjects_need_are_not_found(nlp, text):
    own = "We have an obligation to correct the oversight during our review process."
    assert [r["text"] for r in run(nlp, own + " " + text)] == [own]


@pytest.mark.parametrize("text", [
    # UN80, session 6; svnupr g1217781; A/80/188 (gold-dev)
    "Second, on the issue of overlapping mandate citations, while entities might cite similar mandates, a similar "
    "citation does not necessarily mean similar implementation in practice.",
    "Although it acknowledged that much could still be done, Bolivia (Plurinational State of) was working towards "
    "an inclusive society without discrimination of any form.",
    "For instance, wind turbines might require between 1 and 10 tons of copper, depending on the study.",
])
def test_a_conceded_or_quantified_possibility_is_no_proposal(nlp, text):
    # pact MINUSTAH S/2005/302: the main clause's modal after a concessive clause still proposes
    kept = ("While progress had been made in collecting and responding to intelligence, it could be further "
            "improved to enhance security operations.")
    assert [r["text"] for r in run(nlp, kept + " " + text)] == [kept]
