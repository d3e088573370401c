"""`unnotes_sentences`: a rule-based sentence splitter for a pipeline without a
statistical `senter` (the Spanish one, on spaCy's blank language).

A sentence ends after ".", "!", "?" (or "…") when the next word starts with a
capital letter, a digit, a quote or an opening bracket, unless the token is one
of the language's abbreviations (the lexicon's `abbreviations`: "Sr.", "párr.",
"núm.", "EE. UU."), which end with a full stop that does not end a sentence.
spaCy's own `sentencizer` splits after every full stop, abbreviations too,
which is why this component exists. `unnotes_blocks` runs after it and adds a
start at every block.

Some abbreviations also end sentences ("etc.", "EE. UU.": the lexicon's
`final_abbreviations`): after one of them a sentence starts when the next word
is a capitalised function word of the lexicon's `stop_words` ("..., etc. Se
pidió a la Secretaría ...", "... en los EE. UU. El Gobierno ..."), which a
name after the abbreviation never is."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.common import NOT_START, START, sentence_start_array, set_sentence_starts
from pipeline.nlp.lexicon import load_lexicon

ENDS = (".", "!", "?", "…")
OPENERS = "\"'«“¿¡([«"


@Language.factory("unnotes_sentences", assigns=["token.is_sent_start"], default_config={"lexicon": ""})
def make_sentences(nlp: Language, name: str, lexicon):
    lex = load_lexicon(lexicon)
    return RuleSentences(lex.get("abbreviations"), lex.get("final_abbreviations"), lex.get("stop_words"))


def _with_last_parts(words: frozenset[str]) -> frozenset[str]:
    """The lower-cased abbreviations and, for "EE. UU.", its last word: the tokenizer may keep the parts apart."""
    low = frozenset(a.lower() for a in words)
    return low | frozenset(a.split()[-1] for a in low if " " in a)


class RuleSentences:
    def __init__(self, abbreviations: frozenset[str], final: frozenset[str] = frozenset(),
                 function_words: frozenset[str] = frozenset()):
        self.abbreviations = frozenset(a.lower() for a in abbreviations)
        self.last_parts = frozenset(a.split()[-1] for a in self.abbreviations if " " in a)
        self.final = _with_last_parts(final)
        self.function_words = frozenset(w.lower() for w in function_words)

    def _word(self, doc: Doc, i: int) -> str:
        word = doc[i].lower_
        if word in (".", "!", "?") and i > 0 and not doc[i - 1].whitespace_:
            word = doc[i - 1].lower_ + word  # "Sr" + "."
        return word

    def is_abbreviation(self, doc: Doc, i: int) -> bool:
        word = self._word(doc, i)
        return word in self.abbreviations or word in self.last_parts or (len(word) == 2 and word[0].isalpha())

    def ends_after_abbreviation(self, doc: Doc, i: int, j: int) -> bool:
        """Whether the abbreviation at `i` ends its sentence: one that may ("etc.") before a function word."""
        return self._word(doc, i) in self.final and doc[j].lower_ in self.function_words

    def __call__(self, doc: Doc) -> Doc:
        starts = sentence_start_array(doc)
        starts[:] = NOT_START
        if len(doc):
            starts[0] = START
        for i in range(len(doc) - 1):
            token, nxt = doc[i], doc[i + 1]
            if not token.text.endswith(ENDS) or nxt.is_space and i + 2 >= len(doc):
                continue
            j = i + 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            if j >= len(doc) or not token.whitespace_ and not doc[i + 1].is_space:
                continue
            first = doc[j].text[:1]
            if not (first.isupper() or first.isdigit() or first in OPENERS):
                continue
            if token.text.endswith(".") and self.is_abbreviation(doc, i) and not self.ends_after_abbreviation(doc, i, j):
                continue
            starts[j] = START
        set_sentence_starts(doc, starts)
        return doc
