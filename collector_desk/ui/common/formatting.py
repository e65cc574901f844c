"""How amounts and times read on screen: exact money, times in the collector's own zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

from collector_desk.domain.money import Money

CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "AUD": "A$", "INR": "₹", "HKD": "HK$"}


def money(minor: int, currency: str) -> str:
    amount = Money(minor, currency)
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{amount.major_text()}" if symbol else str(amount)


def when(value: datetime | None, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
