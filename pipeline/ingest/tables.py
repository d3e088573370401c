"""Label/value tables: a narrow left column of short labels ending with ':'
and a value column aligned at one x ("Organizers:  The United Nations ...").
Each row becomes one `table_row` block "Label: value text", in place.

The label may sit on the row's first line, in the middle of its value lines
(vertically centred cells) or share a line with the first value, so rows are
rebuilt from geometry, not from content order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.ingest.page_model import LABEL_MAX_CHARS, Line

LABEL_RE = re.compile(r"[A-Z][^:.;]{0,%d}:" % LABEL_MAX_CHARS)
LABEL_MAX_WORDS = 6
ALIGN = 3.0          # points: lines this close in x share a column
MIN_ROWS = 2         # a table has at least this many labels
RUN_GAP = 1.7        # value lines closer than this many line pitches are one cell


@dataclass
class Table:
    rows: list[list[Line]]     # each row: label line (if any) then value lines
    lines: set[int]            # ids of the lines it consumed


def _label(line: Line) -> str | None:
    m = LABEL_RE.match(line.text)
    if not m or len(m.group().split()) > LABEL_MAX_WORDS:
        return None
    return m.group()


def find_table(lines: list[Line], pitch: float) -> Table | None:
    """The label/value table among a page's body `lines`, if any."""
    labels = [ln for ln in lines if _label(ln)]
    if len(labels) < MIN_ROWS:
        return None
    lx = Counter(round(ln.x0 / ALIGN) for ln in labels).most_common(1)[0][0] * ALIGN
    labels = [ln for ln in labels if abs(ln.x0 - lx) <= ALIGN]
    if len(labels) < MIN_ROWS:
        return None
    standalone = [ln for ln in labels if ln.text.rstrip().endswith(":") and len(ln.text) <= LABEL_MAX_CHARS]
    # the value column: where inline values start, or where lines beside standalone labels start
    votes = Counter()
    for ln in labels:
        if ln not in standalone and ln.value_x is not None and ln.value_x - ln.x0 > 2 * ln.size:
            votes[round(ln.value_x / ALIGN)] += 1
    for lab in standalone:
        for ln in lines:
            if ln.x0 > lab.x1 + lab.size and abs(ln.top - lab.top) < 3 * pitch:
                votes[round(ln.x0 / ALIGN)] += 1
    if not votes:
        return None
    vx = votes.most_common(1)[0][0] * ALIGN
    inline = [ln for ln in labels if ln not in standalone and ln.value_x is not None
              and abs(ln.value_x - vx) <= 2 * ALIGN]
    heads = standalone + inline
    if len(heads) < MIN_ROWS or vx - lx < 3 * labels[0].size:
        return None
    # value lines: aligned at vx and chained vertically to the labels
    cands = sorted((ln for ln in lines if abs(ln.x0 - vx) <= ALIGN and ln not in heads), key=lambda l: l.top)
    members = list(heads)
    changed = True
    chosen: list[Line] = []
    while changed:
        changed = False
        for ln in cands:
            if ln in chosen:
                continue
            if any(abs(ln.top - m.top) < RUN_GAP * pitch for m in members):
                chosen.append(ln)
                members.append(ln)
                changed = True
    rows = _rows(sorted(heads + chosen, key=lambda l: l.top), set(map(id, standalone)),
                 set(map(id, inline)), pitch)
    return Table(rows, {id(ln) for ln in heads + chosen})


def _rows(items: list[Line], standalone: set[int], inline: set[int], pitch: float) -> list[list[Line]]:
    runs: list[list[Line]] = []          # runs of value lines, split at inline rows
    inline_rows: list[list[Line]] = []
    labels = [ln for ln in items if id(ln) in standalone]
    last_kind = None
    for ln in items:
        if id(ln) in standalone:
            continue
        if id(ln) in inline:
            inline_rows.append([ln])
            last_kind = "inline"
            continue
        if last_kind == "value" and ln.top - runs[-1][-1].top < RUN_GAP * pitch:
            runs[-1].append(ln)
        else:
            runs.append([ln])
        last_kind = "value"
    rows: list[tuple[float, list[Line]]] = [(r[0].top, r) for r in inline_rows]
    free = list(labels)
    for run in runs:
        top, bottom = run[0].top - pitch, run[-1].bottom + pitch
        centre = (run[0].top + run[-1].bottom) / 2
        fits = [lab for lab in free if top <= (lab.top + lab.bottom) / 2 <= bottom]
        if fits:
            lab = min(fits, key=lambda l: abs((l.top + l.bottom) / 2 - centre))
            free.remove(lab)
            rows.append((min(lab.top, run[0].top), [lab] + run))
            continue
        above = [r for t, r in rows if id(r[0]) in inline and 0 < run[0].top - r[-1].top < RUN_GAP * pitch]
        if above:
            above[0].extend(run)
        else:
            rows.append((run[0].top, run))
    rows.extend((lab.top, [lab]) for lab in free)
    return [r for _, r in sorted(rows, key=lambda tr: tr[0])]
