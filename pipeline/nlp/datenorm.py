"""Calendar dates and document references in plain text, normalised to ISO 8601
`start`/`end` at the precision the text states (ANNOTATION.md, DATE).

Why a grammar and not `dateparser`/`dateutil`: those turn a string into ONE
datetime, so "9-11 November 2010" loses its end, "November 2010" gains a day
it never stated (2010-11-01) and "2005-2009" or "the 1990s" cannot be said at
all. Here each pattern in `models/patterns/dates.jsonl` is a regex whose named
groups (d1 m1 y1, d2 m2 y2, decade, q, h, ...) say which part of the period the
text gives, and `normalise_parts` turns them into a (start, end) pair with
exactly that precision, checked with `datetime` (no 31 February).

Resolutions and document symbols (`models/patterns/references.jsonl`) are
found first: a year inside "resolution 1540 (2004)" or "S/2025/149" is part
of a reference, not a date. No spaCy here: the component in `dates.py` wires
these functions to a Doc."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from pipeline.core.datafiles import as_sources, read_tsv, sources_key
from pipeline.core.schemas import DATE_WORD_FORMS, DATE_WORD_KINDS, SCHEMAS
from pipeline.core.errors import ModelDataError
from pipeline.core.models import Source, default_file
from pipeline.core.validate import compile_regex, records

DEFAULT_PATTERNS = default_file("dates")
DEFAULT_REFERENCES = default_file("references")
DEFAULT_WORDS = default_file("date_words")

YEAR_MIN, YEAR_MAX = 1500, 2099  # {YEAR} itself is 1900-2099; older years only in `historical-year`
DATE_GROUPS = frozenset({"d1", "m1", "y1", "d2", "m2", "y2", "yy2", "decade", "q", "h", "pre"})
WORD_KINDS = frozenset(DATE_WORD_KINDS)
WORD_FORMS = frozenset(DATE_WORD_FORMS)
# A DATE match may not start or end inside a word, a number or a symbol
# ("S/2025/149", "GE.10-2010", "20101"); a year range is its own pattern. A capitalised
# month after a lower-case word and a slash is a heading's date ("Airborne Violations/July 2024").
EDGE_BEFORE = r"(?<![A-Za-zÀ-ÿ0-9])(?:(?<!/)|(?<=[a-zà-ÿ]/)(?=[A-Z][a-z]))(?<![0-9][.,\-–/])"
EDGE_AFTER = r"(?![A-Za-zÀ-ÿ0-9/])(?![.,\-–][0-9])"
# A day of the month ("5", "05"), and after it one of the language's day endings ("21st":
# DateWords.day_ending): the grammar's {DAY} and the days of a list
DAY_NUMBER = r"(?:3[01]|[12][0-9]|0?[1-9])"
MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class DateMatch:
    """A date in text: `text[start:end]`, normalised to `start_iso`/`end_iso`;
    `inferred` when the year came from the note's year of issue."""

    start: int
    end: int
    text: str
    start_iso: str
    end_iso: str
    pattern_id: str
    inferred: bool = False
    source: str = "dates.jsonl"  # the name of the file the pattern came from

    @property
    def norm(self) -> str:
        return f"{self.start_iso}/{self.end_iso}"


@dataclass(frozen=True)
class ReferenceMatch:
    """A resolution, decision or document symbol: `text[start:end]`, `norm`
    its canonical form ("resolution 1540 (2004)", "S/2025/149")."""

    start: int
    end: int
    text: str
    norm: str
    pattern_id: str
    source: str = "references.jsonl"  # the name of the file the pattern came from


@dataclass(frozen=True)
class Pattern:
    id: str
    label: str
    regex: re.Pattern
    norm: str = ""
    item: re.Pattern | None = None
    require: re.Pattern | None = None
    source: str = ""


# -- loading the data files ---------------------------------------------------
class DateWords:
    """The word lists of `date_words.tsv`: month names (value 1-12), weekdays,
    ordinals (first..fourth, -1 = last), qualifiers ("early", "mid"), the words
    of the range/and/of macros and the edge words before a date."""

    def __init__(self, rows: dict[str, list[tuple[str, int | None]]], full: frozenset[str] = frozenset()):
        self.rows = rows
        self.full = full  # lower-cased words written in full (form "full")
        self.values = {w.lower().rstrip("."): v for kind in ("month", "ordinal", "decade") for w, v in rows[kind]}
        # The endings a day number may carry ("st" of "21st"), as written and in upper case; optional.
        endings = sorted({e for w, _ in rows["day_ending"] for e in (w, w.upper())}, key=lambda e: (-len(e), e))
        self.day_ending = "(?:" + "|".join(map(re.escape, endings)) + ")?" if endings else ""
        and_words = self.words("and") if rows["and"] else ""
        range_words = self.words("range") if rows["range"] else ""
        between = "|".join(re.escape(w) for w, _ in rows["between"])
        # Two dates joined by an "and" word are a list ("15 and 18 February"), unless
        # a "between" word comes before them ("between 16 and 22 May": one range).
        self.and_re = re.compile(rf"(?<![^\W\d_])(?:{and_words})(?![^\W\d_])" if and_words else "(?!)")
        self.range_re = re.compile(rf"[-‐‑‒–—]|(?<![^\W\d_])(?:{range_words})(?![^\W\d_])" if range_words
                                   else "[-‐‑‒–—]")
        # What separates the items of a list of dates: ", ", " and ", ", and ".
        self.list_gap_re = re.compile(rf"\s*,?\s*(?:(?:{and_words})\s+)?" if and_words else r"\s*,\s*")
        # One day or day range of a list written before the date that states its month, read
        # from the right: "19–23, " and "28 and " of "19–23, 28 and 29 May and 5 June 2025".
        and_gap = rf"\s*,?\s+(?:{and_words})\s+|" if and_words else ""
        self.leading_day_re = re.compile(
            rf"(?<![\w.,/%‐‑‒–—-])(?P<first>{DAY_NUMBER}){self.day_ending}"
            rf"(?:\s*[-‐‑‒–—]\s*(?P<last>{DAY_NUMBER}){self.day_ending})?"
            rf"(?P<gap>{and_gap}\s*,\s*)$")
        self.between_re = re.compile(rf"(?<![^\W\d_])(?:{between})(?:\s+[^\W\d_]{{1,3}})?\s+$" if between
                                     else "(?!)", re.IGNORECASE)
        within = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w, _ in rows["within"])
        # "In 2024, the session was held from 5 to 9 February": a year stated after a
        # "within" word at the head of a sentence is the year of its days written without one.
        self.within_year_re = re.compile(rf"(?:^|(?<=[.;:!?]\s)|(?<=\n))\W*(?:{within})\s+$" if within else "(?!)",
                                         re.IGNORECASE)
        edge = "|".join(re.escape(w) for w, _ in rows["edge"])
        # What may stand before the first day of such a list: a line start, a punctuation mark or
        # an edge word ("on 4, 11 and 16 October"; not "Table 3, 5 May 2025").
        self.before_days_re = re.compile(rf"(?:^|[\n,;:(\[]|(?<![^\W\d_])(?:{edge}))[ \t\u00a0]*$" if edge
                                         else r"(?:^|[\n,;:(\[])[ \t\u00a0]*$", re.IGNORECASE)
        # Words a statistical model leaves at the edge of a DATE entity ("the 1990s",
        # "from 2005 to 2009"): `normalise_date` accepts them around one grammar match.
        self.edge_re = re.compile(rf"^(?:(?:{edge})\s+)*" if edge else "^", re.IGNORECASE)

    @classmethod
    def load(cls, paths: Iterable[Path]) -> "DateWords":
        rows: dict[str, list[tuple[str, int | None]]] = {k: [] for k in WORD_KINDS}
        full: set[str] = set()
        for path in paths:
            for lineno, row in read_tsv(path, ["word", "kind", "value"]):
                kind, word, value = row["kind"], row["word"], row["value"]
                form = row.get("form", "")
                if form not in WORD_FORMS:
                    raise ModelDataError(f"{path} line {lineno}: expected form one of {sorted(WORD_FORMS)}, "
                                         f"got {form!r}")
                if form == "full":
                    full.add(word.lower())
                if kind not in WORD_KINDS:
                    raise ModelDataError(f"{path} line {lineno}: expected kind one of {sorted(WORD_KINDS)}, got {kind!r}")
                if not word:
                    raise ModelDataError(f"{path} line {lineno}: expected a word, got an empty field")
                number = None
                if kind in ("month", "ordinal", "decade"):
                    try:
                        number = int(value)
                    except ValueError:
                        raise ModelDataError(f"{path} line {lineno}: expected an integer value for {kind} "
                                             f"{word!r}, got {value!r}") from None
                    if kind == "month" and not 1 <= number <= 12:
                        raise ModelDataError(f"{path} line {lineno}: expected a month number 1-12, got {value!r}")
                rows[kind].append((word, number))
        if not rows["month"]:
            raise ModelDataError(f"{', '.join(map(str, paths))}: expected rows of kind 'month', got none")
        return cls(rows, frozenset(full))

    def words(self, kind: str) -> str:
        """A regex alternation of the words of `kind`, in file order, as written."""
        return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w, _ in self.rows[kind]) or "(?!)"

    def value(self, word: str) -> int | None:
        word = word.strip().rstrip(".").lower()
        if word.isdigit():
            return int(word)
        return self.values.get(word)

    def alternation(self, kind: str, full_months_only: bool = False) -> str:
        """A regex alternation of the words of `kind`, longest first. Months and
        weekdays match as written in the file, in Title and in UPPER case (so the
        verb "may" is not the month "May"); ordinals and qualifiers in any case."""
        full = self.full
        forms: set[str] = set()
        for word, _ in self.rows[kind]:
            if full_months_only and word.lower() not in full:
                continue
            variants = {word, word[:1].upper() + word[1:], word.upper()}
            if kind in ("ordinal", "qualifier", "decade"):
                variants |= {word.lower()}
            forms |= variants
        parts = []
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            body = r"\s+".join(re.escape(w) for w in form.split())
            abbreviated = kind in ("month", "weekday") and form.lower() not in full and len(form) <= 5
            parts.append(body + (r"\.?" if abbreviated else ""))
        if not parts:
            return "(?!)"
        # The lookahead on the first letters lets the regex engine skip most
        # positions without trying every alternative (a 3x speed-up on long notes).
        first = "".join(sorted({re.escape(f[0]) for f in forms}))
        return f"(?=[{first}])(?:" + "|".join(parts) + ")(?![A-Za-z])"


def _macros(words: DateWords) -> dict[str, str]:
    sp = r"(?:[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
    sp0 = r"(?:[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*)"
    dash = "[-‐‑‒–—]"
    weekday = words.alternation("weekday")
    return {
        "SP": sp, "SP0": sp0, "DASH": dash,
        "DAY": DAY_NUMBER + words.day_ending,
        "YEAR": r"(?:19|20)[0-9]{2}",
        "MONTH": words.alternation("month"),
        "MONTHNAME": words.alternation("month", full_months_only=True),
        "WEEKDAY": weekday,
        "WD": f"(?:{weekday},?{sp})?",
        "ORDINAL": words.alternation("ordinal"),
        "QUALIFIER": words.alternation("qualifier"),
        "DECADEWORD": words.alternation("decade"),  # "noventa", "quatre-vingt-dix" (value: the first year)
        "RANGE": f"(?:{sp0}{dash}{sp0}|{sp}(?:{words.words('range')}){sp})",
        "AND": f"(?:{sp}(?:{words.words('and')}){sp})",
        "OF": f"(?:{sp}(?:{words.words('of')}))?",  # "10th of March", "23 de mayo de 2025"
    }


def _expand(regex: str, macros: dict[str, str], where: str) -> str:
    def sub(m: re.Match) -> str:
        if m.group(1) not in macros:
            raise ModelDataError(f"{where}: expected a macro among {sorted(macros)}, got {{{m.group(1)}}}")
        return macros[m.group(1)]
    return MACRO.sub(sub, regex)


def _compile(regex: str, where: str, key: str = "regex") -> re.Pattern:
    return compile_regex(regex, where, key)


def load_patterns(paths: Iterable[Path | Source], words: DateWords, labels: set[str]) -> list[Pattern]:
    """The patterns of JSONL files, in file order; a later line with the same
    id replaces an earlier one, and `"disabled": true` removes it."""
    macros = _macros(words)
    schema = SCHEMAS["patterns/references.jsonl" if "REFERENCE" in labels else "patterns/dates.jsonl"]
    by_id: dict[str, Pattern | None] = {}
    for data_file in as_sources(list(paths)):
        path = data_file.path
        for lineno, obj in records(path, schema):
            where = f"{path} line {lineno}"
            if obj["label"] not in labels:
                raise ModelDataError(f"{where}: expected label one of {sorted(labels)}, got {obj['label']!r}")
            if obj.get("disabled"):
                by_id[obj["id"]] = None
                continue
            local = dict(macros)
            item = None
            if "item" in obj:
                item_src = _expand(str(obj["item"]), macros, where)
                item = _compile(item_src, where, "item")
                local["ITEM"] = NAMED_GROUP.sub("(?:", item_src)
            source = _expand(obj["regex"], local, where)
            if obj["label"] == "DATE":
                source = f"{EDGE_BEFORE}(?:{source}){EDGE_AFTER}"
            regex = _compile(source, where)
            if obj["label"] == "DATE":
                unknown = set(regex.groupindex) - DATE_GROUPS
                if unknown:
                    raise ModelDataError(f"{where}: expected named groups among {sorted(DATE_GROUPS)}, "
                                         f"got {sorted(unknown)}")
                if not set(regex.groupindex) & {"y1", "y2", "m1", "m2", "decade"}:
                    raise ModelDataError(f"{where}: expected a DATE regex with a year, month or decade group, "
                                         f"got groups {sorted(regex.groupindex)}")
            if obj["label"] == "REFERENCE" and not isinstance(obj.get("norm"), str):
                raise ModelDataError(f"{where}: expected a string 'norm' template, got {obj.get('norm')!r}")
            require = _compile(obj["require"], where, "require") if obj.get("require") else None
            by_id[obj["id"]] = Pattern(obj["id"], obj["label"], regex, obj.get("norm", ""), item, require, data_file.name)
    return [p for p in by_id.values() if p is not None]


# -- normalisation ------------------------------------------------------------
def _iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if not YEAR_MIN <= year <= YEAR_MAX:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            return False
    return True


def _int(value: str | None) -> int | None:
    if not value:
        return None
    digits = re.match(r"\d+", value)
    return int(digits.group()) if digits else None


def normalise_parts(parts: dict[str, str | None], words: DateWords,
                    issue_year: int | None = None) -> tuple[str, str, bool] | None:
    """(start, end, year_inferred) for the named groups of a DATE match, or
    None where they do not make a calendar date (31 February, end before
    start, no year and no year of issue)."""
    def month(key: str) -> int | None:
        return words.value(parts[key]) if parts.get(key) else None

    d1, d2 = _int(parts.get("d1")), _int(parts.get("d2"))
    m1, m2 = month("m1"), month("m2")
    y1, y2 = _int(parts.get("y1")), _int(parts.get("y2"))
    if parts.get("decade"):
        decade = _int(parts["decade"])
        if decade is None:  # a decade in words: its value in date_words.tsv
            decade = words.value(parts["decade"])
        return _iso(decade, None, None), _iso(decade + 9, None, None), False
    if parts.get("yy2") and y1 is not None:
        y2 = y1 // 100 * 100 + int(parts["yy2"])
        if y2 != y1 + 1:  # "2008-09" reads as September 2008 as easily; only the fiscal form is safe
            return None
    inferred = False
    if y1 is None and y2 is None:
        if issue_year is None:
            return None
        y1, inferred = int(issue_year), True
    if parts.get("q") or parts.get("h"):
        count = 4 if parts.get("q") else 2
        n = words.value(parts.get("q") or parts["h"])
        if n == -1:
            n = count
        if n is None or not 1 <= n <= count:
            return None
        size = 12 // count
        return _iso(y1, n * size - size + 1, None), _iso(y1, n * size, None), inferred
    # A side takes the larger units it lacks from the other side: "9-11 November
    # 2010" (start takes month and year), "March 10-12, 2025" (end takes month).
    start_y = y1 if y1 is not None else y2
    start_m = m1 if m1 is not None else (m2 if d1 is not None else None)
    if d2 is None and m2 is None and y2 is None:  # a single date
        end_y, end_m, end_d = start_y, start_m, d1
    else:
        end_y = y2 if y2 is not None else y1
        end_m = m2 if m2 is not None else (m1 if d2 is not None else None)
        end_d = d2
    if not (_valid(start_y, start_m, d1) and _valid(end_y, end_m, end_d)):
        return None
    if (d1 is not None and start_m is None) or (end_d is not None and end_m is None):
        return None
    start = (start_y, start_m, d1)
    end = (end_y, end_m, end_d)
    common = next((i for i in range(3) if start[i] is None or end[i] is None), 3)
    if start[:common] > end[:common]:
        return None
    return _iso(*start), _iso(*end), inferred


# -- the grammar ---------------------------------------------------------------
class DateGrammar:
    """The compiled patterns: `find_references(text)` and `find_dates(text)`."""

    def __init__(self, patterns=DEFAULT_PATTERNS, references=DEFAULT_REFERENCES, words=DEFAULT_WORDS):
        self.words = DateWords.load([s.path for s in as_sources(_listed(words))])
        self.dates = load_patterns(as_sources(_listed(patterns)), self.words, {"DATE", "NOT_DATE"})
        self.references = load_patterns(as_sources(_listed(references)), self.words, {"REFERENCE"})
        self.source_names = {"DATE": as_sources(_listed(patterns))[0].name,
                             "REFERENCE": as_sources(_listed(references))[0].name}

    def find_references(self, text: str) -> list[ReferenceMatch]:
        found = []
        for pattern in self.references:
            for m in pattern.regex.finditer(text):
                if pattern.require and not pattern.require.search(m.group()):
                    continue
                found.extend(self._reference_items(pattern, m, text))
        return _longest_first(found)

    def _reference_items(self, pattern: Pattern, m: re.Match, text: str) -> list[ReferenceMatch]:
        groups = {k: v or "" for k, v in m.groupdict().items()}
        if groups.get("kw"):
            groups["kw"] = re.sub(r"s$", "", groups["kw"].lower())
        if pattern.item is None:
            spans = [(m.start(), m.end(), groups)]
        else:
            spans = []
            for i, item in enumerate(pattern.item.finditer(text, m.start(), m.end())):
                item_groups = dict(groups, **{k: v or "" for k, v in item.groupdict().items()})
                spans.append((m.start() if i == 0 else item.start(), item.end(), item_groups))
        out = []
        for start, end, values in spans:
            values = dict(values, text=text[start:end])
            norm = pattern.norm.format_map(_Blank(values))
            norm = re.sub(r"\s+", " ", norm.replace("()", "")).strip()
            out.append(ReferenceMatch(start, end, text[start:end], norm, pattern.id, pattern.source))
        return out

    def find_dates(self, text: str, issue_year: int | None = None,
                   references: list[ReferenceMatch] | None = None) -> list[DateMatch]:
        if references is None:
            references = self.find_references(text)
        refs = [(r.start, r.end) for r in references]
        blockers = [(m.start(), m.end()) for p in self.dates if p.label == "NOT_DATE" for m in p.regex.finditer(text)]
        found, matches = [], {}
        for pattern in self.dates:
            if pattern.label != "DATE":
                continue
            for m in pattern.regex.finditer(text):
                start = m.end("pre") if "pre" in pattern.regex.groupindex and m.group("pre") else m.start()
                end = m.end()
                if any(s < end and start < e for s, e in refs):
                    continue
                if any(s <= start and end <= e for s, e in blockers):
                    continue
                # A match that is no calendar date ("31 February 2025") still claims its
                # span, so that no shorter reading of it ("February 2025") is reported; but two
                # dates that each state their year ("21 March 2025 and 3 May 2024", out of order)
                # are each a date.
                parts = m.groupdict()
                value = normalise_parts(parts, self.words, issue_year)
                if value is None and self._two_dates(parts, issue_year):
                    continue  # two dates that make no period: read one by one
                value = value or ("", "", False)
                date = DateMatch(start, end, text[start:end], value[0], value[1], pattern.id, value[2],
                                 pattern.source)
                found.append(date)
                matches[date] = m
        dates = []
        for date in _longest_first(found):
            if date.start_iso:
                items = self._list_items(date, matches[date]) or [date]
                dates.extend(self._with_leading_days(items[0], text, dates[-1].end if dates else 0) + items[1:])
        return self._years_from_sentence(_years_from_period(self._years_from_list(dates, text)), text)

    def _two_dates(self, parts: dict[str, str | None], issue_year: int | None) -> bool:
        """Whether both sides of a range match state their year and are each a calendar date."""
        if not (parts.get("y1") and parts.get("y2")):
            return False
        first = {key + "1": parts.get(key + "1") for key in ("d", "m", "y")}
        second = {key + "1": parts.get(key + "2") for key in ("d", "m", "y")}
        return all(normalise_parts(side, self.words, issue_year) for side in (first, second))

    def _years_from_sentence(self, dates: list[DateMatch], text: str) -> list[DateMatch]:
        """A day or month without a year takes the year that opens its sentence ("In 2024,
        the 139th session was held from 5 to 9 February and the 140th from 20 to 31 May"
        is February and May 2024), up to the sentence's end or its next date with a year.
        Else it takes the year of the date before it in its sentence when it falls after
        that date in that year: "appointed on 25 August 2024, but it withdrew the
        appointment on 8 September" is September 2024."""
        out, year, anchor = [], None, None  # year: (value, where it was stated); anchor: a dated day or month
        for date in dates:
            if year and re.search(r"[.;!?]\s", text[year[1]:date.start]):
                year = None
            if anchor and re.search(r"[.;!?]\s", text[anchor.end:date.start]):
                anchor = None
            if not date.inferred:
                bare_year = len(date.start_iso) == 4 and date.start_iso == date.end_iso
                opens = bare_year and self.words.within_year_re.search(text[max(0, date.start - 40):date.start])
                year = (int(date.start_iso), date.end) if opens else None
                anchor = date if len(date.end_iso) >= 7 else None
                out.append(date)
                continue
            value = year[0] if year else None
            if value is None and anchor is not None and date.start_iso[4:] >= anchor.end_iso[4:]:
                value = int(anchor.end_iso[:4])
            if value is None:
                out.append(date)
                continue
            shift = value - int(date.start_iso[:4])
            out.append(replace(date, start_iso=_shift_year(date.start_iso, shift),
                               end_iso=_shift_year(date.end_iso, shift), inferred=False))
        return out

    def _years_from_list(self, dates: list[DateMatch], text: str) -> list[DateMatch]:
        """A list of days states its year once, at the end: in "2 September, 7 October,
        4 November and 2 December 2024" each day takes 2024 (not the year of issue)."""
        out = list(dates)
        for i in range(len(out) - 2, -1, -1):
            date, after = out[i], out[i + 1]
            if not date.inferred or after.inferred:
                continue
            if len(date.start_iso) < 7 or not self.words.list_gap_re.fullmatch(text[date.end:after.start]):
                continue
            shift = int(after.start_iso[:4]) - int(date.start_iso[:4])
            out[i] = replace(date, start_iso=_shift_year(date.start_iso, shift),
                             end_iso=_shift_year(date.end_iso, shift), inferred=False)
        return out

    def _with_leading_days(self, date: DateMatch, text: str, floor: int) -> list[DateMatch]:
        """The days of a list written before `date`, which states their month: in "19–23,
        28 and 29 May and 5 June 2025" the grammar reads "29 May" and "5 June 2025"; "19–23"
        and "28" are May 2025 too, and "28 and 29" is one range (two consecutive days joined
        by an "and" word, as `_list_items` reads them). Only days before the date's own, in
        increasing order."""
        if len(date.start_iso) != 10 or not date.text[:1].isdigit():
            return [date]
        month = date.start_iso[:8]
        items: list[tuple[int, int, int, int, str]] = []   # (start, end, first day, last day, gap)
        end, day = date.start, int(date.start_iso[8:])
        while len(items) < 9:
            m = self.words.leading_day_re.search(text, max(floor, end - 16), end)
            if not m:
                break
            first, last = int(m.group("first")), int(m.group("last") or m.group("first"))
            if not first <= last < day:
                break
            items.insert(0, (m.start(), m.start("gap"), first, last, m.group("gap")))
            end, day = m.start(), first
        while items and not self.words.before_days_re.search(text, max(0, items[0][0] - 20), items[0][0]):
            items.pop(0)  # "Table 3, 5 May 2025": the number is not a day
        out = [DateMatch(s, e, text[s:e], f"{month}{a:02d}", f"{month}{b:02d}", date.pattern_id, date.inferred,
                         date.source) for s, e, a, b, _ in items]
        if items:
            start, _, first, last, gap = items[-1]
            if (first == last and last + 1 == int(date.start_iso[8:]) and date.start_iso == date.end_iso
                    and self.words.and_re.search(gap)):  # "28 and 29 May": one range
                out[-1] = replace(out[-1], end=date.end, text=text[start:date.end], end_iso=date.end_iso)
                return out
        return out + [date]

    def _list_items(self, date: DateMatch, m: re.Match) -> list[DateMatch] | None:
        """The dates of a list written as one match ("on 15 and 18 February",
        "5, 12, 13 and 28 October 1994", "March and June 2025"), each on its own
        span; None where the match is one period: joined by a range word, after a
        "between" word, or consecutive days or months ("30 and 31 October")."""
        groups = m.re.groupindex
        first = [g for g in ("d1", "m1", "y1") if g in groups and m.group(g)]
        second = [g for g in ("d2", "m2", "y2") if g in groups and m.group(g)]
        if not first or not second or ("pre" in groups and m.group("pre")):
            return None
        first_end, second_start = max(m.end(g) for g in first), min(m.start(g) for g in second)
        connector = m.string[first_end:second_start]
        words = self.words
        if (not words.and_re.search(connector) or words.range_re.search(connector)
                or words.between_re.search(m.string[max(0, date.start - 20):date.start])):
            return None
        spans = [(date.start, first_end, date.start_iso)]
        if len(date.end_iso) == 10:  # the days listed between: "5, 12, 13 and 28 October"
            spans += [(first_end + d.start(), first_end + d.end(), f"{date.end_iso[:8]}{int(d.group()):02d}")
                      for d in re.finditer(r"\d{1,2}", connector)]
        spans.append((second_start, date.end, date.end_iso))
        if _consecutive([iso for _, _, iso in spans]):
            return None
        return [DateMatch(s, e, m.string[s:e], iso, iso, date.pattern_id, date.inferred, date.source)
                for s, e, iso in spans]


def _day_number(iso: str) -> int:
    """Consecutive days or months differ by one: a day's ordinal, or a month's count."""
    if len(iso) == 10:
        return dt.date.fromisoformat(iso).toordinal()
    if len(iso) == 7:
        return int(iso[:4]) * 12 + int(iso[5:7])
    return int(iso[:4])


def _consecutive(isos: list[str]) -> bool:
    numbers = [_day_number(iso) for iso in isos]
    return len({len(iso) for iso in isos}) == 1 and all(b - a == 1 for a, b in zip(numbers, numbers[1:]))


def _years_from_period(dates: list[DateMatch]) -> list[DateMatch]:
    """A date written without a year has been given the year of issue. Where the
    note states a period before it (its first range with a year at both ends, up
    to 13 months long: "from 19 November 2024 to 18 February 2025") and the date
    falls in that period in exactly one year, it takes that year instead: a report
    issued in March 2025 says "on 7 December" of December 2024."""
    out, period = [], None
    for date in dates:
        if not date.inferred:
            if period is None and _is_period(date):
                period = date
            out.append(date)
            continue
        year = _year_in(date, period) if period else None
        if year is None or year == int(date.start_iso[:4]):
            out.append(date)
            continue
        shift = year - int(date.start_iso[:4])
        out.append(replace(date, start_iso=_shift_year(date.start_iso, shift), end_iso=_shift_year(date.end_iso, shift)))
    return out


def _is_period(date: DateMatch) -> bool:
    if len(date.start_iso) < 7 or len(date.end_iso) < 7 or date.start_iso == date.end_iso:
        return False
    return _day_number(date.end_iso[:7]) - _day_number(date.start_iso[:7]) <= 13


def _year_in(date: DateMatch, period: DateMatch) -> int | None:
    def within(iso: str) -> bool:  # compared at the coarser of the two precisions
        start, end = period.start_iso, period.end_iso
        return start[:len(iso)] <= iso[:len(start)] and iso[:len(end)] <= end[:len(iso)]

    first, last = int(period.start_iso[:4]), int(period.end_iso[:4])
    fits = [y for y in range(first, last + 1) if within(f"{y}{date.start_iso[4:]}")]
    return fits[0] if len(fits) == 1 else None


def _shift_year(iso: str, shift: int) -> str:
    return f"{int(iso[:4]) + shift}{iso[4:]}"


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _listed(value) -> list:
    """A path, a list of paths or a config's list of files, as a list."""
    return [value] if isinstance(value, (str, Path)) else list(value)


def _longest_first(found: list) -> list:
    """A non-overlapping subset: longest first, then earliest (the patterns'
    file order breaks remaining ties, as `sorted` is stable)."""
    chosen: list = []
    for match in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(match.end <= c.start or c.end <= match.start for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def date_grammar(patterns=DEFAULT_PATTERNS, references=DEFAULT_REFERENCES, words=DEFAULT_WORDS) -> DateGrammar:
    """The grammar of these files (the shipped English ones by default), compiled
    once per process and set of files: the dates component and the judge of the
    model's dates name the same files in their configs and share it."""
    return _grammar(sources_key(patterns), sources_key(references), sources_key(words))


@lru_cache(maxsize=8)
def _grammar(patterns: tuple, references: tuple, words: tuple) -> DateGrammar:
    def files(key):
        return [{"path": p, "name": n} for p, n in key]
    return DateGrammar(files(patterns), files(references), files(words))


# -- the plain-function API ---------------------------------------------------
def find_dates(text: str, issue_year: int | None = None, grammar: DateGrammar | None = None) -> list[DateMatch]:
    """Every calendar date or period in `text`, in text order, not counting
    years inside references. A date without a year takes `issue_year` (and is
    marked inferred); without `issue_year` it is skipped."""
    return (grammar or date_grammar()).find_dates(text, issue_year)


def find_references(text: str, grammar: DateGrammar | None = None) -> list[ReferenceMatch]:
    """Every resolution, decision and document symbol in `text`, in text order."""
    return (grammar or date_grammar()).find_references(text)


def normalise_date(text: str, issue_year: int | None = None, grammar: DateGrammar | None = None) -> tuple[str, str] | None:
    """(start, end) when `text` as a whole is one calendar date or period
    (leading "the", "on", "from", ... and trailing punctuation allowed), else
    None: "last year", "five years", "2030 Agenda", "S/2025/149" give None."""
    if not isinstance(text, str):
        return None
    grammar = grammar or date_grammar()
    stripped = text.strip().rstrip(".,;:)")
    lead = grammar.words.edge_re.match(stripped)
    offset = lead.end() if lead else 0
    body = stripped[offset:]
    if not body:
        return None
    matches = find_dates(stripped, issue_year, grammar)
    if len(matches) == 1 and matches[0].start <= offset and matches[0].end == len(stripped):
        return matches[0].start_iso, matches[0].end_iso
    return None


CONTEXT = 300  # characters either side that `normalise_date_at` reads (references, names)


def normalise_date_at(text: str, start: int, end: int, issue_year: int | None = None,
                      grammar: DateGrammar | None = None) -> tuple[str, str] | None:
    """Like `normalise_date` for `text[start:end]`, but read in its context:
    None where the grammar, seeing the words around it, finds no date with
    exactly that span ("2030" in "the 2030 Agenda", "2004" in "resolution 1540
    (2004)", "2025" in "S/2025/149"). For the statistical model's DATE entities."""
    if not isinstance(text, str) or not 0 <= start < end <= len(text):
        return None
    grammar = grammar or date_grammar()
    piece = text[start:end]
    stripped = piece.rstrip().rstrip(".,;:)")
    lead = grammar.words.edge_re.match(stripped)
    first = start + (lead.end() if lead else 0)
    last = start + len(stripped)
    lo = max(0, start - CONTEXT)
    window = text[lo:min(len(text), end + CONTEXT)]
    for match in find_dates(window, issue_year, grammar):
        if lo + match.start <= first and lo + match.end == last and lo + match.start >= start:
            return match.start_iso, match.end_iso
    return None
