"""The project's own sample corpus (corpus/): the PDFs are what
scripts/render_corpus.py makes of corpus/notes/*.json, the gold files follow
/work/shared/ANNOTATION.md, and everything the gold names can be found in the
PDF's text layer."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "corpus" / "notes"
PDFS = ROOT / "corpus" / "pdf"
GOLD = ROOT / "corpus" / "gold"
NAMES = sorted(p.stem for p in NOTES.glob("*.json"))

_spec = importlib.util.spec_from_file_location("render_corpus", ROOT / "scripts" / "render_corpus.py")
render_corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("render_corpus", render_corpus)   # dataclasses look the module up
_spec.loader.exec_module(render_corpus)

# One name form each State takes in the notes (the gold only has ISO codes).
STATE_FORMS = {
    "ARG": "Argentine", "AUS": "Australia", "AUT": "Austria", "BEL": "Belgium", "BEN": "Benin",
    "BOL": "Plurinational State of Bolivia", "BRA": "Brazil", "CAN": "Canadian", "CHE": "Switzerland",
    "CHL": "Chile", "CHN": "China", "CIV": "C\u00f4te d\u2019Ivoire", "DEU": "Germany", "ECU": "Ecuador",
    "ESP": "Spain", "FJI": "Fiji", "FRA": "France", "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom of Great Britain and Northern Ireland", "GHA": "Ghana", "GMB": "the Gambia",
    "GNB": "Guinea-Bissau", "IRN": "Iran (Islamic Republic of)", "JPN": "Japan", "KAZ": "Kazakhstan",
    "KEN": "Kenyan", "KIR": "Kiribati", "KOR": "Republic of Korea", "LAO": "Lao People\u2019s Democratic Republic",
    "LBR": "Liberia", "MEX": "Mexico", "MHL": "Marshall Islands", "MRT": "Mauritania", "NAM": "Namibia",
    "NGA": "Nigeria", "NLD": "Kingdom of the Netherlands", "NOR": "Norway", "NRU": "Nauru", "NZL": "New Zealand",
    "PER": "Peru", "PHL": "Philippines", "PNG": "Papua New Guinea", "PRT": "Portugal", "PRY": "Paraguay",
    "PSE": "State of Palestine", "RUS": "Russian Federation", "SEN": "Senegal", "SLB": "Solomon Islands",
    "SLE": "Sierra Leone", "SVN": "Slovenia", "TGO": "Togo", "TON": "Tonga", "TUR": "T\u00fcrkiye",
    "TUV": "Tuvalu", "URY": "Uruguay", "VAT": "Holy See", "VEN": "Bolivarian Republic of Venezuela",
    "VNM": "Viet Nam", "VUT": "Vanuatu", "WSM": "Samoa",
}

# The French and Spanish notes (their spec says "language") name States in their own language.
STATE_FORMS_BY_LANGUAGE = {
    "fr": {
        "BEN": "Bénin", "BFA": "Burkina Faso", "CIV": "C\u00f4te d\u2019Ivoire", "GIN": "Guinée", "GNB": "Guinée-Bissau",
        "MLI": "Mali", "MRT": "Mauritanie", "NER": "nigérienne", "SEN": "Sénégal", "TCD": "Tchad", "TGO": "Togo",
    },
    "es": {
        "BOL": "Estado Plurinacional de Bolivia", "BRA": "Brasil", "CHL": "Chile", "CRI": "Costa Rica", "GTM": "Guatemala",
        "HND": "Honduras", "JAM": "Jamaica", "MEX": "México", "NLD": "Reino de los Países Bajos", "PER": "peruana",
        "SLV": "El Salvador", "TTO": "Trinidad y Tabago", "USA": "Estados Unidos de América",
        "VEN": "República Bolivariana de Venezuela",
    },
}


def state_forms(name: str) -> dict:
    return STATE_FORMS_BY_LANGUAGE.get(spec_of(name).get("language", "en"), STATE_FORMS)


def spec_of(name: str) -> dict:
    return render_corpus.load(NOTES / f"{name}.json")


def gold_of(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def pages_of(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def _spec_plain_text(spec: dict) -> str:
    """All text the note description holds, without markup or soft hyphens."""
    raw = json.dumps(spec, ensure_ascii=False)
    return re.sub(r"</?[bi]>|~", "", raw)


def reading_text(name: str, furniture: bool = False) -> str:
    """The PDF text layer as one line, in reading order: furniture lines
    (headers, footers, masthead) dropped, footnotes moved after the body, and
    pdfium's line-end hyphen mark (U+FFFE, lines already joined) turned into
    "-" where the note has a real compound ("inter-agency") and into nothing
    where the layout hyphenated the word. `furniture=True` keeps the furniture
    (the masthead names the issuing organ and the date of issue)."""
    spec = spec_of(name)
    plain = _spec_plain_text(spec)
    pages = pages_of(PDFS / f"{name}.pdf")
    notes = [f"{mark} {re.sub(r'</?[bi]>', '', text)}" for mark, text in spec.get("footnotes", {}).items()]

    def join(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        return f"{left}-{right}" if f"{left}-{right}" in plain else left + right

    body, foot = [], []
    for number, page in enumerate(pages, 1):
        items = [] if furniture else sorted((item["text"].format(page=number, pages=len(pages))
                                             for item in spec.get("furniture", [])), key=len, reverse=True)
        for line in page.split("\r\n"):
            rest = line
            for item in items:
                rest = rest.replace(item, "")
            if not rest.strip():
                continue
            flat = re.sub(r"(\w+)\ufffe(\w+)", join, line)
            (foot if any(flat in n for n in notes) else body).append(line)
    text = "\n".join(body + foot)
    text = re.sub(r"(\w+)\ufffe(\w+)", join, text)
    return re.sub(r"\s+", " ", text)


# -- rendering ---------------------------------------------------------------
def test_there_are_at_least_five_notes_each_with_pdf_and_gold():
    assert len(NAMES) >= 5
    for name in NAMES:
        assert (PDFS / f"{name}.pdf").is_file(), name
        assert (GOLD / f"{name}.json").is_file(), name


@pytest.mark.parametrize("name", NAMES)
def test_rerendering_gives_identical_bytes(name, tmp_path):
    out = tmp_path / f"{name}.pdf"
    render_corpus.render(spec_of(name), out)
    assert out.read_bytes() == (PDFS / f"{name}.pdf").read_bytes(), \
        f"corpus/pdf/{name}.pdf is stale: run .venv/bin/python scripts/render_corpus.py"


@pytest.mark.parametrize("name", NAMES)
def test_page_count_and_layout_promises_hold(name):
    spec = spec_of(name)
    assert render_corpus.check_expectations(spec, PDFS / f"{name}.pdf") == []
    assert len(pages_of(PDFS / f"{name}.pdf")) == spec["expect"]["pages"]


def test_information_note_footnote_sits_between_the_halves_of_a_sentence():
    p1, p2 = pages_of(PDFS / "information-note-accra.pdf")
    lines1 = p1.split("\r\n")
    half = next(i for i, ln in enumerate(lines1) if ln.endswith("neighbouring States and with"))
    assert lines1[half + 1].startswith("1 For information")          # footnote follows the first half
    body2 = [ln for ln in p2.split("\r\n") if not ln.startswith("Page ")]
    assert body2[0].startswith("INTERPOL; and how States can sustain")  # second half opens page 2


def test_layout_hyphenation_and_real_compounds_both_occur_at_line_ends():
    raw = "".join(pages_of(PDFS / "information-note-accra.pdf"))
    assert "imple\ufffementation" in raw           # hyphen added by the layout
    assert "inter\ufffeagency" in raw              # real compound broken after its hyphen
    text = reading_text("information-note-accra")
    assert "national implementation action plans" in text
    assert "inter-agency committees" in text


def test_chairs_summary_carries_un_furniture():
    pages = pages_of(PDFS / "chairs-summary-s-2031-123.pdf")
    assert "31-01234 (E) 150331" in pages[0] and "*3101234*" in pages[0]
    assert "Security Council" in pages[0] and "S/2031/123" in pages[0]
    for n, page in enumerate(pages[1:], 2):
        assert "S/2031/123" in page
        assert f"{n}/{len(pages)}" in page and "31-01234" in page


def test_side_event_second_page_is_in_two_columns():
    with pdfplumber.open(PDFS / "side-event-summary-vienna.pdf") as pdf:
        lines2 = pdf.pages[1].extract_text_lines()
    starts = {round(ln["x0"]) for ln in lines2 if 70 < ln["top"] < 700}
    assert min(starts) < 100 and any(300 < x < 340 for x in starts)
    # both columns have text at the top of the page
    tops = [ln for ln in lines2 if ln["top"] < 110]
    assert {ln["x0"] < 200 for ln in tops} == {True, False}


# -- gold --------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_gold_file_has_the_annotation_format(name):
    gold = gold_of(name)
    assert gold["document"] == f"{name}.pdf"
    assert (PDFS / gold["document"]).is_file()
    for key in ("states", "orgs", "dates", "recommendations"):
        assert set(gold[key]) == {"required", "optional"}, key
        assert gold[key]["required"], f"{name}: no required {key}"
    for code in gold["states"]["required"] + gold["states"]["optional"]:
        assert re.fullmatch(r"[A-Z]{3}", code)
    for org in gold["orgs"]["required"] + gold["orgs"]["optional"]:
        assert isinstance(org, list) and org and all(isinstance(a, str) and a for a in org)
    for start, end in gold["dates"]["required"] + gold["dates"]["optional"]:
        pattern = r"\d{4}(-\d{2}(-\d{2})?)?"
        assert re.fullmatch(pattern, start) and re.fullmatch(pattern, end)
        assert start[:4] <= end[:4]


@pytest.mark.parametrize("name", NAMES)
def test_gold_recommendations_occur_verbatim_in_the_pdf(name):
    text = reading_text(name)
    gold = gold_of(name)["recommendations"]
    for rec in gold["required"] + gold["optional"]:
        assert rec in text, rec


@pytest.mark.parametrize("name", NAMES)
def test_gold_states_and_orgs_occur_in_the_pdf(name):
    text = reading_text(name, furniture=True)
    gold = gold_of(name)
    for code in gold["states"]["required"] + gold["states"]["optional"]:
        assert state_forms(name)[code] in text, code
    for org in gold["orgs"]["required"] + gold["orgs"]["optional"]:
        assert any(alias in text for alias in org), org


def test_resolution_years_are_not_gold_dates():
    gold = gold_of("information-note-accra")
    dates = gold["dates"]["required"] + gold["dates"]["optional"]
    assert ["2004", "2004"] not in dates and ["2016", "2016"] not in dates
    assert "resolution 2325 (2016)" in reading_text("information-note-accra")


def test_stock_circulation_request_is_not_a_gold_recommendation():
    text = reading_text("chairs-summary-s-2031-123")
    stock = "I would be grateful if the present letter and its annex could be circulated"
    assert stock in text
    gold = gold_of("chairs-summary-s-2031-123")["recommendations"]
    assert not any(stock in r for r in gold["required"] + gold["optional"])


def test_renderer_rejects_an_unknown_block_type_naming_the_file(tmp_path):
    spec = {"name": "bad", "blocks": [{"type": "sidebar", "text": "x"}]}
    with pytest.raises(render_corpus.NoteSpecError, match=r"bad\.json: unknown block type 'sidebar'"):
        render_corpus.render(spec, tmp_path / "bad.pdf", source="bad.json")


def test_renderer_rejects_a_footnote_marker_without_text(tmp_path):
    spec = {"name": "bad", "blocks": [{"type": "paragraph", "text": "Note[^9] text."}]}
    with pytest.raises(render_corpus.NoteSpecError, match=r"footnote \[\^9\] has no text"):
        render_corpus.render(spec, tmp_path / "bad.pdf", source="bad.json")
