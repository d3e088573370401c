"""State mentions: the generated gazetteer, the `unnotes_states` component, its
context rules, `lookup_state` and `state_role`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy

from pipeline.core.errors import ModelDataError
from pipeline.core.datafiles import read_tsv
from pipeline.nlp.common import CANDIDATES
from pipeline.nlp.states import StateMatcher, load_context, load_gazetteer, lookup_state, state_role

from conftest import REAL, REPO, SEED, need

GAZ = REPO / "models" / "en" / "gazetteers"
SHARED = REPO / "models" / "shared" / "gazetteers"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("unnotes_states")
    return nlp


def found(nlp, text: str, issue_year: int | None = None) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.issue_year = issue_year
    doc = nlp(doc)
    return [(" ".join(s.text.split()), s.kb_id_) for s in doc.spans.get("candidates", [])]


def codes(nlp, text: str, **kw) -> set[str]:
    return {iso for _, iso in found(nlp, text, **kw)}


# -- the generated gazetteer ---------------------------------------------------------

def test_gazetteer_covers_all_member_and_observer_states():
    forms = load_gazetteer(GAZ / "states.tsv")
    current = {f.iso3 for f in forms if f.kind != "former"}
    assert len(current) == 195
    members = {row["iso3"] for _, row in read_tsv(SHARED / "un_members.tsv", ["iso3", "status", "un_name"])
               if row["status"] in ("member", "observer")}
    assert current == members and {"VAT", "PSE"} <= current
    assert {"SUN", "YUG", "CSK"} <= {f.iso3 for f in forms if f.kind == "former"}


def test_gazetteer_has_no_territories():
    names = {f.name for f in load_gazetteer(GAZ / "states.tsv")}
    for territory in ("Gibraltar", "New Caledonia", "Puerto Rico", "Greenland", "Hong Kong", "Taiwan",
                      "Western Sahara", "American Samoa"):
        assert territory not in names
    assert lookup_state("Gibraltar") is None and lookup_state("Puerto Rico") is None


def test_gazetteer_header_documents_the_format():
    first = (GAZ / "states.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert first[0].startswith("#") and "Columns: iso3" in " ".join(first)


def _build_module():
    spec = importlib.util.spec_from_file_location("build_state_gazetteer", REPO / "scripts" / "build_state_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the script is loaded
    module = sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_generated_file_is_up_to_date(tmp_path):
    out = tmp_path / "states.tsv"
    assert _build_module().main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (GAZ / "states.tsv").read_text(encoding="utf-8")


def models_with_extra(tmp_path, extra: str):
    """A models/ folder with the shipped un_members.tsv and `extra` as en's states_extra.tsv."""
    models = tmp_path / "models"
    (models / "shared" / "gazetteers").mkdir(parents=True)
    (models / "en" / "gazetteers").mkdir(parents=True)
    (models / "shared" / "gazetteers" / "un_members.tsv").write_text(
        (SHARED / "un_members.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    (models / "en" / "gazetteers" / "states_extra.tsv").write_text(extra, encoding="utf-8")
    return models


def test_build_names_file_and_line_of_a_bad_extra_row(tmp_path, capsys):
    models = models_with_extra(tmp_path, "# comment\niso3\tname\tkind\nPER\tPeruvian\tadjective\nXXX\tAtlantis\tcommon\n")
    assert _build_module().main(["--models", str(models)]) == 1
    err = capsys.readouterr().err
    assert "states_extra.tsv line 4" in err and "XXX" in err


def test_build_refuses_a_name_claimed_by_two_states(tmp_path):
    models = models_with_extra(tmp_path, "iso3\tname\tkind\nKOR\tKorean\tadjective\nPRK\tKorean\tadjective\n")
    with pytest.raises(ModelDataError, match="line 3.*'Korean'.*PRK.*KOR"):
        _build_module().build(models)


def test_bad_data_files_name_file_and_line(tmp_path):
    gaz = tmp_path / "states.tsv"
    gaz.write_text("# c\niso3\tname\tkind\nPER\tPeru\tshort\nPER\tPeruvian\tdemonym\n", encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"states\.tsv line 4: expected kind"):
        load_gazetteer(gaz)
    ctx = tmp_path / "ctx.jsonl"
    ctx.write_text('// c\n{"id": "a", "rule": "reject_next", "words": ["City"]}\n'
                   '{"id": "b", "rule": "reject_sideways", "words": ["x"]}\n', encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"ctx\.jsonl line 3: expected 'rule' one of"):
        load_context(ctx)
    ctx.write_text('{"id": "a", "rule": "person_name"}\n', encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"ctx\.jsonl line 1: expected key 'titles'"):
        load_context(ctx)


# -- name forms ---------------------------------------------------------------------

@pytest.mark.parametrize("text, iso3", [
    ("Bolivarian Republic of Venezuela", "VEN"), ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Iran (Islamic Republic of)", "IRN"), ("Islamic Republic of Iran", "IRN"),
    ("Democratic People's Republic of Korea", "PRK"), ("Republic of Korea", "KOR"),
    ("Republic of Moldova", "MDA"), ("United Republic of Tanzania", "TZA"),
    ("Plurinational State of Bolivia", "BOL"), ("Bolivia (Plurinational State of)", "BOL"),
    ("Micronesia (Federated States of)", "FSM"), ("Lao People’s Democratic Republic", "LAO"),
    ("Syrian Arab Republic", "SYR"), ("Russian Federation", "RUS"), ("Türkiye", "TUR"),
    ("Côte d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Viet Nam", "VNM"),
    ("Czechia", "CZE"), ("North Macedonia", "MKD"), ("the former Yugoslav Republic of Macedonia", "MKD"),
    ("Eswatini", "SWZ"), ("Swaziland", "SWZ"), ("Cabo Verde", "CPV"), ("Cape Verde", "CPV"),
    ("Timor-Leste", "TLS"), ("East Timor", "TLS"), ("Myanmar", "MMR"), ("Burma", "MMR"),
    ("Holy See", "VAT"), ("Vatican", "VAT"), ("State of Palestine", "PSE"), ("Palestine", "PSE"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("Netherlands (Kingdom of the)", "NLD"), ("Kingdom of the Netherlands", "NLD"),
    ("United States of America", "USA"), ("Democratic Republic of the Congo", "COD"),
    ("Republic of the Congo", "COG"), ("Sao Tome and Principe", "STP"), ("São Tomé and Príncipe", "STP"),
])
def test_un_formal_names(nlp, text, iso3):
    assert found(nlp, f"A statement by {text} followed.") == [(text.removeprefix("the "), iso3)]


@pytest.mark.parametrize("text, iso3", [
    ("Turkey", "TUR"), ("Syria", "SYR"), ("Iran", "IRN"), ("Russia", "RUS"), ("the United States", "USA"),
    ("the US", "USA"), ("the U.S.", "USA"), ("USA", "USA"), ("the UK", "GBR"), ("U.K.", "GBR"),
    ("Britain", "GBR"), ("Great Britain", "GBR"), ("Ivory Coast", "CIV"), ("South Korea", "KOR"),
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("DRC", "COD"), ("Laos", "LAO"), ("Vietnam", "VNM"),
    ("Moldova", "MDA"), ("Tanzania", "TZA"), ("Bolivia", "BOL"), ("Venezuela", "VEN"),
    ("Macedonia", "MKD"), ("Czech Republic", "CZE"), ("UAE", "ARE"), ("Brunei", "BRN"),
    ("Micronesia", "FSM"), ("Kyrgyzstan", "KGZ"), ("the Gambia", "GMB"), ("Guinea-Bissau", "GNB"),
    ("Equatorial Guinea", "GNQ"), ("Papua New Guinea", "PNG"), ("Dominican Republic", "DOM"),
    ("Dominica", "DMA"), ("Niger", "NER"), ("Nigeria", "NGA"), ("Congo", "COG"),
])
def test_common_names(nlp, text, iso3):
    assert codes(nlp, f"Officials from {text} attended.") == {iso3}


@pytest.mark.parametrize("text, iso3", [
    ("the Peruvian delegation", "PER"), ("the Danish presidency", "DNK"), ("French authorities", "FRA"),
    ("the German Government", "DEU"), ("Brazilian experts", "BRA"), ("British forces", "GBR"),
    ("the Chinese delegation", "CHN"), ("Russian forces", "RUS"), ("Japanese officials", "JPN"),
    ("Nigerien troops", "NER"), ("Nigerian troops", "NGA"), ("South African judges", "ZAF"),
    ("the Bissau-Guinean authorities", "GNB"),
])
def test_adjectives_denoting_one_state(nlp, text, iso3):
    assert codes(nlp, f"He met {text} today.") == {iso3}


@pytest.mark.parametrize("text", [
    "American", "Korean", "Congolese", "Arab", "Latin American", "African", "European", "Caribbean",
])
def test_adjectives_of_more_than_one_state_are_not_states(nlp, text):
    assert codes(nlp, f"The {text} delegations spoke.") == set()


@pytest.mark.parametrize("text, iso3", [
    ("the Soviet Union", "SUN"), ("the USSR", "SUN"), ("Union of Soviet Socialist Republics", "SUN"),
    ("Yugoslavia", "YUG"), ("Czechoslovakia", "CSK"), ("the German Democratic Republic", "DDR"),
])
def test_former_states(nlp, text, iso3):
    assert codes(nlp, f"Texts came from {text} and others.") == {iso3}


def test_serbia_and_montenegro_is_one_former_state_only_before_2006(nlp):
    text = "Albania, Serbia and Montenegro made statements."
    assert codes(nlp, text, issue_year=2004) == {"ALB", "SCG"}
    assert codes(nlp, text, issue_year=2012) == {"ALB", "SRB", "MNE"}


def test_all_caps_headers_and_line_breaks(nlp):
    assert codes(nlp, "REPUBLIC OF KOREA\n\nSTATEMENT BY FRANCE") == {"KOR", "FRA"}
    assert found(nlp, "Antigua and \nBarbuda\nIran (Islamic \nRepublic of)") == [
        ("Antigua and Barbuda", "ATG"), ("Iran (Islamic Republic of)", "IRN")]


def test_possessives_and_adjacent_list_items(nlp):
    assert codes(nlp, "Slovenia's report and Peru’s reply") == {"SVN", "PER"}
    # The inverted pycountry form "Korea, Republic of" must not swallow the next item.
    assert found(nlp, "the Republic of Korea, Republic of Moldova, Romania") == [
        ("Republic of Korea", "KOR"), ("Republic of Moldova", "MDA"), ("Romania", "ROU")]


def test_longest_name_wins(nlp):
    assert found(nlp, "the Democratic People's Republic of Korea and the Democratic Republic of the Congo") == [
        ("Democratic People's Republic of Korea", "PRK"), ("Democratic Republic of the Congo", "COD")]


# -- not a State ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "the University of Georgia", "Georgia Tech", "the Islamic State in Iraq and the Levant",
    "20 million United States dollars", "US$ 5 million", "Mexico City", "New Mexico", "Lake Chad",
    "Michael Jordan", "Mr. Jordan", "Chad Smith said so", "a turkey dinner", "the Guinea worm",
    "the Indian Ocean", "the South China Sea", "the Gulf of Guinea", "in French",
    "the French version", "French-speaking countries", "Arabic, Chinese, English, French, Russian and Spanish",
    "translated into Russian", "Northern Ireland", "American Samoa", "French Polynesia", "Gibraltar",
    "New Caledonia", "Puerto Rico", "Greenland", "Chinese Taipei", "the Niger Delta", "Latin America",
    "the Canadian Pugwash Group", "Norwegian People's Aid", "see www.NuclearBan.US today",
    "the Kenya National Commission on Human Rights",
])
def test_not_a_state(nlp, text):
    assert codes(nlp, f"We saw {text}.") == set()


def test_states_next_to_the_traps_are_kept(nlp):
    assert codes(nlp, "Chad and Niger share Lake Chad; Jordan spoke; in Chad, the Chadian Government") == {
        "TCD", "NER", "JOR"}
    assert codes(nlp, "the French and German delegations; the Russian Federation") == {"FRA", "DEU", "RUS"}
    assert codes(nlp, "Kenya National Commission on Human Rights and Kenya") == {"KEN"}


# -- lookup_state ----------------------------------------------------------------------

def test_lookup_state():
    assert lookup_state("the Russian Federation") == "RUS"
    assert lookup_state("Venezuela (Bolivarian Republic of)") == "VEN"
    assert lookup_state("Côte d’Ivoire") == "CIV"
    assert lookup_state("CHINA") == "CHN"
    assert lookup_state("Slovenia's") == "SVN"
    assert lookup_state("turkey") is None
    assert lookup_state("French") is None and lookup_state("French", adjectives=True) == "FRA"
    assert lookup_state("Lima") is None and lookup_state("") is None


# -- state_role ---------------------------------------------------------------------

def _doc_with_blocks(nlp, parts: list[tuple[str, str]]):
    text, blocks, pos = "", [], 0
    for kind, chunk in parts:
        if text:
            text += "\n\n"
            pos += 2
        blocks.append((kind, pos, pos + len(chunk), 1))
        text += chunk
        pos += len(chunk)
    doc = nlp.make_doc(text)
    doc._.blocks = blocks
    return nlp(doc)


def _roles(doc) -> dict[str, str]:
    return {s.kb_id_: state_role(doc, s) for s in doc.spans.get("candidates", [])}


def test_role_participants_table_and_list(nlp):
    doc = _doc_with_blocks(nlp, [
        ("heading", "List of participants"), ("table_row", "Argentina"), ("table_row", "Brazil H.E. Mr. X"),
        ("body", "The situation in Haiti was discussed."),
        ("table_row", "Participants: Peru, Chile"), ("table_row", "Venue: Lima, Peru"),
        ("body", "The following States were represented:"), ("list_item", "(a) Denmark;"),
        ("list_item", "(b) Sweden."),
    ])
    roles = _roles(doc)
    assert roles["ARG"] == roles["BRA"] == roles["DNK"] == roles["SWE"] == roles["CHL"] == "participant"
    assert roles["HTI"] == "mentioned"


def test_role_from_the_sentence(nlp):
    doc = _doc_with_blocks(nlp, [
        ("body", "The delegation of Peru took the floor."),
        ("body", "The conflict in Sudan has displaced millions."),
        ("body", "Representatives of Kenya and Ghana participated in the workshop."),
        ("body", "Argentina also welcomed the report. It urged Brazil to act."),
    ])
    roles = _roles(doc)
    assert roles == {"PER": "participant", "SDN": "mentioned", "KEN": "participant", "GHA": "participant",
                     "ARG": "participant", "BRA": "mentioned"}


def test_role_in_a_list_that_ingestion_left_as_short_body_blocks(nlp):
    doc = _doc_with_blocks(nlp, [
        ("heading", "List of participants"), ("body", "Mr. A. B. Smith Libya Liechtenstein Mr. C. D."),
        ("body", "Lithuania Luxembourg"),
        ("heading", "II. Discussion"), ("body", "Malta"),
    ])
    roles = _roles(doc)
    assert roles["LBY"] == roles["LIE"] == roles["LTU"] == roles["LUX"] == "participant"
    assert roles["MLT"] == "mentioned"


# -- real documents -------------------------------------------------------------------

def _pdf_text(path: Path) -> str:
    import pypdfium2
    return "\n".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(path))


def test_list_of_participants_finds_every_state(nlp):
    path = need(REAL / "aiun__A_CN.10_2025_INF_1.en.pdf")
    text = _pdf_text(path)
    found_codes = codes(nlp, text)
    members = {row["iso3"] for _, row in read_tsv(SHARED / "un_members.tsv", ["iso3", "status", "un_name"])
               if row["status"] != "former"}
    # The list names every Member State and both observer States, many broken over lines
    # ("Democratic\nPeople’s\nRepublic of\nKorea"); nothing else is a State.
    assert found_codes == members
    for iso3 in ("PRK", "COD", "COG", "GNB", "GIN", "GNQ", "PNG", "NER", "NGA", "DMA", "DOM", "VAT", "PSE"):
        assert iso3 in found_codes


def test_lima_note_states_match_the_gold(nlp):
    import json
    need(SEED / "lima-2010-information-note.txt")
    gold = json.loads((SEED / "lima-2010-information-note.gold.json").read_text(encoding="utf-8"))
    text = (SEED / "lima-2010-information-note.txt").read_text(encoding="utf-8")
    assert codes(nlp, text) == set(gold["states"]["required"])  # no GEO from "University of Georgia"


def test_overlay_rows_are_read_after_the_shipped_ones_and_named_in_sources(tmp_path):
    from pipeline.core.models import sources

    overlay = tmp_path / "my-overlay"
    (overlay / "en" / "gazetteers").mkdir(parents=True)
    (overlay / "en" / "gazetteers" / "states.tsv").write_text("iso3\tname\tkind\nPER\tPeruland\tcommon\n",
                                                               encoding="utf-8")
    files = [s.as_config() for s in sources(GAZ / "states.tsv", overlay)]
    nlp = spacy.blank("en")
    comp = StateMatcher(nlp, files)
    doc = comp(nlp("Delegates from Peruland and Peru met."))
    found = {(s.text, s.id_) for s in doc.spans[CANDIDATES]}
    assert ("Peruland", "gazetteer:my-overlay/en/gazetteers/states.tsv:2") in found
    assert any(text == "Peru" and src.startswith("gazetteer:states.tsv:") for text, src in found)


def test_turned_down_name_forms_are_kept_apart_for_later_steps(nlp):
    doc = nlp("Mexico City, Lake Chad and the Russian Federation; in French.")
    assert {(s.text, s.id_) for s in doc.spans["states_rejected"]} == {
        ("Mexico", "context:city"), ("Chad", "context:gulf-bay-lake"), ("French", "context:languages")}
    assert [s.kb_id_ for s in doc.spans["candidates"]] == ["RUS"]


def test_a_state_closing_a_heading_is_not_read_into_the_next_blocks_organisation_name():
    # regression: "Working paper submitted by Mexico" / "I. Scientific Advisory Group" (TPNW/MSP/2025/WP.4)
    nlp = spacy.blank("en")
    nlp.add_pipe("unnotes_states")
    doc = nlp("Working paper submitted by Mexico\n\nI. Scientific Advisory Group")
    assert [(s.text, s.kb_id_) for s in doc.spans["candidates"]] == [("Mexico", "MEX")]
