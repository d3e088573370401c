"""A document's text as HTML with its findings marked: entity mentions as
displaCy-style coloured <mark>s with their label (the title shows norm and
source), recommendation sentences as highlighted spans around them.

displaCy itself is not used: it renders one Doc and cannot nest recommendation
spans, anchors and links to tables, so the marks are written here."""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass


def esc(value: object) -> str:
    """HTML-escape text and attribute values (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


@dataclass
class Mark:
    """A span of a document's text to highlight."""

    start: int
    end: int
    anchor: str
    kind: str                 # "ent" or "rec"
    label: str = ""
    title: str = ""


def select_marks(text: str, mentions: list[dict], recs: list[dict], doc_id: str
                 ) -> tuple[list[Mark], list[Mark], dict[int, str], dict[int, str], int]:
    """Choose the marks that can be drawn: entity marks that do not overlap (longest first
    at a position) and recommendation spans, widened so no entity mark crosses their edge.
    Returns (entity marks, rec marks, {mention row index: anchor}, {rec row index: anchor},
    number of mentions whose offsets do not fit the text)."""
    n = len(text)
    bad = 0
    cands = []
    for i, m in enumerate(mentions):
        s, e = _int(m.get("start")), _int(m.get("end"))
        if s is None or e is None or not 0 <= s < e <= n:
            bad += 1
            continue
        cands.append((s, e, i, m))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    ents: list[Mark] = []
    ent_anchor: dict[int, str] = {}
    for s, e, i, m in cands:
        if ents and s < ents[-1].end:          # overlaps the previous mark: link to that one
            ent_anchor[i] = ents[-1].anchor
            continue
        label = m.get("label", "") or "?"
        title = " · ".join(x for x in (label, m.get("norm", ""), m.get("source", "")) if x)
        ents.append(Mark(s, e, f"{doc_id}m-{s}", "ent", label, title))
        ent_anchor[i] = ents[-1].anchor

    rec_cands = []
    ent_starts = [m.start for m in ents]
    for i, r in enumerate(recs):
        s, e = _int(r.get("start")), _int(r.get("end"))
        if s is None or e is None or not 0 <= s < e <= n:
            found = text.find(r.get("text", "")) if r.get("text") else -1
            if found < 0:
                continue
            s, e = found, found + len(r["text"])
        s, e = _outside(ents, ent_starts, s), _outside(ents, ent_starts, e, end=True)   # widen past crossing marks
        rec_cands.append((s, e, i, r))
    rec_cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    rec_marks: list[Mark] = []
    rec_anchor: dict[int, str] = {}
    for s, e, i, r in rec_cands:
        if rec_marks and s < rec_marks[-1].end:
            rec_anchor[i] = rec_marks[-1].anchor
            continue
        title = " · ".join(f"{k}: {r[k]}" for k in ("actor", "cue", "by", "section") if r.get(k))
        rec_marks.append(Mark(s, e, f"{doc_id}r-{s}", "rec", r.get("cue", ""), title))
        rec_anchor[i] = rec_marks[-1].anchor
    return ents, rec_marks, ent_anchor, rec_anchor, bad


def _outside(ents: list[Mark], starts: list[int], pos: int, end: bool = False) -> int:
    """`pos`, moved to the edge of the (non-overlapping, sorted) entity mark it falls inside."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and ents[i].start < pos < ents[i].end:
        return ents[i].end if end else ents[i].start
    return pos


def render_text_html(text: str, ents: list[Mark], recs: list[Mark]) -> str:
    """The text as HTML with entity <mark>s nested inside recommendation <span>s."""
    out: list[str] = []
    idx = 0

    def plain(a: int, b: int) -> None:
        nonlocal idx
        while idx < len(ents) and ents[idx].end <= b:
            m = ents[idx]
            out.append(esc(text[a:m.start]))
            out.append(f'<mark class="ent ent-{esc(m.label)}" id="{esc(m.anchor)}" data-label="{esc(m.label)}" '
                       f'title="{esc(m.title)}">{esc(text[m.start:m.end])}'
                       f'<span class="ent-label" aria-hidden="true">{esc(m.label)}</span></mark>')
            a = m.end
            idx += 1
        out.append(esc(text[a:b]))

    cursor = 0
    for r in recs:
        plain(cursor, r.start)
        badge = f"REC · {r.label}" if r.label else "REC"
        out.append(f'<span class="rec" id="{esc(r.anchor)}" title="{esc(r.title)}">'
                   f'<span class="rec-badge" aria-hidden="true">{esc(badge)}</span>')
        plain(r.start, r.end)
        out.append("</span>")
        cursor = r.end
    plain(cursor, len(text))
    return "".join(out)
