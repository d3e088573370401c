"""Note metadata: title, UN document symbol, date of issue, language, and a
warning when the text layer looks garbled. Cues live in
`models/patterns/doc_metadata.jsonl`; the language guess uses the stop-word
lists `models/<lang>/stop_words.txt` (spaCy's, written out by
scripts/build_wordlists.py, so that ingestion does not import spaCy).

The title is the note's subject line(s): on page 1, after the masthead
(organ names, "Distr.", dates, sessions, the symbol block) and after the
agenda lines and the agenda items' titles, and before what the document is
("Report of the Secretary-General", "Note by the Secretariat", "Addendum").
When the masthead has an agenda line, the title area starts there: all 26
such notes of corpus/gold-meta print their subject after it. A letter's
"Letter dated ... from ... addressed to ..." line (or "Carta de fecha ...",
"Lettre datée du ...") wins over everything else. The symbol is the
masthead's ("United Nations A/79/834-S/2025/186"; a joint symbol printed with
an en dash or broken after its dash is given with "-"), else the page
headers', never one cited in the body ("President's statement PRST/8/1").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.ingest.garbled import garbled_reason, read_words
from pipeline.ingest.patterns import metadata_patterns, month_numbers
from pipeline.core.note import Block, NoteText

HEADER_LINES = 15        # the masthead is within the first lines of page 1
TITLE_MAX_CHARS = 400
TITLE_BLOCKS = 40        # page-1 blocks looked at for the title
AGENDA_BLOCKS = 12       # an agenda line among this many first page-1 blocks is the masthead's
PROSE_CHARS = 300        # a body block this long is running text: the title area has ended
SHORT_TITLE_WORDS = 6    # a short heading right after the subject continues it ("Slovenia", "2025 substantive session")
MIN_TITLE_WORDS = 2      # words of 3+ letters a title needs (stamps, OCR crumbs and bare dates have fewer)
SYMBOL_LINE_CHARS = 60   # a line opening with a symbol, at most this long, is a symbol block line
LANGUAGE_SAMPLE = 30000  # characters of text looked at for the language guess
MIN_STOP_RATIO = 0.15    # below this share of stop words: language "other", text maybe garbled
LIST_BLOCK_CHARS = 80    # blocks shorter than this are list entries (names, countries) ...
LIST_SHARE = 0.6         # ... and a text with this share of them is a list, whose stop-word share says nothing
LANGUAGES = ("en", "fr", "es")
STOP_WORDS_FILE = "stop_words.txt"   # in models/<lang>/
WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
LONG_WORD_RE = re.compile(r"[^\W\d_]{3,}")
FOOTNOTE_MARKS_RE = re.compile(r"[\s*∗†‡]+$")
# A trailing "(New York, 17 February–14 March 2025)": where and when, not what
PLACE_DATE_PAREN_RE = re.compile(r"\s*\([^()]*\b(?:19|20)\d{2}\)\s*$")
# A title broken over lines: the first part ends with a word that cannot end a title
LATER_PAGES = 3          # a note whose page 1 gives no title: its subject is looked for up to this page
SENTENCE_END_RE = re.compile(r"[.:;!?]$")
OPEN_END_RE = re.compile(r"(?:\b(?:and|or|of|on|the|for|to|in|with|by|its|their|a|an)|[,;–-])$", re.IGNORECASE)


def _patterns(kind: str):
    return [p for p in metadata_patterns() if p.kind == kind]


def _whole(kind: str, text: str) -> bool:
    """`text` (footnote marks dropped) is matched as a whole by a pattern of `kind`."""
    text = FOOTNOTE_MARKS_RE.sub("", text.strip())
    return any(p.regex.fullmatch(text) for p in _patterns(kind))


# -- symbol ----------------------------------------------------------------------
# the dash of a joint symbol as printed ("A/79/963–S/2025/438", or "A/79/963–" at a line's end)
JOINT_DASH_RE = re.compile(r"\s*[-–—]\s*")
OPEN_JOINT_RE = re.compile(r"/[A-Za-z0-9.()]*\d[A-Za-z0-9.()]*[ \t]*[-–—]$")


def _symbol_matches(line: str):
    """(offset, symbol) of each symbol in `line`; a joint symbol is given with "-" between its parts."""
    for p in _patterns("symbol"):
        for m in p.regex.finditer(line):
            yield m.start(), JOINT_DASH_RE.sub("-", m.group().rstrip("."))


def _join_broken_symbols(lines: list[str]) -> list[str]:
    """Lines with a joint symbol broken after its dash ("United Nations A/79/963–" | "S/2025/438")
    joined to the line that goes on with it."""
    out: list[str] = []
    for line in lines:
        if out and OPEN_JOINT_RE.search(out[-1].rstrip()):
            out[-1] = f"{out[-1].rstrip()}{line.lstrip()}"
        else:
            out.append(line)
    return out


def _cited(before: str) -> bool:
    """The words before a symbol make it a citation ("see", "document symbol", "statement")."""
    return any(p.regex.search(before) for p in _patterns("citation"))


def find_symbol(lines: list[str]) -> str:
    """The first symbol in `lines` that is not cited."""
    for line in _join_broken_symbols(lines):
        for start, symbol in _symbol_matches(line):
            if not _cited(line[:start]):
                return symbol
    return ""


def masthead_symbol(lines: list[str]) -> str:
    """The symbol printed after the masthead ("United Nations A/79/834-S/2025/186"),
    wherever the page-1 line stands in reading order."""
    for line in _join_broken_symbols(lines):
        for start, symbol in _symbol_matches(line):
            before = line[:start].strip()
            if before and _whole("masthead", before):
                return symbol
    return ""


def running_symbol(furniture: list[tuple[int, str]]) -> str:
    """The symbol most often printed in the page headers (at least twice)."""
    counts = Counter(s for _, line in furniture for _, s in _symbol_matches(line))
    if counts:
        symbol, n = counts.most_common(1)[0]
        if n >= 2:
            return symbol
    return ""


def symbol_block(lines: list[str]) -> str:
    """A short line that opens with a symbol ("S/1994/304 16 March 1994")."""
    for line in _join_broken_symbols(lines):
        line = line.strip()
        if len(line) <= SYMBOL_LINE_CHARS:
            for start, symbol in _symbol_matches(line):
                if start == 0:
                    return symbol
    return ""


def symbol_from_file_name(name: str) -> str:
    """The symbol a UN document's file is saved under, "_" written for "/" ("A_79_923-EN.pdf",
    "collection__1971-09-29_A_L.632-EN.pdf": A/L.632): the longest run of the name's last
    "_"-separated parts that a symbol pattern matches whole. Only a fallback for notes whose
    text gives none (a masthead lost to OCR): a file name is the user's, the text is the note's."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    for p in _patterns("file_name_tail"):
        stem = p.regex.sub("", stem)
    parts = [part for part in stem.split("_") if part]
    for i in range(len(parts)):
        candidate = "/".join(parts[i:])
        if any(p.regex.fullmatch(candidate) for p in _patterns("symbol")):
            return candidate
    return ""


# -- date of issue -----------------------------------------------------------------
def parse_date(text: str) -> str:
    """ISO date of the first written date in `text`, or ""."""
    months = month_numbers()
    best = None
    for p in _patterns("date"):
        m = p.regex.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if not best:
        return ""
    month = months.get(best.group("month").lower())
    day = int(best.group("day"))
    if not month or not 1 <= day <= 31:
        return ""
    return f"{best.group('year')}-{month:02d}-{day:02d}"


def find_issued(lines: list[str], title: str) -> str:
    date_pats = _patterns("date")
    for line in lines:   # a line that is only a date: the masthead date
        if any(p.regex.fullmatch(line.strip()) for p in date_pats):
            return parse_date(line)
    for line in lines:
        if "distr" in line.lower() and parse_date(line):
            return parse_date(line)
    if title and any(p.regex.match(title) for p in _patterns("title_cue")):
        return parse_date(title)
    return ""


# -- title -------------------------------------------------------------------------
@dataclass
class _Unit:
    """One printed title-like line, or several when a line breaks inside it."""
    text: str
    heading: bool
    first: int        # index of its first block
    last: int         # index of its last block
    tail: str = ""    # short lines printed right after it that continue it ("Slovenia", "2025 substantive session")

    @property
    def full(self) -> str:
        return f"{self.text} {self.tail}".strip()


def _clean(text: str) -> str:
    return FOOTNOTE_MARKS_RE.sub("", re.sub(r"\s+", " ", text)).strip()


def _is_crumb(text: str) -> bool:
    """Too few words to be a title: a bare date, a page number, a stamp, OCR crumbs, a one-word heading."""
    return len(LONG_WORD_RE.findall(text)) < MIN_TITLE_WORDS and not _is_cue(text)


def _is_masthead(text: str) -> bool:
    if _is_cue(text, letters_only=True):
        return False   # a letter's subject line may name the organization ("... ante las Naciones Unidas ...")
    if _whole("masthead", text) or _whole("date", text) or _whole("symbol", text):
        return True
    return any(start == 0 for start, _ in _symbol_matches(text)) and len(text) <= SYMBOL_LINE_CHARS


def _agenda_items(text: str) -> tuple[int, str] | None:
    """(number of agenda items, text printed after the agenda line in the same block) or None."""
    for p in _patterns("agenda"):
        m = p.regex.search(text)
        if m:
            return len(re.findall(r"\d+", m.group("items"))), text[m.end():].strip()
    return None


def _classify(text: str, block: Block) -> str:
    """What a page-1 block is for the title: stop (the title area has ended), agenda,
    doc_type, masthead, crumb (too short to be a title) or text (a candidate)."""
    t = _clean(text)
    if (block.kind in ("list_item", "table_row") or _whole("title_stop", t)
            or block.kind == "body" and len(t) > PROSE_CHARS and not _is_cue(t)):
        return "stop"
    if _agenda_items(t) is not None:
        return "agenda"
    if _whole("doc_type", t):
        return "doc_type"
    if _is_masthead(t):
        return "masthead"
    if _is_crumb(t):
        return "crumb"
    return "text"


def _is_cue(text: str, letters_only: bool = False) -> bool:
    return any(p.regex.match(text) for p in _patterns("title_cue")
               if not letters_only or p.id.startswith(("letter", "note")))


def _page_one(note: NoteText) -> list[tuple[Block, str, str]]:
    """(block, cleaned text, kind) of the first blocks of page 1."""
    blocks = [b for b in note.blocks if b.page == 1 and b.kind != "footnote"][:TITLE_BLOCKS]
    return [(b, _clean(note.text[b.start:b.end]), _classify(note.text[b.start:b.end], b)) for b in blocks]


def _continues(title: str, line: str, kind: str) -> bool:
    """`line`, printed right after `title`, is part of it: the State after a UPR report's
    title, or the session after a report's ("Report of the Special Committee ..." /
    "2025 substantive session (New York, ...)")."""
    if kind in ("stop", "doc_type", "agenda"):
        return False
    if _whole("title_continues", title):
        return True
    return _is_cue(title) and _whole("masthead", PLACE_DATE_PAREN_RE.sub("", line)) \
        and any(p.regex.fullmatch(PLACE_DATE_PAREN_RE.sub("", line)) for p in _patterns("masthead") if p.id == "session")


def _title_area_start(page: list[tuple[Block, str, str]]) -> int:
    """Index of the first page-1 block that may hold the title: the first agenda line when
    the masthead has one (what is printed before it is masthead: organ names over two lines,
    a board's "For information", list numbers a word processor put on masthead lines), else 0."""
    return next((i for i, (_, _, kind) in enumerate(page[:AGENDA_BLOCKS]) if kind == "agenda"), 0)


def _title_units(page: list[tuple[Block, str, str]]) -> tuple[list[_Unit], list[_Unit]]:
    """Page 1's title-like units up to the end of the title area, and the agenda
    items' titles that were skipped among them."""
    units: list[_Unit] = []
    skipped: list[_Unit] = []
    pending_agenda = 0
    start = _title_area_start(page)
    for i, (b, text, kind) in enumerate(page):
        if i < start:
            continue
        if kind == "stop":
            break
        prev = units[-1] if units and units[-1].last == i - 1 else None
        if prev is not None and not prev.tail and _continues(prev.text, text, kind):
            prev.tail, prev.last = PLACE_DATE_PAREN_RE.sub("", text).strip(), i
            continue
        if kind == "agenda":
            n, rest = _agenda_items(text)
            pending_agenda = n - (1 if len(LONG_WORD_RE.findall(rest)) >= MIN_TITLE_WORDS else 0)
            continue
        if kind == "doc_type" and pending_agenda > 0 and page[i - 1][2] == "agenda":
            # the agenda item's title right under its agenda line reads like a document type
            # ("Item 12 of the provisional agenda" | "Statement by the UNOPS Executive Director")
            pending_agenda -= 1
            continue
        if kind != "text":
            continue
        last = (skipped + units)[-1] if skipped or units else None
        if last is not None and last.last == i - 1 and not last.tail \
                and (OPEN_END_RE.search(last.text) or text[:1].islower()) and not _is_cue(text):
            last.text, last.last = f"{last.text} {text}", i      # a title broken over lines
            continue
        if pending_agenda > 0 and not _is_cue(text, letters_only=True):
            pending_agenda -= 1
            skipped.append(_Unit(text, b.kind == "heading", i, i))
            continue
        # a body named over its session or masthead line ("Disarmament Commission" /
        # "Substantive session of 2025"): part of the masthead, unless it is a title cue
        following = page[i + 1][2] if i + 1 < len(page) else ""
        if following in ("masthead", "agenda") and not _is_cue(text):
            continue
        units.append(_Unit(text, b.kind == "heading", i, i))
    return units, skipped


def _subject_before_doc_type(units: list[_Unit], page: list[tuple[Block, str, str]]) -> int | None:
    """Index of the unit printed just before the first doc-type line that has one
    ("Annual review ..." / "Report of the Managing Director")."""
    for d, (_, _, kind) in enumerate(page):
        if kind != "doc_type":
            continue
        before = [k for k, u in enumerate(units) if d - 2 <= u.last < d]
        if before:
            return before[-1]
    return None


def find_title(note: NoteText) -> str:
    page = _page_one(note)
    units, skipped = _title_units(page)
    k = next((k for k, u in enumerate(units) if _is_cue(u.text, letters_only=True)), None)
    if k is not None:
        title = units[k].text
    else:
        k = _subject_before_doc_type(units, page)
        if k is None:
            k = next((k for k, u in enumerate(units) if _is_cue(u.text)), 0 if units else None)
        doc_types = [text for _, text, kind in page if kind == "doc_type"]
        report_line = next((t for t in doc_types if _is_cue(t)), "")
        if k is not None:
            title = _with_lead(units[k], page)
        elif len(skipped) > 1 and report_line:
            # a note on several agenda items is named by its report line, not by one of the
            # items ("Report of the Special Political and Decolonization Committee")
            title = report_line
        elif skipped:
            title = skipped[-1].text   # the agenda item's title is all the note has
        else:
            title = doc_types[0] if doc_types else ""
    if not title.strip():
        title = _later_heading(note)
    return title.strip()[:TITLE_MAX_CHARS]


def _with_lead(unit: _Unit, page: list[tuple[Block, str, str]]) -> str:
    """A resolution's or decision's numbered title with the line printed right before it that
    says who adopted it, as the note prints its subject ("Decision adopted by the Human Rights
    Council on 12 March 2020" | "43/112. Outcome of the universal periodic review: Slovenia")."""
    if unit.first > 0 and _whole("numbered_title", unit.text) and _whole("title_lead", page[unit.first - 1][1]):
        return f"{page[unit.first - 1][1]} {unit.full}"
    return unit.full


def _later_heading(note: NoteText) -> str:
    """The subject of a note whose page 1 gives none (a covering letter that opens with its
    salutation, its subject the heading of the annex on the next page): the first title-like
    line of pages 2 to LATER_PAGES, before running text; a line ending as a sentence ends is
    text, not a heading."""
    for b in note.blocks:
        if not 1 < b.page <= LATER_PAGES or b.kind == "footnote":
            continue
        text = note.text[b.start:b.end]
        kind = _classify(text, b)
        if kind == "stop":
            return ""
        clean = _clean(text)
        if kind == "text" and not SENTENCE_END_RE.search(clean):
            return clean
    return ""


# -- language --------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _stop_words() -> dict[str, frozenset[str]]:
    from pipeline.core.models import language_dir

    return {lang: frozenset(read_words(language_dir(lang) / STOP_WORDS_FILE)) for lang in LANGUAGES}


def stop_word_counts(words: list[str]) -> Counter:
    """{language: how many of the lowercased `words` are its stop words}."""
    stops = _stop_words()
    return Counter({lang: sum(1 for w in words if w in stops[lang]) for lang in LANGUAGES})


def guess_language(text: str, is_list: bool = False) -> tuple[str, float]:
    """(language code or "other", share of words that are its stop words).
    Single letters are not counted: in lists they are initials ("H.E.", "Mr. A."),
    which the Spanish and French lists would claim. A list (`is_list`) has few
    stop words however clean it is: its language is the one with most of them."""
    words = [w.lower() for w in WORD_RE.findall(text[:LANGUAGE_SAMPLE]) if len(w) > 1]
    if not words:
        return "other", 0.0
    counts = stop_word_counts(words)
    lang, hits = counts.most_common(1)[0]
    if lang != "en" and counts["en"] * 2 >= hits:
        lang, hits = "en", counts["en"]  # a bilingual note with a good share of English is read as English
    ratio = hits / len(words)
    if ratio < MIN_STOP_RATIO and not (is_list and hits):
        return "other", ratio
    return lang, ratio


def is_list_text(note: NoteText) -> bool:
    """Most blocks are short entries (a participants list, a table of names)."""
    lengths = [b.end - b.start for b in note.blocks if b.kind != "footnote"]
    return bool(lengths) and sum(n < LIST_BLOCK_CHARS for n in lengths) >= LIST_SHARE * len(lengths)


def add_metadata(note: NoteText, first_page_lines: list[str]) -> NoteText:
    header = [ln for ln in first_page_lines[:HEADER_LINES]]
    note.symbol = (masthead_symbol(first_page_lines) or running_symbol(note.furniture)
                   or find_symbol(header) or symbol_block(note.text[:2000].splitlines()))
    note.title = find_title(note)
    note.issued = find_issued(header, note.title)
    listed = is_list_text(note)
    note.language, _ = guess_language(note.text, listed)
    garbled = garbled_reason(note.text)   # word lists + character trigrams, pipeline/ingest/garbled.py
    if garbled:
        note.warnings.append(garbled)
    return note


BLOCK_MIN_WORDS = 12  # a block shorter than this takes its neighbours' language (headings, names, numbers)


def block_languages(note: NoteText) -> list[tuple[int, int, str]]:
    """Runs of consecutive blocks in one language: (start_char, end_char, language),
    for bilingual notes (a 1948 English/French document, a French note with an
    English annex). Each block of BLOCK_MIN_WORDS words or more gets its own guess;
    a shorter one, or one whose language cannot be told, joins the run before it."""
    runs: list[list] = []
    for block in note.blocks:
        text = note.text[block.start:block.end]
        lang = ""
        if len(WORD_RE.findall(text)) >= BLOCK_MIN_WORDS:
            guess, _ = guess_language(text)
            lang = "" if guess == "other" else guess
        if runs and (not lang or runs[-1][2] in ("", lang)):
            runs[-1][1] = block.end
            runs[-1][2] = runs[-1][2] or lang
        else:
            runs.append([block.start, block.end, lang])
    return [(s, e, lang or note.language) for s, e, lang in runs]


def language_shares(note: NoteText) -> dict[str, float]:
    """{language: share of the note's characters in blocks of that language}."""
    total: dict[str, int] = {}
    for start, end, lang in block_languages(note):
        total[lang] = total.get(lang, 0) + end - start
    size = sum(total.values()) or 1
    return {lang: n / size for lang, n in sorted(total.items(), key=lambda kv: -kv[1])}


MIN_SECOND_LANGUAGE = 0.2  # a note is read in parts when another language holds this share of its blocks


def reading_parts(note: NoteText, pipeline_of) -> list[tuple[int, int, str]]:
    """The parts of a note to read each with its own pipeline, (start, end, pipeline
    language): one part for a note in one language; a bilingual note's runs of blocks
    when a second language with a pipeline (`pipeline_of(language)` -> pipeline language
    or None) holds at least MIN_SECOND_LANGUAGE of its text."""
    whole = pipeline_of(note.language)
    runs = [(s, e, pipeline_of(lang) or whole) for s, e, lang in block_languages(note)]
    shares: dict[str, int] = {}
    for s, e, lang in runs:
        shares[lang] = shares.get(lang, 0) + e - s
    size = sum(shares.values()) or 1
    if whole is None or len(shares) < 2 or sorted(shares.values())[-2] / size < MIN_SECOND_LANGUAGE:
        return [(0, len(note.text), whole)] if whole else []
    parts: list[list] = []
    for s, e, lang in runs:
        if parts and parts[-1][2] == lang:
            parts[-1][1] = e
        else:
            parts.append([s, e, lang])
    return [tuple(p) for p in parts]
