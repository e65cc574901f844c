from datetime import date

import pytest

from collector_desk.domain.cases import PromiseStatus as S
from collector_desk.domain.promises import PromiseState, apply_payment, judge


def p(key, due, amount, paid=0, status=S.OPEN):
    return PromiseState(key, date(2026, 11, due), amount, paid, status)


def test_a_payment_covers_promises_in_due_date_order():
    later, earlier = p("b", 20, 500), p("a", 10, 300)
    after = {x.key: x for x in apply_payment([later, earlier], 600)}
    assert (after["a"].paid_minor, after["a"].status) == (300, S.KEPT)
    assert (after["b"].paid_minor, after["b"].status) == (300, S.OPEN)


def test_overpayment_does_not_overfill_and_closed_promises_are_left_alone():
    kept = p("a", 1, 100, 100, S.KEPT)
    broken = p("b", 2, 100, 0, S.BROKEN)
    open_ = p("c", 30, 100)
    after = {x.key: x for x in apply_payment([kept, broken, open_], 1000)}
    assert after["a"] == kept and after["b"] == broken
    assert (after["c"].paid_minor, after["c"].status) == (100, S.KEPT)


def test_past_due_promises_become_partial_or_broken():
    judged = {
        x.key: x.status
        for x in judge([p("a", 10, 500, 200), p("b", 10, 500), p("c", 30, 500)], date(2026, 11, 11))
    }
    assert judged == {"a": S.PARTIAL, "b": S.BROKEN, "c": S.OPEN}


def test_a_payment_is_positive():
    with pytest.raises(ValueError):
        apply_payment([p("a", 1, 100)], 0)
