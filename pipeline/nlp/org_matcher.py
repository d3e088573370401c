"""`unnotes_orgs`: the spaCy component that adds an ORG candidate for every
organization mention of a note: the gazetteer's names (PhraseMatcher), then
the rules' readings, each in its own module (`composed_units`,
`named_bodies`, `listed_bodies`, `org_lists`) and the finders of `orgs`
(quoted and classed names); what they know is one `orgs.OrgKnowledge`.

Matching rules: an alias of 3+ tokens matches in any case; shorter aliases and
acronyms match exactly as written ("WHO" yes, "who" never), plus an ALL-CAPS
copy of short names for headings. The longest of our own matches wins, so
"United Nations" inside "United Nations Office for Disarmament Affairs" is only
the longer name.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.nlp.common import CANDIDATES, add_candidate
from pipeline.nlp.composed_units import composed_units
from pipeline.nlp.listed_bodies import find_led_items, find_listed_bodies
from pipeline.nlp.named_bodies import find_named_bodies
from pipeline.nlp.org_lists import find_list_items
from pipeline.nlp.orgs import (
    AREA_LABELS, COMPOSED_UNIT, EntIndex, NAMED_BODY, Org, OrgKnowledge, _capitalised, _is_head, _model_place,
    _names_a_body, action_heading, administrative_area, clean_org_name, find_classed_names, find_quoted_names,
    held_occasion, inside_symbol, is_acronym, knowledge_config, modifies_next_word, name_goes_on, org_knowledge,
    shortened_from, strip_the,
)

CLASSED_NAME = "pattern:org_filters.jsonl:classed-name"   # "the Israeli company Bezeq" (class_noun)
PUBLISHER = "pattern:org_filters.jsonl:publisher"   # "Oxford University Press" (publisher_tail)
QUOTED_NAME = "pattern:org_filters.jsonl:legal-form-quoted-name"
LONG_ALIAS_TOKENS = 3   # aliases this long match case-insensitively
LED_ITEM = "pattern:org_filters.jsonl:led-list-item"   # an item of a list after a lead-in naming bodies
OWN_UNIT = "pattern:org_filters.jsonl:own-unit"
LISTED_BODY = "pattern:org_filters.jsonl:listed-body"
LIST_ITEM = "pattern:org_filters.jsonl:list-item"   # an item of a participants list (org_lists)
KNOWN_TAIL = "pattern:org_filters.jsonl:known-tail"   # "West African Development Bank" over "African Development Bank"


@Language.factory(
    "unnotes_orgs",
    assigns=["doc.spans"],
    default_config={**knowledge_config(), "named_bodies": True},
)
def make_orgs(nlp: Language, name: str, gazetteer, filters, states, symbols, lexicon, named_bodies: bool, aliases):
    return OrgMatcher(nlp, org_knowledge(gazetteer, filters, states, symbols, lexicon, aliases), named_bodies)


class OrgMatcher:
    """Adds an ORG candidate (norm = canonical name, source =
    `gazetteer:orgs.tsv:<line>` or the named-body pattern) for every
    organization mention."""

    def __init__(self, nlp: Language, know: OrgKnowledge, named_bodies: bool = True):
        self.know, self.named_bodies = know, named_bodies
        self.gazetteer, self.filters = know.gazetteer, know.filters
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_forms: dict[str, Org] = {}
        self.orgs = {str(i): org for i, org in enumerate(self.gazetteer.orgs)}
        for key, org in self.orgs.items():
            exact, lower = [], []
            for form in self.gazetteer.forms(org):
                tokens = nlp.make_doc(form)
                if len(tokens) >= LONG_ALIAS_TOKENS:
                    lower.append(tokens)
                else:
                    exact.append(tokens)
                    self.exact_forms[form] = org
                    if not is_acronym(form) and form.upper() != form:
                        exact.append(nlp.make_doc(form.upper()))  # headings in capitals
            if exact:
                self.exact.add(key, exact)
            if lower:
                self.lower.add(key, lower)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in list(self.exact(doc)) + list(self.lower(doc)):
            org = self.orgs[doc.vocab.strings[match_id]]
            if inside_symbol(doc, start, end, self.know.symbol_re) or org.local and not doc[start].text[:1].isupper():
                continue  # a language's own body ("Division des achats") only with its capital, not a phrase
            found.append((start, end, org))
        found.extend(self._glued(doc))
        taken = [False] * len(doc)
        kept = []
        for start, end, org in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(taken[start:end]) or not self._stands_alone(doc, start, end):
                continue
            if org.local and self._name_goes_on(doc, end):
                continue  # "Comité consultatif permanent ...", "Ministère des affaires étrangères et de la ..."
            taken[start:end] = [True] * (end - start)
            kept.append((start, end, org))
        named = [(doc[s:e].text.lower(), o.name) for s, e, o in kept if not o.local]
        model_orgs = {e.end: e.start for e in doc.ents if e.label_ == "ORG" and not e.id_}
        for start, end, org in kept:
            longer = self._known_tail_of(doc, start, end, model_orgs.get(end))
            if longer is not None:
                # "West African Development Bank", "Baz Taliban", "National Food Security Council": the model's
                # longer name, the known one its last words, is another body
                taken[longer[0]:start] = [True] * (start - longer[0])
                add_candidate(doc, longer[0], end, "ORG", longer[1], KNOWN_TAIL)
                continue
            if (end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in self.filters["publisher_tail"]
                    and not org.local):
                # "Oxford University Press": a publisher, a body of its own, not the university
                taken[end] = True
                add_candidate(doc, start, end + 1, "ORG", " ".join(doc[start:end + 1].text.split()), PUBLISHER)
                continue
            # a language's own body shortens a longer known name as the English named-body pattern's
            # names do ("Comité consultatif" after "Comité consultatif pour les questions ...")
            longer = shortened_from(doc[start:end].text, named, self.filters["connector"] - self.know.name_joiners) if org.local else org.name
            norm = org.name if longer == doc[start:end].text else longer
            add_candidate(doc, start, end, "ORG", norm, f"gazetteer:{org.source}:{org.line}")
            self._own_unit(doc, start, end, org)
        for start, end, norm in composed_units(doc, kept, taken, self.know):
            taken[start:end] = [True] * (end - start)
            add_candidate(doc, start, end, "ORG", norm, COMPOSED_UNIT)
        for start, end in find_quoted_names(doc, self.filters["legal_form"]):
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                add_candidate(doc, start, end, "ORG", " ".join(doc[start:end].text.split()), QUOTED_NAME)
        if self.named_bodies:
            bodies = []
            ents = EntIndex.of(doc)
            for start, end in find_named_bodies(doc, self.filters, self.know.stop_words, self.know, ents):
                free = (not any(taken[start:end]) or _after_known_body(doc, kept, taken, start, end, self.know)
                        or _unit_of_known_body(doc, kept, taken, start, end, self.know))
                name = (clean_org_name(doc[start:end].text, self.filters, know=self.know)
                        if free and not modifies_next_word(doc, end, self.know) else None)
                if name and (administrative_area(name.split(), self.know, lambda: _model_place(ents, start))
                             or held_occasion(doc, start, end, self.know, ents)
                             or action_heading(doc, start, end, self.know)):
                    name = None
                if name and not self.gazetteer.lookup(name):
                    bodies.append((start, end, name))
            mentions = [(doc[s:e].text.lower(), o.name) for s, e, o in found]
            mentions += [(n.lower(), n) for _, _, n in bodies]
            for start, end, name in bodies:
                add_candidate(doc, start, end, "ORG", shortened_from(name, mentions, self.filters["connector"] - self.know.name_joiners), NAMED_BODY)
            covered = [False] * len(doc)
            for span in doc.spans.get(CANDIDATES, []):
                covered[span.start:span.end] = [True] * (span.end - span.start)
            tails = {(c.start, c.end) for c in doc.spans.get(CANDIDATES, []) if c.id_ == NAMED_BODY}
            for start, end, name in find_listed_bodies(doc, self.know):
                # an item is free, or a named body is its tail ("Seeding the Future Foundation" over "Future Foundation")
                tail = next((a for a, b in tails if b == end and a > start), None)
                free = not any(covered[start:end]) or tail is not None and not any(covered[start:tail])
                if free and not self.gazetteer.lookup(name):
                    add_candidate(doc, start, end, "ORG", name, LISTED_BODY)
            for start, end in find_classed_names(doc, self.know, ents):
                if not any(covered[start:end]) and not self.gazetteer.lookup(doc[start:end].text):
                    covered[start:end] = [True] * (end - start)
                    add_candidate(doc, start, end, "ORG", " ".join(doc[start:end].text.split()), CLASSED_NAME)
            self._led_items(doc)
            self._list_items(doc)
        return doc

    def _led_items(self, doc: Doc) -> None:
        """The items of a led list (find_led_items) are organizations: each takes the place of the
        rules' readings inside it or across its bounds ("Fondation Danielle Mitterrand" in "France
        Libertés : Fondation Danielle Mitterrand", a named body glued over two items)."""
        candidates = doc.spans.get(CANDIDATES, [])
        places = {k for e in doc.ents if e.label_ in AREA_LABELS for k in range(e.start, e.end)}
        found = [f for f in find_led_items(doc, self.know, candidates)   # not "Africa", "Africa and Latin America"
                 if _names_a_body(f[2], self.know)
                 or not all(k in places for k in range(f[0], f[1]) if doc[k].is_alpha and not doc[k].is_lower)]
        items = [(s, e, n) for s, e, n in found if not self.gazetteer.lookup(n)]
        if not items:
            return
        spans = {(s, e) for s, e, _ in found}
        in_item = [False] * len(doc)
        for s, e in spans:
            in_item[s:e] = [True] * (e - s)
        kept = [c for c in candidates if not (c.label_ == "ORG" and (c.start, c.end) not in spans and not c.id_.startswith("gazetteer:")
                                              and any(in_item[c.start:c.end]))]
        doc.spans[CANDIDATES] = kept
        for start, end, name in items:
            if not any(c.start == start and c.end == end and c.label_ == "ORG" for c in kept):
                add_candidate(doc, start, end, "ORG", strip_the(name, self.know), LED_ITEM)

    def _list_items(self, doc: Doc) -> None:
        """The items of an enumerated participants list or of a heading that names bodies (org_lists):
        each item is one organization; the rules' shorter readings inside it ("Cultural Youth Movement"
        and "Education Foundation" in "Cultural Youth Movement Education Foundation") give way to it,
        except a known body named after a comma or a dash inside the item ("Women in Nuclear Global, IAEA")."""
        know = self.know
        items = find_list_items(doc, know, lambda n: bool(clean_org_name(n, know=know)) and _names_a_body(n, know))
        if not items:
            return
        spans = []
        for item in items:
            span = doc.char_span(item.start_char, item.end_char, alignment_mode="expand")
            if span is not None and len(span) and not self.gazetteer.lookup(item.name):
                spans.append((span.start, span.end, item.name))
        if not spans:
            return

        def inside(c) -> bool:
            return any(s <= c.start and c.end <= e and (c.start, c.end) != (s, e) and not (
                c.id_.startswith("gazetteer:") and any(t.text in (",", "–", "(") for t in doc[s:c.start]))
                for s, e, _ in spans)
        kept = [c for c in doc.spans.get(CANDIDATES, []) if not (c.label_ == "ORG" and inside(c))]
        doc.spans[CANDIDATES] = kept
        for start, end, name in spans:
            if not any(c.start == start and c.end == end and c.label_ == "ORG" for c in kept):
                add_candidate(doc, start, end, "ORG", strip_the(name, know), LIST_ITEM)

    def _own_unit(self, doc: Doc, start: int, end: int, org: Org) -> None:
        """"UNAIDS Secretariat": a known body's name right before a capitalised own_unit_head noun
        names that body's own unit, a body of its own (the known body stays a nested mention)."""
        if (end < len(doc) and not org.local and doc[end].text[:1].isupper()
                and doc[end].lower_ in self.filters["own_unit_head"]):
            whole = strip_the(" ".join(doc[start:end + 1].text.split()), self.know)
            if not self.gazetteer.lookup(whole):
                add_candidate(doc, start, end + 1, "ORG", whole, OWN_UNIT)

    def _stands_alone(self, doc: Doc, start: int, end: int) -> bool:
        """An alias that is a class word on its own ("Secretariat" for the UN Secretariat)
        names the body only standing alone: not after a capitalised word ("Joint
        Technical Secretariat") nor before "of"/"for" ("Secretariat of the Convention")."""
        if end - start != 1 or doc[start].lower_ not in self.filters["generic"]:
            return True
        prev = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if prev is not None and _capitalised(prev, self.know) and not prev.is_sent_start and prev.lower_ not in self.know.articles:
            return False
        if self._name_goes_on(doc, end):  # "le Secrétariat général de la CEEAC"
            return False
        # the lexicon's class_word_complements: "of", "for" ("Secretariat of the Convention"), "de", "del"
        return after is None or after.lower_ not in self.know.lexicon["class_word_complements"]

    def _known_tail_of(self, doc: Doc, start: int, end: int, model_start: int | None) -> tuple[int, str] | None:
        """The model's ORG that ends where a gazetteer name ends and adds capitalised words before it,
        on its line (after an article), is a longer name of another body whose last words are the known
        name ("the West African Development Bank", "the 400 Mawozo and Baz Taliban factions", "a National
        Food Security Council", "Kenya National Commission on Human Rights"): its start and name, or None.
        Not when the added words are a known body or hold an acronym ("UNICEF Executive Board" is a unit of a
        known body, the known one a mention in it as before), a word with a known_tail_veto_ending (a
        preamble's "..., Recalling General Assembly resolution" run on by the layout), a place or a State ("Slovenia Constitutional
        Court"; "... Commission of Nigeria National Human Rights Committee of Qatar", names run together in an
        annex), nor when the longer name is known or the filters drop it."""
        if model_start is None or model_start >= start:
            return None
        know = self.know
        s = model_start + doc[model_start].is_lower   # "the", "a"
        added = doc[s:start]
        # "Multiple United Nations agencies", "Recalling General Assembly resolution": the first word of a
        # sentence or a line is capitalised anyway
        if (not len(added) or len(added) > 3 or "\n" in doc[s:end].text or added[0].is_sent_start
                or s > 0 and "\n" in doc[s - 1].text_with_ws):
            return None
        if not all(t.text[:1].isupper() and t.is_alpha and t.lower_ not in know.stop_words for t in added):
            return None
        if (is_acronym(added.text) or self.gazetteer.lookup(added.text) or know.is_place(added.text)
                or any(is_acronym(t.text) or know.is_state(t.text)
                       or t.lower_.endswith(tuple(self.filters["known_tail_veto_ending"])) for t in added)):
            return None
        name = clean_org_name(doc[s:end].text, self.filters, know=know)
        if not name or self.gazetteer.lookup(name):
            return None
        return s, name

    def _name_goes_on(self, doc: Doc, end: int) -> bool:
        return name_goes_on(doc, end, self.know)

    def _glued(self, doc: Doc) -> Iterable[tuple[int, int, Org]]:
        """"the1540 Committee": try the number plus the next words as a short alias."""
        for tok in doc:
            m = self.know.glued_re.match(tok.text)
            if not m:
                continue
            for end in range(min(len(doc), tok.i + 5), tok.i, -1):
                text = m.group(2) + (" " + doc[tok.i + 1:end].text if end > tok.i + 1 else "")
                org = self.exact_forms.get(text) or (self.gazetteer.lookup(text) if end - tok.i >= 2 else None)
                if org:
                    yield tok.i, end, org
                    break


def _after_known_body(doc: Doc, kept: list, taken: list[bool], start: int, end: int, know: OrgKnowledge) -> bool:
    """A named body that opens with a whole known body's name, the rest its own words ("OPCW
    Mission in the Syrian Arab Republic", "UNAIDS Secretariat"): a unit of that body, a body of
    its own; the known body stays a mention inside it."""
    filters = know.filters
    for s, e, _ in kept:
        if s != start or e >= end or any(taken[e:end]):
            continue
        # its own words are a capitalised run ending with a head noun right after the known name (or
        # after a hyphen glued to it: "OPCW-United Nations Joint Investigative Mechanism"), not a
        # complement of the known body ("General Assembly to the ...", "UNIFIL and ...")
        j = e + 1 if doc[e].text in ("-", "–") and not doc[e].whitespace_ and not doc[e - 1].whitespace_ else e
        r = j
        while r < end and _capitalised(doc[r], know):
            r += 1
        # a class word alone after it names no unit ("United Nations Office", "United Nations Committee")
        # unless it is a body's own unit ("UNAIDS Secretariat")
        if r == end and r - j == 1 and doc[j].lower_ in filters["generic"] - filters["own_unit_head"]:
            return False
        return r > j and _is_head(doc[r - 1], filters["org_head"])
    return False


def _unit_of_known_body(doc: Doc, kept: list, taken: list[bool], start: int, end: int, know: OrgKnowledge) -> bool:
    """A named body whose own words open before a whole known body's name inside it: a unit of that
    body, a body of its own; the known body stays a mention inside it. Its own words are a head noun
    and a complement word (the lexicon's class_word_complements, "of", "for": "Weapons of Mass Destruction Branch of the
    Office for Disarmament Affairs", "Programme Coordinating Board of the Joint United Nations Programme
    on HIV/AIDS"), never a State ("Russian Federation to the United Nations"), or a unit_modifier word
    glued before the known name ("Regional Office of the High Commissioner for Human Rights for the
    Pacific"). Every other word of the name is free. A language whose org_filters.jsonl has no
    unit_modifier (French, Spanish) reads no such units."""
    filters = know.filters
    if not filters["unit_modifier"]:
        return False
    # "Executive Board of the United Nations Development Programme, the United Nations Population Fund and
    # ...", a masthead line: a list of bodies goes on after the known one, and the board is the whole list's
    # (in a sentence, "Representatives of ..., the Provisional Technical Secretariat of the Preparatory
    # Commission ..., the International Committee ..." the unit is the one body's)
    line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or "\n" in doc[start - 1].text
    after = end + 1 if line_start and end < len(doc) and (doc[end].text == "," or doc[end].lower_ in know.conjunctions) else None
    if after is not None and after < len(doc) and doc[after].lower_ in know.articles:
        after += 1
    if after is not None and after < len(doc) and _capitalised(doc[after], know):
        return False
    for s, e, _ in kept:
        if not (start < s and e <= end and not any(taken[start:s]) and not any(taken[e:end])):
            continue
        if s - start == 1 and doc[start].lower_ in filters["unit_modifier"] and doc[start].text[:1].isupper():
            return True
        c = s - 1
        if c > start and doc[c].lower_ in know.articles:
            c -= 1
        if (c > start and doc[c].text.islower() and doc[c].lower_ in know.lexicon["class_word_complements"]
                and _is_head(doc[c - 1], filters["org_head"]) and not know.is_state(doc[start:c].text)):
            return True
    return False
