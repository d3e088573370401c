"""CPU of the garbled-text test, the part of `--ocr auto` that `--ocr never` skips.

On the first N UPR reports (sorted, as bench_upr.py takes them): the pages are
read once (PDFium), then, in this one process and timed with process_time:
  1. loading the word lists and their trigrams (once per worker in a run);
  2. the per-page OCR decision of `--ocr auto` (ocr_pages.pages_to_ocr) on
     every page of every file, in file order as a worker meets them;
  3. the document warning (metadata.garbled_reason) on each whole file's text,
     which every mode runs.
Prints the seconds and the pages the decision would OCR (none on UPR reports).

    .venv/bin/python benchmarks/bench_garbled.py --files 40
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UPR = REPO.parent / "shared" / "corpus" / "upr"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=40)
    args = ap.parse_args()
    from pipeline.ingest.backends import load_backend
    from pipeline.ingest.garbled import garbled_reason, load_scorer
    from pipeline.ingest.ocr_pages import pages_to_ocr

    backend = load_backend("pdfium")
    files = sorted(UPR.glob("*.pdf"))[: args.files]
    docs = [(f.name, backend.read_pages(f, None)) for f in files]
    pages = sum(len(p) for _, p in docs)

    t = time.process_time()
    load_scorer()
    load = time.process_time() - t
    t = time.process_time()
    planned = {name: sorted(pages_to_ocr(p, "auto")) for name, p in docs}
    decide = time.process_time() - t
    t = time.process_time()
    warned = [name for name, p in docs if garbled_reason("\n".join(pg.text for pg in p))]
    warn = time.process_time() - t
    print(f"{len(files)} UPR files, {pages} pages")
    print(f"load word lists      {load:6.2f} s CPU")
    print(f"--ocr auto decision  {decide:6.2f} s CPU  ({1000 * decide / max(pages, 1):.2f} ms a page)")
    print(f"document warning     {warn:6.2f} s CPU")
    print(f"pages to OCR: {sum(len(v) for v in planned.values())}; garbled warnings: {len(warned)}")


if __name__ == "__main__":
    main()
