"""Organization mentions that the words around them show to be no body.

Two kinds, each from `org_filters.jsonl` data (a language without the kinds keeps every mention):

- `treaty_cue`: a treaty's acronym shares its letters with the committee that monitors it ("CERD",
  "CEDAW", "CRC"); after "ratify (the)", "article 3 of", "the Optional Protocol to (the)" it is the
  treaty, not the committee ("Sign and ratify the CERD", "violations of article 3 of CERD"). A cue is
  the words right before the mention, an optional article between; "#" in a cue stands for a number.
  A name that opens with such a verb is a treaty's title, the verb glued on by the layout ("Ratify the
  International Convention on ...").
- `tool_noun`: a name the rules or the model read (not a gazetteer body, not an acronym) right before a
  lowercase noun of a tool or a document names that thing, not a body ("the Unified Court Records
  database", "the Girls Associated with Armed Forces and Armed Groups technical note", "the
  Organization's Information, Counselling and Referral Service model"). A known body or a name holding
  an acronym before such a noun ("the OHCHR website", "the UNFPA Executive Board website") stays.

Only the mention is dropped: a body named elsewhere in the note keeps its row."""

from __future__ import annotations

from spacy.tokens import Doc, Span

GAZETTEER = "gazetteer:"


def _words_before(doc: Doc, start: int, n: int) -> list[str]:
    """The lowercased words of up to n tokens before doc[start], on the same line; a number is "#"."""
    words = []
    i = start - 1
    while i >= 0 and len(words) < n:
        t = doc[i]
        if "\n" in t.text_with_ws or t.is_space:
            break
        words.append("#" if t.like_num else t.lower_)
        i -= 1
    return words[::-1]


def after_treaty_cue(doc: Doc, start: int, end: int, know) -> bool:
    """doc[start:end] follows a treaty_cue (after an optional article), or opens with one."""
    cues = know.context_cues["treaty_cue"]
    if not cues:
        return False
    longest = max(len(c) for c in cues)
    before = _words_before(doc, start, longest + 1)
    if before and before[-1] in know.articles:
        before = before[:-1]
    for cue in cues:
        if len(before) >= len(cue) and tuple(before[-len(cue):]) == cue:
            return True
    words = ["#" if t.like_num else t.lower_ for t in doc[start:end]]
    if words and words[0] in know.articles:
        words = words[1:]
    # "Ratify the International Convention ...": a one-word verb cue, an article, then the title
    return any(len(cue) == 1 and len(words) > 2 and words[0] == cue[0] and words[1] in know.articles
               and doc[start].text[:1].isupper() for cue in cues)


def before_tool_noun(doc: Doc, ent: Span, know) -> bool:
    """A name no gazetteer row gave, right before a lowercase tool_noun ("... database", "... technical
    note"): the name of that tool or document, not of a body."""
    nouns = know.context_cues["tool_noun"]
    if not nouns or ent.id_.startswith(GAZETTEER) or any(len(t.text) >= 2 and t.text.isupper() for t in ent):
        return False   # a known body, or a name holding an acronym ("the UNFPA Executive Board website")
    after = [t for t in doc[ent.end:ent.end + max(len(n) for n in nouns)]]
    if not after or not after[0].text.islower() or "\n" in ent[-1].text_with_ws:
        return False
    words = [t.lower_ for t in after]
    return any(tuple(words[:len(n)]) == n and all(t.text.islower() for t in after[:len(n)]) for n in nouns)


def not_a_body_here(doc: Doc, ent: Span, know) -> bool:
    """The ORG mention `ent` names no body in its context (a treaty, a tool or document)."""
    return after_treaty_cue(doc, ent.start, ent.end, know) or before_tool_noun(doc, ent, know)
