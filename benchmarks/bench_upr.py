"""Speed and memory of unnotes against bare pdfplumber, on UPR reports.

Measures, on the same files (../shared/corpus/upr, all or --files N):
  1. bare single-process pdfplumber `extract_text` (the baseline);
  2. unnotes cold, --jobs 1 and --jobs 2 (empty cache);
  3. a warm re-run (nothing changed);
  4. a re-run after a pattern change (an overlay adds one organization);
  5. peak memory of one worker on the largest real file (194 pages).
and prints pages/s and ratios side by side. Each measurement is its own
process (benchmarks/measure.py) so peak memory is per run.

    .venv/bin/python benchmarks/bench_upr.py --files 40
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
PY = sys.executable
UNNOTES = [PY, "-m", "pipeline.cli"]


def measure(cmd: list[str]) -> dict:
    out = subprocess.run([PY, str(REPO / "benchmarks" / "measure.py"), *cmd], capture_output=True, text=True,
                         cwd=REPO)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=0, help="first N UPR files (sorted); 0 = all 304")
    ap.add_argument("--skip-baseline", action="store_true")
    args = ap.parse_args()

    files = sorted((SHARED / "upr").glob("*.pdf"))
    if args.files:
        files = files[: args.files]
    work = Path(tempfile.mkdtemp(prefix="unnotes-bench-"))
    inputs = work / "in"
    inputs.mkdir()
    for f in files:
        (inputs / f.name).symlink_to(f)
    import pypdfium2

    pages = sum(len(pypdfium2.PdfDocument(str(f))) for f in files)
    print(f"{len(files)} UPR files, {pages} pages; {platform.node()}, "
          f"{platform.processor() or platform.machine()}, {time.strftime('%Y-%m-%d')}")

    rows = []
    if not args.skip_baseline:
        base = measure([PY, "-c", "import sys, pdfplumber\n"
                                  "for f in sys.argv[1:]:\n"
                                  "    with pdfplumber.open(f) as pdf:\n"
                                  "        [p.extract_text() for p in pdf.pages]", *map(str, files)])
        rows.append(("bare pdfplumber extract_text, 1 process", base))
    overlay = work / "overlay" / "gazetteers"
    overlay.mkdir(parents=True)
    (overlay / "orgs.tsv").write_text("name\tacronym\taliases\tkind\nBenchmark Example Organization\tBEO\t\tother\n")
    for jobs in (1, 2):
        out = work / f"out{jobs}"
        rows.append((f"unnotes cold, --jobs {jobs}", measure(UNNOTES + ["run", str(inputs), "--out", str(out),
                                                                        "--jobs", str(jobs), "--follow-links"])))
    out = work / "out2"
    rows.append(("unnotes warm re-run, --jobs 2", measure(UNNOTES + ["run", str(inputs), "--out", str(out),
                                                                     "--jobs", "2", "--follow-links"])))
    rows.append(("unnotes after a pattern change, --jobs 2",
                 measure(UNNOTES + ["run", str(inputs), "--out", str(out), "--jobs", "2", "--follow-links",
                                    "--patterns", str(work / "overlay")])))
    largest = SHARED / "real" / "svnupr__g1217781.pdf"
    if largest.exists():
        rows.append(("largest real file (194 pages), --jobs 1, peak memory",
                     measure(UNNOTES + ["run", str(largest), "--out", str(work / "big"), "--jobs", "1"])))

    baseline = rows[0][1]["seconds"] if not args.skip_baseline else None
    cold2 = next(r for name, r in rows if name == "unnotes cold, --jobs 2")["seconds"]
    print(f"{'run':48} {'seconds':>8} {'pages/s':>8} {'x pdfplumber':>12} {'x cold j2':>9} {'peak MB':>8}")
    for name, r in rows:
        n = 194 if name.startswith("largest") else pages
        ratio = f"{baseline / r['seconds']:.2f}" if baseline else "-"
        print(f"{name:48} {r['seconds']:8.1f} {n / r['seconds']:8.1f} {ratio:>12} "
              f"{r['seconds'] / cold2:9.2f} {r['peak_rss_mb']:8.0f}" + ("" if r["exit"] == 0 else f"  exit {r['exit']}"))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
