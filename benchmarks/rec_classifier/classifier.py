"""A learned second opinion on recommendation units: a spaCy text classifier
(bag of words and bigrams, `spacy.TextCatBOW.v3`) over a unit's words AND a
few structural feature tokens the hand rules cannot weigh well (is it a list
item, its first word and that word's shape, a "Label: text" opening, the cue
class the rules find, the enclosing heading's words, whether its list siblings
are rule recommendations, its length, past-tense and first-person commitment
markers). The word classes those features read are data
(`benchmarks/rec_classifier/features.json`).

An experiment, not part of the package: it did not beat the rules on the
held-out documents (docs/QUALITY.md, "Recommendations, fifth round: a learned
detector"), so it lives here beside its training script and data; kept in the
pipeline it would move to pipeline/nlp/ and its word classes to models/en/.

    feats = load_features("benchmarks/rec_classifier/features.json")
    text = unit_text(Unit("Enhance border security ...", item=True, section="Annex"), feats, rules)
    clf = load_classifier(model_dir); scores(clf, [text]) -> [0.93]

spaCy's textcat rather than scikit-learn: spaCy is already a dependency and
its bag-of-words model is a linear model over hashed n-grams, with no new
package to pin; structural features enter as pseudo-words ("__item__"), so
the same linear model weighs them. Trained and cross-validated by
`benchmarks/rec_classifier/train.py` (`make rec-classifier`); figures in
`benchmarks/rec_classifier/cv.json` and docs/QUALITY.md (section
"Recommendations, fifth round"). The plain functions take their data as
arguments; nothing here holds state."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Iterable

POSITIVE, NEGATIVE = "REC", "OTHER"
# length: the hashed n-gram table; 2**17 rows keep the model near 1 MB with few collisions on ~10^5 n-grams.
ARCHITECTURE = MappingProxyType({"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                                 "ngram_size": 2, "no_output_layer": False, "length": 2 ** 17})
EPOCHS = 8
BATCH = 32
DROPOUT = 0.1
SEED = 20261201
LENGTH_BUCKETS = (6, 12, 25, 45, 80)
LABEL_RE = re.compile(r"^([A-Z][^\s:]*(?:\s+[^\s:]+){0,6})\s*:\s+(\S+)")
WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Features:
    """The word classes of features.json (lower-case)."""
    modals: frozenset[str]
    past_auxiliaries: tuple[str, ...]
    first_person: frozenset[str]
    commitment_verbs: tuple[str, ...]
    action_noun_suffixes: tuple[str, ...]
    past_suffix: str


@dataclass(frozen=True)
class Unit:
    """A sentence or list item as the detector sees it, with its context."""
    text: str                    # the unit's text, list marker removed
    item: bool = False           # a list item (block kind or a list marker)
    section: str = ""            # the enclosing heading's text
    rule_cue: str | None = None  # the rules' cue label when the rules made it a row, else None
    lead: str = ""               # for a list item: the sentence before its list (the lead-in)
    sibling_rules: bool = False  # another item of the same list is a rule row


def load_features(path: Path | str) -> Features:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Features(modals=frozenset(data["modals"]), past_auxiliaries=tuple(data["past_auxiliaries"]),
                    first_person=frozenset(data["first_person"]),
                    commitment_verbs=tuple(data["commitment_verbs"]),
                    action_noun_suffixes=tuple(data["action_noun_suffixes"]), past_suffix=data["past_suffix"])


def _shape(word: str) -> str:
    if word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    if word[:1].islower():
        return "lower"
    return "other"


def feature_tokens(unit: Unit, feats: Features, rules) -> list[str]:
    """The structural pseudo-words of a unit (`rules`: the detector's compiled Rules)."""
    from pipeline.nlp.recommendations import excluded, find_cue, is_lead_in

    text = unit.text
    low = text.lower()
    words = WORD_RE.findall(low)
    out = ["__item__" if unit.item else "__sentence__"]
    if unit.rule_cue is not None:
        out += ["__rule__", "__rulecue_" + "_".join(WORD_RE.findall(unit.rule_cue.lower())[:2])]
    found = find_cue(text, rules)
    if found:
        out += ["__cue_" + found[0].kind, "__cueid_" + re.sub(r"\W", "_", found[0].id)]
        if excluded(text, found[0].label, rules):
            out.append("__vetoed__")
    body = text
    m = LABEL_RE.match(text)
    if m and len(m.group(1)) < 60:
        out.append("__labelled__")
        body = text[m.end(1):].lstrip(" :")
    first = re.match(r"\S+", body)
    if first:
        w = first.group().strip("\"'“”‘’(),.;").lower()
        out += ["__first_" + re.sub(r"\W", "_", w), "__shape_" + _shape(first.group())]
        suffix = next((s for s in feats.action_noun_suffixes if w.endswith(s) and len(w) > len(s) + 2), None)
        if suffix:
            out.append("__first_suffix_" + suffix)
        if w.endswith(feats.past_suffix):
            out.append("__first_past__")
        if rules.imperative_re is not None and rules.imperative_re.match(body):
            out.append("__imperative__")
    for w in sorted({w for w in WORD_RE.findall(unit.section.lower()) if len(w) > 2})[:8]:
        out.append("__sec_" + w)
    if unit.section and any(r.search(unit.section) for r in rules.rec_section):
        out.append("__rec_section__")
    if unit.item:
        lead = unit.lead.rstrip()
        if lead.endswith(":"):
            out.append("__after_colon__")
        if lead and (is_lead_in(lead, rules) or find_cue(lead, rules)):
            out.append("__after_rec_lead__")
        if unit.sibling_rules:
            out.append("__sibling_rules__")
    n = len(words)
    out.append("__len_%d__" % next((i for i, b in enumerate(LENGTH_BUCKETS) if n <= b), len(LENGTH_BUCKETS)))
    present = set(words)
    out += ["__modal_" + w for w in sorted(present & feats.modals)]
    if any(re.search(r"\b%s\b" % re.escape(a), low) for a in feats.past_auxiliaries):
        out.append("__past_aux__")
    if sum(w.endswith(feats.past_suffix) for w in words) >= 2:
        out.append("__past_ed__")
    if present & feats.first_person:
        out.append("__first_person__")
        if any(re.search(r"\b(?:%s)\s+(?:\w+\s+)?%s\b" % ("|".join(map(re.escape, feats.first_person)), re.escape(c)), low)
               for c in feats.commitment_verbs):
            out.append("__own_commitment__")
    end = text.rstrip()[-1:]
    out.append({";": "__end_semicolon__", ":": "__end_colon__", ".": "__end_stop__"}.get(end, "__end_other__"))
    return out


def unit_text(unit: Unit, feats: Features, rules) -> str:
    """What the classifier reads: the feature tokens, then the unit's lower-cased words."""
    return " ".join(feature_tokens(unit, feats, rules)) + " " + unit.text.lower()


def units_of(text: str, blocks: list[tuple], sentences: list[tuple[int, int]], rows: list[dict]) -> list[dict]:
    """The units of a text as the detector segments it: each list item whole, the sentences of other
    blocks (headings, table rows and footnotes are no units); a unit overlapping a rule row is
    represented by the row. `blocks`: (kind, start, end, ...); `sentences`: (start, end); `rows`: the
    rule rows ({start, end, text, cue, ...}). Returns dicts {start, end, text, item, section, lead,
    run, rule} in text order (`rule` is the row's cue, None for a unit the rules did not make a row)."""
    from pipeline.nlp.recommendations import MARKER_RE, clean, strip_marker

    units, section, run, lead, prev_item = [], "", 0, "", False
    block_ctx = []   # (start, end, item, section, lead, run)
    for b in blocks:
        kind, bs, be = b[0], b[1], b[2]
        btext = text[bs:be]
        if kind == "heading":
            section, prev_item, lead = " ".join(btext.split()), False, ""
            run += 1
            continue
        if kind in ("table_row", "footnote"):
            continue
        item = kind == "list_item" or bool(MARKER_RE.match(btext))
        if item and not prev_item or not item:
            run += 1
        spans = [(bs, be)] if item else [(max(s, bs), min(e, be)) for s, e in sentences
                                         if s < be and e > bs] or [(bs, be)]
        block_ctx.append((bs, be, item, section, lead if item else "", run))
        for s, e in spans:
            s += strip_marker(text[s:e])
            if any(r["start"] < e and r["end"] > s for r in rows):
                continue
            t = clean(text[s:e])
            if len(t.split()) >= 3:
                units.append({"start": s, "end": e, "text": t, "item": item, "section": section,
                              "lead": lead if item else "", "run": run, "rule": None})
        if not item:
            lead = clean(text[spans[-1][0]:spans[-1][1]])
        prev_item = item
    for r in rows:
        ctx = next((c for c in block_ctx if c[0] <= r["start"] < c[1]), (0, 0, False, r.get("section", ""), "", -1))
        units.append({"start": r["start"], "end": r["end"], "text": r["text"], "item": ctx[2], "section": ctx[3],
                      "lead": ctx[4], "run": ctx[5], "rule": r.get("cue") or "recommended", "by": r.get("by", "")})
    units.sort(key=lambda u: u["start"])
    return units


def as_units(units: list[dict]) -> list[Unit]:
    """`units_of`'s dicts as Units, with `sibling_rules` set from the rows of the same list."""
    runs_with_rules: dict[int, int] = {}
    for u in units:
        if u["rule"] and u["item"]:
            runs_with_rules[u["run"]] = runs_with_rules.get(u["run"], 0) + 1
    return [Unit(text=u["text"], item=u["item"], section=u["section"], rule_cue=u["rule"], lead=u["lead"],
                 sibling_rules=runs_with_rules.get(u["run"], 0) - (1 if u["rule"] and u["item"] else 0) > 0)
            for u in units]


def new_model():
    import spacy

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": dict(ARCHITECTURE)})
    textcat.add_label(POSITIVE)
    textcat.add_label(NEGATIVE)
    return nlp


def train(examples: Iterable[tuple[str, bool]], epochs: int = EPOCHS, seed: int = SEED):
    """A model trained on (text, is_recommendation) pairs."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = new_model()
    data = [Example.from_dict(nlp.make_doc(t), {"cats": {POSITIVE: float(y), NEGATIVE: float(not y)}})
            for t, y in examples]
    nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in minibatch(data, size=BATCH):
            nlp.update(batch, drop=DROPOUT)
    return nlp


def scores(nlp, texts: list[str]) -> list[float]:
    """P(recommendation) for each text."""
    return [doc.cats[POSITIVE] for doc in nlp.pipe(texts, batch_size=256)]


def load_classifier(path: Path | str):
    import spacy

    return spacy.load(Path(path))
