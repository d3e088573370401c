"""Train and cross-validate the recommendation unit classifier
(benchmarks/rec_classifier/classifier.py); `make rec-classifier` runs it.

Units (read from ../shared, never copied into the repo; the cache
`outputs/rec_units.json` holds document names, offsets and texts and stays
out of git): every sentence and every list item of each gold document as the
pipeline segments them (blocks, then the pipeline's sentences inside body
blocks), plus the rule recommendations; a unit the rules made a row is
represented by the row. Label: the unit matches a required gold item (word
overlap >= 60% of the shorter side, the scorer's test); units matching only an
optional item are left out. UPR: the rule rows with recommending States in the
first UPR_FILES files of ../shared/corpus/upr are positives, always in training.

Cross-validation by document (FOLDS folds over the 68 gold documents of
corpus/gold-dev and corpus/gold-real), scored with `unnotes eval`'s matcher on
each held-out document, for: the rules alone; rules + non-rule units scored >= t
(add); rules with rule rows scored < t dropped (filter); both; the classifier
alone (every unit scored >= t). Thresholds are chosen for each fold on the
out-of-fold scores of the OTHER folds' documents (no held-out label is used);
fixed grids are reported too. Leave-genre-out: trained without the 10 former
test documents, tested on them. Figures to benchmarks/rec_classifier/cv.json.

    python benchmarks/rec_classifier/train.py [--units outputs/rec_units.json] [--docs N] [--no-final]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pipeline.report.evaluate import REC_OVERLAP, load_gold, match_recommendations, overlap, words  # noqa: E402
from benchmarks.rec_classifier import classifier as rec_classifier  # noqa: E402
from benchmarks.rec_classifier.classifier import Unit  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"
GOLD_SETS = {"dev": (REPO / "corpus" / "gold-dev", SHARED / "dev"),
             "real": (REPO / "corpus" / "gold-real", SHARED / "real")}
# The former blind split, now in gold-dev: the rules were not tuned on it (leave-genre-out test).
FORMER_TEST = ("S_2025_420.pdf", "E_2025_9_Add.12.pdf", "A_79_940.pdf", "DP_2025_13.pdf", "A_80_275.pdf",
               "E_C.2_2025_2_Add.5.pdf", "E_HLPF_2025_6.pdf", "DP_OPS_2025_6.pdf", "E_ICEF_2025_20.pdf",
               "A_CONF.243_2025_1_Add.1.pdf")
UPR_FILES = 20
UPR_MAX_ITEMS = 800
FOLDS = 5
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
FILTER_GRID = (0.02, 0.05, 0.1, 0.2, 0.3)
OUT = REPO / "benchmarks" / "rec_classifier"
# Not kept in the pipeline (docs/QUALITY.md, fifth round): the model goes to outputs/, not models/,
# which holds only what the pipeline reads; the feature word classes stay with the experiment.
MODEL_OUT = REPO / "outputs" / "rec_classifier" / "model"
FEATURES = OUT / "features.json"


def extract(path: Path, nlp) -> list[dict]:
    """A document's units: sentences and list items the rules did not make rows, and the rule rows."""
    from pipeline.findings import analyse, chunk_bounds, statistical_docs
    from pipeline.ingest import read_note

    note = read_note(path)
    stat, _ = statistical_docs(note, nlp)
    found = analyse(note, nlp, stat)
    sents = []
    for (start, _end), doc in zip(chunk_bounds(note), stat):
        sents += [(start + s.start_char, start + s.end_char) for s in doc.sents]
    return rec_classifier.units_of(note.text, [(b.kind, b.start, b.end) for b in note.blocks], sents,
                                   found["recommendations"])


def build_units(cache: Path, limit: int | None = None) -> dict:
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    from pipeline.nlp.build import build_nlp

    nlp = build_nlp()
    out = {"gold": {}, "upr": []}
    for split, (gold_dir, docs_dir) in GOLD_SETS.items():
        for gold in load_gold(gold_dir)[:limit]:
            t = time.time()
            units = extract(docs_dir / gold.document, nlp)
            out["gold"][gold.document] = {"split": split, "units": units, "required": gold.recommendations[0],
                                          "optional": gold.recommendations[1]}
            print(f"  {gold.document}: {len(units)} units ({time.time() - t:.1f} s)", flush=True)
    upr = []
    for path in sorted((SHARED / "upr").glob("*.pdf"))[:UPR_FILES if limit is None else 2]:
        upr += [dict(u, doc=path.name) for u in extract(path, nlp) if u["rule"] and u.get("by")]
    step = max(1, -(-len(upr) // UPR_MAX_ITEMS))
    out["upr"] = upr[::step][:UPR_MAX_ITEMS]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(out), encoding="utf-8")
    return out


def label(text: str, req: list[set], opt: list[set]) -> int | None:
    w = words(text)
    if any(overlap(w, g) >= REC_OVERLAP for g in req):
        return 1
    if any(overlap(w, g) >= REC_OVERLAP for g in opt):
        return None
    return 0


def without_rules(units: list[Unit]) -> list[Unit]:
    """The units as a classifier that does not know the rules' decisions sees them."""
    from dataclasses import replace

    return [replace(u, rule_cue=None, sibling_rules=False) for u in units]


def prepare(units: dict, feats, rules, rule_features: bool = True) -> dict:
    """Per document: unit texts for the classifier, labels, rule flags."""
    view = (lambda us: us) if rule_features else without_rules
    docs = {}
    t0 = time.process_time()
    for name, d in units["gold"].items():
        req = [words(g) for g in d["required"]]
        opt = [words(g) for g in d["optional"]]
        us = view(rec_classifier.as_units(d["units"]))
        docs[name] = {"split": d["split"], "required": d["required"], "optional": d["optional"],
                      "texts": [u["text"] for u in d["units"]], "rule": [bool(u["rule"]) for u in d["units"]],
                      "item": [bool(u["item"]) for u in d["units"]],
                      "x": [rec_classifier.unit_text(u, feats, rules) for u in us],
                      "y": [label(u["text"], req, opt) for u in d["units"]]}
    feature_cpu = time.process_time() - t0
    upr = [rec_classifier.unit_text(u, feats, rules) for u in view(rec_classifier.as_units(units["upr"]))]
    return {"docs": docs, "upr": upr, "feature_cpu": feature_cpu}


def training_pairs(data: dict, names: list[str]) -> list[tuple[str, bool]]:
    pairs = []
    for n in names:
        d = data["docs"][n]
        pairs += [(x, bool(y)) for x, y in zip(d["x"], d["y"]) if y is not None]
    return pairs + [(x, True) for x in data["upr"]]


def selected(d: dict, s: list[float], strategy: str, t_add: float = 1.1, t_filter: float = 0.0) -> list[int]:
    """Indexes of the units a strategy keeps, in text order."""
    if strategy == "alone":
        return [k for k, sc in enumerate(s) if sc >= t_add]
    if strategy == "items":   # rules, plus list items the rules left that score >= t_add
        return [k for k, (r, i, sc) in enumerate(zip(d["rule"], d["item"], s))
                if (r and sc >= t_filter) or (not r and i and sc >= t_add)]
    return [k for k, (r, sc) in enumerate(zip(d["rule"], s)) if (r and sc >= t_filter) or (not r and sc >= t_add)]


def pairing(d: dict) -> dict:
    """The matcher's candidate pairs of a document, computed once: `match_recommendations` restricted
    to a subset of the units gives the same pairs in the same order (greedy by overlap, then unit,
    then gold index), so a strategy is scored without re-reading the words."""
    if "pairs" not in d:
        uw = [words(t) for t in d["texts"]]
        rw = [words(g) for g in d["required"]]
        ow = [words(g) for g in d["optional"]]
        d["pairs"] = sorted(((overlap(a, b), i, j) for i, a in enumerate(uw) for j, b in enumerate(rw)
                             if overlap(a, b) >= REC_OVERLAP), key=lambda t: (-t[0], t[1], t[2]))
        d["optional_hit"] = [any(overlap(a, b) >= REC_OVERLAP for b in ow) for a in uw]
    return d


def outcome(d: dict, keep: list[int]) -> dict:
    pairing(d)
    chosen = set(keep)
    used_u, used_g = set(), set()
    for _, i, j in d["pairs"]:
        if i in chosen and i not in used_u and j not in used_g:
            used_u.add(i)
            used_g.add(j)
    fp = sum(1 for i in keep if i not in used_u and not d["optional_hit"][i])
    return {"tp": len(used_u), "fp": fp, "fn": len(d["required"]) - len(used_g)}


def count(names, data, oof, strategy, t_add=1.1, t_filter=0.0) -> dict:
    c = {"tp": 0, "fp": 0, "fn": 0}
    for n in names:
        d = data["docs"][n]
        o = outcome(d, selected(d, oof[n], strategy, t_add, t_filter))
        for key in c:
            c[key] += o[key]
    return c


def prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return {**c, "p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0, 3)}


STRATEGIES = {  # name -> (strategy, (t_add grid), (t_filter grid))
    "rules": ("rules", (1.1,), (0.0,)),
    "add": ("rules", GRID, (0.0,)),
    "add-items": ("items", GRID, (0.0,)),
    "filter": ("rules", (1.1,), FILTER_GRID),
    "add+filter": ("rules", GRID, FILTER_GRID),
    "alone": ("alone", GRID, (0.0,)),
}


def best_thresholds(names, data, oof, kind) -> tuple[float, float]:
    strategy, adds, filters = STRATEGIES[kind]
    best = None
    for ta in adds:
        for tf in filters:
            f = prf(count(names, data, oof, strategy, ta, tf))["f1"]
            if best is None or f > best[0]:
                best = (f, ta, tf)
    return best[1], best[2]


def check_matcher(data: dict) -> None:
    """The cached pairing scores the rules' rows and all units as `unnotes eval`'s matcher does."""
    for d in data["docs"].values():
        for keep in (selected(d, [0.0] * len(d["x"]), "rules"), list(range(len(d["x"])))):
            o = match_recommendations([d["texts"][k] for k in keep], d["required"], d["optional"])
            assert outcome(d, keep) == {"tp": len(o.tp), "fp": len(o.fp), "fn": len(o.fn)}


def cross_validate(data: dict) -> dict:
    check_matcher(data)
    names = sorted(data["docs"])
    random.Random(rec_classifier.SEED).shuffle(names)
    folds = [sorted(names[i::FOLDS]) for i in range(FOLDS)]
    oof = {}
    score_cpu = 0.0
    for k, held in enumerate(folds):
        t = time.time()
        model = rec_classifier.train(training_pairs(data, [n for n in names if n not in held]))
        for n in held:
            c0 = time.process_time()
            oof[n] = rec_classifier.scores(model, data["docs"][n]["x"]) if data["docs"][n]["x"] else []
            score_cpu += time.process_time() - c0
        print(f"  fold {k + 1}/{FOLDS}: {len(held)} held-out documents ({time.time() - t:.1f} s)", flush=True)
    n_words = sum(len(t.split()) for d in data["docs"].values() for t in d["texts"])
    result = {"folds": [list(f) for f in folds], "per_fold": [], "by_split": {}, "fixed": {},
              "cost": {"unit_words": n_words, "feature_cpu_s": round(data["feature_cpu"], 2),
                       "scoring_cpu_s": round(score_cpu, 2),
                       "words_per_cpu_s_features_and_scoring": round(n_words / (data["feature_cpu"] + score_cpu))}}
    totals = {kind: {s: {"tp": 0, "fp": 0, "fn": 0} for s in GOLD_SETS} for kind in STRATEGIES}
    for k, held in enumerate(folds):
        others = [n for n in names if n not in held]
        fold = {"documents": held}
        for kind, (strategy, _, _) in STRATEGIES.items():
            ta, tf = best_thresholds(others, data, oof, kind)
            fold[kind] = {"t_add": ta, "t_filter": tf, **prf(count(held, data, oof, strategy, ta, tf))}
            for s in GOLD_SETS:
                c = count([n for n in held if data["docs"][n]["split"] == s], data, oof, strategy, ta, tf)
                for key in c:
                    totals[kind][s][key] += c[key]
        result["per_fold"].append(fold)
    result["by_split"] = {kind: {s: prf(c) for s, c in per.items()} for kind, per in totals.items()}
    for s in GOLD_SETS:
        split_names = [n for n in names if data["docs"][n]["split"] == s]
        fixed = {}
        for ta in GRID:
            fixed[f"add@{ta}"] = prf(count(split_names, data, oof, "rules", ta, 0.0))
            fixed[f"alone@{ta}"] = prf(count(split_names, data, oof, "alone", ta, 0.0))
        for tf in FILTER_GRID:
            fixed[f"filter@{tf}"] = prf(count(split_names, data, oof, "rules", 1.1, tf))
        result["fixed"][s] = fixed
    former = [n for n in FORMER_TEST if n in data["docs"]]
    result["oof_former_test"] = {kind: prf(count(former, data, oof, STRATEGIES[kind][0],
                                                 *best_thresholds([n for n in names if n not in FORMER_TEST],
                                                                  data, oof, kind)))
                                 for kind in STRATEGIES}
    return result, oof


def leave_genre_out(data: dict) -> dict:
    """Trained without the former test documents; thresholds from the training documents' own CV-free scores
    are not honest, so the thresholds are those the 5-fold CV picks most often (passed in by the caller)."""
    train_names = [n for n in data["docs"] if n not in FORMER_TEST]
    test = [n for n in FORMER_TEST if n in data["docs"]]
    model = rec_classifier.train(training_pairs(data, train_names))
    return {n: rec_classifier.scores(model, data["docs"][n]["x"]) if data["docs"][n]["x"] else [] for n in test}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=Path, default=REPO / "outputs" / "rec_units.json",
                    help="cache of the extracted units (rebuilt when absent)")
    ap.add_argument("--docs", type=int, default=None, help="only the first N documents of each gold set (a smoke run)")
    ap.add_argument("--no-final", action="store_true", help="cross-validate only, do not write the model")
    ap.add_argument("--no-rule-features", action="store_true",
                    help="the classifier does not see whether the rules made a unit a row")
    ap.add_argument("--dump", type=Path, default=None,
                    help="write every unit's out-of-fold score and label here (texts of ../shared: keep it out of git)")
    ap.add_argument("--out", type=Path, default=OUT, help="where cv.json goes")
    args = ap.parse_args()
    from pipeline.nlp.recommendations import load_rules

    rules = load_rules()
    feats = rec_classifier.load_features(FEATURES)
    data = prepare(build_units(args.units, args.docs), feats, rules, not args.no_rule_features)
    cv, oof = cross_validate(data)
    if args.dump:
        args.dump.write_text(json.dumps({n: [{"text": t, "y": y, "rule": r, "item": i, "score": round(sc, 4)}
                                             for t, y, r, i, sc in zip(d["texts"], d["y"], d["rule"], d["item"], oof[n])]
                                         for n, d in data["docs"].items()}), encoding="utf-8")
    lgo_scores = leave_genre_out(data)
    lgo = {}
    for kind, (strategy, _, _) in STRATEGIES.items():
        # thresholds chosen on the out-of-fold scores of the 58 other documents
        ta, tf = best_thresholds([n for n in data["docs"] if n not in FORMER_TEST], data, oof, kind)
        lgo[kind] = {"t_add": ta, "t_filter": tf, **prf(count(list(lgo_scores), data, lgo_scores, strategy, ta, tf))}
    cv["leave_genre_out"] = lgo
    cv["upr_positives"] = len(data["upr"])
    cv["units"] = {s: sum(len(d["x"]) for d in data["docs"].values() if d["split"] == s) for s in GOLD_SETS}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cv.json").write_text(json.dumps(cv, indent=1) + "\n", encoding="utf-8")
    for kind, per in cv["by_split"].items():
        for s, c in per.items():
            print(f"CV {s:5} {kind:11} P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f}  tp {c['tp']} fp {c['fp']} fn {c['fn']}")
    for kind, c in lgo.items():
        print(f"LGO former-test {kind:11} t={c['t_add']}/{c['t_filter']} P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f}"
              f"  tp {c['tp']} fp {c['fp']} fn {c['fn']}")
    for k, f in enumerate(cv["per_fold"]):
        print(f"fold {k + 1}: " + "  ".join(f"{kind} {f[kind]['f1']:.3f}" for kind in STRATEGIES))
    if not args.no_final:
        model = rec_classifier.train(training_pairs(data, sorted(data["docs"])))
        MODEL_OUT.parent.mkdir(parents=True, exist_ok=True)
        model.to_disk(MODEL_OUT)
        meta = {"gold": {s: str(g.relative_to(REPO)) for s, (g, _) in GOLD_SETS.items()},
                "documents": sorted(data["docs"]),
                "upr_files": [p.name for p in sorted((SHARED / "upr").glob("*.pdf"))[:UPR_FILES]],
                "upr_positives": len(data["upr"]), "epochs": rec_classifier.EPOCHS,
                "architecture": dict(rec_classifier.ARCHITECTURE)}
        (args.out / "data.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        print(f"model written to {MODEL_OUT}")


if __name__ == "__main__":
    main()
