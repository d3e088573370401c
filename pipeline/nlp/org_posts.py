"""A person's post in a list of persons: the post's unit is no row of its own; the body it belongs to is.

A post line is one item of a list of persons (a UPR report's delegation annex, a list of participants):
a bullet or an honorific opens it, then the person's name, a comma and the post ("• Mr. Reta Alemu Nega,
Director General of International Legal Affairs, Ministry of Foreign Affairs;"). Two kinds:

- `portfolio_of_post`: the words after a post's "of (the)" that no head noun of their own names ("Director of
  Legal Service", "Director General of International Legal Affairs", "Director of Religious Organisations and
  Associations") are the post's field, not a body: the mention is dropped; the ministry the line names after
  a comma keeps its row. A unit named by a head ("Director of the Department of International
  Organizations") stays.
- `parent_of_post_unit`: a unit on a post line named with its parent ("Directorate of International
  Cooperation on Legal Affairs of the Ministry of Justice", "Study and Analysis Unit of the Presidential
  Commission on ...") is two bodies, the unit and the parent it is "of" (`unnotes_natbodies` splits it),
  when the parent is named in full by its head and complement; "Human Rights Commission of the National
  Congress" stays one name.

The words are data (org_filters.jsonl `honorific`, `role_modifier`,
`post_role`, `post_of`, `post_honorific`, `natbody_head`, `natbody_complement`); a language without `post_role` reads no post lines."""

from __future__ import annotations

from spacy.tokens import Doc, Span

GAZETTEER = "gazetteer:"


def _role_words(know) -> set[str]:
    """A post's words: the heads of a unit or a field (`post_role`: "Director", "Chef", not "Member" of a
    body) and their modifiers ("Acting", "Deputy", "General")."""
    f = know.filters
    return f["post_role"] | f["role_modifier"]


def post_line(doc: Doc, start: int, know) -> bool:
    """doc[start] is in the post part of a post line: its sentence opens with a bullet or an honorific, and a
    comma comes between the opening and doc[start], on the same line."""
    if not know.filters["post_role"]:
        return False
    sent = doc[start].sent
    words = [t for t in doc[sent.start:start]]
    if not words or any("\n" in t.text_with_ws for t in words[:-1]):
        return False
    first = 0
    if not words[0].text[:1].isalnum():   # "•", "-", "–"
        first = 1
    if first >= len(words) or words[first].lower_.rstrip(".") not in (
            know.filters["honorific"] | know.filters["post_honorific"]):
        return False
    return any(t.text == "," for t in words[first + 1:])


def _post_of(doc: Doc, ent: Span, know) -> int | None:
    """Where the post's field opens: after the post's role words and its "of (the)" (`post_of`: "of", French
    "de"), right before the mention or opening it ("Director General Of International Organizations"), or
    after role words opening the mention with no "of" ("Chef Section"); None when no post of a post line's
    name comes before it."""
    roles, articles, ofs = _role_words(know), know.articles, know.filters["post_of"]
    i = ent.start
    while i < ent.end and doc[i].lower_ in roles:
        i += 1
    if i > ent.start and i < ent.end and doc[i].lower_ not in ofs:
        k, c = i, i   # "Chef Section": the role opens the mention, the field follows it
    else:
        if i < ent.end and doc[i].lower_ in ofs and i > ent.start:
            k = i
        else:
            k = ent.start - 1
            if k >= 0 and doc[k].lower_ in articles:
                k -= 1
            if k < 0 or doc[k].lower_ not in ofs:
                return None
        c = k + 1
        if c < ent.end and doc[c].lower_ in articles:
            c += 1
    r = k - 1
    while r >= 0 and doc[r].lower_ in roles:
        r -= 1
    if r < 0 or doc[r].text != "," or not any(t.lower_ in know.filters["post_role"] for t in doc[r + 1:k]):
        return None   # no post word, or the post does not follow the name's comma
    return max(c, ent.start)


def portfolio_of_post(doc: Doc, ent: Span, know, named_by_head) -> bool:
    """The mention `ent` (no gazetteer row gave it) is the field of a post on a post line, no body:
    `named_by_head(doc, s, e)` says whether doc[s:e] names a body by a head noun of its own."""
    if ent.id_.startswith(GAZETTEER) or any(len(t.text) >= 2 and t.text.isupper() for t in ent):
        return False
    c = _post_of(doc, ent, know)
    if c is None or c >= ent.end or not post_line(doc, ent.start, know):
        return False
    # a head names the unit, alone or before its parent ("Study and Analysis Unit of the ... Commission")
    heads = know.filters["natbody_head"] | know.filters["org_head"]   # "Human Rights Division"
    return not any(named_by_head(doc, c, p) or doc[p - 1].lower_ in heads
                   and sum(t.text[:1].isupper() for t in doc[c:p - 1]) >= 2 for p in range(c + 1, ent.end + 1))


def parent_of_post_unit(doc: Doc, s: int, e: int, know, named_by_head) -> tuple[int, int] | None:
    """doc[s:e], on a post line, is "unit of the parent": the (start, end) of the parent, or None. Both are
    named by heads of their own ("Directorate of ... of the Ministry of Justice")."""
    heads, articles = know.filters["natbody_head"], know.articles
    if not heads or not post_line(doc, s, know):
        return None
    for k in range(e - 3, s + 1, -1):
        if (doc[k].lower_ == "of" and doc[k + 1].lower_ in articles and k + 3 < e
                and doc[k + 2:e].text[:1].isupper() and _head_led(doc, k + 2, e, know)
                and (named_by_head(doc, s, k) or k - s >= 2 and doc[k - 1].lower_ in know.filters["org_head"])):
            return (k + 2, e)
    return None


def _head_led(doc: Doc, s: int, e: int, know) -> bool:
    """doc[s:e] opens with capitalised modifiers, a natbody_head and its natbody_complement ("Ministry of
    Justice", "Presidential Commission on ...", "Secretariat of the Pacific Community"): a parent named in
    full. A head-final parent ("the National Congress", "the Public Ministry") is the short form that tells
    which unit a generic one is ("Human Rights Commission of the National Congress"): the name stays whole."""
    heads, complement = know.filters["natbody_head"], know.filters["natbody_complement"]
    for i in range(s, e - 1):
        t = doc[i]
        if t.lower_ in heads:
            return doc[i + 1].lower_ in complement
        if not t.text[:1].isupper():
            return False
    return False
