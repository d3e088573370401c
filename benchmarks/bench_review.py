"""Size and speed of the review site (issue 14): how long `unnotes review` takes, how big
review.html and the whole site are, and how long review.html takes to open in headless
Chromium (until its tables are drawn).

Two ways to use it:

    # 1. on a run you already have
    .venv/bin/python benchmarks/bench_review.py --out /tmp/upr304
    # 2. make the issue's run first: N UPR reports plus a participants list and a duplicate
    .venv/bin/python benchmarks/bench_review.py --files 40 --work /tmp/bench-review

With --files, the input folder holds the first N UPR reports of ../shared/corpus/upr (by
name), the participants list A/CN.10/2025/INF/1 of ../shared/corpus/real and a copy of the
first UPR report under another name; `unnotes run --jobs 2` runs once (reusing the folder's
cache when run again). It also checks what the issue asks of that run: every warning of
documents.csv on review.html, the duplicate marked, and `unnotes export --xlsx` sheets with
the CSVs' row counts. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
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
PARTICIPANTS = SHARED / "real" / "aiun__A_CN.10_2025_INF_1.en.pdf"


def prepare(files: int, work: Path) -> Path:
    notes = work / "notes"
    if not notes.exists():
        notes.mkdir(parents=True)
        upr = sorted((SHARED / "upr").glob("*.pdf"))[:files]
        for p in upr:
            (notes / p.name).symlink_to(p)
        (notes / PARTICIPANTS.name).symlink_to(PARTICIPANTS)
        shutil.copyfile(upr[0], notes / f"copy-of-{upr[0].name}")
    return notes


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO)
    return time.perf_counter() - start


def cpu_timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): on a shared machine the wall time waits for others."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def open_in_chromium(page: Path) -> dict:
    """Milliseconds from navigation start to the load event and to the last table drawn."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = Path(tempfile.mkdtemp(prefix="bench-review-"))
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1400,1000"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        times = []
        for _ in range(3):                                  # the first open also warms the disk cache
            driver.get(page.as_uri())
            t = driver.execute_script(
                "var n = performance.getEntriesByType('navigation')[0];"
                "return [n.domContentLoadedEventEnd, n.loadEventEnd, document.querySelectorAll('.dtable table').length,"
                " document.querySelectorAll('svg.chart rect').length];")
            times.append(t)
        best = min(times, key=lambda t: t[1])
        return {"dom_content_loaded_ms": round(best[0]), "load_ms": round(best[1]), "tables": best[2],
                "chart_rects": best[3], "all_load_ms": [round(t[1]) for t in times]}
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def checks(out: Path) -> dict:
    """What the issue's done-when asks of the run: warnings on the page, duplicate marked, xlsx rows."""
    page = (out / "review.html").read_text(encoding="utf-8")
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        docs = list(csv.DictReader(fh))
    warnings = {w for d in docs for w in filter(None, d.get("warnings", "").split("; "))}
    missing = sorted(w for w in warnings if w.replace("&", "&amp;") not in page)
    dups = [d for d in docs if d.get("duplicate_of")]
    marked = [d for d in dups if json.dumps(["dup", f"duplicate of {d['duplicate_of']}"], ensure_ascii=False,
                                            separators=(",", ":")) in page]
    xlsx = out / "tables.xlsx"
    subprocess.run(UNNOTES + ["export", str(out), "--xlsx", str(xlsx)], check=True, stdout=subprocess.DEVNULL, cwd=REPO)
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    rows_equal = {}
    for ws in wb:
        path = out / f"{ws.title}.csv"
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            n_csv = sum(1 for _ in csv.DictReader(fh))
        n_xlsx = sum(1 for _ in ws.iter_rows(min_row=2)) if n_csv else 0
        rows_equal[ws.title] = n_csv == n_xlsx
    return {"warnings": len(warnings), "warnings_missing_on_page": missing, "duplicates": [d["document"] for d in dups],
            "duplicates_marked": len(marked) == len(dups), "xlsx_rows_equal_csv": rows_equal}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="an existing run's output folder")
    parser.add_argument("--files", type=int, help="make the run: first N UPR reports + participants list + duplicate")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bench-review")
    parser.add_argument("--cache", type=Path, help="cache folder for the run (e.g. an earlier UPR run's OUT/.cache)")
    args = parser.parse_args()
    result: dict = {}
    if args.out is None:
        if not args.files:
            parser.error("give --out or --files")
        notes = prepare(args.files, args.work)
        args.out = args.work / "out"
        cache = ["--cache", str(args.cache)] if args.cache else []
        result["run_seconds"] = round(timed(UNNOTES + ["run", str(notes), "--out", str(args.out), "--jobs", "2"]
                                            + cache), 1)
    out = args.out
    wall, cpu = cpu_timed(UNNOTES + ["review", str(out)])
    result["review_seconds"], result["review_cpu_seconds"] = round(wall, 2), round(cpu, 2)
    site = out / "review"
    files = [p for p in site.rglob("*") if p.is_file()]
    result["documents"] = sum(1 for _ in csv.DictReader(open(out / "documents.csv", encoding="utf-8")))
    result["entry_page_mb"] = round((out / "review.html").stat().st_size / 1e6, 2)
    result["site_mb"] = round((sum(p.stat().st_size for p in files) + (out / "review.html").stat().st_size) / 1e6, 1)
    result["site_files"] = len(files) + 1
    result["largest_page_mb"] = round(max(p.stat().st_size for p in files) / 1e6, 2)
    result["open"] = open_in_chromium(out / "review.html")
    result["checks"] = checks(out)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
