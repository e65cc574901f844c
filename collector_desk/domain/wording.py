"""Money and dates in a reader's language, without Qt: what a customer reads in a letter or a
message (the desk's preview and the server's sending word it the same way), and what the UI
shows once it knows its language (ui/common/formatting.py).

A reader's language decides the currency symbol, the separators and where the symbol goes, so
a Chinese reader sees "¥" for yuan and "US$" for dollars, an English one "CN¥" and "$" — each
currency named unambiguously beside the others. The grouping of digits alone comes from the
country whose currency it is, as the customer and the bank there write it: rupees in lakhs and
crores (₹12,34,567.00) in either language. The digits after the point are the currency's own
(domain.money: none for yen). Babel supplies symbols and patterns from CLDR.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel import Locale, localedata
from babel.dates import format_skeleton
from babel.numbers import NumberPattern

from collector_desk.domain.money import Money

# The country whose way of grouping digits an amount in this currency follows.
CURRENCY_COUNTRY = {
    "CNY": "CN",
    "HKD": "HK",
    "USD": "US",
    "AUD": "AU",
    "INR": "IN",
    "GBP": "GB",
    "SGD": "SG",
    "JPY": "JP",
    "KRW": "KR",
}


@lru_cache(maxsize=64)
def _pattern(language: str, currency: str, whole: bool) -> tuple[Locale, NumberPattern]:
    locale = Locale.parse(language)
    pattern = copy.copy(locale.currency_formats["standard"])
    country = CURRENCY_COUNTRY.get(currency)
    # the country's grouping as CLDR records it for English there (en_IN: 3 then 2s); a
    # country without an English locale (China) groups as the reader's language does
    if country and localedata.exists(f"en_{country}"):
        pattern.grouping = Locale.parse(f"en_{country}").currency_formats["standard"].grouping
    digits = 0 if whole else Money(0, currency).digits
    pattern.frac_prec = (digits, digits)
    return locale, pattern


def money_in(language: str, minor: int, currency: str, whole: bool = False) -> str:
    """The amount with its currency's symbol as `language` writes it; `whole` rounds to whole
    units (a chart's axis)."""
    locale, pattern = _pattern(language, currency, whole)
    exact = Decimal(Money(minor, currency).major_text(grouping=False))
    return str(pattern.apply(exact, locale, currency=currency, currency_digits=False))


def date_in(language: str, value: date) -> str:
    """A date with its year as `language` writes it: Dec 5, 2026 or 2026年12月5日 — never
    12/05, which an American and a Briton read as different days."""
    return str(format_skeleton("yMMMd", value, locale=language))
