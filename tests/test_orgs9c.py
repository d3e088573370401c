"""One body, one row (branch orgs9c, issue 12): a short form written before the note names the
longer body it shortens is a body of its own; a bare class word ("the Secretariat") written before
the note names the one body of its class stays the gazetteer's; a row shows the acronym the note
defines for a body rather than the gazetteer's. Sentences quoted from ../shared documents."""

import pytest

from pipeline.findings import analyse
from pipeline.nlp.build import build_nlp
from pipeline.tables import org_rows
from tests.test_org_links import note_of   # one paragraph a block, as test_org_links reads notes


@pytest.fixture(scope="module")
def nlp():
    return build_nlp("en")




def rows(nlp, text: str) -> dict[str, str]:
    found = analyse(note_of(text), nlp)
    mentions = [{**m, "document": "x", "page": 1} for m in found["mentions"]]
    return {r["name"]: r["acronym"] for r in org_rows(mentions)}


# DP/2025/13, paragraphs a page apart: two States' police academies
POLICE = ("In Trinidad and Tobago, UNDP collaborated with the Police Academy on policing, training over "
          "600 officers and increasing reporting at police stations.\n\n"
          "UNDP strengthened police capacities to respond to technology-facilitated violence against women in "
          "Bosnia and Herzegovina, Côte d’Ivoire, Indonesia and North Macedonia, working in partnership with "
          "the Korean National Police Academy.")


def test_short_form_before_the_full_name_is_a_body_of_its_own(nlp):
    names = rows(nlp, POLICE)
    assert "Police Academy" in names and "Korean National Police Academy" in names


def test_short_form_after_the_full_name_is_still_linked(nlp):
    second, first = POLICE.split("\n\n")
    names = rows(nlp, first + "\n\n" + second)
    assert "Korean National Police Academy" in names and "Police Academy" not in names


# S/2005/310 (UNMISET), pages 5 and 9
SECRETARIAT = ("In its resolution 1599 (2005), the Security Council underlined the need for the Secretariat, in "
               "agreement with Timor-Leste authorities, to preserve a complete copy of all the records compiled by "
               "the Serious Crimes Unit.\n\n"
               "The inter-agency programme, the Skills Training for Gainful Employment Programme, continued to "
               "assist the Secretariat of State for Labour and Solidarity in strengthening the capacity of rural "
               "and urban training providers and to empower communities through the provision of skills, "
               "microenterprise development and startup support.")


def test_bare_secretariat_before_a_national_secretariat_is_the_un_secretariat(nlp):
    names = rows(nlp, SECRETARIAT)
    assert "United Nations Secretariat" in names
    assert "Secretariat of State for Labour and Solidarity" in names


def test_row_shows_the_acronym_the_note_defines(nlp):
    # DP/FPA/2025/11: the gazetteer knows the office as "DCO"
    text = ("In this first year of implementation of the funding compact 2.0, UNFPA has been actively engaged "
            "with the United Nations Development Coordination Office (UNDCO) and United Nations development "
            "system entities to discuss concrete efforts for meaningful change in the funding and functioning "
            "of the United Nations system.\n\n"
            "This will be done in coordination with UNDCO and other United Nations entities, in particular the "
            "funds and programmes, to encourage consistency in approach.")
    names = rows(nlp, text)
    assert "UNDCO" in names.values()


def test_row_shows_the_acronym_the_note_writes_for_a_known_body(nlp):
    # S/2015/138 (parallel notes): the gazetteer's acronym for the body is "DSS", never written here
    text = ("The Advance Team established contacts with representatives of UNDSS Syria, including the DO and "
            "the CSA, immediately upon arrival in Damascus, and engaged in a regular close consultation process "
            "with the UNDSS on all matters related to security and safety of the FFM, including through the "
            "designated FFM Security Cell.")
    assert "UNDSS" in rows(nlp, text).values()


def test_short_form_dropping_its_owner_is_linked_wherever_it_is_written(nlp):
    # un80 mandate-creation consultations: "the Mandate Registry" pages before "the UN Mandate Registry"
    text = ("Taking these points into account, CARICOM commends the work done on development of the "
            "Mandate Registry.\n\n"
            "Ecuador also welcomes the Secretary General's initiative to establish the UN Mandate Registry as a "
            "tangible step toward transparency.")
    names = rows(nlp, text)
    assert "Mandate Registry" not in names


@pytest.mark.parametrize("text, body, holder", [
    # DP/OPS/2025/6
    ("UNOPS saw growth and highest demand from international financial institutions, particularly the World "
     "Bank Group.\n\nWith funding from the World Bank, the ‘community resilience and livelihoods’ project is "
     "designed to address rural and urban areas through provision of grants for women and the most vulnerable.",
     "World Bank Group", "World Bank"),
    # S/2025/496
    ("Beginning in January, the United Nations Counter-Terrorism Centre, within the Office of Counter-Terrorism, "
     "in collaboration with the International Criminal Police Organization (INTERPOL), enhanced the capabilities "
     "of approximately 170 officials from nine Member States in the investigation of terrorist activity on the "
     "dark web.", "United Nations Counter-Terrorism Centre", "United Nations Office of Counter-Terrorism"),
])
def test_a_body_inside_another_is_a_row_of_its_own(nlp, text, body, holder):
    names = rows(nlp, text)
    assert body in names and holder in names


def test_a_forum_secretariat_is_not_the_forum(nlp):
    # UPR report of Kiribati (2010)
    text = ("Accordingly, Kiribati was supportive of the proposal of the Pacific Islands Forum secretariat, which "
            "was currently looking into the merits of establishing a regional human rights mechanism.")
    assert "Pacific Islands Forum Secretariat" in rows(nlp, text)
