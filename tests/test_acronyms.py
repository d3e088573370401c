"""unnotes_acronyms: Schwartz & Hearst (2003) definitions plus organization
names whose acronym comes from another language."""

import pytest

from pipeline.nlp.acronyms import SOURCE, find_abbreviations, find_best_long_form, is_short_form
from tests.conftest import orgs_pipeline
from pipeline.nlp.common import CANDIDATES


@pytest.fixture(scope="module")
def nlp():
    return orgs_pipeline()


def from_acronyms(doc):
    return [(s.text, s.kb_id_) for s in doc.spans.get(CANDIDATES, []) if s.id_ == SOURCE]


def test_find_best_long_form_is_the_shortest_matching_suffix():
    assert find_best_long_form("HMM", "a model called the hidden Markov model") == "hidden Markov model"
    assert find_best_long_form("WMD", "the spread of weapons of mass destruction") == "weapons of mass destruction"
    assert find_best_long_form("XYZ", "nothing here matches") is None


@pytest.mark.parametrize("text, ok", [
    ("SICA", True), ("LiREC", True), ("CITS/UGA", True), ("UN-Habitat", True),
    ("a", False), ("iv", False), ("2004", False), ("E", False), ("see annex", False),
    ("S/2025/149", False), ("Peru", False), ("many words in here", False),
])
def test_is_short_form(text, ok):
    assert is_short_form(text, {"see annex", "e"}) is ok


def test_sica_spanish_acronym_of_an_english_name(nlp):
    doc = nlp("the Central American Integration System (SICA) and CARICOM. SICA will report.")
    assert doc._.acronyms["SICA"] == "Central American Integration System"
    assert [t for t, _ in from_acronyms(doc)] == ["Central American Integration System", "SICA", "SICA"]


def test_lirec_long_form_is_the_whole_name_not_the_sh_suffix(nlp):
    doc = nlp("its UN Regional Center for Peace, Disarmament and Development in Latin America (LiREC) helped.")
    assert doc._.acronyms["LiREC"] == "UN Regional Center for Peace, Disarmament and Development in Latin America"
    assert ("LiREC", "United Nations Regional Centre for Peace, Disarmament and Development in Latin America and "
                     "the Caribbean") in from_acronyms(doc)


def test_compound_short_form_is_read_part_by_part(nlp):
    doc = nlp("the Center for International Trade and Security of the University of Georgia (CITS/UGA) and VERTIC")
    assert doc._.acronyms["CITS/UGA"].startswith("Center for International Trade")
    assert set(from_acronyms(doc)) == {
        ("Center for International Trade and Security of the University of Georgia",
         "Center for International Trade and Security of the University of Georgia"),
        ("CITS", "Center for International Trade and Security of the University of Georgia"),
        ("UGA", "University of Georgia")}


def test_unknown_org_defined_in_text_is_named_as_written(nlp):
    doc = nlp("The Association des Femmes Juristes (AFJ) spoke. Later AFJ asked for funds.")
    assert from_acronyms(doc) == [("Association des Femmes Juristes", "Association des Femmes Juristes")] + \
        [("AFJ", "Association des Femmes Juristes")] * 2


def test_acronym_before_long_form_in_parentheses(nlp):
    doc = nlp("UNAMA (United Nations Assistance Mission in Afghanistan) reported.")
    assert doc._.acronyms == {"UNAMA": "United Nations Assistance Mission in Afghanistan"}


def test_non_org_definition_is_recorded_but_not_an_org(nlp):
    doc = nlp("the spread of weapons of mass destruction (WMD) worries WMD experts")
    assert doc._.acronyms == {"WMD": "weapons of mass destruction"}
    assert from_acronyms(doc) == []


@pytest.mark.parametrize("text", [
    "resolution 1540 (2004) was adopted",
    "the options are (a) to act and (b) to wait",
    "the text (see annex) is long",
    "as reported in Security Council document (S/2025/149) last week",
    "the English version (E) only",
])
def test_parentheses_that_define_nothing(nlp, text):
    assert find_abbreviations(nlp(text)) == []


def test_acronyms_defined_in_an_earlier_chunk_carry_over():
    """findings.py seeds doc._.acronyms with earlier chunks' definitions; the
    component used to replace the dict, so they were lost."""
    nlp = orgs_pipeline()
    doc = nlp.make_doc("Delegates met again.")
    doc._.acronyms = {"CITS": "Center for International Trade and Security"}
    doc = nlp.get_pipe("unnotes_acronyms")(doc)
    assert doc._.acronyms == {"CITS": "Center for International Trade and Security"}
    doc = nlp.make_doc("The Central American Integration System (SICA) met.")
    doc._.acronyms = {"SICA": "an earlier long form", "CITS": "Center for International Trade and Security"}
    for name in nlp.pipe_names:
        doc = nlp.get_pipe(name)(doc)
    assert doc._.acronyms == {"SICA": "Central American Integration System",  # this chunk's own definition wins
                              "CITS": "Center for International Trade and Security"}
