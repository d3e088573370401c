"""French and Spanish rules of the fifth round of issue 11, on real sentences of the UN
Parallel Corpus sample (../shared/corpus/parallel: the same sentence in English, French and
Spanish). Each case is a line found by a distinctive phrase; the English version of the same
line says what French and Spanish should agree with:

- no recommendation where English has none: an operative "Décide que ... devra" (English
  "Decides that ... shall"), "doit inclure" of an agreement ("shall include"), "a fait valoir
  qu'il importait de" ("stressed the importance of"), a hope ("j'espère que ... pourrait"), a
  finding ("Il a été déterminé que ... pourrait être financé", "Se ha determinado que ...
  podría absorberse"), "demander des fonds" ("applied for funds"), a negated subject
  ("Ningún funcionario ... podría", "shall not be eligible");
- one where English has one: "Il exige ... qu'elles mettent fin" / "el Consejo exige que"
  ("demands that"), "Il est donc d'une importance vitale de" / "es de vital importancia"
  ("it is of the utmost importance to");
- organizations: the French and Spanish names of UN bodies of the shared gazetteer get its
  canonical English name; a Spanish name that goes on with capitalised words ("Ministerio de
  Educación, Universidades e Investigación") is not cut to a shorter known one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.nlp.build import build_nlp
from tests.test_fr_es_agreement import cues, needs_parallel, parallel_line  # the shared helpers

REPO = Path(__file__).resolve().parents[1]

_spec = importlib.util.spec_from_file_location("parallel_agreement", REPO / "benchmarks" / "parallel_agreement.py")
parallel_agreement = sys.modules.get("parallel_agreement") or importlib.util.module_from_spec(_spec)
if "parallel_agreement" not in sys.modules:
    sys.modules["parallel_agreement"] = parallel_agreement
    _spec.loader.exec_module(parallel_agreement)

def org_names(lang: str, text: str) -> set[str]:
    return {e.kb_id_ for e in build_nlp(lang)(text).ents if e.label_ == "ORG"}


# Its recommendation cases are in tests/test_fr_es_agreement.py (NOT_RECOMMENDATIONS, RECOMMENDATIONS).


def test_a_body_that_is_only_decided_upon_still_recommends_elsewhere():
    """The 'shall' of 'Décide que' vetoes only 'devra': a 'devrait' in the same sentence
    still proposes."""
    text = "Décide que le mandat devra être prorogé et estime que les États devraient communiquer leurs vues."
    assert cues("fr", text) == ["devraient"]


@needs_parallel
@pytest.mark.parametrize("lang,phrase,name", [
    ("fr", "tactiques de l’Armée nationale libyenne", "Libyan National Army"),
    ("es", "Ejército Nacional Libio", "Libyan National Army"),
])
def test_armed_group_gets_its_english_name(lang, phrase, name):
    line = parallel_line(lang, phrase)
    assert name in org_names(lang, line), line


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Le Groupe d'experts sur la Libye a présenté son rapport final.", "Panel of Experts on Libya"),
    ("es", "El Grupo de Expertos sobre Libia presentó su informe final.", "Panel of Experts on Libya"),
    ("fr", "La Conférence des Parties à la Convention sur la diversité biologique s'est réunie.",
     "Conference of the Parties to the Convention on Biological Diversity"),
    ("es", "La Oficina de Asuntos Militares prestó apoyo.", "Office of Military Affairs"),
])
def test_un_bodies_get_their_canonical_name(lang, text, name):
    assert name in org_names(lang, text)


@needs_parallel
def test_spanish_name_going_on_with_capitalised_words_is_not_cut():
    line = parallel_line("es", "Ministerio de Educación, Universidades e Investigación")
    names = org_names("es", line)
    assert "Ministry of Education" not in names and "Ministry of Foreign Affairs" not in names, names


def test_spanish_short_name_before_an_article_is_kept():
    text = "Las licencias las expide el Ministerio de Finanzas y el Banco Central las regula."
    assert "Ministry of Finance" in org_names("es", text)


def test_capitalised_continuation_is_spanish_only():
    """French capitalises a name's first word only, English every word of the known name
    itself: neither reads 'and' + a capitalised word as more of the name."""
    assert "Ministry of Foreign Affairs" in org_names("fr", "Le Ministère des affaires étrangères et Europol ont signé.")


def test_the_tuning_split_divides_each_half_within_itself():
    """A1/A2 and B1/B2 (the measure's `--split`) split each half by document, never across."""
    ids = [f"2015/a/69/{n}" for n in range(600, 800)]
    quarter, half = parallel_agreement.doc_quarter, parallel_agreement.doc_half
    assert all(quarter(i)[0] == half(i) for i in ids)
    for name in ("A", "B"):
        parts = [quarter(i) for i in ids if half(i) == name]
        assert 0.3 < parts.count(name + "1") / len(parts) < 0.7
    assert [quarter(i) for i in ids] == [quarter(i) for i in ids]
