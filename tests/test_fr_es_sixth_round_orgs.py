"""French and Spanish organizations, sixth round of issue 11, on real sentences of the UN
Parallel Corpus sample (../shared/corpus/parallel: the same sentence in English, French and
Spanish). Each case is a line found by a distinctive phrase; the English version of the same
line names the body that French and Spanish should agree with:

- a name kept in English in a French or Spanish note ("La Planned Parenthood Federation of
  America (PPFA)") is read with its English head noun and prepositions (the English words
  of models/{fr,es}/patterns/org_filters.jsonl), and its acronym is defined;
- bodies of the shared gazetteer get their UNTERM French/Spanish names (the Global Service
  Centre, Al-Qaida in the Arabian Peninsula, the OECD's name in UN documents);
- "des Nations Unies" / "de l'ONU", "de las Naciones Unidas" / "de la ONU" and "ONU-" / "ONU "
  are spelling variants of every alias;
- bodies the shared gazetteer does not list, under the name English notes give them, known in
  French or Spanish only (the National Coalition of Syrian Revolution and Opposition Forces,
  the Governing Council as "Consejo de Administración")."""

from __future__ import annotations

import pytest

from pipeline.nlp.build import build_nlp
from tests.test_fr_es_agreement import needs_parallel, parallel_line  # the shared helpers


def orgs_of(lang: str, text: str) -> dict[str, str]:
    """{canonical name: text as written} of the ORG entities of `text`."""
    return {e.kb_id_: e.text for e in build_nlp(lang)(text).ents if e.label_ == "ORG"}


def acronyms_of(lang: str, text: str) -> dict[str, str]:
    return build_nlp(lang)(text)._.acronyms or {}


@needs_parallel
@pytest.mark.parametrize("lang,phrase,name", [
    ("fr", "La Planned Parenthood Federation of America (PPFA)", "Planned Parenthood Federation of America"),
    ("es", "Planned Parenthood Federation of America (PPFA) se complace", "Planned Parenthood Federation of America"),
    ("es", "La Women's Global Network for Reproductive Rights", "Women's Global Network for Reproductive Rights"),
    ("fr", "AWAZ Centre for Development Services (AWAZCDS-Pakistan) et", "AWAZ Centre for Development Services"),
    ("fr", "l'American Samoa Territorial Office of Fiscal Reform", "American Samoa Territorial Office of Fiscal Reform"),
])
def test_a_name_kept_in_english_is_read_as_in_english(lang, phrase, name):
    line = parallel_line(lang, phrase)
    assert name in orgs_of(lang, line), (line, orgs_of(lang, line))


@needs_parallel
@pytest.mark.parametrize("lang,phrase", [
    ("fr", "La Planned Parenthood Federation of America (PPFA)"),
    ("es", "Planned Parenthood Federation of America (PPFA) se complace"),
])
def test_an_english_acronym_defined_in_a_french_or_spanish_note_gets_its_long_form(lang, phrase):
    line = parallel_line(lang, phrase)
    assert acronyms_of(lang, line).get("PPFA") == "Planned Parenthood Federation of America"


@needs_parallel
@pytest.mark.parametrize("lang,phrase,name", [
    ("fr", "au Centre de services mondial de l'ONU", "United Nations Global Service Centre"),
    ("es", "en el Centro Mundial de Servicios de las Naciones Unidas", "United Nations Global Service Centre"),
    ("fr", "Al-Qaida dans la péninsule arabique", "Al-Qaida in the Arabian Peninsula"),
    ("es", "Al-Qaida en la Península Arábiga (AQPA)", "Al-Qaida in the Arabian Peninsula"),
    ("es", "de la Organización de Cooperación y Desarrollo Económicos", "Organisation for Economic Co-operation and Development"),
    ("es", "Directora Ejecutiva de ONU Mujeres", "United Nations Entity for Gender Equality and the Empowerment of Women"),
    ("fr", "Coalition nationale des forces de la révolution et de l'opposition syriennes",
     "National Coalition of Syrian Revolution and Opposition Forces"),
    ("es", "Coalición Nacional de las Fuerzas de la Revolución y la Oposición Sirias",
     "National Coalition of Syrian Revolution and Opposition Forces"),
    ("es", "Preparar los períodos de sesiones del Consejo de Administración", "Governing Council"),
])
def test_the_body_gets_the_name_english_gives_it(lang, phrase, name):
    line = parallel_line(lang, phrase)
    assert name in orgs_of(lang, line), (line, orgs_of(lang, line))


@pytest.mark.parametrize("lang,texts,name", [
    ("fr", ["Le Centre de services mondial des Nations Unies a fourni un appui.",
            "Le Centre de services mondial de l'ONU a fourni un appui.",
            "Le Centre de services mondial de l’ONU a fourni un appui."], "United Nations Global Service Centre"),
    ("es", ["El Centro Mundial de Servicios de las Naciones Unidas prestó apoyo.",
            "El Centro Mundial de Servicios de la ONU prestó apoyo."], "United Nations Global Service Centre"),
    ("fr", ["ONU-Femmes a présenté son rapport.", "ONU Femmes a présenté son rapport."],
     "United Nations Entity for Gender Equality and the Empowerment of Women"),
    ("es", ["ONU-Mujeres presentó su informe.", "ONU Mujeres presentó su informe."],
     "United Nations Entity for Gender Equality and the Empowerment of Women"),
])
def test_united_nations_spelling_variants(lang, texts, name):
    for text in texts:
        assert name in orgs_of(lang, text), (text, orgs_of(lang, text))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le délai était court et le Groupe a examiné la question."),
    ("es", "La Junta Ejecutiva aprobó el presupuesto."),
])
def test_the_english_words_do_not_change_french_or_spanish_names(lang, text):
    """An English head noun never names a body in the language's own words: "court" is a French
    adjective, and the Executive Board stays the "Junta Ejecutiva", not the Governing Council."""
    names = orgs_of(lang, text)
    assert "Governing Council" not in names and not any("court" in t for t in names.values()), names


def test_english_does_not_know_the_spanish_local_bodies():
    names = orgs_of("en", "The Consejo de Administración met in Nairobi.")
    assert "Governing Council" not in names, names
