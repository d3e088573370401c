"""Acronym and plural mentions that name no single body, whatever their source (gazetteer, model, rules).

- `defined_as_no_body`: the note defines the acronym with a long form that is a document, an event or a
  field of law, not a body: its head noun is a `document` or `event` word, or it has no capital at all
  ("International Covenant on Civil and Political Rights (ICCPR)", "International Conference on Population
  and Development (ICPD)", "international humanitarian law (IHL)", and a gazetteer committee's letters
  defined as its treaty: "International Convention on the Elimination of All Forms of Racial
  Discrimination (CERD)"). A long form the gazetteer knows stays a body ("United Nations Conference on
  Trade and Development (UNCTAD)"), and so does a long form a gazetteer row with that acronym holds in its name
  ("... Framework Convention on Climate Change (UNFCCC)": its secretariat).
- `acronym_by_case_only`: one mixed-case word, the first part of a hyphenated compound, that meets a
  gazetteer row only through its acronym read case-insensitively ("Afro-descendants" is not WHO's AFRO);
  the row's own names in that case, and such a word standing alone ("Caricom"), stay.
- `names_a_class`: a name with no complement ending in a `class_plural` noun is a class of bodies, not
  one ("Tax Agencies", "International Courts", "Palliative Care Organizations"); ANNOTATION.md: a whole
  class of bodies is no ORG. A gazetteer row or a name holding an acronym stays.

All read `org_filters.jsonl` (`document`, `event`, `connector`, `class_plural`); a language without
`class_plural` keeps every plural."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.orgs import head_word

GAZETTEER = "gazetteer:"
HYPHENS = ("-", "‑", "–")


def _acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper()


def defined_as_no_body(ent: Span, know) -> bool:
    """A one-word acronym the note defines as a document, an event or a lowercase phrase."""
    if len(ent) != 1 or not _acronym(ent.text):
        return False
    long_form = (ent.doc._.acronyms or {}).get(ent.text) if ent.doc.has_extension("acronyms") else None
    words = (long_form or "").split()
    if not words or know.gazetteer.lookup(long_form) or _known_as(ent.text, long_form, know):
        return False
    if not any(w[:1].isupper() for w in words):
        return True   # "international humanitarian law (IHL)"
    filters = know.filters
    return head_word(words, filters["connector"]) in filters["document"] | filters["event"]


def _known_as(short: str, long_form: str, know) -> bool:
    """The gazetteer row with this acronym holds the long form in a name of its own ("Secretariat of the
    United Nations Framework Convention on Climate Change" for "... Convention on Climate Change (UNFCCC)")."""
    org = know.gazetteer.lookup(short)
    wanted = " ".join(long_form.split()).lower()
    return org is not None and any(wanted in " ".join(n.split()).lower() for n in (org.name, *org.aliases))


def acronym_by_case_only(ent: Span, know) -> bool:
    """"Afro" in "Afro-descendants" read as AFRO: one mixed-case word, the first part of a hyphenated
    compound, equal to a gazetteer row's acronym only without case ("Caricom" standing alone stays)."""
    text, doc = ent.text, ent.doc
    if len(ent) != 1 or _acronym(text) or not text[:1].isupper():
        return False
    if ent.end >= len(doc) or doc[ent.end].text not in HYPHENS or ent[-1].whitespace_:
        return False
    org = know.gazetteer.lookup(text)
    if org is None or not org.acronym or org.acronym.lower() != text.lower() or text == org.acronym:
        return False
    return text not in (org.name, *org.aliases)


def names_a_class(ent: Span, know) -> bool:
    """"Tax Agencies", "the International Courts": a plural class noun ends a name with no complement."""
    plurals = know.filters["class_plural"]
    if not plurals or ent.id_.startswith(GAZETTEER):
        return False
    words = [t for t in ent if not t.is_punct]
    if words and words[0].lower_ in know.articles:
        words = words[1:]
    if len(words) < 2 or words[-1].lower_ not in plurals:
        return False
    if any(t.lower_ in know.filters["connector"] or _acronym(t.text) for t in words):
        return False
    return not know.gazetteer.lookup(" ".join(t.text for t in words))


def names_no_body(ent: Span, know) -> bool:
    return defined_as_no_body(ent, know) or acronym_by_case_only(ent, know) or names_a_class(ent, know)
