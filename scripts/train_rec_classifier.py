"""Train and cross-validate the recommendation sentence classifier
(pipeline/nlp/rec_classifier.py); `make rec-classifier` runs it.

Data (read from ../shared, never copied into the repo; `data.json` in the
model folder lists what was used):
- positives: the required recommendations of corpus/gold-dev and corpus/gold-real,
  as the sentences and rule candidates of their documents that match one
  (word overlap >= 60%, the scorer's test), and the UPR items the rules find
  with their recommending States in ../shared/corpus/upr (first UPR_FILES files);
- negatives: every other sentence and rule candidate of the gold documents;
  units matching an optional gold item are left out.

Cross-validation by document (FOLDS folds over the 30 gold documents; the UPR
positives are always in training): on each held-out document the rules'
recommendations are scored as they are, filtered by the classifier
(score >= t), and with classifier-positive sentences the rules missed added
(score >= T), with the scorer of `unnotes eval`. Figures go to
benchmarks/rec_classifier/cv.json; the final model, trained on everything,
to outputs/rec_classifier/model/ (not kept in the pipeline, so not in models/).

    python scripts/train_rec_classifier.py [--units outputs/rec_units.jsonl] [--no-final]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.report.evaluate import REC_OVERLAP, load_gold, match_recommendations, overlap, words  # noqa: E402
from pipeline.nlp import rec_classifier  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"
GOLD_SETS = {"dev": (REPO / "corpus" / "gold-dev", SHARED / "dev"),
             "real": (REPO / "corpus" / "gold-real", SHARED / "real")}
UPR_FILES = 20
UPR_MAX_ITEMS = 800
FOLDS = 5
FILTER_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)
ADD_THRESHOLDS = (0.8, 0.9, 0.95, 0.98)
OUT = REPO / "benchmarks" / "rec_classifier"        # figures and what the model was trained on
MODEL_OUT = REPO / "outputs" / "rec_classifier" / "model"   # not kept in the pipeline: outside models/


def extract(path: Path, nlp) -> dict:
    """A document's sentences and rule recommendations: {"sentences": [...], "rules": [...]}."""
    from pipeline.findings import analyse, chunk_bounds, statistical_docs
    from pipeline.ingest import read_note

    note = read_note(path)
    stat, _ = statistical_docs(note, nlp)
    sentences = []
    for (start, _end), doc in zip(chunk_bounds(note), stat):
        sentences += [" ".join(s.text.split()) for s in doc.sents if len(s.text.split()) >= 4]
    findings = analyse(note, nlp, stat)
    return {"sentences": sentences, "rules": [r["text"] for r in findings["recommendations"]],
            "by": [r.get("by", "") for r in findings["recommendations"]]}


def label(text: str, required: list[set], optional: list[set]) -> int | None:
    w = words(text)
    if any(overlap(w, g) >= REC_OVERLAP for g in required):
        return 1
    if any(overlap(w, g) >= REC_OVERLAP for g in optional):
        return None
    return 0


def build_units(cache: Path) -> dict:
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    from pipeline.nlp.build import build_nlp

    nlp = build_nlp()
    out = {"gold": {}, "upr": []}
    for split, (gold_dir, docs_dir) in GOLD_SETS.items():
        for gold in load_gold(gold_dir):
            t = time.time()
            ex = extract(docs_dir / gold.document, nlp)
            ex.update(split=split, required=gold.recommendations[0], optional=gold.recommendations[1])
            out["gold"][gold.document] = ex
            print(f"  {gold.document}: {len(ex['sentences'])} sentences, {len(ex['rules'])} rule recs "
                  f"({time.time() - t:.1f} s)", flush=True)
    for path in sorted((SHARED / "upr").glob("*.pdf"))[:UPR_FILES]:
        ex = extract(path, nlp)
        out["upr"] += [t for t, by in zip(ex["rules"], ex["by"]) if by]
    out["upr"] = out["upr"][:UPR_MAX_ITEMS]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(out), encoding="utf-8")
    return out


def training_pairs(docs: dict, names: list[str], upr: list[str]) -> list[tuple[str, bool]]:
    pairs = []
    for name in names:
        d = docs[name]
        req = [words(g) for g in d["required"]]
        opt = [words(g) for g in d["optional"]]
        seen = set()
        for text in d["rules"] + d["sentences"]:
            y = label(text, req, opt)
            if y is not None and text not in seen:
                seen.add(text)
                pairs.append((text, bool(y)))
    return pairs + [(t, True) for t in upr]


def add_outcome(total: dict, outcome) -> None:
    total["tp"] += len(outcome.tp)
    total["fp"] += len(outcome.fp)
    total["fn"] += len(outcome.fn)


def prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0, 3)}


def cross_validate(units: dict) -> dict:
    docs = units["gold"]
    names = sorted(docs)
    random.Random(rec_classifier.SEED).shuffle(names)
    folds = [names[i::FOLDS] for i in range(FOLDS)]
    strategies = ["rules"] + [f"filter@{t}" for t in FILTER_THRESHOLDS] + [f"add@{t}" for t in ADD_THRESHOLDS]
    totals = {split: {s: {"tp": 0, "fp": 0, "fn": 0} for s in strategies} for split in GOLD_SETS}
    unit_counts = {"tp": 0, "fp": 0, "fn": 0}
    for k, held in enumerate(folds):
        train_names = [n for n in names if n not in held]
        t = time.time()
        model = rec_classifier.train(training_pairs(docs, train_names, units["upr"]))
        for name in held:
            d = docs[name]
            rules = d["rules"]
            extra = [s for s in d["sentences"] if not any(overlap(words(s), words(r)) >= REC_OVERLAP for r in rules)]
            rs = rec_classifier.scores(model, rules) if rules else []
            es = rec_classifier.scores(model, extra) if extra else []
            per = totals[d["split"]]
            add_outcome(per["rules"], match_recommendations(rules, d["required"], d["optional"]))
            for t_ in FILTER_THRESHOLDS:
                kept = [r for r, s in zip(rules, rs) if s >= t_]
                add_outcome(per[f"filter@{t_}"], match_recommendations(kept, d["required"], d["optional"]))
            for t_ in ADD_THRESHOLDS:
                more = rules + [e for e, s in zip(extra, es) if s >= t_]
                add_outcome(per[f"add@{t_}"], match_recommendations(more, d["required"], d["optional"]))
            # the classifier alone, on every unit of the held-out document
            req = [words(g) for g in d["required"]]
            opt = [words(g) for g in d["optional"]]
            for text, s in zip(rules + extra, rs + es):
                y = label(text, req, opt)
                if y is None:
                    continue
                if s >= 0.5 and y:
                    unit_counts["tp"] += 1
                elif s >= 0.5:
                    unit_counts["fp"] += 1
                elif y:
                    unit_counts["fn"] += 1
        print(f"  fold {k + 1}/{FOLDS}: {len(held)} held-out documents ({time.time() - t:.1f} s)", flush=True)
    return {"folds": FOLDS, "documents": {s: sorted(n for n in names if docs[n]["split"] == s) for s in GOLD_SETS},
            "upr_positives": len(units["upr"]),
            "by_split": {split: {s: prf(c) for s, c in per.items()} for split, per in totals.items()},
            "classifier_alone_at_0.5": prf(unit_counts)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=Path, default=REPO / "outputs" / "rec_units.json",
                    help="cache of the extracted sentences (rebuilt when absent)")
    ap.add_argument("--no-final", action="store_true", help="cross-validate only, do not write the model")
    args = ap.parse_args()
    units = build_units(args.units)
    cv = cross_validate(units)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cv.json").write_text(json.dumps(cv, indent=1) + "\n", encoding="utf-8")
    for split, per in cv["by_split"].items():
        for s, c in per.items():
            print(f"{split:5} {s:11} P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}  "
                  f"tp {c['tp']} fp {c['fp']} fn {c['fn']}")
    print("classifier alone at 0.5:", cv["classifier_alone_at_0.5"])
    if not args.no_final:
        model = rec_classifier.train(training_pairs(units["gold"], sorted(units["gold"]), units["upr"]))
        model.to_disk(MODEL_OUT)
        data = {"gold": {s: str(g.relative_to(REPO)) for s, (g, _) in GOLD_SETS.items()},
                "upr_files": [p.name for p in sorted((SHARED / "upr").glob("*.pdf"))[:UPR_FILES]],
                "upr_positives": len(units["upr"]), "epochs": rec_classifier.EPOCHS,
                "architecture": rec_classifier.ARCHITECTURE}
        (OUT / "data.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"model written to {MODEL_OUT}")


if __name__ == "__main__":
    main()
