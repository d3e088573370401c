"""Property tests for the date grammar: any valid date written in a supported
form is found with exactly its span and normalisation; nothing ever raises and
no result has its end before its start."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.datenorm import find_dates, find_references, normalise_date, normalise_date_at

DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
BEFORE = st.sampled_from(["", "The meeting was held on ", "On ", "(", "Date and Venue: ", "It met in Lima, "])
AFTER = st.sampled_from(["", ".", ", in Geneva.", ")", " and ended well.", "; see annex."])
DASHES = st.sampled_from(["-", "–", " - ", " -", "—", " to "])


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def month(d: dt.date, short: bool = False) -> str:
    return (calendar.month_abbr if short else calendar.month_name)[d.month]


DAY_FORMS = [
    lambda d: f"{d.day} {month(d)} {d.year}",
    lambda d: f"{d.day} {month(d).upper()} {d.year}",
    lambda d: f"{d.day} {month(d, short=True)} {d.year}",
    lambda d: f"{month(d)} {d.day}, {d.year}",
    lambda d: f"{ordinal(d.day)} of {month(d)} {d.year}",
    lambda d: f"{calendar.day_name[d.weekday()]}, {d.day} {month(d)} {d.year}",
    lambda d: d.isoformat(),
]


def only(text: str, issue_year: int | None = None):
    found = find_dates(text, issue_year)
    assert len(found) == 1, (text, found)
    return found[0]


@settings(max_examples=300, deadline=None)
@given(DATES, st.sampled_from(DAY_FORMS), BEFORE, AFTER)
def test_any_day_in_any_form_is_found_exactly(day, form, before, after):
    written = form(day)
    found = only(before + written + after)
    assert (found.start, found.text) == (len(before), written)
    assert (found.start_iso, found.end_iso) == (day.isoformat(), day.isoformat())


@settings(max_examples=200, deadline=None)
@given(DATES, st.booleans(), BEFORE, AFTER)
def test_any_month_is_found_at_month_precision(day, upper, before, after):
    written = f"{month(day).upper() if upper else month(day)} {day.year}"
    found = only(before + written + after)
    assert found.text == written
    assert (found.start_iso, found.end_iso) == (day.isoformat()[:7], day.isoformat()[:7])


@settings(max_examples=300, deadline=None)
@given(DATES, st.integers(min_value=1, max_value=400), DASHES, BEFORE, AFTER)
def test_any_range_is_found_with_both_ends(first, length, dash, before, after):
    last = first + dt.timedelta(days=length)
    if last.year > 2099:
        return
    if (first.year, first.month) == (last.year, last.month):
        written = f"{first.day}{dash}{last.day} {month(last)} {last.year}"
    elif first.year == last.year:
        written = f"{first.day} {month(first)}{dash}{last.day} {month(last)} {last.year}"
    else:
        written = f"{first.day} {month(first)} {first.year}{dash}{last.day} {month(last)} {last.year}"
    found = only(before + written + after)
    assert found.text == written
    assert (found.start_iso, found.end_iso) == (first.isoformat(), last.isoformat())


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2098), st.integers(1, 30), st.sampled_from(["{a} to {b}", "{a}-{b}", "{a}–{b}", "{a}/{b}"]))
def test_any_year_range_is_found(start, span, form):
    end = min(start + span, 2099)
    written = form.format(a=start, b=end)
    found = only(f"The programme ran from {written}, with success.")
    assert found.text == written
    assert (found.start_iso, found.end_iso) == (str(start), str(end))


@settings(max_examples=100, deadline=None)
@given(st.integers(190, 209))
def test_any_decade_is_found(decade):
    found = only(f"Conflicts of the {decade}0s were many.")
    assert (found.text, found.start_iso, found.end_iso) == (f"{decade}0s", f"{decade}0", f"{decade}9")


@settings(max_examples=100, deadline=None)
@given(DATES, st.integers(1900, 2099))
def test_day_without_year_takes_the_issue_year(day, issue_year):
    if (day.month, day.day) == (2, 29) and not calendar.isleap(issue_year):
        return
    found = only(f"The meeting on {day.day} {month(day)} was opened.", issue_year)
    expected = day.replace(year=issue_year).isoformat()
    assert (found.text, found.start_iso, found.end_iso, found.inferred) == (
        f"{day.day} {month(day)}", expected, expected, True)


def _not_after(start: str, end: str) -> bool:
    k = min(len(start), len(end))
    return start[:k] <= end[:k]


DATEISH = st.text(alphabet="0123456789 -–/,.()JanuryFebMchApilOctNovDesQHfirsthalquto", max_size=80)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), DATEISH), st.one_of(st.none(), st.integers(1900, 2099)))
def test_results_are_consistent_on_arbitrary_text(text, issue_year):
    found = find_dates(text, issue_year)
    previous_end = 0
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.start >= previous_end  # in order, no overlaps
        previous_end = d.end
        assert _not_after(d.start_iso, d.end_iso)
        dt.date.fromisoformat((d.start_iso + "-01-01")[:10])  # each is a real calendar value
        dt.date.fromisoformat((d.end_iso + "-01-01")[:10])
    for r in find_references(text):
        assert text[r.start:r.end] == r.text and r.norm


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), DATEISH), st.one_of(st.none(), st.integers(1900, 2099)))
def test_normalise_date_never_raises(text, issue_year):
    value = normalise_date(text, issue_year)
    assert value is None or _not_after(*value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.integers(-5, 130), st.integers(-5, 130))
def test_normalise_date_at_never_raises(text, start, end):
    value = normalise_date_at(text, start, end)
    assert value is None or _not_after(*value)
