"""`unnotes_dates`: DATE and REFERENCE candidates from the date grammar.

The grammar itself (patterns in `models/patterns/dates.jsonl` and
`references.jsonl`, words in `models/gazetteers/date_words.tsv`) and the plain
functions that need no spaCy live in `pipeline.nlp.datenorm`; they are
re-exported here. This component only wires them to the Doc:
- a REFERENCE candidate for each resolution, decision and document symbol,
  norm its canonical form ("resolution 1540 (2004)", "S/2025/149");
- a DATE candidate for each date outside those references, norm "start/end"
  (ISO 8601 at the stated precision), source `pattern:dates.jsonl:<id>` (an
  overlay's pattern: `pattern:<overlay>/<path>:<id>`), with the suffix
  `:year-inferred` when the year came from `doc._.issue_year`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.common import add_candidate_chars
from pipeline.nlp.datenorm import (  # noqa: F401  (the plain-function API)
    DEFAULT_PATTERNS,
    DEFAULT_REFERENCES,
    DEFAULT_WORDS,
    DateGrammar,
    DateMatch,
    ReferenceMatch,
    date_grammar,
    find_dates,
    find_references,
    issue_date,
    normalise_date,
    normalise_date_at,
)

INFERRED = ":year-inferred"


@Language.factory(
    "unnotes_dates",
    assigns=["doc.spans"],
    default_config={
        "patterns": str(DEFAULT_PATTERNS),
        "references": str(DEFAULT_REFERENCES),
        "words": str(DEFAULT_WORDS),
    },
)
def make_dates(nlp: Language, name: str, patterns, references, words):
    return DateComponent(date_grammar(patterns, references, words))


class DateComponent:
    """Adds DATE and REFERENCE candidates to `doc.spans["candidates"]`; reads
    `doc._.issue_year` for dates written without a year."""

    def __init__(self, grammar: DateGrammar):
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        references = self.grammar.find_references(doc.text)
        for ref in references:
            add_candidate_chars(doc, ref.start, ref.end, "REFERENCE", ref.norm,
                                f"pattern:{ref.source}:{ref.pattern_id}")
        issue_year = doc._.issue_year
        for date in self.grammar.find_dates(doc.text, int(issue_year) if issue_year else None, references):
            source = f"pattern:{date.source}:{date.pattern_id}" + (INFERRED if date.inferred else "")
            add_candidate_chars(doc, date.start, date.end, "DATE", date.norm, source)
        return doc
