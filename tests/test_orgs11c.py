"""Organizations, eleventh round (branch orgs11c, issue 12): mentions that name no single body.
An acronym the note defines as a treaty, a conference or a field of law ("the International Covenant on
Civil and Political Rights (ICCPR)", "international humanitarian law (IHL)",) is no organization; a mixed-case word that
meets a gazetteer acronym only without case ("Afro-descendants" is not WHO's AFRO) is none; a name ending
in a plural class noun with no complement ("Tax Agencies", "the International Courts") is a class of
bodies, not one (ANNOTATION.md). Sentences quoted from gold-dev and gold-real notes and
two real PDFs of ../shared/corpus, through the real English pipeline; each finding test fails on the
branch start (1f88d1e), the guards pass on both."""

import pytest

from conftest import REAL, UPR


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp.build import build_nlp

    return build_nlp("en")


def orgs(doc) -> list[str]:
    return [e.text[4:] if e.text.lower().startswith("the ") else e.text for e in doc.ents if e.label_ == "ORG"]


def norms(doc) -> set[str]:
    return {e.kb_id_ for e in doc.ents if e.label_ == "ORG"}


@pytest.mark.parametrize("sentence, acronym", [
    # Ethiopia 2014 (gold-real): the Covenant, defined, then cited by its acronym
    ("Ethiopia had also submitted implementation reports under the International Covenant on Civil and Political "
     "Rights (ICCPR). 156.8 Take the necessary measures in order for the law on media and access to information "
     "to comply with ICCPR (France);", "ICCPR"),
    # S/2025/453 (gold-real): a field of law
    ("She reminded the audience that all parties to armed conflict have legal obligations under international "
     "humanitarian law (IHL). Geneva Call engages nearly 200 armed groups, promoting IHL through dialogue.", "IHL"),
    # DP/FPA/2025/11 (gold-dev): a conference
    ("UNFPA supported the implementation of the International Conference on Population and Development (ICPD). "
     "In 2024, UNFPA launched its first financing for the ICPD strategy.", "ICPD"),
])
def test_an_acronym_defined_as_a_document_or_event_is_no_body(nlp, sentence, acronym):
    assert acronym not in orgs(nlp(sentence))


@pytest.mark.parametrize("sentence, body", [
    ("The secretariat of the United Nations Convention to Combat Desertification (UNCCD) reported. UNCCD met.",
     "UNCCD"),
    ("The United Nations Conference on Trade and Development (UNCTAD) reported. UNCTAD also met.", "UNCTAD"),
    ("The Committee on the Elimination of Racial Discrimination (CERD) met. CERD adopted its observations.", "CERD"),
    ("The Office of Internal Oversight Services (OIOS) audited the project. OIOS reported.", "OIOS"),
])
def test_an_acronym_defined_as_a_body_stays(nlp, sentence, body):
    assert body in orgs(nlp(sentence))


def test_a_mixed_case_word_is_no_gazetteer_acronym(nlp):
    # Nicaragua 2010 (gold-real)
    doc = nlp("The Procuraduria para la Defensa de los Derechos Humanos of Nicaragua welcomed the ratification of "
              "ILO Convention No. 169 and its extension to Afro-descendants.")
    assert "WHO Regional Office for Africa" not in norms(doc)
    assert "WHO Regional Office for Africa" in norms(nlp("The WHO Regional Office for Africa (AFRO) and AFRO met."))


@pytest.mark.parametrize("sentence, name", [
    # A/CONF.243/2025/1/Add.1 (gold-dev)
    ("Leveraging diplomatic, legal and other means, including the International Courts, to advance compliance.",
     "International Courts"),
    ("Deliver technical assistance to Palestinian civil officials, including the Palestinian Tax Agencies.",
     "Palestinian Tax Agencies"),
    # E/2025/9/Add.12 (gold-dev): a CV's publication list
    ("Ensuring and Restoring Balance on Access to Controlled Substances, a report of the Palliative Care "
     "Organizations.", "Palliative Care Organizations"),
])
def test_a_plural_class_noun_without_complement_is_no_body(nlp, sentence, name):
    assert name not in orgs(nlp(sentence))


@pytest.mark.parametrize("sentence, body", [
    ("The World Federation of United Nations Associations and the Sudan Council of Voluntary Agencies spoke.",
     "World Federation of United Nations Associations"),
    ("Language Support Services provided interpretation.", "Language Support Services"),
    ("The Lebanese Armed Forces deployed south of the Litani River.", "Lebanese Armed Forces"),
])
def test_a_body_named_with_a_plural_stays(nlp, sentence, body):
    assert body in orgs(nlp(sentence))


def test_real_notes(analysed):
    found = analysed(UPR / "ethiopia2014.pdf")
    names = {m["norm"] for m in found["mentions"] if m["label"] == "ORG"}
    assert "International Covenant on Civil and Political Rights" not in names
    assert "Human Rights Council" in names
    found = analysed(REAL / "aiun__S_2025_453.en.pdf")
    names = {m["norm"] for m in found["mentions"] if m["label"] == "ORG"}
    assert "international humanitarian law" not in names
    assert "International Committee of the Red Cross" in names


@pytest.mark.parametrize("sentence, body", [
    # g1217781 (gold-real)
    ("The Secretary-General to ensure that the Working Group on Enforced or Voluntary Disappearances received all "
     "the assistance and resources it required to perform its mandate;",
     "Working Group on Enforced or Voluntary Disappearances"),
    ("The International Federation of Action by Christians for the Abolition of Torture noted with satisfaction the "
     "commitments made by Madagascar.", "International Federation of Action by Christians for the Abolition of Torture"),
    # DP/2025/18 (gold-dev)
    ("In the Democratic Republic of the Congo, UNCDF has been working as part of a joint programme with funding from "
     "the National Fund for Reducing Emissions from Deforestation and Forest Degradation.",
     "National Fund for Reducing Emissions from Deforestation and Forest Degradation"),
    # S/2025/453 (gold-real): and a State after ", and" is no word of the name
    ("The Philippines spoke on behalf of the Global Alliance to Spare Water from Armed Conflicts, and Finland spoke "
     "on behalf of the Nordic Group.", "Global Alliance to Spare Water from Armed Conflicts"),
])
def test_a_complement_goes_on_through_from_by_or(nlp, sentence, body):
    assert body in orgs(nlp(sentence))


@pytest.mark.parametrize("sentence, body", [
    ("The Group of Experts from Africa met in Geneva.", "Group of Experts"),
    ("The report was welcomed by the Committee on the Rights of the Child by the Government.",
     "Committee on the Rights of the Child"),
    ("The Special Committee on Peacekeeping Operations by Member States was briefed.",
     "Special Committee on Peacekeeping Operations"),
])
def test_a_joiner_before_a_place_an_article_or_a_generic_phrase_ends_the_name(nlp, sentence, body):
    assert body in orgs(nlp(sentence))


@pytest.mark.parametrize("sentence, glued, body", [
    # un80 session 3 (gold-real): an abbreviated honorific opens a person's name
    ("I'd like to start by recognizing the presence of Mr. Ayaka Suzuki, Director in the Executive Office of The "
     "Secretary General Mr. Christophe Monnier, Director of the Program Planning and Budget Division.",
     "Executive Office of The Secretary General Mr. Christophe Monnier", "Program Planning and Budget Division"),
])
def test_a_person_after_a_body_is_no_word_of_its_name(nlp, sentence, glued, body):
    found = orgs(nlp(sentence))
    assert glued not in found and body in found


def test_a_spelled_out_title_stays_a_word_of_the_name(nlp):
    assert "Office of the Vice President" in orgs(nlp("The Office of the Vice President issued a statement."))
    # MINUJUSTH S/2019/563: the model reads "Administrative Disputes" as a person; the name holds it
    assert "Superior Court of Auditors and Administrative Disputes" in orgs(nlp(
        "According to the report of the Superior Court of Auditors and Administrative Disputes, the total value of "
        "the PetroCaribe agreement was $4.2 billion."))
