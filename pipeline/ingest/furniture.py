"""Page furniture: running headers and footers, page numbers, UN job numbers,
barcodes, the document symbol repeated on each page. Found by position (top
and bottom bands), by regex (`models/patterns/furniture.jsonl`) and by
repetition of the same line (digits ignored) across pages."""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.ingest.patterns import furniture_patterns
from pipeline.ingest.page_model import Line, Page

TOP_BAND = 0.10        # fraction of page height counted as header band
BOTTOM_BAND = 0.08     # ... and as footer band
EDGE_BAND = 0.2        # the page's last line this near the bottom counts as in the footer band
REPEAT_MIN_PAGES = 2   # a band line on at least this many pages ...
REPEAT_MIN_SHARE = 0.3  # ... and this share of pages is a running header/footer
SEPARATOR_RE = re.compile(r"[_\-–—=.\s]{5,}")


def in_band(line: Line, page: Page) -> bool:
    return line.top < TOP_BAND * page.height or line.bottom > (1 - BOTTOM_BAND) * page.height


def lowest_line(page: Page) -> int | None:
    """The id of the page's lowest line when it lies in the bottom `EDGE_BAND`: a page number set
    above the footer band (an A/HRC page with "10" at 89% of its height) is still the last thing
    printed on the page."""
    if not page.lines:
        return None
    low = max(page.lines, key=lambda ln: ln.bottom)
    return id(low) if low.bottom > (1 - EDGE_BAND) * page.height else None


def is_furniture_text(text: str, band: bool) -> bool:
    """Does a whole line match a furniture pattern (band-only ones need `band`)?"""
    text = text.strip()
    for p in furniture_patterns():
        if (band or p.kind == "any") and p.regex.fullmatch(text):
            return True
    return False


def _repeat_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def mark_furniture(pages: list[Page]) -> None:
    """Set `role` to "furniture" or "separator" on the lines that are not body."""
    seen: dict[str, set[int]] = defaultdict(set)
    for page in pages:
        for line in page.lines:
            if in_band(line, page):
                seen[_repeat_key(line.text)].add(page.number)
    threshold = max(REPEAT_MIN_PAGES, REPEAT_MIN_SHARE * len(pages))
    repeated = {k for k, v in seen.items() if len(v) >= threshold and len(pages) >= REPEAT_MIN_PAGES}
    for page in pages:
        lowest = lowest_line(page)
        for line in page.lines:
            text = line.text
            band = in_band(line, page) or id(line) == lowest
            if SEPARATOR_RE.fullmatch(text):
                line.role = "separator"
            elif is_furniture_text(text, band) or (band and _repeat_key(text) in repeated):
                line.role = "furniture"


def furniture_lines(pages: list[Page]) -> list[tuple[int, str]]:
    return [(p.number, ln.text) for p in pages for ln in p.lines if ln.role == "furniture"]
