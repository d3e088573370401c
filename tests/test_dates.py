"""The date grammar and references (pipeline/nlp/datenorm.py, dates.py):
exact spans and normalisations per ANNOTATION.md "DATE"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy

from pipeline.nlp.common import CANDIDATES
from pipeline.core.errors import ModelDataError
from pipeline.nlp.dates import (
    DEFAULT_PATTERNS,
    DEFAULT_REFERENCES,
    DEFAULT_WORDS,
    DateGrammar,
    find_dates,
    find_references,
    normalise_date,
    normalise_date_at,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SEED = SHARED / "seed"


def dates(text: str, issue_year: int | None = None) -> list[tuple[str, str, str]]:
    return [(d.text, d.start_iso, d.end_iso) for d in find_dates(text, issue_year)]


# (sentence, expected date text, start, end)
FORMS = [
    ("It was signed on 10 March 2025 in Geneva.", "10 March 2025", "2025-03-10", "2025-03-10"),
    ("It was signed on March 10, 2025 in Geneva.", "March 10, 2025", "2025-03-10", "2025-03-10"),
    ("It was signed on the 10th of March 2025.", "10th of March 2025", "2025-03-10", "2025-03-10"),
    ("Meeting held on Tuesday, 10 March 2025.", "Tuesday, 10 March 2025", "2025-03-10", "2025-03-10"),
    ("The mission took place in March 2025.", "March 2025", "2025-03", "2025-03"),
    ("The event of November 2010 was useful.", "November 2010", "2010-11", "2010-11"),
    ("In 2010, the Committee decided.", "2010", "2010", "2010"),
    ("Date and Venue: 9 -11 November 2010, Lima", "9 -11 November 2010", "2010-11-09", "2010-11-11"),
    ("Date and Venue: 9-11 November 2010, Lima", "9-11 November 2010", "2010-11-09", "2010-11-11"),
    ("New York, 14–18 July 2025", "14–18 July 2025", "2025-07-14", "2025-07-18"),
    ("held on 30 and 31 October 2024 in Vienna", "30 and 31 October 2024", "2024-10-30", "2024-10-31"),
    ("held 30 October-2 November 2024 in Vienna", "30 October-2 November 2024", "2024-10-30", "2024-11-02"),
    ("held 30 October to 2 November 2024 in Vienna", "30 October to 2 November 2024", "2024-10-30", "2024-11-02"),
    ("held from 15 to 26 April 2025 in Vienna", "15 to 26 April 2025", "2025-04-15", "2025-04-26"),
    ("seminars held between 2005 and 2009 in the region", "2005 and 2009", "2005", "2009"),
    ("seminars held from 2005 to 2009, with", "2005 to 2009", "2005", "2009"),
    ("the plan for 2005-2009 was adopted", "2005-2009", "2005", "2009"),
    ("the budget for 2024/25 was adopted", "2024/25", "2024", "2025"),
    ("the budget for 2024/2025 was adopted", "2024/2025", "2024", "2025"),
    ("conflicts of the 1990s left scars", "1990s", "1990", "1999"),
    ("in the fourth quarter of 2024 the", "fourth quarter of 2024", "2024-10", "2024-12"),
    ("results for Q4 2024 were", "Q4 2024", "2024-10", "2024-12"),
    ("in the first half of 2025 the", "first half of 2025", "2025-01", "2025-06"),
    ("to be adopted in early 2025.", "early 2025", "2025", "2025"),
    ("to be adopted by mid-2025.", "mid-2025", "2025", "2025"),
    ("covers the period from 14 Dec 2024-23 Jun 2025.", "14 Dec 2024-23 Jun 2025", "2024-12-14", "2025-06-23"),
    ("covers the period from 14 December 2024 to 23 June 2025.", "14 December 2024 to 23 June 2025",
     "2024-12-14", "2025-06-23"),
    ("Berlin, 13-14 May 2025", "13-14 May 2025", "2025-05-13", "2025-05-14"),
    ("GENEVA, 29 MAY 2008", "29 MAY 2008", "2008-05-29", "2008-05-29"),
    ("file dated 2025-03-10 is", "2025-03-10", "2025-03-10", "2025-03-10"),
    ("priorities for January to March 2025 are", "January to March 2025", "2025-01", "2025-03"),
    ("Between October 2017 and April 2019, prosecutors", "October 2017 and April 2019", "2017-10", "2019-04"),
    ("held on March 10-12, 2025 in", "March 10-12, 2025", "2025-03-10", "2025-03-12"),
    ("Forty-third session 24 February–20 March 2020 Agenda", "24 February–20 March 2020", "2020-02-24", "2020-03-20"),
    ("New York, May 23rd, 2025 Statement", "May 23rd, 2025", "2025-05-23", "2025-05-23"),
    ("for the biennium 2010–2011.", "2010–2011", "2010", "2011"),
    ("the Convention of 13.02.1946, has", "13.02.1946", "1946-02-13", "1946-02-13"),
    ("in a letter dated 5.3.2024, reported", "5.3.2024", "2024-03-05", "2024-03-05"),
    ("active from 2017 to September 2023, it", "2017 to September 2023", "2017", "2023-09"),
    ("from March 2020 to 2023 the", "March 2020 to 2023", "2020-03", "2023"),
]


@pytest.mark.parametrize("text,span,start,end", FORMS, ids=[f[1] for f in FORMS])
def test_date_form_span_and_normalisation(text, span, start, end):
    assert dates(text) == [(span, start, end)]


def test_date_offsets_point_into_the_text():
    text = "Held in Lima on 9 -11 November 2010, after seminars from 2005 to 2009."
    for d in find_dates(text):
        assert text[d.start:d.end] == d.text


NOT_DATES = [
    "implementation of resolution 1540 (2004) by States",
    "see document S/2025/149 for details",
    "General Assembly resolution A/RES/79/113 adopted",
    "General Assembly resolution 64/106 adopted",
    "Human Rights Council decision 43/112 adopted",
    "achieving the 2030 Agenda for Sustainable Development",
    "in line with Agenda 2063 of the African Union",
    "under Vision 2030 reforms",
    "visit https://www.un.org/en/2010/index.html now",
    "write to 1540experts2010@un.org now",
    "at its seventy-ninth session the Assembly",
    "last year and today and next month",
    "for five years or 2 years",
    "the meeting began at 10 a.m. and at 1500 hours",
    "the 1540 Committee met",
    "some 2,000 participants attended",
    "as set out in paragraph 2010 of the report",
    "see page 2010 of the report",
    "job 25-00524 and GE.10-12345 (E)",
    "in 2150 and in 1850s",
    "some 2000 participants attended",
    "costs of US$ 2000 were met",
    "the United Nations Peacekeeping Ministerial 2025 was held",
    "the Forced Labour Convention, 1930 (No. 29)",
    "Letter dated 10/03/2025",
    "Consider acceding to: 1951 Refugee Convention (Brazil)",
    "with the passing of the new 2012 Information Act, which",
    "the Convention relating to the Status of Stateless Persons of 1954 and",
    "as reported in the SDG Progress Report 2025: Engaging",
    "Directive (EU) 2024/1069 of the European Parliament",
    "In line with its Strategic Plan, 2022-2025 commitment",
    "the strategic plan, 2022–2025, of UNDP",
    "the National Action Plan (2008–2015) to protect children",
    # a table row of counts by month: the number before a month is a count, not a day
    "Total 5 1 1 2 1 10 February 7 1 6 4 3 21 March 7 1 6",
    "4 3 2 – 25 March 9 4 3",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert dates(text) == []


def test_full_date_after_a_reference_is_a_date():
    text = "General Assembly resolution 64/106 of 10 December 2009 requested"
    assert dates(text) == [("10 December 2009", "2009-12-10", "2009-12-10")]
    assert [r.norm for r in find_references(text)] == ["resolution 64/106"]


def test_historical_year_only_in_a_clear_year_context():
    assert dates("registers going back to 1874.") == [("1874", "1874", "1874")]
    assert dates("assistance in 1540 implementation and the 1540 Committee") == []


def test_year_before_a_capitalised_subject_is_still_a_date():
    assert dates("In 2012 Parliament adopted the Act") == [("2012", "2012", "2012")]


def test_month_verb_may_is_not_a_month():
    assert dates("The Council may 2010 reports") == [("2010", "2010", "2010")]


def test_invalid_calendar_dates_are_rejected():
    assert dates("on 31 February 2025 and 30 February 2024") == []
    assert dates("on 29 February 2024") == [("29 February 2024", "2024-02-29", "2024-02-29")]


def test_reversed_range_is_rejected():
    assert dates("in 2009-2005 there") == []


def test_two_digit_end_year_must_follow_the_start():
    assert dates("fiscal 2008-09 and 2008-12 periods") == [("2008-09", "2008", "2009")]


@pytest.mark.parametrize("unit", ["1, ", "a", "1-", "a.", "A/", "resolutions 1, ", "January ", "x@", "10 and "])
def test_long_repetitive_text_is_scanned_in_linear_time(unit):
    # regression: "1, 1, 1, ..." and a long word once took O(n^2) (19 s and 40 s)
    import time

    text = unit * (20_000 // len(unit))
    started = time.process_time()
    find_dates(text, issue_year=2025)
    find_references(text)
    assert time.process_time() - started < 2.0


# -- dates without a year -----------------------------------------------------
def test_day_without_year_takes_issue_year_and_is_marked_inferred():
    found = find_dates("the meeting on 15 July was opened", issue_year=2025)
    assert [(d.text, d.norm, d.inferred) for d in found] == [("15 July", "2025-07-15/2025-07-15", True)]


def test_range_without_year_takes_issue_year():
    found = find_dates("held from 15 to 26 April in Vienna", issue_year=2025)
    assert [(d.text, d.norm, d.inferred) for d in found] == [("15 to 26 April", "2025-04-15/2025-04-26", True)]


def test_date_without_year_is_skipped_without_issue_year():
    assert find_dates("the meeting on 15 July was opened") == []
    assert find_dates("held from 15 to 26 April in Vienna") == []


def test_stated_year_is_not_marked_inferred():
    found = find_dates("on 15 July 2024 it met", issue_year=2025)
    assert [(d.norm, d.inferred) for d in found] == [("2024-07-15/2024-07-15", False)]


# -- lists of dates and the year of a stated period ---------------------------
@pytest.mark.parametrize("text,expected", [
    ("On 15 and 18 February the Force", [("15", "2025-02-15"), ("18 February", "2025-02-18")]),
    ("met on 5, 12, 13 and 28 October 1994.", [("5", "1994-10-05"), ("12", "1994-10-12"), ("13", "1994-10-13"),
                                              ("28 October 1994", "1994-10-28")]),
    ("visits in March and June 2025 were", [("March", "2025-03"), ("June 2025", "2025-06")]),
    ("held on 30 October and 2 November 2024 in", [("30 October", "2024-10-30"), ("2 November 2024", "2024-11-02")]),
])
def test_dates_joined_by_and_are_a_list(text, expected):
    found = find_dates(text, issue_year=2025)
    assert [(d.text, d.start_iso) for d in found] == expected
    assert all(d.start_iso == d.end_iso for d in found)


@pytest.mark.parametrize("text,norm", [
    ("held on 30 and 31 October 2024 in", "2024-10-30/2024-10-31"),   # consecutive days: one meeting
    ("in June and July 2025, the", "2025-06/2025-07"),                 # consecutive months
    ("fighting between 16 and 22 May displaced", "2025-05-16/2025-05-22"),  # "between": a range
    ("from 15 to 26 April the", "2025-04-15/2025-04-26"),
])
def test_consecutive_or_between_dates_stay_one_range(text, norm):
    assert [d.norm for d in find_dates(text, issue_year=2025)] == [norm]


def test_a_day_without_year_takes_the_year_of_the_stated_period():
    text = ("The present report covers the activities from 19 November 2024 to 18 February 2025. "
            "Late on 7 December, armed individuals entered. On 15 January, the Force met.")
    found = {d.text: (d.start_iso, d.inferred) for d in find_dates(text, issue_year=2025)}
    assert found["7 December"] == ("2024-12-07", True)
    assert found["15 January"] == ("2025-01-15", True)


def test_a_list_of_days_takes_the_year_stated_at_its_end():
    text = "The four meetings (2 September, 7 October, 4 November and 2 December 2024) discussed"
    found = [(d.text, d.start_iso, d.inferred) for d in find_dates(text, issue_year=2025)]
    assert found == [("2 September", "2024-09-02", False), ("7 October", "2024-10-07", False),
                     ("4 November", "2024-11-04", False), ("2 December 2024", "2024-12-02", False)]


def test_a_day_after_a_full_date_in_another_sentence_keeps_its_own_inference():
    found = {d.text: d.start_iso for d in find_dates("It met on 4 November 2024. On 7 October, it", issue_year=2025)}
    assert found["7 October"] == "2025-10-07"


def test_a_period_of_more_than_thirteen_months_gives_no_year():
    text = "The plan runs from January 2023 to June 2025. On 7 December, the Board met."
    found = {d.text: d.start_iso for d in find_dates(text, issue_year=2025)}
    assert found["7 December"] == "2025-12-07"


def test_a_day_outside_the_period_keeps_the_year_of_issue():
    text = "The workshop was held from 9 to 11 November 2010. The next one is planned for 3 March."
    found = {d.text: d.start_iso for d in find_dates(text, issue_year=2011)}
    assert found["3 March"] == "2011-03-03"


def test_a_day_month_written_with_its_year_between_numbers_is_still_a_date():
    # a numbered table of events: "1 10 February 2025 Opening"
    assert dates("1 10 February 2025 Opening 2 11 February 2025 Closing") == [
        ("10 February 2025", "2025-02-10", "2025-02-10"), ("11 February 2025", "2025-02-11", "2025-02-11")]


def test_a_year_opening_the_sentence_is_the_year_of_its_yearless_days():
    text = "In 2024, the 139th session was held from 5 to 9 February and the 140th from 20 to 31 May. On 3 March it met."
    assert dates(text, 2025) == [("2024", "2024", "2024"), ("5 to 9 February", "2024-02-05", "2024-02-09"),
                                 ("20 to 31 May", "2024-05-20", "2024-05-31"), ("3 March", "2025-03-03", "2025-03-03")]
    # "since" states no year for what follows
    assert dates("Since 2019, the Committee met on 5 May.", 2025)[-1] == ("5 May", "2025-05-05", "2025-05-05")


def test_years_after_a_body_or_role_are_a_term_of_office():
    assert dates("EMCDDA Management Board 2008-2010. Chair 2022-2023 Australian National Council") == [
        ("2008-2010", "2008", "2010"), ("2022-2023", "2022", "2023")]
    assert dates("the Peacekeeping Ministerial 2025 and the Language Policy 2014–2018 of") == []


def test_a_statistics_table_gives_no_days():
    """S/2025/420 tabulates incidents by month and year ("2024 January 5 1 1 2 1 10
    February 7 ..."): none of its cells is a day."""
    from pipeline.core.models import models_fingerprints
    from pipeline.runner.batch import RunOptions, process_file
    from pipeline.runner.cache import file_sha256
    from tests.conftest import need

    path = need(SHARED / "dev" / "S_2025_420.pdf")
    res = process_file(str(path), path.name, file_sha256(path), RunOptions(use_cache=False), models_fingerprints())
    text = res.note.text
    table = [m.start() for m in re.finditer(r"20\d\d January(?: (?:\d{1,3}|–)){4,}", text)]
    assert len(table) >= 4  # the rows of 2021 to 2025
    days_in_table = [m["text"] for m in res.findings["mentions"] if m["label"] == "DATE"
                     and len(m["norm"].split("/")[0]) == 10
                     and any(row <= m["start"] < row + 400 for row in table)]
    assert days_in_table == []
    # the body's own days are still read: "On 5 May, the task force targeted ..."
    assert any(m["text"] == "5 May" for m in res.findings["mentions"] if m["label"] == "DATE")


@pytest.mark.parametrize("name,text,norm", [
    # issued 12 March 2025, on the period 19 November 2024 - 18 February 2025
    ("S_2025_154.pdf", "7 December", "2024-12-07/2024-12-07"),
    # a letter that writes its dates day.month.year
    ("A_79_845.pdf", "13.02.1946", "1946-02-13/1946-02-13"),
    # issued in 2025: "In 2024, the 139th session was held from 5 to 9 February ..."
    ("E_2025_9_Add.12.pdf", "5 to 9 February", "2024-02-05/2024-02-09"),
])
def test_real_note_dates(name, text, norm):
    from pipeline.core.models import models_fingerprints
    from pipeline.runner.batch import RunOptions, process_file
    from pipeline.runner.cache import file_sha256
    from tests.conftest import need

    path = need(SHARED / "dev" / name)
    res = process_file(str(path), path.name, file_sha256(path), RunOptions(use_cache=False), models_fingerprints())
    norms = {m["norm"] for m in res.findings["mentions"] if m["label"] == "DATE" and m["text"] == text}
    assert norms == {norm}


# -- references ---------------------------------------------------------------
REFERENCES = [
    ("implementing resolution 1540 (2004) fully", [("resolution 1540 (2004)", "resolution 1540 (2004)")]),
    ("Security Council resolution 2231 (2015) and", [("resolution 2231 (2015)", "resolution 2231 (2015)")]),
    ("General Assembly resolution 64/106 of", [("resolution 64/106", "resolution 64/106")]),
    ("Human Rights Council decision 43/112.", [("decision 43/112", "decision 43/112")]),
    ("under resolutions 1267 (1999) and 1989 (2011), the",
     [("resolutions 1267 (1999)", "resolution 1267 (1999)"), ("1989 (2011)", "resolution 1989 (2011)")]),
    ("Resolution 2625 (XXV) of", [("Resolution 2625 (XXV)", "resolution 2625 (XXV)")]),
    ("see S/2025/149.", [("S/2025/149", "S/2025/149")]),
    ("resolutions 1639 (2005),1722 (2006), 1785 (2007)",  # a comma without its space
     [("resolutions 1639 (2005)", "resolution 1639 (2005)"), ("1722 (2006)", "resolution 1722 (2006)"),
      ("1785 (2007)", "resolution 1785 (2007)")]),
    ("see A/79/923-S/2025/341.", [("A/79/923", "A/79/923"), ("S/2025/341", "S/2025/341")]),
    ("see A/RES/79/113,", [("A/RES/79/113", "A/RES/79/113")]),
    ("see A/HRC/14/37 and E/CN.4/109 and S/23766", [("A/HRC/14/37", "A/HRC/14/37"), ("E/CN.4/109", "E/CN.4/109"),
                                                   ("S/23766", "S/23766")]),
    ("see A/CONF.243/2025/1 and TPNW/MSP/2025/11", [("A/CONF.243/2025/1", "A/CONF.243/2025/1"),
                                                    ("TPNW/MSP/2025/11", "TPNW/MSP/2025/11")]),
    ("see ICCD/COP(8)/CST/8 and E/HLPF/2025/3/Add.4.", [("ICCD/COP(8)/CST/8", "ICCD/COP(8)/CST/8"),
                                                        ("E/HLPF/2025/3/Add.4", "E/HLPF/2025/3/Add.4")]),
]


@pytest.mark.parametrize("text,expected", REFERENCES, ids=[r[0] for r in REFERENCES])
def test_reference_span_and_norm(text, expected):
    assert [(r.text, r.norm) for r in find_references(text)] == expected


def test_acronym_pairs_are_not_document_symbols():
    assert find_references("the CITS/UGA and HIV/AIDS programmes") == []


# -- normalise_date (validating the statistical model's DATE entities) ---------
@pytest.mark.parametrize("text,expected", [
    ("10 March 2025", ("2025-03-10", "2025-03-10")),
    ("the 1990s", ("1990", "1999")),
    ("from 2005 to 2009", ("2005", "2009")),
    ("between 2005 and 2009", ("2005", "2009")),
    ("November 2010", ("2010-11", "2010-11")),
    ("9 -11 November 2010", ("2010-11-09", "2010-11-11")),
    ("2010", ("2010", "2010")),
    ("the fourth quarter of 2024", ("2024-10", "2024-12")),
    ("last year", None),
    ("today", None),
    ("five years", None),
    ("the seventy-ninth session", None),
    ("2030 Agenda", None),
    ("1540", None),
    ("2010 and 2011", None),
    ("", None),
])
def test_normalise_date(text, expected):
    assert normalise_date(text) == expected


def test_normalise_date_uses_issue_year_for_a_day_without_year():
    assert normalise_date("15 July", issue_year=2025) == ("2025-07-15", "2025-07-15")
    assert normalise_date("15 July") is None


@pytest.mark.parametrize("span,expected", [
    ("2030", None),                 # "the 2030 Agenda"
    ("2004", None),                 # inside "resolution 1540 (2004)"
    ("2025", None),                 # inside "S/2025/149"
    ("2010", ("2010", "2010")),
    ("from 2005 to 2009", ("2005", "2009")),
    ("the 1990s", ("1990", "1999")),
    ("2005", None),                 # only part of the range "2005 to 2009"
])
def test_normalise_date_at_reads_the_context(span, expected):
    text = "We support the 2030 Agenda. In 2010, under resolution 1540 (2004) and S/2025/149, " \
           "from 2005 to 2009 and in the 1990s."
    i = text.index(span)
    assert normalise_date_at(text, i, i + len(span)) == expected


def test_normalise_date_at_rejects_bad_offsets():
    assert normalise_date_at("In 2010.", 5, 3) is None
    assert normalise_date_at("In 2010.", 3, 99) is None


# -- the spaCy component --------------------------------------------------------
@pytest.fixture(scope="module")
def nlp():
    import pipeline.nlp.dates  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("unnotes_dates")
    return nlp


def candidates(doc):
    return [(s.text, s.label_, s.kb_id_, s.id_) for s in doc.spans.get(CANDIDATES, [])]


def test_component_adds_reference_and_date_candidates(nlp):
    doc = nlp("Resolution 1540 (2004) was discussed in Lima on 9 -11 November 2010.")
    assert candidates(doc) == [
        ("Resolution 1540 (2004)", "REFERENCE", "resolution 1540 (2004)",
         "pattern:references.jsonl:resolution-or-decision"),
        ("9 -11 November 2010", "DATE", "2010-11-09/2010-11-11", "pattern:dates.jsonl:day-range-month-year"),
    ]


def test_component_marks_inferred_year_in_source(nlp):
    doc = nlp.make_doc("The meeting on 15 July was opened.")
    doc._.issue_year = 2025
    doc = nlp(doc)
    assert candidates(doc) == [("15 July", "DATE", "2025-07-15/2025-07-15", "pattern:dates.jsonl:day-month:year-inferred")]


def test_component_without_issue_year_skips_yearless_dates(nlp):
    assert candidates(nlp("The meeting on 15 July was opened.")) == []


def test_component_reads_configured_files(tmp_path):
    import pipeline.nlp.dates  # noqa: F401

    patterns = tmp_path / "dates.jsonl"
    patterns.write_text('{"id": "only-years", "label": "DATE", "regex": "(?P<y1>{YEAR})"}\n', encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("unnotes_dates", config={"patterns": str(patterns)})
    doc = nlp("On 10 March 2025 it met.")
    assert candidates(doc) == [("2025", "DATE", "2025/2025", "pattern:dates.jsonl:only-years")]


# -- data files -----------------------------------------------------------------
def write_jsonl(path: Path, *objs) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def test_overlay_line_with_same_id_replaces_the_shipped_one(tmp_path):
    overlay = write_jsonl(tmp_path / "dates.jsonl", {"id": "decade", "label": "DATE", "disabled": True, "regex": ""})
    grammar = DateGrammar([DEFAULT_PATTERNS, overlay], DEFAULT_REFERENCES, DEFAULT_WORDS)
    assert grammar.find_dates("in the 1990s") == []
    assert [d.norm for d in grammar.find_dates("in 1995")] == ["1995/1995"]


@pytest.mark.parametrize("obj,message", [
    ({"id": "x", "label": "DATE", "regex": "(?P<y1>{YEAR}"}, "line 1: expected a valid regular expression in .regex."),
    ({"id": "x", "label": "TIME", "regex": "{YEAR}"}, "line 1: expected 'label' one of"),
    ({"id": "x", "label": "DATE", "regex": "{YEER}"}, "line 1: expected a macro among"),
    ({"id": "x", "label": "DATE", "regex": "(?P<year>{YEAR})"}, "line 1: expected named groups among"),
    ({"id": "x", "label": "DATE", "regex": "(?P<d1>{DAY})"}, "line 1: expected a DATE regex with a year"),
    ({"id": "x", "label": "DATE", "regex": 42}, "line 1: expected str for 'regex'"),
])
def test_bad_pattern_line_names_file_line_and_problem(tmp_path, obj, message):
    bad = write_jsonl(tmp_path / "dates.jsonl", obj)
    with pytest.raises(ModelDataError, match=message) as err:
        DateGrammar(bad, DEFAULT_REFERENCES, DEFAULT_WORDS)
    assert str(bad) in str(err.value)


def test_reference_without_norm_template_is_an_error(tmp_path):
    bad = write_jsonl(tmp_path / "references.jsonl", {"id": "r", "label": "REFERENCE", "regex": "S/[0-9]+"})
    with pytest.raises(ModelDataError, match="line 1: expected key 'norm'"):
        DateGrammar(DEFAULT_PATTERNS, bad, DEFAULT_WORDS)


def test_bad_word_row_names_file_line_and_problem(tmp_path):
    words = tmp_path / "date_words.tsv"
    words.write_text("word\tkind\tvalue\nJanuary\tmonth\t1\nSmarch\tmonth\t13\n", encoding="utf-8")
    with pytest.raises(ModelDataError, match=r"date_words.tsv line 3: expected a month number 1-12, got '13'"):
        DateGrammar(DEFAULT_PATTERNS, DEFAULT_REFERENCES, words)


def test_unknown_word_kind_is_an_error(tmp_path):
    words = tmp_path / "date_words.tsv"
    words.write_text("word\tkind\tvalue\nJanuary\tmonth\t1\nnoon\ttime\t\n", encoding="utf-8")
    with pytest.raises(ModelDataError, match="line 3: expected kind one of"):
        DateGrammar(DEFAULT_PATTERNS, DEFAULT_REFERENCES, words)


def test_a_days_ending_is_a_row_of_the_date_words_file(tmp_path):
    # "21st" reads as a day because the English file lists "st"; a words file of French endings
    # ("e", as in "21e") reads "21e" and no longer the English ones
    assert [(d.start_iso, d.end_iso) for d in find_dates("held on 21st March 2025 and on 3RD MAY 2024")] == [
        ("2025-03-21", "2025-03-21"), ("2024-05-03", "2024-05-03")]
    words = tmp_path / "date_words.tsv"
    rows = [line for line in DEFAULT_WORDS.read_text(encoding="utf-8").splitlines() if "\tday_ending" not in line]
    words.write_text("\n".join(rows + ["e\tday_ending\t\t"]) + "\n", encoding="utf-8")
    grammar = DateGrammar(DEFAULT_PATTERNS, DEFAULT_REFERENCES, words)
    assert [d.text for d in find_dates("held on 21e March 2025", grammar=grammar)] == ["21e March 2025"]
    assert [d.text for d in find_dates("held on 21st March 2025", grammar=grammar)] == ["March 2025"]


@pytest.mark.parametrize("text, expected", [
    ("It met on 21 March 2025 and 3 May 2024.", [("2025-03-21", "2025-03-21"), ("2024-05-03", "2024-05-03")]),
    ("from 5 June 2025 to 3 May 2024", [("2025-06-05", "2025-06-05"), ("2024-05-03", "2024-05-03")]),
    ("between 2010 and 2005", [("2010", "2010"), ("2005", "2005")]),
    ("on 31 February 2025 and 3 March 2025", []),   # no calendar date: the match still claims its span
])
def test_two_dates_that_make_no_period_are_each_a_date(text, expected):
    # a range match whose sides are each a date but run backwards is read as two dates, not dropped
    assert [(d.start_iso, d.end_iso) for d in find_dates(text)] == expected


# -- real text ------------------------------------------------------------------
@pytest.mark.skipif(not (SEED / "lima-2010-information-note.txt").exists(),
                    reason="seed note not found in ../shared/corpus/seed")
def test_seed_note_dates_equal_gold():
    text = (SEED / "lima-2010-information-note.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "lima-2010-information-note.gold.json").read_text(encoding="utf-8"))
    found = {(d.start_iso, d.end_iso) for d in find_dates(text)}
    assert found == {tuple(pair) for pair in gold["dates"]["required"]}
    refs = find_references(text)
    assert "resolution 1540 (2004)" in {r.norm for r in refs}
    for d in find_dates(text):
        assert "2004" not in d.text


REAL = SHARED / "real"


@pytest.mark.skipif(not (REAL / "aiun__S_2025_411.en.pdf").exists(), reason="real corpus not found in ../shared")
def test_real_report_period_and_references():
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(REAL / "aiun__S_2025_411.en.pdf"))
    text = "\n".join(p.get_textpage().get_text_range() for p in pdf)
    norms = {d.norm for d in find_dates(text)}
    assert "2024-12-14/2025-06-23" in norms   # "the period from 14 December 2024 to 23 June 2025"
    assert "2025-06-25/2025-06-25" in norms   # date of issue
    assert "2015/2015" not in norms          # only inside "resolution 2231 (2015)"
    assert "resolution 2231 (2015)" in {r.norm for r in find_references(text)}


def test_model_dates_are_judged_with_the_overlay_date_grammar(tmp_path):
    """Model DATE entities used to be normalised with the shipped files only (datenorm.default_grammar)."""
    from pipeline.nlp.build import build_nlp

    overlay = tmp_path / "mine"
    write_jsonl(overlay / "en" / "patterns" / "dates.jsonl",
                {"id": "decade", "label": "DATE", "disabled": True, "regex": ""})
    nlp = build_nlp("en", overlay=overlay)
    judge, finder = nlp.get_pipe("unnotes_model_ents").grammar, nlp.get_pipe("unnotes_dates").grammar
    assert judge is finder  # one grammar, loaded once, from the same files
    assert "decade" not in {p.id for p in judge.dates}
    assert "decade" in {p.id for p in build_nlp("en").get_pipe("unnotes_model_ents").grammar.dates}
