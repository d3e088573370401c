"""Does a text layer read as language or as OCR noise?

One test for two uses: the per-page OCR decision (a page whose text layer
scores as garbled is OCRed) and the documents.csv warning ("text layer looks
garbled"). Interface:

    scorer = load_scorer()                 # word lists from models/{en,fr,es}/words.txt
    score = scorer.score(page_text)        # GarbledScore: counts and shares
    score.garbled                          # bool
    garbled_reason(text) -> str | None     # the one-line warning, or None

How a token is judged (whitespace-separated, outer punctuation stripped):
- neutral, not counted: numbers, ordinals ("21st", "1er"), codes without
  lower case letters ("S/2025/31", "A/CN.10/2025/INF/1", "COVID-19"), URLs
  and e-mail addresses, single letters ("(a)");
- malformed: a character no printed text puts inside a word ("Nicar~gua",
  "~9", ",i·/"), letters and digits mixed ("Ig82", "tY8", "8hov8"; a
  footnote number after a known word, "Council12", is not), or a case shape
  of no name or word ("SECmTARaC", "tbE"; "McDonald" is fine);
- known: every letter run of it is in one of the word lists;
- unknown: letters only, not in a list. A lower-case unknown word is
  *implausible* when one of its character trigrams (word boundaries
  included) occurs in no word of the lists: "followiag", "snd", "tlm" are;
  "drawdown", "receivables" are not. Capitalised and upper-case unknowns are
  names ("Bekteshi", "Kotanjyan") and stay plain unknown, which keeps a
  participants list of names clean;
- tokens in another script (Cyrillic, Arabic, Chinese) are not counted; a
  token mixing Latin letters with another script is malformed.

A text is garbled when, of at least MIN_TOKENS counted tokens, the share of
malformed plus implausible ones reaches BAD_SHARE, or the share of known
words is under KNOWN_SHARE. Figures from the corpus (benchmarks/README.md):
clean 2025 reports and lists of participants score a bad share under 0.03,
the 1948, 1971 and 1992 scans' text layers 0.06 and more.

Why not a language-identification library (langid, fastText lid): they say
which language a text is most like, not whether it is noise; a garbled
English page is still "most like English". Why not the stop-word share
metadata.py used: a participants list of names has almost no stop words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core.errors import ModelDataError

LANGUAGES = ("en", "fr", "es")
WORDS_FILE = "words.txt"
MIN_TOKENS = 20            # fewer counted tokens than this: never garbled (too little to judge)
BAD_SHARE = 0.04           # malformed + implausible tokens at this share or more ...
MIN_BAD = 3                # ... and at least this many: garbled
KNOWN_SHARE = 0.4          # known words under this share: garbled
NGRAM = 3                  # a lower-case unknown word with a character trigram in no listed word: implausible
MEMO_TOKENS = 1 << 17      # distinct tokens whose verdict a scorer remembers (~15 MB at most)
BOUNDARY = "^"             # word start/end marker in trigrams

# Stripped from both ends of a token (and of each part) before it is judged
OUTER_PUNCT = ".,;:!?()[]{}\"'«»“”‘’„*∗†‡•…–—-_/\ufffe\x02\xad"
# Allowed inside a token besides letters and digits; any other character is OCR noise
INNER_OK = set(".,:;/-–—'’&%()+<>±≤≥°ºª@#$€£§=\ufffe\x02\xad")
# ... but these only in tokens without lower-case letters ("AT&T", "R&D"; not "h&s")
UPPER_ONLY = set("&@#$€£§=")
# A comma or semicolon followed by a letter inside a token ("China.,i", "hgirtib;s")
INNER_COMMA_RE = re.compile(r"[,;][^\W\d_]")
# Dot leaders of a table of contents ("Introduction..........3"): a space
LEADER_RE = re.compile(r"[.…·_]{3,}")
# A token is judged part by part: "Iraq-Kuwait", "substation-13", "No.102"
PART_SPLIT_RE = re.compile(r"[-–—/.\ufffe\x02\xad]")
LETTER_RUN_RE = re.compile(r"[^\W\d_]+")        # "l'homme" -> "l", "homme"
NUMBER_RE = re.compile(r"^[\d.,:/%+°\-–()<>±≤≥$€£]+[a-z]?$")   # "(42)%", "2020-2024a" (a note letter)
MONEY_RE = re.compile(r"^(?:[$€£][\d.,]+[a-z]{0,2}[\-–/]*)+(?:[a-z]{1,3})?$")   # "$64.2m", "$200–$300/kg"
ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th|e|er|re|ère|ème|o|a|os|as|º|ª|eme)$", re.IGNORECASE)
# Codes: upper case and digits ("COVID-19", "UNSC2334") or a document symbol with a slash
# and a digit ("A/HRC/14/21/Add.1", "ICCD/COP(8)/CST/8")
CODE_RE = re.compile(r"^[A-Z\d]+(?:[/.\-–][A-Z\d]+)*$")
SYMBOL_RE = re.compile(r"^[A-Z][A-Za-z\d().\-]*(?:/[A-Za-z\d().\-]+)+$")
URL_RE = re.compile(r"^(https?:|www\.)|@", re.IGNORECASE)
FOOTNOTE_AFTER_WORD_RE = re.compile(r"^([^\W\d_]{3,})(\d{1,3})$")
VERDICT_ORDER = ("malformed", "implausible", "unknown", "known")   # a token is its worst part


@dataclass(frozen=True)
class GarbledScore:
    tokens: int          # tokens counted (known + unknown + malformed)
    known: int
    implausible: int     # unknown letter-only tokens with rare trigrams
    malformed: int

    @property
    def bad_share(self) -> float:
        return (self.implausible + self.malformed) / self.tokens if self.tokens else 0.0

    @property
    def known_share(self) -> float:
        return self.known / self.tokens if self.tokens else 1.0

    @property
    def garbled(self) -> bool:
        if self.tokens < MIN_TOKENS:
            return False
        bad = self.implausible + self.malformed
        return (bad >= MIN_BAD and self.bad_share >= BAD_SHARE) or self.known_share < KNOWN_SHARE

    def describe(self) -> str:
        return (f"{self.tokens} tokens: {self.known_share:.0%} known words, "
                f"{self.bad_share:.0%} malformed or implausible")


class GarbledScorer:
    """Word lists plus the character trigrams of their words.

    Speed: a token's verdict depends on the token alone, and a page's tokens
    repeat (most are a few thousand common words), so the scorer counts a
    text's distinct tokens and remembers up to MEMO_TOKENS verdicts. The
    verdicts, hence which pages are garbled, are exactly those of judging
    every token; on 40 UPR reports scoring costs 1/8 of the CPU it did
    (benchmarks/README.md)."""

    def __init__(self, words: frozenset[str]):
        if not words:
            raise ModelDataError("garbled-text word lists: expected words, got empty lists")
        self.words = words
        self._trigrams = frozenset(padded[i:i + NGRAM] for padded in (BOUNDARY + w + BOUNDARY for w in words)
                                   for i in range(len(padded) - NGRAM + 1))
        self._verdict = lru_cache(maxsize=MEMO_TOKENS)(self._judge)

    def has_unseen_trigram(self, word: str) -> bool:
        """A character trigram of the word (boundaries included) occurs in no listed word."""
        padded = BOUNDARY + word.lower() + BOUNDARY
        return any(padded[i:i + NGRAM] not in self._trigrams for i in range(len(padded) - NGRAM + 1))

    def _judge(self, token: str) -> str | None:
        """"known", "unknown", "implausible", "malformed" or None (not counted)."""
        t = token.strip(OUTER_PUNCT)
        if len(t) < 2 or URL_RE.search(t):
            return None
        letters = [c for c in t if c.isalpha()]
        latin = sum(1 for c in letters if _is_latin(c))
        if letters and latin == 0:
            return None          # another script (Cyrillic, Arabic, Chinese ...): not ours to judge
        if latin < len(letters):
            return "malformed"   # Latin and another script in one word: OCR confusion
        has_lower = any(c.islower() for c in t)
        for i, c in enumerate(t):
            if c.isalnum():
                continue
            if c not in INNER_OK:
                return "malformed"
            currency = c in "$€£" and t[i + 1:i + 2].isdigit()
            if has_lower and c in UPPER_ONLY and not currency:
                return "malformed"
        if INNER_COMMA_RE.search(t):
            return "malformed"
        if not letters:
            return None if NUMBER_RE.match(t) or MONEY_RE.match(t) else "malformed"
        if NUMBER_RE.match(t) or MONEY_RE.match(t) or ORDINAL_RE.match(t) or CODE_RE.match(t) \
                or (SYMBOL_RE.match(t) and any(c.isdigit() for c in t)):
            return None
        verdicts = {self._judge_part(p.strip(OUTER_PUNCT)) for p in PART_SPLIT_RE.split(t)}
        return next((v for v in VERDICT_ORDER if v in verdicts), None)

    def _judge_part(self, t: str) -> str | None:
        if len(t) < 2 or NUMBER_RE.match(t) or ORDINAL_RE.match(t) or CODE_RE.match(t):
            return None
        m = FOOTNOTE_AFTER_WORD_RE.match(t)
        if m and m.group(1).lower() in self.words:
            t = m.group(1)
        if any(c.isdigit() for c in t):
            return "malformed"
        runs = [r for r in LETTER_RUN_RE.findall(t) if len(r) > 1]
        if not runs:
            return None
        if not all(_case_ok(r) for r in runs):
            return "malformed"
        unknown = [r for r in runs if r.lower() not in self.words]
        if not unknown:
            return "known"
        # Names are capitalised and come from every language: only lower-case
        # words are held to the lists' spelling habits.
        if any(r.islower() and self.has_unseen_trigram(r) for r in unknown):
            return "implausible"
        return "unknown"

    def score(self, text: str) -> GarbledScore:
        verdicts: Counter[str | None] = Counter()
        for token, n in Counter(LEADER_RE.sub(" ", text).split()).items():
            verdicts[self._verdict(token)] += n
        counted = verdicts["known"] + verdicts["unknown"] + verdicts["implausible"] + verdicts["malformed"]
        return GarbledScore(counted, verdicts["known"], verdicts["implausible"], verdicts["malformed"])

    def judge_tokens(self, text: str) -> list[tuple[str, str | None]]:
        """(token, verdict) for every token: for reading why a page scored as it did."""
        return [(tok, self._judge(tok)) for tok in LEADER_RE.sub(" ", text).split()]


@lru_cache(maxsize=4096)
def _is_latin(c: str) -> bool:
    return unicodedata.name(c, "").startswith("LATIN")


def _case_ok(run: str) -> bool:
    """A case shape of words and names: lower, Title, UPPER, "McDonald", an
    acronym's plural ("NGOs"). Not "SECmTARaC", "tbE", "iaJjoseat"."""
    if run.islower() or run.isupper() or (run[0].isupper() and run[1:].islower()):
        return True
    if len(run) >= 3 and run.endswith("s") and run[:-1].isupper():
        return True
    # names with inner capitals, "McDonald", "MacArthur": each capital opens a Title-case chunk
    return _title_chunks(run)


def _title_chunks(run: str) -> bool:
    if not run[0].isupper():
        return False
    chunk_len = 0
    for c in run:
        if c.isupper():
            if chunk_len == 1:      # two capitals in a row inside a mixed-case word
                return False
            chunk_len = 1
        else:
            chunk_len += 1
    return chunk_len > 1


def read_words(path: Path) -> list[str]:
    """One word a line; `#` lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ModelDataError(f"{path}: expected a word list (scripts/build_wordlists.py), got no such file") from None
    return [ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=4)
def load_scorer(models: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> GarbledScorer:
    """The scorer over the word lists of `languages` in `models` (default: the
    shipped models/ folder). Loaded once per process and arguments."""
    from pipeline.core.models import models_dir

    root = Path(models) if models else models_dir()
    words: set[str] = set()
    for lang in languages:
        words.update(read_words(root / lang / WORDS_FILE))
    return GarbledScorer(frozenset(words))


def garbled_reason(text: str, models: Path | None = None) -> str | None:
    """The documents.csv warning for a text that scores as garbled, or None.
    A drop-in for metadata.py's stop-word test."""
    score = load_scorer(models).score(text)
    if not score.garbled:
        return None
    return f"text layer looks garbled (OCR?): {score.describe()}"
