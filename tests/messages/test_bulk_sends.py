"""A lead sends one template to many of their team's cases: the service takes the list at
once, judges and words each recipient on its own, and reports what became of each."""

import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import MessageStatus
from collector_desk.server.bulk_routes import work_through
from collector_desk.server.sending.channels import Sent
from collector_desk.server.sending.dispatch import send_due
from collector_desk.store.central import bulk_sends
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import ContactPoint, Message
from tests.live_central import seed_cases

URL = "/api/v1/team/bulk-messages"


def _headers(live, who="lead"):
    return {"Authorization": f"Bearer {live.login(who)}"}


def _finished(live, headers, send_id):
    deadline = time.monotonic() + 20
    while True:
        report = live.http.get(f"{URL}/{send_id}", headers=headers)
        assert report.status_code == 200, report.text
        if report.json()["finished"]:
            return report.json()
        assert time.monotonic() < deadline, report.json()
        time.sleep(0.05)


def _opt_out(engine, case_id):
    with Session(engine) as s, s.begin():
        for point in s.scalars(select(ContactPoint).where(ContactPoint.customer_id == case_id)):
            point.opted_out = ["sms"]


def test_a_lead_reminds_many_cases_each_judged_on_its_own(live, desk):
    alices = seed_cases(live.engine, "alice", 3)
    (bobs,) = seed_cases(live.engine, "bob", 1, start=10)
    (carols,) = seed_cases(live.engine, "carol", 1, start=20)  # another team's
    _opt_out(live.engine, alices[2])
    lead = _headers(live)
    send_id = str(uuid.uuid4())
    body = {
        "id": send_id,
        "template": "payment_reminder",
        "channel": "sms",
        "case_ids": [*alices, bobs, carols, alices[0], 999_999],
    }
    taken = live.http.post(URL, json=body, headers=lead)
    assert taken.status_code == 202, taken.text
    assert taken.json()["total"] == 6  # a repeated id counts once

    report = _finished(live, lead, send_id)
    assert report["judged"] == 6
    assert report["outcomes"] == {"queued": 3, "opted_out": 1, "not_in_team": 2}
    assert report["statuses"] == {"queued": 3}
    lead_id = find_user(live.engine, "lead").id
    with Session(live.engine) as s:
        messages = s.scalars(select(Message).order_by(Message.case_id)).all()
        assert [m.case_id for m in messages] == [alices[0], alices[1], bobs]
        assert {m.user_id for m in messages} == {lead_id}
        assert all(m.body.startswith("【催收台演示银行】") for m in messages)

    again = live.http.post(URL, json=body, headers=lead)  # the answer was lost: sent again
    assert again.status_code == 202 and again.json()["outcomes"] == report["outcomes"]
    with Session(live.engine) as s:
        assert len(s.scalars(select(Message.id)).all()) == 3  # no second message to anyone

    class Gateway:
        def send(self, message):
            return Sent("gw-" + message.id)

    assert send_due(live.engine, {Channel.SMS: Gateway()}, live.clock.now).sent == 3
    assert _finished(live, lead, send_id)["statuses"] == {"sent": 3}
    alice = desk("alice")
    alice.sync()  # the collector sees the lead's reminder in her case's history
    with Session(alice.engine) as s:
        mine = s.scalars(select(Message).where(Message.case_id == alices[0])).one()
        assert (mine.status, mine.user_id) == (MessageStatus.SENT, lead_id)


def test_only_a_lead_sends_in_bulk_and_bad_requests_change_nothing(live):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    body = {"id": str(uuid.uuid4()), "template": "payment_reminder", "channel": "sms"}
    lead, alice, admin = _headers(live), _headers(live, "alice"), _headers(live, "admin")
    assert (
        live.http.post(URL, json=body | {"case_ids": [case_id]}, headers=alice).status_code == 403
    )
    for wrong, code in (
        ({"template": "no_such_template"}, "unknown_template"),
        ({"template": "third_party_callback"}, "third_party_template"),
    ):
        answer = live.http.post(URL, json=body | {"case_ids": [case_id]} | wrong, headers=lead)
        assert (answer.status_code, answer.json()["detail"]) == (422, code)
    assert live.http.post(URL, json=body | {"case_ids": []}, headers=lead).status_code == 422
    assert live.http.post(URL, json=body | {"case_ids": [case_id]}, headers=lead).status_code == 202
    taken = live.http.post(URL, json=body | {"case_ids": [case_id]}, headers=admin)
    assert taken.status_code == 409  # the id is the lead's send
    assert live.http.get(f"{URL}/{body['id']}", headers=admin).status_code == 404
    assert live.http.get(f"{URL}/{uuid.uuid4()}", headers=lead).status_code == 404


def test_a_send_in_the_evening_waits_for_the_morning_and_a_stopped_one_goes_on(live):
    cases = seed_cases(live.engine, "alice", 3)
    live.clock.now = live.clock.now.replace(hour=14)  # 22:00 in Shanghai
    lead = find_user(live.engine, "lead")
    send_id = uuid.uuid4()
    # taken, then the process stopped before working through it
    bulk_sends.start(
        live.engine, lead, send_id, "payment_reminder", Channel.SMS, cases, live.clock.now
    )
    assert bulk_sends.advance(live.engine, str(send_id), live.clock.now, size=2) is False
    assert bulk_sends.report(live.engine, lead, send_id).judged == 2
    work_through(live.engine, live.clock)  # the sending loop's next pass
    report = bulk_sends.report(live.engine, lead, send_id)
    assert report.finished and report.outcomes == {"waiting": 3}

    class Gateway:
        sent = 0

        def send(self, message):
            Gateway.sent += 1
            return Sent(message.id)

    assert send_due(live.engine, {Channel.SMS: Gateway()}, live.clock.now).sent == 0
    with Session(live.engine) as s:
        (at,) = set(s.scalars(select(Message.next_attempt_at)))
    assert at == live.clock.now.replace(hour=0) + timedelta(days=1)  # 08:00 in Shanghai
    live.clock.now = at
    assert send_due(live.engine, {Channel.SMS: Gateway()}, live.clock.now).sent == 3
    assert Gateway.sent == 3


@pytest.mark.parametrize("channel", ["email"])
def test_cases_without_an_address_for_the_channel_are_reported(live, channel):
    cases = seed_cases(live.engine, "alice", 2)
    lead = find_user(live.engine, "lead")
    send_id = uuid.uuid4()
    bulk_sends.start(
        live.engine, lead, send_id, "payment_reminder", Channel(channel), cases, live.clock.now
    )
    work_through(live.engine, live.clock)
    assert bulk_sends.report(live.engine, lead, send_id).outcomes == {"no_address": 2}
