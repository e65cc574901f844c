"""Money as its readers write it: each currency's symbol and digits, India's lakhs and crores,
in the UI's language."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from collector_desk.domain.money import MoneyError
from collector_desk.ui.common import formatting


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "₹12,34,567.00"), ("zh_CN", "₹12,34,567.00")],
)
def test_rupees_are_grouped_in_lakhs_and_crores_in_either_language(
    translations, language, expected
):
    translations.set_language(language)
    assert formatting.money(123_456_700, "INR") == expected
    assert formatting.money(1_234_567_890_00, "INR") == "₹1,23,45,67,890.00"


def test_yen_has_no_decimals(translations):
    assert formatting.money(1_234_567, "JPY") == "¥1,234,567"
    translations.set_language("zh_CN")
    assert formatting.money(1_234_567, "JPY") == "JP¥1,234,567"  # ¥ alone is the yuan here


@pytest.mark.parametrize(
    ("language", "cny", "usd"),
    [
        ("en", "CN¥1,234,567.50", "-$1,234.05"),
        ("zh_CN", "¥1,234,567.50", "-US$1,234.05"),
    ],
)
def test_yuan_and_dollars_in_both_languages(translations, language, cny, usd):
    translations.set_language(language)
    assert formatting.money(123_456_750, "CNY") == cny
    assert formatting.money(-123_405, "USD") == usd
    assert formatting.money_lines({"USD": -123_405, "CNY": 123_456_750}) == f"{cny}\n{usd}"


def test_amounts_stay_exact_past_a_floats_digits(translations):
    assert formatting.money(999_999_999_999_999_99, "USD") == "$999,999,999,999,999.99"


def test_a_letter_is_written_in_its_own_language_whatever_the_ui_speaks(translations):
    translations.set_language("zh_CN")
    assert formatting.money(50_000, "CNY", "en_US") == "CN¥500.00"


def test_an_unknown_currency_is_refused(translations):
    with pytest.raises(MoneyError, match="XYZ"):
        formatting.money(100, "XYZ")


def test_numbers_and_dates_follow_the_ui_language(translations):
    shanghai = ZoneInfo("Asia/Shanghai")
    at = datetime(2026, 11, 28, 2, 30, tzinfo=UTC)
    assert formatting.number(12_345.67, 1) == "12,345.7"
    assert formatting.day(date(2026, 11, 27)) == "Nov 27"
    assert formatting.moment(at, shanghai) == "Nov 28, 2026 10:30"
    translations.set_language("zh_CN")
    assert formatting.day(date(2026, 11, 27)) == "11月27日"
    assert formatting.moment(at, shanghai) == "2026年11月28日 10:30"


def test_a_date_carries_its_year_and_a_month_no_reader_misreads(translations):
    assert formatting.date_text(date(2027, 3, 4)) == "Mar 4, 2027"
    assert formatting.date_text(date(2027, 3, 4), "zh_CN") == "2027年3月4日"
    translations.set_language("zh_CN")
    assert formatting.date_text(date(2027, 3, 4)) == "2027年3月4日"
    assert formatting.when(None, ZoneInfo("UTC")) == ""


def test_a_moment_in_the_coming_days_is_told_briefly(translations):
    sydney = ZoneInfo("Australia/Sydney")
    at = datetime(2026, 12, 5, 22, 0, tzinfo=UTC)  # 09:00 on the 6th in Sydney
    assert formatting.soon(at, sydney, date(2026, 12, 6)) == "09:00"
    assert formatting.soon(at, sydney, date(2026, 12, 5)) == "Dec 6 09:00"
    translations.set_language("zh_CN")
    assert formatting.soon(at, sydney, date(2026, 12, 5)) == "12月6日 09:00"


def test_a_queue_moment_drops_the_year_only_when_it_is_this_years(translations):
    shanghai = ZoneInfo("Asia/Shanghai")
    now = datetime(2027, 1, 2, 3, 0, tzinfo=UTC)
    assert formatting.recent(datetime(2027, 1, 1, 2, 0, tzinfo=UTC), shanghai, now) == "Jan 1 10:00"
    last_year = datetime(2026, 12, 31, 2, 0, tzinfo=UTC)
    assert formatting.recent(last_year, shanghai, now) == "Dec 31, 2026 10:00"
    translations.set_language("zh_CN")
    assert formatting.recent(last_year, shanghai, now) == "2026年12月31日 10:00"
