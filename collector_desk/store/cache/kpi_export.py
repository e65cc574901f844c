"""The team's numbers as CSV or XLSX files a lead can open in a spreadsheet.

Amounts are written in major units, in columns of their own for each currency with the
currency in the header ("collected (CNY)", "collected (USD)"): a spreadsheet sums a column and
never adds dollars to yuan, and a row stays one period of one collector. Rates are fractions
(formatted as percentages in XLSX), and an empty cell where a rate has no denominator: "no
calls" is not "0 %". Roll and cure by bucket go on a second sheet of the
workbook, or into a second CSV file beside the first (a CSV holds one table).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from collector_desk.domain.flows import FlowRow
from collector_desk.domain.kpis import Amounts, KpiRow, currencies
from collector_desk.domain.money import Money
from collector_desk.files.write_table import Sheet, write_csv, write_xlsx

Name = Callable[[int | None], str]

COLUMNS = (
    "period",
    "collector",
    "contacts",
    "hours",
    "contacts_per_hour",
    "talk_hours",
    "right_party",
    "rpc_rate",
    "promises",
    "promise_rate",
    "broken_no_follow_up",
)
MONEY_COLUMNS = ("promised", "kept", "kept_rate", "collected")  # each currency's, in turn
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


def _money_header(codes: Sequence[str]) -> list[str]:
    return [f"{column} ({code})" for code in codes for column in MONEY_COLUMNS]


def _kpi_values(row: KpiRow, name: Name, codes: Sequence[str]) -> list:
    def major(minor: int, code: str) -> Decimal:
        return Decimal(Money(minor, code).major_text(grouping=False))

    values = [
        row.period,
        name(row.collector_id),
        row.contacts,
        round(row.hours, 2),
        None if row.contacts_per_hour is None else round(row.contacts_per_hour, 2),
        round(row.talk_seconds / 3600, 2),
        row.right_party,
        _rate(row.rpc_rate),
        row.promises,
        _rate(row.promise_rate),
        row.broken_no_follow_up,
    ]
    for code in codes:
        a = row.money.get(code, Amounts())  # nothing in this currency: 0, and no kept rate
        values += [
            major(a.promised_minor, code),
            major(a.kept_minor, code),
            _rate(a.kept_rate),
            major(a.collected_minor, code),
        ]
    return values


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
    flows: Sequence[FlowRow] = (),
) -> list[Path]:
    """Write `rows` (and `flows`, if any) to `path`, .csv or .xlsx by its suffix; `name` gives a
    collector's name (None: the team). Returns the files written."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"export to .csv or .xlsx, not {path.suffix!r}")
    codes = currencies(rows)
    header = [*COLUMNS, *_money_header(codes)]
    formats = dict(PERCENT)
    for code in codes:
        digits = Money(0, code).digits  # a yen amount has no decimals to show
        amount = "#,##0" + ("." + "0" * digits if digits else "")
        formats |= dict(zip(_money_header([code]), (amount, amount, "0.0%", amount), strict=True))
    tables = [Sheet("KPIs", header, [_kpi_values(r, name, codes) for r in rows], formats)]
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
