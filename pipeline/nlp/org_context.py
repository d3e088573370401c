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

- `law_title_end`: a mention no gazetteer row gave, glued inside a law's title, is a word of the title ("The
  Freedom of Mass Media and Access to Information Proclamation": the capitalised words after the mention, on
  its line, end with a law word right after a capitalised word; "the Framework Law of the National Security
  System": a capitalised law word and "of (the)" right before it). A name holding a `natbody_head` word after
  the mention ("... Media Council Act") is left alone, and so is a name holding an acronym.
- `class_name` after an `indefinite_article`: "establish a National Human Rights Institution", "an NHRI" in
  the class's long form: one of a class of bodies or one still to be set up, no named body.
- a post's field on a list of persons ("Director of Legal Service, Ministry of ..."): `nlp/org_posts.py`.

A compound's first part read as an acronym ("Afro" in "Afro-descendants" as AFRO), an acronym the
note defines as a document or an event, and a plural class are `nlp/org_acronyms_used.py`'s.

Only the mention is dropped: a body named elsewhere in the note keeps its row."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.nlp.natbodies import BodySplitter
from pipeline.nlp.org_posts import portfolio_of_post
from pipeline.nlp.org_acronyms_used import names_no_body

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


def _titled(t) -> bool:
    return t.text[:1].isupper() and (t.is_alpha or t.text.replace("-", "").isalpha())


def inside_law_title(doc: Doc, ent: Span, know) -> bool:
    """A mention no gazetteer row gave is a word of a law's title it is glued into (law_title_end)."""
    laws = know.filters["law_title_end"]
    if not laws or ent.id_.startswith(GAZETTEER) or any(len(t.text) >= 2 and t.text.isupper() for t in ent):
        return False
    connectors, heads = know.filters["connector"], know.filters["natbody_head"]
    if (ent[-1].lower_ in laws and len(ent) >= 2 and _titled(ent[-2])
            and not any(t.lower_ in heads for t in ent)):
        return True   # "the Prison Administration Proclamation" read whole (not "Sabin Center for ... Law")
    # after: capitalised words and connectors on the line, the last a law word after a capitalised word
    # that ends the run ("... Information Proclamation had"; not "the Indian Law Resource Center")
    j = ent.end
    while j < len(doc) and "\n" not in doc[j - 1].text_with_ws and (
            _titled(doc[j]) or doc[j].lower_ in connectors and doc[j].text.islower()):
        if doc[j].lower_ in heads:
            break
        if (doc[j].lower_ in laws and _titled(doc[j]) and _titled(doc[j - 1])
                and not (j + 1 < len(doc) and _titled(doc[j + 1]))):
            return True
        j += 1
    # before: "Framework Law of (the)" right before the mention
    k = ent.start - 1
    if k >= 0 and doc[k].lower_ in know.articles:
        k -= 1
    return (k >= 2 and doc[k].lower_ == "of" and doc[k - 1].lower_ in laws and _titled(doc[k - 1])
            and _titled(doc[k - 2]) and "\n" not in doc[k - 2:ent.start].text)


def class_after_indefinite(doc: Doc, ent: Span, know) -> bool:
    """A class_name right after an indefinite article: one of a class, or a body still to be set up."""
    classes, indefinite = know.filters["class_name"], know.filters["indefinite_article"]
    if not classes:
        return False
    words = [t.lower_ for t in ent]
    start = ent.start
    if words and words[0] in indefinite:
        words, start = words[1:], start + 1
    elif start > 0 and doc[start - 1].lower_ in indefinite:
        pass
    else:
        return False
    return " ".join(words) in classes


def not_a_body_here(doc: Doc, ent: Span, know) -> bool:
    """The ORG mention `ent` names no body in its context (a treaty, a tool or document, a law's title,
    a class of bodies, a post's field), or its note's definition or its case show it names none
    (org_acronyms_used: "ICCPR", "Afro-descendants", "Tax Agencies")."""
    if after_treaty_cue(doc, ent.start, ent.end, know) or before_tool_noun(doc, ent, know):
        return True
    if (inside_law_title(doc, ent, know) or class_after_indefinite(doc, ent, know)
            or names_no_body(ent, know)):
        return True
    # the splitter's head test, built only for a mention on a post line
    return portfolio_of_post(doc, ent, know, lambda d, s, e: BodySplitter(know).names_body(d, s, e))
