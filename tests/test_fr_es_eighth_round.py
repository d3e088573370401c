"""French and Spanish recommendation rules of the eighth round of issue 11, on real sentences of
the UN Parallel Corpus sample (../shared/corpus/parallel: the same sentence in English, French and
Spanish). This round read the disagreements of part B2 of the measure
(benchmarks/parallel_agreement.py --split B2), held out until the seventh round; each line below
is one of them, found by a distinctive phrase, and the English version of the same line says
what French and Spanish should agree with. The B2 lines themselves are cases of tests/test_fr_es_agreement.py
(its lists, under "eighth round"); this file keeps the tests of how the new rules apply. Plain
sentences check what the new rules leave alone.

- a recommendation where English has one: "œuvrer" after "à" (the infinitive's first letter);
  a clitic before the infinitive ("a demandé à sa présidente de l'inviter": "requested the Chair
  to invite him"); the preambular participles "engageant les parties à", "préconisant
  l'ouverture" ("encouraging"); an operative "Encourage" / "Alienta" whose "à" / "a" + infinitive
  comes after a long list of addressees; "Exige à nouveau également du Soudan ... qu'ils" and
  "Reitera también su exigencia de que" ("Further reiterates its demand that"); "insto a"
  ("I urge"); the impersonal "urge hacer" ("there is an urgent need to"); "sería mejor
  centrarse" ("might be better to focus");
- none where English has none: "Il faut noter que" ("should be noted"); a relative "au cours de
  laquelle le Prix doit être décerné" ("is to be awarded"), "las medidas que deben adoptarse",
  "Normas que deben observarse", "una situación que podía plantear"; "pouvaient avoir un impact",
  "podían repercutir" ("might have an impact"); "engagé en faveur de" ("committed to");
  "Soulignons qu'il importe que", "a souligné qu'il était important de" ("the importance of");
  "devraient, à terme," ("should eventually"); "debe observarse que"; "En vertu des articles ... du
  Règlement intérieur, le Comité doit" ("shall"); a budget's "s'explique par le fait qu'il est
  proposé", "Se propone un crédito de 10.600 dólares" ("An amount of $10,600 is proposed"); a
  lead-in of possible cases ("pourraient notamment être les suivantes:", "podrían consistir en:",
  "Las situaciones podrían ser, entre otras:"), which no longer hands a cue to the next paragraph;
  ", que podría contribuir" ("which could contribute")."""

from __future__ import annotations

import pytest

from tests.test_fr_es_agreement import cues, needs_parallel, parallel_line  # the shared helpers


@pytest.mark.parametrize("lang,text", [
    # a lead-in of possible cases hands no cue to the paragraph after it (English "Those might include:")
    ("fr", "Dans le cadre d'une procédure dans le pays Y, ces mesures pourraient notamment être les suivantes:\n\n"
           "50. Le Groupe de travail a réaffirmé l'importance de la coopération et de la coordination."),
    ("es", "En relación con procedimientos en el país Y, podrían consistir en:\n\n"
           "50. El Grupo de Trabajo reiteró la importancia de la cooperación y la coordinación."),
])
def test_a_lead_in_of_possible_cases_carries_nothing(lang, text):
    assert cues(lang, text) == [], text


@needs_parallel
@pytest.mark.parametrize("lang,phrase,alone", [
    # each new cue finds its B2 line and leaves alone a plain sentence of the same words
    ("fr", "engageant les parties à reprendre les négociations de fond",
     "Le Conseil a appelé l'attention sur la situation en engageant un dialogue avec les parties à tous les niveaux."),
    ("fr", "engageant les parties à reprendre les négociations de fond",
     "Le Comité demeure engagé dans la lutte contre la pauvreté à tous les niveaux."),
    ("es", "tal vez sería mejor centrarse en la prestación de asistencia financiera",
     "La situación sería mejor si hubiera más recursos."),
    ("es", "urge hacer progresos significativos en los cuatro objetivos mundiales",
     "El Comité señaló que la cuestión urge."),
])
def test_what_the_new_cues_leave_alone(lang, phrase, alone):
    assert cues(lang, parallel_line(lang, phrase))
    assert cues(lang, alone) == [], alone


@pytest.mark.parametrize("lang,text,cue", [
    ("fr", "Le Conseil demande aux États de l'appliquer sans délai.", "demande"),     # a clitic before the infinitive
    ("es", "Urge que los Estados ratifiquen la Convención.", "urge"),
])
def test_plain_sentences_of_the_new_cues(lang, text, cue):
    assert cue in [c.lower() for c in cues(lang, text)], cues(lang, text)


def test_a_relative_veto_keeps_a_later_modal():
    """'que deben presentar' (after an article and a noun) is a relative; the sentence's 'deberían'
    is another cue label and stays, and 'las medidas que deben adoptarse' alone is no row."""
    assert cues("es", "Los Estados que deben presentar informes deberían hacerlo a tiempo.") == ["deberían"]
    assert cues("es", "El informe describe las medidas que deben adoptarse en 2016.") == []


@needs_parallel
def test_explain_names_the_pipeline_of_a_french_and_a_spanish_recommendation():
    """Issue 11: `unnotes explain` on a French and a Spanish recommendation sentence (two B2 lines
    found this round) says which pipeline found it, and which cue."""
    from pipeline.report.explain import explain_text, render_explanation

    for lang, phrase, cue in [("fr", "a demandé à sa présidente de l'inviter", "demandé"),
                              ("es", "insto a todas las partes e interesados en Libia", "insto")]:
        shown = render_explanation(explain_text(parallel_line(lang, phrase)))
        assert shown.startswith(f"Pipeline: {lang} (models/{lang}/"), shown
        assert f"cue='{cue}'" in shown.split("Recommendations:")[1], shown
