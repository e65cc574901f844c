"""Allocation and payments files (CSV or XLSX) into the central store, with a report of
every bad cell; a file with any bad cell imports nothing.

The formats are documented by resources/samples/allocation.csv (one line per card account;
the lines of one case repeat its case and customer) and resources/samples/payments.csv (one
line per payment; amounts in major units, times with their offset, a bank reference that
makes a repeated file harmless).

Files stream: a line is read, checked and staged before the next is read, so memory stays flat
whatever the file's size, and a hostile file is refused at the limit it breaks (files/
read_table) before it costs more than that.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.config.holiday_calendar import known_regions
from collector_desk.config.loaders import default_bucket_scheme, import_limits
from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.allocation import (
    CellError,
    SanityLimits,
    cell_errors,
    check_header,
    parse_line,
)
from collector_desk.domain.money import AmountTooLarge, MoneyError
from collector_desk.domain.progress import StageProgress
from collector_desk.files.read_table import TableRefused, open_table
from collector_desk.server.import_report import FileRefused
from collector_desk.server.parallel_parse import parse_in_parallel
from collector_desk.store.central.allocations import (
    MAX_ERRORS,
    ImportRefused,
    ImportSummary,
    import_staged,
    stage_row,
)
from collector_desk.store.central.payments import (
    SOURCES,
    PaymentLine,
    PaymentsSummary,
    import_payments,
)
from collector_desk.store.shared.schema import CardAccount

__all__ = ["FileRefused", "import_allocation_file", "import_payments_file"]

Line = TypeVar("Line")
Cells = tuple[tuple[str, ...], list[str]]  # (the header, one row's cells)


def _table_rows(path: Path, header_errors, encoding: str | None) -> Iterator[tuple[int, Cells]]:
    """The rows of a file whose header passes, as (line number, (header, cells)); FileRefused
    naming what is wrong with the file or its header, before any row is read. Every row holds
    the same header object, so a chunk of rows pickled for a worker carries it once."""
    try:
        with open_table(path, encoding=encoding) as table:
            errors = header_errors(table.header)
            if errors:
                raise FileRefused(errors)
            header = tuple(table.header)
            for number, cells in table.rows():
                yield number, (header, cells)
    except TableRefused as refused:
        raise FileRefused([], whole=refused) from refused


def _rows(path: Path, header_errors, encoding: str | None) -> Iterator[tuple[int, dict[str, str]]]:
    """_table_rows with each row's cells by column."""
    for number, (header, cells) in _table_rows(path, header_errors, encoding):
        yield number, dict(zip(header, cells, strict=False))


@dataclass(frozen=True, slots=True)
class AllocationParser:
    """One allocation line checked, as worker processes can run it (picklable)."""

    packs: frozenset[str]
    limits: SanityLimits
    portfolio_pack: str | None
    postgres: bool  # the staged row's form depends on the store's database

    def __call__(self, number: int, row: Cells) -> tuple | list[CellError]:
        header, cells = row
        cells_of = dict(zip(header, cells, strict=False))
        line = parse_line(number, cells_of, self.packs, self.limits, known_regions())
        if isinstance(line, list):
            return line
        if not line.policy_pack and self.portfolio_pack is not None:
            line = replace(line, policy_pack=self.portfolio_pack)
        # a row of plain values crosses back from a worker ten times faster than the line
        return stage_row(number, line, default_bucket_scheme(), self.postgres)


def _parsed(checked: Iterable[tuple[int, Line | list[CellError]]]) -> Iterator[tuple[int, Line]]:
    """Good lines until the first bad one; after it, every line is still checked (the report
    names them all, up to MAX_ERRORS) and ImportRefused ends the stream: nothing is imported."""
    errors: list[CellError] = []
    more = 0
    for number, parsed in checked:
        if isinstance(parsed, list):
            room = MAX_ERRORS - len(errors)
            errors.extend(parsed[: max(0, room)])
            more += max(0, len(parsed) - max(0, room))
        elif not errors:
            yield number, parsed
    if errors:
        raise ImportRefused(errors, more)


def import_allocation_file(
    engine: Engine,
    path: Path,
    portfolio_pack: str | None = None,
    *,
    encoding: str | None = None,
    limits: SanityLimits | None = None,
    progress: StageProgress | None = None,
) -> ImportSummary:
    """`portfolio_pack`: the policy pack for this portfolio's customers, unless a line names
    the customer's own; without either, the customer's country's pack applies. `encoding`:
    the CSV's, where detection (UTF-8, with or without BOM, or GB18030) would guess wrong."""
    packs = frozenset(default_packs())
    if portfolio_pack is not None and portfolio_pack not in packs:
        raise ValueError(f"{portfolio_pack!r} is not a policy pack ({', '.join(sorted(packs))})")
    postgres = engine.dialect.name == "postgresql"
    parse = AllocationParser(packs, limits or import_limits(), portfolio_pack, postgres)
    checked = parse_in_parallel(_table_rows(path, check_header, encoding), parse)
    staged = (row for _, row in _parsed(checked))
    try:
        return import_staged(engine, staged, datetime.now(UTC), progress)
    except ImportRefused as refused:
        raise FileRefused(refused.errors, refused.more) from refused


PAYMENT_COLUMNS = ("account_ref", "amount", "paid_at", "reference", "source")


def _payment_line(
    number: int, row: dict[str, str], currency_of, limits: SanityLimits
) -> PaymentLine | list[CellError]:
    value = {k: (row.get(k) or "").strip() for k in PAYMENT_COLUMNS}
    errors = [CellError(number, c, "required") for c in PAYMENT_COLUMNS if not value[c]]
    errors += cell_errors(number, value)
    if errors:
        return errors
    amount = None
    currency = currency_of(value["account_ref"]) or "CNY"
    try:
        amount = limits.amount(value["amount"], currency)
        if amount <= 0:
            errors.append(CellError(number, "amount", "not_positive", value["amount"]))
    except AmountTooLarge:
        errors.append(CellError(number, "amount", "amount_too_large", value["amount"]))
    except MoneyError:
        errors.append(CellError(number, "amount", "not_an_amount", value["amount"]))
    paid_at = None
    try:
        paid_at = datetime.fromisoformat(value["paid_at"])
        if paid_at.tzinfo is None:
            raise ValueError("no offset")
        first, _ = limits.due_date_window()
        # a bank's clock may run a little ahead of ours; a payment tomorrow is a broken export
        if not first <= paid_at.date() <= limits.today + timedelta(days=1):
            errors.append(CellError(number, "paid_at", "date_out_of_range", value["paid_at"]))
    except ValueError:
        errors.append(CellError(number, "paid_at", "not_a_time", value["paid_at"]))
    if value["source"] not in SOURCES:
        errors.append(CellError(number, "source", "unknown_source", value["source"]))
    if errors:
        return errors
    assert amount is not None and paid_at is not None  # each was set, or its failure recorded
    return PaymentLine(value["account_ref"], amount, paid_at, value["reference"], value["source"])


def _payment_header(header: list[str]) -> list[CellError]:
    return [CellError(1, c, "missing_column") for c in PAYMENT_COLUMNS if c not in header]


def import_payments_file(
    engine: Engine,
    path: Path,
    *,
    encoding: str | None = None,
    limits: SanityLimits | None = None,
) -> PaymentsSummary:
    limits = limits or import_limits()
    # amounts are parsed in their account's currency: one pass for the accounts named (short
    # references, bounded by the reader's limits), one to parse
    refs = {row.get("account_ref", "").strip() for _, row in _rows(path, _payment_header, encoding)}
    with Session(engine) as session:
        currencies: dict[str, str] = {}
        refs_list = sorted(refs)
        for start in range(0, len(refs_list), 10_000):
            query = select(CardAccount.account_ref, CardAccount.currency).where(
                CardAccount.account_ref.in_(refs_list[start : start + 10_000])
            )
            currencies.update({ref: currency for ref, currency in session.execute(query)})
    lines = _parsed(
        (n, _payment_line(n, row, currencies.get, limits))
        for n, row in _rows(path, _payment_header, encoding)
    )
    try:
        return import_payments(engine, list(lines), datetime.now(UTC))
    except ImportRefused as refused:
        raise FileRefused(refused.errors, refused.more) from refused
