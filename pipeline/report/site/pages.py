"""The review site's pages as HTML strings, built from a `Corpus`.

- review.html (the entry page, in OUT/): overview (counts, errors and warnings
  with their reasons, timeline of meetings, States by number of notes, who
  recommends to whom), and the documents, States, organizations and meetings tables;
- review/doc-<n>.html: one document, its findings and its marked text (the
  text is only loaded when the page is opened);
- review/state-<ISO3>.html, review/org-<n>.html: one State or organization
  across the corpus;
- review/<table>.html: the long per-row tables (recommendations, mentions,
  dates, references).

Tables are JSON for review.js (sortable, filterable, drawn lazily, no row cut)."""

from __future__ import annotations

import json
import re
from importlib import resources

from pipeline.report.evaluate import TYPES, EvalReport
from pipeline.report.site.charts import bar_chart, timeline
from pipeline.report.site.corpus import Corpus, Entity, page_number, sorted_entities
from pipeline.report.site.marks import esc, render_text_html, select_marks

SITE = "review"              # folder of the pages, beside review.html
TOP_STATES = 25              # bars in the overview's States chart
TOP_PAIRS = 15               # bars in the overview's by -> actor chart
TABLE_PAGES = ("recommendations", "mentions", "dates", "references")
PART_ROWS = 5000             # a corpus-wide table longer than this comes in parts: review/data/<table>-<n>.js


def template(name: str) -> str:
    return resources.files("pipeline.report").joinpath(f"templates/site/{name}").read_text(encoding="utf-8")


def json_script(element_id: str, data: object) -> str:
    """Data for review.js; "<" written as \\u003c so no text can close the <script>."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{esc(element_id)}">{payload}</script>'


def data_table(element_id: str, name: str, cols: list[tuple[str, str]], rows: list[list],
               doc_col: int = -1, classes: list[str] | None = None, parts: dict[str, str] | None = None) -> str:
    """A table for review.js. With `parts` (a dict the caller writes to review/data/), a table
    longer than PART_ROWS keeps its first PART_ROWS rows in the page and the rest in script files
    the page loads one after another once drawn (a <script src> works from file://, fetch() does
    not), so a 200,000-row table opens at once and fills in behind."""
    spec = {"cols": cols, "rows": rows, "doc": doc_col}
    if classes and any(classes):
        spec["cls"] = classes
    if parts is not None and len(rows) > PART_ROWS:
        spec["rows"], spec["total"], spec["parts"] = rows[:PART_ROWS], len(rows), []
        for n, k in enumerate(range(PART_ROWS, len(rows), PART_ROWS), 1):
            file = f"data/{element_id}-{n}.js"
            payload = json.dumps(rows[k:k + PART_ROWS], ensure_ascii=False, separators=(",", ":"))
            parts[file] = f"unnotesRows({json.dumps(element_id)},{payload});\n"
            spec["parts"].append(file)
    return (f'<div class="dtable" data-name="{esc(name)}" data-src="{esc(element_id)}" data-rows="{len(rows)}"></div>'
            + json_script(element_id, spec))


def section(section_id: str, title: str, inner: str, sub: str = "") -> str:
    return (f'<section id="{esc(section_id)}"><h2>{esc(title)}</h2>'
            + (f'<p class="sub">{sub}</p>' if sub else "") + inner + "</section>")


def page(title: str, body: str, assets: str) -> str:
    shell = template("page.html")
    before, after = shell.split("{{BODY}}", 1)
    return before.replace("{{TITLE}}", esc(title)).replace("{{ASSETS}}", assets) + body + \
        after.replace("{{ASSETS}}", assets)


class Site:
    """Builds every page; `prefix` is how review.html reaches the pages ("review/")."""

    def __init__(self, corpus: Corpus, report: EvalReport | None):
        self.c = corpus
        self.report = report
        self.mention_anchor: dict[int, str] = {}     # id(mention row) -> anchor on its doc page
        self.rec_anchor: dict[int, str] = {}
        self.first_anchor: dict[tuple[str, str, str], str] = {}   # (doc, label, norm) -> anchor

    # ---- links (relative to a page inside review/; `up` adds the prefix for review.html)
    def doc_href(self, doc: str, anchor: str = "") -> str:
        return self.c.doc_page.get(doc, "") + (f"#{anchor}" if anchor else "")

    def mention_href(self, m: dict) -> str:
        return self.doc_href(m.get("document", ""), self.mention_anchor.get(id(m), ""))

    def rec_href(self, r: dict) -> str:
        return self.doc_href(r.get("document", ""), self.rec_anchor.get(id(r), ""))

    def entity_link(self, phrase: str, prefix: str = "") -> list:
        e = self.c.resolve(phrase)
        return [phrase, prefix + e.page] if e else [phrase, ""]

    def header(self, prefix: str, here: str) -> str:
        home = "../review.html" if prefix == "" else "review.html"
        links = [(home + "#overview", "Overview"), (home + "#documents", "Documents"), (home + "#states", "States"),
                 (home + "#organizations", "Organizations"), (home + "#meetings", "Meetings")]
        links += [(f"{prefix}{t}.html", t.capitalize()) for t in TABLE_PAGES]
        c = self.c
        n_err = sum(1 for d in c.docs if c.info.get(d, {}).get("status") == "error")
        return (f'<header><h1><a class="home" href="{home}">unnotes review</a></h1><span class="meta">'
                f'{esc(c.out_dir.name or c.out_dir)} · {len(c.docs)} documents ({n_err} error) · {esc(here)}</span><nav>'
                + "".join(f'<a href="{esc(h)}">{esc(t)}</a>' for h, t in links) + "</nav></header>")

    # ---- document pages (built first: they fix the anchors every other page links to)
    def document_page(self, doc: str) -> str:
        c = self.c
        info = c.info.get(doc, {})
        mentions = c.by_doc["mentions"].get(doc, [])
        recs = c.by_doc["recommendations"].get(doc, [])
        from pipeline.report.runfolder import read_text

        text = read_text(c.out_dir, doc)
        parts = [f'<h2 class="doc-title">{esc(doc)}</h2>']
        flags = c.doc_flags(doc)
        facts = [f'status: {esc(info.get("status", ""))}', f'{esc(info.get("pages", ""))} pages',
                 f'title: {esc(info.get("title", ""))}' if info.get("title") else "",
                 f'symbol: {esc(info.get("symbol", ""))}' if info.get("symbol") else "",
                 f'issued: {esc(info.get("issued", ""))}' if info.get("issued") else "",
                 f'language: {esc(info.get("language", ""))}' if info.get("language") else ""]
        parts.append('<p class="info">' + " · ".join(f for f in facts if f) + "</p>")
        if info.get("duplicate_of"):
            parts.append(f'<p><span class="badge badge-dup">duplicate</span> same bytes as '
                         f'<a href="{esc(self.doc_href(info["duplicate_of"]))}">{esc(info["duplicate_of"])}</a>; '
                         f'its findings are listed there.</p>')
        if flags:
            parts.append('<p class="flags">' + " ".join(f'<span class="badge badge-{k}">{esc(t)}</span>'
                                                       for k, t in flags) + "</p>")
        parts.append(self._quality(doc))
        text_html = ""
        if text is not None:
            ents, rec_marks, ent_anchor, rec_anchor, bad = select_marks(text, mentions, recs, "")
            for i, m in enumerate(mentions):
                anchor = ent_anchor.get(i, "")
                self.mention_anchor[id(m)] = anchor
                self.first_anchor.setdefault((doc, m.get("label", ""), m.get("norm", "")), anchor)
            for i, r in enumerate(recs):
                self.rec_anchor[id(r)] = rec_anchor.get(i, "")
            legend = ('<div class="legend">Legend: ' + "".join(
                f'<mark class="ent ent-{lab}">{lab.title()}<span class="ent-label">{lab}</span></mark>'
                for lab in ("STATE", "ORG", "DATE", "REFERENCE"))
                + '<span class="rec"><span class="rec-badge">REC · cue</span>recommendation</span>'
                + " · hover a mark for its norm and source</div>")
            warn = (f'<p class="warn">Offsets: {bad} mention(s) fall outside the text.</p>' if bad else "")
            text_html = section("text", f"Text ({len(text):,} characters, {len(ents)} marks, "
                                f"{len(rec_marks)} recommendations)",
                                legend + warn + f'<div class="text">{render_text_html(text, ents, rec_marks)}</div>')
        elif info.get("status") == "ok" and not info.get("duplicate_of"):
            text_html = section("text", "Text", '<p class="empty">No text file in the output '
                                '(text/&lt;document&gt;.txt).</p>')
        tables = self._doc_tables(doc)
        jumps = ([("text", "Text")] if text_html else []) + re.findall(r'<section id="(d-[a-z]+)"><h2>([^<]*)</h2>', tables)
        if jumps:
            parts.append('<p class="jump-to">Jump to: ' + "".join(f'<a href="#{a}">{t}</a>' for a, t in jumps) + "</p>")
        parts.append(text_html)
        parts.append(tables)
        return "<main>" + "".join(parts) + "</main>"

    def _quality(self, doc: str) -> str:
        if self.report is None:
            return ""
        d = next((d for d in self.report.documents if d.run_document == doc), None)
        if d is None:
            return ""
        items = [("miss", "kind-miss", f) for f in d.misses] + [("false positive", "kind-fp", f)
                                                                 for f in d.false_positives]
        scores = " · ".join(f"{t} F1 {d.scores[t].f1:.2f}" for t in TYPES)
        lis = "".join(f'<li><span class="{cls}">{esc(kind)}</span> {esc(f.type)}: <b>{esc(f.value)}</b>'
                      + (f' — <i>{esc(f.sentence)}</i>' if f.sentence and f.sentence != f.value else "") + "</li>"
                      for kind, cls, f in items)
        return (f'<details class="findings"><summary>Quality: {esc(scores)} — {len(d.misses)} misses, '
                f'{len(d.false_positives)} false positives</summary><ul class="findings">{lis}</ul></details>')

    def _doc_tables(self, doc: str) -> str:
        c, out = self.c, []
        states = c.by_doc["states"].get(doc, [])
        if states:
            rows = [[[r.get("name", ""), c.states[r["iso3"]].page if r.get("iso3") in c.states else ""],
                     r.get("iso3", ""), r.get("role", ""), page_number(r.get("mentions")),
                     [f'p. {r.get("first_page", "")}', "#" + self.first_anchor.get((doc, "STATE", r.get("iso3", "")), "")]]
                    for r in states]
            out.append(section("d-states", f"States ({len(rows)})", data_table(
                "t-d-states", "States", [("State", "link"), ("iso3", "text"), ("role", "text"),
                                         ("mentions", "num"), ("first", "link")], rows)))
        orgs = c.by_doc["organizations"].get(doc, [])
        if orgs:
            rows = [[[r.get("name", ""), c.orgs[r["name"]].page if r.get("name") in c.orgs else ""],
                     r.get("acronym", ""), page_number(r.get("mentions")),
                     [f'p. {r.get("first_page", "")}', "#" + self.first_anchor.get((doc, "ORG", r.get("name", "")), "")]]
                    for r in orgs]
            out.append(section("d-orgs", f"Organizations ({len(rows)})", data_table(
                "t-d-orgs", "organizations", [("organization", "link"), ("acronym", "text"), ("mentions", "num"),
                                              ("first", "link")], rows)))
        meetings = c.by_doc["meetings"].get(doc, [])
        if meetings:
            rows = [[m.get("name", ""), m.get("venue", ""), m.get("country", ""), m.get("start", ""), m.get("end", ""),
                     m.get("organizers", ""), page_number(m.get("page")), m.get("source", "")] for m in meetings]
            out.append(section("d-meetings", f"Meetings ({len(rows)})", data_table(
                "t-d-meetings", "meetings", [("name", "long"), ("venue", "text"), ("country", "text"),
                                             ("start", "text"), ("end", "text"), ("organizers", "long"),
                                             ("page", "num"), ("source", "text")], rows)))
        recs = c.by_doc["recommendations"].get(doc, [])
        if recs:
            rows = [[[f'p. {r.get("page", "")}', "#" + self.rec_anchor.get(id(r), "")], r.get("text", ""),
                     self.entity_link(r.get("by", "")), self.entity_link(r.get("actor", "")), r.get("cue", ""),
                     r.get("section", "")] for r in recs]
            out.append(section("d-recs", f"Recommendations ({len(rows)})", data_table(
                "t-d-recs", "recommendations", [("where", "link"), ("text", "long"), ("by", "link"),
                                                ("actor", "link"), ("cue", "text"), ("section", "text")], rows)))
        mentions = c.by_doc["mentions"].get(doc, [])
        if mentions:
            rows = [[[f'p. {m.get("page", "")}', "#" + self.mention_anchor.get(id(m), "")], m.get("label", ""),
                     m.get("text", ""), m.get("norm", ""), m.get("source", "")] for m in mentions]
            out.append(section("d-mentions", f"Mentions ({len(rows)})", data_table(
                "t-d-mentions", "mentions", [("where", "link"), ("label", "text"), ("text", "text"),
                                             ("norm", "text"), ("source", "text")], rows)))
        return "".join(out)

    # ---- entity pages
    def entity_page(self, e: Entity) -> str:
        c = self.c
        kind = "State" if e.kind == "state" else "Organization"
        title = f"{e.name} ({e.key})" if e.kind == "state" else e.name + (f" ({e.acronym})" if e.acronym else "")
        cards = self.cards([("notes", e.notes), ("mentions", len(e.mentions)),
                            ("recommendations made", len(e.made)), ("recommendations addressed to it", len(e.addressed))])
        label = "STATE" if e.kind == "state" else "ORG"
        notes = [[[r["document"], self.doc_href(r["document"])], c.info.get(r["document"], {}).get("title", ""),
                  r.get("role", "") if e.kind == "state" else r.get("acronym", ""), page_number(r.get("mentions")),
                  [f'p. {r.get("first_page", "")}', self.doc_href(r["document"], self.first_anchor.get(
                      (r["document"], label, e.key), ""))]] for r in e.documents]
        parts = [f'<main><h2 class="entity-title">{esc(kind)}: {esc(title)}</h2>', cards,
                 section("e-notes", f"Notes ({len(notes)})", data_table(
                     "t-e-notes", "notes", [("document", "link"), ("title", "long"),
                                            ("role" if e.kind == "state" else "acronym", "text"),
                                            ("mentions", "num"), ("first", "link")], notes, doc_col=0))]
        mrows = [[[f'p. {m.get("page", "")}', self.mention_href(m)], m.get("document", ""), m.get("text", ""),
                  m.get("sentence", "")] for m in e.mentions]
        parts.append(section("e-mentions", f"Mentions ({len(mrows)})", data_table(
            "t-e-mentions", "mentions", [("where", "link"), ("document", "text"), ("text", "text"),
                                         ("sentence", "long")], mrows, doc_col=1)))
        for sid, title_, recs, other in (("e-made", "Recommendations made", e.made, "actor"),
                                         ("e-addressed", "Recommendations addressed to it", e.addressed, "by")):
            rows = [[[f'p. {r.get("page", "")}', self.rec_href(r)], r.get("document", ""), r.get("text", ""),
                     self.entity_link(r.get(other, "")), r.get("cue", "")] for r in recs]
            parts.append(section(sid, f"{title_} ({len(rows)})", data_table(
                f"t-{sid}", "recommendations", [("where", "link"), ("document", "text"), ("text", "long"),
                                                (other, "link"), ("cue", "text")], rows, doc_col=1)))
        return "".join(parts) + "</main>"

    # ---- corpus-wide table pages
    def table_page(self, name: str, parts: dict[str, str] | None = None) -> str:
        """The corpus-wide table `name`; its parts beyond PART_ROWS rows go into `parts`."""
        c = self.c
        rows_in = c.tables[name]
        if name == "recommendations":
            cols = [("where", "link"), ("document", "text"), ("text", "long"), ("by", "link"), ("actor", "link"),
                    ("cue", "text"), ("section", "text"), ("states", "text"), ("orgs", "long")]
            rows = [[[f'p. {r.get("page", "")}', self.rec_href(r)], r.get("document", ""), r.get("text", ""),
                     self.entity_link(r.get("by", "")), self.entity_link(r.get("actor", "")), r.get("cue", ""),
                     r.get("section", ""), r.get("states", ""), r.get("orgs", "")] for r in rows_in]
        elif name == "mentions":
            # No sentence column here (the link leads to it, and State and organization pages show
            # it): sentences are 80% of this page's weight on a big run.
            cols = [("where", "link"), ("document", "text"), ("label", "text"), ("text", "text"), ("norm", "text"),
                    ("source", "text")]
            rows = [[[f'p. {m.get("page", "")}', self.mention_href(m)], m.get("document", ""), m.get("label", ""),
                     m.get("text", ""), m.get("norm", ""), m.get("source", "")] for m in rows_in]
        elif name == "dates":
            cols = [("where", "link"), ("document", "text"), ("text", "text"), ("start", "text"), ("end", "text"),
                    ("mentions", "num"), ("inferred", "text")]
            rows = [[[f'p. {r.get("first_page", "")}', self.doc_href(r.get("document", ""), self.first_anchor.get(
                (r.get("document", ""), "DATE", f'{r.get("start", "")}/{r.get("end", "")}'), ""))],
                r.get("document", ""), r.get("text", ""), r.get("start", ""), r.get("end", ""),
                page_number(r.get("mentions")), r.get("inferred", "")] for r in rows_in]
        else:
            cols = [("where", "link"), ("document", "text"), ("reference", "text"), ("mentions", "num")]
            rows = [[[f'p. {r.get("first_page", "")}', self.doc_href(r.get("document", ""), self.first_anchor.get(
                (r.get("document", ""), "REFERENCE", r.get("reference", "")), ""))],
                r.get("document", ""), r.get("reference", ""), page_number(r.get("mentions"))] for r in rows_in]
        return "<main>" + section(name, f"{name.capitalize()} ({len(rows)})",
                                  data_table(f"t-{name}", name, cols, rows, doc_col=1, parts=parts)) + "</main>"

    # ---- the entry page
    @staticmethod
    def cards(items: list[tuple[str, int]], alerts: tuple[str, ...] = ()) -> str:
        return '<div class="cards">' + "".join(
            f'<div class="card{" alert" if k in alerts and v else ""}"><b>{v:,}</b><span>{esc(k)}</span></div>'
            for k, v in items) + "</div>"

    def overview(self, prefix: str) -> str:
        c = self.c
        docs = [c.info.get(d, {}) for d in c.docs]
        counts = [("documents", len(c.docs)), ("ok", sum(1 for d in docs if d.get("status") == "ok")),
                  ("errors", sum(1 for d in docs if d.get("status") == "error")),
                  ("duplicates", sum(1 for d in docs if d.get("duplicate_of"))),
                  ("not English", sum(1 for d in docs if d.get("language") not in ("", "en", None))),
                  ("with warnings", sum(1 for d in docs if d.get("warnings"))),
                  ("pages", sum(page_number(d.get("pages")) for d in docs if not d.get("duplicate_of"))),
                  ("mentions", len(c.tables["mentions"])), ("States", len(c.states)),
                  ("organizations", len(c.orgs)), ("recommendations", len(c.tables["recommendations"])),
                  ("meetings", len(c.tables["meetings"]))]
        cards = self.cards(counts, alerts=("errors", "with warnings", "not English"))
        reasons = self._reasons(prefix)
        meetings = c.meetings()
        first_doc = lambda m: prefix + self.doc_href(m["documents"][0])  # noqa: E731
        chart_meetings = section("timeline", f"Timeline of meetings ({len(meetings)})",
                                 '<div class="chart-box">' + timeline(meetings, first_doc) + "</div>",
                                 "Each bar is a meeting (merged across notes by venue and dates); hover for "
                                 "its name, click for the note.")
        states = sorted_entities(c.states)[:TOP_STATES]
        chart_states = section("states-chart", f"States by number of notes (top {len(states)} of {len(c.states)})",
                               '<div class="chart-box">' + bar_chart(
                                   [(e.name, e.notes, prefix + e.page) for e in states], "States by number of notes",
                                   "notes") + "</div>")
        pairs = c.pairs.most_common()
        pair_rows = [[self.entity_link(by, prefix) if by else ["", ""], self.entity_link(actor, prefix) if actor
                      else ["", ""], n] for (by, actor), n in pairs]
        top = [(f"{by or '?'} → {actor or '?'}", n, prefix + "recommendations.html") for (by, actor), n in
               pairs[:TOP_PAIRS]]
        who = section("who", f"Who recommends to whom (by → actor, {len(pairs)} pairs)",
                      '<div class="chart-box">' + bar_chart(top, "by → actor", "recommendations") + "</div>"
                      + data_table("t-pairs", "pairs", [("by", "link"), ("actor", "link"), ("recommendations", "num")],
                                   pair_rows))
        quality = self._quality_totals(prefix)
        return (section("overview", "Overview", cards + reasons) + quality + chart_meetings
                + chart_states + who)

    def _reasons(self, prefix: str) -> str:
        c = self.c
        by_reason: dict[str, list[str]] = {}
        for doc in c.docs:
            for kind, text in c.doc_flags(doc):
                if kind in ("bad", "warn", "lang"):
                    by_reason.setdefault(text, []).append(doc)
        if not by_reason:
            return '<p class="sub">No errors or warnings.</p>'
        items = []
        for reason, docs in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            links = ", ".join(f'<a href="{esc(prefix + self.doc_href(d))}">{esc(d)}</a>' for d in docs[:20])
            more = f" and {len(docs) - 20} more (filter the documents table)" if len(docs) > 20 else ""
            items.append(f'<li><b>{esc(reason)}</b> — {len(docs)} document(s): <span class="docs">{links}{more}</span></li>')
        return '<h3>Errors and warnings</h3><ul class="reasons">' + "".join(items) + "</ul>"

    def _quality_totals(self, prefix: str) -> str:
        if self.report is None:
            return ""
        rows = "".join(f"<tr><td>{t}</td>" + "".join(f'<td class="num">{v}</td>' for v in (
            f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", s.tp, s.fp, s.fn)) + "</tr>"
            for t, s in self.report.totals.items())
        head = "".join(f'<th class="num">{h}</th>' for h in ("precision", "recall", "F1", "TP", "FP", "FN"))
        per_doc = [[[d.document, prefix + self.doc_href(d.run_document) if d.run_document in self.c.doc_page else ""]]
                   + [f"{d.scores[t].f1:.2f} ({d.scores[t].tp}/{d.scores[t].fp}/{d.scores[t].fn})" for t in TYPES]
                   for d in self.report.documents]
        return section("quality", "Quality against gold",
                       f'<table class="quality"><thead><tr><th>type</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
                       + data_table("t-quality", "documents", [("document", "link")] + [(t, "text") for t in TYPES],
                                    per_doc))

    def documents_table(self, prefix: str) -> str:
        c = self.c
        cols = [("document", "link"), ("status", "text"), ("flags", "flags"), ("language", "text"),
                ("duplicate_of", "link"), ("warnings", "long"), ("pages", "num"), ("title", "long"), ("symbol", "text"),
                ("issued", "text"), ("states", "num"), ("orgs", "num"), ("dates", "num"), ("recs", "num"),
                ("meetings", "num")]
        rows, classes = [], []
        for doc in c.docs:
            info = c.info.get(doc, {})
            flags = c.doc_flags(doc) or [("ok", "ok")]
            dup = info.get("duplicate_of", "")
            rows.append([[doc, prefix + self.doc_href(doc)], info.get("status", ""), flags, info.get("language", ""),
                         [dup, prefix + self.doc_href(dup) if dup else ""], info.get("warnings", ""),
                         page_number(info.get("pages")), info.get("title", ""), info.get("symbol", ""),
                         info.get("issued", "")]
                        + [len(c.by_doc[t].get(doc, [])) for t in ("states", "organizations", "dates",
                                                                   "recommendations", "meetings")])
            classes.append("error" if info.get("status") == "error" else "dup" if dup else "")
        return section("documents", f"Documents ({len(rows)})",
                       data_table("t-documents", "documents", cols, rows, classes=classes))

    def entities_table(self, kind: str, prefix: str) -> str:
        c = self.c
        if kind == "state":
            ents = sorted_entities(c.states)
            cols = [("State", "link"), ("iso3", "text"), ("notes", "num"), ("participant in", "num"),
                    ("mentions", "num"), ("recs made", "num"), ("recs addressed", "num")]
            rows = [[[e.name, prefix + e.page], e.key, e.notes,
                     sum(1 for r in e.documents if r.get("role") == "participant"), len(e.mentions), len(e.made),
                     len(e.addressed)] for e in ents]
            return section("states", f"States ({len(rows)})", data_table("t-states", "States", cols, rows))
        ents = sorted_entities(c.orgs)
        cols = [("organization", "link"), ("acronym", "text"), ("notes", "num"), ("mentions", "num"),
                ("recs made", "num"), ("recs addressed", "num")]
        rows = [[[e.name, prefix + e.page], e.acronym, e.notes, len(e.mentions), len(e.made), len(e.addressed)]
                for e in ents]
        return section("organizations", f"Organizations ({len(rows)})",
                       data_table("t-organizations", "organizations", cols, rows))

    def meetings_table(self, prefix: str) -> str:
        rows = [[[m.get("document", ""), prefix + self.doc_href(m.get("document", ""))], m.get("name", ""),
                 m.get("venue", ""), m.get("country", ""), m.get("start", ""), m.get("end", ""),
                 m.get("organizers", ""), page_number(m.get("page"))] for m in self.c.tables["meetings"]]
        cols = [("document", "link"), ("name", "long"), ("venue", "text"), ("country", "text"), ("start", "text"),
                ("end", "text"), ("organizers", "long"), ("page", "num")]
        return section("meetings", f"Meetings ({len(rows)})", data_table("t-meetings", "meetings", cols, rows, doc_col=0))

    def entry(self) -> str:
        prefix = SITE + "/"
        return (self.header(prefix, "overview") + "<main>" + self.overview(prefix) + self.documents_table(prefix)
                + '<div class="two">' + self.entities_table("state", prefix) + self.entities_table("org", prefix)
                + "</div>" + self.meetings_table(prefix) + "</main>")

