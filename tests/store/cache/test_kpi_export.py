"""The team's numbers open in a spreadsheet: CSV and XLSX say the same."""

import csv
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from collector_desk.domain.cases import PromiseStatus
from collector_desk.domain.contacts import Outcome
from collector_desk.domain.flows import FlowRow
from collector_desk.domain.kpis import ContactFact, PaymentFact, Period, PromiseFact, kpis
from collector_desk.store.cache.kpi_export import export_kpis

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROWS = kpis(
    [
        ContactFact(1, datetime(2026, 11, 26, 1, 0, tzinfo=UTC), Outcome.RIGHT_PARTY),
        ContactFact(1, datetime(2026, 11, 26, 1, 55, tzinfo=UTC), Outcome.NO_ANSWER),
    ],
    [],
    [PaymentFact(1, datetime(2026, 11, 26, 2, 0, tzinfo=UTC), 123_456, "CNY")],
    SHANGHAI,
    Period.DAY,
)
NAMES = {1: "王芳", None: "Team"}.get


def test_csv_and_xlsx_carry_the_same_figures(tmp_path):
    (written,) = export_kpis(ROWS, tmp_path / "k.csv", NAMES)
    with written.open(encoding="utf-8-sig") as fh:
        lines = list(csv.DictReader(fh))
    assert [r["collector"] for r in lines] == ["王芳", "Team"]
    first = lines[0]
    assert (first["period"], first["contacts"], first["hours"]) == ("2026-11-26", "2", "1.0")
    assert first["rpc_rate"] == "0.5" and first["promise_rate"] == "0.0"
    assert first["kept_rate (CNY)"] == ""  # nothing was promised: no rate, not 0 %
    assert first["collected (CNY)"] == "1234.56"

    (book,) = export_kpis(ROWS, tmp_path / "k.xlsx", NAMES)
    sheet = load_workbook(book)["KPIs"]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["collector"] == "王芳" and values["collected (CNY)"] == 1234.56
    assert values["rpc_rate"] == 0.5 and values["kept_rate (CNY)"] is None
    assert sheet.cell(2, header.index("rpc_rate") + 1).number_format == "0.0%"
    assert values["period"].date() == date(2026, 11, 26)


def test_other_formats_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_kpis(ROWS, tmp_path / "k.pdf", NAMES)


FLOWS = [
    FlowRow(date(2026, 11, 26), 1, "M2", 4, 1, 2),
    FlowRow(date(2026, 11, 26), None, "M2", 4, 1, 2),
]


def test_roll_and_cure_go_on_a_second_sheet_or_a_second_file(tmp_path):
    (book,) = export_kpis(ROWS, tmp_path / "k.xlsx", NAMES, flows=FLOWS)
    sheet = load_workbook(book)["roll-cure"]
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert (first["collector"], first["bucket"], first["cases"]) == ("王芳", "M2", 4)
    assert (first["roll_rate"], first["cure_rate"]) == (0.25, 0.5)
    assert sheet.cell(2, header.index("cure_rate") + 1).number_format == "0.0%"

    first_csv, flows_csv = export_kpis(ROWS, tmp_path / "k.csv", NAMES, flows=FLOWS)
    assert (first_csv.name, flows_csv.name) == ("k.csv", "k-roll-cure.csv")
    with flows_csv.open(encoding="utf-8-sig") as fh:
        lines = list(csv.DictReader(fh))
    assert [(r["collector"], r["rolled"], r["cure_rate"]) for r in lines] == [
        ("王芳", "1", "0.5"),
        ("Team", "1", "0.5"),
    ]


def test_a_collector_named_like_a_formula_is_written_as_text(tmp_path):
    name = {1: '=HYPERLINK("http://x","click")', None: "Team"}.get
    (written,) = export_kpis(ROWS, tmp_path / "k.csv", name)
    with written.open(encoding="utf-8-sig") as fh:
        lines = list(csv.DictReader(fh))
    assert lines[0]["collector"] == '\'=HYPERLINK("http://x","click")'
    assert lines[0]["collected (CNY)"] == "1234.56"

    (book,) = export_kpis(ROWS, tmp_path / "k.xlsx", name, flows=FLOWS)
    for sheet in load_workbook(book):
        cell = sheet.cell(2, [c.value for c in sheet[1]].index("collector") + 1)
        assert (cell.value, cell.data_type) == ('\'=HYPERLINK("http://x","click")', "s")


def test_each_currency_has_columns_of_its_own(tmp_path):
    """The demo team's mix: yuan and dollars on the same day are never one figure; a yen
    amount has no decimals."""
    at = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
    rows = kpis(
        [ContactFact(1, at, Outcome.PROMISE_TO_PAY), ContactFact(2, at, Outcome.NO_ANSWER)],
        [
            PromiseFact(1, date(2026, 11, 26), 40_000, 10_000, "USD", PromiseStatus.PARTIAL),
            PromiseFact(2, date(2026, 11, 26), 5_000, 5_000, "JPY", PromiseStatus.KEPT),
        ],
        [
            PaymentFact(1, at, 60_000_000, "CNY"),
            PaymentFact(1, at, 15_000, "USD"),
            PaymentFact(2, at, 25_050, "USD"),
        ],
        SHANGHAI,
        Period.DAY,
    )
    names = {1: "王芳", 2: "Bob", None: "Team"}.get
    (written,) = export_kpis(rows, tmp_path / "k.csv", names)
    with written.open(encoding="utf-8-sig") as fh:
        lines = {r["collector"]: r for r in csv.DictReader(fh)}
    team = lines["Team"]
    assert team["collected (CNY)"] == "600000.00" and team["collected (USD)"] == "400.50"
    assert (team["promised (USD)"], team["kept (USD)"], team["kept_rate (USD)"]) == (
        "400.00",
        "100.00",
        "0.25",
    )
    assert (team["promised (JPY)"], team["kept_rate (JPY)"]) == ("5000", "1.0")
    assert team["contacts"] == "2"  # counts stay one figure
    bob = lines["Bob"]
    assert (bob["collected (CNY)"], bob["kept_rate (CNY)"]) == ("0.00", "")  # none in yuan

    (book,) = export_kpis(rows, tmp_path / "k.xlsx", names)
    sheet = load_workbook(book)["KPIs"]
    header = [c.value for c in sheet[1]]
    assert header[-12:] == [
        f"{column} ({code})"
        for code in ("CNY", "JPY", "USD")
        for column in ("promised", "kept", "kept_rate", "collected")
    ]
    column = header.index("promised (JPY)") + 1
    assert sheet.cell(2, column).number_format == "#,##0"
    assert sheet.cell(2, header.index("collected (USD)") + 1).number_format == "#,##0.00"
    assert sheet.cell(2, header.index("kept_rate (USD)") + 1).number_format == "0.0%"
