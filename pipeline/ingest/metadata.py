"""Note metadata: title, UN document symbol, date of issue, language, and a
warning when the text layer looks garbled. Cues live in
`models/patterns/doc_metadata.jsonl`; the language guess uses spaCy's own
stop-word lists (no extra package)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.ingest.patterns import metadata_patterns, month_numbers
from pipeline.core.note import NoteText

HEADER_LINES = 15        # the masthead is within the first lines of page 1
TITLE_MAX_CHARS = 400
LANGUAGE_SAMPLE = 30000  # characters of text looked at for the language guess
MIN_STOP_RATIO = 0.15    # below this share of stop words: language "other", text maybe garbled
LANGUAGES = ("en", "fr", "es")
WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _patterns(kind: str):
    return [p for p in metadata_patterns() if p.kind == kind]


def find_symbol(lines: list[str]) -> str:
    for line in lines:
        for p in _patterns("symbol"):
            m = p.regex.search(line)
            if m:
                return m.group().rstrip(".")
    return ""


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


def _is_masthead(text: str) -> bool:
    t = text.strip()
    if not t or len(WORD_RE.findall(t)) == 0:
        return True
    if any(p.regex.fullmatch(t) for p in _patterns("masthead") + _patterns("date") + _patterns("symbol")):
        return True
    return False


def find_title(note: NoteText) -> str:
    blocks = note.blocks[:12]
    cues = _patterns("title_cue")
    for b in blocks:
        text = note.text[b.start:b.end]
        cue = next((p for p in cues if p.regex.match(text)), None)
        if cue and len(text) <= TITLE_MAX_CHARS and (b.kind == "heading" or cue.id.startswith(("letter", "note"))):
            return text
    for b in blocks:
        text = note.text[b.start:b.end]
        if b.kind == "heading" and b.page == 1 and not _is_masthead(text) and len(text) > 3:
            return text[:TITLE_MAX_CHARS]
    for b in blocks:
        text = note.text[b.start:b.end]
        if not _is_masthead(text):
            return text[:200]
    return ""


@lru_cache(maxsize=None)
def _stop_words() -> dict[str, frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR
    return {"en": frozenset(EN), "fr": frozenset(FR), "es": frozenset(ES)}


def guess_language(text: str) -> tuple[str, float]:
    """(language code or "other", share of words that are its stop words)."""
    words = [w.lower() for w in WORD_RE.findall(text[:LANGUAGE_SAMPLE])]
    if not words:
        return "other", 0.0
    stops = _stop_words()
    counts = Counter({lang: sum(1 for w in words if w in stops[lang]) for lang in LANGUAGES})
    lang, hits = counts.most_common(1)[0]
    if lang != "en" and counts["en"] * 2 >= hits:
        lang, hits = "en", counts["en"]  # a bilingual note with a good share of English is read as English
    ratio = hits / len(words)
    return (lang if ratio >= MIN_STOP_RATIO else "other"), ratio


def add_metadata(note: NoteText, first_page_lines: list[str]) -> NoteText:
    header = [ln for ln in first_page_lines[:HEADER_LINES]]
    note.symbol = find_symbol(header) or find_symbol([t for _, t in note.furniture[:10]]) \
        or find_symbol(note.text[:2000].splitlines())
    note.title = find_title(note)
    note.issued = find_issued(header, note.title)
    note.language, ratio = guess_language(note.text)
    if len(note.text) > 300 and ratio < MIN_STOP_RATIO:
        note.warnings.append("text layer looks garbled (OCR?): few common words")
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
