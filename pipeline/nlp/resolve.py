"""`unnotes_resolve`: choose one reading where rule candidates overlap.

Each rule component proposes spans in `doc.spans["candidates"]`; this one
keeps a non-overlapping set (longest first; among equal lengths, the label
earlier in `priority`; then the earlier span) and sets them as `doc.ents`,
together with the statistical `ner`'s entities that overlap none of them:
rules take precedence, the model fills the gaps (spaCy issue #4227). The
model's entities are judged next, by `unnotes_model_ents`.

A State or organization named inside a chosen organization's name
("Permanent Mission of Denmark", "Center for International Trade and Security
of the University of Georgia") is still a mention (ANNOTATION.md); entities
cannot nest, so it goes to `doc.spans["nested"]`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.common import CANDIDATES

NESTED = "nested"  # doc.spans key: STATE and ORG candidates inside a chosen ORG


@Language.factory(
    "unnotes_resolve",
    assigns=["doc.ents"],
    default_config={"priority": ["REFERENCE", "ORG", "STATE", "DATE"]},
)
def make_resolver(nlp: Language, name: str, priority: list[str]):
    return CandidateResolver(priority)


class CandidateResolver:
    def __init__(self, priority: list[str]):
        self.rank = {label: i for i, label in enumerate(priority)}

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(CANDIDATES, []))
        order = sorted(
            candidates,
            key=lambda s: (-(s.end_char - s.start_char), self.rank.get(s.label_, 99), s.start),
        )
        taken = [False] * len(doc)
        chosen = []
        for span in order:
            if any(taken[span.start:span.end]):
                continue
            for i in range(span.start, span.end):
                taken[i] = True
            chosen.append(span)
        model = [e for e in doc.ents if not any(taken[e.start:e.end])]
        doc.set_ents(sorted(chosen + model, key=lambda s: s.start), default="outside")
        # The chosen ORG covering each token; a candidate strictly inside one is nested
        # (a second candidate for the very same words is the same mention).
        org_of = [None] * len(doc)
        for o in chosen:
            if o.label_ == "ORG":
                org_of[o.start:o.end] = [(o.start, o.end)] * (o.end - o.start)
        doc.spans[NESTED] = [
            s for s in candidates
            if s.label_ in ("STATE", "ORG") and (org := org_of[s.start]) is not None
            and s.end <= org[1] and org != (s.start, s.end)
        ]
        return doc
