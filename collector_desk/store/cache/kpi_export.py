"""The team's numbers as CSV or XLSX files a lead can open in a spreadsheet.

Amounts are written in major units with the currency in the header (a spreadsheet sums them),
rates as fractions (formatted as percentages in XLSX), and an empty cell where a rate has no
denominator: "no calls" is not "0 %". Roll and cure by bucket go on a second sheet of the
workbook, or into a second CSV file beside the first (a CSV holds one table).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from collector_desk.domain.flows import FlowRow
from collector_desk.domain.kpis import KpiRow
from collector_desk.domain.money import Money

Name = Callable[[int | None], str]

COLUMNS = (
    "period",
    "collector",
    "contacts",
    "hours",
    "contacts_per_hour",
    "right_party",
    "rpc_rate",
    "promises",
    "promise_rate",
    "promised",
    "kept",
    "kept_rate",
    "collected",
    "broken_no_follow_up",
)
AMOUNTS = {"promised", "kept", "collected"}
FLOW_COLUMNS = (
    "period",
    "collector",
    "bucket",
    "cases",
    "rolled",
    "roll_rate",
    "cured",
    "cure_rate",
)
RATES = {"rpc_rate", "promise_rate", "kept_rate", "roll_rate", "cure_rate"}


@dataclass(frozen=True, slots=True)
class _Table:
    name: str  # the sheet, or the suffix of the CSV file beside the first
    columns: Sequence[str]
    header: list[str]
    data: list[list]


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _kpi_values(row: KpiRow, name: Name, currency: str) -> list:
    def major(minor: int) -> Decimal:
        return Decimal(Money(minor, currency).major_text(grouping=False))

    return [
        row.period,
        name(row.collector_id),
        row.contacts,
        round(row.hours, 2),
        None if row.contacts_per_hour is None else round(row.contacts_per_hour, 2),
        row.right_party,
        _rate(row.rpc_rate),
        row.promises,
        _rate(row.promise_rate),
        major(row.promised_minor),
        major(row.kept_minor),
        _rate(row.kept_rate),
        major(row.collected_minor),
        row.broken_no_follow_up,
    ]


def _flow_values(row: FlowRow, name: Name) -> list:
    return [
        row.period,
        name(row.collector_id),
        row.bucket,
        row.cases,
        row.rolled,
        _rate(row.roll_rate),
        row.cured,
        _rate(row.cure_rate),
    ]


def export_kpis(
    rows: Sequence[KpiRow],
    path: Path,
    name: Name,
    currency: str,
    flows: Sequence[FlowRow] = (),
) -> list[Path]:
    """Write `rows` (and `flows`, if any) to `path`, .csv or .xlsx by its suffix; `name` gives a
    collector's name (None: the team). Returns the files written."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"export to .csv or .xlsx, not {path.suffix!r}")
    tables = [
        _Table(
            "KPIs",
            COLUMNS,
            [f"{c} ({currency})" if c in AMOUNTS else c for c in COLUMNS],
            [_kpi_values(r, name, currency) for r in rows],
        )
    ]
    if flows:
        tables.append(
            _Table(
                "roll-cure",
                FLOW_COLUMNS,
                list(FLOW_COLUMNS),
                [_flow_values(f, name) for f in flows],
            )
        )
    if suffix == ".xlsx":
        _xlsx(tables, path)
        return [path]
    written = []
    for i, table in enumerate(tables):
        target = path if i == 0 else path.with_name(f"{path.stem}-{table.name}{path.suffix}")
        with target.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel reads UTF-8
            writer = csv.writer(fh)
            writer.writerow(table.header)
            writer.writerows(["" if v is None else v for v in values] for values in table.data)
        written.append(target)
    return written


def _xlsx(tables: list[_Table], path: Path) -> None:
    from openpyxl import Workbook  # only a lead exporting pays for importing it

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook opens on
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append(table.header)
        for values in table.data:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in values])
        for col, column in enumerate(table.columns, start=1):
            fmt = "0.0%" if column in RATES else "#,##0.00" if column in AMOUNTS else None
            if fmt:
                for cell in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                    cell[0].number_format = fmt
    book.save(path)
