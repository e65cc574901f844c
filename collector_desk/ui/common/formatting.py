"""How amounts, numbers and times read on screen: exact money in the reader's language, times
in the collector's own zone.

The formatting locale is the UI's language (QLocale's default, which the language switch
sets); domain/wording.py words money and dates for a given language (a customer's letter), and
this module gives it the UI's when none is named. QLocale knows a currency's symbol only for
its own country's currency, and no currency's minor digits: Babel (CLDR) does the wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton
from PySide6.QtCore import QLocale

from collector_desk.domain import wording


def ui_locale() -> str:
    """The UI language's locale: zh_CN for Chinese, else en_US (the two the UI speaks)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en_US"


def money(minor: int, currency: str, language: str | None = None, whole: bool = False) -> str:
    """The amount with its currency's symbol, in `language` (default: the UI's); `whole`
    rounds to whole units (a chart's axis)."""
    return wording.money_in(language or ui_locale(), minor, currency, whole)


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
    """A date with its year, as `language` (default: the UI's) writes it (wording.date_in)."""
    return wording.date_in(language or ui_locale(), value)


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
