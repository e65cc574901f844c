"""How amounts, numbers and times read on screen: exact money in the reader's language, times
in the collector's own zone.

The formatting locale is the UI's language (QLocale's default, which the language switch
sets): it decides the currency symbol, the separators and where the symbol goes, so a Chinese
reader sees "¥" for yuan and "US$" for dollars, an English one "CN¥" and "$" — each currency
named unambiguously beside the others. The grouping of digits alone comes from the country
whose currency it is, as the customer and the bank there write it: rupees in lakhs and crores
(₹12,34,567.00) in either language. The digits after the point are the currency's own
(domain.money: none for yen). Babel supplies symbols and patterns from CLDR: QLocale knows a
currency's symbol only for its own country's currency, and no currency's minor digits.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, localedata
from babel.dates import format_skeleton
from babel.numbers import NumberPattern
from PySide6.QtCore import QLocale

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


def ui_locale() -> str:
    """The UI language's locale: zh_CN for Chinese, else en_US (the two the UI speaks)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en_US"


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


def money(minor: int, currency: str, language: str | None = None, whole: bool = False) -> str:
    """The amount with its currency's symbol, in `language` (default: the UI's); `whole`
    rounds to whole units (a chart's axis)."""
    amount = Money(minor, currency)
    locale, pattern = _pattern(language or ui_locale(), currency, whole)
    exact = Decimal(amount.major_text(grouping=False))
    return pattern.apply(exact, locale, currency=currency, currency_digits=False)


def money_lines(amounts: Mapping[str, int], language: str | None = None) -> str:
    """Amounts in several currencies, one line each in code order; never one sum."""
    return "\n".join(money(amounts[code], code, language) for code in sorted(amounts))


def number(value: float, decimals: int = 0) -> str:
    """A plain number with the UI language's separators (12,345.6)."""
    return QLocale().toString(float(value), "f", decimals)


def significant(value: float, digits: int = 3) -> str:
    """A small number to `digits` significant digits, trailing zeros dropped (2.5, 0.125)."""
    return QLocale().toString(float(value), "g", digits)


def day(value: date, language: str | None = None) -> str:
    """A day without its year, as the UI language writes it (Nov 26, 11月26日)."""
    return format_skeleton("MMMd", value, locale=language or ui_locale())


def date_text(value: date, language: str | None = None) -> str:
    """A date with its year, as `language` (default: the UI's) writes it: Dec 5, 2026 or
    2026年12月5日 — never 12/05, which an American and a Briton read as different days."""
    return format_skeleton("yMMMd", value, locale=language or ui_locale())


def moment(value: datetime, zone: ZoneInfo, language: str | None = None) -> str:
    """A date and a 24-hour time in `zone`, as the UI language writes them."""
    local, language = value.astimezone(zone), language or ui_locale()
    on = format_skeleton("yMMMd", local, tzinfo=zone, locale=language)
    return f"{on} {format_skeleton('Hm', local, tzinfo=zone, locale=language)}"


def when(value: datetime | None, zone: ZoneInfo, language: str | None = None) -> str:
    """`moment`, or nothing for a missing time (a case never contacted)."""
    return "" if value is None else moment(value, zone, language)


def recent(value: datetime | None, zone: ZoneInfo, now: datetime) -> str:
    """`when` without the year when it is this year's (Nov 25 17:05, 11月25日 17:05): a queue's
    column is narrow, and most contacts and callbacks fall in the current year."""
    if value is None:
        return ""
    if value.astimezone(zone).year != now.astimezone(zone).year:
        return moment(value, zone)
    return _day_and_clock(value, zone)


def soon(value: datetime, zone: ZoneInfo, today: date) -> str:
    """A moment told briefly: its time alone on `today`, else the day without its year and the
    time (Dec 6 09:00, 12月6日 09:00) — for narrow columns about the coming days."""
    if value.astimezone(zone).date() == today:
        return format_skeleton("Hm", value.astimezone(zone), tzinfo=zone, locale=ui_locale())
    return _day_and_clock(value, zone)


def _day_and_clock(value: datetime, zone: ZoneInfo) -> str:
    local, language = value.astimezone(zone), ui_locale()
    clock = format_skeleton("Hm", local, tzinfo=zone, locale=language)
    return f"{format_skeleton('MMMd', local, tzinfo=zone, locale=language)} {clock}"
