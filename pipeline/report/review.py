"""Write OUT/review.html: one self-contained page for reviewing a run.

The page shows, per document, the cleaned text with entity mentions marked in
displaCy's style (a coloured <mark> with its label; the title shows norm and
source) and recommendation sentences highlighted; the tables with a filter box
each, every row linking to its place in the text; a documents summary; and,
given gold, the evaluate() figures. CSS and JS are inline (pipeline/report/templates/
review.html) and a Content-Security-Policy forbids any external request.

displaCy itself is not used: it renders one Doc and cannot nest recommendation
spans, anchors and links to tables, so the marks are written here.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pipeline.report.evaluate import TYPES, EvalReport, evaluate
from pipeline.report.runfolder import read_table, read_text, run_documents

TABLES = ("states", "organizations", "dates", "recommendations", "mentions")
TEXT_OPEN_UP_TO = 3          # documents whose text is shown open when the run is this small
LONG_COLUMNS = {"text", "sentence", "title", "error", "name"}
ROW_LIMIT = 500             # table rows drawn at once; the filter reaches all of them
NUMERIC_COLUMNS = {"pages", "page", "first_page", "mentions", "start", "end"}


def esc(value: object) -> str:
    """HTML-escape text and attribute values (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


@dataclass
class Mark:
    """A span of a document's text to highlight."""

    start: int
    end: int
    anchor: str
    kind: str                 # "ent" or "rec"
    label: str = ""
    title: str = ""


def select_marks(text: str, mentions: list[dict], recs: list[dict], doc_id: str
                 ) -> tuple[list[Mark], list[Mark], dict[int, str], dict[int, str], int]:
    """Choose the marks that can be drawn: entity marks that do not overlap (longest first
    at a position) and recommendation spans, widened so no entity mark crosses their edge.
    Returns (entity marks, rec marks, {mention row index: anchor}, {rec row index: anchor},
    number of mentions whose offsets do not fit the text)."""
    n = len(text)
    bad = 0
    cands = []
    for i, m in enumerate(mentions):
        s, e = _int(m.get("start")), _int(m.get("end"))
        if s is None or e is None or not 0 <= s < e <= n:
            bad += 1
            continue
        cands.append((s, e, i, m))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    ents: list[Mark] = []
    ent_anchor: dict[int, str] = {}
    for s, e, i, m in cands:
        if ents and s < ents[-1].end:          # overlaps the previous mark: link to that one
            ent_anchor[i] = ents[-1].anchor
            continue
        label = m.get("label", "") or "?"
        title = " · ".join(x for x in (label, m.get("norm", ""), m.get("source", "")) if x)
        ents.append(Mark(s, e, f"{doc_id}-m-{s}", "ent", label, title))
        ent_anchor[i] = ents[-1].anchor

    rec_cands = []
    for i, r in enumerate(recs):
        s, e = _int(r.get("start")), _int(r.get("end"))
        if s is None or e is None or not 0 <= s < e <= n:
            found = text.find(r.get("text", "")) if r.get("text") else -1
            if found < 0:
                continue
            s, e = found, found + len(r["text"])
        for m in ents:                          # widen past an entity mark that crosses an edge
            if m.start < s < m.end:
                s = m.start
            if m.start < e < m.end:
                e = m.end
        rec_cands.append((s, e, i, r))
    rec_cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    rec_marks: list[Mark] = []
    rec_anchor: dict[int, str] = {}
    for s, e, i, r in rec_cands:
        if rec_marks and s < rec_marks[-1].end:
            rec_anchor[i] = rec_marks[-1].anchor
            continue
        title = " · ".join(f"{k}: {r[k]}" for k in ("actor", "cue", "by", "section") if r.get(k))
        rec_marks.append(Mark(s, e, f"{doc_id}-r-{s}", "rec", r.get("cue", ""), title))
        rec_anchor[i] = rec_marks[-1].anchor
    return ents, rec_marks, ent_anchor, rec_anchor, bad


def render_text_html(text: str, ents: list[Mark], recs: list[Mark]) -> str:
    """The text as HTML with entity <mark>s nested inside recommendation <span>s."""
    out: list[str] = []
    idx = 0

    def plain(a: int, b: int) -> None:
        nonlocal idx
        while idx < len(ents) and ents[idx].end <= b:
            m = ents[idx]
            out.append(esc(text[a:m.start]))
            out.append(f'<mark class="ent ent-{esc(m.label)}" id="{esc(m.anchor)}" data-label="{esc(m.label)}" '
                       f'title="{esc(m.title)}">{esc(text[m.start:m.end])}'
                       f'<span class="ent-label" aria-hidden="true">{esc(m.label)}</span></mark>')
            a = m.end
            idx += 1
        out.append(esc(text[a:b]))

    cursor = 0
    for r in recs:
        plain(cursor, r.start)
        badge = f"REC · {r.label}" if r.label else "REC"
        out.append(f'<span class="rec" id="{esc(r.anchor)}" title="{esc(r.title)}">'
                   f'<span class="rec-badge" aria-hidden="true">{esc(badge)}</span>')
        plain(r.start, r.end)
        out.append("</span>")
        cursor = r.end
    plain(cursor, len(text))
    return "".join(out)


def _mention_index(mentions: list[dict]) -> dict[tuple[str, str], int]:
    """{(label, casefolded norm or text): index of the earliest such mention} for one document."""
    index: dict[tuple[str, str], int] = {}
    order = sorted(range(len(mentions)), key=lambda i: _int(mentions[i].get("start")) or 0)
    for i in order:
        m = mentions[i]
        for value in (m.get("norm", ""), m.get("text", "")):
            if value:
                index.setdefault((m.get("label", ""), value.casefold()), i)
    return index


def _cell_class(column: str) -> str:
    return "long" if column in LONG_COLUMNS else "num" if column in NUMERIC_COLUMNS else ""


def _row_html(row: list, classes: list[str]) -> str:
    """One table row from [document, anchor, link text, cells, row class]; mirrors rowHtml() in the page's JS."""
    doc, target, link, cells, row_class = row
    cls = f' class="{esc(row_class)}"' if row_class else ""
    tds = "".join(f'<td class="{c}">{esc(v)}</td>' for c, v in zip(classes[1:], cells))
    return (f'<tr data-doc="{esc(doc)}"{cls}><td><a class="jump" href="#{esc(target)}">{esc(link)}</a></td>'
            f"{tds}</tr>")


def _json_script(element_id: str, data: object) -> str:
    """Data for the page's JS; "<" is written as \\u003c so no text can close the <script>."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{esc(element_id)}">{payload}</script>'


def filter_table(section_id: str, title: str, name: str, columns: list[str], rows: list[list],
                 documents: list[str] | None) -> str:
    """A table section with a filter box (and a document menu). The first ROW_LIMIT rows are
    written as HTML; all rows go in a JSON block that the page's JS filters and redraws, because
    a browser takes minutes to lay out a table of tens of thousands of rows."""
    classes = [""] + [_cell_class(c) for c in columns[1:]]
    head = "".join(f'<th class="{c}">{esc(col)}</th>' for c, col in zip(classes, columns))
    shown = "".join(_row_html(r, classes) for r in rows[:ROW_LIMIT])
    count = f"{len(rows)} of {len(rows)} rows" + (
        f" (showing the first {ROW_LIMIT}; type to narrow)" if len(rows) > ROW_LIMIT else "")
    menu = ""
    if documents is not None:
        menu = ('<select class="filter-doc" aria-label="Document"><option value="">All documents</option>'
                + "".join(f'<option value="{esc(d)}">{esc(d)}</option>' for d in documents) + "</select>")
    table = (f'<div class="scroll"><table class="data" data-table="{esc(name)}"><thead><tr>{head}</tr></thead>'
             f"<tbody>{shown}</tbody></table></div>{_json_script(f'data-{section_id}', rows)}"
             if rows else '<p class="empty">No rows.</p>')
    return (f'<section id="{esc(section_id)}" class="filterable" data-source="data-{esc(section_id)}" '
            f'data-limit="{ROW_LIMIT}" data-rows="{len(rows)}"><h2>{esc(title)} ({len(rows)})</h2><div class="filters">'
            f'<input type="search" class="filter-text" placeholder="Filter {esc(name)}…" aria-label="Filter {esc(name)}">'
            f'{menu}<span class="count">{count}</span></div>{table}</section>')


class _Page:
    """Builds the HTML body from the run's tables."""

    def __init__(self, out_dir: Path, report: EvalReport | None):
        self.out_dir = out_dir
        self.report = report
        self.docs = run_documents(out_dir)
        self.doc_id = {d: f"doc-{i}" for i, d in enumerate(self.docs, 1)}
        self.tables = {name: read_table(out_dir, name) for name in ("documents",) + TABLES}
        self.by_doc: dict[str, dict[str, list[dict]]] = {name: {} for name in TABLES}
        for name in TABLES:
            for row in self.tables[name]:
                self.by_doc[name].setdefault(row.get("document", ""), []).append(row)
        self.mention_anchor: dict[int, str] = {}   # id(row) -> anchor
        self.rec_anchor: dict[int, str] = {}
        self.mention_index: dict[str, dict[tuple[str, str], int]] = {}
        self.info = {r.get("document", ""): r for r in self.tables["documents"]}
        self.articles = [self._article(d) for d in self.docs]   # fills the anchors

    # ---- documents' texts
    def _article(self, doc: str) -> str:
        did = self.doc_id[doc]
        info = self.info.get(doc, {})
        mentions = self.by_doc["mentions"].get(doc, [])
        recs = self.by_doc["recommendations"].get(doc, [])
        text = read_text(self.out_dir, doc)
        parts = [f'<article class="doc" id="{did}"><h3>{esc(doc)}</h3>']
        bits = [f'<span class="status-{esc(info.get("status", "ok") or "ok")}">{esc(info.get("status", ""))}</span>'
                if info.get("status") else "",
                esc(info.get("title", "")), f'{esc(info["pages"])} pages' if info.get("pages") else "",
                f"{len(mentions)} mentions", f"{len(recs)} recommendations"]
        parts.append(f'<p class="info">{" · ".join(b for b in bits if b)}</p>')
        if info.get("error"):
            parts.append(f'<p class="warn">Error: {esc(info["error"])}</p>')
        parts.append(self._findings(doc))
        if text is None:
            parts.append('<p class="empty">No text file in the output (text/&lt;document&gt;.txt).</p>')
        else:
            ents, rec_marks, ent_anchor, rec_anchor, bad = select_marks(text, mentions, recs, did)
            for i, m in enumerate(mentions):
                self.mention_anchor[id(m)] = ent_anchor.get(i, did)
            for i, r in enumerate(recs):
                self.rec_anchor[id(r)] = rec_anchor.get(i, did)
            mismatched = sum(1 for m in mentions if _int(m.get("start")) is not None and _int(m.get("end")) is not None
                             and m.get("text") and text[_int(m["start"]):_int(m["end"])] != m["text"])
            if bad or mismatched:
                parts.append(f'<p class="warn">Offsets: {bad} mention(s) fall outside the text, {mismatched} '
                             f'do not match the text at their offsets.</p>')
            is_open = " open" if len(self.docs) <= TEXT_OPEN_UP_TO else ""
            parts.append(f'<details class="doc-text"{is_open}><summary>Text ({len(text):,} characters, '
                         f'{len(ents)} marks, {len(rec_marks)} recommendations)</summary>'
                         f'<div class="text">{render_text_html(text, ents, rec_marks)}</div></details>')
        parts.append("</article>")
        return "".join(parts)

    def _findings(self, doc: str) -> str:
        if self.report is None:
            return ""
        d = next((d for d in self.report.documents if d.run_document == doc), None)
        if d is None:
            return ""
        items = [("miss", "kind-miss", f) for f in d.misses] + [("false positive", "kind-fp", f)
                                                                 for f in d.false_positives]
        scores = " · ".join(f"{t} F1 {d.scores[t].f1:.2f}" for t in TYPES)
        if not items:
            return f'<p class="info">Quality: {esc(scores)} (no misses or false positives)</p>'
        lis = "".join(f'<li><span class="{cls}">{esc(kind)}</span> {esc(f.type)}: <b>{esc(f.value)}</b>'
                      + (f' — <i>{esc(f.sentence)}</i>' if f.sentence and f.sentence != f.value else "") + "</li>"
                      for kind, cls, f in items)
        return (f'<details class="findings"><summary>Quality: {esc(scores)} — {len(d.misses)} misses, '
                f'{len(d.false_positives)} false positives</summary><ul class="findings">{lis}</ul></details>')

    # ---- tables
    def _link(self, row: dict, table: str) -> tuple[str, str]:
        """(anchor id, link text) of the place in the text a table row points to."""
        doc = row.get("document", "")
        did = self.doc_id.get(doc, "")
        mentions = self.by_doc["mentions"].get(doc, [])
        target = did
        if table == "mentions":
            target = self.mention_anchor.get(id(row), did)
        elif table == "recommendations":
            target = self.rec_anchor.get(id(row), did)
        else:
            label, values = {
                "states": ("STATE", {row.get("iso3", "")}),
                "organizations": ("ORG", {row.get("name", ""), row.get("acronym", "")}),
                "dates": ("DATE", {f'{row.get("start", "")}/{row.get("end", "")}', row.get("text", "")}),
            }[table]
            index = self.mention_index.get(doc)
            if index is None:
                index = self.mention_index[doc] = _mention_index(mentions)
            found = [index[(label, v.casefold())] for v in values if v and (label, v.casefold()) in index]
            if found:
                i = min(found, key=lambda k: _int(mentions[k].get("start")) or 0)
                target = self.mention_anchor.get(id(mentions[i]), did)
        page = row.get("page") or row.get("first_page")
        return target, (f"p. {page} ↗" if page else "text ↗")

    def table_section(self, name: str) -> str:
        rows = self.tables[name]
        cols = list(rows[0].keys()) if rows else []
        data = [[row.get("document", ""), *self._link(row, name), [row.get(c, "") for c in cols], ""]
                for row in rows]
        options = [d for d in self.docs if self.by_doc[name].get(d)]
        return filter_table(f"table-{name}", name.capitalize(), name, ["where"] + cols, data, options)

    def documents_section(self) -> str:
        data = []
        for doc in self.docs:
            info = self.info.get(doc, {})
            status = info.get("status", "")
            n = [str(len(self.by_doc[t].get(doc, []))) for t in ("states", "organizations", "dates", "recommendations")]
            # the note's language, and its parts' for a bilingual note read in parts
            parts = [w.split(": ", 1)[1] for w in info.get("warnings", "").split("; ") if w.startswith("bilingual")]
            language = info.get("language", "") + (f" ({parts[0]})" if parts else "")
            data.append([doc, self.doc_id[doc], doc,
                         [status, info.get("error", ""), info.get("pages", ""), language, info.get("title", ""), *n],
                         "error" if status == "error" else ""])
        cols = ["document", "status", "error", "pages", "language", "title", "states", "orgs", "dates", "recs"]
        return filter_table("documents", "Documents", "documents", cols, data, None)

    def quality_section(self) -> str:
        if self.report is None:
            return ""
        rows = "".join(f"<tr><td>{t}</td>" + "".join(f'<td class="num">{v}</td>' for v in (
            f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", s.tp, s.fp, s.fn)) + "</tr>"
            for t, s in self.report.totals.items())
        per_doc = "".join(
            f'<tr><td>{(f"<a class=jump href=#{self.doc_id[d.run_document]}>{esc(d.document)}</a>" if d.run_document in self.doc_id else esc(d.document) + " <i>(not in run)</i>")}</td>'
            + "".join(f'<td class="num">{d.scores[t].f1:.2f} ({d.scores[t].tp}/{d.scores[t].fp}/{d.scores[t].fn})</td>'
                      for t in TYPES) + "</tr>" for d in self.report.documents)
        head = "".join(f'<th class="num">{h}</th>' for h in ("precision", "recall", "F1", "TP", "FP", "FN"))
        return (f'<section id="quality" class="quality"><h2>Quality against gold</h2>'
                f'<table><thead><tr><th>type</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
                f'<h2 style="margin-top:1rem">Per document: F1 (TP/FP/FN)</h2><table><thead><tr><th>document</th>'
                + "".join(f'<th class="num">{t}</th>' for t in TYPES)
                + f"</tr></thead><tbody>{per_doc}</tbody></table></section>")

    def body(self) -> str:
        nav = [("documents", "Documents")] + ([("quality", "Quality")] if self.report else []) + \
              [(f"table-{t}", t.capitalize()) for t in TABLES] + [("texts", "Texts")]
        n_ok = sum(1 for r in self.tables["documents"] if r.get("status") == "ok")
        n_err = sum(1 for r in self.tables["documents"] if r.get("status") == "error")
        header = (f'<header><h1>unnotes review</h1><span class="meta">{esc(self.out_dir)} · {len(self.docs)} documents '
                  f'({n_ok} ok, {n_err} error)</span><nav>'
                  + "".join(f'<a href="#{a}">{esc(t)}</a>' for a, t in nav) + "</nav></header>")
        legend = ('<div class="legend">Legend: '
                  + "".join(f'<mark class="ent ent-{lab}">{lab.title()}<span class="ent-label">{lab}</span></mark>'
                            for lab in ("STATE", "ORG", "DATE", "REFERENCE"))
                  + '<span class="rec"><span class="rec-badge">REC · cue</span>recommendation</span>'
                  + " · hover a mark for its norm and source</div>")
        texts = (f'<section id="texts"><h2>Texts</h2>{legend}{"".join(self.articles)}</section>')
        return (header + "<main>" + self.documents_section() + self.quality_section()
                + "".join(self.table_section(t) for t in TABLES) + texts + "</main>")


def render_review(out_dir: Path, gold_dir: Path | None = None) -> str:
    """The review page for the run in `out_dir` as an HTML string."""
    out_dir = Path(out_dir)
    report = evaluate(gold_dir, out_dir) if gold_dir is not None else None
    page = _Page(out_dir, report)
    template = resources.files("pipeline.report").joinpath("templates/review.html").read_text(encoding="utf-8")
    title = f"unnotes review — {out_dir.name or out_dir}"
    before, after = template.split("{{BODY}}", 1)
    return before.replace("{{TITLE}}", esc(title)) + page.body() + after


def write_review(out_dir: Path, gold_dir: Path | None = None) -> Path:
    """Write OUT/review.html (see module docstring) and return its path."""
    out_dir = Path(out_dir)
    path = out_dir / "review.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_review(out_dir, gold_dir), encoding="utf-8")
    tmp.replace(path)
    return path
