"""The team's numbers open in a spreadsheet: CSV and XLSX say the same."""

import csv
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from collector_desk.domain.contacts import Outcome
from collector_desk.domain.kpis import ContactFact, PaymentFact, Period, kpis
from collector_desk.store.kpi_export import export_kpis

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
    with export_kpis(ROWS, tmp_path / "k.csv", NAMES, "CNY").open(encoding="utf-8-sig") as fh:
        lines = list(csv.DictReader(fh))
    assert [r["collector"] for r in lines] == ["王芳", "Team"]
    first = lines[0]
    assert (first["period"], first["contacts"], first["hours"]) == ("2026-11-26", "2", "1.0")
    assert first["rpc_rate"] == "0.5" and first["promise_rate"] == "0.0"
    assert first["kept_rate"] == ""  # nothing was promised: no rate, not 0 %
    assert first["collected (CNY)"] == "1234.56"

    sheet = load_workbook(export_kpis(ROWS, tmp_path / "k.xlsx", NAMES, "CNY")).active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["collector"] == "王芳" and values["collected (CNY)"] == 1234.56
    assert values["rpc_rate"] == 0.5 and values["kept_rate"] is None
    assert sheet.cell(2, header.index("rpc_rate") + 1).number_format == "0.0%"
    assert values["period"].date() == date(2026, 11, 26)


def test_other_formats_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_kpis(ROWS, tmp_path / "k.pdf", NAMES, "CNY")
