"""OCR speed: pages/s of render + Tesseract, 1 and 2 processes, the cached
re-run, languages, and (if installed) ocrmypdf on the same file; then OCR
quality where a garbled text layer has gold (benchmarks/gold-ocr/): dates
P/R/F1 of the whole pipeline on the text layer vs on the OCR text, and the
document symbol each gives.

Run by hand: .venv/bin/python benchmarks/bench_ocr.py [--files NAME ...] [--skip-ocrmypdf] [--only-quality]

The OCR note is assembled here the way pipeline/ingest/pdf.py assembles a
text-layer note (furniture, footnotes, blocks, metadata) from
`ocr_page_layout` pages: a stand-in for the wiring into ingestion.

Wall time on a shared machine depends on its load, so every row also gives
the CPU seconds per page (this process and its Tesseract children), which
does not; the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.ingest.ocr import ocr_pdf_page, render_page, tesseract_available  # noqa: E402
from pipeline.ingest.ocr_cache import OcrCache, file_sha256  # noqa: E402

REAL = REPO.parent / "shared" / "corpus" / "real"
GOLD_OCR = REPO / "benchmarks" / "gold-ocr"
DEFAULT_FILES = ["pact__UNMISET_S_2005_310.pdf", "aiun__E_CN.4_109.en.pdf", "unsu__1971-09-29_A_L.632-EN.pdf"]


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _ocr_one(args) -> tuple[int, float]:
    path, index, langs = args
    start = cpu_seconds()
    page = ocr_pdf_page(Path(path), index, langs)
    return len(page.words), cpu_seconds() - start


def run_pages(path: Path, pages: list[int], langs: tuple[str, ...], processes: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, words) for OCRing `pages` of `path`."""
    t0 = time.perf_counter()
    if processes == 1:
        results = [_ocr_one((str(path), i, langs)) for i in pages]
    else:
        with ProcessPoolExecutor(processes) as pool:
            results = list(pool.map(_ocr_one, [(str(path), i, langs) for i in pages]))
    wall = time.perf_counter() - t0
    return wall, sum(c for _, c in results), sum(w for w, _ in results)


def row(label: str, pages: int, wall: float, cpu: float) -> str:
    return f"| {label} | {pages} | {wall:.1f} | {pages / wall:.2f} | {cpu / pages:.2f} |"


def ocr_note(path: Path, langs: tuple[str, ...] = ("eng",), cache: OcrCache | None = None):
    """A NoteText made from the OCR of every page (see the module docstring)."""
    from pipeline.ingest.blocks import BlockAssembler, line_pitch
    from pipeline.ingest.footnotes import mark_footnotes
    from pipeline.ingest.furniture import furniture_lines, mark_furniture
    from pipeline.ingest.hyphenation import Vocabulary
    from pipeline.ingest.metadata import add_metadata
    from pipeline.ingest.ocr import ocr_page_layout
    from pipeline.ingest.pdf_layout import body_size

    pages = []
    for i in range(page_count(path)):
        page = ocr_pdf_page(path, i, langs, cache=cache)
        pages.append(ocr_page_layout(page.words, i + 1, page.width, page.height))
    size = body_size(pages)
    mark_furniture(pages)
    for page in pages:
        mark_footnotes(page, size)
    assembler = BlockAssembler(Vocabulary(p.text for p in pages), size, line_pitch(pages, size))
    for page in pages:
        assembler.add_page(page)
    note = assembler.finish().build(len(pages), furniture=furniture_lines(pages), warnings=[])
    return add_metadata(note, [ln.text for ln in pages[0].lines])


def quality(cache: OcrCache) -> None:
    from pipeline.findings import analyse
    from pipeline.ingest import read_note
    from pipeline.nlp.build import build_nlp
    from pipeline.report.evaluate import load_gold_file, match_sets

    nlp = build_nlp()
    print("\n| document | text | dates P | dates R | dates F1 | symbol | garbled warning |")
    print("|---|---|---:|---:|---:|---|---|")
    for gold_path in sorted(GOLD_OCR.glob("*.json")):
        gold = load_gold_file(gold_path)
        path = REAL / gold.document
        for label, note in (("text layer", read_note(path)), ("OCR eng", ocr_note(path, cache=cache))):
            dates = {tuple(m["norm"].split("/", 1)) for m in analyse(note, nlp)["mentions"]
                     if m["label"] == "DATE" and "/" in m["norm"]}
            out = match_sets(dates, *gold.dates)
            tp, fp, fn = len(out.tp), len(out.fp), len(out.fn)
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            warned = any("garbled" in w for w in note.warnings)
            print(f"| {gold.document} | {label} | {p:.2f} | {r:.2f} | {f1:.2f} | {note.symbol} | {warned} |")
            if fn:
                print(f"|  | missed: {', '.join(out.fn)} |  |  |  |  |  |")
    for name in ("aiun__E_CN.4_109.en.pdf", "unsu__1971-09-29_A_L.632-EN.pdf"):
        path = REAL / name
        text_note, ocr = read_note(path), ocr_note(path, ("eng", "fra"), cache)
        print(f"| {name} | symbol: text layer {text_note.symbol!r}, OCR eng+fra {ocr.symbol!r}; "
              f"issued {text_note.issued!r} vs {ocr.issued!r} |  |  |  |  |  |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", nargs="*", default=DEFAULT_FILES)
    ap.add_argument("--skip-ocrmypdf", action="store_true")
    ap.add_argument("--only-quality", action="store_true")
    ap.add_argument("--cache", type=Path, help="OCR cache folder for the quality part (default: a temporary one)")
    args = ap.parse_args(argv)
    version = tesseract_available()
    if version is None:
        print("Tesseract is not installed: apt-get install tesseract-ocr", file=sys.stderr)
        return 1
    print(f"tesseract {version}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start\n")
    if args.only_quality:
        quality(OcrCache(args.cache or Path(tempfile.mkdtemp(prefix="ocr-bench-"))))
        return 0
    print("| run | pages | wall s | pages/s | CPU s/page |")
    print("|---|---:|---:|---:|---:|")
    for name in args.files:
        path = REAL / name
        n = page_count(path)
        pages = list(range(n))
        t0, c0 = time.perf_counter(), cpu_seconds()
        for i in pages:
            render_page(path, i)
        print(row(f"{name}: render only, 300 dpi", n, time.perf_counter() - t0, cpu_seconds() - c0))
        for processes in (1, 2):
            wall, cpu, _ = run_pages(path, pages, ("eng",), processes)
            print(row(f"{name}: render + OCR eng, {processes} process{'es' if processes > 1 else ''}", n, wall, cpu))
        with tempfile.TemporaryDirectory() as tmp:
            cache, sha = OcrCache(Path(tmp)), file_sha256(path)
            for i in pages:
                ocr_pdf_page(path, i, ("eng",), cache=cache, sha256=sha)
            t0, c0 = time.perf_counter(), cpu_seconds()
            for i in pages:
                ocr_pdf_page(path, i, ("eng",), cache=cache, sha256=file_sha256(path))
            print(row(f"{name}: cached re-run (sha256 + read)", n, time.perf_counter() - t0, cpu_seconds() - c0))
    first = REAL / args.files[0]
    sample = list(range(min(3, page_count(first))))
    for langs in (("eng",), ("eng", "fra"), ("eng", "fra", "spa")):
        wall, cpu, words = run_pages(first, sample, langs, 1)
        print(row(f"{args.files[0]} pages 1-{len(sample)}: {'+'.join(langs)}, {words} words", len(sample), wall, cpu))
    if not args.skip_ocrmypdf and shutil.which("ocrmypdf"):
        with tempfile.TemporaryDirectory() as tmp:
            t0, c0 = time.perf_counter(), cpu_seconds()
            subprocess.run(["ocrmypdf", "-q", "--force-ocr", "-l", "eng", "--jobs", "1", "--output-type", "pdf",
                            "--optimize", "0", str(first), str(Path(tmp) / "out.pdf")], check=True)
            print(row(f"{args.files[0]}: ocrmypdf --force-ocr -l eng --jobs 1", page_count(first),
                      time.perf_counter() - t0, cpu_seconds() - c0))
    print(f"\nload average {os.getloadavg()[0]:.1f} at end")
    quality(OcrCache(args.cache or Path(tempfile.mkdtemp(prefix="ocr-bench-"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
