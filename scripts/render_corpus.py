"""Render the project's sample notes (corpus/notes/*.json) to PDF (corpus/pdf/).

Each note is a JSON layout description (see corpus/README.md): page geometry,
running furniture (headers, footers, masthead, job number, barcode line) and a
list of blocks (heading, paragraph, table, list, columns, spacer, rule,
pagebreak) whose text may carry inline markup:

    <b>bold</b>  <i>italic</i>  [^1] footnote marker  imple~mentation soft hyphen

The layout is done here, by hand, on reportlab's low-level canvas rather than
with platypus: the corpus exists to exercise ingestion on exactly placed
features (a footnote between the halves of a sentence that crosses a page, a
hyphen inside "implementation" at a line end, a two-column page), so every
line position must be under our control. Output is deterministic
(`invariant=1`): re-rendering gives identical bytes.

Usage:  .venv/bin/python scripts/render_corpus.py [NOTE.json ...]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
NOTES_DIR = ROOT / "corpus" / "notes"
PDF_DIR = ROOT / "corpus" / "pdf"

SUP_SCALE = 0.62          # superscript size relative to the text
SUP_RISE = 0.38           # superscript rise relative to the text size
FOOTNOTE_RULE = 72        # length of the short rule above the footnotes
SOFT = "~"                # soft-hyphen mark in note text

FAMILIES = {
    "Times": {"r": "Times-Roman", "b": "Times-Bold", "i": "Times-Italic", "bi": "Times-BoldItalic"},
    "Helvetica": {"r": "Helvetica", "b": "Helvetica-Bold", "i": "Helvetica-Oblique",
                  "bi": "Helvetica-BoldOblique"},
}


class NoteSpecError(ValueError):
    """A note description that cannot be rendered; the message names the file."""


# --------------------------------------------------------------------------
# inline text: words made of styled pieces
# --------------------------------------------------------------------------
@dataclass
class Piece:
    text: str
    style: str            # "r", "b", "i", "bi"
    sup: bool = False


Word = list  # list[Piece]

_TOKEN = re.compile(r"<b>|</b>|<i>|</i>|\[\^([^\]]+)\]|\s+|[^<\[\s]+|[<\[]")


def parse_inline(text: str, base_style: str = "r") -> list[Word]:
    """Split marked-up text into words of styled pieces."""
    bold = "b" in base_style
    italic = "i" in base_style
    words: list[Word] = []
    current: Word = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok == "<b>":
            bold = True
        elif tok == "</b>":
            bold = "b" in base_style
        elif tok == "<i>":
            italic = True
        elif tok == "</i>":
            italic = "i" in base_style
        elif m.group(1) is not None:
            current.append(Piece(m.group(1), "r", sup=True))
        elif tok.isspace():
            if current:
                words.append(current)
                current = []
        else:
            style = ("b" if bold else "") + ("i" if italic else "") or "r"
            current.append(Piece(tok, style))
    if current:
        words.append(current)
    return words


class Fonts:
    def __init__(self, family: str, size: float):
        if family not in FAMILIES:
            raise NoteSpecError(f"unknown font family {family!r}; expected one of {sorted(FAMILIES)}")
        self.family = family
        self.size = size

    def name(self, piece: Piece) -> str:
        return FAMILIES[self.family]["r" if piece.sup else piece.style]

    def psize(self, piece: Piece) -> float:
        return self.size * SUP_SCALE if piece.sup else self.size

    def width(self, word: Word) -> float:
        return sum(stringWidth(p.text.replace(SOFT, ""), self.name(p), self.psize(p)) for p in word)

    def space(self) -> float:
        return stringWidth(" ", FAMILIES[self.family]["r"], self.size)


def _plain(word: Word) -> str:
    return "".join(p.text for p in word)


def _split_word(word: Word, pos: int, add_hyphen: bool) -> tuple[Word, Word]:
    """Split at character `pos` of the word's plain text (soft marks included)."""
    left: Word = []
    right: Word = []
    seen = 0
    for p in word:
        n = len(p.text)
        if seen + n <= pos:
            left.append(p)
        elif seen >= pos:
            right.append(p)
        else:
            cut = pos - seen
            left.append(Piece(p.text[:cut], p.style, p.sup))
            right.append(Piece(p.text[cut:], p.style, p.sup))
        seen += n
    if add_hyphen:
        # the soft mark itself sits at the start of `right`
        right[0] = Piece(right[0].text[1:], right[0].style, right[0].sup)
        if not right[0].text:
            right = right[1:]
        last = left[-1]
        left[-1] = Piece(last.text + "-", last.style, last.sup)
    return left, right


# `"hyphenate": true` lets long lower-case words break at syllable-like
# points (V|CV and VC|CV, at least 4 letters before and 3 after the break).
# A crude stand-in for a hyphenation dictionary (none is installed): it only
# has to produce plausible breaks such as "implemen-tation".
AUTO_MIN_LEN = 9
_VOWELS = set("aeiouy")


def _syllable_points(word: str) -> list[int]:
    points = []
    for i in range(4, len(word) - 3):
        a, b, c = word[i - 1], word[i], word[i + 1]
        if b in _VOWELS or c not in _VOWELS or word.endswith(("ed", "es")) and len(word) - i == 3:
            continue
        if a in _VOWELS and word[i - 2] not in _VOWELS:          # V|CV, not inside a digraph
            points.append(i)
        elif a not in _VOWELS and word[i - 2] in _VOWELS and a not in "hr" and (a, b) != ("c", "k"):
            points.append(i)                                       # VC|CV
    return points


def auto_soft_hyphens(text: str) -> str:
    """Mark soft-hyphen points in each long lower-case word of `text`
    (markup and words that already carry a mark are left alone)."""
    def mark(m: re.Match) -> str:
        word = m.group(0)
        if len(word) < AUTO_MIN_LEN:
            return word
        out, last = [], 0
        for i in _syllable_points(word):
            out.append(word[last:i])
            last = i
        out.append(word[last:])
        return SOFT.join(out)
    return re.sub(r"(?<![<\w~-])[a-z]+(?![\w~>-])", mark, text)


def _break_points(word: Word) -> list[tuple[int, bool]]:
    """Where a word may be broken at a line end: after a soft mark (adding a
    hyphen) or after a real hyphen inside a compound (keeping it)."""
    text = _plain(word)
    points = []
    for i, ch in enumerate(text):
        if ch == SOFT:
            points.append((i, True))
        elif ch == "-" and 1 < i < len(text) - 2 and text[i - 1].isalpha() and text[i + 1].isalpha():
            points.append((i + 1, False))
    return points


def _clean(word: Word) -> Word:
    return [Piece(p.text.replace(SOFT, ""), p.style, p.sup) for p in word if p.text.replace(SOFT, "")]


def wrap(words: list[Word], fonts: Fonts, widths: list[float]) -> list[list[Word]]:
    """Greedy line filling. `widths[i]` is the width of line i (the last value
    repeats). A word that overflows is broken at its last break point that fits."""
    lines: list[list[Word]] = []
    line: list[Word] = []
    used = 0.0
    queue = list(words)
    space = fonts.space()

    def avail() -> float:
        return widths[min(len(lines), len(widths) - 1)]

    while queue:
        word = queue.pop(0)
        w = fonts.width(word)
        need = w + (space if line else 0)
        if used + need <= avail() + 0.01:
            line.append(_clean(word))
            used += need
            continue
        # try to break the word so that its first part ends this line
        for pos, hyph in reversed(_break_points(word)):
            left, right = _split_word(word, pos, hyph)
            lw = fonts.width(left) + (space if line else 0)
            if used + lw <= avail() + 0.01:
                line.append(_clean(left))
                queue.insert(0, right)
                lines.append(line)
                line, used = [], 0.0
                break
        else:
            if not line:  # a single word longer than the line: place it anyway
                line.append(_clean(word))
                lines.append(line)
                line, used = [], 0.0
            else:
                lines.append(line)
                line, used = [], 0.0
                queue.insert(0, word)
    if line:
        lines.append(line)
    return lines


# --------------------------------------------------------------------------
# page model: a display list per page, emitted after layout
# --------------------------------------------------------------------------
@dataclass
class Line:
    x: float
    y: float                # baseline, from the top of the page
    words: list
    fonts: Fonts
    wordspace: float = 0.0


@dataclass
class Page:
    ops: list = field(default_factory=list)
    footnotes: list = field(default_factory=list)   # (mark, text)
    foot_height: float = 0.0


class Layout:
    def __init__(self, spec: dict, source: str):
        self.spec = spec
        self.source = source
        self.W, self.H = spec.get("page_size", [612, 792])
        m = spec.get("margins", {})
        self.left = m.get("left", 72)
        self.right = self.W - m.get("right", 72)
        self.top = m.get("top", 72)
        self.bottom = self.H - m.get("bottom", 72)
        self.family = spec.get("font", "Times")
        self.size = spec.get("size", 10)
        self.leading = spec.get("leading", self.size * 1.2)
        fn = spec.get("footnote", {})
        self.fn_size = fn.get("size", self.size * 0.8)
        self.fn_leading = fn.get("leading", self.fn_size * 1.2)
        self.fn_indent = fn.get("indent", 18)
        self.footnote_texts = spec.get("footnotes", {})
        self.pages: list[Page] = [Page()]
        self.y = self.top
        self.frames = [(self.left, self.right)]
        self.frame = 0
        self.frame_top = self.top
        self.trace: list[tuple[int, float]] = []   # (page count, y) left behind by new_frame

    # -- geometry ----------------------------------------------------------
    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def x0(self) -> float:
        return self.frames[self.frame][0]

    @property
    def x1(self) -> float:
        return self.frames[self.frame][1]

    def limit(self) -> float:
        return self.bottom - self.page.foot_height

    def new_frame(self) -> None:
        """Next column, or a new page (back to the first column)."""
        self.trace.append((len(self.pages), self.y))
        if self.frame + 1 < len(self.frames):
            self.frame += 1
            self.y = self.frame_top
        else:
            self.pages.append(Page())
            self.frame = 0
            self.y = self.top
            self.frame_top = self.top

    def footnote_height(self, mark: str) -> float:
        if mark not in self.footnote_texts:
            raise NoteSpecError(f"{self.source}: footnote [^{mark}] has no text in 'footnotes'")
        fonts = Fonts(self.family, self.fn_size)
        width = self.right - self.left - self.fn_indent
        n = len(wrap(parse_inline(self.footnote_texts[mark]), fonts, [width]))
        extra = self.fn_leading * 1.5 if not self.page.footnotes else 2
        return n * self.fn_leading + extra

    # -- placing lines -----------------------------------------------------
    def place_lines(self, lines: list[list[Word]], fonts: Fonts, xs: list[float], widths: list[float],
                    align: str, leading: float, break_after: int | None = None,
                    label: tuple[str, float, Fonts] | None = None) -> None:
        for i, words in enumerate(lines):
            marks = [p.text for w in words for p in w if p.sup]
            extra = 0.0
            for mark in marks:
                extra += self.footnote_height(mark)
            if self.y + leading + extra > self.limit() + 0.01:
                self.new_frame()
            self.y += leading
            x = self.x0 + xs[min(i, len(xs) - 1)]
            width = widths[min(i, len(widths) - 1)]
            ws = 0.0
            if align == "justify" and i < len(lines) - 1 and len(words) > 1:
                natural = sum(fonts.width(w) for w in words) + fonts.space() * (len(words) - 1)
                ws = max(0.0, (width - natural) / (len(words) - 1))
            elif align in ("center", "right"):
                natural = sum(fonts.width(w) for w in words) + fonts.space() * (len(words) - 1)
                x += (width - natural) / (2 if align == "center" else 1)
            self.page.ops.append(Line(x, self.y, words, fonts, ws))
            if i == 0 and label:
                text, lx, lfonts = label
                self.page.ops.append(Line(self.x0 + lx, self.y, parse_inline(text), lfonts))
            for mark in marks:
                self.page.foot_height += self.footnote_height(mark)
                self.page.footnotes.append((mark, self.footnote_texts[mark]))
            if break_after is not None and i + 1 == break_after and i + 1 < len(lines):
                self.new_frame()

    # -- blocks --------------------------------------------------------------
    def block(self, b: dict) -> None:
        kind = b.get("type")
        handler = getattr(self, f"do_{kind}", None)
        if handler is None:
            raise NoteSpecError(f"{self.source}: unknown block type {kind!r}")
        handler(b)

    def _fonts(self, b: dict) -> Fonts:
        return Fonts(b.get("font", self.family), b.get("size", self.size))

    def do_spacer(self, b: dict) -> None:
        self.y += b.get("height", self.leading)

    def do_pagebreak(self, b: dict) -> None:
        self.pages.append(Page())
        self.frame, self.y, self.frame_top = 0, self.top, self.top

    def do_rule(self, b: dict) -> None:
        self.y += b.get("space_before", 4)
        self.page.ops.append(("rule", self.x0 + b.get("indent", 0), self.y,
                              self.x0 + b.get("indent", 0) + b.get("length", self.x1 - self.x0),
                              b.get("width", 0.5)))
        self.y += b.get("space_after", 4)

    def do_heading(self, b: dict) -> None:
        fonts = self._fonts(b)
        leading = b.get("leading", fonts.size * 1.2)
        self.y += b.get("space_before", self.leading * 0.6)
        indent = b.get("indent", 0)
        width = self.x1 - self.x0 - indent - b.get("right_indent", 0)
        lines = wrap(parse_inline(b["text"], b.get("style", "b")), fonts, [width])
        keep = (len(lines) + 2) * leading
        if self.y + keep > self.limit() and self.y > self.frame_top + 1:
            self.new_frame()
        label = (b["label"], b.get("label_x", 0), fonts) if "label" in b else None
        self.place_lines(lines, fonts, [indent], [width], b.get("align", "left"), leading,
                         label=label)
        self.y += b.get("space_after", self.leading * 0.4)

    def do_paragraph(self, b: dict) -> None:
        fonts = self._fonts(b)
        leading = b.get("leading", self.leading if "size" not in b else fonts.size * 1.2)
        self.y += b.get("space_before", 0)
        left = b.get("indent", 0)
        first = b.get("first_indent", 0)
        avail = self.x1 - self.x0 - left - b.get("right_indent", 0)
        lines = wrap(parse_inline(b["text"], b.get("style", "r")), fonts, [avail - first, avail])
        label = (b["label"], b.get("label_x", 0), fonts) if "label" in b else None
        self.place_lines(lines, fonts, [left + first, left], [avail - first, avail],
                         b.get("align", self.spec.get("align", "justify")), leading,
                         break_after=b.get("break_after_line"), label=label)
        self.y += b.get("space_after", self.leading * 0.5)

    def do_list(self, b: dict) -> None:
        """Items with a hanging marker; markers generated from `marker`
        ("(a)", "1.", "bullet", "dash") or given per item as [marker, text]."""
        style = b.get("marker", "bullet")
        for n, item in enumerate(b["items"]):
            if isinstance(item, list):
                marker, text = item
            else:
                marker, text = _marker(style, n, b.get("start", 1)), item
            para = {k: v for k, v in b.items() if k not in ("items", "marker", "type", "start")}
            para.update(text=text, label=marker, label_x=b.get("marker_x", 0),
                        indent=b.get("text_x", 24), space_after=b.get("item_space", self.leading * 0.3))
            self.do_paragraph(para)
        self.y += b.get("space_after", self.leading * 0.3)

    def do_table(self, b: dict) -> None:
        fonts = self._fonts(b)
        leading = b.get("leading", fonts.size * 1.2)
        pad = b.get("padding", 4)
        cols = b["col_widths"]
        self.y += b.get("space_before", 4)
        for row in b["rows"]:
            cells = []
            for ci, text in enumerate(row):
                style = "b" if ci == 0 and b.get("bold_labels", True) else "r"
                cells.append(wrap(parse_inline(text, style), fonts, [cols[ci] - 2 * pad]))
            height = max(len(c) for c in cells) * leading + 2 * pad + leading * 0.25
            if self.y + height > self.limit():
                self.new_frame()
            top = self.y
            x = self.x0
            for ci, lines in enumerate(cells):
                self.y = top + pad
                for words in lines:
                    self.y += leading
                    self.page.ops.append(Line(x + pad, self.y, words, fonts))
                if b.get("borders", True):
                    self.page.ops.append(("box", x, top, cols[ci], height))
                x += cols[ci]
            self.y = top + height
        self.y += b.get("space_after", self.leading)

    def do_columns(self, b: dict) -> None:
        count = b.get("count", 2)
        gap = b.get("gap", 18)
        saved = self.frames
        width = (self.right - self.left - gap * (count - 1)) / count
        self.frames = [(self.left + i * (width + gap), self.left + i * (width + gap) + width)
                       for i in range(count)]
        self.frame, self.frame_top = 0, self.y
        mark = len(self.trace)
        for sub in b["blocks"]:
            self.block(sub)
            if sub.get("column_break_after"):
                self.new_frame()
        # continue below the longest column of the page the columns ended on
        here = [y for n, y in self.trace[mark:] if n == len(self.pages)]
        self.frames, self.frame = saved, 0
        self.y = max(here + [self.y])
        self.frame_top = self.top


def _marker(style: str, n: int, start: int) -> str:
    if style == "bullet":
        return "\u2022"
    if style == "dash":
        return "\u2013"
    if style == "(a)":
        return f"({'abcdefghijklmnopqrstuvwxyz'[n]})"
    if style == "(i)":
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        return f"({romans[n]})"
    if style == "1.":
        return f"{start + n}."
    if style.endswith(".N."):   # e.g. "90.N." -> 90.1., 90.2., ...
        return f"{style[:-3]}.{start + n}."
    raise NoteSpecError(f"unknown list marker style {style!r}")


# --------------------------------------------------------------------------
# emitting the PDF
# --------------------------------------------------------------------------
def _draw_line(c: canvas.Canvas, H: float, line: Line) -> None:
    t = c.beginText(line.x, H - line.y)
    t.setWordSpace(line.wordspace)
    fonts = line.fonts
    for wi, word in enumerate(line.words):
        if wi:
            t.setFont(FAMILIES[fonts.family]["r"], fonts.size)
            t.setRise(0)
            t.textOut(" ")
        for p in word:
            t.setFont(fonts.name(p), fonts.psize(p))
            t.setRise(fonts.size * SUP_RISE if p.sup else 0)
            t.textOut(p.text)
    t.setRise(0)
    t.setWordSpace(0)
    c.drawText(t)


def _furniture(c: canvas.Canvas, lay: Layout, number: int, total: int) -> None:
    for item in lay.spec.get("furniture", []):
        which = item.get("pages", "all")
        show = {
            "all": True, "first": number == 1, "rest": number > 1, "last": number == total,
            "even": number % 2 == 0, "odd": number % 2 == 1, "odd_rest": number > 1 and number % 2 == 1,
        }.get(which)
        if show is None:
            raise NoteSpecError(f"{lay.source}: unknown furniture pages value {which!r}")
        if not show:
            continue
        text = item["text"].format(page=number, pages=total)
        font = item.get("font", "Times-Roman")
        size = item.get("size", 8.5)
        x = item["x"]
        if item.get("align") == "right":
            x -= stringWidth(text, font, size)
        elif item.get("align") == "center":
            x -= stringWidth(text, font, size) / 2
        c.setFont(font, size)
        c.drawString(x, lay.H - item["y"], text)
    for rule in lay.spec.get("furniture_rules", []):
        if rule.get("pages", "first") == "first" and number != 1:
            continue
        c.setLineWidth(rule.get("width", 1))
        c.line(rule["x1"], lay.H - rule["y"], rule["x2"], lay.H - rule["y"])


def _footnotes(c: canvas.Canvas, lay: Layout, page: Page) -> None:
    if not page.footnotes:
        return
    fonts = Fonts(lay.family, lay.fn_size)
    width = lay.right - lay.left - lay.fn_indent
    blocks = [(mark, wrap(parse_inline(text), fonts, [width])) for mark, text in page.footnotes]
    n = sum(len(lines) for _, lines in blocks)
    y = lay.bottom - n * lay.fn_leading - 2 * (len(blocks) - 1)
    c.setLineWidth(0.5)
    c.line(lay.left, lay.H - (y - lay.fn_leading * 0.9), lay.left + FOOTNOTE_RULE,
           lay.H - (y - lay.fn_leading * 0.9))
    for mark, lines in blocks:
        for i, words in enumerate(lines):
            y += lay.fn_leading
            if i == 0:
                _draw_line(c, lay.H, Line(lay.left + lay.fn_indent - 10, y,
                                          [[Piece(mark, "r", sup=True)]], fonts))
            _draw_line(c, lay.H, Line(lay.left + lay.fn_indent, y, words, fonts))
        y += 2


def _auto_hyphenate(block: dict) -> dict:
    block = dict(block)
    for key in ("text",):
        if key in block:
            block[key] = auto_soft_hyphens(block[key])
    if "items" in block:
        block["items"] = [[i[0], auto_soft_hyphens(i[1])] if isinstance(i, list) else auto_soft_hyphens(i)
                          for i in block["items"]]
    if "blocks" in block:
        block["blocks"] = [_auto_hyphenate(b) for b in block["blocks"]]
    return block


def layout(spec: dict, source: str = "<spec>") -> Layout:
    lay = Layout(spec, source)
    for b in spec["blocks"]:
        if spec.get("hyphenate") and b.get("type") in ("paragraph", "list", "columns"):
            b = _auto_hyphenate(b)
        lay.block(b)
    return lay


def render(spec: dict, out: Path, source: str = "<spec>") -> int:
    """Render one note description to `out`; returns the number of pages."""
    lay = layout(spec, source)
    total = len(lay.pages)
    c = canvas.Canvas(str(out), pagesize=(lay.W, lay.H), invariant=1, pageCompression=1)
    c.setTitle(spec.get("title", ""))
    c.setAuthor("unnotes sample corpus")
    c.setCreator("unnotes scripts/render_corpus.py")
    c.setProducer("reportlab")
    for number, page in enumerate(lay.pages, 1):
        _furniture(c, lay, number, total)
        for op in page.ops:
            if isinstance(op, Line):
                _draw_line(c, lay.H, op)
            elif op[0] == "rule":
                _, x1, y, x2, w = op
                c.setLineWidth(w)
                c.line(x1, lay.H - y, x2, lay.H - y)
            elif op[0] == "box":
                _, x, y, w, h = op
                c.setLineWidth(0.5)
                c.rect(x, lay.H - y - h, w, h)
        _footnotes(c, lay, page)
        c.showPage()
    c.save()
    return total


def load(path: Path) -> dict:
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise NoteSpecError(f"{path} line {exc.lineno}: {exc.msg}") from exc
    for key in ("name", "blocks"):
        if key not in spec:
            raise NoteSpecError(f"{path}: missing key {key!r}")
    return spec


def text_layer(pdf: Path) -> list[str]:
    """The text of each page as pypdfium2 extracts it (pdfium marks a hyphen
    at a line end as U+FFFE and joins the two lines)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def check_expectations(spec: dict, pdf: Path) -> list[str]:
    """Problems with the layout features a note promises in its `expect`."""
    want = spec.get("expect", {})
    pages = text_layer(pdf)
    problems = []
    if "pages" in want and want["pages"] != len(pages):
        problems.append(f"{len(pages)} pages, expected {want['pages']}")
    for word in want.get("hyphenated", []):
        if not any(re.search(rf"{word[:i]}\ufffe{word[i:]}", "".join(pages)) for i in range(2, len(word) - 1)):
            problems.append(f"{word!r} is not hyphenated at a line end")
    split = want.get("split")
    if split:
        body = [p.split("\r\n") for p in pages]
        page_no = want.get("split_page", 1)
        before = [ln for ln in body[page_no - 1] if split["page1_ends_with"] in ln]
        after = [ln for ln in body[page_no] if ln.startswith(split["page2_starts_with"])]
        if not before or not after:
            problems.append(f"the sentence does not cross from page {page_no} to page {page_no + 1} as designed")
        elif want.get("footnote_page") and not any(
                ln[:2].strip().isdigit() for ln in body[page_no - 1][body[page_no - 1].index(before[-1]) + 1:]):
            problems.append("no footnote between the two halves of the split sentence")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(NOTES_DIR.glob("*.json"))
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    status = False
    for path in paths:
        spec = load(path)
        out = PDF_DIR / f"{spec['name']}.pdf"
        pages = render(spec, out, str(path))
        problems = check_expectations(spec, out)
        print(f"{out.relative_to(ROOT)}: {pages} pages" + "".join(f"\n  WARNING: {p}" for p in problems))
        status = status or bool(problems)
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
