"""`unnotes_sentences`: a rule-based sentence splitter for a pipeline without a
statistical `senter` (the Spanish one, on spaCy's blank language).

A sentence ends after ".", "!", "?" (or "…") when the next word starts with a
capital letter, a digit, a quote or an opening bracket, unless the token is one
of the language's abbreviations (the lexicon's `abbreviations`: "Sr.", "párr.",
"núm.", "EE. UU."), which end with a full stop that does not end a sentence.
spaCy's own `sentencizer` splits after every full stop, abbreviations too,
which is why this component exists. `unnotes_blocks` runs after it and adds a
start at every block."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.common import NOT_START, START, sentence_start_array, set_sentence_starts
from pipeline.nlp.lexicon import load_lexicon

ENDS = (".", "!", "?", "…")
OPENERS = "\"'«“¿¡([«"


@Language.factory("unnotes_sentences", assigns=["token.is_sent_start"], default_config={"lexicon": ""})
def make_sentences(nlp: Language, name: str, lexicon):
    return RuleSentences(load_lexicon(lexicon).get("abbreviations"))


class RuleSentences:
    def __init__(self, abbreviations: frozenset[str]):
        self.abbreviations = frozenset(a.lower() for a in abbreviations)
        # "EE. UU.": the tokenizer may keep an abbreviation's parts apart; their last word counts too
        self.last_parts = frozenset(a.split()[-1] for a in self.abbreviations if " " in a)

    def is_abbreviation(self, doc: Doc, i: int) -> bool:
        word = doc[i].lower_
        if word in (".", "!", "?") and i > 0 and not doc[i - 1].whitespace_:
            word = doc[i - 1].lower_ + word  # "Sr" + "."
        return word in self.abbreviations or word in self.last_parts or (len(word) == 2 and word[0].isalpha())

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
            if token.text.endswith(".") and self.is_abbreviation(doc, i):
                continue
            starts[j] = START
        set_sentence_starts(doc, starts)
        return doc
