"""Roll and cure by bucket: where the cases of each bucket at a period's start stood at its end.

- roll rate of bucket B: the cases in B at the start that are in a worse bucket at the end,
  over the cases in B at the start;
- cure rate of bucket B: of the same cases, those current (0 days past due) at the end.
Only delinquent buckets count at the start: a current case has nothing to cure. A case counts
for its collector (the one holding it now, as payments do), and for the team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from collector_desk.domain.buckets import BucketScheme
from collector_desk.domain.kpis import Period, period_of


@dataclass(frozen=True, slots=True)
class CaseTrack:
    """One case's days past due over time: each (moment, dpd) is the value from that moment on."""

    collector_id: int
    changes: tuple[tuple[datetime, int], ...]  # in time order

    def dpd_at_each(self, moments: Sequence[datetime]) -> list[int | None]:
        """The days past due just before each moment (in time order), None where the case did
        not exist yet; one walk along the track for all of them."""
        out: list[int | None] = []
        changes, i, current = self.changes, 0, None
        for moment in moments:
            while i < len(changes) and changes[i][0] < moment:
                current = changes[i][1]
                i += 1
            out.append(current)
        return out


@dataclass(frozen=True, slots=True)
class FlowRow:
    period: date  # the day, or the Monday of the week
    collector_id: int | None  # None: the whole team
    bucket: str
    cases: int
    rolled: int
    cured: int

    @property
    def roll_rate(self) -> float | None:
        return self.rolled / self.cases if self.cases else None

    @property
    def cure_rate(self) -> float | None:
        return self.cured / self.cases if self.cases else None


def spans(
    since: date, until: date, period: Period, zone: ZoneInfo
) -> Iterator[tuple[date, datetime, datetime]]:
    """(period key, start, end) for each period touching [since, until]; the first and last are
    cut to the range, so a week half outside it is measured over the days inside."""
    last = datetime.combine(until + timedelta(days=1), time(0), zone)
    key = period_of(since, period)
    while key <= until:
        step = timedelta(days=1 if period is Period.DAY else 7)
        start = datetime.combine(max(key, since), time(0), zone)
        end = min(datetime.combine(key + step, time(0), zone), last)
        yield key, start, end
        key += step


def flows(
    tracks: Iterable[CaseTrack],
    scheme: BucketScheme,
    zone: ZoneInfo,
    since: date,
    until: date,
    period: Period,
) -> list[FlowRow]:
    """Rows per (period, collector, bucket) and the team's (collector None), in scheme order."""
    acc: dict[tuple[date, int | None, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    periods = list(spans(since, until, period, zone))
    # the periods run end to start, so one walk along each track reads every boundary
    boundaries = [start for _, start, _ in periods] + [periods[-1][2]] if periods else []
    bucket_of: Callable[[int], tuple[str, int]] = _memo(
        lambda dpd: (scheme.for_dpd(dpd).label, scheme.rank(dpd))
    )
    for track in tracks:
        at_boundary = track.dpd_at_each(boundaries)
        for k, (key, _, _) in enumerate(periods):
            before, after = at_boundary[k], at_boundary[k + 1]
            if not before or after is None:  # not yet there, or current: nothing to roll
                continue
            label, rank = bucket_of(before)
            rolled = bucket_of(after)[1] > rank
            for who in (track.collector_id, None):
                figures = acc[(key, who, label)]
                figures[0] += 1
                figures[1] += rolled
                figures[2] += after == 0
    order = {label: i for i, label in enumerate(scheme.labels)}
    rows = [FlowRow(key, who, label, *figures) for (key, who, label), figures in acc.items()]
    return sorted(
        rows,
        key=lambda r: (r.period, r.collector_id is None, r.collector_id or 0, order[r.bucket]),
    )


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


def _memo(fn: Callable[[_K], _V]) -> Callable[[_K], _V]:
    cache: dict[_K, _V] = {}

    def cached(value: _K) -> _V:
        if value not in cache:
            cache[value] = fn(value)
        return cache[value]

    return cached


def flow_totals(rows: Iterable[FlowRow]) -> dict[tuple[int | None, str], FlowRow]:
    """Per (collector, bucket), the periods' flows added up: the rates over a range are
    rolled (or cured) case-periods over case-periods."""
    acc: dict[tuple[int | None, str], list[Any]] = {}  # [first period, cases, rolled, cured]
    for r in rows:
        key = (r.collector_id, r.bucket)
        if key not in acc:
            acc[key] = [r.period, 0, 0, 0]
        figures = acc[key]
        figures[0] = min(figures[0], r.period)
        figures[1] += r.cases
        figures[2] += r.rolled
        figures[3] += r.cured
    return {(who, bucket): FlowRow(f[0], who, bucket, *f[1:]) for (who, bucket), f in acc.items()}
