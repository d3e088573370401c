"""write_review(): the review site (OUT/review.html and OUT/review/), checked as HTML and as the JSON
its tables are drawn from (the browser test checks what a person sees)."""

import json
import re
from html.parser import HTMLParser

import pytest

from pipeline.report.review import render_text_html, select_marks, write_review

from tests.conftest import write_run as write_out  # noqa: E402
TEXT = ("Note <script>alert('x')</script> & Peru met the OAS on 9 November 2010.\n\n"
        "The OAS should invite Peru to report.")
DOC = "sub/note.pdf"




def mention(label, text, norm, at=0):
    start = TEXT.index(text, at)
    return {"document": DOC, "label": label, "text": text, "norm": norm, "page": "1",
            "start": start, "end": start + len(text), "sentence": "s", "source": f"test:{label}"}


@pytest.fixture
def out(tmp_path):
    rec_start = TEXT.index("The OAS should")
    rows = {
        "documents": [{"document": DOC, "status": "ok", "pages": "1", "title": "<b>Title</b>", "language": "en"},
                      {"document": "bad.pdf", "status": "error", "error": "not a PDF"},
                      {"document": "copy.pdf", "status": "ok", "pages": "1", "duplicate_of": DOC},
                      {"document": "fr.pdf", "status": "ok", "pages": "2", "language": "fr",
                       "warnings": "not English (fr): entities and recommendations not extracted"}],
        "mentions": [mention("STATE", "Peru", "PER"), mention("ORG", "OAS", "Organization of American States"),
                     mention("DATE", "9 November 2010", "2010-11-09/2010-11-09"),
                     mention("ORG", "OAS", "Organization of American States", rec_start),
                     mention("STATE", "Peru", "PER", rec_start)],
        "states": [{"document": DOC, "iso3": "PER", "name": "Peru", "mentions": 2, "first_page": 1}],
        "organizations": [{"document": DOC, "name": "Organization of American States", "acronym": "OAS",
                           "mentions": 2, "first_page": 1}],
        "dates": [{"document": DOC, "text": "'-9 November 2010", "start": "2010-11-09", "end": "2010-11-09"}],
        "recommendations": [{"document": DOC, "text": TEXT[rec_start:], "cue": "should", "actor": "The OAS",
                             "by": "Peru", "start": rec_start, "end": len(TEXT)}],
        "meetings": [{"document": DOC, "name": "Facilitation Event", "venue": "Lima", "country": "PER",
                      "start": "2010-11-09", "end": "2010-11-11", "page": 1}],
    }
    return write_out(tmp_path / "out", rows, {DOC: TEXT})


class TextOfDiv(HTMLParser):
    """The characters a reader sees in each document's text, without the labels and badges."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.depth, self.skip = [], 0, 0

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "")
        if tag == "div" and cls == "text":
            self.texts.append("")
            self.depth = 1
        elif self.depth:
            if tag == "div":
                self.depth += 1
            if self.skip or cls in ("ent-label", "rec-badge"):
                self.skip += 1

    def handle_endtag(self, tag):
        if self.depth and self.skip and tag == "span":
            self.skip -= 1
        elif self.depth and tag == "div":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.texts[-1] += data


def doc_page(out, n=1):
    return (out / "review" / f"doc-{n}.html").read_text(encoding="utf-8")


def table_json(page, element_id):
    payload = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S).group(1)
    assert "<" not in payload                      # no cell can close the script element
    return json.loads(payload)


def test_the_site_is_an_entry_page_and_a_page_per_document_state_and_organization(out):
    entry = write_review(out)
    assert entry == out / "review.html"
    names = sorted(p.name for p in (out / "review").iterdir())
    assert {"doc-1.html", "doc-2.html", "doc-3.html", "doc-4.html", "state-PER.html", "org-1.html",
            "recommendations.html", "mentions.html", "review.js", "review.css"} <= set(names)
    assert "doc-1.html" in entry.read_text(encoding="utf-8")


def test_text_is_escaped_and_reads_back_exactly(out):
    write_review(out)
    page = doc_page(out)
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<b>Title</b>" not in page and "&lt;b&gt;Title&lt;/b&gt;" in page
    parser = TextOfDiv()
    parser.feed(page)
    assert parser.texts == [TEXT]


def test_the_entry_page_holds_no_document_text(out):
    entry = write_review(out).read_text(encoding="utf-8")
    assert "should invite Peru to report" not in entry and 'class="text"' not in entry


def test_marks_sit_on_the_mentions_offsets(out):
    write_review(out)
    page = doc_page(out)
    marks = re.findall(r'<mark class="ent ent-(\w+)" id="m-(\d+)"[^>]*title="([^"]*)">([^<]*)<span', page)
    assert len(marks) == 5
    for label, start, title, inner in marks:
        inner = inner.replace("&amp;", "&")
        assert TEXT[int(start):int(start) + len(inner)] == inner
        assert title.startswith(label) and f"test:{label}" in title
    assert ("STATE", str(TEXT.index("Peru")), "STATE · PER · test:STATE", "Peru") in marks


def test_entities_nest_inside_the_recommendation(out):
    write_review(out)
    page = doc_page(out)
    rec_start = TEXT.index("The OAS should")
    open_at = page.index(f'<span class="rec" id="r-{rec_start}"')
    rec = page[open_at:page.index("</div>", open_at)]     # the rec runs to the end of the text
    assert f'id="m-{rec_start + 4}"' in rec and rec.endswith("</mark> to report.</span>")


def test_every_table_row_links_to_an_anchor_that_exists(out):
    write_review(out)
    page = doc_page(out)
    ids = set(re.findall(r' id="([^"]+)"', page))
    mentions = table_json((out / "review" / "mentions.html").read_text(encoding="utf-8"), "t-mentions")
    recs = table_json((out / "review" / "recommendations.html").read_text(encoding="utf-8"), "t-recommendations")
    for row in mentions["rows"] + recs["rows"]:
        target, anchor = row[0][1].split("#")
        assert target == "doc-1.html" and anchor in ids
    peru = TEXT.index("Peru")
    assert [r[0][1] for r in mentions["rows"] if r[3] == "Peru"][0] == f"doc-1.html#m-{peru}"
    dates = table_json((out / "review" / "dates.html").read_text(encoding="utf-8"), "t-dates")
    assert dates["rows"][0][2] == "-9 November 2010"     # the formula guard is undone for display


def test_a_state_page_counts_what_the_tables_hold(out):
    write_review(out)
    page = (out / "review" / "state-PER.html").read_text(encoding="utf-8")
    notes = table_json(page, "t-e-notes")["rows"]
    assert [r[0][0] for r in notes] == [DOC]
    assert len(table_json(page, "t-e-mentions")["rows"]) == 2      # mentions.csv has Peru twice
    made = table_json(page, "t-e-made")["rows"]                      # by = "Peru"
    assert len(made) == 1 and made[0][3] == ["The OAS", "org-1.html"]
    assert len(table_json(page, "t-e-addressed")["rows"]) == 0
    org = (out / "review" / "org-1.html").read_text(encoding="utf-8")
    assert len(table_json(org, "t-e-addressed")["rows"]) == 1       # actor = "The OAS"


def test_every_document_row_shows_its_status_language_duplicate_and_warnings(out):
    entry = write_review(out).read_text(encoding="utf-8")
    docs = table_json(entry, "t-documents")
    cols = [c[0] for c in docs["cols"]]
    rows = {r[0][0]: dict(zip(cols, r)) for r in docs["rows"]}
    assert [k for k, _ in rows["bad.pdf"]["flags"]] == ["bad"]
    assert rows["copy.pdf"]["flags"] == [["dup", f"duplicate of {DOC}"]]
    assert rows["copy.pdf"]["duplicate_of"] == [DOC, "review/doc-1.html"]
    assert ["lang", "language: fr"] in rows["fr.pdf"]["flags"] and rows["fr.pdf"]["language"] == "fr"
    assert rows[DOC]["flags"] == [["ok", "ok"]]
    assert docs["cls"][[r[0][0] for r in docs["rows"]].index("bad.pdf")] == "error"
    # and the overview lists each reason with its documents
    assert "not English (fr): entities and recommendations not extracted</b> — 1 document(s)" in entry
    assert "error: not a PDF</b>" in entry


def test_the_overview_draws_the_meetings_timeline_and_the_states_chart(out):
    entry = write_review(out).read_text(encoding="utf-8")
    timeline = re.search(r'<svg class="chart timeline".*?</svg>', entry, re.S).group(0)
    assert timeline.count('<rect class="meeting"') == 1 and "Facilitation Event — Lima, PER" in timeline
    bars = re.search(r'<svg class="chart bars" role="img" aria-label="States by number of notes".*?</svg>',
                     entry, re.S).group(0)
    assert 'href="review/state-PER.html"' in bars and "<title>Peru: 1 notes</title>" in bars


def test_pages_make_no_external_requests(out):
    write_review(out)
    for path in [out / "review.html"] + sorted((out / "review").glob("*.html")):
        page = path.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', page), path
        assert "default-src 'none'" in page
    assert "http" not in (out / "review" / "review.js").read_text(encoding="utf-8").replace("https://", "")


def test_a_rewrite_leaves_no_page_of_the_earlier_run(out):
    write_review(out)
    (out / "review" / "doc-99.html").write_text("stale", encoding="utf-8")
    write_review(out)
    assert not (out / "review" / "doc-99.html").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".review")]


def test_overlapping_and_out_of_range_mentions_do_not_break_the_text():
    text = "the United Nations Office"
    mentions = [{"label": "ORG", "start": 4, "end": 25, "text": text[4:]},
                {"label": "ORG", "start": 4, "end": 18, "text": "United Nations"},   # inside the first
                {"label": "DATE", "start": 20, "end": 99, "text": "x"}]              # beyond the text
    recs = [{"start": 0, "end": 10, "cue": "x"}]                                     # ends inside a mark
    ents, rec_marks, ent_anchor, rec_anchor, bad = select_marks(text, mentions, recs, "")
    assert [(m.start, m.end) for m in ents] == [(4, 25)]
    assert ent_anchor[1] == "m-4" and bad == 1
    assert (rec_marks[0].start, rec_marks[0].end) == (0, 25)                          # widened
    html = render_text_html(text, ents, rec_marks)
    assert html.count("<mark") == 1 and html.count("</mark>") == 1
    assert html.index("<span class=\"rec\"") < html.index("<mark") < html.index("</mark>") < html.rindex("</span>")


def test_quality_figures_appear_with_gold(out, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "note.json").write_text(json.dumps({
        "document": "note.pdf", "states": {"required": ["PER", "CHL"], "optional": []},
        "orgs": {"required": [["OAS"]], "optional": []}, "dates": {"required": [], "optional": []},
        "recommendations": {"required": [], "optional": []}}), encoding="utf-8")
    page = write_review(out, gold).read_text(encoding="utf-8")
    assert '<section id="quality"' in page
    assert re.search(r"<tr><td>states</td><td class=\"num\">1.000</td><td class=\"num\">0.500</td>", page)
    assert "CHL" in doc_page(out) and "miss" in doc_page(out)


def test_without_gold_there_is_no_quality_section(out):
    assert '<section id="quality"' not in write_review(out).read_text(encoding="utf-8")


def test_big_tables_carry_every_row(tmp_path):
    n = 12_345
    rows = {"documents": [{"document": "d.pdf", "status": "ok", "pages": "1"}],
            "mentions": [{"document": "d.pdf", "label": "STATE", "text": "</script>Peru", "norm": "PER",
                          "page": "1", "start": i, "end": i + 4, "source": "t"} for i in range(n)]}
    out = write_out(tmp_path / "out", rows, {"d.pdf": "Peru " * n})
    write_review(out)
    mentions = table_json((out / "review" / "mentions.html").read_text(encoding="utf-8"), "t-mentions")
    assert mentions["rows"][3][3] == "</script>Peru" and mentions["total"] == n
    rest = []                       # the rows after the first part: review/data/t-mentions-<n>.js
    for part in mentions["parts"]:
        script = (out / "review" / part).read_text(encoding="utf-8")
        assert script.startswith('unnotesRows("t-mentions",') and script.endswith(");\n")
        rest += json.loads(script[len('unnotesRows("t-mentions",'):-3])
    assert len(mentions["rows"]) + len(rest) == n and rest[-1][3] == "</script>Peru"
