"""Join the gold of one long document annotated in page ranges by several annotators.

    python scripts/merge_gold_parts.py OUT.json PART.json [PART.json ...]

How parts are joined (corpus/gold-real/README-sixth-split.md): States and dates united, a
date required in any part required; organization lists joined when they share
their canonical name or a form not made only of common words; a list required
in as many parts as it is optional in is required; a form already in an
earlier list is dropped from a later one; a recommendation in another language
than English is optional. Prints each conflict and each dropped form, to be
checked by hand."""
import argparse
import json
import re
from pathlib import Path


def norm(s):
    """The key tests/test_gold_files.py compares aliases by."""
    return re.sub(r"[\W_]+", "", re.sub(r"^the\s+", "", s.lower()))


def words(s):
    return set(re.sub(r"^the\s+", "", s.lower()).split())


# Words of generic national-body names. (A throwaway list for the gold's own merge, not the pipeline's data.)
GENERIC_WORDS = set("the national assembly ministry of for and justice foreign affairs interior parliament constitutional "
                    "court supreme human rights commission council committee working group government office "
                    "ombudsman state public prosecutor's prosecutor police senate congress".split())


def key_forms(forms):
    """What joins two parts' lists: any form they share, except a generic one made only of common words
    ("Ministry of Justice", "National Assembly"), which can name another State's body in another part."""
    return {norm(forms[0])} | {norm(f) for f in forms[1:] if not words(f) <= GENERIC_WORDS}


NON_LATIN = re.compile(r"[а-яА-ЯёЁ\u0600-\u06ff]")
FR_ES_WORDS = re.compile(r"\b(les|des|nous|doit|doivent|los|las|debe|deben|del|una|est|sont|para|que|la|el|en|de)\b")


def in_another_language(text):
    """A recommendation not in English: a non-Latin script, or French/Spanish function words as a sixth
    of its words. (Not pipeline.ingest.metadata.guess_language: it reads a short English list item, with
    few stop words, as "other".)"""
    return bool(NON_LATIN.search(text)) or len(FR_ES_WORDS.findall(text)) >= max(3, len(text.split()) // 6)


def merge(parts, out):
    golds = [json.loads(Path(p).read_text()) for p in parts]
    doc = golds[0]["document"]
    assert all(g["document"] == doc for g in golds)
    states_req = sorted({s for g in golds for s in g["states"]["required"]})
    states_opt = sorted({s for g in golds for s in g["states"]["optional"]} - set(states_req))
    # orgs: union of lists sharing a normalised form
    groups = []  # [forms(list), votes_req, votes_opt]
    for g in golds:
        for kind in ("required", "optional"):
            for forms in g["orgs"][kind]:
                keys = key_forms(forms)
                hit = [gr for gr in groups if keys & key_forms(gr[0])]
                new = [[], 0, 0]
                for gr in hit:
                    groups.remove(gr); new[0] += gr[0]; new[1] += gr[1]; new[2] += gr[2]
                new[0] += forms
                new[1 if kind == "required" else 2] += 1
                groups.append(new)
    orgs_req, orgs_opt = [], []
    for forms, r, o in groups:
        uniq = list(dict.fromkeys(forms))   # each form once, in order
        if r and o: print("ORG conflict", uniq[:3], "req", r, "opt", o, "->", "required" if r >= o else "optional")
        (orgs_req if r >= o and r else orgs_opt).append(uniq)
    # an alias may name one list only: a form also in an earlier list is dropped from the later one
    owner = {}
    for lst in orgs_req + orgs_opt:
        for f in list(lst[1:]):
            if norm(f) in owner and owner[norm(f)] is not lst:
                print("  alias dropped:", repr(f), "from", repr(lst[0]), "(kept by", repr(owner[norm(f)][0]) + ")")
                lst.remove(f)
        for f in lst:
            owner.setdefault(norm(f), lst)
    dates_req = sorted({tuple(d) for g in golds for d in g["dates"]["required"]})
    dates_opt = sorted({tuple(d) for g in golds for d in g["dates"]["optional"]} - set(dates_req))
    recs_req, recs_opt, moved = [], [], 0
    for g in golds:
        for r in g["recommendations"]["required"]:
            if in_another_language(r):
                recs_opt.append(r)
                moved += 1
            elif r not in recs_req:
                recs_req.append(r)
        for r in g["recommendations"]["optional"]:
            if r not in recs_opt and r not in recs_req:
                recs_opt.append(r)
    print(doc, "non-English required recs made optional:", moved)
    gold = {"document": doc, "states": {"required": states_req, "optional": states_opt},
            "orgs": {"required": orgs_req, "optional": orgs_opt},
            "dates": {"required": [list(d) for d in dates_req], "optional": [list(d) for d in dates_opt]},
            "recommendations": {"required": recs_req, "optional": recs_opt}}
    Path(out).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for k in ("states", "orgs", "dates", "recommendations"):
        print(" ", k, len(gold[k]["required"]), "/", len(gold[k]["optional"]))



if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="the merged gold JSON to write")
    ap.add_argument("parts", nargs="+", help="the parts' gold JSON files, in page order")
    args = ap.parse_args()
    merge(args.parts, args.out)
