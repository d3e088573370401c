"""Footnotes at the foot of a page: a run of lines at the bottom set in a
smaller font than the body, starting with a marker (digit, superscript, *)
and/or under a separator rule. Each footnote becomes its own block."""

from __future__ import annotations

import re

from pipeline.ingest.page_model import Line, Page
from pipeline.ingest.textbuild import Src

FOOTNOTE_MAX_SIZE = 0.92     # footnote font at most this fraction of the body size
FOOTNOTE_MIN_TOP = 0.4       # footnotes start below this fraction of page height
SEPARATOR_GAP = 4.0          # a rule this many body sizes above the first footnote counts
MAX_SHARE_WITHOUT_RULE = 0.6  # without a rule, footnotes are at most this share of the page's lines
MARKER_START_RE = re.compile(r"^(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*†‡]+)(?=\s|[A-Z(“\"h])")


def starts_with_marker(line: Line) -> bool:
    first = next((p for p in line.pieces if isinstance(p, Src)), None)
    if first is not None and any(a == first.start for a, _ in line.markers):
        return True
    return bool(MARKER_START_RE.match(line.text))


def mark_footnotes(page: Page, body_size: float) -> None:
    """Set role "footnote" on the footnote lines at the bottom of `page`."""
    body = sorted((ln for ln in page.lines if ln.role == "body"), key=lambda ln: ln.top)
    zone: list[Line] = []
    for line in reversed(body):
        if line.size > FOOTNOTE_MAX_SIZE * body_size or line.top < FOOTNOTE_MIN_TOP * page.height:
            break
        zone.insert(0, line)
    if not zone:
        return
    # the zone must start at a footnote start
    while zone and not starts_with_marker(zone[0]):
        zone.pop(0)
    if not zone:
        return
    top = zone[0].top
    ruled = any(top - SEPARATOR_GAP * body_size <= y <= top + 1 and x1 - x0 < 0.6 * page.width
                for x0, x1, y in page.rules)
    ruled = ruled or any(ln.role == "separator" and top - SEPARATOR_GAP * body_size <= ln.top <= top
                         for ln in page.lines)
    if not ruled and len(zone) > MAX_SHARE_WITHOUT_RULE * len(body):
        return
    for line in zone:
        line.role = "footnote"


def footnote_groups(lines: list[Line]) -> list[list[Line]]:
    """Footnote lines of one page (top to bottom) -> one list of lines per footnote."""
    notes: list[list[Line]] = []
    for line in lines:
        if starts_with_marker(line) or not notes:
            notes.append([line])
        else:
            notes[-1].append(line)
    return notes


def leading_marker(line: Line) -> list[tuple[int, int]]:
    """Page char range of the marker that opens a footnote line (to cut it)."""
    first = next((p for p in line.pieces if isinstance(p, Src)), None)
    if first is None:
        return []
    m = MARKER_START_RE.match(first.text)
    return [(first.start, first.start + m.end())] if m else []
