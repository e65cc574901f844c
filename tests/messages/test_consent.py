"""Where a pack needs the holder's consent before a message (US: texts to a mobile), a text
is refused until the collector records it, the central store judges the same, and both the
consent and its withdrawal are audited."""

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import MessageStatus
from collector_desk.store.cache.customer_actions import set_consent
from collector_desk.store.cache.messages import preview
from collector_desk.store.shared.outgoing import MessageRefused
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import AuditEvent, Case, ContactPoint, Message
from tests.live_central import seed_cases
from tests.messages.test_send_from_desk import _mobile, _send


def test_a_us_text_waits_for_consent_recorded_on_the_number(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    with Session(live.engine) as s, s.begin():
        s.get_one(Case, case_id).policy_pack = "US"
    alice, other = desk("alice"), desk("alice")
    alice.sync()
    other.sync()
    user = find_user(alice.engine, "alice")
    point = _mobile(alice.engine, case_id)

    def verdict(engine):
        return preview(
            engine, user.id, case_id, point, "payment_reminder", Channel.SMS, live.clock.now
        )[1]

    assert verdict(alice.engine).codes == ["no_consent"]
    with pytest.raises(MessageRefused):
        _send(alice, case_id)

    set_consent(alice.engine, user.id, case_id, point, Channel.SMS, True, live.clock.now)
    assert verdict(alice.engine).allowed
    queued = _send(alice, case_id)
    alice.sync()
    with Session(live.engine) as s:
        assert s.get(Message, queued.id).status is MessageStatus.QUEUED  # the server agrees
        assert s.get(ContactPoint, point).consented == ["sms"]
        (given,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "consent_given"))
        assert (given.user_id, given.detail) == (user.id, {"channel": "sms", "case_id": case_id})
    other.sync()  # every desk holding the case learns it
    assert verdict(other.engine).allowed

    set_consent(alice.engine, user.id, case_id, point, Channel.SMS, False, live.clock.now)
    assert verdict(alice.engine).codes == ["no_consent"]
    alice.sync()
    with Session(live.engine) as s:
        assert s.get(ContactPoint, point).consented == []
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "consent_withdrawn")).one()
    # a text another desk queued before it heard: the server refuses it as it arrives
    late = _send(other, case_id)
    other.sync()
    with Session(live.engine) as s:
        assert (s.get(Message, late.id).status, s.get(Message, late.id).reason) == (
            MessageStatus.REFUSED,
            "no_consent",
        )
