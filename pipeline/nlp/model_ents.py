"""`unnotes_model_ents`: keep what the statistical NER adds only where it is
one of ours and sane.

Rule entities (those with a source in `span.id_`) pass through unchanged. An
entity the model added is mapped: GPE/NORP/LOC that the State gazetteer knows
becomes a STATE; an ORG that passes the sanity filters becomes an ORG (norm
from the text's acronyms or the organization gazetteer); a DATE the date
grammar can normalise becomes a DATE. Every other model label is dropped.
The gazetteers, filters and date grammar are those of the files this
component's config names (the same as the other components', loaded once)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import datenorm, orgs
from pipeline.nlp.org_context import not_a_body_here
from pipeline.nlp.common import doc_text
from pipeline.nlp.states import state_lookup

MODEL = "model:en_core_web_sm"
# The model labels mapped to State, organization and date candidates (en_core_web_sm's;
# a language's pipeline.cfg names its model's: fr_core_news_sm has LOC and ORG, no DATE).
STATE_LABELS, ORG_LABELS, DATE_LABELS = ("GPE", "NORP", "LOC"), ("ORG",), ("DATE",)
REJECTED = "states_rejected"  # set by unnotes_states


@Language.factory(
    "unnotes_model_ents",
    assigns=["doc.ents"],
    default_config={**orgs.knowledge_config("orgs", "org_filters"),
                    "dates": str(datenorm.DEFAULT_PATTERNS), "references": str(datenorm.DEFAULT_REFERENCES),
                    "date_words": str(datenorm.DEFAULT_WORDS),
                    "model": MODEL, "state_labels": list(STATE_LABELS),
                    "org_labels": list(ORG_LABELS), "date_labels": list(DATE_LABELS)},
)
def make_model_ents(nlp: Language, name: str, states, orgs, org_filters, symbols, dates, references,
                    date_words, lexicon, model: str, aliases, state_labels, org_labels, date_labels):
    from pipeline.nlp import orgs as org_module

    return ModelEntityFilter(
        state_lookup(states), org_module.org_knowledge(orgs, org_filters, states, symbols, lexicon, aliases),
        datenorm.date_grammar(dates, references, date_words), model,
        (frozenset(state_labels), frozenset(org_labels), frozenset(date_labels)))


class ModelEntityFilter:
    def __init__(self, lookup_state=None, know: orgs.OrgKnowledge | None = None,
                 grammar: datenorm.DateGrammar | None = None, model: str = MODEL,
                 labels: tuple[frozenset, frozenset, frozenset] | None = None):
        self.state_labels, self.org_labels, self.date_labels = labels or (
            frozenset(STATE_LABELS), frozenset(ORG_LABELS), frozenset(DATE_LABELS))
        self.lookup_state = lookup_state or state_lookup()
        self.know = know or orgs.default_knowledge()
        self.grammar = grammar or datenorm.date_grammar()
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        rejected = {i for s in doc.spans.get(REJECTED, []) for i in range(s.start, s.end)}
        for ent in doc.ents:
            # each ORG, a rule's or the model's once mapped, is judged once in its context: "ratify the
            # CERD", "the Unified Court Records database" are a treaty, a tool (org_context)
            if ent.id_:  # a rule found it
                if not (ent.label_ == "ORG" and not_a_body_here(doc, ent, self.know)):
                    kept.append(ent)
                continue
            if ent.label_ in self.state_labels and rejected.intersection(range(ent.start, ent.end)):
                continue  # a State reading the context rules turned down ("Mexico City")
            mapped = self.map_model_entity(doc, ent)
            if mapped is not None and not (mapped.label_ == "ORG" and not_a_body_here(doc, mapped, self.know)):
                kept.append(mapped)
        doc.set_ents(kept, default="outside")
        return doc

    def map_model_entity(self, doc: Doc, ent: Span) -> Span | None:
        label = ent.label_
        if label in self.state_labels:
            iso3 = self.lookup_state(orgs.strip_the(ent.text, self.know))
            if iso3:
                return Span(doc, ent.start, ent.end, label="STATE", kb_id=iso3, span_id=f"{self.model}:{label}")
            return None
        if label in self.org_labels:
            name = orgs.clean_model_org(ent, self.know)
            if not name:
                return None
            long_form = (doc._.acronyms or {}).get(name)
            known = orgs.lookup_org(long_form or name, self.know)
            norm = known[0] if known else (long_form or name)
            return Span(doc, ent.start, ent.end, label="ORG", kb_id=norm, span_id=f"{self.model}:{label}")
        if label in self.date_labels:
            # Context matters: "2030" in "the 2030 Agenda" is not a date.
            value = datenorm.normalise_date_at(doc_text(doc), ent.start_char, ent.end_char, doc._.issue_year,
                                               self.grammar)
            if value:
                return Span(doc, ent.start, ent.end, label="DATE", kb_id=f"{value[0]}/{value[1]}",
                            span_id=f"{self.model}:DATE")
        return None
