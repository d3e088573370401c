"""French and Spanish organizations, tenth round of issue 11 (branch fres10).

- A ministry of several portfolios gets the English name English notes give it
  (`org_portfolios`: the portfolios are learnt from the language's own ministry rows, the
  "<Head> of X" order from its rows' English names): "Ministerio de Relaciones Exteriores y
  Cooperación Internacional" -> "Ministry of Foreign Affairs and International Cooperation".
- UN bodies the shared gazetteer lists with no French or Spanish row, and the UN's French/Spanish
  acronyms the rows lacked (a systematic check of orgs.tsv against models/{fr,es}/.../org_aliases.tsv).

Lines of the UN Parallel Corpus sample (../shared/corpus/parallel) whose English line names the body
as the test expects, plain sentences, and the project's French and Spanish sample notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp.build import build_nlp
from tests.test_fr_es_agreement import needs_parallel, parallel_line
from tests.test_fr_es_sixth_round_orgs import orgs_of

CORPUS_PDF = Path(__file__).resolve().parents[1] / "corpus" / "pdf"


@needs_parallel
@pytest.mark.parametrize("lang,phrase,name", [
    ("es", "Ministerio de Educación, Universidades e Investigación", "Ministry of Education, Universities and Research"),
    ("es", "Ministerio de Relaciones Exteriores y Cooperación Internacional",
     "Ministry of Foreign Affairs and International Cooperation"),
    ("fr", "Ministère de l'éducation, des universités et de la recherche", "Ministry of Education, Universities and Research"),
    ("fr", "Ministère des affaires étrangères et de la coopération internationale",
     "Ministry of Foreign Affairs and International Cooperation"),
])
def test_a_ministry_of_several_portfolios_on_parallel_lines(lang, phrase, name):
    line = parallel_line(lang, phrase)
    assert name in orgs_of(lang, line), (line, orgs_of(lang, line))


@pytest.mark.parametrize("lang,text,name", [
    ("es", "El Ministerio de Salud y Desarrollo Social presentó el plan.", "Ministry of Health and Social Development"),
    ("es", "Lo organizó el Ministerio de Agricultura, Ganadería y Pesca.", "Ministry of Agriculture, Livestock and Fisheries"),
    ("fr", "Le Ministère de la justice et des droits de l'homme a présenté le plan.", "Ministry of Justice and Human Rights"),
    ("fr", "Le Ministère de l'agriculture, de l'élevage et de la pêche a organisé l'atelier.",
     "Ministry of Agriculture, Livestock and Fisheries"),
])
def test_a_ministry_of_several_portfolios_in_plain_sentences(lang, text, name):
    assert name in orgs_of(lang, text), orgs_of(lang, text)


@pytest.mark.parametrize("lang,text,names", [
    # two ministries joined by a conjunction stay two
    ("es", "El Ministerio de Salud y el Ministerio de Educación firmaron el acuerdo.",
     {"Ministry of Health", "Ministry of Education"}),
    ("fr", "Le Ministère de la santé et le Ministère de l'éducation ont signé l'accord.",
     {"Ministry of Health", "Ministry of Education"}),
])
def test_two_ministries_stay_two(lang, text, names):
    found = orgs_of(lang, text)
    assert names <= set(found), found
    assert not any(" and " in n for n in found), found


def test_a_single_portfolio_after_the_ministry_is_no_list():
    # "d'un module": no second portfolio follows, the row's ministry stays as it was
    found = orgs_of("fr", "Le Ministère de l'éducation d'un module consacré à l'Holocauste a été ajouté.")
    assert "Ministry of Education" in found, found
    assert not any(" and " in n for n in found), found


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Le DOMP et le DAM ont informé le Comité.", "Department of Peacekeeping Operations"),
    ("fr", "Le DOMP et le DAM ont informé le Comité.", "Department of Field Support"),
    ("fr", "Le BCAH a publié un rapport sur la situation.", "Office for the Coordination of Humanitarian Affairs"),
    ("fr", "Le DAP a présenté un exposé au Conseil.", "Department of Political Affairs"),
    ("es", "El DAAT y el DAP presentaron un informe.", "Department of Field Support"),
    ("es", "El DAAT y el DAP presentaron un informe.", "Department of Political Affairs"),
    ("es", "La JJE aprobó el marco estratégico.", "United Nations System Chief Executives Board for Coordination"),
])
def test_the_un_french_and_spanish_acronyms(lang, text, name):
    assert name in orgs_of(lang, text), orgs_of(lang, text)


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "La Commission d'indemnisation des Nations Unies a versé les montants.", "United Nations Compensation Commission"),
    ("es", "La Comisión de Indemnización de las Naciones Unidas pagó las indemnizaciones.",
     "United Nations Compensation Commission"),
    ("fr", "Le Groupe de la Banque mondiale a financé le projet.", "World Bank Group"),
    ("es", "El Grupo del Banco Mundial financió el proyecto.", "World Bank Group"),
    ("fr", "Le Centre international de recherche sur le cancer (CIRC) a classé la substance.",
     "International Agency for Research on Cancer"),
    ("es", "El Centro de las Naciones Unidas contra el Terrorismo organizó el taller.", "United Nations Counter-Terrorism Centre"),
])
def test_un_bodies_with_no_french_or_spanish_row_before(lang, text, name):
    assert name in orgs_of(lang, text), orgs_of(lang, text)


@pytest.mark.parametrize("pdf,lang", [("note-information-dakar.pdf", "fr"), ("resumen-presidencia-s-2031-456.pdf", "es")])
def test_the_sample_notes_name_no_ministry_list_and_keep_their_bodies(pdf, lang):
    """The project's French and Spanish sample notes: the "Ministre des affaires étrangères du Sénégal"
    is a minister, not a ministry of several portfolios; their listed bodies are still found (guard;
    passes on the start commit too)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(CORPUS_PDF / pdf) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    found = {e.kb_id_ for e in build_nlp(lang)(text).ents if e.label_ == "ORG"}
    assert not any(n.startswith("Ministry of") and " and " in n for n in found), found
    expected = ({"United Nations Regional Centre for Peace and Disarmament in Africa", "African Union"} if lang == "fr"
                else {"Central American Integration System", "Organization of American States"})
    assert expected <= found, found
