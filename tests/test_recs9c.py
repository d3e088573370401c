"""Recommendation kinds of the ninth round's recs9c (issue 12), left after the round's first wave
(docs/QUALITY.md, "Listed proposals, a third person's need, and lists kept whole across chunks (branch recs9c,
issue 12)"); every "found" test fails on the branch start (2cc7997).

Found: a pronoun that lists what the sentence before named as proposals ("... highlighted priorities for action.
They included: bridging ...; challenging ...", "... have put forward concrete operational guidance on how states
can ... . This includes:" and its bullets), areas for action listed in the same sentence ("Priority areas for
action included: strengthening ..."), a third person's need of a thing ("Here, Member States need more guidance
and support"); the items of a lead-in that the statistical stage's chunking used to cut from their lead-in.
Not found: a pronoun listing what was done ("UNICEF also expanded ... . This included providing ..."), a thing's
need ("many forgotten crises need additional donor support"), the object of a relative ("the support that
Member States need")."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.note import Block, NoteText, Span
from pipeline.findings import chunk_bounds
from pipeline.nlp.recommendations import detect, load_rules
from tests.conftest import note_blocks
from tests.test_recommendations import nlp, run  # noqa: F401  (module fixture and the run helper)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def rules():
    return load_rules()



@pytest.mark.parametrize("before, listing", [
    # E/HLPF/2025/3/Add.4 (gold-real), three round tables
    ("Many participants in the round table on Sustainable Development Goal 5 (Gender equality) highlighted "
     "priorities for action.",
     "They included: bridging gender and intersectional data gaps; challenging gender norms; strengthening "
     "partnerships; supporting the safe participation of civil society, women’s rights organizations and women "
     "human rights defenders."),
    ("Many participants in the round table on Sustainable Development Goal 14 (Life below water) highlighted key "
     "areas for potential action.",
     "They included: increasing investments and financing; strengthening data and monitoring systems, including "
     "through ocean accounting; respecting the right to a clean, healthy and sustainable environment."),
    # S/2025/453 (gold-real), the meeting's summary
    ("She further highlighted that the ICRC and others have put forward concrete operational guidance on how "
     "states can uphold protections for water systems, critical infrastructure, and the natural environment in "
     "military planning and conduct.",
     "These include incorporating protections into national law, integrating water-related legal norms into "
     "military doctrines and training, and improving environmental protection."),
])
def test_a_pronoun_listing_named_proposals_is_found(nlp, before, listing):
    assert [r["text"] for r in run(nlp, before + " " + listing)] == [listing]


@pytest.mark.parametrize("text", [
    # E/HLPF/2025/3/Add.4
    "Priority areas for action included: strengthening primary healthcare with a view to achieving universal "
    "health coverage; addressing social determinants of health to increase health equity; leveraging innovation "
    "and technologies.",
    "Key areas requiring further action included: advancing gender equality and women’s empowerment; enhancing "
    "workplace protections and migrant worker rights.",
    "Other areas needing urgent attention included addressing multidimensional health challenges, achieving "
    "inclusive and sustainable growth and closing investment gaps to reach the Goals.",
])
def test_areas_for_action_listed_in_the_sentence_are_found(nlp, text):
    assert [r["text"] for r in run(nlp, text)] == [text]


def test_the_bullets_after_a_pronoun_lead_in_are_proposals(rules):
    # S/2025/453, a statement of the ICRC: "This includes:" and six bullets
    text, blocks = note_blocks([
        ("body", "The ICRC and others have put forward concrete operational guidance on how states can respect the "
                 "rules protecting water systems, critical infrastructure, and the natural environment in military "
                 "planning and in the conduct of hostilities."),
        ("body", "This includes:"),
        ("list_item", "• Avoiding permissive interpretations of IHL that could undermine humanitarian objectives – "
                      "especially where fighters and civilians coexist."),
        ("list_item", "• Incorporating protections for water resources, infrastructure, and personnel into national "
                      "law."),
        ("list_item", "• Embedding environmental considerations into operational decision-making."),
    ])
    found = [r["text"] for r in detect(text, blocks, None, rules)]
    assert found == ["Avoiding permissive interpretations of IHL that could undermine humanitarian objectives – "
                     "especially where fighters and civilians coexist.",
                     "Incorporating protections for water resources, infrastructure, and personnel into national law.",
                     "Embedding environmental considerations into operational decision-making."], found


@pytest.mark.parametrize("text", [
    # E/ICEF/2025/20 (gold-dev): what was done, not named as proposals
    "In 2024, UNICEF also expanded equitable access to WASH services in institutions, reaching over 8,600 schools "
    "in 88 countries. This included providing clean water, hygiene education, accessible single-sex toilets.",
    # A/HRC session report g1217781 (gold-real): recommendations counted, then a pronoun
    "A total of 13 recommendations did not enjoy the State’s support. They included recommendations 1 to 13.",
])
def test_a_pronoun_listing_what_was_done_is_not_found(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text", [
    # UN80 session 3 (gold-real)
    "Here, Member States need more guidance and support.",
    # S/2025/453 (gold-real), two statements
    "Children desperately need an immediate halt to all actions that impact their access to water.",
    "So facility managers need protocols, standard operating procedures and checklists for emergency water "
    "sourcing, treatment, and safe re-use.",
])
def test_a_third_persons_need_of_a_thing_is_found(nlp, text):
    rows = run(nlp, text)
    assert [r["text"] for r in rows] == [text], rows
    assert rows[0]["actor"] != "Here"


@pytest.mark.parametrize("text", [
    # E/2025/65-like economic prose (gold-dev's crisis wording): a thing's need
    "Funding is concentrated in a small number of countries; yet many forgotten crises need additional donor "
    "support.",
    "This is the support that Member States need from the Secretariat.",
    "Member States need to know the costs.",
])
def test_a_things_need_or_a_relatives_object_is_not_a_third_persons_need(nlp, text):
    assert [r["cue"] for r in run(nlp, text) if r["cue"] == "need"] == []


def _note(parts):
    text, blocks = "", []
    for kind, part in parts:
        start = len(text)
        text += part + "\n\n"
        blocks.append(Block(kind, start, start + len(part), 1))
    return NoteText(text=text, blocks=blocks, spans=[Span(0, len(text), 1, 0)], pages=1)


def test_a_chunk_is_not_cut_between_a_lead_in_and_its_first_item():
    note = _note([("body", "A" * 100), ("body", "It should be enhanced towards:"),
                  ("list_item", "➢ First, improving awareness"), ("list_item", "➢ Second, integrating"),
                  ("body", "B" * 30)])
    bounds = chunk_bounds(note, limit=170)  # the last block start inside the window is the second item's
    starts = [s for s, _ in bounds[1:]]
    items = {b.start for b in note.blocks[2:4]}
    assert not items & set(starts), bounds
    assert note.blocks[1].start in starts, bounds  # the cut goes before the lead-in
    assert bounds[0][0] == 0 and bounds[-1][1] == len(note.text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))


def test_a_chunk_still_cuts_a_list_that_fills_the_window():
    note = _note([("body", "It should be enhanced towards:")] + [("list_item", f"- item {i} " + "x" * 20)
                                                                   for i in range(20)])
    bounds = chunk_bounds(note, limit=200)
    assert all(e - s <= 200 for s, e in bounds)
    assert bounds[-1][1] == len(note.text)


@pytest.mark.skipif(not (SHARED / "real" / "aiun__S_2025_453.en.pdf").exists(), reason="../shared is absent")
def test_the_items_of_s_2025_453s_water_cooperation_list_keep_their_lead_in_across_chunks(rules):
    # the note is 215,000 characters: its first chunk used to end between "... it should be enhanced towards:"
    # and "➢ First, improving awareness ...", so the next chunk read the items with no lead-in
    from pipeline.ingest import read_note

    note = read_note(SHARED / "real" / "aiun__S_2025_453.en.pdf")
    found = []
    for start, end in chunk_bounds(note):
        blocks = [(b.kind, b.start - start, b.end - start, b.page) for b in note.blocks if start <= b.start < end]
        found += [r["text"] for r in detect(note.text[start:end], blocks, None, rules)]
    for item in ("First, improving awareness of water-related security risks",
                 "Second, integrating climate and water security concerns into early warning",
                 "Third, improving the design and construction of water infrastructure",
                 "Fourth, developing joint monitoring systems"):
        assert any(t.startswith(item) for t in found), item
