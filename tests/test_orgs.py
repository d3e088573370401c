"""unnotes_orgs: the organization gazetteer, the named-body pattern and the
sanity filters for the statistical model's ORG entities."""

import json
from pathlib import Path

import pytest
import spacy

from pipeline.nlp import named_bodies, orgs
from tests.conftest import orgs_pipeline
from pipeline.nlp.common import CANDIDATES
from pipeline.core.errors import ModelDataError

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"


@pytest.fixture(scope="module")
def nlp():
    return orgs_pipeline()


def found(doc):
    """(text, norm) of the non-overlapping candidates, longest first (what unnotes_resolve keeps)."""
    taken, out = [False] * len(doc), []
    for s in sorted(doc.spans.get(CANDIDATES, []), key=lambda s: (s.start - s.end, s.start)):
        if not any(taken[s.start:s.end]):
            taken[s.start:s.end] = [True] * (s.end - s.start)
            out.append((s.text, s.kb_id_))
    return out


def test_acronym_matches_only_in_capitals(nlp):
    assert ("WHO", "World Health Organization") in found(nlp("Experts from WHO attended."))
    assert found(nlp("Delegates who attended spoke.")) == []


def test_long_name_matches_in_any_case(nlp):
    doc = nlp("the INTERNATIONAL ATOMIC ENERGY AGENCY and the international atomic energy agency")
    assert [n for _, n in found(doc)] == ["International Atomic Energy Agency"] * 2


def test_united_nations_alone_is_an_org(nlp):
    assert found(nlp("The United Nations welcomed it.")) == [("United Nations", "United Nations")]


def test_united_nations_inside_a_longer_name_is_only_the_longer_name(nlp):
    assert found(nlp("The United Nations Office for Disarmament Affairs organized it.")) == [
        ("United Nations Office for Disarmament Affairs", "United Nations Office for Disarmament Affairs")]


def test_un_prefix_variant_of_a_united_nations_name(nlp):
    assert [n for _, n in found(nlp("UN Office on Drugs and Crime"))] == ["United Nations Office on Drugs and Crime"]


def test_security_council_forms_are_one_org(nlp):
    names = {n for _, n in found(nlp("the UN Security Council, the Security Council and the UNSC"))}
    assert names == {"Security Council"}


def test_glued_article_before_number(nlp):
    assert ("the1540 Committee", "Security Council Committee established pursuant to resolution 1540 (2004)") \
        in found(nlp("remarks by the OAS, the1540 Committee and the UNODA"))


def test_acronym_inside_a_document_symbol_is_not_a_mention(nlp):
    assert found(nlp("See document A/HRC/14/37 and OP-CAT.")) == []


def test_named_body_pattern_finds_unknown_bodies(nlp):
    doc = nlp("The Scientific Advisory Group reported. The Committee and the Working Group met.")
    # the gazetteer's canonical name is the body's own (issue 12: "Scientific Advisory Group (SAG)")
    assert found(doc) == [("Scientific Advisory Group", "Scientific Advisory Group")]
    doc = nlp("The Informal Expert Network on Water Security met. The Programme of Action was adopted.")
    assert found(doc) == [("Informal Expert Network on Water Security", "Informal Expert Network on Water Security")]


def test_lookup_org_and_acronym():
    assert orgs.lookup_org("the UNODA") == ("United Nations Office for Disarmament Affairs", "UNODA")
    assert orgs.lookup_org("UN Regional Center for Peace, Disarmament and Development in Latin America")[1] == "UNLIREC"
    assert orgs.lookup_org("Ministry of Magic") is None
    assert orgs.org_acronym("Organization of American States") == "OAS"
    assert orgs.org_acronym("Human Rights Watch") == "HRW"


@pytest.mark.parametrize("text, expected", [
    ("the Center for Strategic Studies", "Center for Strategic Studies"),
    ("Columbia University", "Columbia University"),
    ("Group of Experts", "Group of Experts"),
    ("M23", "M23"),
    ("Committee", None),
    ("the Commission", None),
    ("Secretariat", None),
    ("Member States", None),
    ("Co-Chairs", None),
    ("the United States Government", None),
    ("Government of Peru", None),
    ("Secretary-General", None),
    ("President of the Security Council", None),
    ("Special Rapporteur on torture", None),
    ("Arria-formula meeting", None),
    ("the Meeting", None),
    ("High-level Conference", None),
    ("2030 Agenda", None),
    ("Charter", None),
    ("Convention on the Rights of the Child", None),
    ("Treaty on the Prohibition of Nuclear Weapons", None),
    ("Declaration", None),
    ("the Committee on", None),
    ("Office of the (Special", None),
    ("Council\nmembers", None),
    ("programmes", None),
    ("2025", None),
    ("S/2025/149", None),
    ("P-4", None),
    ("United Nations Office of the Special Envoy of the Secretary-General for the Great Lakes Region of Africa "
     "and the Horn", None),
])
def test_clean_model_org(text, expected):
    assert orgs.clean_model_org(text) == expected


def test_gazetteer_error_names_file_and_line(tmp_path):
    path = tmp_path / "orgs.tsv"
    path.write_text("name\tacronym\taliases\tkind\nAfrican Union\tAU\t\tregional\nFoo\t\t\tplanet\n", encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"orgs.tsv line 3: expected kind .* got 'planet'"):
        orgs.OrgGazetteer(path)


def test_gazetteer_error_on_alias_naming_two_orgs(tmp_path):
    path = tmp_path / "orgs.tsv"
    path.write_text("name\tacronym\taliases\tkind\nAfrican Union\tAU\t\tregional\nAustralia Unit\tAU\t\tother\n",
                    encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"line 3: expected 'AU' to name one organization, got it also on line 2"):
        orgs.OrgGazetteer(path)


def test_filters_error_names_file_and_line(tmp_path):
    path = tmp_path / "org_filters.jsonl"
    path.write_text('{"kind": "generic", "values": ["committee"]}\n{"kind": "colour", "values": []}\n', encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"org_filters.jsonl line 2: expected 'kind' one of .* got 'colour'"):
        orgs.load_filters(path)


def test_shipped_gazetteer_is_large_and_valid():
    gazetteer = orgs.OrgGazetteer()
    assert len(gazetteer.orgs) >= 400
    assert {o.kind for o in gazetteer.orgs} == orgs.KINDS


@pytest.mark.skipif(not (SEED / "lima-2010-information-note.txt").exists(), reason="seed corpus not in ../shared")
def test_seed_note_finds_every_required_org(nlp):
    gold = json.loads((SEED / "lima-2010-information-note.gold.json").read_text(encoding="utf-8"))
    doc = nlp((SEED / "lima-2010-information-note.txt").read_text(encoding="utf-8"))
    predicted = set()
    for _, norm in found(doc):
        predicted |= {orgs.norm_key(norm), orgs.norm_key(orgs.org_acronym(norm))} - {""}
    missing = [g for g in gold["orgs"]["required"] if not predicted & {orgs.norm_key(a) for a in g}]
    assert missing == []
    allowed = [{orgs.norm_key(a) for a in g} for g in gold["orgs"]["required"] + gold["orgs"]["optional"]]
    wrong = [n for _, n in found(doc) if not any(({orgs.norm_key(n), orgs.norm_key(orgs.org_acronym(n))} - {""}) & g
                                              for g in allowed)]
    assert wrong == []


def test_pronoun_i_does_not_stall_the_named_body_scan(nlp):
    # regression: a capitalised "I" that ends no run once looped forever
    assert found(nlp("I have the honour to inform you. I would appreciate it.")) == []


def test_model_org_cut_from_a_treaty_name_is_dropped_but_not_after_a_title():
    doc = spacy.blank("en")("the Treaty on the Non-Proliferation of Nuclear Weapons and the Director of the National Penitentiary")
    assert orgs.clean_model_org(doc[4:10]) is None           # Non-Proliferation of Nuclear Weapons
    assert orgs.clean_model_org(doc[14:17]) == "National Penitentiary"


@pytest.mark.parametrize("text", ["Gonaïves", "Bel-Air", "Interior", "I. Introduction 1"])
def test_model_one_word_places_and_headings_are_dropped(text):
    assert orgs.clean_model_org(text) is None


@pytest.mark.parametrize("text", ["Challenges and Priorities", "Rodion Miroshnik", "Protection of Civilians",
                                  "Future of Peacekeeping"])
def test_model_multiword_org_without_a_body_noun_is_dropped(text):
    assert orgs.clean_model_org(text) is None


@pytest.mark.parametrize("text, kept", [("Brian Urquhart Center for Peace Operations", "Brian Urquhart Center for Peace Operations"),
                                        ("Movimiento Nacional Revolucionario", "Movimiento Nacional Revolucionario"),
                                        ("Human Rights Ombudsman in Slovenia", "Human Rights Ombudsman")])
def test_model_org_naming_a_body_is_kept_and_a_trailing_state_goes_to_its_own_mention(text, kept):
    assert orgs.clean_model_org(text) == kept


@pytest.mark.parametrize("text, found", [
    ("Talks in the West Bank resumed.", []),
    ("The Twelfth Forum opened.", []),
    ("The Trust Fund was replenished.", []),
    ("The Group of Experts met.", ["Group of Experts"]),
    ("the Asia-Pacific Forum on Sustainable Development, Ms. Beena Pallical, said", ["Forum on Sustainable Development"]),
])
def test_named_bodies_need_a_naming_word_and_stop_before_a_person(text, found):
    doc = spacy.blank("en")(text)
    names = [doc[a:b].text for a, b in named_bodies.find_named_bodies(doc, orgs.default_knowledge().filters)]
    for name in found:
        assert any(name in n for n in names), names
    assert not any("Pallical" in n or n in ("West Bank", "Twelfth Forum", "Trust Fund") for n in names)
