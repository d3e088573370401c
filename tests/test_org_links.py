"""Within-note linking of organizations (pipeline/nlp/org_links.py), the kind lexicons read
beside orgs.tsv, and the not-a-body filters for numbered meetings and compound modifiers."""

from pathlib import Path

import pytest

from pipeline.core.note import Block, NoteText
from pipeline.findings import analyse
from pipeline.nlp import orgs
from pipeline.nlp.acronyms import is_short_form
from pipeline.nlp.build import build_nlp
from pipeline.nlp.org_links import link_org_mentions, shortens
from pipeline.tables import org_rows

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp("en")


def note_of(text: str) -> NoteText:
    blocks, start = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block("body", start, start + len(part), 1))
        start += len(part) + 2
    return NoteText(text=text, pages=1, spans=[], blocks=blocks)


def org_names(nlp, text: str) -> list[str]:
    found = analyse(note_of(text), nlp)
    mentions = [{**m, "document": "x", "page": 1} for m in found["mentions"]]
    return [r["name"] for r in org_rows(mentions)]


def test_short_form_shortens_a_longer_body_of_the_note():
    know = orgs.default_knowledge()
    assert shortens("the Special Committee", "Special Committee on Racial Equality in Sport", know)
    assert shortens("Advisory Group", "Scientific Advisory Group of the Treaty", know)
    assert not shortens("Special Committee", "Special Rapporteur on torture", know)
    assert not shortens("Special Envoy", "Special Envoy Office for Sport", know)  # not a head noun


def test_short_form_is_one_row_with_its_full_name(nlp):
    text = ("The Independent Review Panel on Sports Integrity met in Geneva.\n\n"
            "The Review Panel agreed to report. The Independent Review Panel will meet again.")
    assert org_names(nlp, text) == ["Independent Review Panel on Sports Integrity"]


def test_short_form_two_bodies_could_claim_stays_apart():
    know = orgs.default_knowledge()
    mentions = [{"label": "ORG", "norm": n, "source": "pattern:x", "text": n}
                for n in ("Review Panel", "Review Panel on Sport", "Review Panel on Water")]
    link_org_mentions(mentions, {}, know)
    assert [m["norm"] for m in mentions] == ["Review Panel", "Review Panel on Sport", "Review Panel on Water"]


def test_defined_acronym_links_to_its_body():
    know = orgs.default_knowledge()
    mentions = [{"label": "ORG", "norm": n, "source": "model:x", "text": n}
                for n in ("Joint Oversight Board", "JOB-7")]
    link_org_mentions(mentions, {"JOB-7": "the Joint Oversight Board"}, know)
    assert {m["norm"] for m in mentions} == {"Joint Oversight Board"}


@pytest.mark.parametrize("text", ["C-34", "C-24", "G77", "P5"])
def test_letter_and_number_acronyms_are_short_forms(text):
    assert is_short_form(text)


@pytest.mark.parametrize("text", ["May 2012", "June 2024", "Art 7"])
def test_a_month_and_year_in_parentheses_is_no_acronym(text):
    assert not is_short_form(text)


def test_kind_lexicons_are_read_beside_orgs_tsv():
    know = orgs.default_knowledge()
    names = {s.name for s in know.gazetteer.sources}
    assert {"orgs.tsv", "orgs_media.tsv", "orgs_armed_groups.tsv", "orgs_national.tsv"} <= names
    assert know.gazetteer.lookup("Reuters").kind == "media"
    assert know.gazetteer.lookup("JNIM").kind == "armed_group"
    assert know.gazetteer.lookup("Lok Sabha").kind == "national"
    # a historical body is not its successor
    assert know.gazetteer.lookup("European Community").name != know.gazetteer.lookup("European Union").name
    assert know.gazetteer.lookup("IBRD").name != know.gazetteer.lookup("World Bank").name


@pytest.mark.parametrize("text", [
    "The 5th Global Forum on Migration and Development was held in Geneva.",
    "Delegates attended the Sixth Business Forum in Riga.",
    "He spoke at the Seventh Ministerial Council meeting in Vienna.",
    "The Scientific Network subgroup met twice.",
])
def test_numbered_meetings_and_modifiers_are_not_bodies(nlp, text):
    assert org_names(nlp, text) == []


def test_numbered_gazetteer_body_stays_a_body(nlp):
    assert org_names(nlp, "The Sixth Committee adopted the text.") == ["Sixth Committee"]


def test_treaty_secretariat_is_named_as_the_gold_names_it(nlp):
    text = "Institutional linkage of the secretariat of the United Nations Framework Convention on Climate Change."
    assert "Secretariat of the United Nations Framework Convention on Climate Change" in org_names(nlp, text)


def test_hyphen_joined_name_is_whole(nlp):
    text = "The United Nations support team to the Cameroon-Nigeria Mixed Commission (CNMC) met."
    assert "Cameroon-Nigeria Mixed Commission" in org_names(nlp, text)


@pytest.mark.skipif(not (DEV / "S_2025_24.pdf").is_file(), reason="../shared/corpus/dev is absent")
def test_houthi_attacks_name_the_houthis_in_a_real_report(nlp):
    from pipeline.ingest import read_note

    found = analyse(read_note(DEV / "S_2025_24.pdf"), nlp)
    assert "Houthis" in {m["norm"] for m in found["mentions"] if m["label"] == "ORG"}
