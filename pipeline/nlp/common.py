"""What the NLP components share: the candidate span group, Doc extensions,
and loading of the user-editable data files in `models/` with errors that
name the file, line and problem."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, Span

from pipeline.nlp.errors import ModelDataError  # noqa: F401  (re-exported for the components)

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


def read_tsv(path: Path, columns: list[str]) -> Iterator[tuple[int, dict]]:
    """Rows of a UTF-8 TSV with a header naming at least `columns`, as
    (line number, row). Lines starting with '#' and blank lines are skipped."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(i, ln) for i, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ModelDataError(f"{path} line 1: expected a header row with columns {columns}, got an empty file")
    header_line, header = lines[0]
    names = header.rstrip("\r\n").split("\t")
    missing = [c for c in columns if c not in names]
    if missing:
        raise ModelDataError(f"{path} line {header_line}: expected columns {columns}, missing {missing}")
    reader = csv.DictReader([ln for _, ln in lines], delimiter="\t", quoting=csv.QUOTE_NONE)
    for (lineno, raw), row in zip(lines[1:], reader):
        if None in row or any(row.get(c) is None for c in columns):
            raise ModelDataError(f"{path} line {lineno}: expected {len(names)} tab-separated fields, "
                                 f"got {len(raw.rstrip(chr(10)).split(chr(9)))}")
        yield lineno, {k: (v or "").strip() for k, v in row.items()}


def read_jsonl(path: Path, required: dict[str, tuple[type, ...]]) -> Iterator[tuple[int, dict]]:
    """Objects of a JSONL file, as (line number, object), each checked to have
    the `required` keys with values of the given types."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ModelDataError(f"{path} line {lineno}: expected a JSON object, got invalid JSON ({e.msg})") from None
            if not isinstance(obj, dict):
                raise ModelDataError(f"{path} line {lineno}: expected a JSON object, got {type(obj).__name__}")
            for key, types in required.items():
                if key not in obj:
                    raise ModelDataError(f"{path} line {lineno}: expected key '{key}', got keys {sorted(obj)}")
                if not isinstance(obj[key], types):
                    want = " or ".join(t.__name__ for t in types)
                    raise ModelDataError(f"{path} line {lineno}: expected {want} for '{key}', "
                                         f"got {obj[key]!r}")
            yield lineno, obj


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
