"""Evening out a team's workload: a rebalance proposal a team lead confirms before anything moves.

The proposal moves as few cases as it can: collectors keep what they have unless they hold more
than their share. Cases with an open promise or an active plan stay with their collector (the
customer knows them). Counts end within one case of each other wherever the pinned cases allow,
and each move picks the case that best evens the overdue amounts of the two collectors.

Amounts in different currencies are never added: a case weighs its share of its own currency's
overdue (a team of yuan and dollars evens each collector's share of the yuan book and of the
dollar book), which for a team in one currency is the amount itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CaseLoad:
    case_id: int
    collector_id: int
    overdue_minor: int
    pinned: bool = False  # an open promise or an active plan: it stays
    currency: str = ""


@dataclass(frozen=True, slots=True)
class Move:
    case_id: int
    from_id: int
    to_id: int
    overdue_minor: int


@dataclass(slots=True)
class _Load:
    collector_id: int
    movable: list[CaseLoad]
    count: int
    weights: dict[str, int]  # per currency, the sum of its cases' weights (see _weights)

    @property
    def total(self) -> int:
        return sum(self.weights.values())

    def take(self, case: CaseLoad, weight: int) -> None:
        self.count += 1
        self.weights[case.currency] = self.weights.get(case.currency, 0) + weight

    def give(self, case: CaseLoad, weight: int) -> None:
        self.count -= 1
        self.weights[case.currency] -= weight


def rebalance(cases: Iterable[CaseLoad], collectors: Sequence[int]) -> list[Move]:
    """Moves that even out cases (by count, then by overdue amount) over `collectors`.

    Cases held by anyone not in `collectors` (someone leaving the team) all move."""
    if not collectors:
        raise ValueError("no collectors to balance over")
    cases = list(cases)
    weight = _weights(cases)
    loads = {c: _Load(c, [], 0, {}) for c in collectors}
    orphans: list[CaseLoad] = []
    for case in cases:
        load = loads.get(case.collector_id)
        if load is None:
            orphans.append(case)
            continue
        load.take(case, weight[case.case_id])
        if not case.pinned:
            load.movable.append(case)
    moves: list[Move] = []
    # whoever is leaving hands over everything, the largest cases first
    for case in sorted(orphans, key=lambda c: (-weight[c.case_id], c.case_id)):
        to = min(loads.values(), key=lambda ld: (ld.count, ld.total, ld.collector_id))
        moves.append(Move(case.case_id, case.collector_id, to.collector_id, case.overdue_minor))
        if not case.pinned:
            to.movable.append(case)
        to.take(case, weight[case.case_id])
    while True:
        donor = max(
            (ld for ld in loads.values() if ld.movable),
            key=lambda ld: (ld.count, ld.total, -ld.collector_id),
            default=None,
        )
        receiver = min(loads.values(), key=lambda ld: (ld.count, ld.total, ld.collector_id))
        if donor is None or donor.count - receiver.count <= 1:
            break

        # the case that leaves the two collectors' overdue closest to each other in its currency
        case = min(donor.movable, key=lambda c: (_narrowing(c, weight, donor, receiver), c.case_id))
        donor.movable.remove(case)
        receiver.movable.append(case)
        donor.give(case, weight[case.case_id])
        receiver.take(case, weight[case.case_id])
        moves.append(
            Move(case.case_id, donor.collector_id, receiver.collector_id, case.overdue_minor)
        )
    moves += _swaps(loads, weight, rounds=len(collectors) * 5)
    return _net(moves)


def _weights(cases: Sequence[CaseLoad]) -> dict[int, int]:
    """Each case's overdue as a share of its currency's, in exact integers: the amount times
    the product of the other currencies' totals (the amount itself in a one-currency team)."""
    totals: dict[str, int] = {}
    for case in cases:
        totals[case.currency] = totals.get(case.currency, 0) + case.overdue_minor
    scale = {
        code: math.prod(max(t, 1) for other, t in totals.items() if other != code)
        for code in totals
    }
    return {c.case_id: c.overdue_minor * scale[c.currency] for c in cases}


def _narrowing(case: CaseLoad, weight: dict[int, int], donor: _Load, receiver: _Load) -> int:
    """How much moving the case changes the gap of its currency between the two (less: better)."""
    gap = donor.weights.get(case.currency, 0) - receiver.weights.get(case.currency, 0)
    return abs(gap - 2 * weight[case.case_id]) - abs(gap)


def _distance(a: _Load, b: _Load, shift: dict[str, int] | None = None) -> int:
    """How far apart two collectors' books are: the gaps of every currency's share added up
    (after moving `shift` of weight per currency from a to b)."""
    shift = shift or {}
    codes = set(a.weights) | set(b.weights)
    return sum(abs(a.weights.get(k, 0) - b.weights.get(k, 0) - 2 * shift.get(k, 0)) for k in codes)


def _swaps(loads: dict[int, _Load], weight: dict[int, int], rounds: int) -> list[Move]:
    """With counts even, exchange a case between the collectors with the most and the least
    overdue in a currency while that brings their books closer."""
    moves = []
    codes = sorted({k for ld in loads.values() for k in ld.weights})
    for _ in range(rounds):
        swapped = False
        for code in codes:
            rich = max(loads.values(), key=lambda ld: (ld.weights.get(code, 0), -ld.collector_id))
            poor = min(loads.values(), key=lambda ld: (ld.weights.get(code, 0), ld.collector_id))
            now = _distance(rich, poor)
            best = None
            for a in rich.movable:
                for b in poor.movable:
                    shift = {a.currency: weight[a.case_id]}
                    shift[b.currency] = shift.get(b.currency, 0) - weight[b.case_id]
                    after = _distance(rich, poor, shift)
                    if after < now and (best is None or after < best[0]):
                        best = (after, a, b)
            if best is None:
                continue
            _, a, b = best
            for case, src, dst in ((a, rich, poor), (b, poor, rich)):
                src.movable.remove(case)
                dst.movable.append(case)
                src.give(case, weight[case.case_id])
                dst.take(case, weight[case.case_id])
                moves.append(
                    Move(case.case_id, src.collector_id, dst.collector_id, case.overdue_minor)
                )
            swapped = True
        if not swapped:
            break
    return moves


def _net(moves: list[Move]) -> list[Move]:
    """One move per case, from where it is to where it ends; a case back home is no move."""
    first: dict[int, Move] = {}
    last: dict[int, Move] = {}
    for move in moves:
        first.setdefault(move.case_id, move)
        last[move.case_id] = move
    return [
        Move(cid, first[cid].from_id, last[cid].to_id, last[cid].overdue_minor)
        for cid in first
        if first[cid].from_id != last[cid].to_id
    ]


def loads_after(
    cases: Iterable[CaseLoad], moves: Sequence[Move]
) -> dict[int, tuple[int, dict[str, int]]]:
    """Each collector's cases and overdue per currency once the moves are made: what the lead
    confirms."""
    moved = {m.case_id: m.to_id for m in moves}
    out: dict[int, tuple[int, dict[str, int]]] = {}
    for case in cases:
        owner = moved.get(case.case_id, case.collector_id)
        count, overdue = out.setdefault(owner, (0, {}))
        overdue[case.currency] = overdue.get(case.currency, 0) + case.overdue_minor
        out[owner] = (count + 1, overdue)
    return out
