from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collector_desk.domain.money import Money, MoneyError


@pytest.mark.parametrize("bad", [12.5, 1e3, Decimal("1.00"), "100", True, None])
def test_money_refuses_anything_but_integer_minor_units(bad):
    with pytest.raises(MoneyError):
        Money(bad, "CNY")


def test_unknown_currency_is_refused():
    with pytest.raises(MoneyError):
        Money(100, "XXX")
    with pytest.raises(MoneyError):
        Money(100, "cny")


def test_amounts_add_only_within_one_currency():
    assert Money(150, "CNY") + Money(250, "CNY") == Money(400, "CNY")
    assert Money(150, "CNY") - Money(250, "CNY") == Money(-100, "CNY")
    with pytest.raises(MoneyError):
        Money(150, "CNY") + Money(150, "USD")


def test_major_text_is_exact_even_beyond_float_precision():
    # 2**60 fen: a float would round the last digits away.
    assert Money(2**60 + 1, "CNY").major_text() == "11,529,215,046,068,469.77"
    assert Money(-5, "USD").major_text() == "-0.05"
    assert Money(123456, "JPY").major_text(grouping=False) == "123456"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_major_text_round_trips_to_the_same_minor_units(minor):
    text = Money(minor, "CNY").major_text(grouping=False)
    assert int(Decimal(text) * 100) == minor


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [
        ("1500", "CNY", 150000),
        ("1,500.5", "CNY", 150050),
        (" 0.01 ", "USD", 1),
        ("１５００", "CNY", 150000),
        ("1200", "JPY", 1200),
    ],
)
def test_typed_amounts_become_exact_minor_units(typed, currency, minor):
    from collector_desk.domain.money import parse_major

    assert parse_major(typed, currency) == minor


@pytest.mark.parametrize(
    "typed", ["", "abc", "1.234", "NaN", "Infinity", "1e400x", "1e999999999", "1e18"]
)
def test_untypable_amounts_are_refused(typed):
    from collector_desk.domain.money import parse_major

    with pytest.raises(MoneyError):
        parse_major(typed, "CNY")


@given(
    whole=st.text("0123456789", min_size=1, max_size=17),
    fraction=st.none() | st.text("0123456789", min_size=0, max_size=4),
    currency=st.sampled_from(["CNY", "USD", "JPY"]),
)
def test_a_plainly_written_amount_reads_as_the_exact_decimal_it_writes(whole, fraction, currency):
    """The fast path for "1234.56" and the general one agree, refusals included."""
    from collector_desk.domain.money import MINOR_DIGITS, parse_major

    typed = whole if fraction is None else f"{whole}.{fraction}"
    try:
        got: int | type[MoneyError] = parse_major(typed, currency)
    except MoneyError as refused:
        got = type(refused)
    exact = Decimal(typed).scaleb(MINOR_DIGITS[currency])
    if Decimal(typed).adjusted() >= 15:
        assert got.__name__ == "AmountTooLarge"  # type: ignore[union-attr]
    elif exact != exact.to_integral_value():
        assert got is MoneyError
    else:
        assert got == int(exact)
