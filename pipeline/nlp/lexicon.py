"""A language's lexicon (`models/<lang>/lexicon.jsonl`): the word lists rule
components need that are about the language, not the domain: stop words,
determiners, pronouns, prepositions, coordinators ...

One JSON object a line: {"id": LIST, "words": [...]}, optionally
"spacy_stop_words": "<lang>" to add spaCy's stop-word list for that language
(a well-kept list; ours adds to it). Several lines may share an id: their words
add up. Words are compared as written unless the component lower-cases them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module

from pipeline.core.datafiles import as_sources, sources_key
from pipeline.core.schemas import SCHEMAS
from pipeline.core.validate import records
from pipeline.core.errors import ModelDataError


@dataclass(frozen=True)
class Lexicon:
    lists: tuple[tuple[str, frozenset[str]], ...]
    where: str  # the file(s) read, for messages

    def __getitem__(self, name: str) -> frozenset[str]:
        for key, words in self.lists:
            if key == name:
                return words
        raise ModelDataError(f"{self.where}: expected a word list with id '{name}', got "
                             f"{sorted(k for k, _ in self.lists)}")

    def get(self, name: str) -> frozenset[str]:
        """The list, or an empty one when the lexicon has none of that name."""
        return next((words for key, words in self.lists if key == name), frozenset())


def load_lexicon(value) -> Lexicon:
    """The lexicon of the given file(s) (a path, or the list a component's config holds)."""
    return _load(sources_key(value))


@lru_cache(maxsize=8)
def _load(key: tuple) -> Lexicon:
    lists: dict[str, set[str]] = {}
    files = as_sources([{"path": p, "name": n} for p, n in key])
    for source in files:
        for lineno, obj in records(source.path, SCHEMAS["lexicon.jsonl"]):
            words = obj.get("words", [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ModelDataError(f"{source.path} line {lineno}: expected a list of non-empty strings for "
                                     f"'words', got {words!r}")
            bucket = lists.setdefault(obj["id"], set())
            bucket.update(words)
            lang = obj.get("spacy_stop_words")
            if lang:
                bucket.update(_spacy_stop_words(str(lang), f"{source.path} line {lineno}"))
    return Lexicon(tuple((k, frozenset(v)) for k, v in lists.items()), ", ".join(str(s.path) for s in files))


def _spacy_stop_words(lang: str, where: str) -> frozenset[str]:
    try:
        return frozenset(import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
    except (ImportError, AttributeError):
        raise ModelDataError(f"{where}: expected a language spaCy has stop words for in 'spacy_stop_words', "
                             f"got {lang!r}") from None
