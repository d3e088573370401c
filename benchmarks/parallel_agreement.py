"""How far French and Spanish findings agree with the English ones on the same sentences.

Reads the UN Parallel Corpus sample in ../shared/corpus/parallel (unv.en, unv.fr, unv.es
aligned line by line; unv.ids gives each line's document and its place in each language's
version), groups each document's lines into one .txt note per language (one line a paragraph,
in the order of the English version), runs `unnotes run` on each language's folder, and
scores the French and Spanish findings against the English ones of the same documents:

- States: the set of ISO3 codes per document;
- dates: the set of (start, end) per document;
- organizations: per document, a French/Spanish organization matches an English one when
  their canonical names (compared as `unnotes eval` compares them) or their acronyms agree;
- recommendations: per document, the set of aligned lines on which a recommendation starts
  (the finding's offsets in OUT/text/<document>.txt mapped back to the note's lines).

Micro-averaged precision, recall and F1 over all documents, English as the reference. Each
language is one cold run (no cache); its seconds, words/s and pages/s are printed too.

    .venv/bin/python benchmarks/parallel_agreement.py                # all 378 documents
    .venv/bin/python benchmarks/parallel_agreement.py --docs 50 --json
    .venv/bin/python benchmarks/parallel_agreement.py --keep /tmp/parallel   # keep notes and outputs
    .venv/bin/python benchmarks/parallel_agreement.py --split A --keep /tmp/p --run fr,es  # tune on half A

Halves: the documents are split in two by a fixed hash of their id (`doc_half`: SHA-1 of the
id, even first byte -> A, odd -> B), so that rules can be developed on A and B kept held out.
`--split A` (or B) runs and scores that half only; the default scores A, B and the whole.
`--run fr,es` runs only those languages and reads the others from an earlier `--keep` folder.
`--split A1` / `A2`: half A split again by document with a seeded hash (`doc_quarter`), to
write rules on A1 and check on A2 that they carry over before B is run. `B1` / `B2` split half
B the same way (sixth round: B had been scored twice, so B1 may be read for error kinds while
B2 stays held out). Eighth round: B2's English notes are annotated blind as part of the seventh
test split (now corpus/gold-parallel); `--split B2 --write-notes DIR` writes them (`--lang fr`/`es` the
others) without running anything.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARALLEL = REPO.parent / "shared" / "corpus" / "parallel"
LANGS = ("en", "fr", "es")
UNNOTES = Path(sys.executable).with_name("unnotes")


# -- the corpus -------------------------------------------------------------------
@dataclass
class Document:
    id: str                                   # "2015/a/69/767"
    lines: dict[str, list[str]] = field(default_factory=dict)   # lang -> lines in English order

    @property
    def note_name(self) -> str:
        return re.sub(r"[^\w.-]+", "_", self.id) + ".txt"


def _position(field_: str) -> tuple[int, ...]:
    """"en:11:1" -> (11, 1): the line's paragraph and sentence in that language's version."""
    return tuple(int(p) for p in field_.split(":")[1:] if p.isdigit())


def read_parallel(folder: Path = PARALLEL) -> list[Document]:
    """The documents of the sample, each with its aligned lines per language."""
    texts = {lang: (folder / f"unv.{lang}").read_text(encoding="utf-8").split("\n") for lang in LANGS}
    ids = (folder / "unv.ids").read_text(encoding="utf-8").split("\n")
    n = len([i for i in ids if i.strip()])
    if any(len([t for t in texts[lang][:n]]) < n for lang in LANGS):
        raise SystemExit(f"{folder}: expected {n} lines in each of unv.en/fr/es")
    rows = defaultdict(list)
    for i, line in enumerate(ids[:n]):
        parts = line.split()
        en = next((p for p in parts[1:] if p.startswith("en:")), "en:0")
        rows[parts[0]].append((_position(en), i))
    docs = []
    for doc_id, entries in rows.items():
        order = [i for _, i in sorted(entries)]
        docs.append(Document(doc_id, {lang: [texts[lang][i].strip() for i in order] for lang in LANGS}))
    return docs


def doc_half(doc_id: str) -> str:
    """"A" or "B": a fixed split of the documents by a hash of their id (not by order, so
    that neither half is one kind of document)."""
    return "A" if hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


# The seed of the A1/A2 split of half A (fifth round): changing it gives another split.
SUBSPLIT_SEED = "fres5-seed-1:"


def doc_quarter(doc_id: str) -> str:
    """"A1"/"A2" or "B1"/"B2": the document's half split again by SHA-1 of the seed and the
    id, even first byte -> part 1."""
    half = doc_half(doc_id)
    return half + ("1" if hashlib.sha1((SUBSPLIT_SEED + doc_id).encode("utf-8")).digest()[0] % 2 == 0 else "2")


def write_notes(docs: list[Document], folder: Path, lang: str) -> None:
    """One .txt note per document: its lines as paragraphs, separated by blank lines."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (folder / doc.note_name).write_text("\n\n".join(doc.lines[lang]) + "\n", encoding="utf-8")


def run_unnotes(notes: Path, out: Path, jobs: int) -> float:
    """`unnotes run` cold on a folder; its wall time in seconds."""
    cmd = [str(UNNOTES) if UNNOTES.exists() else sys.executable, *([] if UNNOTES.exists() else ["-m", "pipeline.cli"]),
           "run", str(notes), "--out", str(out), "--no-cache", "--jobs", str(jobs)]
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"unnotes run failed on {notes} (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return seconds


# -- reading the run folders ------------------------------------------------------------
def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _cell(value: str) -> str:
    """A cell as written before the formula guard ("'-..." -> "-...")."""
    return value[1:] if value[:1] == "'" and value[1:2] in "=+-@\t\r" else value


# A leading article in English, French or Spanish ("the", "le", "la", "les", "l'", "el", "los",
# "las"): the benchmark compares names across the three languages, so none of them counts.
LEADING_ARTICLE = re.compile(r"^(?:the|les|le|la|los|las|el)\s+|^l['’]\s*")


def org_key(text: str) -> str:
    """Names compared as `unnotes eval` compares them (ANNOTATION.md): case, a leading
    article, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = LEADING_ARTICLE.sub("", text)
    return "".join(ch for ch in text if ch.isalnum())


@dataclass
class Findings:
    states: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dates: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    orgs: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # (name key, acronym key)
    recs: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    words: int = 0
    pages: int = 0


def line_starts(text: str, lines: list[str]) -> list[int] | None:
    """Where each of the note's lines starts in the run's cleaned text, or None when the
    lines cannot all be found in order."""
    flat = re.sub(r"\s+", " ", text)
    # offsets in `flat` -> offsets in `text` (whitespace runs collapsed to one space)
    back = []
    for m in re.finditer(r"\s+|\S", text):
        back.append(m.start())
    starts, pos = [], 0
    for line in lines:
        probe = re.sub(r"\s+", " ", line).strip()[:40]
        if not probe:
            starts.append(starts[-1] if starts else 0)
            continue
        k = flat.find(probe, pos)
        if k < 0:
            return None
        starts.append(back[k] if k < len(back) else len(text))
        pos = k + len(probe)
    return starts


def read_findings(out: Path, docs: list[Document], lang: str) -> Findings:
    found = Findings()
    lines_of = {d.note_name: d.lines[lang] for d in docs}
    for row in _rows(out / "documents.csv"):
        try:
            found.pages += int(row.get("pages") or 0)
        except ValueError:
            pass
    found.words = sum(len(" ".join(d.lines[lang]).split()) for d in docs)
    for row in _rows(out / "states.csv"):
        found.states[row["document"]].add(row["iso3"])
    for row in _rows(out / "dates.csv"):
        found.dates[row["document"]].add((_cell(row["start"]), _cell(row["end"])))
    for row in _rows(out / "organizations.csv"):
        found.orgs[row["document"]].append((org_key(_cell(row["name"])), org_key(_cell(row.get("acronym") or ""))))
    starts_of: dict[str, list[int] | None] = {}
    for row in _rows(out / "recommendations.csv"):
        name = row["document"]
        if name not in starts_of:
            text_path = out / "text" / f"{name}.txt"
            if not text_path.is_file():
                text_path = out / "text" / name
            text = text_path.read_text(encoding="utf-8") if text_path.is_file() else ""
            starts_of[name] = line_starts(text, lines_of.get(name, []))
        starts = starts_of[name]
        if not starts:
            continue
        try:
            offset = int(row["start"])
        except (KeyError, ValueError):
            continue
        found.recs[name].add(max(0, bisect.bisect_right(starts, offset) - 1))
    return found


# -- scoring ------------------------------------------------------------------------------
@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_sets(self, predicted: set, reference: set) -> None:
        self.tp += len(predicted & reference)
        self.fp += len(predicted - reference)
        self.fn += len(reference - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def match_orgs(predicted: list[tuple[str, str]], reference: list[tuple[str, str]], score: Score) -> None:
    """Greedy one-to-one pairing: same canonical name, or same (non-empty) acronym."""
    left = list(dict.fromkeys(reference))
    seen = set()
    for name, acronym in dict.fromkeys(predicted):
        hit = next((r for r in left if r[0] == name or (acronym and r[1] == acronym)), None)
        if hit is not None:
            left.remove(hit)
            score.tp += 1
        elif (name, acronym) not in seen:
            score.fp += 1
        seen.add((name, acronym))
    score.fn += len(left)


def agreement(reference: Findings, other: Findings, docs: list[Document]) -> dict[str, Score]:
    scores = {k: Score() for k in ("states", "dates", "orgs", "recommendations")}
    for doc in docs:
        name = doc.note_name
        scores["states"].add_sets(other.states.get(name, set()), reference.states.get(name, set()))
        scores["dates"].add_sets(other.dates.get(name, set()), reference.dates.get(name, set()))
        match_orgs(other.orgs.get(name, []), reference.orgs.get(name, []), scores["orgs"])
        scores["recommendations"].add_sets(other.recs.get(name, set()), reference.recs.get(name, set()))
    return scores


def _report(result: dict) -> None:
    print(f"{result['documents']} documents, {result['lines']} aligned lines")
    for half, part in result["halves"].items():
        print(f"-- {half}: {part['documents']} documents; English reference: "
              + ", ".join(f"{v} {k}" for k, v in part["reference_counts"].items()))
        print(f"{'language':<9} {'States F1':>10} {'dates F1':>9} {'orgs F1':>8} {'recs F1':>8}   (P/R)")
        for lang, scores in part["agreement"].items():
            cells = [f"{scores[k]['f1']:.3f}" for k in ("states", "dates", "orgs", "recommendations")]
            pr = "  ".join(f"{k[:4]} {scores[k]['precision']:.2f}/{scores[k]['recall']:.2f}"
                           for k in ("states", "dates", "orgs", "recommendations"))
            print(f"{lang:<9} {cells[0]:>10} {cells[1]:>9} {cells[2]:>8} {cells[3]:>8}   {pr}")
    for lang, t in result["timing"].items():
        print(f"{lang}: {t['seconds']} s, {t['words']} words ({t['words_per_s']} words/s), "
              f"{t['pages']} pages ({t['pages_per_s']} pages/s), cold, --jobs {result['jobs']}")


def _half_result(findings: dict[str, Findings], docs: list[Document]) -> dict:
    names = {d.note_name for d in docs}
    en = findings["en"]
    return {"documents": len(docs),
            "reference_counts": {"states": sum(len(v) for k, v in en.states.items() if k in names),
                                 "dates": sum(len(v) for k, v in en.dates.items() if k in names),
                                 "orgs": sum(len(set(v)) for k, v in en.orgs.items() if k in names),
                                 "recommendations": sum(len(v) for k, v in en.recs.items() if k in names)},
            "agreement": {lang: {k: s.as_dict() for k, s in agreement(en, findings[lang], docs).items()}
                          for lang in ("fr", "es")}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parallel", type=Path, default=PARALLEL, help="folder with unv.en/fr/es/ids")
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (by id); 0 = all")
    ap.add_argument("--split", choices=("A", "B", "A1", "A2", "B1", "B2", "all"), default="all",
                    help="run and score half A or B only (doc_half), or a part of a half (doc_quarter); "
                         "all = both halves, scored as A, B and whole")
    ap.add_argument("--run", default=",".join(LANGS),
                    help="languages to run (comma-separated); the others are read from --keep's earlier run")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None, help="write notes and run folders here and keep them")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--write-notes", type=Path, default=None, metavar="DIR",
                    help="only write the split's notes in --lang to DIR (and run nothing): the notes "
                         "corpus/gold-parallel annotates")
    ap.add_argument("--lang", choices=LANGS, default="en", help="the language of --write-notes")
    args = ap.parse_args(argv)
    if not (args.parallel / "unv.ids").is_file():
        print(f"error: {args.parallel}/unv.ids not found (the parallel corpus lives in ../shared/corpus/parallel)",
              file=sys.stderr)
        return 1
    run_langs = [x.strip() for x in args.run.split(",") if x.strip()]
    if set(run_langs) - set(LANGS):
        print(f"error: --run expected languages among {', '.join(LANGS)}, got {args.run!r}", file=sys.stderr)
        return 1
    if set(LANGS) - set(run_langs) and (args.keep is None or
                                        any(not (args.keep / "out" / lang / "documents.csv").is_file()
                                            for lang in set(LANGS) - set(run_langs))):
        print("error: a language not in --run is read from --keep's earlier run; none found there", file=sys.stderr)
        return 1
    docs = sorted(read_parallel(args.parallel), key=lambda d: d.id)
    if args.docs:
        docs = docs[:args.docs]
    if args.split in ("A", "B"):
        docs = [d for d in docs if doc_half(d.id) == args.split]
    elif args.split in ("A1", "A2", "B1", "B2"):
        docs = [d for d in docs if doc_quarter(d.id) == args.split]
    if args.write_notes is not None:
        write_notes(docs, args.write_notes, args.lang)
        print(f"{len(docs)} notes ({args.lang}) written to {args.write_notes}")
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="unnotes-parallel-"))
    try:
        findings, timing = {}, {}
        for lang in LANGS:
            notes, out = work / "notes" / lang, work / "out" / lang
            if lang in run_langs:
                shutil.rmtree(notes, ignore_errors=True)
                shutil.rmtree(out, ignore_errors=True)
                write_notes(docs, notes, lang)
                seconds = run_unnotes(notes, out, args.jobs)
            findings[lang] = read_findings(out, docs, lang)
            f = findings[lang]
            if lang in run_langs:
                timing[lang] = {"seconds": round(seconds, 1), "words": f.words, "pages": f.pages,
                                "words_per_s": round(f.words / seconds, 1), "pages_per_s": round(f.pages / seconds, 2)}
        halves = {"A": [d for d in docs if doc_half(d.id) == "A"], "B": [d for d in docs if doc_half(d.id) == "B"]}
        parts = {args.split: docs} if args.split != "all" else {**halves, "whole": docs}
        result = {"documents": len(docs), "lines": sum(len(d.lines["en"]) for d in docs), "jobs": args.jobs,
                  "timing": timing, "halves": {name: _half_result(findings, part) for name, part in parts.items()}}
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
