"""Evening out a team's workload: a rebalance proposal a team lead confirms before anything moves.

The proposal moves as few cases as it can: collectors keep what they have unless they hold more
than their share. Cases with an open promise or an active plan stay with their collector (the
customer knows them). Counts end within one case of each other wherever the pinned cases allow,
and each move picks the case that best evens the overdue amounts of the two collectors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CaseLoad:
    case_id: int
    collector_id: int
    overdue_minor: int
    pinned: bool = False  # an open promise or an active plan: it stays


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
    overdue: int


def rebalance(cases: Iterable[CaseLoad], collectors: Sequence[int]) -> list[Move]:
    """Moves that even out cases (by count, then by overdue amount) over `collectors`.

    Cases held by anyone not in `collectors` (someone leaving the team) all move."""
    if not collectors:
        raise ValueError("no collectors to balance over")
    loads = {c: _Load(c, [], 0, 0) for c in collectors}
    orphans: list[CaseLoad] = []
    for case in cases:
        load = loads.get(case.collector_id)
        if load is None:
            orphans.append(case)
            continue
        load.count += 1
        load.overdue += case.overdue_minor
        if not case.pinned:
            load.movable.append(case)
    moves: list[Move] = []
    # whoever is leaving hands over everything, the largest cases first
    for case in sorted(orphans, key=lambda c: (-c.overdue_minor, c.case_id)):
        to = min(loads.values(), key=lambda ld: (ld.count, ld.overdue, ld.collector_id))
        moves.append(Move(case.case_id, case.collector_id, to.collector_id, case.overdue_minor))
        if not case.pinned:
            to.movable.append(case)
        to.count += 1
        to.overdue += case.overdue_minor
    while True:
        donor = max(
            (ld for ld in loads.values() if ld.movable),
            key=lambda ld: (ld.count, ld.overdue, -ld.collector_id),
            default=None,
        )
        receiver = min(loads.values(), key=lambda ld: (ld.count, ld.overdue, ld.collector_id))
        if donor is None or donor.count - receiver.count <= 1:
            break
        # the case that leaves the two collectors' overdue amounts closest to each other
        gap = donor.overdue - receiver.overdue
        case = min(donor.movable, key=lambda c: (abs(gap - 2 * c.overdue_minor), c.case_id))
        donor.movable.remove(case)
        receiver.movable.append(case)
        donor.count -= 1
        donor.overdue -= case.overdue_minor
        receiver.count += 1
        receiver.overdue += case.overdue_minor
        moves.append(
            Move(case.case_id, donor.collector_id, receiver.collector_id, case.overdue_minor)
        )
    moves += _swaps(loads, rounds=len(collectors) * 5)
    return _net(moves)


def _swaps(loads: dict[int, _Load], rounds: int) -> list[Move]:
    """With counts even, exchange a case between the collectors with the most and the least
    overdue while that narrows the gap between them."""
    moves = []
    for _ in range(rounds):
        rich = max(loads.values(), key=lambda ld: (ld.overdue, -ld.collector_id))
        poor = min(loads.values(), key=lambda ld: (ld.overdue, ld.collector_id))
        gap = rich.overdue - poor.overdue
        best = None
        for a in rich.movable:
            for b in poor.movable:
                delta = a.overdue_minor - b.overdue_minor
                if 0 < delta < gap and (best is None or abs(gap - 2 * delta) < best[0]):
                    best = (abs(gap - 2 * delta), a, b)
        if best is None:
            break
        _, a, b = best
        for case, src, dst in ((a, rich, poor), (b, poor, rich)):
            src.movable.remove(case)
            dst.movable.append(case)
            src.overdue -= case.overdue_minor
            dst.overdue += case.overdue_minor
            moves.append(Move(case.case_id, src.collector_id, dst.collector_id, case.overdue_minor))
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


def loads_after(cases: Iterable[CaseLoad], moves: Sequence[Move]) -> dict[int, tuple[int, int]]:
    """Each collector's (cases, overdue) once the moves are made: what the lead confirms."""
    moved = {m.case_id: m.to_id for m in moves}
    out: dict[int, tuple[int, int]] = {}
    for case in cases:
        owner = moved.get(case.case_id, case.collector_id)
        count, overdue = out.get(owner, (0, 0))
        out[owner] = (count + 1, overdue + case.overdue_minor)
    return out
