"""The team's numbers as a CSV or XLSX file a lead can open in a spreadsheet.

Amounts are written in major units with the currency in the header (a spreadsheet sums them),
rates as fractions (formatted as percentages in XLSX), and an empty cell where a rate has no
denominator: "no calls" is not "0 %".
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from collector_desk.domain.kpis import KpiRow
from collector_desk.domain.money import Money

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
RATES = {"rpc_rate", "promise_rate", "kept_rate"}


def _values(row: KpiRow, name: Callable[[int | None], str], currency: str) -> list:
    def major(minor: int) -> Decimal:
        return Decimal(Money(minor, currency).major_text(grouping=False))

    def rate(value: float | None):
        return None if value is None else round(value, 4)

    return [
        row.period,
        name(row.collector_id),
        row.contacts,
        round(row.hours, 2),
        None if row.contacts_per_hour is None else round(row.contacts_per_hour, 2),
        row.right_party,
        rate(row.rpc_rate),
        row.promises,
        rate(row.promise_rate),
        major(row.promised_minor),
        major(row.kept_minor),
        rate(row.kept_rate),
        major(row.collected_minor),
        row.broken_no_follow_up,
    ]


def export_kpis(
    rows: Sequence[KpiRow], path: Path, name: Callable[[int | None], str], currency: str
) -> Path:
    """Write `rows` to `path` (.csv or .xlsx, by its suffix); `name` gives a collector's name
    (None: the team)."""
    header = [f"{c} ({currency})" if c in ("promised", "kept", "collected") else c for c in COLUMNS]
    data = [_values(r, name, currency) for r in rows]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook  # only a lead exporting pays for importing it

        book = Workbook()
        sheet = book.active
        sheet.title = "KPIs"
        sheet.append(header)
        for values in data:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in values])
        for col, column in enumerate(COLUMNS, start=1):
            fmt = "0.0%" if column in RATES else "#,##0.00" if "(" in header[col - 1] else None
            if fmt:
                for cell in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                    cell[0].number_format = fmt
        book.save(path)
    elif path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel reads UTF-8
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(["" if v is None else v for v in values] for values in data)
    else:
        raise ValueError(f"export to .csv or .xlsx, not {path.suffix!r}")
    return path
