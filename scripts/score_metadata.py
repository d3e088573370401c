"""Score a run's titles and symbols (documents.csv) against corpus/gold-meta.

    python scripts/score_metadata.py OUT [--gold corpus/gold-meta] [--json] [--all]

Titles are compared casefolded, with spacing, dashes and punctuation ignored;
"prefix" counts a title the gold starts with (the gold also joined the
document-type lines printed after the subject, "Report of the Managing
Director"). Symbols are compared with spacing removed and every dash made "-"
("A/79/963–S/2025/438" is "A/79/963-S/2025/438"). Prints the totals and each
document that is wrong (--all: every document)."""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")


def norm_title(text: str) -> str:
    text = unicodedata.normalize("NFKC", DASHES.sub("-", text or "")).casefold()
    return " ".join(re.findall(r"[^\W_]+", text))


def norm_symbol(text: str) -> str:
    return re.sub(r"\s+", "", DASHES.sub("-", unicodedata.normalize("NFKC", text or "")))


def score(out: Path, gold_dir: Path) -> dict:
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        rows = {r["document"]: r for r in csv.DictReader(fh)}
    docs = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        row = rows.get(gold["document"])
        if row is None:
            continue
        got_t, want_t = norm_title(row["title"]), norm_title(gold.get("title", ""))
        docs.append({"document": gold["document"],
                     "title": row["title"], "gold_title": gold.get("title", ""),
                     "title_exact": got_t == want_t,
                     "title_prefix": bool(got_t) and want_t.startswith(got_t),
                     "symbol": row.get("symbol", ""), "gold_symbol": gold.get("symbol", ""),
                     "symbol_ok": norm_symbol(row.get("symbol", "")) == norm_symbol(gold.get("symbol", ""))})
    n = len(docs)
    return {"documents": n,
            "titles_exact": sum(d["title_exact"] for d in docs),
            "titles_exact_or_prefix": sum(d["title_exact"] or d["title_prefix"] for d in docs),
            "symbols": sum(d["symbol_ok"] for d in docs),
            "per_document": docs}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="a run's output folder (holds documents.csv)")
    ap.add_argument("--gold", type=Path, default=REPO / "corpus" / "gold-meta")
    ap.add_argument("--json", action="store_true", help="print the whole result as JSON")
    ap.add_argument("--all", action="store_true", help="list every document, not only the wrong ones")
    args = ap.parse_args(argv)
    if not (args.out / "documents.csv").exists():
        print(f"Error: {args.out / 'documents.csv'} not found", file=sys.stderr)
        return 2
    result = score(args.out, args.gold)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    n = result["documents"]
    print(f"documents {n}: titles exact {result['titles_exact']}/{n}, exact or prefix "
          f"{result['titles_exact_or_prefix']}/{n}; symbols {result['symbols']}/{n}")
    for d in result["per_document"]:
        title_ok = d["title_exact"] or d["title_prefix"]
        if args.all or not title_ok or not d["symbol_ok"]:
            print(f"- {d['document']}")
            if args.all or not title_ok:
                print(f"    title {'ok' if title_ok else 'WRONG'}: {d['title']!r}\n    gold : {d['gold_title']!r}")
            if args.all or not d["symbol_ok"]:
                print(f"    symbol {'ok' if d['symbol_ok'] else 'WRONG'}: {d['symbol']!r} (gold {d['gold_symbol']!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
