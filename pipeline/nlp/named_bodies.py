"""The named-body pattern (`find_named_bodies`): capitalised names whose first
chunk ends with an organization head noun, with their "of/on/for ..."
complements ("Group of Experts", "Scientific Advisory Group", "Center for
International Trade and Security of the University of Georgia"), read from
org_filters.jsonl (`org_head`, `connector`, ...) and the lexicon. Used by
`org_matcher` (the `unnotes_orgs` component) and `acronyms` (long forms).
The token tests it shares with the sanity filters (`_capitalised`, `_run_end`,
`EntIndex`, `_place_at`, ...) live in `orgs`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.nlp.org_bounds import joiner_goes_on, names_itself, region_pair_goes_on
from pipeline.nlp.orgs import (
    EntIndex, OrgFilters, OrgKnowledge, _capitalised, _glued_hyphen, _heading_marker, _is_head, _model_place, _place_at,
    _run_end, default_knowledge,
)

TOPIC_NOT_LABELS = ("PERSON", "ORG", "GPE", "NORP")   # the model's entities that open no topic of a complement
GROUP_NOT_NAME_LABELS = ("GPE", "NORP", "LOC")  # the model's places and peoples: "Haitian gang" names no gang


def _person_at(ents: EntIndex, c: int) -> bool:
    """The statistical model tagged a person opening at doc[c] ("Ryandikayo and Charles Sikubwabo")."""
    return ents.opens(c, ("PERSON",))


def find_named_bodies(doc: Doc, filters: OrgFilters, stop_words: frozenset[str] | None = None,
                      know: OrgKnowledge | None = None, ents: EntIndex | None = None) -> list[tuple[int, int]]:
    """Token spans of capitalised names whose first chunk ends with an
    organization head noun, with their "of/on/for ..." complements:
    "Group of Experts", "Scientific Advisory Group", "Center for International
    Trade and Security of the University of Georgia". Written by hand because
    no maintained matcher expresses "capitalised run + head noun + complement"."""
    heads, connectors = filters["org_head"], filters["connector"]
    know = know or default_knowledge()
    stop_words = know.stop_words if stop_words is None else stop_words
    conjunctions, articles = know.conjunctions, know.articles
    natbody_heads = filters["natbody_head"]
    # "Mechanism in Rome", "Forces on the Bravo line": the lexicon's words for where a body sits
    # and for what it is about (empty in a language whose lexicon has none)
    located, topical = know.lexicon.get("location_prepositions"), know.lexicon.get("topic_prepositions")
    ents = ents or EntIndex.of(doc)
    spans = []
    i, n = 0, len(doc)
    while i < n:
        if not _capitalised(doc[i], know) or doc[i].is_sent_start and doc[i].lower_ in stop_words:
            i += 1
            continue
        j = _run_end(doc, i, know)
        # "Women's Peace and Humanitarian Fund": a run joined by "and" to a run ending with the head
        # (the second run names the kind with a word of its own: "Centre" alone, as in "Santé
        # Communautaire and Centre de Santé", opens a second body)
        # (not a run that ends with its head noun and a place, a body already: "University College Dublin and
        # Royal College ...", nor a generic phrase: "Member States and Down Syndrome International")
        if (j + 1 < n and doc[j].lower_ in conjunctions and not _is_head(doc[j - 1], heads) and _capitalised(doc[j + 1], know)
                and not (j - i >= 2 and _is_head(doc[j - 2], heads) and know.is_place(doc[j - 1].text))
                and doc[i:j].text.lower() not in filters["generic"] and not names_itself(doc[i:j], know)):
            j2 = _run_end(doc, j + 1, know)
            if _is_head(doc[j2 - 1], heads) and j2 - (j + 1) >= 2:
                j = j2
        # "Alva Myrdal Centre’s Conference": a possessive after a head noun ends the name there
        for p in range(i + 1, j - 1):
            if doc[p].lower_ in know.possessives and _is_head(doc[p - 1], heads):
                j = p
                break
        # "Mental Hospital Ludwig Maximilian University": a second body glued on (institution_head)
        j = _glued_second_body(doc, i, j, know)
        # the first chunk doc[i:j] must end with a head noun, or open with one in a Romance language's
        # order ("Fondation Jérôme Lejeune", "Alianza por los Humedales Andinos": leading_head)
        k = j - 1 if _is_head(doc[j - 1], heads) else None
        leading = k is None and doc[i].lower_ in filters["leading_head"]
        if leading:
            k = i
        if k is None and _named_group(doc, i, j, filters, know, ents):
            # "the Kraze Barye gang", "the 5 Segond gang": a short name and its group_tail noun
            spans.append((i - 1 if i > 0 and doc[i - 1].is_digit and len(doc[i - 1]) <= 3 else i, j + 1))
            i = j + 1
            continue
        if k is None:
            i = max(j, i + 1)
            continue
        end = j if leading else k + 1
        m = end
        before_comma = None   # where the name ends if a ", X" complement is not closed by "and Y"
        # complements: (connectors | ", ") + capitalised words
        while m < n:
            c = m
            while c < n and (doc[c].lower_ in connectors and doc[c].text.islower() or doc[c].text == ","
                             or c == m and m > k + 1 and joiner_goes_on(
                                 doc, c, know, lambda t: _capitalised(t, know), lambda x: _run_end(doc, x, know),
                                 lambda x: _place_at(doc, x, know, ents) or _model_place(ents, x) or _person_at(ents, x))):
                c += 1
            if (c == m or c >= n or not _capitalised(doc[c], know) or "\n" in doc[m:c].text
                    or doc[c].lower_.rstrip(".") in filters["honorific"]):
                break  # "... Development, Ms. Beena Pallical": a person follows
            # "... of the Russian Federation and Chairman of ...": a title after "and" or a comma is a
            # person's ("Group of Experts" keeps its complement)
            joint = {t.lower_ for t in doc[m:c]}
            if doc[c].lower_ in filters["person_head"] and joint & (conjunctions | {","}):
                break
            # "... from Armed Conflicts, and Finland spoke": a State after a comma and "and" is a name of its own
            if "," in joint and joint & conjunctions and know.is_state(doc[c:_run_end(doc, c, know)].text):
                break
            # "Ministry of Gender, Child and Social Welfare and Ministry of Peacebuilding", "Ministry of Health
            # and Department of Education": after "and", the name's own head noun, or a natbody_head after a
            # name led by one and no article, opens a second body (the one place this split is made:
            # natbodies.py splits only a State or an acronym glued before a body, and a seated unit)
            if joint & conjunctions and not leading and (doc[c].lower_ == doc[k].lower_ or (
                    doc[c].lower_ in natbody_heads and doc[k].lower_ in natbody_heads
                    and not any(t.lower_ in articles for t in doc[i:c]))):
                break
            # the first complement opens with a preposition ("Group of Experts"); a later "and" joins
            # words inside it ("Trade and Security") but never a second body ("... and the Working Group")
            # (unless what "and the" adds is no body, person or place but a topic of the same complement:
            # "Institute for Justice and the Rule of Law", "... for Asia and the Pacific")
            if m == k + 1 and not joint - conjunctions - articles - {","} or (
                    joint & conjunctions and joint & articles
                    and not (m > k + 1 and "," not in joint and (_topic_goes_on(doc, c, know, ents)
                                                               or region_pair_goes_on(doc, m, c, know)))):
                break
            # "Department of Sociology Ludwig Maximilian University": the complement is one word and a
            # second body, named by its own institution_head, is glued on after it
            if not joint & articles and "," not in joint and _glued_second_body(doc, c, _run_end(doc, c, know), know,
                                                                                 min_before=2) < _run_end(doc, c, know):
                end = c + 1
                break
            # "... in April", "... at Headquarters": a month or a place word closes the name
            if doc[c].lower_ in filters["complement_stop"]:
                break
            # "Armed Forces of the Russian Federation in Bucha": after a State, "in"/"at" says where
            if joint & located and m > k + 1 and know.is_state(_last_run(doc, k + 1, m, know)):
                break
            # "Parliament in Nepal", "Mechanism in Rome", "Hospital in Khan Yunis": "in"/"at" a place
            # (a State, a city, a place the model tagged) says where the body sits
            # (a mission keeps its place: "OPCW Mission in the Syrian Arab Republic"; keeps_state)
            if joint & located and _place_at(doc, c, know, ents) and doc[k].lower_ not in filters["keeps_state"]:
                break
            # "Council against Iran", "Counter-Terrorism Force to Tripoli": after "against" or "to", a State, a
            # place or a person is whom the body acts on or where it goes, not its name (party_preposition;
            # a mission keeps its place: keeps_state)
            if (joint & filters["party_preposition"] and doc[k].lower_ not in filters["keeps_state"]
                    and (_place_at(doc, c, know, ents) or _person_at(ents, c))):
                break
            # "Israel Defense Forces on the Bravo line", "Indian Parliament on the Operation ...": a
            # body of this kind has no "on <topic>" in its name (no_topic_head)
            if joint & topical and doc[k].lower_ in filters["no_topic_head"]:
                break
            if "," in joint:
                # ", in South Kivu": a clause; ", the Committee on ...": a second body (not ", the Horn of Africa")
                if joint - conjunctions - articles - {","} or joint & articles and _is_head(doc[_run_end(doc, c, know) - 1], heads):
                    break
                # "World Federation of Engineering Organizations, International Science Council, ...": after a
                # complement, a comma and a run of its own head noun open the next body of a list (not "Ministry
                # of Health, Social Services and Equality", a list inside one name that "and" closes)
                if m > k + 1 and _second_body_after_comma(doc, c, heads, connectors, conjunctions, know):
                    break
                if joint & conjunctions:
                    before_comma = None          # "A, B, and C": the list inside the name is closed
                elif before_comma is None:
                    before_comma = end           # "A, B": kept only if "and C" follows
            elif joint & conjunctions:
                before_comma = None
            m = end = _run_end(doc, c, know)
        if before_comma is not None:
            end = before_comma
        start = i
        while start < k and (doc[start].lower_ in stop_words or _heading_marker(doc, start)):
            start += 1
        # "Chair EMCDDA Scientific Advisory Board", "Vice Dean Institute of ...": a person's role glued before
        start = _after_leading_role(doc, start, k, know, stop_words)
        # "Cameroon-Nigeria Mixed Commission": a hyphen glued on both sides joins the word before
        while (start >= 2 and doc[start - 1].text in "-–" and not doc[start - 1].whitespace_
               and not doc[start - 2].whitespace_ and _capitalised(doc[start - 2], know)):
            start -= 2
        # "West Bank", "Twelfth Forum", "Trust Fund": no word before the head names anything
        naming = [t for t in doc[start:end] if t.is_alpha and t.i != k
                  and t.lower_ not in filters["weak_modifier"] | connectors]
        if end - start >= 2 and naming:
            spans.append((start, end))
        i = max(end, i + 1)
    return spans


def _topic_goes_on(doc: Doc, c: int, know: OrgKnowledge, ents: EntIndex) -> bool:
    """The capitalised run at doc[c], after "and the" in a body's complement, goes on with that complement
    ("Rule of Law", "Pacific", "Sahel"): up to the end of the name it has no head noun of a body, person,
    document or event, is no State, city or known body, and the model tags no person, body or State there."""
    filters = know.filters
    stops = filters["org_head"] | filters["person_head"] | filters["document"] | filters["event"] | filters["state_head"]
    r = _run_end(doc, c, know)
    words = list(doc[c:r])
    if r < len(doc) and doc[r].text in ("-", "–"):
        return False   # "... and the Inter-" + line break: a word the layout cut, not a topic
    if r + 1 < len(doc) and doc[r].lower_ in filters["connector"] - know.conjunctions - know.articles \
            and doc[r].text.islower() and _capitalised(doc[r + 1], know):
        # "Rule of Law": its own complement names no body or person either
        stops_after = filters["org_head"] | filters["person_head"]
        if any(_is_head(t, stops_after) for t in doc[r + 1:_run_end(doc, r + 1, know)]):
            return False
    text = doc[c:r].text
    if (not words or any(_is_head(t, stops) or t.lower_.rstrip(".") in filters["honorific"] for t in words)
            or know.is_place(text) or know.gazetteer.lookup(text) or doc[c].lower_ in know.stop_words):
        return False
    return not (ents.opens(c, TOPIC_NOT_LABELS) or ents.opens(c - 1, TOPIC_NOT_LABELS))


def _after_leading_role(doc: Doc, start: int, k: int, know: OrgKnowledge, stop_words) -> int:
    """Where a name starts after the person's role a CV line glues before it ("Chair EMCDDA Scientific
    Advisory Board", "Vice Dean Institute of Psychiatry", "Consultant Psychiatrist The Royal ..."): the
    leading_role words (role_modifier words only before one of them: "Senior Management Group" keeps its
    name), never before a possessive or a glued hyphen ("President's Office", "Director-General")."""
    roles, modifiers = know.filters["leading_role"], know.filters["role_modifier"]
    j, last_role = start, None
    while j < k and doc[j].text[:1].isupper() and (doc[j].lower_ in roles or doc[j].lower_ in modifiers):
        if doc[j + 1].lower_ in know.possessives or _glued_hyphen(doc, j + 1):
            return start
        if doc[j].lower_ in roles:
            last_role = j
        j += 1
    if last_role is None:
        return start
    j = last_role + 1
    if not doc[j].text[:1].isupper():
        return start   # "President of the ...": a title
    while j < k and doc[j].lower_ in stop_words:
        j += 1
    return j


def _glued_second_body(doc: Doc, i: int, j: int, know: OrgKnowledge, min_before: int = 1) -> int:
    """The end of the first of two bodies a run doc[i:j] glues without punctuation, the second named by an
    institution_head of its own ("Mental Hospital | Ludwig Maximilian University"; in a complement,
    "Sociology | Ludwig Maximilian University", "Psychiatry | Kings College London"); `j` when the run
    is one name. The second body has a naming word before its head; in a complement the complement
    itself is one word and the head comes at least `min_before` words after it."""
    institutions, heads = know.filters["institution_head"], know.filters["org_head"]
    for h in range(j - 1, i, -1):
        if doc[h].lower_ not in institutions:
            continue
        if min_before > 1:   # a complement: one word, then the second body ("University of Wales College" stays)
            return i + 1 if h - i >= min_before and not _is_head(doc[i], heads) else j
        # a first chunk: an earlier head noun, then two or more words up to this head
        for p in range(h - 2, i, -1):
            if _is_head(doc[p], heads) and not _is_head(doc[p + 1], heads) and doc[p + 1].is_alpha and all(
                    _capitalised(t, know) for t in doc[p + 1:h]):
                return p + 1
        return j
    return j


def _second_body_after_comma(doc: Doc, c: int, heads: set[str], connectors: set[str], conjunctions,
                             know: OrgKnowledge) -> bool:
    """The capitalised run at doc[c] (after a comma) names a body of its own: it ends with a head noun and
    is two words or more or goes on with its own complement ("University of Glasgow"), and no "and"
    follows it (that would close a list inside one name)."""
    r = _run_end(doc, c, know)
    if not _is_head(doc[r - 1], heads) or r < len(doc) and doc[r].lower_ in conjunctions:
        return False
    return r - c >= 2 or r + 1 < len(doc) and doc[r].lower_ in connectors - conjunctions and _capitalised(doc[r + 1], know)


def _named_group(doc: Doc, i: int, j: int, filters: OrgFilters, know: OrgKnowledge, ents: EntIndex) -> bool:
    """doc[i:j] is a short capitalised name right before a lowercase group_tail noun ("Kraze Barye gang"),
    not a place or a people ("Haitian gang", "Port-au-Prince gang")."""
    return (j < len(doc) and doc[j].text.islower() and doc[j].lower_ in filters["group_tail"] and 1 <= j - i <= 3
            and not (doc[i].is_sent_start and j - i == 1)   # "Escalating gang violence
            and not know.is_place(doc[i:j].text) and not know.is_state(doc[i:j].text, adjectives=True)
            and doc[i].lower_ not in know.stop_words
            and not ents.opens(i, GROUP_NOT_NAME_LABELS))


def _last_run(doc: Doc, lo: int, hi: int, know: OrgKnowledge) -> str:
    """The capitalised words just before `hi` (the last complement's name part)."""
    i = hi
    while i > lo and (_capitalised(doc[i - 1], know) or doc[i - 1].lower_ in know.possessives):
        i -= 1
    return doc[i:hi].text
