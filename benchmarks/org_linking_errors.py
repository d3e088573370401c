"""One body, one row (issue 12): from `unnotes eval GOLD OUT --json` (EVAL) and the run folder OUT,
count A = organization false positives that shorten (fewer words, an org head noun last) or abbreviate
a gold body the run found under its full name, and B = false negatives whose alias the note writes
but the run filed under another row. Usage: python benchmarks/org_linking_errors.py EVAL OUT [-v]."""
import csv, json, re, sys
from collections import defaultdict
ROOT = __import__('pathlib').Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipeline.report.evaluate import norm_org
from pipeline.nlp.orgs import load_filters
HEADS = load_filters()['org_head']   # the English head nouns (models/en/patterns/org_filters.jsonl)
def toks(s):
    s = re.sub(r'^the\s+', '', s.strip(), flags=re.I)
    return [w.lower() for w in re.findall(r"[^\W_]+", s)]
def initials_ok(short, long):
    letters = [c.lower() for c in short if c.isalnum()]
    if len(letters) < 2: return False
    l = long.lower(); i = 0
    for c in letters:
        j = l.find(c, i)
        if j < 0: return False
        i = j + 1
    return l.split()[0][:1] == letters[0] if l.split() else False
def shortens(short, long):
    s, l = toks(short), toks(long)
    if not s or len(s) >= len(l): return False
    return any(l[i:i+len(s)] == s for i in range(len(l)-len(s)+1))
def main(evalf, outdir, verbose):
    ev = json.load(open(evalf))
    rows = defaultdict(list)
    for r in csv.DictReader(open(f'{outdir}/organizations.csv')):
        rows[r['document']].append(r)
    ments = defaultdict(list)
    for r in csv.DictReader(open(f'{outdir}/mentions.csv')):
        if r['label'] == 'ORG': ments[r['document']].append(r)
    A = B = 0
    for doc, d in ev['documents'].items():
        gold = json.load(open(d['gold'] if d['gold'].startswith('/') else ROOT / d['gold']))
        items = gold['orgs']['required'] + gold['orgs']['optional']
        preds = rows.get(doc, [])
        def pkeys(r): return {norm_org(r['name']), norm_org(r['acronym'])} - {''}
        matched = [g for g in items if any(pkeys(r) & {norm_org(a) for a in g} for r in preds)]
        for f in d['false_positives']:
            if f['type'] != 'orgs': continue
            v = f['value']; m = re.match(r'^(.*) \(([^()]*)\)$', v)
            name, acr = (m.group(1), m.group(2)) if m else (v, '')
            hit = None
            for g in matched:
                for a in g:
                    if shortens(name, a) and toks(name)[-1] in HEADS or (name.isupper() and ' ' not in name and initials_ok(name, a) and len(a.split()) > 1):
                        hit = g[0]; break
                if hit: break
            if hit:
                A += 1
                if verbose: print('A', doc, '|', v, '->', hit)
        missed = [a for a in d['misses'] if a['type'] == 'orgs']
        missed_names = {norm_org(x['value'].rsplit(' (', 1)[0]) for x in missed}
        for g in gold['orgs']['required']:
            keys = {norm_org(a) for a in g}
            if norm_org(g[0]) not in missed_names: continue
            if any(pkeys(r) & keys for r in preds): continue
            under = {m['norm'] for m in ments.get(doc, []) if norm_org(m['text']) in keys}
            if under:
                B += 1
                if verbose: print('B', doc, '|', g, '-> filed under', sorted(under))
    print(f'{outdir}: A(short-form/acronym FP)={A}  B(FN filed under another row)={B}')
main(sys.argv[1], sys.argv[2], len(sys.argv) > 3)
