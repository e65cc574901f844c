"""Correcting a contact logged by mistake: what may be corrected, by whom, until when.

A correction is a fact of its own, appended beside the contact it corrects; the contact's
original values stay in the correction. Errors are codes the UI words in the user's language.

The rules:
- a reason is required (it is what a lead reads), and something must change;
- the collector who logged the contact may correct it within the window (settings:
  corrections.toml); a team lead or an admin at any time;
- the outcome stays one the channel can have, and an outcome that needs a note keeps one;
- a promise belongs to the contact that made it: a contact with a promise keeps its outcome and
  its case (its note may still be corrected), and no contact becomes a promise or a requested
  callback by correction. The promise is kept or broken through its own path, and a promise or
  a callback the customer made is logged as the new contact it is; so a correction never leaves
  a promise without its contact or a "promise to pay" without a promise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from collector_desk.domain.cases import Role
from collector_desk.domain.contact_log import CALL_ONLY, NOTE_REQUIRED, FieldError
from collector_desk.domain.contacts import Channel, Outcome

MAX_REASON_CHARS = 500
DEFAULT_WINDOW = timedelta(hours=24)
# outcomes that create something a correction cannot make: a promise (amount, date) or a
# callback (a time); the collector logs them as the new contact they are
NOT_BY_CORRECTION = frozenset({Outcome.PROMISE_TO_PAY, Outcome.CALLBACK_REQUESTED})


@dataclass(frozen=True, slots=True)
class Correction:
    """What the user asks to change; None leaves a field as it is."""

    reason: str
    outcome: Outcome | None = None
    note: str | None = None
    case_id: int | None = None


@dataclass(frozen=True, slots=True)
class LoggedContact:
    """The contact as it stands now (after any earlier corrections)."""

    user_id: int
    case_id: int
    channel: Channel
    outcome: Outcome
    note: str
    started_at: datetime
    has_promise: bool


def changes(contact: LoggedContact, correction: Correction) -> dict[str, object]:
    """The fields that would really change, with their new values."""
    out: dict[str, object] = {}
    if correction.outcome is not None and correction.outcome is not contact.outcome:
        out["outcome"] = correction.outcome
    if correction.note is not None and correction.note.strip() != contact.note:
        out["note"] = correction.note.strip()
    if correction.case_id is not None and correction.case_id != contact.case_id:
        out["case_id"] = correction.case_id
    return out


def validate(
    contact: LoggedContact, correction: Correction, max_note_chars: int = 2000
) -> list[FieldError]:
    errors: list[FieldError] = []
    reason = correction.reason.strip()
    if not reason:
        errors.append(FieldError("reason", "correction_reason_required"))
    elif len(reason) > MAX_REASON_CHARS:
        errors.append(FieldError("reason", "correction_reason_too_long", {"max": MAX_REASON_CHARS}))
    changed = changes(contact, correction)
    if not changed:
        return [*errors, FieldError("outcome", "correction_changes_nothing")]
    outcome = changed.get("outcome", contact.outcome)
    assert isinstance(outcome, Outcome)
    note = str(changed.get("note", contact.note))
    if "outcome" in changed:
        if outcome in NOT_BY_CORRECTION:
            errors.append(FieldError("outcome", "correction_outcome_needs_new_contact"))
        elif outcome in CALL_ONLY and contact.channel is not Channel.CALL:
            errors.append(FieldError("outcome", "outcome_not_for_channel"))
    if contact.has_promise and ("outcome" in changed or "case_id" in changed):
        errors.append(FieldError("outcome", "correction_contact_has_promise"))
    if outcome in NOTE_REQUIRED and not note:
        errors.append(FieldError("note", "note_required"))
    if len(note) > max_note_chars:
        errors.append(FieldError("note", "note_too_long", {"max": max_note_chars}))
    return errors


def may_correct(
    role: Role, user_id: int, contact: LoggedContact, now: datetime, window: timedelta
) -> str | None:
    """None if this user may correct the contact now, else the code of why not. Which cases
    the user may write about is the store's to say; this is who and until when."""
    if role.is_lead:
        return None
    if contact.user_id != user_id:
        return "correction_not_your_contact"
    if now - contact.started_at > window:
        return "correction_window_passed"
    return None
