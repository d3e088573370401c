"""Organizations in led lists (branch orgs9, issue 12): a lead-in line ending with a heading that names
bodies and a colon ("(e) Observers for the following non-governmental organizations:", "(d) Other
non-governmental organizations:") makes each of its items an organization, with or without a head noun,
and so are the items of an "(also on behalf of ...)" parenthesis (listed_bodies.find_led_items). Sentences of
A/HRC/14/37 (gold-real) and E/HLPF/2025/6 (gold-dev)."""

import pytest


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp.build import build_nlp

    return build_nlp("en")


def orgs(doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "ORG"]


HRC_OBSERVERS = (
    "(f) Observers for the following non-governmental organizations: Amnesty International, Cairo Institute for "
    "Human Rights Studies (also on behalf of Al-Haq, Law in the Service of Man), Commission of the Churches on "
    "International Affairs, Human Rights Watch, Indian Movement Tupaj Amaru, International Federation for Human "
    "Rights Leagues (also on behalf of the Palestinian Centre for Human Rights), International Human Rights "
    "Association of American Minorities, International Islamic Federation of Student Organizations, Mouvement "
    "contre le racisme et pour l’amitié entre les peuples (also on behalf of the American Association of Jurists, "
    "Centre Europe – Tiers Monde, France Libertés : Fondation Danielle Mitterrand, the Women’s International League "
    "for Peace and Freedom and the World Federation of Trade Unions), Nord-Sud XXI (also on behalf of the Arab "
    "Lawyers Union, the International Organization for the Elimination of All Forms of Racial Discrimination and "
    "the Union of Arab Jurists), United Nations Watch, World Muslim Congress.")


@pytest.mark.parametrize("name", [
    "Nord-Sud XXI",                                                       # no head noun (the filters dropped it)
    "Mouvement contre le racisme et pour l’amitié entre les peuples",     # a name in French, after the first "("
    "Centre Europe – Tiers Monde",                                        # inside "(also on behalf of ...)"
    "France Libertés : Fondation Danielle Mitterrand",                    # not "Fondation Danielle Mitterrand"
    "International Federation for Human Rights Leagues",
    "Al-Haq",                                                             # inside a parenthesis (the filters dropped it)
])
def test_each_item_of_a_led_list_is_an_organization(nlp, name):
    assert name in orgs(nlp(HRC_OBSERVERS))


def test_a_led_list_item_takes_the_place_of_the_shorter_readings_inside_it(nlp):
    found = orgs(nlp(HRC_OBSERVERS))
    assert "Centre Europe" not in found
    assert "Fondation Danielle Mitterrand" not in found


def test_a_legal_suffix_joins_the_item_before_it_and_a_last_and_splits_two_items(nlp):
    doc = nlp("(e) Observers for the following non-governmental organizations: Interfaith International, Madre, "
              "Inc., Verein Sudwind Entwicklungspolitik, World Alliance of Young Men’s Christian Associations.")
    found = orgs(doc)
    assert "Madre, Inc." in found
    assert "Inc." not in found
    assert "Verein Sudwind Entwicklungspolitik" in found
    doc = nlp("(e) Observers for the following non-governmental organizations: Indian Council of South America, "
              "Nord-Sud XXI (also on behalf of the Al-Hakim Foundation, Fundación Intervida, the Susila Dharma "
              "International Association and the World Association of Girl Guides and Girl Scouts).")
    found = orgs(doc)
    assert "Fundación Intervida" in found
    assert "Susila Dharma International Association" in found


def test_the_items_of_an_other_ngos_lead_in_with_no_head_noun(nlp):
    # E/HLPF/2025/6: "SERAC-Bangladesh" was missed (the list stopped at a lowercase item before)
    doc = nlp("(d) Other non-governmental organizations: Global Partnership Forum, children and youth major group, "
              "SERAC-Bangladesh, Young Women for Planetary Health, Hecho por Nosotros, Animaná, Women’s Health and "
              "Education Center, Apolitical, Hellon, IamtheCODE;")
    found = orgs(doc)
    assert "SERAC-Bangladesh" in found
    assert "children and youth major group" not in found


def test_a_sentence_that_is_no_lead_in_reads_no_list(nlp):
    # a colon after prose, or after a heading naming States, makes no item an organization
    doc = nlp("(a) Representatives of States Members of the Council: Argentina, Belgium, Brazil, Burkina Faso.")
    assert orgs(doc) == []
    doc = nlp("The delegation raised the following issues: Open Borders, Safe Harbours and Fair Trials.")
    assert "Open Borders" not in orgs(doc)


def test_a_singular_lead_in_names_its_one_item(nlp):
    # A/HRC/14/37: "Observer for a non-governmental organization:" (one item) as "Observers for the following ..."
    doc = nlp("(c) Observer for a non-governmental organization: Centre Europe – Tiers Monde (also on behalf of the "
              "American Association of Jurists and Mouvement contre le racisme et pour l’amitié entre les peuples);")
    found = orgs(doc)
    assert "Centre Europe – Tiers Monde" in found
    assert "Mouvement contre le racisme et pour l’amitié entre les peuples" in found


def test_an_item_that_speaks_of_bodies_is_no_name(nlp):
    # A/CONF.243/2025/1/Add.1: a bullet's label ending with "civil society" is no lead-in of names
    doc = nlp("Support to civil society: Provide support to civil society organizations and actors, including "
              "protection against unjustified designations and unlawful measures.")
    assert not any("civil society organizations" in o for o in orgs(doc))


def test_a_common_word_after_a_comma_goes_on_the_name_before_it(nlp):
    # A/HRC/14/37: "Education" and "Development" (words the note writes in lower case) are no items of
    # their own; the name runs over the comma and the "and", and the trailing "– VIDES" is its acronym
    doc = nlp("It also praised Angola for its progress in the field of education, social housing and for its policy "
              "to commit the revenues from oil exploration to economic and social development.\n\n"
              "(e) Observers for the following non-governmental organizations: Associazione Comunità Papa Giovanni "
              "XXIII (also on behalf of the International Volunteerism Organization for Women, Education and "
              "Development – VIDES), Cairo Institute for Human Rights Studies.")
    found = orgs(doc)
    assert "Education" not in found and "Development" not in found
    assert any(o.startswith("International Volunteerism Organization for Women, Education and Development") for o in found)


def test_a_body_the_model_reads_as_a_place_is_its_own_item(nlp):
    # A/HRC/14/37: the model's GPE over "New Zealand Human Rights Commission" joined it to the item before
    doc = nlp("(d) Observers for national human rights institutions: Commission on Human Rights of the Philippines, "
              "New Zealand Human Rights Commission, Scottish Human Rights Commission;")
    found = orgs(doc)
    assert "Commission on Human Rights of the Philippines" in found
    assert "New Zealand Human Rights Commission" in found
