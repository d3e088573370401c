"""Repair words broken at a line end ("imple-" / "mentation").

The document is its own best dictionary: if it shows "follow-up" elsewhere the
hyphen stays; if it shows "implementation" elsewhere the hyphen goes. Only when
it shows neither do we fall back to a small list of compound prefixes
(`models/patterns/hyphen_prefixes.tsv`) and otherwise join without a hyphen.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.ingest.patterns import hyphen_prefixes
from pipeline.ingest.textbuild import Piece, Src, piece_text

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LEFT_RE = re.compile(r"([^\W\d_]+)-$")
RIGHT_RE = re.compile(r"^([^\W\d_]+)")
TAIL_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)$")
LOWER_HEAD_RE = re.compile(r"^([^\W\d_]+)(?![^\W\d_])")
GAP_RE = re.compile(r"(?<![\w-])([^\W\d_]+) (?=([^\W\d_]+))")  # two words, one space between


class Vocabulary:
    """Word forms seen in a document: plain words and hyphenated compounds."""

    def __init__(self, texts) -> None:
        self.words: Counter[str] = Counter()
        self.compounds: Counter[str] = Counter()
        for text in texts:
            for w in WORD_RE.findall(text):
                w = w.lower()
                if "-" in w:
                    self.compounds[w] += 1
                    for part in w.split("-"):
                        self.words[part] += 1
                    self.words[w.replace("-", "")] += 0
                else:
                    self.words[w] += 1


def keep_hyphen(left_line: str, right_line: str, vocab: Vocabulary | None) -> bool | None:
    """For a line ending in "-" followed by `right_line`: True to keep the hyphen
    (a real compound: "Secretary-" "General"), False to join without it,
    None when the line does not end in a word-breaking hyphen."""
    lm = LEFT_RE.search(left_line)
    rm = RIGHT_RE.match(right_line)
    if not lm or not rm:
        return None
    left, right = lm.group(1), rm.group(1)
    if not right[0].islower():          # "Secretary-" + "General", "Non-Self-" + "Governing"
        return True
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    if vocab is not None:
        seen_joined = vocab.words.get(joined, 0) > 0
        seen_hyph = vocab.compounds.get(hyphenated, 0) > 0
        if seen_hyph and not seen_joined:
            return True
        if seen_joined and not seen_hyph:
            return False
    return left.lower() in hyphen_prefixes()


def append_line(out: list[Piece], pieces: list[Piece], text: str, vocab: Vocabulary | None) -> None:
    """Add a line's pieces (`text`: their stripped text, not empty) to those of
    its block so far, for every reader: a space between two lines; after a word
    broken by a line-end hyphen ("imple-"), nothing, and the hyphen dropped
    where `keep_hyphen` says the two halves make one word."""
    if out:
        tail = piece_text(out[-3:]).rstrip()
        if tail.endswith("-") and len(tail) > 1 and not tail[-2].isspace():
            if keep_hyphen(tail, text, vocab) is False:
                _drop_last_char(out)
        else:
            out.append(" ")
    out.extend(pieces)


def close_word_gaps(pieces: list[Piece], vocab: Vocabulary | None) -> list[Piece]:
    """Drop a space inside a word of one line (a wide gap of justified text, printed or added by
    the line reader: "Digital Cooperation Organiz ation"): the two halves joined are a word the
    document shows elsewhere, and neither half is ("organiz", "ation" only here)."""
    if vocab is None:
        return pieces
    out: list[Piece] = []
    for i, p in enumerate(pieces):
        if isinstance(p, Src):
            out.extend(_close_in_src(p, vocab))
        elif (p == " " and out and isinstance(out[-1], Src) and i + 1 < len(pieces)
              and isinstance(pieces[i + 1], Src) and _joins(out[-1].text[-40:], pieces[i + 1].text[:40], vocab)):
            continue
        else:
            out.append(p)
    return out


def _close_in_src(p: Src, vocab: Vocabulary) -> list[Piece]:
    out: list[Piece] = []
    text, start, pos = p.text, p.start, 0
    words = vocab.words
    for m in GAP_RE.finditer(text):
        a, b = m.group(1), m.group(2)
        if (b[0].islower() and words.get(b.lower(), 0) <= 1 and words.get(a.lower(), 0) <= 1
                and words.get((a + b).lower(), 0) > 0):
            cut = m.start(2) - 1
            out.append(Src(text[pos:cut], p.page, start + pos))
            pos = cut + 1
    if not out:
        return [p]
    out.append(Src(text[pos:], p.page, start + pos))
    return [q for q in out if q.text]


def _joins(before: str, after: str, vocab: Vocabulary) -> bool:
    left, right = TAIL_RE.search(before), LOWER_HEAD_RE.match(after)
    if not left or not right or not right.group(1)[0].islower():
        return False
    a, b = left.group(1).lower(), right.group(1).lower()
    return vocab.words.get(a + b, 0) > 0 and vocab.words.get(a, 0) <= 1 and vocab.words.get(b, 0) <= 1


def _drop_last_char(pieces: list[Piece]) -> None:
    """Remove the last printed character (trailing spaces go with it)."""
    while pieces:
        last = pieces[-1]
        t = (last.text if isinstance(last, Src) else last).rstrip()
        if not t:
            pieces.pop()
            continue
        t = t[:-1]
        if not t:
            pieces.pop()
        else:
            pieces[-1] = Src(t, last.page, last.start) if isinstance(last, Src) else t
        return
