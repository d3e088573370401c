"""Organizations, seventh round: the items of participants lists (pipeline/nlp/org_lists.py), bodies
of a known body, and names that are no body (a State's programme, a period, an administrative area)."""

import pytest

from tests.conftest import REAL, orgs_pipeline
from tests.test_orgs import found

TPNW = REAL / "aiun__TPNW_MSP_2025_11.en.pdf"


@pytest.fixture(scope="module")
def nlp():
    return orgs_pipeline()


def org_norms(findings: dict) -> set[str]:
    return {m["norm"] for m in findings["mentions"] if m["label"] == "ORG"}


def test_enumerated_ngo_annex_items_are_organizations_without_a_head_noun(analysed):
    # TPNW/MSP/2025/11, annexes I and II: 163 NGOs numbered "1. ...*", some two to a line
    norms = org_norms(analysed(TPNW))
    for name in ("Peace Boat", "Mayors for Peace", "Mines Action Canada", "Human Rights Now", "beHuman",
                 "RealistRevolt", "80,000 Voices", "GeNuine", "Blue Banner", "Secure Scotland",
                 "Cultural Youth Movement Education Foundation", "Nukewatch, The Progressive Foundation"):
        assert name in norms, name


def test_annex_item_gives_no_rows_for_the_parts_the_rules_read_in_it(analysed):
    norms = org_norms(analysed(TPNW))
    # the named-body pattern's readings inside one item ("... Movement Education Foundation",
    # "Aalem for Orphan and Vulnerable Children, Inc.", "University of Hamburg, Institute of Geography")
    for part in ("Cultural Youth Movement", "Education Foundation", "Vulnerable Children, Inc",
                 "Institute of Geography", "Progressive Foundation", "Timbuktu Center For Strategic Studies"):
        assert part not in norms, part


def test_numbered_paragraphs_and_the_agenda_are_no_list_of_bodies(analysed):
    norms = org_norms(analysed(TPNW))
    # the agenda ("1. Opening of the Meeting.") and the report's numbered paragraphs stay prose
    assert not {n for n in norms if n.startswith(("Opening of", "Election of", "Adoption of"))}


def test_enumerated_list_of_states_gives_no_organizations(nlp):
    doc = nlp("The following States attended:\n\n1. Angola\n\n2. Benin\n\n3. Cameroon\n\n4. Chad\n\n5. Congo\n")
    assert found(doc) == []


def test_enumerated_list_with_most_items_named_by_a_head_noun_takes_the_others(nlp):
    text = ("1. Arms Control Association\n\n2. Peace Boat\n\n3. International Peace Bureau\n\n"
            "4. Union of Concerned Scientists\n\n5. Secure Scotland\n")
    assert {n for _, n in found(nlp(text))} == {"Arms Control Association", "Peace Boat", "International Peace Bureau",
                                               "Union of Concerned Scientists", "Secure Scotland"}


def test_enumerated_list_without_heading_or_head_nouns_is_no_list_of_bodies(nlp):
    text = "1. Peace Boat\n\n2. Secure Scotland\n\n3. Blue Banner\n\n4. Still Glowing\n"
    assert found(nlp(text)) == []


def test_heading_that_names_bodies_opens_a_list_that_a_heading_of_states_ends(nlp):
    text = ("Non-governmental organizations\n\nPeace Boat\n\nMayors for Peace\n\nMines Action Canada\n\n"
            "Observer States\n\nHoly See\n\nBlue Banner\n")
    names = {n for _, n in found(nlp(text))}
    assert {"Peace Boat", "Mayors for Peace", "Mines Action Canada"} <= names
    assert "Blue Banner" not in names and "Holy See" not in names


def test_heading_list_leaves_out_persons_and_ends_at_prose(nlp):
    text = ("Observers\n\nPeace Boat\n\nMs. Jane Doe\n\nMayors for Peace\n")
    names = {n for _, n in found(nlp(text))}
    assert "Peace Boat" in names
    assert not {n for n in names if "Jane" in n}
    assert "Mayors for Peace" not in names   # the list ended at the person's line


def test_a_unit_named_before_a_known_body_is_a_body_of_its_own(nlp):
    doc = nlp("the Regional Office of the High Commissioner for Human Rights for the Pacific, based in Suva")
    assert ("Regional Office of the High Commissioner for Human Rights for the Pacific",
            "Regional Office of the High Commissioner for Human Rights for the Pacific") in found(doc)


@pytest.mark.parametrize("text", [
    "Roma women in the National Programme of Measures for Roma for the period 2021-2030.",   # svnupr g1504261
    "the eligible States Party delegates",
    "the establishment of the Trust Fund",
    "the delegate of the North Department, Wilbert Joseph",                                 # S/2005/302
])
def test_names_that_are_no_body(nlp, text):
    assert found(nlp(text)) == []


def test_a_period_with_an_acronym_is_no_body(nlp):
    doc = nlp("held in the International Year of Deserts and Desertification (IYDD), in the spirit of IYDD.")
    assert found(doc) == []


def test_real_report_programmes_and_areas(analysed):
    from tests.conftest import need

    roma = org_norms(analysed(need(REAL / "svnupr__g1504261.pdf")))
    assert not {n for n in roma if n.startswith("National Programme")}
    haiti = org_norms(analysed(need(REAL / "pact__MINUSTAH_S_2005_302.pdf")))
    assert "North Department" not in haiti and "Haitian National Police" in haiti


def test_a_unit_of_one_body_in_a_sentence_list_and_a_joint_board_on_a_masthead_line(nlp):
    # TPNW/MSP/2025/11 paragraph 15: the unit is the Preparatory Commission's
    doc = nlp("Representatives of the United Nations, the Provisional Technical Secretariat of the Preparatory "
              "Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization, the International Committee "
              "of the Red Cross attended.")
    assert "Provisional Technical Secretariat of the Preparatory Commission for the Comprehensive Nuclear-Test-Ban " \
           "Treaty Organization" in {n for _, n in found(doc)}
    # the DP/OPS mastheads: the Executive Board is the three bodies', not UNDP's alone
    doc = nlp("Distr.: General\n\nExecutive Board of the United Nations Development Programme, the United Nations "
              "Population Fund and the United Nations Office for Project Services\n\nSecond regular session")
    assert "Executive Board of the United Nations Development Programme" not in {n for _, n in found(doc)}
