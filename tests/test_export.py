"""`unnotes export`: the xlsx workbook and the UTF-8-with-BOM CSVs."""

import csv

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report.export import SHEETS, write_csv_bom, write_xlsx

from tests.conftest import write_run

HOSTILE = "=HYPERLINK(\"http://example.invalid\",\"x\")"


@pytest.fixture
def out(tmp_path):
    rows = {
        "documents": [{"document": "côte.pdf", "status": "ok", "pages": "3", "title": "Côte d’Ivoire"},
                      {"document": "bad.pdf", "status": "error", "error": "not a PDF"}],
        "mentions": [{"document": "côte.pdf", "label": "STATE", "text": "Côte d’Ivoire", "norm": "CIV", "page": "1",
                      "start": 0, "end": 13, "sentence": HOSTILE, "source": "t"}],
        "recommendations": [{"document": "côte.pdf", "text": "+ invite States", "actor": "@States", "cue": "-",
                             "page": 2, "start": 5, "end": 20}],
        "dates": [{"document": "côte.pdf", "text": "9 November 2010", "start": "2010-11-09", "end": "2010-11-09",
                   "mentions": 1, "first_page": 1}],
        "meetings": [{"document": "côte.pdf", "name": "Seminar", "venue": "Lima", "country": "PER",
                      "start": "2010-11-09", "end": "2010-11-11", "page": 1}],
    }
    return write_run(tmp_path / "out", rows)


def csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_one_sheet_per_table_with_the_csvs_row_counts(out, tmp_path):
    counts = write_xlsx(out, tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == list(SHEETS)
    for name in SHEETS:
        path = out / f"{name}.csv"
        expected = len(csv_rows(path)) - 1 if path.exists() else 0
        assert counts[name] == expected
        assert (wb[name].max_row - 1 if expected else 0) == expected, name


def test_header_frozen_autofilter_on_and_columns_sized(out, tmp_path):
    write_xlsx(out, tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx")["mentions"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:I2"
    assert ws["A1"].value == "document" and ws["A1"].font.b
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGHI"}
    assert widths["H"] > widths["B"] >= 6 and max(widths.values()) <= 60


def test_no_cell_is_a_formula_and_numbers_are_numbers(out, tmp_path):
    write_xlsx(out, tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    sentence = wb["mentions"]["H2"]
    assert sentence.value == HOSTILE and sentence.data_type == "s" and sentence.quotePrefix
    assert wb["recommendations"]["B2"].value == "+ invite States"
    assert wb["mentions"]["E2"].value == 1 and wb["mentions"]["F2"].value == 0        # page, start
    assert wb["dates"]["C2"].value == "2010-11-09"                                  # ISO dates stay text
    assert wb["documents"]["F2"].value == "Côte d’Ivoire"


def test_csv_bom_starts_with_the_mark_and_keeps_the_formula_guard(out, tmp_path):
    counts = write_csv_bom(out, tmp_path / "bom")
    raw = (tmp_path / "bom" / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdocument,") and "Côte d’Ivoire".encode() in raw
    rows = csv_rows(tmp_path / "bom" / "mentions.csv")
    assert rows[1][7] == "'" + HOSTILE
    assert counts["mentions"] == 1 and counts["documents"] == 2


def test_the_cli_writes_both_and_needs_one(out, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(out), "--xlsx", str(tmp_path / "a.xlsx"),
                                 "--csv-bom", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.xlsx").exists() and (tmp_path / "csv" / "meetings.csv").exists()
    assert "mentions 1" in result.output
    result = runner.invoke(app, ["export", str(out)])
    assert result.exit_code == 1 and "give --xlsx FILE and/or --csv-bom FOLDER" in result.output
    result = runner.invoke(app, ["export", str(tmp_path / "nowhere"), "--xlsx", str(tmp_path / "b.xlsx")])
    assert result.exit_code == 1 and "no run output" in result.output
    assert "Example: unnotes export" in runner.invoke(app, ["export", "--help"]).output
