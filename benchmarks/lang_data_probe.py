"""What the French and Spanish data files give on their own, before they are wired in.

Runs the plain rule components of today's code on the French and Spanish notes of the
parallel corpus, each fed with the files of models/<lang>/ (States: StateMatcher on
spaCy's blank language; dates: DateGrammar; organizations: the gazetteer matcher on the
shared orgs.tsv with <lang>/gazetteers/org_aliases.tsv merged in, no named-body pattern;
recommendations: `detect` with the language's cues and exclusions), and scores them like
`parallel_agreement.py` against a finished English run of the same notes. No statistical
model runs for French or Spanish, and the English words still in Python (see
models/fr/README.md, "Needs code") stay English, so this is an estimate of the data, not
a measure of the wired pipeline.

    .venv/bin/python benchmarks/parallel_agreement.py --keep /tmp/parallel     # once: the English run
    .venv/bin/python benchmarks/lang_data_probe.py --run /tmp/parallel
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import tempfile
from pathlib import Path

import spacy

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import parallel_agreement as pa  # noqa: E402
from pipeline.core.datafiles import read_tsv  # noqa: E402
from pipeline.nlp.datenorm import DateGrammar  # noqa: E402
from pipeline.nlp.org_matcher import OrgMatcher  # noqa: E402
from pipeline.nlp.orgs import OrgGazetteer, load_filters  # noqa: E402
from pipeline.nlp.recommendations import detect, load_rules  # noqa: E402
from pipeline.nlp.states import StateMatcher  # noqa: E402

MODELS = REPO / "models"


def merged_orgs(lang: str, folder: Path) -> Path:
    """The shared orgs.tsv with the language's aliases and acronyms added to their rows."""
    extra: dict[str, list[str]] = {}
    for _, row in read_tsv(MODELS / lang / "gazetteers" / "org_aliases.tsv", ["name", "alias", "acronym"]):
        extra.setdefault(row["name"], []).extend(a for a in (row["alias"], row["acronym"]) if a)
    lines = []
    for line in (MODELS / "gazetteers" / "orgs.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if not line.startswith("#") and len(cells) == 4 and cells[0] in extra:
            cells[2] = " | ".join([a for a in cells[2].split(" | ") if a] + extra[cells[0]])
        lines.append("\t".join(cells))
    path = folder / f"orgs-{lang}.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def probe(lang: str, docs: list[pa.Document], work: Path) -> pa.Findings:
    nlp = spacy.blank(lang)
    gaz_dir = MODELS / lang / "gazetteers"
    states = StateMatcher(nlp, gaz_dir / "states.tsv", gaz_dir / "state_context.jsonl")
    grammar = DateGrammar(MODELS / lang / "patterns" / "dates.jsonl", MODELS / lang / "patterns" / "references.jsonl",
                          gaz_dir / "date_words.tsv")
    orgs = OrgGazetteer(merged_orgs(lang, work), load_filters(MODELS / "patterns" / "org_filters.jsonl"))
    org_matcher = OrgMatcher(nlp, orgs, orgs.filters, named_bodies=False)
    rules = load_rules(MODELS / lang / "patterns" / "recommendation_cues.jsonl",
                       MODELS / lang / "patterns" / "recommendation_exclusions.jsonl")
    found = pa.Findings()
    for doc in docs:
        name, text = doc.note_name, "\n\n".join(doc.lines[lang])
        spacy_doc = nlp(text)
        spacy_doc._.blocks = []
        found.states[name] = {form.iso3 for _, form in states.find(spacy_doc)}
        found.dates[name] = {(d.start_iso, d.end_iso) for d in grammar.find_dates(text)}
        spacy_doc.spans["candidates"] = []
        org_matcher(spacy_doc)
        for span in spacy_doc.spans["candidates"]:
            org = orgs.by_name.get(span.kb_id_)
            found.orgs[name].append((pa.org_key(span.kb_id_), pa.org_key(org.acronym if org else "")))
        starts = [m.start() for m in re.finditer(r"(?:^|(?<=\n\n))[^\n]", text)]
        found.recs[name] = {max(0, bisect.bisect_right(starts, r["start"]) - 1)
                            for r in detect(text, None, None, rules)}
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", type=Path, required=True, help="the --keep folder of a parallel_agreement.py run")
    ap.add_argument("--parallel", type=Path, default=pa.PARALLEL)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    english = args.run / "out" / "en"
    if not (english / "documents.csv").is_file():
        print(f"error: {english}/documents.csv not found: run parallel_agreement.py --keep {args.run} first",
              file=sys.stderr)
        return 1
    docs = sorted(pa.read_parallel(args.parallel), key=lambda d: d.id)
    names = {row["document"] for row in pa._rows(english / "documents.csv")}
    docs = [d for d in docs if d.note_name in names]
    reference = pa.read_findings(english, docs, "en")
    result = {}
    with tempfile.TemporaryDirectory(prefix="unnotes-probe-") as tmp:
        for lang in ("fr", "es"):
            scores = pa.agreement(reference, probe(lang, docs, Path(tmp)), docs)
            result[lang] = {k: s.as_dict() for k, s in scores.items()}
    if args.json:
        print(json.dumps({"documents": len(docs), "agreement": result}, indent=2))
        return 0
    print(f"{len(docs)} documents; data files through today's rule components, against the English run")
    for lang, scores in result.items():
        print(lang, "  ".join(f"{k} F1 {v['f1']:.3f} (P {v['precision']:.2f} R {v['recall']:.2f})"
                              for k, v in scores.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
