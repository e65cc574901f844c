"""The rebalance proposal: counts even out, amounts even out, pinned cases stay, few moves."""

from hypothesis import given, settings
from hypothesis import strategies as st

from collector_desk.domain.workload import CaseLoad, loads_after, rebalance


def _team(spec: dict[int, list[int]], pinned: set[int] = frozenset()) -> list[CaseLoad]:
    cases, n = [], 0
    for collector, amounts in spec.items():
        for amount in amounts:
            n += 1
            cases.append(CaseLoad(n, collector, amount, n in pinned))
    return cases


def test_an_even_team_is_left_alone():
    cases = _team({1: [100, 200], 2: [150, 150]})
    assert rebalance(cases, [1, 2]) == []


def test_a_new_collector_gets_a_share_and_amounts_even_out():
    cases = _team({1: [500, 400, 300, 200, 100, 100], 2: [], 3: []})
    moves = rebalance(cases, [1, 2, 3])
    after = loads_after(cases, moves)
    assert sorted(count for count, _ in after.values()) == [2, 2, 2]
    amounts = [overdue[""] for _, overdue in after.values()]
    assert max(amounts) - min(amounts) <= 200  # from 1,600 vs 0 before
    assert len(moves) <= 5


def test_promised_and_planned_cases_stay_with_their_collector():
    cases = _team({1: [100, 100, 100, 100], 2: []}, pinned={1, 2, 3})
    moves = rebalance(cases, [1, 2])
    assert [m.case_id for m in moves] == [4]  # the only one free to move
    assert loads_after(cases, moves) == {1: (3, {"": 300}), 2: (1, {"": 100})}


def test_someone_leaving_hands_over_everything_even_pinned():
    cases = _team({1: [100], 2: [100], 9: [300, 50]}, pinned={3})
    moves = rebalance(cases, [1, 2])
    assert {3, 4} <= {m.case_id for m in moves}  # (a swap may even out the amounts too)
    assert all(m.to_id in (1, 2) for m in moves)
    assert set(loads_after(cases, moves)) == {1, 2}


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.integers(1, 6),
        st.lists(st.integers(0, 10_000_000), max_size=25),
        min_size=1,
        max_size=6,
    ),
    st.sets(st.integers(1, 150), max_size=20),
)
def test_properties(spec, pinned):
    cases = _team(spec, pinned)
    collectors = sorted(spec)
    moves = rebalance(cases, collectors)
    by_id = {c.case_id: c for c in cases}
    assert all(not by_id[m.case_id].pinned for m in moves)
    assert len({m.case_id for m in moves}) == len(moves)  # one move per case
    assert all(m.from_id == by_id[m.case_id].collector_id != m.to_id for m in moves)
    after = loads_after(cases, moves)
    counts = [after.get(c, (0, {}))[0] for c in collectors]
    # even within one, unless pinned cases alone keep someone above the rest
    pinned_counts = [sum(1 for c in cases if c.pinned and c.collector_id == k) for k in collectors]
    assert max(counts) - min(counts) <= 1 or max(counts) == max(pinned_counts)
    assert sum(counts) == len(cases)


def test_yuan_and_dollars_even_out_each_in_its_own_currency():
    """Two collectors with the same number of cases: one holds the big yuan cases and the small
    dollar ones, the other the opposite. A sum of both currencies' numbers would call them
    even; each currency's book is not, and the swap gives each collector half of each."""
    cases = [
        CaseLoad(1, 1, 1_000_000, currency="CNY"),
        CaseLoad(2, 1, 1_000_000, currency="CNY"),
        CaseLoad(3, 1, 10_000, currency="USD"),
        CaseLoad(4, 2, 10_000, currency="CNY"),
        CaseLoad(5, 2, 10_000, currency="CNY"),
        CaseLoad(6, 2, 1_990_000, currency="USD"),
    ]
    before = loads_after(cases, [])
    assert sum(before[1][1].values()) == sum(before[2][1].values())  # "even" if added up
    moves = rebalance(cases, [1, 2])
    after = loads_after(cases, moves)
    assert [after[k][0] for k in (1, 2)] == [3, 3]
    cny = sorted(after[k][1].get("CNY", 0) for k in (1, 2))
    assert cny == [1_010_000, 1_010_000]  # from 2,000,000 against 20,000
    assert all(m.overdue_minor in (1_000_000, 10_000) for m in moves)


def test_one_currency_weighs_cases_as_before():
    plain = _team({1: [500, 400, 300, 200, 100, 100], 2: [], 3: []})
    yuan = [CaseLoad(c.case_id, c.collector_id, c.overdue_minor, currency="CNY") for c in plain]
    assert rebalance(yuan, [1, 2, 3]) == rebalance(plain, [1, 2, 3])
