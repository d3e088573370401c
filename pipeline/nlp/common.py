"""What the NLP components share: the candidate span group, Doc extensions
and per-Doc lookups computed once."""

from __future__ import annotations


from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span


CANDIDATES = "candidates"  # doc.spans key the rule components write to

if not Doc.has_extension("blocks"):
    # (kind, start_char, end_char, page) for each block of the NoteText
    Doc.set_extension("blocks", default=None)
if not Doc.has_extension("acronyms"):
    # {short form: long form} defined in the text ("... System (SICA)")
    Doc.set_extension("acronyms", default=None)
if not Doc.has_extension("recommendations"):
    # list of {start, end, text, actor, by, cue, section}
    Doc.set_extension("recommendations", default=None)
if not Doc.has_extension("issue_year"):
    # the year the note was issued, when known (for dates without a year)
    Doc.set_extension("issue_year", default=None)


def add_candidate(doc: Doc, start: int, end: int, label: str, norm: str, source: str) -> Span:
    """Add a candidate span (token offsets) for `unnotes_resolve` to choose from."""
    span = Span(doc, start, end, label=label, kb_id=norm, span_id=source)
    if CANDIDATES not in doc.spans:
        doc.spans[CANDIDATES] = []
    doc.spans[CANDIDATES].append(span)
    return span


def add_candidate_chars(doc: Doc, start_char: int, end_char: int, label: str, norm: str,
                        source: str) -> Span | None:
    """Add a candidate from character offsets, expanded to token boundaries;
    None when the offsets fall inside a token that cannot be expanded."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    return add_candidate(doc, span.start, span.end, label, norm, source)


def sentence_of(doc: Doc, span: Span) -> Span:
    """The sentence holding `span`. spaCy's `span.sent` walks the tokens on
    every call (quadratic over a long note); this finds it by bisection in the
    sentence starts, computed once per Doc."""
    import bisect

    starts = doc.user_data.get("unnotes_sent_starts")
    if starts is None:
        starts = [s.start for s in doc.sents] if has_sentences(doc) else [0]
        doc.user_data["unnotes_sent_starts"] = starts
    i = bisect.bisect_right(starts, span.start) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(doc)
    return doc[starts[i]:max(end, span.end)]


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once: spaCy joins every token's text on each access,
    which is quadratic when done per entity over a long note."""
    text = doc.user_data.get("unnotes_text")
    if text is None:
        text = doc.user_data["unnotes_text"] = doc.text
    return text


def has_sentences(doc: Doc) -> bool:
    """`doc.has_annotation("SENT_START")`, computed once per Doc (it scans every token)."""
    value = doc.user_data.get("unnotes_has_sents")
    if value is None:
        value = doc.user_data["unnotes_has_sents"] = doc.has_annotation("SENT_START")
    return value


START, NOT_START = 1, -1  # the values of a sentence-start column (0: unknown)


def sentence_start_array(doc: Doc):
    """The Doc's sentence starts as one column (1 a start, -1 not, 0 unknown), to change many at once."""
    return doc.to_array(SENT_START).astype("int64")


def set_sentence_starts(doc: Doc, starts) -> None:
    """Write a column of sentence_start_array back in one call. spaCy's
    `token.is_sent_start` setter scans the whole Doc on every call (to check it
    has no parse), so setting it token by token is quadratic: 35 of 43 CPU s on
    a 150,000-character Spanish text with no full stop."""
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # spaCy's own column type
    doc.user_data.pop("unnotes_sent_starts", None)
    doc.user_data.pop("unnotes_has_sents", None)
