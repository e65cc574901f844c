"""Allocation and payments files (CSV or XLSX) into the central store, with a report of
every bad cell; a file with any bad cell imports nothing.

The formats are documented by resources/samples/allocation.csv (one line per card account;
the lines of one case repeat its case and customer) and resources/samples/payments.csv (one
line per payment; amounts in major units, times with their offset, a bank reference that
makes a repeated file harmless).
"""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.allocation import CellError, check_header, parse_line
from collector_desk.domain.money import MoneyError, parse_major
from collector_desk.store.central.allocations import (
    ImportRefused,
    ImportSummary,
    import_allocation,
)
from collector_desk.store.central.payments import (
    SOURCES,
    PaymentLine,
    PaymentsSummary,
    import_payments,
)
from collector_desk.store.shared.schema import CardAccount

MAX_ROWS = 200_000

REASONS = {
    "required": "is required",
    "missing_column": "column is missing from the header",
    "unknown_column": "is not a column of the allocation format",
    "not_a_country": "is not a two-letter country code",
    "not_a_time_zone": "is not an IANA time zone such as Asia/Shanghai",
    "not_a_language": "must be zh_CN or en_US",
    "not_a_phone_number": "is not a valid phone number for the country",
    "not_an_email": "is not an e-mail address",
    "not_four_digits": "must be the card's last four digits",
    "unknown_currency": "is not a currency we know",
    "not_an_amount": "is not an amount such as 1234.50",
    "negative": "cannot be negative",
    "not_a_whole_number": "is not a whole number",
    "not_a_date": "is not a date such as 2026-11-28",
    "more_than_balance": "is larger than the balance",
    "differs_within_case": "differs from an earlier line of the same case",
    "differs_within_customer": "differs from an earlier line of the same customer",
    "repeated": "appears twice",
    "no_such_user": "is not a user of the central store",
    "not_a_collector": "is not a collector or team lead",
    "belongs_to_another": "belongs to another customer",
    "unreadable": "could not be read",
    "no_such_account": "is not an account of the central store",
    "no_case": "has no case",
    "not_a_time": "is not a time with its offset, such as 2026-11-28T10:15:00+08:00",
    "not_positive": "must be more than zero",
    "unknown_source": "must be bank_transfer, mobile_app, counter or auto_debit",
    "too_many_rows": "has too many rows",
    "unknown_policy_pack": "is not a policy pack of this installation (resources/policy_packs)",
}


class FileRefused(ValueError):
    def __init__(self, errors: list[CellError]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors

    def report(self) -> str:
        return "\n".join(
            f"line {e.row}, column {e.column}: "
            + (f"{e.value!r} " if e.value else "")
            + REASONS.get(e.reason, e.reason)
            for e in sorted(self.errors, key=lambda e: (e.row, e.column))
        )


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of a CSV (UTF-8, with or without BOM) or XLSX file."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        values = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    else:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            values = list(csv.reader(fh))
    if not values:
        return [], []
    header = [h.strip() for h in values[0]]
    rows = [
        dict(zip(header, row, strict=False)) for row in values[1:] if any(c.strip() for c in row)
    ]
    return header, rows


def _read(path: Path, header_errors) -> list[dict[str, str]]:
    """The rows of a file whose header passes, or FileRefused naming what is wrong."""
    try:
        header, rows = read_table(path)
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise FileRefused([CellError(0, "file", "unreadable", str(exc)[:100])]) from exc
    errors = header_errors(header)
    if len(rows) > MAX_ROWS:
        errors.append(CellError(0, "file", "too_many_rows", str(len(rows))))
    if errors:
        raise FileRefused(errors)
    return rows


def _parse_and_import(rows, parse, store_import, engine: Engine):
    """Parse every row; import only if none is bad, and only all of them."""
    errors: list[CellError] = []
    lines = []
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        parsed = parse(number, row)
        if isinstance(parsed, list):
            errors.extend(parsed)
        else:
            lines.append((number, parsed))
    if errors:
        raise FileRefused(errors)
    try:
        return store_import(engine, lines, datetime.now(UTC))
    except ImportRefused as refused:
        raise FileRefused(refused.errors) from refused


def import_allocation_file(
    engine: Engine, path: Path, portfolio_pack: str | None = None
) -> ImportSummary:
    """`portfolio_pack`: the policy pack for this portfolio's customers, unless a line names
    the customer's own; without either, the customer's country's pack applies."""
    packs = set(default_packs())
    if portfolio_pack is not None and portfolio_pack not in packs:
        raise ValueError(f"{portfolio_pack!r} is not a policy pack ({', '.join(sorted(packs))})")
    rows = _read(path, check_header)

    def parse(number: int, row: dict):
        line = parse_line(number, row, packs)
        if isinstance(line, list) or line.policy_pack or portfolio_pack is None:
            return line
        return replace(line, policy_pack=portfolio_pack)

    return _parse_and_import(rows, parse, import_allocation, engine)


PAYMENT_COLUMNS = ("account_ref", "amount", "paid_at", "reference", "source")


def _payment_line(number: int, row: dict[str, str], currency_of) -> PaymentLine | list[CellError]:
    value = {k: (row.get(k) or "").strip() for k in PAYMENT_COLUMNS}
    errors = [CellError(number, c, "required") for c in PAYMENT_COLUMNS if not value[c]]
    if errors:
        return errors
    amount = None
    try:
        amount = parse_major(value["amount"], currency_of(value["account_ref"]) or "CNY")
        if amount <= 0:
            errors.append(CellError(number, "amount", "not_positive", value["amount"]))
    except MoneyError:
        errors.append(CellError(number, "amount", "not_an_amount", value["amount"]))
    paid_at = None
    try:
        paid_at = datetime.fromisoformat(value["paid_at"])
        if paid_at.tzinfo is None:
            raise ValueError("no offset")
    except ValueError:
        errors.append(CellError(number, "paid_at", "not_a_time", value["paid_at"]))
    if value["source"] not in SOURCES:
        errors.append(CellError(number, "source", "unknown_source", value["source"]))
    if errors:
        return errors
    assert amount is not None and paid_at is not None  # each was set, or its failure recorded
    return PaymentLine(
        value["account_ref"], amount, paid_at, value["reference"][:64], value["source"]
    )


def import_payments_file(engine: Engine, path: Path) -> PaymentsSummary:
    rows = _read(
        path,
        lambda header: [
            CellError(1, c, "missing_column") for c in PAYMENT_COLUMNS if c not in header
        ],
    )
    with Session(engine) as session:  # amounts are parsed in their account's currency
        refs = {r.get("account_ref", "").strip() for r in rows}
        query = select(CardAccount.account_ref, CardAccount.currency).where(
            CardAccount.account_ref.in_(refs)
        )
        currencies = {ref: currency for ref, currency in session.execute(query)}
    return _parse_and_import(
        rows, lambda n, row: _payment_line(n, row, currencies.get), import_payments, engine
    )
