"""French and Spanish recommendation rules of branch fres9r (issue 11), on real lines of the UN
Parallel Corpus sample (../shared/corpus/parallel: the same sentence in English, French and
Spanish) and on plain sentences for the forms of the same kind that the sample does not hold.

Kinds (each line's English version says what French and Spanish should agree with):

- the noun of a need, "est une exigence si l'on veut", "il s'agit là d'une condition impérative
  pour", "es una exigencia para" (English "It is vital to", "This is imperative for"), only with
  an infinitive of purpose or "si l'on veut / si queremos";
- "the time has come": "es el momento de que" (English "It is thus high time that"), "le moment
  est venu de", "ha llegado la hora de";
- the perfect tenses of the Spanish reporting verbs with their auxiliary ("han propuesto",
  "ha recomendado", "ha solicitado"), never the bare participle ("un formato recomendado");
- the rest of the language's forms of a proposal: "il y a lieu de" (not "s'il y a lieu"),
  "il convient que", "il est préférable de", "Se ruega a ... que", "Hace falta", a
  sentence-initial "Conviene", "es aconsejable";
- every tense of the Spanish impersonal need ("se necesitaban", "se requerirá"; not in an indirect
  question "qué se necesitaría para", a relative after a comma, or a cost estimate "se necesitaría
  una suma de 4.000 dólares"), "tenemos que", the French "il faudra" and "vous devez";
- a veto: a body's business at a session is its schedule, not a proposal ("la Commission des
  stupéfiants devait se prononcer ... à sa cinquante-huitième session", "À sa troisième
  session, le Comité préparatoire devrait présenter ses recommandations": English "is expected
  to"), while "La Commission devrait examiner la question à sa prochaine session" stays.
"""

from __future__ import annotations

import pytest

from tests.test_fr_es_agreement import cues, needs_parallel, parallel_line  # the shared helpers

# (language, a distinctive phrase of a parallel line whose English version is a recommendation)
FOUND = [
    ("fr", "est donc une exigence si l'on veut bâtir"),                    # 'It is vital to invest'
    ("fr", "Il s'agit là d'une condition impérative pour soulager"),        # 'This is imperative for'
    ("es", "es una exigencia para construir unas sociedades"),              # 'It is vital to invest'
    ("es", "es el momento de que las leyes, políticas y programas"),        # 'It is thus high time that'
    ("es", "los Copresidentes han propuesto un esquema"),                   # 'the Co-Chairs have proposed'
    ("es", "indicaban que se necesitaban más mejoras"),                     # 'additional upgrades were needed'
]

# (language, phrase of a parallel line whose English version is no recommendation)
NOT_FOUND = [
    ("fr", "la Commission des stupéfiants devait se prononcer sur la notification"),  # 'is expected to act'
    ("fr", "que le Comité devait examiner, pour approbation"),              # 'which was considered'
    ("fr", "À sa troisième session, le Comité préparatoire devrait présenter"),  # 'is expected to submit'
    ("es", "En el anexo se incluye un formato recomendado"),                # an adjective: 'a recommended format'
    ("es", "qué se necesitaría para que otros mecanismos"),                 # 'what will it take': a question
    ("es", "suministros humanitarios, que se necesitaban con urgencia"),    # a relative: a description
    ("es", "se necesitaría una suma de 4.000 dólares"),                     # a cost estimate
]


@needs_parallel
@pytest.mark.parametrize("lang, phrase", FOUND)
def test_a_proposal_where_english_has_one(lang, phrase):
    line = parallel_line(lang, phrase)
    assert cues(lang, line), line


@needs_parallel
@pytest.mark.parametrize("lang, phrase", NOT_FOUND)
def test_no_proposal_where_english_has_none(lang, phrase):
    line = parallel_line(lang, phrase)
    assert cues(lang, line) == [], line


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le moment est venu de renforcer la coopération régionale."),
    ("fr", "Il y a lieu de renforcer la coopération entre les deux organisations."),
    ("fr", "Il conviendrait que le Comité examine la question."),
    ("fr", "Il est préférable de renforcer la coopération régionale."),
    ("fr", "La Commission devrait examiner la question à sa prochaine session."),
    ("es", "Ha llegado la hora de actuar con decisión."),
    ("es", "El Comité ha recomendado que el Estado parte revise su legislación."),
    ("es", "La Asamblea General ha solicitado al Secretario General que presente un informe."),
    ("es", "Se ruega a las delegaciones que presenten sus propuestas por escrito."),
    ("es", "Hace falta reforzar la cooperación regional."),
    ("es", "Conviene reforzar la cooperación regional."),
    ("es", "Es aconsejable reforzar la cooperación regional."),
    ("es", "Se requerirá más personal para desempeñar las nuevas funciones."),
    ("es", "Tenemos que reforzar la cooperación regional."),
    ("fr", "Il faudra renforcer la coopération régionale."),
    ("fr", "Vous devez renforcer la coopération régionale."),
])
def test_the_other_forms_of_a_proposal(lang, text):
    assert cues(lang, text), text


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le Comité favorise une transparence accrue en tenant s'il y a lieu des séances publiques."),
    ("fr", "Dans le domaine de l'environnement, le contrôle normatif est une condition indispensable à une "
           "bonne gouvernance."),
    ("es", "A la hora de elaborar el presupuesto, la Comisión tuvo en cuenta los gastos de viaje."),
    ("es", "La supervisión normativa es una condición previa del desarrollo."),
])
def test_what_only_looks_like_one(lang, text):
    assert cues(lang, text) == [], text


# -- dates ---------------------------------------------------------------------------------------
def _dates(lang: str, text: str) -> set[tuple[str, str]]:
    from pipeline.core.models import MODELS_DIR  # the shipped models folder
    from pipeline.nlp.datenorm import DateGrammar
    folder = MODELS_DIR / lang
    grammar = DateGrammar(folder / "patterns" / "dates.jsonl", folder / "patterns" / "references.jsonl",
                          folder / "gazetteers" / "date_words.tsv")
    return {(d.start_iso, d.end_iso) for d in grammar.find_dates(text)}


@needs_parallel
def test_a_plan_for_a_period_is_a_date_but_a_plan_named_by_its_years_is_not():
    """'un plan national pour 2012-2017' (English 'for the period 2012 - 2017'): the period; 'le plan
    stratégique 2022-2025' stays the name of a plan."""
    line = parallel_line("fr", "La Commission a établi un plan national pour 2012-2017")
    assert ("2012", "2017") in _dates("fr", line)
    assert _dates("fr", "Le plan stratégique 2022-2025 a été adopté.") == set()
    assert ("2012", "2017") in _dates("es", "La Comisión elaboró un plan nacional para 2012-2017.")


@needs_parallel
def test_two_months_with_the_preposition_repeated_are_one_range():
    """French repeats the preposition in a coordination: 'en mars et en avril 2014' is English
    'in March and April 2014' (one range), not 'avril 2014' alone."""
    line = parallel_line("fr", "ont été rejetées en mars et en avril 2014")
    assert ("2014-03", "2014-04") in _dates("fr", line)
    assert ("2014-03", "2014-04") in _dates("es", "Se rechazaron en marzo y en abril de 2014.")
