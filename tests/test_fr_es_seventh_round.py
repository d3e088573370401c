"""French and Spanish rules of the seventh round of issue 11, on real sentences of the UN
Parallel Corpus sample (../shared/corpus/parallel: the same sentence in English, French and
Spanish). Its line cases of recommendations (a line found by a distinctive phrase) are in the case lists of
tests/test_fr_es_agreement.py, marked "seventh round"; each was taken from the disagreements of
parts A1, A2 and B1 of the measure (benchmarks/parallel_agreement.py); the English version of
the same line says what French and Spanish should agree with. Plain sentences check what the
new rules must leave alone.

Recommendations:
- one where English has one: an addressee list in the dative, however long, before "de" /
  "que" ("demande une fois de plus au Secrétaire général, au Conseil de sécurité, ... et à
  toutes les organisations ... d'amener", "solicita una vez más al Secretario General, ... que
  insten": "calls on"); "que," before an interpolated clause ("solicita a la Secretaría que, con
  sujeción a los recursos disponibles, siga": "requests"); "ha pedido a ... que"; the infinitive
  "prier" ("a pour pratique de prier les organismes de répondre": "requests"); "réclamer"
  ("ont réclamé ... le renforcement": "calling for"); "requérir de X qu'ils" ("has asked"); a
  present-tense "encourage" / "alienta" with a noun of action ("encourage en outre la poursuite
  de la collaboration": "further encourages continued collaboration"); "Se propuso también
  que" ("It was further suggested"); a clitic infinitive after "era necesario" ("someterla");
  the subject after the adjective ("será fundamental la aplicación de": "it will be essential
  to implement");
- none where English has none: a relative "pouvait" ("les domaines dans lesquels la coopération
  pouvait être renforcée": "opportunities to enhance"), "où" + a longer subject + "doivent"
  ("where ... to be"), "pourrait se révéler" / "podría resultar" ("may prove"), an indirect
  question ("de quelle manière il serait souhaitable d'intégrer": "how to integrate"), an aim
  ("visait ... à inciter et encourager"), a past "a encouragé l'intégration" / "alentó el
  intercambio" ("promoted", "encouraged knowledge-sharing": a report), a relative with its
  subject after the verb ("que recomienda la Autoridad": "recommended by the Authority").

Organizations: bodies the shared gazetteer does not list, under the name English notes give
them, with their names in UN documents of each language (the NPT's Group of Non-Aligned States
Parties to the Treaty and New Agenda Coalition, the Coordination Committee of Special
Procedures, the World Urban Forum, the ISA's Assembly of the Authority, ...); English does not
know them."""

from __future__ import annotations

import pytest

from tests.test_fr_es_agreement import cues, needs_parallel, parallel_line  # the shared helpers
from tests.test_fr_es_sixth_round_orgs import orgs_of


@needs_parallel
def test_a_relative_recomienda_is_no_cue():
    """'el sistema ... que recomienda la Autoridad' ('recommended by the Authority'): the relative's
    verb is vetoed (the line's later 'que le debían presentar' is another matter)."""
    line = parallel_line("es", "que recomienda la Autoridad")
    assert "recomienda" not in cues("es", line), line


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les familles des victimes ont réclamé une indemnisation au Gouvernement."),   # a claim to a thing
    ("fr", "Le conflit a réclamé la vie de centaines de civils."),                       # 'claimed the lives'
    ("fr", "Le projet a requis des ressources importantes."),                           # the participle 'requis'
    ("es", "El Gobierno alentó la participación de las mujeres en 2014."),              # the past: a report
])
def test_what_the_new_cues_leave_alone(lang, text):
    assert cues(lang, text) == [], text


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le Conseil demande au Secrétaire général, au Haut-Commissaire aux droits de l'homme, à la "
           "Représentante spéciale chargée de la question des violences sexuelles commises en période de "
           "conflit et à toutes les organisations régionales de lui faire rapport."),
    ("es", "El Consejo solicita al Secretario General, al Alto Comisionado para los Derechos Humanos, a la "
           "Representante Especial sobre la Violencia Sexual en los Conflictos y a todas las organizaciones "
           "regionales que le presenten un informe."),
])
def test_a_long_list_of_addressees_in_the_dative(lang, text):
    assert cues(lang, text), text


@needs_parallel
@pytest.mark.parametrize("lang,phrase,name", [
    ("fr", "le Groupe des États non alignés parties au Traité se félicite", "Group of Non-Aligned States Parties to the Treaty"),
    ("es", "El Grupo de Estados No Alineados Partes en el Tratado expresa", "Group of Non-Aligned States Parties to the Treaty"),
    ("fr", "La Coalition pour un nouvel ordre du jour a analysé", "New Agenda Coalition"),
    ("es", "La Coalición para el Nuevo Programa ha comenzado", "New Agenda Coalition"),
    ("fr", "Activités du Comité de coordination des procédures spéciales", "Coordination Committee of Special Procedures"),
    ("es", "Actividades del Comité de Coordinación de los Procedimientos Especiales",
     "Coordination Committee of Special Procedures"),
    ("fr", "septième session du Forum urbain mondial", "World Urban Forum"),
    ("es", "del Foro Urbano Mundial", "World Urban Forum"),
    ("fr", "L'Assemblée de l'Autorité, à sa vingtième session", "Assembly of the Authority"),
    ("fr", "du Comité d'experts de la pharmacodépendance de l'OMS", "Expert Committee on Drug Dependence"),
    ("es", "Grupo de Evaluación Tecnológica y Económica", "Technology and Economic Assessment Panel"),
])
def test_the_body_gets_the_name_english_gives_it(lang, phrase, name):
    line = parallel_line(lang, phrase)
    assert name in orgs_of(lang, line), (line, orgs_of(lang, line))


def test_english_does_not_know_the_french_and_spanish_local_bodies():
    names = orgs_of("en", "The Coalición para el Nuevo Programa and the Forum urbain mondial met in Nairobi.")
    assert not {"New Agenda Coalition", "World Urban Forum"} & set(names), names
