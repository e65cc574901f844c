"""The team's numbers kept in a lead's cache as the server last computed them, so the
dashboard opens at once and still shows them offline. Never synced: the server's report is
the truth, and each fetch replaces what the cache held for its dates.

Money is kept per currency ({"money": {"CNY": {...}, "USD": {...}}} beside the counts). Rows a
desk cached before that carry one sum across currencies: it is not read back (the row shows its
counts and no money) until the next fetch replaces it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from collector_desk.domain.flows import FlowRow
from collector_desk.domain.kpis import AMOUNTS, COUNTS, Amounts, KpiRow, Period, period_of
from collector_desk.store.cache.schema import KpiCache
from collector_desk.store.shared.schema import User

KPI, FLOW = "kpi", "flow"
_FLOW_FIGURES = ("cases", "rolled", "cured")


@dataclass(frozen=True, slots=True)
class CachedNumbers:
    rows: list[KpiRow]
    flows: list[FlowRow]
    computed_at: datetime | None  # the oldest computation shown; None: nothing cached


def save(
    engine: Engine,
    period: Period,
    since: date,
    until: date,
    computed_at: datetime,
    rows: Iterable[Mapping],
    flows: Iterable[Mapping],
) -> None:
    """Replace the cached figures of [since, until] with a report's rows (plain mappings with
    period, username (None: the team), bucket for flows, the counts, and for KPI rows `money`:
    a list of mappings with currency and its amounts)."""
    with Session(engine) as session, session.begin():
        session.execute(
            delete(KpiCache).where(
                KpiCache.period_kind == period.value,
                KpiCache.period >= period_of(since, period),
                KpiCache.period <= until,
            )
        )
        for kind, items, figures in ((KPI, rows, _kpi_figures), (FLOW, flows, _flow_figures)):
            session.add_all(
                KpiCache(
                    kind=kind,
                    period_kind=period.value,
                    period=_day(item["period"]),
                    username=item["username"] or "",
                    bucket=item.get("bucket", "") if kind == FLOW else "",
                    figures=figures(item),
                    fetched_at=computed_at,
                )
                for item in items
            )


def _kpi_figures(item: Mapping) -> dict:
    money = {m["currency"]: {n: int(m[n]) for n in AMOUNTS} for m in item.get("money", ())}
    return {**{n: int(item.get(n, 0)) for n in COUNTS}, "money": money}


def _flow_figures(item: Mapping) -> dict:
    return {n: int(item[n]) for n in _FLOW_FIGURES}


def _kpi_row(period: date, who: int | None, figures: Mapping) -> KpiRow:
    money = {code: Amounts(**a) for code, a in sorted(figures.get("money", {}).items())}
    # figures cached before a count existed (talk time) read as 0
    return KpiRow(period, who, **{n: figures.get(n, 0) for n in COUNTS}, money=money)


def load(
    engine: Engine, period: Period, since: date, until: date, collector_id: int | None = None
) -> CachedNumbers:
    """The cached figures of [since, until] in the domain's shape, collectors by their local
    id; with `collector_id`, only that collector's rows and no team rows."""
    with Session(engine) as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
        query = select(KpiCache).where(
            KpiCache.period_kind == period.value,
            KpiCache.period >= period_of(since, period),
            KpiCache.period <= until,
        )
        cached = list(session.scalars(query.order_by(KpiCache.period)))
    rows: list[KpiRow] = []
    flows: list[FlowRow] = []
    for c in cached:
        who = ids.get(c.username) if c.username else None
        if (c.username and who is None) or (collector_id is not None and who != collector_id):
            continue  # someone who has left the team, or not the collector asked for
        if c.kind == KPI:
            rows.append(_kpi_row(c.period, who, c.figures))
        else:
            flows.append(FlowRow(c.period, who, c.bucket, **c.figures))
    computed_at = min((c.fetched_at for c in cached), default=None)
    return CachedNumbers(rows, flows, computed_at)


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
