"""Run the recommendation detector over UPR reports and print what it finds,
for hand checking: rows per document, totals, and a random sample of rows
with their `by` and `actor`.

    .venv/bin/python scripts/upr_recommendation_check.py [PDF or folder ...] [--limit N] [--sample 20] [--seed 1]

Default input: ../shared/corpus/upr (relative to the repo). Text and blocks
come from the ingest package the pipeline uses (`pipeline.ingest.read_note`:
furniture and footnotes kept apart, paragraphs, headings, list items, hyphen
repair); sentences from spaCy's rule-based sentencizer, not the pipeline's
statistical model, so that the survey stays fast.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from pipeline.core.numbering import roman_value  # noqa: E402
from pipeline.ingest import read_note  # noqa: E402
from pipeline.nlp import common  # noqa: E402,F401  (declares the Doc extensions)
from pipeline.nlp.recommendations import detect, load_rules  # noqa: E402
from pipeline.nlp.states import lookup_state  # noqa: E402

DEFAULT_DIR = REPO.parent / "shared" / "corpus" / "upr"
# A name in parentheses (the recommending State of one part of an item, or a list of them).
PAREN_RE = re.compile(r"\(([A-Z][^()\d]{1,80}?(?:\([^()]{1,30}\))?)\)")


def pdf_text(path: Path) -> tuple[str, list[tuple[str, int, int, int]]]:
    """The note's cleaned text as the pipeline reads it and its blocks
    ((kind, start, end, page), as `doc._.blocks` takes them)."""
    note = read_note(Path(path))
    return note.text, [(b.kind, b.start, b.end, b.page) for b in note.blocks]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="at most N documents (0 = all)")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    inputs = args.inputs or [DEFAULT_DIR]
    files = []
    for p in inputs:
        files += sorted(p.glob("*.pdf")) if p.is_dir() else [p]
    if not files:
        print(f"Error: no PDFs found in {', '.join(map(str, inputs))}")
        return 1
    if args.limit:
        files = random.Random(args.seed).sample(files, min(args.limit, len(files)))
    rules = load_rules()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 5_000_000
    all_rows, t_detect, words = [], 0.0, 0
    for f in files:
        try:
            text, blocks = pdf_text(f)
        except Exception as e:  # a broken PDF should not stop the survey
            print(f"{f.name}\tERROR {e}")
            continue
        doc = nlp(text)
        words += len(doc)
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        t0 = time.process_time()
        rows = detect(text, blocks, sents, rules)
        t_detect += time.process_time() - t0
        with_by = sum(1 for r in rows if r["by"])
        with_actor = sum(1 for r in rows if r["actor"])
        cues = {}
        for r in rows:
            cues[r["cue"]] = cues.get(r["cue"], 0) + 1
        top = ", ".join(f"{k or '-'}:{v}" for k, v in sorted(cues.items(), key=lambda kv: -kv[1])[:4])
        print(f"{f.name}\trows={len(rows)}\tby={with_by}\tactor={with_actor}\t{top}")
        all_rows += [dict(r, document=f.name) for r in rows]
    n = len(all_rows)
    if not n:
        print("no rows")
        return 0
    print(f"\nTOTAL documents={len(files)} rows={n} with_by={sum(1 for r in all_rows if r['by'])} "
          f"with_actor={sum(1 for r in all_rows if r['actor'])} tokens={words} detect_cpu_seconds={t_detect:.2f}")
    # Multi-part items: every State named in parentheses in the row should be in its `by`.
    multi = [r for r in all_rows if len({m for m in PAREN_RE.findall(r["text"]) if lookup_state(m)}) >= 2]
    short = [(r, [m for m in PAREN_RE.findall(r["text"]) if lookup_state(m) and m not in r["by"]]) for r in multi]
    short = [(r, m) for r, m in short if m]
    exact = f"{100 * (len(multi) - len(short)) / len(multi):.1f}%" if multi else "-"
    print(f"\nMULTI-PART rows (two or more States in parentheses): {len(multi)}; "
          f"a State in the text missing from `by`: {len(short)}; every State in `by`: {exact}")
    for r, missing in short[:10]:
        print(f"- [{r['document']}] missing={missing} by={r['by']!r}\n  {r['text'][:300]}")
    # a paragraph number ("102.", "(3)") or a well-formed roman numeral ("II", "iv."), never a word made of
    # the same letters ("Civil")
    numbered = [r for r in all_rows if any(r[k] and (re.fullmatch(r"[\d.()]+", r[k])
                                                     or roman_value(r[k].strip("().")) is not None)
                                           for k in ("actor", "by"))]
    print(f"rows whose actor or by is a heading or paragraph number: {len(numbered)}")
    for r in numbered[:10]:
        print(f"- [{r['document']}] actor={r['actor']!r} by={r['by']!r}\n  {r['text'][:200]}")
    print(f"\nRANDOM SAMPLE of {min(args.sample, n)} rows (seed {args.seed}):")
    for r in random.Random(args.seed).sample(all_rows, min(args.sample, n)):
        print(f"- [{r['document']}] cue={r['cue']!r} by={r['by']!r} actor={r['actor']!r} section={r['section'][:40]!r}\n"
              f"  {r['text'][:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
