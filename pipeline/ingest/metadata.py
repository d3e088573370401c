"""Note metadata: title, UN document symbol, date of issue, language, and a
warning when the text layer looks garbled. Cues live in
`models/patterns/doc_metadata.jsonl`; the language guess uses spaCy's own
stop-word lists (no extra package)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.ingest.garbled import garbled_reason
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
    garbled = garbled_reason(note.text)   # word lists + character trigrams, pipeline/ingest/garbled.py
    if garbled:
        note.warnings.append(garbled)
    return note
