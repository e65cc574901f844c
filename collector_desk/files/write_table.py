"""The one writer of every CSV and XLSX file the app hands out.

A customer's or a collector's name is typed by someone else and opened by a lead in a
spreadsheet, which runs text beginning with = + - @ (or a tab, or a carriage return) as a
formula. Such text is written behind a single quote (the OWASP CSV injection rule), in CSV and
in XLSX alike; numbers stay numbers (a spreadsheet sums them, and -12.50 is not a formula).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

Cell = str | int | float | Decimal | date | datetime | None

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Cell) -> Cell:
    """Text a spreadsheet would run as a formula, quoted; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table: a worksheet of a workbook, or the whole of a CSV file."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    formats: Mapping[str, str] = field(default_factory=dict)  # header -> XLSX number format


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """A CSV file in UTF-8 with a BOM (without it Excel guesses the encoding, and Chinese names
    come out garbled); an empty cell for None."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        for values in (header, *rows):
            writer.writerow(["" if v is None else neutralise(v) for v in values])


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """A workbook with one worksheet per sheet, in order."""
    from openpyxl import Workbook  # only someone exporting pays for importing it

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook opens on
    for sheet in sheets:
        target = book.create_sheet(sheet.title)
        for r, values in enumerate((sheet.header, *sheet.rows), start=1):
            for c, value in enumerate(values, start=1):
                cell = target.cell(r, c, neutralise(value))
                if isinstance(value, str):
                    cell.data_type = "s"  # openpyxl takes any text beginning with = for a formula
        for c, column in enumerate(sheet.header, start=1):
            if column in sheet.formats:
                for r in range(2, len(sheet.rows) + 2):
                    target.cell(r, c).number_format = sheet.formats[column]
    book.save(path)
