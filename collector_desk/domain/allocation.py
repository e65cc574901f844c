"""One line of an allocation file, checked: which case, whose, who the customer is, which card
account with what balance. Every problem is reported with its column, nothing is guessed."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from collector_desk.domain.money import (
    MINOR_DIGITS,
    AmountTooLarge,
    MoneyError,
    check_currency,
    parse_major,
)
from collector_desk.domain.phones import InvalidPhoneNumber, to_e164

COLUMNS = (
    "case_ref",
    "assigned_to",
    "customer_ref",
    "full_name",
    "national_id",
    "country",
    "time_zone",
    "preferred_language",
    "mobile",
    "home_phone",
    "email",
    "account_ref",
    "card_last4",
    "product",
    "currency",
    "credit_limit",
    "balance",
    "overdue",
    "minimum_due",
    "dpd",
    "due_date",
)
REQUIRED = {
    "case_ref",
    "assigned_to",
    "customer_ref",
    "full_name",
    "national_id",
    "country",
    "time_zone",
    "preferred_language",
    "mobile",
    "account_ref",
    "card_last4",
    "currency",
    "credit_limit",
    "balance",
    "overdue",
    "minimum_due",
    "dpd",
    "due_date",
}
# Columns a file may leave out: the customer's own policy pack overrides the portfolio's; the
# region (ISO 3166-2 subdivision without the country, "NSW") picks regional public holidays.
OPTIONAL_COLUMNS = ("policy_pack", "region")
LANGUAGES = {"zh_CN", "en_US"}
# The longest value each text column may hold, as wide as the central store's column (a test
# holds them to the schema): refused here, the same on SQLite and PostgreSQL.
MAX_LENGTHS = {
    "case_ref": 32,
    "assigned_to": 64,
    "customer_ref": 32,
    "full_name": 200,
    "national_id": 32,
    "time_zone": 64,
    "email": 254,  # RFC 5321's path limit
    "account_ref": 32,
    "product": 64,
    "policy_pack": 16,
    "region": 3,
}
DEFAULT_MAX_LENGTH = 64  # every other column: codes, numbers, amounts, dates
EXCERPT = 40  # characters of a refused value a report shows


@dataclass(frozen=True, slots=True)
class SanityLimits:
    """What a bank's file may claim before a person must look at it (resources/config/
    imports.toml): a card balance of 10^16 or 100 million days past due is a broken export."""

    max_amount_major: int = 100_000_000
    max_dpd: int = 3650
    due_date_years_back: int = 20
    due_date_days_ahead: int = 366
    today: date = field(default_factory=date.today)

    def due_date_window(self) -> tuple[date, date]:
        first = self.today.replace(year=self.today.year - self.due_date_years_back, day=1)
        return first, self.today + timedelta(days=self.due_date_days_ahead)

    def amount(self, text: str, currency: str) -> int:
        """A file's amount in minor units: MoneyError if it is not one, AmountTooLarge past
        max_amount_major (a sign is the caller's to judge)."""
        minor = parse_major(text, currency)
        if minor > self.max_amount_major * 10 ** MINOR_DIGITS[currency]:
            raise AmountTooLarge(f"more than {self.max_amount_major} {currency}")
        return minor


def cell_errors(number: int, value: Mapping[str, str]) -> list[CellError]:
    """Control characters and cells longer than their column, for a line of any import file."""
    errors = []
    for column, text in value.items():
        if not text.isprintable() and has_control_character(text):  # isprintable: the fast no
            errors.append(CellError(number, column, "control_character", text))
        elif len(text) > MAX_LENGTHS.get(column, DEFAULT_MAX_LENGTH):
            errors.append(CellError(number, column, "too_long", text))
    return errors


@dataclass(frozen=True, slots=True)
class CellError:
    row: int  # 1-based line in the file, counting the header as line 1
    column: str
    reason: str  # a code the report words: "required", "not_a_number", ...
    value: str = ""

    def __post_init__(self) -> None:
        # a 50 MB cell must not become a 50 MB report
        if len(self.value) > EXCERPT:
            object.__setattr__(self, "value", self.value[: EXCERPT - 1] + "…")


def has_control_character(text: str) -> bool:
    """NUL and the other control characters: PostgreSQL refuses NUL, and none belongs in a
    name or a reference (a tab or a newline in one is a broken export)."""
    return not text.isprintable() and any(unicodedata.category(c) == "Cc" for c in text)


@dataclass(frozen=True, slots=True)
class AllocationLine:
    case_ref: str
    assigned_to: str
    customer_ref: str
    full_name: str
    national_id: str
    country: str
    time_zone: str
    preferred_language: str
    phones: tuple[tuple[str, str], ...]  # (kind, E.164)
    email: str | None
    account_ref: str
    card_last4: str
    product: str
    currency: str
    credit_limit_minor: int
    balance_minor: int
    overdue_minor: int
    minimum_due_minor: int
    dpd: int
    due_date: date
    policy_pack: str | None = None
    region: str | None = None


def check_header(header: list[str]) -> list[CellError]:
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS and c not in OPTIONAL_COLUMNS]
    return [CellError(1, c, "missing_column") for c in missing] + [
        CellError(1, c, "unknown_column") for c in unknown
    ]


def parse_line(
    number: int,
    cells: dict[str, str],
    packs: Collection[str] | None = None,
    limits: SanityLimits | None = None,
    regions: Mapping[str, Collection[str]] | None = None,
) -> AllocationLine | list[CellError]:
    """`packs`: the policy packs this installation knows, to refuse a line naming another;
    `regions`: each country's known subdivisions, to refuse a region that is none of them."""
    limits = limits or SanityLimits()
    errors: list[CellError] = []
    value = {k: (cells.get(k) or "").strip() for k in (*COLUMNS, *OPTIONAL_COLUMNS)}

    def fail(column: str, reason: str) -> None:
        errors.append(CellError(number, column, reason, value.get(column, "")))

    errors.extend(cell_errors(number, value))
    for column in REQUIRED:
        if not value[column]:
            fail(column, "required")
    if errors:
        return errors
    country = value["country"].upper()
    if len(country) != 2 or not country.isalpha():
        fail("country", "not_a_country")
    try:
        ZoneInfo(value["time_zone"])
    except (ZoneInfoNotFoundError, ValueError):
        fail("time_zone", "not_a_time_zone")
    if value["preferred_language"] not in LANGUAGES:
        fail("preferred_language", "not_a_language")
    pack = value["policy_pack"].upper() or None
    if pack is not None and packs is not None and pack not in packs:
        fail("policy_pack", "unknown_policy_pack")
    region = value["region"].upper() or None
    if region is not None:
        known = (regions or {}).get(country, ())
        if not (region.isascii() and region.isalnum()) or (known and region not in known):
            fail("region", "not_a_region")
    phones = []
    for column in ("mobile", "home_phone"):
        if value[column]:
            try:
                phones.append((column, to_e164(value[column], country, column == "mobile")))
            except InvalidPhoneNumber as exc:
                fail(column, exc.reason)
    email = value["email"] or None
    if email is not None and not _looks_like_email(email):
        fail("email", "not_an_email")
    if len(value["card_last4"]) != 4 or not value["card_last4"].isdigit():
        fail("card_last4", "not_four_digits")
    currency = value["currency"].upper()
    try:
        check_currency(currency)
    except MoneyError:
        fail("currency", "unknown_currency")
        currency = ""
    amounts = {}
    for column in ("credit_limit", "balance", "overdue", "minimum_due"):
        try:
            amounts[column] = limits.amount(value[column], currency or "CNY")
            if amounts[column] < 0:
                fail(column, "negative")
        except AmountTooLarge:
            fail(column, "amount_too_large")
        except MoneyError:
            fail(column, "not_an_amount")
    dpd = None
    if not (value["dpd"].isascii() and value["dpd"].isdigit()):
        fail("dpd", "not_a_whole_number")
    elif len(value["dpd"]) > 9 or int(value["dpd"]) > limits.max_dpd:
        fail("dpd", "dpd_too_large")
    else:
        dpd = int(value["dpd"])
    due = None
    try:
        due = date.fromisoformat(value["due_date"])
        first, last = limits.due_date_window()
        if not first <= due <= last:
            fail("due_date", "date_out_of_range")
    except ValueError:
        fail("due_date", "not_a_date")
    if not errors and amounts["overdue"] > amounts["balance"]:
        fail("overdue", "more_than_balance")
    if errors:
        return errors
    assert dpd is not None and due is not None  # each was set, or its failure recorded
    return AllocationLine(
        case_ref=value["case_ref"],
        assigned_to=value["assigned_to"],
        customer_ref=value["customer_ref"],
        full_name=value["full_name"],
        national_id=value["national_id"],
        country=country,
        time_zone=value["time_zone"],
        preferred_language=value["preferred_language"],
        phones=tuple(phones),
        email=email,
        account_ref=value["account_ref"],
        card_last4=value["card_last4"],
        product=value["product"] or "standard",
        currency=currency,
        credit_limit_minor=amounts["credit_limit"],
        balance_minor=amounts["balance"],
        overdue_minor=amounts["overdue"],
        minimum_due_minor=amounts["minimum_due"],
        dpd=dpd,
        due_date=due,
        policy_pack=pack,
        region=region,
    )


def _looks_like_email(text: str) -> bool:
    """One @ between a local part and a dotted domain, no spaces: enough to catch a phone
    number or a name in the e-mail column; the mail relay is the judge of the rest."""
    local, at, domain = text.rpartition("@")
    return bool(at and local and "." in domain.strip(".") and " " not in text)
