"""Plain-text and Markdown notes -> NoteText.

Paragraphs are separated by blank lines; "# heading" lines are headings,
"- item" / "1. item" / "(a) item" lines list items, "| a | b |" lines table
rows, and paragraphs that open with a superscript marker ("¹ For ...") are
footnotes (moved after the body). Form feeds separate pages. Inline markup
(<i>, **, \\-escapes) is dropped; spans map into the decoded text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pipeline.ingest.blocks import ENDS_SENTENCE_RE, heading_pattern
from pipeline.ingest.patterns import list_start
from pipeline.ingest.hyphenation import Vocabulary, append_line
from pipeline.ingest.metadata import add_metadata
from pipeline.ingest.textbuild import Piece, Src, TextBuilder, join_cells, piece_text
from pipeline.core.errors import IngestError
from pipeline.core.note import NoteText

INLINE_MARKUP_RE = re.compile(
    r"</?(?:i|b|em|strong|u|sup|sub|br|span|p)\b[^>]*>"   # HTML inline tags
    r"|\*\*|__"                                          # bold
    r"|\\(?=[\\`*_{}\[\]()#+\-.!|])"                     # markdown escapes: keep the char after
    r"|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"            # *emphasis*
    r"|(?<=[^\s\d])[⁰¹²³⁴⁵⁶⁷⁸⁹]+"                       # reference markers glued to a word
)
TABLE_LINE_RE = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE_RE = re.compile(r"^\s*\|[\s:\-|]+\|\s*$")
HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+")
BOLD_LINE_RE = re.compile(r"^\s*\*\*[^*]{1,120}\*\*\s*$")
FOOTNOTE_RE = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^?\d{1,3}\]:?)\s*")
FRONT_MATTER_RE = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)
HEADING_MAX_WORDS = 12
TITLE_LINE_MAX_WORDS = 8   # a lone Title Cased line this short is a heading
SEPARATOR_LINE_RE = re.compile(r"^\s*(?:[_\-–—*=]\s*){1,}$")
NUMBERED_NOTE_RE = re.compile(r"^\s*(\d{1,3})\\?\.?\s+(?=\S)")


def decode(data: bytes) -> str:
    """BOM first (UTF-8, UTF-16), then strict UTF-8, then Windows-1252/Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def clean_pieces(text: str, a: int, b: int, page: int) -> list[Piece]:
    """text[a:b] as pieces with inline markup cut out and whitespace runs as one space."""
    out: list[Piece] = []
    pos = a
    for m in INLINE_MARKUP_RE.finditer(text, a, b):
        out.extend(_ws(text, pos, m.start(), page))
        pos = m.end()
    out.extend(_ws(text, pos, b, page))
    return out


def _ws(text: str, a: int, b: int, page: int) -> list[Piece]:
    out: list[Piece] = []
    pos = a
    for m in re.finditer(r"\s+", text[a:b]):
        s, e = a + m.start(), a + m.end()
        if m.group() == " ":
            continue
        if s > pos:
            out.append(Src(text[pos:s], page, pos))
        out.append(" ")
        pos = e
    if b > pos:
        out.append(Src(text[pos:b], page, pos))
    return out


class _Line:
    __slots__ = ("a", "b", "page", "text")

    def __init__(self, a: int, b: int, page: int, text: str):
        self.a, self.b, self.page, self.text = a, b, page, text


def _lines(text: str):
    page, pos = 1, 0
    fm = FRONT_MATTER_RE.match(text)
    furniture = []
    if fm:
        furniture = [(1, ln) for ln in text[:fm.end()].splitlines() if ln.strip() and ln.strip() != "---"]
        pos = fm.end()
    lines = []
    for m in re.finditer(r"[^\n\f]*(?:\n|\f|$)", text[pos:]):
        a = pos + m.start()
        body_end = a + len(m.group().rstrip("\r\n\f"))
        if m.group() or a < len(text):
            lines.append(_Line(a, body_end, page, text[a:body_end]))
        if m.group().endswith("\f"):
            page += 1
        if not m.group():
            break
    return lines, furniture, page


def read_text(path: Path) -> NoteText:
    data = Path(path).read_bytes()
    text = decode(data)
    if not text.strip():
        raise IngestError("empty file")
    lines, furniture, pages = _lines(text)
    vocab = Vocabulary([text])
    groups: list[list[_Line]] = []
    for ln in lines:
        if ln.text.strip():
            if groups and groups[-1] and groups[-1][-1].page == ln.page:
                groups[-1].append(ln)
            else:
                groups.append([ln])
        elif groups and groups[-1]:
            groups.append([])
    blocks: list[tuple[str, list[Piece], int]] = []
    footnotes: list[tuple[str, list[Piece], int]] = []
    after_separator = False
    for group in filter(None, groups):
        if len(group) == 1 and SEPARATOR_LINE_RE.match(group[0].text):
            furniture.append((group[0].page, group[0].text.strip()))
            after_separator = True
            continue
        if after_separator and all(NUMBERED_NOTE_RE.match(ln.text) for ln in group[:1]):
            # "1 See Document 269." lines under a rule: one footnote per numbered line
            for note_lines in _split_numbered(group):
                m = NUMBERED_NOTE_RE.match(note_lines[0].text)
                first = _Line(note_lines[0].a + m.end(), note_lines[0].b, note_lines[0].page,
                              note_lines[0].text[m.end():])
                footnotes.append(("footnote", _join(text, [first] + note_lines[1:], vocab), first.page))
            continue
        after_separator = False
        if FOOTNOTE_RE.match(group[0].text) and not TABLE_LINE_RE.match(group[0].text):
            m = FOOTNOTE_RE.match(group[0].text)
            first = _Line(group[0].a + m.end(), group[0].b, group[0].page, group[0].text[m.end():])
            footnotes.append(("footnote", _join(text, [first] + group[1:], vocab), group[0].page))
            continue
        blocks.extend(_group_blocks(text, group, vocab))
    builder = TextBuilder()
    for i, (kind, pieces, page) in enumerate(_join_broken(blocks)):
        builder.add_block(kind, pieces, page)
    for kind, pieces, page in footnotes:
        builder.add_block(kind, pieces, page)
    note = builder.build(pages, furniture=furniture)
    first_lines = [ln.text for ln in lines if ln.text.strip()][:15]
    return add_metadata(note, first_lines)


def _group_blocks(text: str, group: list[_Line], vocab: Vocabulary):
    """One blank-line-separated group -> blocks (kind, pieces, page)."""
    out = []
    current: list[_Line] = []
    kind = "body"

    def flush():
        nonlocal current
        if current:
            pieces = _join(text, current, vocab)
            k = kind
            if k in ("body", "list_item"):
                k = _text_kind(piece_text(pieces), current[0].text, len(current))
            out.append((k, pieces, current[0].page))
        current = []

    for ln in group:
        h = HEADING_RE.match(ln.text)
        if h:
            flush()
            kind = "heading"
            current = [_Line(ln.a + h.end(), ln.b, ln.page, ln.text[h.end():])]
            flush()
            kind = "body"
            continue
        if TABLE_LINE_RE.match(ln.text):
            flush()
            if not TABLE_RULE_RE.match(ln.text):
                out.append(("table_row", _table_row(text, ln), ln.page))
            continue
        if BOLD_LINE_RE.match(ln.text):
            flush()
            kind = "heading"
            current = [ln]
            flush()
            kind = "body"
            continue
        if list_start(_unescape(ln.text.lstrip())) and (not current or ENDS_SENTENCE_RE.search(current[-1].text.rstrip())
                                                         or kind == "list_item"):
            flush()
            kind = "list_item"
        current.append(ln)
    flush()
    return out


def _split_numbered(group: list[_Line]) -> list[list[_Line]]:
    out: list[list[_Line]] = []
    for ln in group:
        if NUMBERED_NOTE_RE.match(ln.text) or not out:
            out.append([ln])
        else:
            out[-1].append(ln)
    return out


def _unescape(s: str) -> str:
    return re.sub(r"\\(?=[.)\-*+])", "", s)


def _text_kind(cleaned: str, raw_first: str, n_lines: int = 1) -> str:
    words = cleaned.split()
    if not words:
        return "body"
    if len(words) <= HEADING_MAX_WORDS and n_lines == 1 and not re.search(r"[.,;:!?]$", cleaned):
        letters = [c for c in cleaned if c.isalpha()]
        caps = len(letters) >= 3 and all(c.isupper() for c in letters)
        capitalised = [w for w in words if w[:1].isalpha()]
        titled = len(words) <= TITLE_LINE_MAX_WORDS and capitalised and all(
            w[:1].isupper() or len(w) <= 3 for w in capitalised)
        if caps or heading_pattern(cleaned) or titled:
            return "heading"
    if list_start(_unescape(raw_first.lstrip())):
        return "list_item"
    return "body"


def _join(text: str, lines: list[_Line], vocab: Vocabulary) -> list[Piece]:
    out: list[Piece] = []
    for ln in lines:
        pieces = clean_pieces(text, ln.a, ln.b, ln.page)
        cur = piece_text(pieces).strip()
        if cur:
            append_line(out, pieces, cur, vocab)
    return out


def _table_row(text: str, ln: _Line) -> list[Piece]:
    """"| Label: | value |" -> "Label: value"; further cells joined with "; "."""
    cells = []
    start = ln.a + ln.text.index("|") + 1
    end = ln.a + ln.text.rindex("|")
    pos = start
    for m in re.finditer(r"(?<!\\)\|", text[start:end] + "|"):
        a, b = pos, start + m.start()
        pieces = clean_pieces(text, a, b, ln.page)
        if piece_text(pieces).strip():
            cells.append(pieces)
        pos = start + m.end()
    return join_cells(cells)


def _join_broken(blocks):
    """A body paragraph that stops mid-sentence (a page break in the source,
    often with a footnote in between) continues in the next paragraph when
    that one starts in lower case."""
    out = []
    for kind, pieces, page in blocks:
        if out and kind == "body" and out[-1][0] in ("body", "list_item"):
            prev = piece_text(out[-1][1]).rstrip()
            cur = piece_text(pieces).lstrip()
            if prev and cur[:1].islower() and not ENDS_SENTENCE_RE.search(prev):
                out[-1] = (out[-1][0], out[-1][1] + [" "] + pieces, out[-1][2])
                continue
        out.append((kind, pieces, page))
    return out
