"""Recommendation kinds of the eighth round (issue 12): English sentences of the parallel corpus
(`../shared/corpus/parallel`, parts A1, A2 and B1), of gold-dev and gold-real, and plain sentences,
each failing on the branch start (docs/QUALITY.md "Recommendations, eighth round").

Found: "It is thus high time that", "the time is long past for ... to", recommendations named and given
in one sentence ("Recommendations included boosting ..."), an advocated action ("ECLAC advocates a
comprehensive approach").
Not found: a negated subject's "could" ("No study could"), a forecast or a finding with "could", the
should-be-noted kind with "once again" and "Attention should be drawn to", the need of a noun (a
participle "needed to", a relative "that were needed", "skills they need to", "where it is needed most"),
"suggest" meaning "indicate", a relative "which had called for", the plural noun "requests", and a title
read as an imperative ("Draft article 4C", "Act No. 18246")."""

from __future__ import annotations

import pytest

from tests.test_recommendations import nlp, run  # noqa: F401  (module fixture and the run helper)


def _rows(nlp, text: str) -> list[dict]:
    return run(nlp, text)


@pytest.mark.parametrize("text, cue", [
    # A2, 2015/e/cn.9/2015/ngo/11
    ("It is thus high time that national laws, policies and programmes embody and reaffirm sexual and "
     "reproductive health and rights for what they are: human rights requiring respect, protection, and "
     "fulfilment, in order to attain holistic wellbeing.", "it is thus high time that"),
    # B1, 2015/npt/conf.2015/wp.9
    ("11. The New Agenda Coalition believes that the time is long past for all States parties to deliver upon "
     "their repeated expressions of political commitment to implement article VI and eliminate nuclear weapons.",
     "the time is long past for all States parties to d"),
])
def test_it_is_high_time_and_the_time_is_long_past_are_found(nlp, text, cue):
    rows = _rows(nlp, text)
    assert len(rows) == 1, rows
    assert rows[0]["cue"].startswith(cue.split()[0].lower()) or cue in rows[0]["cue"], rows[0]["cue"]


@pytest.mark.parametrize("text", [
    # A1, 2015/e/c.19/2015/9
    "3. No study could comprehensively capture the full extent of indigenous cross-border issues, which include "
    "collective identity, public health and management of natural resources and languages.",
    # A1, 2015/s/2015/70
    "Nonetheless, it is important to note that the status quo is not acceptable to the families of the missing "
    "and that no justification, however valid, could relieve their anxiety as they wait to learn about the fate "
    "of their loved ones.",
    # B1, 2015/a/cn.4/678
    "In addition, the view was expressed that no strict distinction between codification and progressive "
    "development of international law could be made.",
    # A1, 2015/a/69/798
    "As for the repeated false allegations regarding the Ercan airport in the North, it should once again be "
    "underlined that the Ercan area control centre and airport in North Cyprus have been providing regular, "
    "reliable and safe air traffic services.",
    # A1, 2015/e/cn.6/2015/ngo/234
    "Attention should also be drawn to problems during pregnancy, the birth of underweight and premature babies "
    "and reduced support with respect to related needs, such as those concerning breastfeeding.",
    "The Platform established 12 critical areas of concern in the fight for gender equality and highlighted the "
    "steps that were needed in order to remove the obstacles that prevent the advancement of women.",
    # A1, 2015/a/ac.109/2015/4
    "In its report, the Office noted that the Department had not revalidated the public infrastructure "
    "requirements based on the revised realignment plan or differentiated between the requirements needed to "
    "address long-standing deficiencies and those needed to support the realignment.",
    # A2, 2015/e/cn.6/2015/ngo/200
    "Cultural norms that see women and girls as a burden may also contribute to the difficulties girls face in "
    "securing the nutrition, education, and investment in skills needed to flourish.",
    # B1, 2015/e/cn.9/2015/ngo/18
    "The assumption that boys and girls under 18 are \"too young\" to need sexual and reproductive health "
    "information keeps young people from acquiring practical knowledge and skills they need to protect "
    "themselves from abuse, exploitation and disease.",
])
def test_a_description_is_not_a_recommendation(nlp, text):
    assert _rows(nlp, text) == []


@pytest.mark.parametrize("title, verb, cue", [
    # A2, 2015/a/cn.9/833 and B1, 2015/cedaw/c/ury/8-9, in a recommendations section
    ("79. Draft article 4C (Counterclaim) was discussed at length by the Working Group.",
     "79. Draft a protocol on the protection of journalists.", "Draft"),
    ("173. Act No. 18246 (2007) on common-law marriage recognizes stable couples that have continuously "
     "cohabited for at least five years.", "174. Act on the recommendations of the treaty bodies without delay.", "Act"),
])
def test_a_title_is_not_an_imperative_but_the_verb_is(nlp, title, verb, cue):
    assert _rows(nlp, "Recommendations\n\n" + title) == []
    assert [r["cue"] for r in _rows(nlp, "Recommendations\n\n" + verb)] == [cue]


def test_the_need_of_a_noun_is_vetoed_but_not_a_noun_that_needs(nlp):
    # A1, 2015/a/ac.109/2015/4 (a participle) against dev E/HLPF/2025/6 ("Investment" is the subject)
    assert _rows(nlp, "The Office noted that the Department had not differentiated between the requirements needed "
                      "to address long-standing deficiencies and those needed to support the realignment.") == []
    rows = _rows(nlp, "Investment needs to be directed toward strengthening digital infrastructure, supporting "
                      "research and development and advancing frontier technologies.")
    assert len(rows) == 1 and rows[0]["cue"].startswith("need")


def test_a_negated_subject_could_is_vetoed_but_not_a_later_negation(nlp):
    assert _rows(nlp, "3. No study could comprehensively capture the full extent of indigenous cross-border "
                      "issues.") == []
    rows = _rows(nlp, "The Council could consider further measures if there is no progress by June.")
    assert [r["cue"] for r in rows] == ["could"]


@pytest.mark.parametrize("text", [
    # dev, E/ICEF/2025/20 and S/2025/420: "suggest" meaning "indicate"
    "Early findings suggest that girls’ decision-making and access to information have improved by up to 80 per cent.",
    "Unverified media reports suggest that drone-related attacks have resulted in 250–300 fatalities during the "
    "reporting period.",
    # gold-real, ICCD/COP(8)/CST/8
    "It is estimated that productivity of cropping land in sub-Saharan Africa declines by 0.5–1 per cent annually, "
    "suggesting a productivity loss of at least 20 per cent over the past 40 years.",
    # dev, DP/2025/18 and DP/FPA/2025/11: a place named by its need
    "Expanding partnerships remains a central focus as UNCDF continues to scale its catalytic financing capabilities "
    "to increase flows of private and public resources to where they are needed most.",
    "The flexibility of the thematic fund allows UNFPA to respond rapidly at the onset of emergencies, channelling "
    "funding where it is needed the most.",
    # dev, DP/OPS/2025/6 and E/ICEF/2025/20: the need of a noun
    "UNOPS strives to align authority with responsibility, ensuring that the right people have the delegated "
    "authority they need to manage.",
    "In 2024, Skills4Girls equipped over 6.4 million adolescent girls with the skills and opportunities they need "
    "to join the workforce of the future.",
    # dev, A/80/275 and E/2025/15: the plural noun "requests"
    "Those applications concerned requests for variation of witness protection measures and access to confidential "
    "material for the purpose of assisting national jurisdictions.",
    "In responding to requests from the Resident Coordinator in Viet Nam, ESCAP is also working through the "
    "issue-based coalition to support training for policymakers on digital transformation.",
    # dev, S/2025/223 and S/2025/460: a relative clause's call, a possessive's noun
    "A political activist from Misrata who had called for protests against the Government of National Unity was "
    "abducted by unidentified armed men on 9 January.",
    "At its 31 March conclusion, the extended Lebanon flash appeal, which had called for an additional $371.4 "
    "million, was 26 per cent funded.",
    "A second UNIFIL patrol, which was responding to the first patrol’s call for assistance, was then stopped in "
    "the same area.",
])
def test_a_report_of_evidence_need_or_call_is_not_a_recommendation(nlp, text):
    assert _rows(nlp, text) == []


def test_a_request_of_a_body_and_a_later_cue_after_evidence_are_still_found(nlp):
    # the verb "requests" stays a cue; a "should" after "findings suggest" still proposes
    rows = _rows(nlp, "The Committee requests the State party to provide information on the measures taken.")
    assert [r["cue"] for r in rows] == ["requests"]
    rows = _rows(nlp, "The findings suggest that the Government should expand the programme to rural areas.")
    assert [r["cue"] for r in rows] == ["should"]


@pytest.mark.parametrize("text", [
    # dev, DP/FPA/2025/11, DP/OPS/2025/12, E/2025/65: a possible outcome in figures
    "An additional $5 billion in investment to reach 95 per cent coverage could generate $13.4 billion in economic "
    "benefits by 2050.",
    "Projections estimate that by 2100, up to 90 per cent of Funafuti could experience routine flooding.",
    # dev, E/HLPF/2025/6 and DP/2025/18; parallel B1, 2015/a/cn.4/678: what a finding says could happen
    "Case studies from Brazil and sub-Saharan Africa demonstrated how digital mapping, local material optimization "
    "and community-led planning could mitigate the environmental impact of informal construction.",
    "However, they note some trade-offs in the possibility that programme activities could be undertaken by other "
    "UNCDF interventions.",
    "It was anticipated that the outcome could serve as a valuable practical guide for treaty negotiators, "
    "policymakers and practitioners involved in the investment area.",
])
def test_a_forecast_or_a_finding_with_could_is_not_a_recommendation(nlp, text):
    assert _rows(nlp, text) == []


@pytest.mark.parametrize("text, by", [
    # dev, E/HLPF/2025/6 and S/2025/223; gold-real, ICCD/COP(8)/CST/8
    ("Recommendations included boosting women’s leadership, improving gender-disaggregated data and embedding "
     "equity in innovation systems.", ""),
    ("Forward-looking proposals included real-time, artificial intelligence-powered tools to map science, "
     "technology and innovation needs.", ""),
    ("The letters included recommendations, such as reviewing the files of arbitrarily detained persons with a "
     "view to accelerating their release.", "The letters"),
    ("The participants produced a list of recommendations, including larger quotas for women in political "
     "institutions.", "The participants"),
    ("Several recommendations were listed such as adopting “people centred” interventions taking into account "
     "access to land.", ""),
])
def test_recommendations_named_and_given_in_one_sentence_are_found(nlp, text, by):
    rows = _rows(nlp, text)
    assert len(rows) == 1 and rows[0]["by"] == by, rows
    # a passive report of where recommendations went is not one (dev, MINUJUSTH S/2019/563)
    assert _rows(nlp, "The workshop was aimed at ensuring that the accepted recommendations were included in the "
                      "national action plan for human rights.") == []


@pytest.mark.parametrize("text", [
    # dev, DP/2025/18, E/2025/15, E/HLPF/2025/6, E/C.2/2025/2/Add.8; gold-real, UN80 session 6
    "For example, the Group advocates significantly enhancing MSME access to finance by strengthening the banking "
    "sector and microfinance institutions.",
    "ECLAC advocates a comprehensive approach that includes strengthening social protection systems, improving "
    "social services, enhancing governance and mobilizing financial resources.",
    "The forum advocated inclusive policy frameworks that support innovation road maps and open knowledge platforms.",
    "They continued to advocate the effective implementation of Assembly resolution 63/237 on sickle-cell anaemia.",
    "Respecting the decision making authority of Member States, we advocate for clear, measurable objectives and "
    "continuous dialogue with States.",
])
def test_an_advocated_action_is_found(nlp, text):
    rows = _rows(nlp, text)
    assert len(rows) == 1 and rows[0]["cue"].startswith("advocat"), rows


def test_advocacy_as_a_purpose_or_a_noun_is_not_a_recommendation(nlp):
    # dev, DP/2025/13: what an office does (a purpose clause); checked together with
    # a found advocacy so that the test fails where "advocates" was no cue at all
    assert _rows(nlp, "In 2024, 102 country offices partnered with women’s organizations, including to advocate "
                      "for women’s rights.") == []
    assert _rows(nlp, "Building coalitions to advocate women’s rights is helping to protect gains.") == []
    assert [r["cue"] for r in _rows(nlp, "ECLAC advocates a comprehensive approach to social protection.")] == [
        "advocates a"]


@pytest.mark.parametrize("lead", [
    "The steps that were needed included the following:",          # a need that describes a noun
    "Early findings suggest that the following should be noted:",  # "suggest" meaning "indicate"
    "Attention should be drawn to the following:",                 # the should-be-noted kind
])
def test_a_lead_in_whose_cue_is_vetoed_proposes_nothing_to_its_items(nlp, lead):
    # the sentence exclusions that veto a cue in a sentence veto it in a lead-in too: its narrative
    # items are not recommendations (the lead's cue was passed on to them before)
    text = f"{lead}\n\n- Regional meetings were held every year.\n- A fund was created in 2024."
    assert _rows(nlp, text) == []
    rows = _rows(nlp, "Participants recommended the following:\n\n- Hold regional meetings every year.")
    assert [r["text"] for r in rows] == ["Hold regional meetings every year."]
