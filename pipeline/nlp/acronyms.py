"""`unnotes_acronyms`: acronyms a note defines itself, "Long Form (ACR)" or
"ACR (Long Form)", and every later use of them.

The pairing follows Schwartz & Hearst (2003), "A simple algorithm for
identifying abbreviation definitions in biomedical text" (PSB 2003), as
scispacy's AbbreviationDetector does; the algorithm lives in plain functions
(`find_best_long_form`, `is_short_form`, `find_abbreviations`) testable without
a pipeline. UN notes add a case the algorithm cannot see: acronyms from another
language ("Central American Integration System (SICA)"). There the long form
is accepted when it is an organization-like name (a capitalised run whose head
noun is in `org_filters.jsonl` "org_head"), taken from just before the
parenthesis.

Sets `doc._.acronyms` = {short form: long form}, adding to what a previous
chunk of the same note defined (the findings seed it; the chunk's own
definitions win), and adds ORG candidates
(source `acronym:defined-in-text`) for an organization's long form and every
occurrence of its short form; norm = the gazetteer's canonical name when the
long or short form is known there, else the long form as written. The
organization gazetteer, filters and lexicon come from the component's config
(the same files as `unnotes_orgs`, loaded once and shared through
`orgs.org_knowledge`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import orgs
from pipeline.nlp.common import CANDIDATES, add_candidate
from pipeline.nlp.named_bodies import find_named_bodies

SOURCE = "acronym:defined-in-text"
MAX_SHORT_CHARS = 12     # S&H use 10; "CITS/UGA", "UN-Habitat" need a little more
MAX_INNER_TOKENS = 20    # a parenthesis longer than this holds prose, not a name
# a roman numeral ("(ii)", "(XIV)"), not any run of its letters: "ICC", "CCL" are acronyms
ROMAN_RE = re.compile(r"(?=[ivxlc]+$)(?:l?x{0,3}|xc|xl)(?:ix|iv|v?i{0,3})", re.IGNORECASE)


# -- Schwartz & Hearst (2003) ---------------------------------------------------------
def is_short_form(text: str, not_acronym: set[str] = frozenset(), symbol_re: re.Pattern | None = None) -> bool:
    """A plausible short form: 2-12 characters, at most two words, starts with
    a letter or digit, has a capital, is not a year, number, list marker, symbol
    or cross-reference."""
    text = text.strip()
    if not (2 <= len(text) <= MAX_SHORT_CHARS) or len(text.split()) > 2:
        return False
    if not text[0].isalnum() or not any(ch.isupper() for ch in text) or text.lower() in not_acronym:
        return False
    if re.fullmatch(r"[\d\s.,/-]+", text) or ROMAN_RE.fullmatch(text):
        return False
    symbol_re = symbol_re or orgs.default_knowledge().symbol_re
    if symbol_re.match(text) and any(ch.isdigit() for ch in text):
        return False
    # an acronym is mostly capitals ("SICA", "LiREC", "UN-Habitat" is 3 of 10, "CITS/UGA")
    letters = [ch for ch in text if ch.isalpha()]
    if any(ch.isdigit() for ch in text) and " " not in text and 0 < len(letters) <= 3 and letters[0].isupper():
        # a committee known by letter and number ("C-34", "C-24", "G77", "P5"): capitals and digits count
        return sum(ch.isupper() or ch.isdigit() for ch in text) >= 2
    return sum(ch.isupper() for ch in letters) >= max(2, len(letters) // 3)


def find_best_long_form(short: str, long: str) -> str | None:
    """Schwartz & Hearst's matcher: the shortest suffix of `long` whose
    characters, right to left, contain every letter and digit of `short` in
    order, the first one at the start of a word. None when there is none."""
    s, l_ = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l_ >= 0 and (long[l_].lower() != c or (s == 0 and l_ > 0 and long[l_ - 1].isalnum())):
            l_ -= 1
        if l_ < 0:
            return None
        l_ -= 1
        s -= 1
    start = long.rfind(" ", 0, l_ + 1) + 1
    return long[start:]


@dataclass(frozen=True)
class Abbreviation:
    """A definition found in a doc: token spans of the short and long forms."""
    short_start: int
    short_end: int
    long_start: int
    long_end: int
    org_like: bool


def _strip_determiner(doc: Doc, start: int, end: int, determiners: frozenset[str]) -> int:
    while start < end and doc[start].lower_ in determiners:
        start += 1
    return start


def _sh_long_span(doc: Doc, short: str, paren: int) -> tuple[int, int] | None:
    """S&H over the words before the parenthesis (at most min(|A|+5, 2|A|)), in the same sentence."""
    n_words = min(len(short) + 5, len(short) * 2)
    start = paren
    words = 0
    while start > 0 and words < n_words and not doc[start - 1].is_sent_end and doc[start - 1].text not in "();:":
        start -= 1
        if not doc[start].is_punct:
            words += 1
    if start == paren:
        return None
    window = doc[start:paren]
    best = find_best_long_form(short, window.text)
    if not best or len(best) <= len(short):
        return None
    span = doc.char_span(window.end_char - len(best), window.end_char, alignment_mode="expand")
    if span is None:
        return None
    # S&H also demand the long form not be much longer than the acronym
    if len([t for t in span if not t.is_punct]) > n_words:
        return None
    return span.start, span.end


def find_abbreviations(doc: Doc, know: orgs.OrgKnowledge | None = None) -> list[Abbreviation]:
    """Every "Long Form (ACR)" and "ACR (Long Form)" definition in `doc`."""
    know = know or orgs.default_knowledge()
    filters, gazetteer, is_state = know.filters, know.gazetteer, know.is_state
    not_acronym = filters["not_acronym"]
    named_end = {end: start for start, end in find_named_bodies(doc, filters, know.stop_words, know)}
    found = []
    for tok in doc:
        if tok.text != "(":
            continue
        close = next((t.i for t in doc[tok.i + 1: tok.i + 2 + MAX_INNER_TOKENS] if t.text in "()"), None)
        if close is None or doc[close].text != ")" or close == tok.i + 1:
            continue
        inner = doc[tok.i + 1:close]
        if is_state(inner.text):
            continue
        if is_short_form(inner.text, not_acronym, know.symbol_re) and tok.i > 0:
            abbr = _long_before(doc, tok.i, inner, named_end, know)
        elif tok.i > 0 and is_short_form(doc[tok.i - 1].text, not_acronym, know.symbol_re) and len(inner) >= 2:
            abbr = _long_inside(doc, tok.i, inner, know)
        else:
            abbr = None
        if abbr is not None:
            found.append(abbr)
    return found


def _long_before(doc, paren, inner, named_end, know: orgs.OrgKnowledge) -> Abbreviation | None:
    gazetteer, filters = know.gazetteer, know.filters
    determiners = know.lexicon["long_form_determiners"]
    short = inner.text
    known = gazetteer.lookup(short)
    named = named_end.get(paren)
    # a gazetteer name ending right before "(" (found by unnotes_orgs) is the best long form
    head_first = "first" in know.lexicon.get("name_head")
    # (an organization's: a State right before the parenthesis is no long form, "... Association of
    # Uganda (PCAU)", "... des Jeunes au Congo (ADJC)")
    from_gazetteer = [c.start for c in doc.spans.get(CANDIDATES, []) if c.end == paren and c.id_.startswith("gazetteer:")
                      and c.label_ == "ORG"]
    if from_gazetteer:
        return Abbreviation(inner.start, inner.end, min(from_gazetteer), paren, True)
    if named is not None:  # an organization-like name ends right before "(": take it whole
        start = _strip_determiner(doc, _widened_start(doc, short, named, paren, know), paren, determiners)
        return Abbreviation(inner.start, inner.end, start, paren, True)
    head = _head_first_start(doc, paren, filters) if head_first else None
    if head is not None:
        return Abbreviation(inner.start, inner.end, head, paren, True)
    if any(c.end == paren and c.label_ == "STATE" for c in doc.spans.get(CANDIDATES, [])) and _body_acronym(short):
        # "European Union military operation in Bosnia and Herzegovina (EUFOR)", "... section Togo
        # (REJADD-TOGO)": a body's acronym after a State ending a long form the rules cannot take whole;
        # the acronym names the body (its own long form), the State stays a State
        return Abbreviation(inner.start, inner.end, inner.start, inner.end, True)
    sh = _sh_long_span(doc, short, paren)
    if sh is None:
        return None
    start = _strip_determiner(doc, *sh, determiners)
    long_text = doc[start:paren].text
    org_like = bool(known or gazetteer.lookup(long_text)
                    or (orgs.clean_org_name(long_text, filters, lambda t: None, know)
                        and orgs.head_word(long_text.split(), filters["connector"]) in filters["org_head"]))
    return Abbreviation(inner.start, inner.end, start, paren, org_like)


def _widened_start(doc: Doc, short: str, named: int, paren: int, know: orgs.OrgKnowledge) -> int:
    """Where a defined name starts whose named body (doc[named:paren]) is only its last item: "Policy,
    Programme and Intergovernmental Division (PPID)", "Independent Evaluation, Audit and Investigation
    Services (IEAIS)", where the named-body pattern, cut at the comma, found the last item only. When
    the initials of the named body's capitalised words do not spell the acronym, and going back over a
    list inside the one name (capitalised words, commas, conjunctions) reaches a start whose initials
    spell it exactly, the definition's long form starts there."""
    letters = "".join(ch for ch in short if ch.isalpha())
    if not _body_acronym(short) or _initials(doc[named:paren]) == letters:
        return named
    start = named
    while start > 0 and paren - start <= MAX_INNER_TOKENS and (
            doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start
            or doc[start - 1].text == "," or doc[start - 1].lower_ in know.conjunctions):
        start -= 1
        if doc[start].text[:1].isupper() and _initials(doc[start:paren]) == letters:
            return start
    return named


def _initials(span) -> str:
    """The first letters of a span's capitalised words ("PPID" of "Policy, Programme and Intergovernmental Division")."""
    return "".join(t.text[0] for t in span if t.is_alpha and t.text[:1].isupper())


def _body_acronym(short: str) -> bool:
    """A one-word acronym whose first part is capitals ("EUFOR", "EUFOR-Althea", "REJADD-Togo", "APCA"),
    not a mixed-case short form."""
    first = re.split(r"[-/–]", short.strip())[0]
    letters = [ch for ch in first if ch.isalpha()]
    return " " not in short.strip() and len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _head_first_start(doc: Doc, paren: int, filters) -> int | None:
    """Where a name ending before `paren` starts in a language whose names open with their head
    noun (the lexicon's `name_head` "first": "Commission nationale pour la prévention et
    l'élimination de la violence à l'égard des femmes (CONAVIM)", "Centro Europeo contra la
    Delincuencia Informática (EC3)"): the nearest capitalised head noun of `org_filters.jsonl`
    before the parenthesis in the same clause, so that an acronym from another language whose
    letters the name does not spell still gets its long form."""
    heads = filters["org_head"]
    for i in range(paren - 1, max(-1, paren - 1 - MAX_INNER_TOKENS), -1):
        tok = doc[i]
        if tok.is_sent_end and i < paren - 1 or tok.text in ";:()[]," or tok.is_digit:
            return None
        if i < paren - 1 and tok.text[:1].isupper() and tok.lower_ in heads:
            return i
    return None


def _long_inside(doc, paren, inner, know: orgs.OrgKnowledge) -> Abbreviation | None:
    gazetteer, filters = know.gazetteer, know.filters
    short_tok = doc[paren - 1]
    start = _strip_determiner(doc, inner.start, inner.end, know.lexicon["long_form_determiners"])
    long_text = doc[start:inner.end].text
    if not find_best_long_form(short_tok.text, long_text) and not gazetteer.lookup(long_text):
        return None
    name = orgs.clean_org_name(long_text, filters, lambda t: None, know)
    org_like = bool(gazetteer.lookup(long_text) or gazetteer.lookup(short_tok.text)
                    or (name and orgs.head_word(name.split(), filters["connector"]) in filters["org_head"]))
    return Abbreviation(short_tok.i, short_tok.i + 1, start, inner.end, org_like)


def _drop_named_tail(doc: Doc, start: int, end: int, norm: str) -> None:
    """A named body that is only the tail of a defined long form ("Intergovernmental Division" of
    "Policy, Programme and Intergovernmental Division (PPID)") is no body of its own; where the note
    writes that tail again (a heading the layout broke after the comma list), it names the defined body."""
    spans = list(doc.spans.get(CANDIDATES, []))
    tails = {c.text for c in spans if c.id_ == orgs.NAMED_BODY and c.end == end and start < c.start}
    if not tails:
        return
    kept = [c for c in spans if not (c.id_ == orgs.NAMED_BODY and c.end == end and start < c.start)]
    doc.spans[CANDIDATES] = [Span(doc, c.start, c.end, label=c.label_, kb_id=norm, span_id=c.id_)
                             if c.id_ == orgs.NAMED_BODY and (c.text in tails or c.kb_id_ in tails) else c for c in kept]


def _drop_other_readings(doc: Doc, start: int, end: int, norm: str) -> None:
    """Remove the ORG candidates of exactly doc[start:end] whose norm is not `norm`."""
    doc.spans[CANDIDATES] = [c for c in doc.spans.get(CANDIDATES, [])
                             if not (c.start == start and c.end == end and c.label_ == "ORG" and c.kb_id_ != norm)]


# -- the component ---------------------------------------------------------------------
@Language.factory(
    "unnotes_acronyms",
    assigns=["doc.spans", "doc._.acronyms"],
    default_config=orgs.knowledge_config(),
)
def make_acronyms(nlp: Language, name: str, gazetteer, filters, states, symbols, lexicon, aliases):
    return AcronymDetector(orgs.org_knowledge(gazetteer, filters, states, symbols, lexicon, aliases))


class AcronymDetector:
    """Sets `doc._.acronyms` {short: long} (keeping what it was seeded with)
    and adds ORG candidates for organization-like definitions and every use
    of their short forms."""

    def __init__(self, know: orgs.OrgKnowledge | None = None):
        self.know = know or orgs.default_knowledge()

    def __call__(self, doc: Doc) -> Doc:
        gazetteer = self.know.gazetteer
        acronyms: dict[str, str] = {}
        for abbr in find_abbreviations(doc, self.know):
            short = doc[abbr.short_start:abbr.short_end]
            long = doc[abbr.long_start:abbr.long_end]
            acronyms.setdefault(short.text, long.text)
            if not abbr.org_like or orgs.names_a_period(long.text, self.know):
                continue
            named, spelt = gazetteer.lookup(long.text), gazetteer.lookup(short.text)
            known = named or spelt
            norm = known.name if known else orgs.strip_the(long.text, self.know)
            # a long form naming another body than the gazetteer's row for its acronym: in this note the
            # acronym is the defined body's ("International Coordinating Committee of National
            # Institutions ... (ICC)" is not the International Criminal Court)
            redefined = (named is not None and spelt is not None and named.name != spelt.name
                         and find_best_long_form(short.text, long.text) is not None)
            _drop_named_tail(doc, long.start, long.end, norm)
            add_candidate(doc, long.start, long.end, "ORG", norm, SOURCE)
            for start, end, part_norm in self._uses(doc, [t.text for t in short], norm):
                if redefined:
                    _drop_other_readings(doc, start, end, part_norm)
                add_candidate(doc, start, end, "ORG", part_norm, SOURCE)
        # what an earlier chunk of the note defined carries over; this chunk's own definitions win
        doc._.acronyms = {**(doc._.acronyms or {}), **acronyms}
        return doc

    def _uses(self, doc: Doc, parts: list[str], norm: str):
        """Token spans of every occurrence of `short`. A compound "CITS/UGA"
        is read part by part: a part the gazetteer knows is that organization,
        the first part is the defined one."""
        gazetteer = self.know.gazetteer
        compound = "/" in parts
        for tok in doc:
            if tok.text != parts[0]:
                continue
            end = tok.i + len(parts)
            if end > len(doc) or [t.text for t in doc[tok.i:end]] != parts:
                continue
            if orgs.inside_symbol(doc, tok.i, end, self.know.symbol_re):
                continue
            if not compound:
                yield tok.i, end, norm
                continue
            for k, t in enumerate(t for t in doc[tok.i:end] if t.text != "/"):
                known = gazetteer.lookup(t.text)
                if known or k == 0:
                    yield t.i, t.i + 1, known.name if known and k else norm
