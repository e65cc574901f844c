"""The team's numbers as CSV or XLSX files a lead can open in a spreadsheet.

Amounts are written in major units with the currency in the header (a spreadsheet sums them),
rates as fractions (formatted as percentages in XLSX), and an empty cell where a rate has no
denominator: "no calls" is not "0 %". Roll and cure by bucket go on a second sheet of the
workbook, or into a second CSV file beside the first (a CSV holds one table).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from collector_desk.domain.flows import FlowRow
from collector_desk.domain.kpis import KpiRow
from collector_desk.domain.money import Money
from collector_desk.files.write_table import Sheet, write_csv, write_xlsx

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
PERCENT = dict.fromkeys(RATES, "0.0%")  # the XLSX number format of every rate column


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
    amounts = {c: f"{c} ({currency})" for c in AMOUNTS}
    header = [amounts.get(c, c) for c in COLUMNS]
    tables = [
        Sheet(
            "KPIs",
            header,
            [_kpi_values(r, name, currency) for r in rows],
            {**PERCENT, **dict.fromkeys(amounts.values(), "#,##0.00")},
        )
    ]
    if flows:
        tables.append(
            Sheet(
                "roll-cure",
                FLOW_COLUMNS,
                [_flow_values(f, name) for f in flows],
                PERCENT,
            )
        )
    if suffix == ".xlsx":
        write_xlsx(path, tables)
        return [path]
    written = []
    for i, table in enumerate(tables):
        target = path if i == 0 else path.with_name(f"{path.stem}-{table.title}{path.suffix}")
        write_csv(target, table.header, table.rows)
        written.append(target)
    return written
