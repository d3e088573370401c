"""The overview's charts as plain inline SVG (see docs/DECISIONS.md: no chart
library): horizontal bars and a timeline, each mark a link with a <title>
tooltip. Sizes are in SVG units; the page scales the SVG to its width."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from pipeline.report.site.marks import esc

BAR_HEIGHT = 18
LABEL_WIDTH = 260
CHART_WIDTH = 900
LANE_HEIGHT = 16
MAX_LANES = 40


def bar_chart(items: list[tuple[str, int, str]], title: str, unit: str) -> str:
    """Bars for (label, value, href), in the order given."""
    if not items:
        return '<p class="empty">Nothing to chart.</p>'
    top = max(v for _, v, _ in items) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    rows = []
    for i, (label, value, href) in enumerate(items):
        y = i * (BAR_HEIGHT + 4)
        w = max(1.0, span * value / top)
        rows.append(f'<a href="{esc(href)}"><g class="bar"><title>{esc(label)}: {value} {esc(unit)}</title>'
                    f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end">{esc(label[:44])}</text>'
                    f'<rect x="{LABEL_WIDTH}" y="{y}" width="{w:.1f}" height="{BAR_HEIGHT}"></rect>'
                    f'<text x="{LABEL_WIDTH + w + 4:.1f}" y="{y + 13}" class="value">{value}</text></g></a>')
    height = len(items) * (BAR_HEIGHT + 4)
    return (f'<svg class="chart bars" role="img" aria-label="{esc(title)}" viewBox="0 0 {CHART_WIDTH} {height}" '
            f'width="{CHART_WIDTH}" height="{height}">{"".join(rows)}</svg>')


def _day(value: str, end: bool = False) -> date | None:
    """An ISO date at any precision as a day (the first, or with end=True the last, of its period)."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) > 2:
            return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    if not parts or not 1000 <= parts[0] <= 2999:
        return None
    y, m = parts[0], parts[1] if len(parts) > 1 else (12 if end else 1)
    if not 1 <= m <= 12:
        return None
    return date(y, m, monthrange(y, m)[1] if end else 1)


def timeline(meetings: list[dict], href) -> str:
    """Meetings as bars on a time axis, in lanes so that none overlap; `href(meeting)` links each."""
    spans = []
    for m in meetings:
        s, e = _day(m["start"]), _day(m["end"] or m["start"], end=True)
        if s and e and e >= s:
            spans.append((s, e, m))
    if not spans:
        return '<p class="empty">No meetings with dates.</p>'
    lo = min(s for s, _, _ in spans).replace(month=1, day=1)
    hi = max(e for _, e, _ in spans)
    hi = date(hi.year + 1, 1, 1)
    days = (hi - lo).days or 1
    left, width = 10, CHART_WIDTH - 50
    lanes: list[date] = []
    bars = []
    for s, e, m in sorted(spans, key=lambda t: (t[0], t[1])):
        lane = next((i for i, last in enumerate(lanes) if last < s), None)
        if lane is None:
            lane = len(lanes) if len(lanes) < MAX_LANES else min(range(len(lanes)), key=lambda i: lanes[i])
            if lane == len(lanes):
                lanes.append(e)
        lanes[lane] = max(lanes[lane], e)
        x = left + width * (s - lo).days / days
        w = max(3.0, width * ((e - s).days + 1) / days)
        label = f'{m["name"] or "meeting"} — {m["venue"] or "no venue"}{", " + m["country"] if m["country"] else ""}, ' \
                f'{m["start"]} to {m["end"]} ({len(m["documents"])} note(s))'
        bars.append(f'<a href="{esc(href(m))}"><rect class="meeting" x="{x:.1f}" y="{lane * LANE_HEIGHT + 4}" '
                    f'width="{w:.1f}" height="{LANE_HEIGHT - 4}"><title>{esc(label)}</title></rect></a>')
    axis_y = len(lanes) * LANE_HEIGHT + 8
    ticks = []
    years = list(range(lo.year, hi.year + 1))
    step = max(1, len(years) // 12)
    for y in years[::step]:
        x = left + width * (date(y, 1, 1) - lo).days / days
        ticks.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{axis_y}" class="tick"></line>'
                     f'<text x="{x + 2:.1f}" y="{axis_y + 14}">{y}</text>')
    height = axis_y + 20
    return (f'<svg class="chart timeline" role="img" aria-label="Timeline of meetings" '
            f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}">'
            f'{"".join(ticks)}{"".join(bars)}</svg>')
