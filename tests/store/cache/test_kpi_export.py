"""The team's numbers open in a spreadsheet: CSV and XLSX say the same."""

import csv
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from collector_desk.domain.contacts import Outcome
from collector_desk.domain.flows import FlowRow
from collector_desk.domain.kpis import ContactFact, PaymentFact, Period, kpis
from collector_desk.store.cache.kpi_export import export_kpis

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROWS = kpis(
    [
        ContactFact(1, datetime(2026, 11, 26, 1, 0, tzinfo=UTC), Outcome.RIGHT_PARTY),
        ContactFact(1, datetime(2026, 11, 26, 1, 55, tzinfo=UTC), Outcome.NO_ANSWER),
    ],
    [],
    [PaymentFact(1, datetime(2026, 11, 26, 2, 0, tzinfo=UTC), 123_456)],
    SHANGHAI,
    Period.DAY,
)
NAMES = {1: "王芳", None: "Team"}.get


def test_csv_and_xlsx_carry_the_same_figures(tmp_path):
    (written,) = export_kpis(ROWS, tmp_path / "k.csv", NAMES, "CNY")
    with written.open(encoding="utf-8-sig") as fh:
        lines = list(csv.DictReader(fh))
    assert [r["collector"] for r in lines] == ["王芳", "Team"]
    first = lines[0]
    assert (first["period"], first["contacts"], first["hours"]) == ("2026-11-26", "2", "1.0")
    assert first["rpc_rate"] == "0.5" and first["promise_rate"] == "0.0"
    assert first["kept_rate"] == ""  # nothing was promised: no rate, not 0 %
    assert first["collected (CNY)"] == "1234.56"

    (book,) = export_kpis(ROWS, tmp_path / "k.xlsx", NAMES, "CNY")
    sheet = load_workbook(book)["KPIs"]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["collector"] == "王芳" and values["collected (CNY)"] == 1234.56
    assert values["rpc_rate"] == 0.5 and values["kept_rate"] is None
    assert sheet.cell(2, header.index("rpc_rate") + 1).number_format == "0.0%"
    assert values["period"].date() == date(2026, 11, 26)


def test_other_formats_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_kpis(ROWS, tmp_path / "k.pdf", NAMES, "CNY")


FLOWS = [
    FlowRow(date(2026, 11, 26), 1, "M2", 4, 1, 2),
    FlowRow(date(2026, 11, 26), None, "M2", 4, 1, 2),
]


def test_roll_and_cure_go_on_a_second_sheet_or_a_second_file(tmp_path):
    (book,) = export_kpis(ROWS, tmp_path / "k.xlsx", NAMES, "CNY", FLOWS)
    sheet = load_workbook(book)["roll-cure"]
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert (first["collector"], first["bucket"], first["cases"]) == ("王芳", "M2", 4)
    assert (first["roll_rate"], first["cure_rate"]) == (0.25, 0.5)
    assert sheet.cell(2, header.index("cure_rate") + 1).number_format == "0.0%"

    first_csv, flows_csv = export_kpis(ROWS, tmp_path / "k.csv", NAMES, "CNY", FLOWS)
    assert (first_csv.name, flows_csv.name) == ("k.csv", "k-roll-cure.csv")
    with flows_csv.open(encoding="utf-8-sig") as fh:
        lines = list(csv.DictReader(fh))
    assert [(r["collector"], r["rolled"], r["cure_rate"]) for r in lines] == [
        ("王芳", "1", "0.5"),
        ("Team", "1", "0.5"),
    ]


def test_a_collector_named_like_a_formula_is_written_as_text(tmp_path):
    name = {1: '=HYPERLINK("http://x","click")', None: "Team"}.get
    (written,) = export_kpis(ROWS, tmp_path / "k.csv", name, "CNY")
    with written.open(encoding="utf-8-sig") as fh:
        lines = list(csv.DictReader(fh))
    assert lines[0]["collector"] == '\'=HYPERLINK("http://x","click")'
    assert lines[0]["collected (CNY)"] == "1234.56"

    (book,) = export_kpis(ROWS, tmp_path / "k.xlsx", name, "CNY", FLOWS)
    for sheet in load_workbook(book):
        cell = sheet.cell(2, [c.value for c in sheet[1]].index("collector") + 1)
        assert (cell.value, cell.data_type) == ('\'=HYPERLINK("http://x","click")', "s")
