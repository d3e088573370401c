"""Recommendation kinds of the fifth blind split (issue 12, seventh round), on the real documents
(`../shared/corpus/real` and `../shared/corpus/dev`): need and requirement clauses, lists of actions,
a body's present-tense endorsement, a speaker's own calls, run-in label items, two-sentence lead-ins;
and the vetoes: the topic of a discussion, an indirect question, a mission's terms of reference.
Each kind is checked on a document it was not written from where one exists (docs/QUALITY.md
"Recommendations, seventh round" gives the counts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_recommendations import nlp, run, texts  # noqa: F401  (module fixtures and the run helper)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REAL, DEV = SHARED / "real", SHARED / "dev"


@pytest.fixture(scope="module")
def rows_of(analysed):
    def rows(path: Path) -> list[str]:
        return [r["text"] for r in analysed(path)["recommendations"]]
    return rows


def _row_with(rows: list[str], words: str) -> str | None:
    return next((r for r in rows if words in r), None)


@pytest.mark.parametrize("path, words", [
    # what a goal requires, named as an action or a more/better thing (written from E/HLPF/2025/3/Add.4)
    (REAL / "aiun__E_HLPF_2025_3_Add.4.en.pdf", "Protecting the oceans requires more investment"),
    (DEV / "E_2025_76.pdf", "requires bold, sustained investment"),
    (DEV / "A_80_275.pdf", "the Mechanism requires further cooperation and engagement from Member States"),
    # a list of actions named as what needs doing
    (REAL / "aiun__E_HLPF_2025_3_Add.4.en.pdf", "Priority areas for action included: strengthening primary healthcare"),
    (REAL / "aiun__E_HLPF_2025_3_Add.4.en.pdf", "Other areas needing urgent attention included addressing"),
    # a need judged or found, a need with an adverb set off by a comma
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "It was deemed necessary to provide a concrete response"),
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "It found a need for creative means"),
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "There was therefore, a need for a credible deterrent"),
    # a body's or a delegation's endorsement of an action still to be taken
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "The Council encourages timely disbursement of already committed funds"),
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "The Council also supports a long-term dialogue"),
    (REAL / "un80__session_6_Nov_14_2025_mandate_implementation_consultations.txt",
     "Costa Rica supports a careful review of periodicities"),
    (REAL / "aiun__A_CONF.243_2025_1.en.pdf", "We supported the deployment of a temporary international stabilization"),
    # a speaker's own statement of need and call
    (REAL / "un80__session_6_Nov_14_2025_mandate_implementation_consultations.txt",
     "We therefore need a mechanism that traces the end use of these mandates"),
    (REAL / "un80__session_6_Nov_14_2025_mandate_implementation_consultations.txt",
     "we advocate for clear, measurable objectives"),
    # a lead-in of two sentences, and an imperative after an adverb
    (REAL / "uprs__kiribati2010.pdf", "Proceed with child protection legislative reform (Australia)"),
    (REAL / "uprs__kiribati2010.pdf", "Urgently strengthen its commitment to the international human rights system"),
    # run-in label items of a list of actions, and a noun-phrase item among them
    (DEV / "A_CONF.243_2025_1_Add.1.pdf", "Border security: Enhance border security"),
    (DEV / "A_CONF.243_2025_1_Add.1.pdf", "UN Stabilization Mission: Deployment of an international stabilization mission"),
    # ... whose first line a page break made a "heading"
    (DEV / "A_CONF.243_2025_1_Add.1.pdf", "First-phase recovery efforts: Support urgent first-phase recovery efforts"),
    # a question put as the action is no indirect question
    (DEV / "E_AC.51_2025_2.pdf", "Consideration of whether the Division should reorient"),
    # a heading about reviewing terms of reference is no terms of reference
    (REAL / "aiun__TPNW_MSP_2025_WP.4.en.pdf", "States Parties should assess the role, functions, composition"),
])
def test_a_recommendation_of_the_fifth_split_kinds_is_found(rows_of, path, words):
    assert _row_with(rows_of(path), words), f"no row with {words!r} in {path.name}"


@pytest.mark.parametrize("path, words", [
    # the topic of a discussion
    (REAL / "aiun__ICCD_COP8_CST_8.en.pdf", "The fifth discussion topic focused on the apparent need"),
    (REAL / "aiun__ICCD_COP8_CST_8.en.pdf", "The workshop focused on how climate induces"),
    (REAL / "aiun__E_HLPF_2025_3_Add.4.en.pdf", "the participants examined how to leverage"),
    # an indirect question, a feeling about a past necessity
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "whether it should be incorporated into the public sector"),
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "expressed a certain frustration that Haiti again needed"),
    # a mission's terms of reference, under a title line the layout read as body
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "To stress the need for improved coordination"),
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "To call upon all parties to engage fully"),
    # what an agency does, by its means, and a relative clause's requirement
    (DEV / "E_2025_15.pdf", "ECE supports the mobilization and allocation of financial resources"),
    (REAL / "uprs__kiribati2010.pdf", "which required urgent and immediate intervention"),
])
def test_a_description_of_the_fifth_split_kinds_is_not(rows_of, path, words):
    assert _row_with(rows_of(path), words) is None


def test_a_run_in_item_stays_whole(rows_of):
    """A/CONF.243/2025/1/Add.1: "Health services: Support restoring ... . ..." and "Energy: ..." are one
    row each, a later sentence with its own cue ("Recovery efforts should focus on ...") stays in its item."""
    rows = rows_of(DEV / "A_CONF.243_2025_1_Add.1.pdf")
    assert not any(r.startswith("Recovery efforts should focus") for r in rows)
    assert not any(r.startswith("It also requires shifting lived realities") for r in rows)


@pytest.mark.parametrize("sentence, cue", [
    # issue 12's impersonal and passive obligations (none occurs in the gold documents but "are required")
    ("Particular attention must be paid to the needs of women.", "must"),
    ("These documents must be made accessible to all delegations.", "must"),
    ("New approaches are required to address the crisis.", "are required"),
    ("More training is still needed for judges.", "needed"),
    ("It is time for the Council to act decisively.", "it is time"),
    ("It would be desirable to hold the meeting in Geneva.", "it would be desirable to"),
    ("Calls were made for an immediate ceasefire.", "calls were made"),
])
def test_impersonal_obligations_are_found(nlp, sentence, cue):
    (row,) = run(nlp, sentence)
    assert row["cue"] == cue


def test_a_lead_in_of_two_sentences_carries(nlp):
    text = ("66. The following recommendations will be examined by the State, which will respond in due course. "
            "Its response will be included in the outcome report:\n\n"
            "66.1. Proceed with the legislative reform (Australia);\n\n"
            "66.2. Institute a national mechanism for reporting (Japan);")
    rows = run(nlp, text)
    assert texts(rows) == ["Proceed with the legislative reform (Australia)",
                           "Institute a national mechanism for reporting (Japan)"]
    assert [r["by"] for r in rows] == ["Australia", "Japan"]
