"""What a lead opens in a spreadsheet never runs a formula someone typed as a name, and an
amount stays a number the spreadsheet can sum."""

import csv
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from collector_desk.files.write_table import Sheet, write_csv, write_xlsx

DANGEROUS = [
    '=HYPERLINK("http://x","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = ["Wang Fang", "王芳", "O'Brien", ""]


def _csv_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_is_quoted_in_csv(tmp_path, text):
    write_csv(tmp_path / "t.csv", ["name"], [[text]])
    assert _csv_rows(tmp_path / "t.csv") == [["name"], ["'" + text]]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_is_quoted_text_in_xlsx(tmp_path, text):
    write_xlsx(tmp_path / "t.xlsx", [Sheet("names", ["name"], [[text]])])
    cell = load_workbook(tmp_path / "t.xlsx")["names"]["A2"]
    assert cell.value == "'" + text.replace("\r", "\n")  # XML reads a CR back as a LF
    assert cell.data_type == "s"  # a string, not "f": nothing to run


def test_names_and_numbers_are_written_as_they_are(tmp_path):
    rows = [[name, -12, Decimal("-12.50"), -0.5, 3] for name in HARMLESS]
    header = ["name", "int", "amount", "rate", "count"]

    write_csv(tmp_path / "t.csv", header, rows)
    back = _csv_rows(tmp_path / "t.csv")
    assert back[1:] == [[name, "-12", "-12.50", "-0.5", "3"] for name in HARMLESS]
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8

    write_xlsx(tmp_path / "t.xlsx", [Sheet("t", header, rows, {"amount": "#,##0.00"})])
    sheet = load_workbook(tmp_path / "t.xlsx")["t"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values == [[name or None, -12, -12.5, -0.5, 3] for name in HARMLESS]
    assert all(sheet.cell(r, c).data_type == "n" for r in range(2, 6) for c in range(2, 6))
    assert sheet["C2"].number_format == "#,##0.00" and sheet["D2"].number_format == "General"


def test_a_workbook_holds_its_sheets_in_order_and_none_is_an_empty_cell(tmp_path):
    write_xlsx(
        tmp_path / "t.xlsx",
        [Sheet("first", ["a", "b"], [[1, None]]), Sheet("second", ["c"], [["=1"]])],
    )
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == ["first", "second"]
    assert book["first"]["B2"].value is None and book["second"]["A2"].value == "'=1"
    assert not any(c.data_type == "f" for s in book for row in s.iter_rows() for c in row)

    write_csv(tmp_path / "t.csv", ["a", "b"], [[1, None]])
    assert _csv_rows(tmp_path / "t.csv") == [["a", "b"], ["1", ""]]
