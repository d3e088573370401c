"""`unnotes_natbodies`: two bodies read as one organization are split.

A chosen organization (after `unnotes_model_ents`, from the model or a rule,
not a gazetteer match) that glues two bodies is read as the two:

- "L and R" where R is a body of its own and L a State or an acronym:
  "Uganda and RAAS Micro Finance Institution" is a State (a mention of its
  own already, in `doc.spans["nested"]`) and a body; "EAPC and European
  Palliative Care Academy" an acronym and a body. Two head-led bodies
  ("Ministry of Gender, Child and Social Welfare and Ministry of
  Peacebuilding") are split earlier, where the named-body pattern reads the
  name (`named_bodies.find_named_bodies`), so that an acronym defined after
  them takes the second body as its long form.
- "L at/in the R", a unit seated in another body, both named by a head noun:
  "Center for Global Health at the National Cancer Institute", "Unit on
  Trafficking of Persons in the Public Prosecutor's Office".
- "L of the R" on a list of persons' post line, a post's unit and its parent
  ("Directorate of ... of the Ministry of Justice": `nlp/org_posts.py`).

A body is a capitalised run that opens with a `natbody_head` and its
complement ("Ministry of Peacebuilding", "High Council of State") or ends with
one after two naming words or more ("National Cancer Institute"); a State or
city is none. The words are data (org_filters.jsonl `natbody_head`,
`split_joint`, `seat_preposition`, `natbody_complement`); a language without them splits nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import orgs
from pipeline.nlp.org_posts import parent_of_post_unit
from pipeline.nlp.resolve import NESTED

SPLIT = "pattern:org_filters.jsonl:natbody-split"


@Language.factory(
    "unnotes_natbodies",
    assigns=["doc.ents"],
    default_config=orgs.knowledge_config("orgs", "org_filters"),
)
def make_natbodies(nlp: Language, name: str, orgs, org_filters, states, symbols, lexicon, aliases):
    from pipeline.nlp import orgs as org_module

    return BodySplitter(org_module.org_knowledge(orgs, org_filters, states, symbols, lexicon, aliases))


class BodySplitter:
    def __init__(self, know: orgs.OrgKnowledge | None = None):
        self.know = know or orgs.default_knowledge()
        f = self.know.filters
        self.heads, self.joints, self.seats = f["natbody_head"], f["split_joint"], f["seat_preposition"]
        self.complement = f["natbody_complement"]   # "Ministry of ...", "Council for ..."
        self.connectors = f["connector"]

    def __call__(self, doc: Doc) -> Doc:
        if not self.heads:
            return doc
        ents, added, renamed = [], set(), {}
        for ent in doc.ents:
            parts = self.split(doc, ent) if ent.label_ == "ORG" and not ent.id_.startswith("gazetteer:") else None
            if parts is None:
                ents.append(ent)
                continue
            for s, e in parts:
                part = self._org(doc, s, e)
                ents.append(part)
                added.add((s, e))
                renamed.setdefault(ent.kb_id_, {})[part.text.lower()] = part.kb_id_
        if renamed:
            # a shorter mention linked to the glued name (orgs.shortened_from) goes with its own part
            ents = [self._relinked(e, renamed) if e.kb_id_ in renamed and (e.start, e.end) not in added else e
                    for e in ents]
            doc.set_ents(ents, default="outside")
            doc.spans[NESTED] = [s for s in doc.spans.get(NESTED, []) if (s.start, s.end) not in added]
        return doc

    def split(self, doc: Doc, ent: Span) -> list[tuple[int, int]] | None:
        """The (start, end) of each body `ent` glues, or None when it names one."""
        s, e = ent.start, ent.end
        if doc[s].lower_ in self.know.articles:
            s += 1
        if any(t.text in "()[]" or "\n" in t.text for t in doc[s:e]):
            return None
        # a post's unit and its parent on a list of persons ("Directorate of ... of the Ministry of Justice")
        parent = parent_of_post_unit(doc, s, e, self.know, self._body)
        if parent is not None:
            return [(s, parent[0] - 2), parent]
        for k in range(e - 2, s, -1):
            low = doc[k].lower_
            if low in self.joints and self._body(doc, k + 1, e):
                left = doc[s:k].text
                if self.know.is_state(orgs.strip_the(left, self.know)):
                    return [(k + 1, e)]
                # (two head-led bodies, "... and Ministry of Peacebuilding", are split where the named-body
                # pattern reads the name: named_bodies.find_named_bodies)
                if k - s == 1 and orgs.is_acronym(left):
                    return [(s, k), (k + 1, e)]
                return None
            if (low in self.seats and doc[k + 1].lower_ in self.know.articles and k + 2 < e
                    and self._body(doc, s, k) and self._body(doc, k + 2, e)):
                return [(s, k), (k + 2, e)]
        return None

    def names_body(self, doc: Doc, s: int, e: int) -> bool:
        """doc[s:e] names a body by a head noun of its own (`_body`)."""
        return self._body(doc, s, e)

    def _word(self, t) -> bool:
        return orgs._capitalised(t, self.know) and t.is_alpha or t.text.replace("-", "").isalpha() and t.text[:1].isupper()

    def _body(self, doc: Doc, s: int, e: int) -> bool:
        """doc[s:e] names a body by a head noun of its own (see the module's docstring)."""
        toks = doc[s:e]
        if len(toks) < 2 or not self._word(toks[0]) or not self._word(toks[-1]):
            return False
        joins = self.connectors | set(self.know.possessives) | {","}
        if not all(self._word(t) or t.lower_ in joins for t in toks):
            return False
        if self.know.is_place(orgs.strip_the(toks.text, self.know)):
            return False
        # head-led: capitalised modifiers, the head, then its complement ("High Council of State")
        for i, t in enumerate(toks):
            if not self._word(t):
                break
            if t.lower_ in self.heads and i + 2 < len(toks) and toks[i + 1].lower_ in self.complement \
                    and self._word(toks[i + 2]):
                return True
        # head-final: two naming words or more and no preposition before the head ("National Cancer
        # Institute", "Public Prosecutor's Office"; not "Land Management of the Commission")
        naming = [t for t in toks[:-1] if self._word(t)]
        possessives = set(self.know.possessives)
        return (toks[-1].lower_ in self.heads and len(naming) >= 2
                and all(self._word(t) or t.lower_ in possessives for t in toks[:-1]))

    def _relinked(self, ent: Span, renamed: dict) -> Span:
        norm = renamed[ent.kb_id_].get(orgs.strip_the(" ".join(ent.text.split()), self.know).lower())
        if norm is None:
            return ent
        return Span(ent.doc, ent.start, ent.end, label=ent.label_, kb_id=norm, span_id=ent.id_)

    def _org(self, doc: Doc, s: int, e: int) -> Span:
        name = " ".join(doc[s:e].text.split())
        long_form = (doc._.acronyms or {}).get(name) if doc.has_extension("acronyms") else None
        known = orgs.lookup_org(long_form or name, self.know)
        norm = known[0] if known else (long_form or name)
        return Span(doc, s, e, label="ORG", kb_id=norm, span_id=SPLIT)
