"""Score a run's output folder against gold annotations (ANNOTATION.md, "Gold format").

Gold is one JSON file per document; the run is an output folder written per
OUTPUT.md. Scores are micro-averaged precision, recall and F1 per type
(states, orgs, dates, recommendations) over the documents that have gold.

Decisions the contract leaves open, written down here:

- A gold "document" matches the run's `document` exactly, else by file name
  ("sub/x.pdf" ~ "x.pdf"), else by name without a .pdf/.txt extension
  ("x" ~ "sub/x.pdf"). Run documents without gold are ignored. A gold document
  missing from the run, or whose file the run could not read (status error),
  counts all its required items as misses, and its own scores are 0 for
  every type (not 1.0 for a type with nothing to find: nothing was looked
  for). A gold folder none of whose documents is in the run is an error
  (EvalError), not a table of zeros: the gold and the run do not belong together.
- States and dates are sets per document (ISO3 codes; exact (start, end) pairs).
- ORG names and aliases are normalised by casefolding, dropping a leading
  "the " and removing every character that is not a letter or digit
  (punctuation and spacing). Required gold ORGs are paired with predictions by
  maximum bipartite matching (each gold ORG matched at most once). A prediction
  left unpaired that still matches some gold ORG (an optional one, or a
  required one already paired: the same organisation written another way) is
  neither TP nor FP. Exact duplicate prediction rows count once.
- Recommendations: words are casefolded runs of letters/digits; a prediction
  matches a gold item when the word sets overlap by >= 60% of the smaller set.
  Required gold items are paired greedily by best overlap, each at most once;
  an unpaired prediction that matches an optional item is ignored, any other
  unpaired prediction (including a second copy of a paired one) is an FP,
  because the contract says each gold item is matched at most once.
- With no predictions, precision is 1.0 when there was nothing to find
  (fn == 0) and 0.0 otherwise; with nothing to find, recall is 1.0 when
  nothing was predicted (fp == 0) and 0.0 otherwise. F1 is 0 when p + r == 0.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipeline.report.runfolder import read_table, read_text, run_documents

TYPES = ("states", "orgs", "dates", "recommendations")
REC_OVERLAP = 0.60          # share of the smaller word set two recommendations must share
_TEXT_EXTENSIONS = (".pdf", ".txt")


class GoldError(ValueError):
    """A gold file that does not follow the gold format; the message names the file."""


class EvalError(ValueError):
    """The gold and the run cannot be scored together; the message says why, in one line."""


# --------------------------------------------------------------------------- gold

@dataclass
class Gold:
    """One gold file: per type, required and optional items."""

    document: str
    path: Path
    states: tuple[set[str], set[str]]
    orgs: tuple[list[list[str]], list[list[str]]]
    dates: tuple[set[tuple[str, str]], set[tuple[str, str]]]
    recommendations: tuple[list[str], list[str]]


def _split(obj: dict, key: str, path: Path) -> tuple[list, list]:
    value = obj.get(key, {})
    if isinstance(value, list):          # a bare list is read as all-required
        return value, []
    if not isinstance(value, dict):
        raise GoldError(f"{path}: expected an object with 'required'/'optional' for '{key}', "
                        f"got {type(value).__name__}")
    req, opt = value.get("required", []), value.get("optional", [])
    for part, items in (("required", req), ("optional", opt)):
        if not isinstance(items, list):
            raise GoldError(f"{path}: expected a list for '{key}.{part}', got {items!r}")
    return req, opt


def _str_items(items: list, where: str, path: Path) -> list[str]:
    for item in items:
        if not isinstance(item, str):
            raise GoldError(f"{path}: expected strings in '{where}', got {item!r}")
    return [i.strip() for i in items]


def _org_items(items: list, where: str, path: Path) -> list[list[str]]:
    out = []
    for item in items:
        aliases = [item] if isinstance(item, str) else item
        if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) for a in aliases):
            raise GoldError(f"{path}: expected a list of alias strings in '{where}', got {item!r}")
        out.append(aliases)
    return out


def _date_items(items: list, where: str, path: Path) -> set[tuple[str, str]]:
    out = set()
    for item in items:
        if isinstance(item, str) and "/" in item:     # "start/end", as mentions.csv writes norms
            item = item.split("/", 1)
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
            raise GoldError(f"{path}: expected [start, end] string pairs in '{where}', got {item!r}")
        out.add((item[0].strip(), item[1].strip()))
    return out


def load_gold_file(path: Path) -> Gold:
    """Read and check one gold JSON file."""
    path = Path(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise GoldError(f"{path}: expected JSON, got invalid JSON (line {e.lineno}: {e.msg})") from None
    if not isinstance(obj, dict):
        raise GoldError(f"{path}: expected a JSON object, got {type(obj).__name__}")
    document = obj.get("document")
    if document is None:                 # fall back on the file name: x.gold.json -> x
        document = re.sub(r"(\.gold)?\.json$", "", path.name)
    if not isinstance(document, str) or not document:
        raise GoldError(f"{path}: expected a string for 'document', got {document!r}")
    s_req, s_opt = _split(obj, "states", path)
    o_req, o_opt = _split(obj, "orgs", path)
    d_req, d_opt = _split(obj, "dates", path)
    r_req, r_opt = _split(obj, "recommendations", path)
    return Gold(
        document=document, path=path,
        states=({s.upper() for s in _str_items(s_req, "states.required", path)},
                {s.upper() for s in _str_items(s_opt, "states.optional", path)}),
        orgs=(_org_items(o_req, "orgs.required", path), _org_items(o_opt, "orgs.optional", path)),
        dates=(_date_items(d_req, "dates.required", path), _date_items(d_opt, "dates.optional", path)),
        recommendations=(_str_items(r_req, "recommendations.required", path),
                         _str_items(r_opt, "recommendations.optional", path)),
    )


def load_gold(gold: Path) -> list[Gold]:
    """Every gold file in a folder (recursively, *.json), or a single gold file."""
    gold = Path(gold)
    if gold.is_file():
        return [load_gold_file(gold)]
    if not gold.is_dir():
        raise FileNotFoundError(f"{gold}: no such gold file or folder")
    golds = [load_gold_file(p) for p in sorted(gold.rglob("*.json"))]
    seen: dict[str, Path] = {}
    for g in golds:               # two files for one document: one would silently replace the other
        if g.document in seen:
            raise GoldError(f"{gold}: two gold files name the document {g.document}: {seen[g.document]} and {g.path}")
        seen[g.document] = g.path
    return golds


def _bare(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for ext in _TEXT_EXTENSIONS:
        if base.lower().endswith(ext):
            return base[: -len(ext)]
    return base


def match_documents(gold_docs: Iterable[str], run_docs: list[str]) -> dict[str, str | None]:
    """Pair each gold document name with a run document (see module docstring)."""
    taken: set[str] = set()
    pairs: dict[str, str | None] = {}
    tests = (lambda g, r: g == r,
             lambda g, r: g.rsplit("/", 1)[-1] == r.rsplit("/", 1)[-1],
             lambda g, r: _bare(g) == _bare(r))
    gold_docs = list(gold_docs)
    for g in gold_docs:
        pairs[g] = None
    for test in tests:                   # stricter tests claim run documents first
        for g in gold_docs:
            if pairs[g] is None:
                for r in run_docs:
                    if r not in taken and test(g, r):
                        pairs[g] = r
                        taken.add(r)
                        break
    return pairs


# --------------------------------------------------------------------------- matching

def norm_org(name: str) -> str:
    """ORG comparison key: casefold, drop a leading "the ", keep letters and digits only."""
    s = re.sub(r"^the\s+", "", (name or "").casefold().strip())
    return "".join(ch for ch in s if ch.isalnum())


def words(text: str) -> set[str]:
    """Recommendation word set: casefolded runs of letters and digits."""
    return set(re.findall(r"[^\W_]+", (text or "").casefold()))


def overlap(a: set[str], b: set[str]) -> float:
    """|a & b| / min(|a|, |b|); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _max_matching(edges: list[list[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths; sizes are tiny, so
    a library is not worth the dependency). edges[left] = right indices.
    Returns {left: right}."""
    match_right: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if match_right[right] is None or augment(match_right[right], seen):
                match_right[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return {left: right for right, left in enumerate(match_right) if left is not None}


@dataclass
class Outcome:
    """What matching one type in one document gave: matched pairs, misses, false positives."""

    tp: list[tuple[str, str]] = field(default_factory=list)   # (predicted, gold)
    fn: list[str] = field(default_factory=list)               # gold items not found
    fp: list[str] = field(default_factory=list)               # predictions not in gold
    fn_aliases: list[list[str]] = field(default_factory=list)  # ORG misses: all their aliases


def match_sets(pred: set, required: set, optional: set, show=str) -> Outcome:
    """States and dates: set comparison; optional items are ignored when predicted."""
    out = Outcome()
    for p in sorted(pred):
        if p in required:
            out.tp.append((show(p), show(p)))
        elif p not in optional:
            out.fp.append(show(p))
    out.fn = [show(g) for g in sorted(required - pred)]
    return out


def _org_label(name: str, acronym: str) -> str:
    return f"{name} ({acronym})" if acronym and norm_org(acronym) != norm_org(name) else name


def match_orgs(pred: list[tuple[str, str]], required: list[list[str]],
               optional: list[list[str]]) -> Outcome:
    """ORGs: (name, acronym) predictions against alias lists (module docstring)."""
    pred = list(dict.fromkeys(pred))
    req_keys = [{norm_org(a) for a in aliases} - {""} for aliases in required]
    opt_keys = [{norm_org(a) for a in aliases} - {""} for aliases in optional]

    def keys(p):
        return {norm_org(p[0]), norm_org(p[1])} - {""}

    edges = [[i for i, g in enumerate(req_keys) if keys(p) & g] for p in pred]
    pairs = _max_matching(edges, len(required))
    out = Outcome()
    for left, p in enumerate(pred):
        if left in pairs:
            out.tp.append((_org_label(*p), required[pairs[left]][0]))
        elif not edges[left] and not any(keys(p) & g for g in opt_keys):
            out.fp.append(_org_label(*p))
    matched = set(pairs.values())
    out.fn_aliases = [aliases for i, aliases in enumerate(required) if i not in matched]
    out.fn = [_org_label(a[0], next((x for x in a[1:] if x.isupper()), "")) for a in out.fn_aliases]
    return out


def match_recommendations(pred: list[str], required: list[str], optional: list[str]) -> Outcome:
    """Recommendations: greedy pairing by best word overlap (module docstring)."""
    pw = [words(p) for p in pred]
    rw = [words(g) for g in required]
    ow = [words(g) for g in optional]
    scored = sorted(((overlap(a, b), i, j) for i, a in enumerate(pw) for j, b in enumerate(rw)
                     if overlap(a, b) >= REC_OVERLAP), key=lambda t: (-t[0], t[1], t[2]))
    used_p: dict[int, int] = {}
    used_g: set[int] = set()
    for _, i, j in scored:
        if i not in used_p and j not in used_g:
            used_p[i] = j
            used_g.add(j)
    out = Outcome()
    for i, p in enumerate(pred):
        if i in used_p:
            out.tp.append((p, required[used_p[i]]))
        elif not any(overlap(pw[i], b) >= REC_OVERLAP for b in ow):
            out.fp.append(p)
    out.fn = [g for j, g in enumerate(required) if j not in used_g]
    return out


# --------------------------------------------------------------------------- scores

@dataclass
class Score:
    """Counts for one type; precision/recall/F1 follow the module docstring."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    absent: bool = False     # the document was not read in the run: every figure is 0

    @property
    def precision(self) -> float:
        if self.absent:
            return 0.0
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.absent:
            return 0.0
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Finding:
    """A miss (gold item not found) or a false positive, with a sentence to show it in."""

    type: str
    value: str
    sentence: str = ""

    def to_json(self) -> dict:
        return {"type": self.type, "value": self.value, "sentence": self.sentence}


@dataclass
class DocumentEval:
    """The scores of one gold document."""

    document: str                         # as named in the gold file
    run_document: str | None              # the run's document it was paired with
    gold_path: str
    scores: dict[str, Score]
    misses: list[Finding] = field(default_factory=list)
    false_positives: list[Finding] = field(default_factory=list)
    not_read: str = ""                    # why the run has nothing for it ("" when it was read)

    def to_json(self) -> dict:
        data = {"run_document": self.run_document, "gold": self.gold_path, "not_read": self.not_read}
        data.update({t: self.scores[t].to_json() for t in TYPES})
        data["misses"] = [f.to_json() for f in self.misses]
        data["false_positives"] = [f.to_json() for f in self.false_positives]
        return data


@dataclass
class EvalReport:
    """Micro-averaged scores per type plus the per-document breakdown."""

    totals: dict[str, Score]
    documents: list[DocumentEval]

    def to_json(self) -> dict:
        data: dict = {t: self.totals[t].to_json() for t in TYPES}
        data["documents"] = {d.document: d.to_json() for d in self.documents}
        return data

    def rich_tables(self, limit: int = 20) -> list:
        """rich renderables: the totals table, the per-document table and the findings."""
        from rich.markup import escape
        from rich.table import Table

        totals = Table(title="Quality (micro-averaged over gold documents)")
        for col in ("type", "precision", "recall", "F1", "TP", "FP", "FN"):
            totals.add_column(col, justify="left" if col == "type" else "right")
        for t in TYPES:
            s = self.totals[t]
            totals.add_row(t, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                           str(s.tp), str(s.fp), str(s.fn))
        per_doc = Table(title="Per document (F1, TP/FP/FN)")
        per_doc.add_column("document")
        for t in TYPES:
            per_doc.add_column(t, justify="right")
        for d in self.documents:
            name = escape(f"{d.document} ({d.not_read})" if d.not_read else d.document)
            per_doc.add_row(name, *(f"{d.scores[t].f1:.2f} {d.scores[t].tp}/{d.scores[t].fp}/{d.scores[t].fn}"
                                    for t in TYPES))
        out = [totals, per_doc]
        for d in self.documents:
            if not (d.misses or d.false_positives):
                continue
            table = Table(title=f"{d.document}: misses and false positives", show_lines=False)
            for col in ("kind", "type", "value", "sentence"):
                table.add_column(col, overflow="fold")
            shown = [("miss", f) for f in d.misses] + [("false positive", f) for f in d.false_positives]
            for kind, f in shown[:limit]:
                sentence = "" if f.sentence == f.value else _clip(f.sentence, 160)
                table.add_row(kind, f.type, f.value, sentence)
            if len(shown) > limit:
                table.caption = f"... and {len(shown) - limit} more (see --json)"
            out.append(table)
        return out

    def render_text(self, width: int = 120, limit: int = 20) -> str:
        """The report as plain text for a terminal."""
        from rich.console import Console

        console = Console(file=io.StringIO(), width=width, force_terminal=False, color_system=None)
        for renderable in self.rich_tables(limit=limit):
            console.print(renderable)
        return console.file.getvalue()


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- sentences

class _Context:
    """Finds a sentence to show a finding in: the mention's sentence from
    mentions.csv, else a sentence of the cleaned text containing the value."""

    def __init__(self, out_dir: Path, document: str | None, mentions: list[dict]):
        self.out_dir, self.document, self.mentions = out_dir, document, mentions
        self._text: str | None = None

    def mention(self, label: str, values: Iterable[str]) -> str:
        values = {v.casefold() for v in values if v}
        for m in self.mentions:
            if m.get("label") == label and (m.get("norm", "").casefold() in values
                                            or m.get("text", "").casefold() in values):
                return m.get("sentence", "")
        return ""

    def search(self, needles: Iterable[str]) -> str:
        if self.document is None:
            return ""
        if self._text is None:
            self._text = read_text(self.out_dir, self.document) or ""
        for needle in needles:
            if len(needle) < 2:
                continue
            m = re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", self._text, re.IGNORECASE)
            if m:
                start = max(self._text.rfind(". ", 0, m.start()) + 2, self._text.rfind("\n", 0, m.start()) + 1)
                ends = [e for e in (self._text.find(". ", m.end()), self._text.find("\n", m.end())) if e >= 0]
                end = min(ends) + 1 if ends else len(self._text)
                return self._text[start:end].strip()
        return ""


def _state_names(iso3: str) -> list[str]:
    try:
        import pycountry
        c = pycountry.countries.get(alpha_3=iso3)
    except (ImportError, LookupError, KeyError):
        return []
    if c is None:
        return []
    return [n for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)) if n]


def _findings(type_: str, outcome: Outcome, ctx: _Context) -> tuple[list[Finding], list[Finding]]:
    misses, fps = [], []
    for k, v in enumerate(outcome.fn):
        if type_ == "states":
            sentence = ctx.search(_state_names(v))
        elif type_ == "orgs":
            sentence = ctx.search(sorted(outcome.fn_aliases[k], key=len, reverse=True))
        elif type_ == "dates":
            sentence = ctx.mention("DATE", [v.replace(" / ", "/")])
        else:
            sentence = v
        misses.append(Finding(type_, v, sentence))
    for v in outcome.fp:
        if type_ == "states":
            sentence = ctx.mention("STATE", [v])
        elif type_ == "orgs":
            name, _, acr = v.partition(" (")
            sentence = ctx.mention("ORG", [name, acr.rstrip(")")]) or ctx.search([name])
        elif type_ == "dates":
            sentence = ctx.mention("DATE", [v.replace(" / ", "/")])
        else:
            sentence = v
        fps.append(Finding(type_, v, sentence))
    return misses, fps


# --------------------------------------------------------------------------- entry point

def _examples(names: Iterable[str], n: int = 3) -> str:
    names = list(names)
    shown = ", ".join(repr(x) for x in names[:n])
    return shown + (f" and {len(names) - n} more" if len(names) > n else "") if names else "none"


def _by_document(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row.get("document", ""), []).append(row)
    return out


def evaluate(gold_dir: Path, out_dir: Path) -> EvalReport:
    """Score the run in `out_dir` against the gold files in `gold_dir` (a folder or one file)."""
    out_dir = Path(out_dir)
    golds = load_gold(gold_dir)
    if not golds:
        raise EvalError(f"no gold files (*.json) in {gold_dir}")
    run_docs = run_documents(out_dir)
    pairs = match_documents([g.document for g in golds], run_docs)
    if not any(pairs.values()):
        raise EvalError(f"none of the {len(golds)} gold document(s) in {gold_dir} is a document of the run "
                        f"in {out_dir} (gold names {_examples(g.document for g in golds)}; "
                        f"run names {_examples(run_docs)})")
    failed = {r["document"]: r.get("error", "") or "failed" for r in read_table(out_dir, "documents")
              if r.get("status", "ok") != "ok"}
    tables = {name: _by_document(read_table(out_dir, name))
              for name in ("states", "organizations", "dates", "recommendations", "mentions")}
    totals = {t: Score() for t in TYPES}
    documents = []
    for gold in golds:
        run_doc = pairs[gold.document]

        def rows(table):
            return tables[table].get(run_doc, []) if run_doc is not None else []

        show_date = lambda d: f"{d[0]} / {d[1]}"   # noqa: E731 - one-line formatter
        outcomes = {
            "states": match_sets({r["iso3"].strip().upper() for r in rows("states") if r.get("iso3", "").strip()},
                                 *gold.states),
            "orgs": match_orgs([(r.get("name", "").strip(), r.get("acronym", "").strip()) for r in rows("organizations")
                                if r.get("name", "").strip() or r.get("acronym", "").strip()], *gold.orgs),
            "dates": match_sets({(r.get("start", "").strip(), r.get("end", "").strip()) for r in rows("dates")
                                 if r.get("start", "").strip() or r.get("end", "").strip()},
                                gold.dates[0], gold.dates[1], show=show_date),
            "recommendations": match_recommendations([r.get("text", "") for r in rows("recommendations")
                                                      if r.get("text", "").strip()], *gold.recommendations),
        }
        ctx = _Context(out_dir, run_doc, rows("mentions"))
        not_read = "not in run" if run_doc is None else (f"not read in the run: {failed[run_doc]}"
                                                         if run_doc in failed else "")
        doc_eval = DocumentEval(gold.document, run_doc, str(gold.path), {}, not_read=not_read)
        for t, o in outcomes.items():
            score = Score(len(o.tp), len(o.fp), len(o.fn), absent=bool(not_read))
            doc_eval.scores[t] = score
            totals[t].add(score)
            misses, fps = _findings(t, o, ctx)
            doc_eval.misses += misses
            doc_eval.false_positives += fps
        documents.append(doc_eval)
    return EvalReport(totals, documents)
