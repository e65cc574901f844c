"""Correcting a logged contact, the same on a desk (store/cache/actions.py) and on the server
(store/central/push.py): the rules of domain/corrections.py, an append-only correction row,
the contact's current values, the cases brought up to date, an audit event.

The contact row takes the corrected values, so the queue, the caps (compliance.history) and
the KPIs read one truth with no second code path; the values as logged stay in the first
correction's `before`, and each correction keeps what it changed from and to.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain import corrections as rules
from collector_desk.domain.corrections import Correction, LoggedContact
from collector_desk.domain.refusal import Refused
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.case_priority import case_priority
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Case, Contact, ContactCorrection, Promise

_AUDIT_NAMESPACE = uuid.UUID("6f1c2a43-0d7e-4b8a-9c51-3e2f1a0b9d77")


class CorrectionRefused(Refused):
    """A correction that may not be made; `code` says why, `field` where."""

    def __init__(self, code: str, field: str = "outcome", **params: object) -> None:
        super().__init__(code, **params)
        self.field = field


def logged_contact(session: Session, contact: Contact) -> LoggedContact:
    has_promise = session.scalar(
        select(Promise.id).where(Promise.contact_id == contact.id).limit(1)
    )
    return LoggedContact(
        user_id=contact.user_id,
        case_id=contact.case_id,
        channel=contact.channel,
        outcome=contact.outcome,
        note=contact.note,
        started_at=contact.started_at,
        has_promise=has_promise is not None,
    )


def check(
    session: Session,
    user: UserView,
    contact: Contact,
    correction: Correction,
    now: datetime,
    window: timedelta,
) -> LoggedContact:
    """Raise CorrectionRefused unless this user may make this correction now."""
    logged = logged_contact(session, contact)
    refused = rules.may_correct(user.role, user.id, logged, now, window)
    if refused is not None:
        raise CorrectionRefused(refused, "contact")
    errors = rules.validate(logged, correction)
    if errors:
        first = errors[0]
        raise CorrectionRefused(first.code, first.field, **first.params)
    return logged


def apply_correction(
    session: Session,
    user: UserView,
    contact: Contact,
    correction: Correction,
    correction_id: str,
    at: datetime,
    now: datetime,
    window: timedelta,
    received_at: datetime | None = None,
) -> ContactCorrection:
    """Check, then write the correction and its effects. The caller has checked that the user
    may write about the contact's case and, for a move, the case it goes to (the desk and the
    server each know that their own way). `now` is the clock the window is judged by: the
    desk's when the user asks, the server's own when the push arrives."""
    logged = check(session, user, contact, correction, now, window)
    changed = rules.changes(logged, correction)
    before = {k: _plain(getattr(contact, k)) for k in changed}
    after = {k: _plain(v) for k, v in changed.items()}
    old_case = session.get_one(Case, contact.case_id)
    new_case = old_case
    if "case_id" in changed:
        new_case = session.get_one(Case, changed["case_id"])
        if new_case.customer_id != old_case.customer_id and contact.contact_point_id is not None:
            # the number was the other customer's: the contact keeps no number on its new case
            before["contact_point_id"] = contact.contact_point_id
            after["contact_point_id"] = None
            contact.contact_point_id = None
        # earlier corrections travel with their contact (case_id says where it is now)
        for earlier in session.scalars(
            select(ContactCorrection).where(ContactCorrection.contact_id == contact.id)
        ):
            earlier.case_id = new_case.id
    for key, value in changed.items():
        setattr(contact, key, value)
    row = ContactCorrection(
        id=correction_id,
        recorded_at=at,
        server_received_at=received_at,
        contact_id=contact.id,
        case_id=new_case.id,
        user_id=user.id,
        reason=correction.reason.strip(),
        before=before,
        after=after,
    )
    session.add(row)
    session.flush()
    for case in dict.fromkeys((old_case, new_case)):
        _refresh(session, case, now)
    record_event(
        session,
        str(uuid.uuid5(_AUDIT_NAMESPACE, correction_id)),  # the desk's and the server's: one
        user.id,
        "contact_corrected",
        "case",
        str(new_case.id),
        # codes and ids only: the note and the reason may name people, they stay in the row
        {
            "contact_id": contact.id,
            "correction_id": correction_id,
            "fields": sorted(changed),
            **({"outcome": [before["outcome"], after["outcome"]]} if "outcome" in changed else {}),
            # a move: the case it left (the trail filtered by that case finds it too)
            **({"case_id": old_case.id} if new_case is not old_case else {}),
        },
        at,
        received_at,
    )
    return row


def _plain(value: object) -> object:
    return getattr(value, "value", value)  # an enum by its value, as the pull carries it


def _refresh(session: Session, case: Case, now: datetime) -> None:
    """The case's last contact and outcome from its contacts as they are now, and its score."""
    latest = session.execute(
        select(Contact.started_at, Contact.outcome)
        .where(Contact.case_id == case.id)
        .order_by(Contact.started_at.desc())
        .limit(1)
    ).first()
    case.last_contact_at, case.last_outcome = (None, None) if latest is None else latest
    session.flush()
    case.priority = case_priority(session, case, now).total


def corrections_of(session: Session, contact_ids: list[str]) -> dict[str, list[ContactCorrection]]:
    """Each contact's corrections, oldest first."""
    out: dict[str, list[ContactCorrection]] = {}
    if not contact_ids:
        return out
    for row in session.scalars(
        select(ContactCorrection)
        .where(ContactCorrection.contact_id.in_(contact_ids))
        .order_by(ContactCorrection.recorded_at, ContactCorrection.id)
    ):
        out.setdefault(row.contact_id, []).append(row)
    return out
