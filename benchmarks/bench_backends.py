"""The two PDF backends side by side.

1. Ingestion alone (read_note: backend + layout stages, no NLP), pages/s per
   backend on the first N UPR reports of ../shared/corpus/upr (sorted by name),
   each backend in its own process.
2. With --run: `unnotes run --pdf-backend B` on a folder (default
   ../shared/corpus/real) for each backend, cold, --jobs 2; pages/s, and the
   differences of the tables: rows per table for each backend, rows only one
   backend found, and a few examples of each.

    .venv/bin/python benchmarks/bench_backends.py --files 10
    .venv/bin/python benchmarks/bench_backends.py --files 10 --run ../shared/corpus/real
    .venv/bin/python benchmarks/bench_backends.py --compare OUT_PDFIUM OUT_PDFPLUMBER
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UPR = REPO.parent / "shared" / "corpus" / "upr"
BACKENDS = ("pdfium", "pdfplumber")
TABLES = ("states", "organizations", "dates", "recommendations", "references", "mentions")
# the columns that identify a row when comparing two runs (offsets and counts left out)
KEYS = {"states": ["document", "iso3", "role"], "organizations": ["document", "name"],
        "dates": ["document", "start", "end"], "recommendations": ["document", "text"],
        "references": ["document", "reference"], "mentions": ["document", "label", "text", "norm"]}
EXAMPLES = 3

INGEST_ONLY = """
import json, sys, time
from pathlib import Path
from pipeline.ingest import read_note
from pipeline.ingest.backends import load_backend
from pipeline.ingest.metadata import guess_language
files, backend = json.loads(sys.argv[1]), sys.argv[2]
load_backend(backend), guess_language("warm up")   # imports are per process, not per page
pages, t0, c0 = 0, time.perf_counter(), time.process_time()
for f in files:
    pages += read_note(Path(f), backend=backend).pages
print(json.dumps({"pages": pages, "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}))
"""


def ingest_speed(files: list[Path], backend: str) -> dict:
    out = subprocess.run([sys.executable, "-c", INGEST_ONLY, json.dumps([str(f) for f in files]), backend],
                         capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(out.stdout)


def rows(run: Path, table: str) -> Counter:
    with open(run / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return Counter(tuple(r.get(k, "") for k in KEYS[table]) for r in csv.DictReader(fh))


def pages_of(run: Path) -> int:
    with open(run / "documents.csv", encoding="utf-8", newline="") as fh:
        return sum(int(r["pages"] or 0) for r in csv.DictReader(fh))


def run_backend(folder: Path, out: Path, backend: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(folder), "--out", str(out), "--jobs", "2",
                    "--no-cache", "--pdf-backend", backend], cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - t0


def compare(a: Path, b: Path) -> None:
    print("\n| table | pdfium rows | pdfplumber rows | only pdfium | only pdfplumber |")
    print("|---|---:|---:|---:|---:|")
    examples = {}
    for table in TABLES:
        ra, rb = rows(a, table), rows(b, table)
        only_a, only_b = ra - rb, rb - ra
        counts = [sum(c.values()) for c in (ra, rb, only_a, only_b)]
        print(f"| {table} | " + " | ".join(map(str, counts)) + " |")
        examples[table] = (sorted(only_a)[:EXAMPLES], sorted(only_b)[:EXAMPLES])
    per_doc = Counter()
    for table in ("states", "organizations", "recommendations"):
        for key, n in (rows(b, table) - rows(a, table)).items():
            per_doc[key[0], table, "+"] += n
        for key, n in (rows(a, table) - rows(b, table)).items():
            per_doc[key[0], table, "-"] += n
    print("\nLargest differences per document (pdfplumber minus pdfium):")
    for (doc, table, sign), n in per_doc.most_common(10):
        print(f"- {doc} {table}: {sign}{n}")
    print("\nExamples:")
    for table, (only_a, only_b) in examples.items():
        for r in only_a:
            print(f"- {table}, only pdfium: {' | '.join(x[:80].replace(chr(10), ' ') for x in r)}")
        for r in only_b:
            print(f"- {table}, only pdfplumber: {' | '.join(x[:80].replace(chr(10), ' ') for x in r)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10, help="first N UPR reports, sorted by name")
    ap.add_argument("--run", type=Path, default=None, help="also run unnotes on this folder with each backend")
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("PDFIUM_OUT", "PDFPLUMBER_OUT"),
                    help="only compare the tables of two finished runs")
    args = ap.parse_args()
    if args.compare:
        compare(*args.compare)
        return
    files = sorted(UPR.glob("*.pdf"))[:args.files]
    if not files:
        sys.exit(f"no PDFs in {UPR}")
    print(f"ingestion alone, {len(files)} UPR files, 1 process")
    print("| backend | pages | seconds | pages/s | CPU seconds | pages/CPU s |\n|---|---:|---:|---:|---:|---:|")
    for backend in BACKENDS:
        r = ingest_speed(files, backend)
        print(f"| {backend} | {r['pages']} | {r['seconds']:.1f} | {r['pages'] / r['seconds']:.1f} "
              f"| {r['cpu']:.1f} | {r['pages'] / r['cpu']:.1f} |")
    if args.run:
        with tempfile.TemporaryDirectory(prefix="unnotes-bench-") as tmp:
            outs = {}
            print(f"\nunnotes run {args.run}, cold, --jobs 2")
            print("| backend | pages | seconds | pages/s |\n|---|---:|---:|---:|")
            for backend in BACKENDS:
                outs[backend] = Path(tmp) / backend
                seconds = run_backend(args.run, outs[backend], backend)
                pages = pages_of(outs[backend])
                print(f"| {backend} | {pages} | {seconds:.1f} | {pages / seconds:.1f} |")
            compare(outs["pdfium"], outs["pdfplumber"])


if __name__ == "__main__":
    main()
