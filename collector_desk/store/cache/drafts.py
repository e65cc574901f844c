"""Drafts of the contact log, saved as the collector types so a crash loses nothing.

Drafts are this desktop's own unfinished input, not facts: they are never synced, so they do
not go through the outbox. Saving the contact deletes the draft (store.contact_log).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from collector_desk.store.cache.schema import Draft


def save_draft(engine: Engine, user_id: int, case_id: int, fields: dict, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        draft = session.get(Draft, case_id)
        if draft is None:
            session.add(Draft(case_id=case_id, user_id=user_id, fields=fields, updated_at=now))
        else:
            draft.user_id, draft.fields, draft.updated_at = user_id, fields, now


def load_draft(engine: Engine, user_id: int, case_id: int) -> dict | None:
    with Session(engine) as session:
        draft = session.get(Draft, case_id)
        return dict(draft.fields) if draft is not None and draft.user_id == user_id else None


def cases_with_drafts(engine: Engine, user_id: int) -> list[int]:
    with Session(engine) as session:
        return list(
            session.scalars(
                select(Draft.case_id).where(Draft.user_id == user_id).order_by(Draft.updated_at)
            )
        )
