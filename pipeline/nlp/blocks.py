"""`unnotes_blocks`: sentence boundaries that respect the note's layout.

The statistical `senter` does not know that a table row, a heading or a list
item ends where its block ends; this component forces a sentence start at the
first token of every block in `doc._.blocks` (and after any blank line when no
blocks are given), and forbids one inside a run of whitespace-only tokens."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.common import START, sentence_start_array, set_sentence_starts


@Language.factory("unnotes_blocks", assigns=["token.is_sent_start"])
def make_blocks_component(nlp: Language, name: str):
    return BlockSentences()


class BlockSentences:
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        block_starts = {b[1] for b in (doc._.blocks or [])}
        starts = sentence_start_array(doc)
        for i, token in enumerate(doc):
            if i == 0:
                continue
            prev = doc[i - 1]
            if token.idx in block_starts or "\n\n" in prev.whitespace_ + (prev.text if prev.is_space else ""):
                if not token.is_space:
                    starts[i] = START
        set_sentence_starts(doc, starts)
        return doc
