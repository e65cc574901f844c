"""A message written on a desk: queued in the outbox like any fact (an outage keeps it), judged
again and worded by the central store from its own copy of the case, and its status back on
every desk holding the case."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import MessageStatus
from collector_desk.store.cache.messages import messages_of, preview, queue_message
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.outgoing import MessageRefused
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import ContactPoint, Message
from tests.live_central import seed_cases


def _mobile(engine, case_id):
    with Session(engine) as s:
        return s.scalars(
            select(ContactPoint.id)
            .where(ContactPoint.customer_id == case_id)
            .order_by(ContactPoint.id)
        ).first()


def _send(desk, case_id, template="payment_reminder", channel=Channel.SMS):
    user = find_user(desk.engine, "alice")
    point = _mobile(desk.engine, case_id)
    return queue_message(desk.engine, user.id, case_id, point, template, channel, desk.clock())


def test_a_reminder_written_offline_is_sent_once_worded_as_previewed(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    user = find_user(alice.engine, "alice")
    shown, verdict = preview(
        alice.engine,
        user.id,
        case_id,
        _mobile(alice.engine, case_id),
        "payment_reminder",
        Channel.SMS,
        alice.clock(),
    )
    assert verdict.allowed
    # the customer's language and figures, and the opt-out the Chinese pack asks of a text
    assert shown.body.startswith("【催收台演示银行】Alice Customer 1您好")
    assert "¥2,000.00" in shown.body and shown.body.endswith("回复TD退订")
    assert shown.length.segments == 2

    queued = _send(alice, case_id)  # the network is down: it waits in the outbox
    assert queued.status is MessageStatus.QUEUED and queued.body == shown.body
    with Session(alice.engine) as s:
        assert s.scalars(select(OutboxMutation.name)).all() == ["send_message"]

    report = alice.sync()
    assert report.rejected == 0
    with Session(live.engine) as s:
        (sent,) = s.scalars(select(Message)).all()
        assert (sent.id, sent.status, sent.body) == (queued.id, MessageStatus.QUEUED, shown.body)
        assert sent.server_received_at == live.clock.now
    alice.sync()  # a second sync pushes nothing again and pulls the server's row back
    assert [m.id for m in messages_of(alice.engine, case_id)] == [queued.id]
    with Session(live.engine) as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 1


def test_the_pack_refuses_a_third_text_on_the_desk_and_two_offline_desks_at_the_server(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    morning, evening = desk("alice"), desk("alice")
    morning.sync()
    evening.sync()
    _send(morning, case_id)
    _send(morning, case_id)
    with pytest.raises(MessageRefused) as refused:  # the Chinese pack: two texts a case a day
        _send(morning, case_id)
    assert refused.value.decision.codes == ["cap:texts_per_debt_per_day"]
    live.clock.now += timedelta(minutes=5)
    _send(evening, case_id)  # the other desk, offline, knows nothing of the morning's two
    morning.sync()
    evening.sync()
    with Session(live.engine) as s:
        statuses = sorted((m.status.value, m.reason or "") for m in s.scalars(select(Message)))
    assert statuses == [
        ("queued", ""),
        ("queued", ""),
        ("refused", "cap:texts_per_debt_per_day"),
    ]
    morning.sync()
    refused_row = [m for m in messages_of(morning.engine, case_id) if m.status.value == "refused"]
    assert len(refused_row) == 1  # the morning desk learns of the evening's refusal


def test_a_text_at_night_is_refused_before_it_is_queued(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    live.clock.now = live.clock.now.replace(hour=15)  # 23:00 in Shanghai
    with pytest.raises(MessageRefused) as refused:
        _send(alice, case_id)
    assert refused.value.decision.codes == ["outside_hours"]
    with Session(alice.engine) as s:
        assert s.scalar(select(func.count()).select_from(OutboxMutation)) == 0


@pytest.mark.parametrize(
    ("template", "channel", "code", "missing"),
    [
        ("promise_confirmation", Channel.SMS, "missing_values", ("promise_amount", "promise_date")),
        ("third_party_callback", Channel.SMS, "wrong_audience", ()),  # the customer's own number
        ("payment_reminder", Channel.EMAIL, "wrong_kind", ()),  # an e-mail to a mobile number
        ("no_such_template", Channel.SMS, "unknown_template", ()),
    ],
)
def test_a_message_that_cannot_be_written_for_this_case_says_why(
    live, desk, template, channel, code, missing
):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    with pytest.raises(MessageRefused) as refused:
        _send(alice, case_id, template, channel)
    assert (refused.value.code, refused.value.missing) == (code, missing)
