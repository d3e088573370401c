"""Which pages of a PDF to OCR, and their OCR in place of the text layer.

    plan = pages_to_ocr(pages, mode)            # {page number: reason}
    result = ocr_pages(path, pages, plan, ...)  # OcrResult: pages with OCRed ones replaced

Modes (`--ocr`): "auto" OCRs a page with no text layer that carries an image
(a blank page has nothing to read), or whose text layer the garbled test
rejects (ocr.ocr_reason, the test that also sets the documents.csv warning);
"always" OCRs every page; "never" none. An OCRed page becomes a page of the
neutral model (ocr.ocr_page_layout) and goes through the same furniture,
footnote and block stages as a text-layer page.

Parallelism: the pages of one file are OCRed by up to `threads` Tesseract
processes at once (threads only wait on the subprocesses; PDFium renders in
the calling thread, as it is not thread-safe). Across files, the batch's
worker processes already keep the cores busy, so the runner gives each
worker cores // jobs threads.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import IngestError
from pipeline.ingest.page_model import Page

OCR_MODES = ("auto", "always", "never")
# Tesseract language data for OCR: those of the languages models/ has (en, fr, es); a
# bilingual 1948 note needs fra to read its symbol (E/CN.4/109; eng alone reads "B/cN 4/109").
# Not installed ones are left out (ocr._usable_languages). Costs 1.1-1.35x eng alone per page.
OCR_LANGUAGES = ("eng", "fra", "spa")
DEFAULT_OCR_MODE = "auto"
SCAN_MIN_IMAGE_SHARE = 0.25    # a page without text is a scan when an image covers this share of it
NO_TEXT = "no text layer"


@dataclass
class OcrResult:
    pages: list[Page]
    ocr_pages: list[int] = field(default_factory=list)   # page numbers (from 1) read by OCR
    engine: str = ""                                     # "tesseract 5.3.0" when any page was


def check_ocr_mode(mode: str) -> None:
    if mode not in OCR_MODES:
        raise IngestError(f"unknown OCR mode {mode!r} (choose from {', '.join(OCR_MODES)})")


def _image_share(page: Page) -> float:
    area = page.width * page.height
    if area <= 0:
        return 0.0
    return max(((im.x1 - im.x0) * (im.bottom - im.top) / area for im in page.images), default=0.0)


def pages_to_ocr(pages: list[Page], mode: str) -> dict[int, str]:
    """{page number: why it is OCRed} for `mode`."""
    from pipeline.ingest.ocr import ocr_reason

    check_ocr_mode(mode)
    if mode == "never":
        return {}
    if mode == "always":
        return {p.number: "--ocr always" for p in pages}
    plan = {}
    for p in pages:
        reason = ocr_reason(p.text)
        if reason == NO_TEXT and _image_share(p) < SCAN_MIN_IMAGE_SHARE:
            continue    # a blank page, or one with only a logo or a rule: nothing to read
        if reason:
            plan[p.number] = reason
    return plan


def ocr_pages(path: Path, pages: list[Page], plan: dict[int, str], password: str | None = None,
              cache_dir: Path | None = None, threads: int = 1,
              langs: tuple[str, ...] | None = None) -> OcrResult:
    """`pages` with the pages in `plan` replaced by their OCR (through the
    page cache in `cache_dir` when given). Tesseract must be installed
    (the caller checks: ocr.tesseract_available)."""
    from pipeline.ingest.ocr import DPI, OCR_PAGE_TIMEOUT, OcrPage, ocr_page_image
    from pipeline.ingest.ocr import ocr_page_layout, render_page, require_tesseract
    from pipeline.ingest.ocr_cache import OcrCache, cache_key, file_sha256

    if not plan:
        return OcrResult(list(pages))
    version = require_tesseract()
    langs = tuple(langs or OCR_LANGUAGES)
    cache = OcrCache(cache_dir) if cache_dir is not None else None
    sha = file_sha256(path) if cache is not None else ""
    by_number = {p.number: p for p in pages}
    done: dict[int, OcrPage] = {}
    todo = []
    for number in sorted(plan):
        key = cache_key(sha, number - 1, DPI, langs, version) if cache is not None else None
        hit = cache.get(key) if cache is not None else None
        if hit is not None:
            done[number] = hit
        else:
            todo.append((number, key))

    def read(number: int, image) -> list:
        try:
            return ocr_page_image(image, langs, DPI, OCR_PAGE_TIMEOUT)
        except IngestError as e:
            raise IngestError(f"page {number}: {e}") from None

    # At most `threads` rendered pages wait in memory (a 300 dpi A4 page is ~9 MB).
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        for i in range(0, len(todo), max(1, threads)):
            batch = todo[i:i + max(1, threads)]
            futures = [(number, key, pool.submit(read, number, render_page(path, number - 1, DPI, password)))
                       for number, key in batch]
            for number, key, fut in futures:
                page = by_number[number]
                done[number] = OcrPage(number - 1, page.width, page.height, DPI, langs,
                                       f"tesseract {version}", tuple(fut.result()))
                if cache is not None:
                    try:
                        cache.put(key, done[number])
                    except OSError:      # a cache that cannot be written costs time, not the page
                        pass
    out = [ocr_page_layout(done[p.number].words, p.number, p.width, p.height) if p.number in done else p
           for p in pages]
    return OcrResult(out, sorted(done), f"tesseract {version}")

