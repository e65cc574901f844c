"""A case's bucket over time, written where its days past due change (the imports), read back
as tracks for roll and cure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.buckets import BucketScheme
from collector_desk.domain.flows import CaseTrack
from collector_desk.store.central.schema import BucketHistory
from collector_desk.store.shared.schema import Case


def note_bucket(session: Session, case: Case, now: datetime, scheme: BucketScheme) -> None:
    """Record the case's days past due if its bucket differs from the last one recorded (a
    daily file moves every case a day further; only a change of bucket is worth a row)."""
    last = session.scalar(
        select(BucketHistory.max_dpd)
        .where(BucketHistory.case_id == case.id)
        .order_by(BucketHistory.changed_at.desc(), BucketHistory.id.desc())
        .limit(1)
    )
    if last is None or scheme.rank(last) != scheme.rank(case.max_dpd):
        session.add(BucketHistory(case_id=case.id, changed_at=now, max_dpd=case.max_dpd))


def tracks(session: Session, collectors: Sequence[int], until: datetime) -> list[CaseTrack]:
    """The tracks of the cases the collectors held open before `until`. A case with no
    history at all (imported before history was kept) is taken to have been in its bucket
    since it opened; later rows are read too, so a history starting after `until` is not
    mistaken for none."""
    history: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    for case_id, at, dpd in session.execute(
        select(BucketHistory.case_id, BucketHistory.changed_at, BucketHistory.max_dpd)
        .join(Case, Case.id == BucketHistory.case_id)
        .where(Case.assigned_to.in_(collectors))
        .order_by(BucketHistory.case_id, BucketHistory.changed_at, BucketHistory.id)
    ):
        history[case_id].append((at, dpd))
    return [
        CaseTrack(owner, tuple(history.get(case_id) or [(opened, dpd)]))
        for case_id, owner, opened, dpd in session.execute(
            select(Case.id, Case.assigned_to, Case.opened_at, Case.max_dpd).where(
                Case.assigned_to.in_(collectors), Case.opened_at < until
            )
        )
        if owner is not None  # always: NULL is in no IN list
    ]
