"""Correcting a contact on the desk: one transaction writes the correction, the contact's
current values, the case and the outbox mutation; a refusal changes nothing."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.config.loaders import load_correction_window
from collector_desk.domain.cases import Role
from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, Outcome, Relation
from collector_desk.domain.corrections import Correction
from collector_desk.store.cache.actions import correct_contact, log_contact
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.compliance import judge
from collector_desk.store.shared.corrections import CorrectionRefused
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import (
    AuditEvent,
    Case,
    Contact,
    ContactCorrection,
    ContactPoint,
)
from tests.conftest import FIXED_NOW

NOW = FIXED_NOW
ME = UserView(3, "me", "Me", Role.COLLECTOR, "Asia/Shanghai")
WINDOW = timedelta(hours=24)


def _logged(engine, outcome=Outcome.NO_ANSWER):
    with Session(engine) as s:
        case = s.scalars(
            select(Case).where(Case.assigned_to == ME.id, Case.max_dpd > 0).order_by(Case.id)
        ).first()
        point = s.scalars(
            select(ContactPoint).where(
                ContactPoint.customer_id == case.customer_id,
                ContactPoint.relation == Relation.SELF,
            )
        ).first()
        case_id, point_id = case.id, point.id
    logged = log_contact(engine, ME.id, case_id, ContactEntry(Channel.CALL, outcome, point_id), NOW)
    return case_id, logged.contact_id


def _rows(engine):
    with Session(engine) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (ContactCorrection, OutboxMutation, AuditEvent)
        )


def test_a_correction_keeps_the_original_and_queues_one_mutation(engine):
    case_id, contact_id = _logged(engine)
    correction_id = correct_contact(
        engine,
        ME,
        contact_id,
        Correction(" pressed the wrong key ", Outcome.RIGHT_PARTY, "will pay Friday"),
        NOW + timedelta(minutes=5),
        WINDOW,
    )
    with Session(engine) as s:
        contact = s.get(Contact, contact_id)
        assert (contact.outcome, contact.note) == (Outcome.RIGHT_PARTY, "will pay Friday")
        row = s.get(ContactCorrection, correction_id)
        assert row.before == {"outcome": "no_answer", "note": ""}
        assert row.reason == "pressed the wrong key"
        assert s.get(Case, case_id).last_outcome is Outcome.RIGHT_PARTY
        mutation = s.scalars(
            select(OutboxMutation).where(OutboxMutation.name == "correct_contact")
        ).one()
        assert mutation.args["id"] == correction_id
        assert mutation.args["outcome"] == "right_party"


@pytest.mark.parametrize(
    ("correction", "later", "code"),
    [
        (Correction("  ", Outcome.RIGHT_PARTY), timedelta(0), "correction_reason_required"),
        (Correction("oops", Outcome.NO_ANSWER), timedelta(0), "correction_changes_nothing"),
        (Correction("oops", Outcome.BUSY), timedelta(hours=25), "correction_window_passed"),
    ],
)
def test_a_refused_correction_changes_nothing(engine, correction, later, code):
    _case_id, contact_id = _logged(engine)
    before = _rows(engine)
    with pytest.raises(CorrectionRefused) as refused:
        correct_contact(engine, ME, contact_id, correction, NOW + later, WINDOW)
    assert refused.value.code == code
    assert _rows(engine) == before
    with Session(engine) as s:
        assert s.get(Contact, contact_id).outcome is Outcome.NO_ANSWER


def test_a_contact_may_not_move_to_a_case_that_is_not_mine(engine):
    _case_id, contact_id = _logged(engine)
    with Session(engine) as s:
        other = s.scalar(select(Case.id).where(Case.assigned_to != ME.id).limit(1))
    if other is None:
        pytest.skip("the demo cache holds only this collector's cases")
    with pytest.raises(CorrectionRefused, match="case_not_mine"):
        correct_contact(engine, ME, contact_id, Correction("x", case_id=other), NOW, WINDOW)


def test_the_reg_f_wait_follows_the_corrected_outcome(engine):
    """A "no answer" that was really a conversation starts the 7-day wait once corrected."""
    case_id, contact_id = _logged(engine)
    tomorrow = NOW + timedelta(days=1)

    def wait_applies() -> bool:
        with Session(engine) as s, s.begin():
            case = s.get(Case, case_id)
            case.policy_pack = "US"
            point = s.get(Contact, contact_id).contact_point_id
            return "waiting_period" in judge(s, case, Channel.CALL, point, tomorrow).codes

    assert not wait_applies()
    correct_contact(
        engine, ME, contact_id, Correction("spoke to him", Outcome.RIGHT_PARTY), NOW, WINDOW
    )
    assert wait_applies()


def test_the_window_is_read_from_the_settings_and_it_may_override_it(tmp_path):
    assert load_correction_window() == timedelta(hours=24)
    override = tmp_path / "corrections.toml"
    override.write_text("correction_window_hours = 4\n")
    assert load_correction_window(override=override) == timedelta(hours=4)
    override.write_text("correction_window_hours = -1\n")
    with pytest.raises(ValueError, match="correction_window_hours"):
        load_correction_window(override=override)
