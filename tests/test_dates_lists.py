"""Dates, sixth round: day lists with ranges, mixed-precision and "between ... and ..."
ranges, a yearless day after a dated one, and numbers that are not dates. Each case is a
sentence of a real UN document of ../shared/corpus/dev (named in the comment), and the
first test reads one of those PDFs itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.models import default_file
from pipeline.nlp.datenorm import DateGrammar, find_dates

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def dates(text: str, issue_year: int | None = 2025, grammar: DateGrammar | None = None) -> list[tuple[str, str, str]]:
    return [(d.text, d.start_iso, d.end_iso) for d in find_dates(text, issue_year, grammar)]


def grammar_of(lang: str) -> DateGrammar:
    return DateGrammar(default_file("dates", lang), default_file("references", lang), default_file("date_words", lang))


def test_the_ngo_committee_masthead_day_list_from_the_pdf():
    from pipeline.ingest import read_note

    path = DEV / "E_C.2_2025_2_Add.5.pdf"
    if not path.exists():
        pytest.skip(f"{path} not found: the dev documents live in ../shared/corpus/dev")
    note = read_note(path, ocr="never")
    line = next(ln for ln in note.text.splitlines() if "19–23, 28 and 29 May" in ln)
    assert [(s, e) for _, s, e in dates(line)] == [
        ("2025-05-19", "2025-05-23"), ("2025-05-28", "2025-05-29"), ("2025-06-05", "2025-06-05")]


@pytest.mark.parametrize("text, expected", [
    # E/C.2/2025/2/Add.8: the days before "29 May" take its month; "28 and 29" is one range
    ("New York, 19–23, 28 and 29 May and 5 June 2025",
     [("19–23", "2025-05-19", "2025-05-23"), ("28 and 29 May", "2025-05-28", "2025-05-29"),
      ("5 June 2025", "2025-06-05", "2025-06-05")]),
    # A/49/624's meeting days across two months
    ("on 4, 11 and 16 October and 3 November 1994",
     [("4", "1994-10-04", "1994-10-04"), ("11", "1994-10-11", "1994-10-11"),
      ("16 October", "1994-10-16", "1994-10-16"), ("3 November 1994", "1994-11-03", "1994-11-03")]),
    # a number before a date is a day only after a line start, punctuation or an edge word
    ("see Table 3, 5 May 2025", [("5 May 2025", "2025-05-05", "2025-05-05")]),
])
def test_a_day_list_written_before_the_date_that_states_its_month(text, expected):
    assert dates(text) == expected


def test_mixed_precision_ranges_and_between_two_full_dates():
    # S/2025/223, paragraphs 58 and 59
    assert dates("From June 2023 to 3 April 2025, more than 12,750 migrants") == [
        ("June 2023 to 3 April 2025", "2023-06", "2025-04-03")]
    assert dates("Between 11 December 2024 and 31 March 2025, more than 5,000 migrants") == [
        ("11 December 2024 and 31 March 2025", "2024-12-11", "2025-03-31")]
    # without a between word, two dates joined by "and" stay two days
    assert [(s, e) for _, s, e in dates("on 5 May 2024 and 6 June 2025")] == [
        ("2024-05-05", "2024-05-05"), ("2025-06-06", "2025-06-06")]


def test_a_yearless_day_after_a_dated_one_in_its_sentence_takes_its_year():
    # S/2025/223 (issued in April 2025)
    got = dates("The House of Representatives had appointed Attia Allah Abdulkarim to the position on "
                "25 August 2024, but it withdrew the appointment on 8 September. On 3 March, it met.")
    assert got == [("25 August 2024", "2024-08-25", "2024-08-25"), ("8 September", "2024-09-08", "2024-09-08"),
                   ("3 March", "2025-03-03", "2025-03-03")]
    # a day earlier in the calendar than the dated one keeps the year of issue
    assert dates("resolution 2755 of 31 October 2024, and on 15 January")[-1] == (
        "15 January", "2025-01-15", "2025-01-15")


@pytest.mark.parametrize("text, expected", [
    # A/50/610: documents of a series, by year, with their addenda
    ("the working papers of the Committee (A/AC.109/2013 and Add.1, 2014, 2015 and Add.1, 2016 and Add.1, "
     "2019\nand Add.1 and 2020 and Add.1). The Rapporteur", []),
    # A/80/188: the year of a numbered text
    ("Committee on Economic, Social and Cultural Rights, general comment No. 24 (2017) on State obligations", []),
    # E/2025/9/Add.12: a journal's issue number before its month
    ("Seven Countries. Vol. 55 No. 5 May 2018 Journal of Pain and Symptom Management.", []),
    # A/79/963: the month of an annex heading after a slash is a date
    ("Airborne Violations/July 2024", [("July 2024", "2024-07", "2024-07")]),
])
def test_numbers_that_are_not_dates_and_a_heading_month(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "entre le 11 décembre 2024 et le 31 mars 2025", [("2024-12-11", "2025-03-31")]),
    ("fr", "de juin 2023 au 3 avril 2025", [("2023-06", "2025-04-03")]),
    ("es", "de junio de 2023 al 3 de abril de 2025", [("2023-06", "2025-04-03")]),
    ("es", "entre el 11 de diciembre de 2024 y el 31 de marzo de 2025", [("2024-12-11", "2025-03-31")]),
    ("fr", "les documents (A/AC.109/2013 et Add.1, 2014, 2015 et Add.1)", []),
    ("es", "los documentos (A/AC.109/2013 y Add.1, 2014, 2015 y Add.1)", []),
])
def test_the_same_constructions_in_french_and_spanish(lang, text, expected):
    assert [(s, e) for _, s, e in dates(text, 2025, grammar_of(lang))] == expected
