"""Money as integer minor units with an ISO 4217 currency code; never a float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Minor-unit exponents for the currencies our portfolios use; anything else must be added
# here deliberately rather than guessed.
MINOR_DIGITS: dict[str, int] = {
    "CNY": 2,
    "HKD": 2,
    "USD": 2,
    "AUD": 2,
    "INR": 2,
    "EUR": 2,
    "GBP": 2,
    "SGD": 2,
    "JPY": 0,
    "KRW": 0,
}

# No amount anyone owes has more digits than this; a 64-bit column holds 18 with the minor part.
MAX_MAJOR_DIGITS = 15

_CODE = re.compile(r"^[A-Z]{3}$")


class MoneyError(ValueError):
    """An amount that is not a whole number of minor units, or currencies that do not mix."""


class AmountTooLarge(MoneyError):
    """More digits than any amount owed has: a broken export, or an attempt to overflow."""


def check_minor(value: object) -> int:
    """Return value if it is a whole number of minor units; refuse floats, bools and strings."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise MoneyError(f"money must be integer minor units, got {type(value).__name__}")
    return value


def check_currency(code: object) -> str:
    if not isinstance(code, str) or not _CODE.match(code) or code not in MINOR_DIGITS:
        raise MoneyError(f"unknown currency code {code!r}")
    return code


@dataclass(frozen=True, slots=True, order=False)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        check_minor(self.minor)
        check_currency(self.currency)

    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise MoneyError(f"cannot combine money with {type(other).__name__}")
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    @property
    def digits(self) -> int:
        return MINOR_DIGITS[self.currency]

    def major_text(self, grouping: bool = True) -> str:
        """The amount in major units as text, exact (no float on the way): 1234567 -> 12,345.67."""
        sign = "-" if self.minor < 0 else ""
        whole, frac = divmod(abs(self.minor), 10**self.digits)
        whole_text = f"{whole:,}" if grouping else str(whole)
        if self.digits == 0:
            return f"{sign}{whole_text}"
        return f"{sign}{whole_text}.{frac:0{self.digits}d}"

    def __str__(self) -> str:
        return f"{self.major_text()} {self.currency}"


_PLAIN = re.compile(rf"([0-9]{{1,{MAX_MAJOR_DIGITS}}})(?:\.([0-9]+))?")


def parse_major(text: str, currency: str) -> int:
    """What a person typed ("1,500.5", "１５００") as minor units; refuse anything inexact."""
    digits = MINOR_DIGITS[check_currency(currency)]
    plain = _PLAIN.fullmatch(text)
    if plain is not None and len(plain[2] or "") <= digits:
        # "1234.5" as a bank's file writes it, a million times an import: no Decimal needed
        whole, fraction = plain[1], (plain[2] or "").ljust(digits, "0")
        return int(whole + fraction) if digits else int(whole)
    cleaned = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    if not cleaned:
        raise MoneyError("no amount given")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise MoneyError(f"not an amount: {text!r}") from exc
    if not value.is_finite():
        raise MoneyError(f"not an amount: {text!r}")
    if value.adjusted() >= MAX_MAJOR_DIGITS:  # before int(): "1e999999999" is a huge number
        raise AmountTooLarge(f"more than {MAX_MAJOR_DIGITS} digits before the point")
    minor = value.scaleb(digits)
    if minor != minor.to_integral_value():
        raise MoneyError(f"more decimals than {currency} has")
    return int(minor)
