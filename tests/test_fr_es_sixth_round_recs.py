"""French and Spanish recommendation rules of the sixth round of issue 11, on real sentences
of the UN Parallel Corpus sample (../shared/corpus/parallel: the same sentence in English,
French and Spanish). Each case is a line found by a distinctive phrase, taken from the
disagreements of parts A1, A2 and B1 of the measure (benchmarks/parallel_agreement.py);
the English version of the same line says what French and Spanish should agree with (these line cases are in the case lists of
tests/test_fr_es_agreement.py, under "sixth round"; this file keeps the tests of how the vetoes apply):

- no recommendation where English has none: the reflexive "se sont engagés à" ("have agreed
  to"), the stock request to issue a text "en tant que document officiel", a schedule ("doit
  en principe élire": "is expected to elect"), "doivent faire face à de nombreuses
  difficultés" / "tienen que lidiar con" ("have faced", "struggle with"), a relative clause's
  "qui doit / doivent" ("to be issued", "to be considered"), an indirect question ("celle de
  savoir ce qu'il faudrait"), a treaty's provision ("L'Article 7 de la Convention ... stipule
  que ... doivent", "En el artículo 7 ... se indica que ... deben"), a resolution's "Souligne /
  Soulignant qu'il importe de" ("Emphasizes / Underlining the importance of"), a subject's
  aim ("la UNODC se propone reunir": "aims to gather");
- one where English has one: "Appelle instamment ... à" and "Nous appelons ... à" ("urges",
  "call on"), the future passive "seront invitées à" / "sera appelée à" / "se invitará a"
  ("will be invited to"), "il a été suggéré aussi de", "il est néanmoins impératif que", the
  operative "Charge le Groupe de" / "Encomienda al Grupo que" ("Directs the Panel to"),
  "souhaitera peutêtre" (the hyphen lost in the text: "may wish to"), "encourage ... à en
  faire usage", "Solicito enérgicamente que", a capitalised "Pidieron a ... que", and the
  sentences the new vetoes must leave alone ("insta a que ... la disposición del Tratado que
  exige que", the impersonal "se propone crear 3 puestos")."""

from __future__ import annotations


from tests.test_fr_es_agreement import cues, needs_parallel, parallel_line  # the shared helpers


@needs_parallel
def test_a_relative_clause_doit_leaves_the_main_clause_doivent():
    """The relative-clause veto is per cue label: it holds only when the relative's 'doit' is
    the sentence's one 'doit/devra', so the main clause's 'doivent être fournis' (English
    'should be provided') still proposes."""
    line = parallel_line("fr", "l'état financier qui doit figurer dans le rapport annuel")
    assert cues("fr", line), line


def test_the_reflexive_commitment_is_no_invitation_but_the_passive_is():
    assert cues("fr", "Les États membres se sont engagés à réduire leurs émissions.") == []
    assert cues("fr", "Les États membres sont engagés à réduire leurs émissions.")


def test_the_treaty_veto_leaves_a_call_in_the_same_sentence():
    """A treaty's provision vetoes its own 'doivent' only; the call to ratify stays."""
    assert cues("fr", "Le traité sur les armes à sous-munitions stipule que les parties doivent détruire "
                      "leurs stocks.") == []
    text = ("La Coalition demande aux États de ratifier le traité sur les armes à sous-munitions, "
            "qui stipule que les parties doivent détruire leurs stocks.")
    assert cues("fr", text) == ["demande"]
