"""Recommendation kinds of the fifth blind split (issue 12, seventh round), on the real documents
(`../shared/corpus/real` and `../shared/corpus/dev`): what a goal requires, a body's or a delegation's
present-tense endorsement of an action, imperatives after an adverb; and the vetoes: the topic of a
discussion, an indirect question, what an agency does by its means.
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
    # a body's or a delegation's endorsement of an action still to be taken
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "The Council encourages timely disbursement of already committed funds"),
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "The Council also supports a long-term dialogue"),
    (REAL / "un80__session_6_Nov_14_2025_mandate_implementation_consultations.txt",
     "Costa Rica supports a careful review of periodicities"),
    (REAL / "aiun__A_CONF.243_2025_1.en.pdf", "We supported the deployment of a temporary international stabilization"),
    # an imperative after an adverb, and imperatives added to the list (also on the 40 UPR reports)
    (REAL / "uprs__kiribati2010.pdf", "Proceed with child protection legislative reform (Australia)"),
    (REAL / "uprs__kiribati2010.pdf", "Urgently strengthen its commitment to the international human rights system"),
    # a question put as the action is no indirect question
    (DEV / "E_AC.51_2025_2.pdf", "Consideration of whether the Division should reorient"),
])
def test_a_recommendation_of_the_fifth_split_kinds_is_found(rows_of, path, words):
    assert _row_with(rows_of(path), words), f"no row with {words!r} in {path.name}"


@pytest.mark.parametrize("path, words", [
    # the topic of a discussion
    (REAL / "aiun__ICCD_COP8_CST_8.en.pdf", "The fifth discussion topic focused on the apparent need"),
    (REAL / "aiun__ICCD_COP8_CST_8.en.pdf", "The workshop focused on how climate induces"),
    (REAL / "aiun__E_HLPF_2025_3_Add.4.en.pdf", "the participants examined how to leverage"),
    # an indirect question
    (REAL / "pact__MINUSTAH_S_2005_302.pdf", "whether it should be incorporated into the public sector"),
    # what an agency does, by its means, and a relative clause's requirement
    (DEV / "E_2025_15.pdf", "ECE supports the mobilization and allocation of financial resources"),
    (REAL / "uprs__kiribati2010.pdf", "which required urgent and immediate intervention"),
])
def test_a_description_of_the_fifth_split_kinds_is_not(rows_of, path, words):
    assert _row_with(rows_of(path), words) is None


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
