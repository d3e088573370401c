"""French and Spanish recommendation kinds of branch fresrecs11 (issue 11): word classes in the
rule patterns (`<@name>` = a lexicon list, pipeline/nlp/word_classes.py) and the kinds written
with them, on real lines of the UN Parallel Corpus sample (../shared/corpus/parallel; skipped when
absent) and on plain sentences for the forms the sample does not hold:

- descriptive modals: a forecast of a quantity (a quantity noun, a change verb, a figure), a dated
  schedule in the conditional or the imperfect ("devait être achevé en 2014"), what a study shows
  could happen, "suggérer/sugerir" of evidence, information reported to a body, a concessive or a
  feared possibility; an actor acting on an object stays a proposal ("devraient augmenter leurs
  investissements");
- the stock letter request whatever its polite formula (the letter itself as the object of a
  circulation verb), and "comme documents officiels" / "como documentos oficiales";
- a reported request coordinated after a past decision ("... et a prié le Secrétariat de") is
  its own report; the Spanish past-decision veto reads the pretérito;
- the Spanish impersonal future invitation at a sentence's start ("Se invitará al Comité a");
- Spanish sentences after an abbreviation that may end one ("etc.", "EE. UU.").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.errors import ModelDataError
from pipeline.nlp.build import build_nlp
from pipeline.nlp.recommendations import load_rules
from tests.test_fr_es_agreement import cues, needs_parallel, parallel_line  # the shared helpers

MODELS = Path(__file__).resolve().parents[1] / "models"

# (language, phrase of a parallel line whose English version is a recommendation)
FOUND_PARALLEL = [
    ("es", "Se invitará a las delegaciones a formular declaraciones generales"),  # 'Delegations will be invited to'
]

# (language, phrase of a parallel line whose English version is no recommendation)
NOT_FOUND_PARALLEL = [
    ("es", "Se explicó a los participantes que antes de establecer"),  # 'Participants heard that': reported
    ("fr", "En 2014, ces chiffres devraient atteindre environ 23 000"),  # 'are expected to reach' (a guard: the
    # forecast was vetoed before as well, by a change-verb list that also vetoed proposals)
]


@needs_parallel
@pytest.mark.parametrize("lang, phrase", FOUND_PARALLEL)
def test_a_proposal_where_english_has_one(lang, phrase):
    line = parallel_line(lang, phrase)
    assert cues(lang, line), line


@needs_parallel
@pytest.mark.parametrize("lang, phrase", NOT_FOUND_PARALLEL)
def test_no_proposal_where_english_has_none(lang, phrase):
    line = parallel_line(lang, phrase)
    assert not cues(lang, line), line


DESCRIPTIVE = [
    # forecasts of a quantity
    ("fr", "La croissance mondiale pourrait chuter de 0,3 point de pourcentage."),
    ("fr", "Les prix pourraient augmenter fortement en 2016."),
    ("fr", "Cette mesure pourrait éviter 1,4 million de grossesses non désirées."),
    ("es", "La tasa de crecimiento debería alcanzar el 3,2 % en 2016."),
    ("es", "Los gastos deberían aumentar un 5 % el próximo año."),
    ("es", "El crecimiento mundial podría caer en 0,3 puntos porcentuales."),
    ("es", "Esta medida podría evitar 1,4 millones de embarazos no deseados."),
    # dated schedules, conditional and imperfect
    ("fr", "Le projet devait être achevé en 2014, mais il a été retardé."),
    ("fr", "Les travaux devaient commencer en janvier 2015."),
    ("es", "Las obras deberían concluir en febrero de 2016."),
    ("es", "El informe debería estar terminado en marzo de 2016."),
    ("es", "El proyecto debía concluir en 2014, pero se retrasó."),
    # findings, evidence, reported information, concession, fear
    ("fr", "Les études montrent que les technologies actuelles pourraient réduire sensiblement les émissions."),
    ("es", "Los estudios demuestran que las tecnologías actuales podrían reducir considerablemente las emisiones."),
    ("fr", "Les résultats suggèrent que la participation des filles s'est améliorée."),
    ("es", "Los resultados sugieren que la participación de las niñas mejoró."),
    ("fr", "Le Comité a été informé que le Secrétariat devrait recevoir les fonds en mars."),
    ("es", "Se informó a la Comisión de que la Secretaría debería recibir los fondos en marzo."),
    ("fr", "Bien que les entités pourraient invoquer des mandats similaires, cela ne signifie pas un chevauchement."),
    ("es", "Si bien las entidades podían citar mandatos similares, eso no significa una duplicación."),
    ("fr", "Il existe un risque que les donateurs pourraient réduire leur aide."),
]


@pytest.mark.parametrize("lang, text", DESCRIPTIVE)
def test_a_descriptive_modal_is_no_recommendation(lang, text):
    assert not cues(lang, text), text


STOCK_REQUESTS = [
    ("fr", "Je vous prie de bien vouloir porter la présente lettre à l'attention des membres du Conseil de sécurité."),
    ("fr", "Je vous prie de bien vouloir faire distribuer le texte de la présente lettre et de son annexe comme "
           "documents officiels de l'Assemblée générale et du Conseil de sécurité."),
    ("fr", "Nous vous prions de bien vouloir faire diffuser la présente lettre comme document officiel de la Conférence."),
    ("es", "Le ruego que tenga a bien señalar la presente carta a la atención de los miembros del Consejo de Seguridad."),
    ("es", "Le ruego que tenga a bien hacer distribuir la presente carta y su anexo como documentos oficiales de la "
           "Asamblea General."),
]


@pytest.mark.parametrize("lang, text", STOCK_REQUESTS)
def test_the_stock_letter_request_is_no_recommendation(lang, text):
    assert not cues(lang, text), text


PROPOSALS = [
    # an actor acting on an object, with a change verb: a proposal (vetoed as a forecast at the start)
    ("fr", "Les pays en développement devraient augmenter leurs investissements dans l'éducation."),
    # a reported request after a past decision
    ("fr", "La Commission a adopté les recommandations du Groupe de travail et a prié le Secrétariat de lui faire rapport."),
    ("fr", "Le Conseil a approuvé les propositions du Secrétaire général et a demandé aux États Membres de verser "
           "leurs contributions."),
    ("es", "El Consejo ha aprobado las propuestas del Secretario General y ha instado a los Estados Miembros a que "
           "paguen sus cuotas."),
    # the impersonal future invitation
    ("es", "Se invitará al Comité Preparatorio a que examine el proyecto de declaración política."),
    ("es", "La Conferencia será invitada a aprobar su programa."),
]


@pytest.mark.parametrize("lang, text", PROPOSALS)
def test_a_proposal_is_found(lang, text):
    assert cues(lang, text), text


# What the new vetoes leave alone (pass before and after).
STILL_PROPOSALS = [
    ("fr", "Le Comité pourrait envisager de tenir une réunion en 2016."),
    ("fr", "Les États Membres pourraient augmenter leurs contributions volontaires."),
    ("fr", "Pour réduire les coûts, les États pourraient renforcer leur coopération."),
    ("fr", "Le Conseil prie le Secrétaire général de diffuser largement la présente résolution."),
    ("fr", "Le Comité a été informé que le Comité des commissaires aux comptes estimait que le Secrétariat "
           "devrait revoir le plan."),
    ("fr", "Il a souligné que le Gouvernement devait redoubler d'efforts."),
    ("es", "Los países en desarrollo deberían aumentar sus inversiones en educación."),
    ("es", "Se informó a la Comisión de que la Junta opinaba que la Secretaría debería revisar el plan."),
    ("es", "Subrayó que el Gobierno debía redoblar sus esfuerzos."),
    ("es", "El Consejo pide al Secretario General que difunda ampliamente la presente resolución."),
    ("es", "Se invita a los Estados a ratificar la Convención."),
]


@pytest.mark.parametrize("lang, text", STILL_PROPOSALS)
def test_a_proposal_stays(lang, text):
    assert cues(lang, text), text


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in build_nlp("es")(text).sents if s.text.strip()]


def test_a_spanish_sentence_ends_after_etc_and_ee_uu_before_a_function_word():
    sents = _sentences("Los Estados deben adoptar medidas, p. ej. leyes nacionales, etc. Se pidió a la Secretaría "
                       "que preparara un informe. La delegación visitó los EE. UU. El Gobierno informó de sus avances.")
    assert sents == ["Los Estados deben adoptar medidas, p. ej. leyes nacionales, etc.",
                     "Se pidió a la Secretaría que preparara un informe.",
                     "La delegación visitó los EE. UU.",
                     "El Gobierno informó de sus avances."]


def test_a_spanish_abbreviation_does_not_end_a_sentence():
    sents = _sentences("El Sr. Pérez presentó el informe (véase el doc. A/69/100) ante la Comisión. Asistieron "
                       "representantes de Francia, Italia, etc. México propuso una reunión.")
    # "doc." is an abbreviation; after "etc." a name ("México") does not open a sentence
    assert sents == ["El Sr. Pérez presentó el informe (véase el doc. A/69/100) ante la Comisión.",
                     "Asistieron representantes de Francia, Italia, etc. México propuso una reunión."]


def test_a_word_class_the_lexicon_lacks_stops_the_load(tmp_path):
    bad = tmp_path / "recommendation_exclusions.jsonl"
    bad.write_text('{"id": "x", "kind": "sentence", "pattern": "\\\\bdevrait\\\\s+<@no_such_class>"}\n',
                   encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"line 1.*no_such_class"):
        load_rules(MODELS / "fr" / "patterns" / "recommendation_cues.jsonl", bad, MODELS / "fr" / "lexicon.jsonl")


def test_a_word_class_reads_both_apostrophes_and_any_space():
    assert not cues("fr", "La demande mondiale devrait s’accroître.")  # typographic apostrophe in a class word
    assert not cues("fr", "Le nouveau système devrait  entrer\nen service en mars.")  # any whitespace inside one
