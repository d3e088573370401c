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
