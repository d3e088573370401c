"""Word classes in rule patterns: `<@name>` in a recommendation cue or exclusion pattern stands
for the words of the lexicon list `name` (`models/<lang>/lexicon.jsonl`), so that a class of
words a language's rules share (the verbs of a schedule, the nouns of a quantity, the forms of
a modal) is kept once, as data, and several patterns read it.

A word is matched as written (regex-escaped); a space inside it matches any whitespace and an
apostrophe either apostrophe ("s'achever", "s’achever"). Longer words are tried first. A
class name the lexicon does not have stops the load with the file and line."""

from __future__ import annotations

import re

from pathlib import Path

from pipeline.core.errors import ModelDataError

CLASS_RE = re.compile(r"<@([a-z][a-z0-9_]*)>")


def _word_regex(word: str) -> str:
    out = re.escape(word)
    out = re.sub(r"(?:\\ )+", r"\\s+", out)
    return re.sub(r"['’]", "['’]", out)


def expand(pattern: str, lexicon, where: str) -> str:
    """`pattern` with each `<@name>` replaced by an alternation of the lexicon list `name`."""
    if "<@" not in pattern:
        return pattern

    def alternation(m: re.Match) -> str:
        words = lexicon.get(m.group(1))
        if not words:
            raise ModelDataError(f"{where}: expected a word list with id '{m.group(1)}' in the lexicon "
                                 f"for '<@{m.group(1)}>', got none")
        return "(?:" + "|".join(_word_regex(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"

    return CLASS_RE.sub(alternation, pattern)


def lexicon_beside(patterns) -> Path | None:
    """The language's lexicon of a pattern file given as a path (`models/fr/patterns/x.jsonl` ->
    `models/fr/lexicon.jsonl`), where its classes are looked up when no lexicon is given."""
    if isinstance(patterns, (str, Path)):
        candidate = Path(patterns).parent.parent / "lexicon.jsonl"
        if candidate.is_file():
            return candidate
    return None
