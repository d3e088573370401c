"""write_review(): OUT/review.html, checked as HTML (the browser test checks what a person sees)."""

import json
import re
from html.parser import HTMLParser

import pytest

from pipeline.report.review import ROW_LIMIT, filter_table, render_text_html, select_marks, write_review

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
        "documents": [{"document": DOC, "status": "ok", "pages": "1", "title": "<b>Title</b>"},
                      {"document": "bad.pdf", "status": "error", "error": "not a PDF"}],
        "mentions": [mention("STATE", "Peru", "PER"), mention("ORG", "OAS", "Organization of American States"),
                     mention("DATE", "9 November 2010", "2010-11-09/2010-11-09"),
                     mention("ORG", "OAS", "Organization of American States", rec_start),
                     mention("STATE", "Peru", "PER", rec_start)],
        "states": [{"document": DOC, "iso3": "PER", "name": "Peru", "mentions": 2, "first_page": 1}],
        "organizations": [{"document": DOC, "name": "Organization of American States", "acronym": "OAS",
                           "mentions": 2, "first_page": 1}],
        "dates": [{"document": DOC, "text": "'-9 November 2010", "start": "2010-11-09", "end": "2010-11-09"}],
        "recommendations": [{"document": DOC, "text": TEXT[rec_start:], "cue": "should", "actor": "The OAS",
                             "start": rec_start, "end": len(TEXT)}],
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


def test_text_is_escaped_and_reads_back_exactly(out):
    page = write_review(out).read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<b>Title</b>" not in page and "&lt;b&gt;Title&lt;/b&gt;" in page
    parser = TextOfDiv()
    parser.feed(page)
    assert parser.texts == [TEXT]


def test_marks_sit_on_the_mentions_offsets(out):
    page = write_review(out).read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="ent ent-(\w+)" id="doc-1-m-(\d+)"[^>]*title="([^"]*)">([^<]*)<span', page)
    assert len(marks) == 5
    for label, start, title, inner in marks:
        inner = inner.replace("&amp;", "&")
        assert TEXT[int(start):int(start) + len(inner)] == inner
        assert title.startswith(label) and f"test:{label}" in title
    assert ("STATE", str(TEXT.index("Peru")), "STATE · PER · test:STATE", "Peru") in marks


def test_entities_nest_inside_the_recommendation(out):
    page = write_review(out).read_text(encoding="utf-8")
    rec_start = TEXT.index("The OAS should")
    open_at = page.index(f'<span class="rec" id="doc-1-r-{rec_start}"')
    rec = page[open_at:page.index("</div>", open_at)]     # the rec runs to the end of the text
    assert f'id="doc-1-m-{rec_start + 4}"' in rec and rec.endswith("</mark> to report.</span>")


def test_table_rows_link_to_their_marks(out):
    page = write_review(out).read_text(encoding="utf-8")
    peru = TEXT.index("Peru")
    row = re.search(r'<tr data-doc="sub/note.pdf"><td><a class="jump" href="#([^"]+)"[^>]*>[^<]*</a></td>'
                    r'<td[^>]*>sub/note.pdf</td><td[^>]*>PER</td>', page)
    assert row and row.group(1) == f"doc-1-m-{peru}"
    assert f'href="#doc-1-r-{TEXT.index("The OAS should")}"' in page
    assert 'href="#doc-2"' in page                     # the failed document's row
    assert ">-9 November 2010<" in page               # the formula guard is undone for display


def test_filter_boxes_and_document_menus_for_each_table(out):
    page = write_review(out).read_text(encoding="utf-8")
    for table in ("states", "organizations", "dates", "recommendations", "mentions"):
        section = re.search(rf'<section id="table-{table}" class="filterable"[^>]*>(.*?)</section>', page, re.S).group(1)
        assert 'class="filter-text"' in section
        assert '<option value="sub/note.pdf">' in section


def test_page_makes_no_external_requests(out):
    page = write_review(out).read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<link" not in page
    assert "default-src 'none'" in page


def test_overlapping_and_out_of_range_mentions_do_not_break_the_text():
    text = "the United Nations Office"
    mentions = [{"label": "ORG", "start": 4, "end": 25, "text": text[4:]},
                {"label": "ORG", "start": 4, "end": 18, "text": "United Nations"},   # inside the first
                {"label": "DATE", "start": 20, "end": 99, "text": "x"}]              # beyond the text
    recs = [{"start": 0, "end": 10, "cue": "x"}]                                     # ends inside a mark
    ents, rec_marks, ent_anchor, rec_anchor, bad = select_marks(text, mentions, recs, "doc-9")
    assert [(m.start, m.end) for m in ents] == [(4, 25)]
    assert ent_anchor[1] == "doc-9-m-4" and bad == 1
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
    assert "CHL" in page and "miss" in page


def test_without_gold_there_is_no_quality_section(out):
    assert '<section id="quality"' not in write_review(out).read_text(encoding="utf-8")


def test_big_tables_draw_the_first_rows_and_carry_all_rows_as_json():
    rows = [[f"d{i}.pdf", f"doc-{i}", "p. 1 ↗", [f"</script><b>{i}</b>"], ""] for i in range(ROW_LIMIT + 7)]
    html = filter_table("table-x", "X", "x", ["where", "text"], rows, ["d0.pdf"])
    tbody = html[html.index("<tbody>"):html.index("</tbody>")]
    assert tbody.count("<tr ") == ROW_LIMIT
    assert f"{ROW_LIMIT + 7} of {ROW_LIMIT + 7} rows (showing the first {ROW_LIMIT}" in html
    payload = re.search(r'<script type="application/json" id="data-table-x">(.*?)</script>', html, re.S).group(1)
    assert "<" not in payload                                 # no cell can close the script element
    assert len(json.loads(payload)) == ROW_LIMIT + 7
    assert json.loads(payload)[3][3] == ["</script><b>3</b>"]
