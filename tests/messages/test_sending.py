"""The central store sends what desks queued: e-mail through a real SMTP relay on loopback
(aiosmtpd) and SMS through a gateway over HTTP (a small server here), each exactly once through
dropped connections, failures and lost answers, and judged again by the pack as it goes."""

import contextlib
import email
import json
import re
import threading
import time
from datetime import timedelta
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import urlparse

import httpx
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel, ContactPointKind, ContactPointStatus, Relation
from collector_desk.domain.messages import MessageStatus
from collector_desk.server.sending.channels import JsonSmsGateway, SmtpRelay
from collector_desk.server.sending.dispatch import send_due
from collector_desk.store.shared.outgoing import MessageRefused
from collector_desk.store.shared.schema import AuditEvent, ContactPoint, Message
from tests.live_central import seed_cases
from tests.messages.test_send_from_desk import _mobile, _send


class _Relay:
    """Takes mail, but drops the connection in the middle of the first message's DATA."""

    def __init__(self) -> None:
        self.received: list[email.message.EmailMessage] = []
        self.drops = 1

    async def handle_DATA(self, server, session, envelope):
        if self.drops:
            self.drops -= 1
            server.transport.close()  # gone mid-send: no answer to the DATA
            return None
        self.received.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def relay(free_tcp_port):
    handler = _Relay()
    controller = Controller(handler, hostname="127.0.0.1", port=free_tcp_port)
    controller.start()
    yield handler, free_tcp_port
    controller.stop()


class _Gateway(BaseHTTPRequestHandler):
    """Answers 500, then takes the SMS but answers too late, then (same key) answers with the
    id it gave the first time without sending again."""

    plan: ClassVar[list[str]] = []
    sent: ClassVar[dict[str, dict]] = {}  # by idempotency key

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        key = self.headers["Idempotency-Key"]
        step = self.plan.pop(0) if self.plan else "ok"
        if step == "fail":
            self.send_response(500)
            self.end_headers()
            return
        if key not in self.sent:
            self.sent[key] = body
        if step == "slow":
            time.sleep(1.5)  # the client gave up already: the answer is lost
        payload = json.dumps({"id": f"gw-{list(self.sent).index(key)}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up on the slow answer
            self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    _Gateway.plan, _Gateway.sent = ["fail", "slow"], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield _Gateway, f"http://127.0.0.1:{server.server_address[1]}/send"
    server.shutdown()
    server.server_close()


def _status(engine, message_id):
    with Session(engine) as s:
        m = s.get(Message, message_id)
        return m.status, m.attempts, m.reason


def test_an_sms_is_sent_once_through_a_failure_and_a_lost_answer(live, desk, gateway):
    gate, url = gateway
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    queued = _send(alice, case_id)
    alice.sync()
    sms = JsonSmsGateway(url, "secret-token", timeout=0.5)
    senders = {Channel.SMS: sms}

    assert send_due(live.engine, senders, live.clock.now).retrying == 1  # 500
    assert _status(live.engine, queued.id)[:2] == (MessageStatus.QUEUED, 1)
    assert send_due(live.engine, senders, live.clock.now).sent == 0  # not due yet: 30 s
    live.clock.now += timedelta(seconds=31)
    assert send_due(live.engine, senders, live.clock.now).retrying == 1  # taken, answer lost
    live.clock.now += timedelta(minutes=3)
    assert send_due(live.engine, senders, live.clock.now).sent == 1
    assert len(gate.sent) == 1  # one SMS reached the customer
    (only,) = gate.sent.values()
    assert only["to"] == "+8613800010000" and only["text"] == queued.body
    with Session(live.engine) as s:
        m = s.get(Message, queued.id)
        assert (m.status, m.attempts, m.provider_ref) == (MessageStatus.SENT, 3, "gw-0")
        assert m.sent_at == live.clock.now
    alice.sync()
    with Session(alice.engine) as s:  # the desk's history says so
        assert s.get(Message, queued.id).status is MessageStatus.SENT


def _queue_email(live, desk, template="payment_reminder"):
    """A case of alice's with an e-mail address, and a message queued to it and pushed."""
    from collector_desk.store.cache.messages import queue_message
    from collector_desk.store.shared.people import find_user

    (case_id,) = seed_cases(live.engine, "alice", 1)
    with Session(live.engine) as s, s.begin():
        s.add(
            ContactPoint(
                customer_id=case_id,
                kind=ContactPointKind.EMAIL,
                value="customer1@example.com",
                relation=Relation.SELF,
                status=ContactPointStatus.VALID,
            )
        )
    alice = desk("alice")
    alice.sync()
    with Session(alice.engine) as s:
        point = s.scalars(
            select(ContactPoint.id).where(ContactPoint.kind == ContactPointKind.EMAIL)
        ).one()
    user = find_user(alice.engine, "alice")
    queued = queue_message(
        alice.engine, user.id, case_id, point, template, Channel.EMAIL, alice.clock()
    )
    alice.sync()
    return alice, case_id, point, queued


def test_an_email_arrives_once_in_chinese_after_the_relay_drops_the_first_try(live, desk, relay):
    handler, port = relay
    _, _, _, queued = _queue_email(live, desk)
    mail = SmtpRelay("127.0.0.1", port, "collections@bank.example", "演示银行", starttls=False)
    senders = {Channel.EMAIL: mail}
    assert send_due(live.engine, senders, live.clock.now).retrying == 1
    assert handler.received == []
    live.clock.now += timedelta(seconds=31)
    assert send_due(live.engine, senders, live.clock.now).sent == 1
    (received,) = handler.received
    assert received["Subject"] == "催收台演示银行：信用卡还款提醒"
    assert received["To"] == "customer1@example.com"
    assert queued.id in received["Message-ID"]  # the same on a retry: one message in the inbox
    text = received.get_body(("plain",)).get_content()
    assert text.startswith("Alice Customer 1您好") and "/unsubscribe/" in text
    link = received["List-Unsubscribe"].strip("<>")
    assert link in text and f'<a href="{link}">' in received.get_body(("html",)).get_content()
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with Session(live.engine) as s:
        server_copy = s.get(Message, queued.id)
        assert server_copy.status is MessageStatus.SENT
        # the link's token was signed as it left: the stored text, and every desk, keep none
        assert server_copy.body == text.strip().replace(link, queued_link(queued.body))
        assert link not in server_copy.body


def queued_link(body):
    (link,) = re.findall(r"https://\S+?/unsubscribe/\S+", body)
    return link


def test_the_unsubscribe_link_asks_then_opts_the_address_out_on_every_desk(
    live, desk, relay, monkeypatch
):
    from collector_desk.store.cache.messages import preview
    from collector_desk.store.shared.people import find_user

    handler, port = relay
    handler.drops = 0
    alice, case_id, point, _ = _queue_email(live, desk)
    later = desk("alice")
    later.sync()
    waiting_user = find_user(later.engine, "alice")
    mail = SmtpRelay("127.0.0.1", port, "collections@bank.example", starttls=False)
    assert send_due(live.engine, {Channel.EMAIL: mail}, live.clock.now).sent == 1
    path = urlparse(handler.received[0]["List-Unsubscribe"].strip("<>")).path
    forged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")

    asked = live.http.get(path)  # a mail scanner opening the link changes nothing
    assert asked.status_code == 200 and "确认退订" in asked.text and 'method="post"' in asked.text
    assert live.http.get(forged).status_code == 404
    assert live.http.post(forged).status_code == 404
    with Session(live.engine) as s:
        assert s.get(ContactPoint, point).opted_out is None

    done = live.http.post(path, data={"List-Unsubscribe": "One-Click"})  # RFC 8058
    assert done.status_code == 200 and "已退订" in done.text
    assert live.http.post(path).status_code == 200  # twice is harmless
    with Session(live.engine) as s:
        assert s.get(ContactPoint, point).opted_out == ["email"]
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "opt_out")).all()
        assert event.detail == {"channel": "email", "via": "unsubscribe_link"}
        assert (event.entity, event.entity_id, event.user_id) == ("contact_point", str(point), None)

    alice.sync()
    user = find_user(alice.engine, "alice")
    _, verdict = preview(
        alice.engine, user.id, case_id, point, "payment_reminder", Channel.EMAIL, alice.clock()
    )
    assert verdict.codes == ["opted_out"]
    # a desk that had not heard yet queues one: the server refuses it with the reason
    from collector_desk.store.cache.messages import queue_message

    late = queue_message(
        later.engine,
        waiting_user.id,
        case_id,
        point,
        "payment_reminder",
        Channel.EMAIL,
        later.clock(),
    )
    later.sync()
    with Session(live.engine) as s:
        assert (s.get(Message, late.id).status, s.get(Message, late.id).reason) == (
            MessageStatus.REFUSED,
            "opted_out",
        )


def test_a_text_queued_before_the_quiet_hours_waits_for_the_morning(live, desk, gateway):
    gate, url = gateway
    gate.plan = []
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    live.clock.now = live.clock.now.replace(hour=13, minute=59)  # 21:59 in Shanghai
    queued = _send(alice, case_id)
    alice.sync()
    live.clock.now += timedelta(minutes=2)  # the sender's turn comes at 22:01
    senders = {Channel.SMS: JsonSmsGateway(url, "t", timeout=2)}
    assert send_due(live.engine, senders, live.clock.now).waiting == 1
    assert gate.sent == {}
    with Session(live.engine) as s:
        waits = s.get(Message, queued.id).next_attempt_at
    assert waits == live.clock.now.replace(day=live.clock.now.day + 1, hour=0, minute=0)
    live.clock.now = waits
    assert send_due(live.engine, senders, live.clock.now).sent == 1 and len(gate.sent) == 1


def test_a_gateway_that_refuses_a_number_fails_the_message_without_retrying(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    queued = _send(alice, case_id)
    alice.sync()
    refusing = httpx.Client(transport=httpx.MockTransport(lambda _r: httpx.Response(422)))
    senders = {Channel.SMS: JsonSmsGateway("http://gateway.invalid/send", "t", client=refusing)}
    assert send_due(live.engine, senders, live.clock.now).failed == 1
    assert _status(live.engine, queued.id) == (MessageStatus.FAILED, 1, "http_422")


def _cli(*args, env=None):
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "collector_desk.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_send_messages_from_a_timer_reports_counts_and_refuses_a_bad_setting(tmp_path):
    url = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite'}"
    assert _cli("server", "migrate", "--db", url).returncode == 0
    quiet = _cli("admin", "send-messages", "--db", url)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout.strip() == (
        "0 sent, 0 to retry, 0 failed, 0 refused by the rules, 0 waiting "
        "(channels: none configured)"
    )
    plain = _cli(
        "admin",
        "send-messages",
        "--db",
        url,
        env={"COLLECTOR_DESK_SMS_URL": "http://gateway.bank/send", "COLLECTOR_DESK_SMS_TOKEN": "t"},
    )
    assert plain.returncode == 2
    assert "COLLECTOR_DESK_SMS_URL must be https (the token goes with it)" in plain.stderr


def test_a_delivery_receipt_from_the_gateway_reaches_the_desk(live, desk, monkeypatch):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    queued = _send(alice, case_id)
    alice.sync()
    taking = httpx.Client(
        transport=httpx.MockTransport(lambda _r: httpx.Response(200, json={"id": "gw-77"}))
    )
    senders = {Channel.SMS: JsonSmsGateway("http://gateway.invalid/send", "t", client=taking)}
    assert send_due(live.engine, senders, live.clock.now).sent == 1
    receipt = {"id": "gw-77", "status": "delivered"}
    url = "/api/v1/messages/receipts"

    assert live.http.post(url, json=receipt).status_code == 403  # IT has not set it up
    monkeypatch.setenv("COLLECTOR_DESK_SMS_CALLBACK_TOKEN", "callback-secret")
    wrong = live.http.post(url, json=receipt, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401
    gateway = {"Authorization": "Bearer callback-secret"}
    garbage = live.http.post(url, json={"id": "gw-77", "status": "read"}, headers=gateway)
    assert garbage.status_code == 422
    assert _status(live.engine, queued.id)[0] is MessageStatus.SENT  # nothing changed
    unknown = live.http.post(url, json={"id": "gw-1", "status": "delivered"}, headers=gateway)
    assert unknown.status_code == 404

    answer = live.http.post(url, json=receipt, headers=gateway)
    assert answer.status_code == 200 and answer.json() == {"status": "delivered"}
    again = live.http.post(url, json={"id": "gw-77", "status": "failed"}, headers=gateway)
    assert again.json() == {"status": "delivered"}  # a late, contrary receipt changes nothing
    with Session(live.engine) as s:
        assert s.get(Message, queued.id).delivered_at == live.clock.now
    alice.sync()
    with Session(alice.engine) as s:
        assert s.get(Message, queued.id).status is MessageStatus.DELIVERED


def test_a_stop_reply_opts_the_number_out_of_texts_on_every_desk(live, desk, monkeypatch):
    from collector_desk.store.cache.messages import preview
    from collector_desk.store.shared.compliance import dial_check
    from collector_desk.store.shared.people import find_user

    monkeypatch.setenv("COLLECTOR_DESK_SMS_CALLBACK_TOKEN", "callback-secret")
    gateway = {"Authorization": "Bearer callback-secret"}
    (case_id,) = seed_cases(live.engine, "alice", 1)
    morning, offline = desk("alice"), desk("alice")
    morning.sync()
    offline.sync()
    waiting = _send(offline, case_id)  # queued on a desk that has not synced since
    url = "/api/v1/messages/replies"
    talk = {"from": "+8613800010000", "text": "请不要再打电话了"}
    assert live.http.post(url, json=talk, headers=gateway).json() == {"opted_out": 0}
    stop = {"from": "+8613800010000", "text": "退订"}
    assert live.http.post(url, json=stop).status_code == 401
    assert live.http.post(url, json=stop, headers=gateway).json() == {"opted_out": 1}
    assert live.http.post(url, json=stop, headers=gateway).json() == {"opted_out": 0}

    morning.sync()
    user = find_user(morning.engine, "alice")
    point = _mobile(morning.engine, case_id)
    _, verdict = preview(
        morning.engine, user.id, case_id, point, "payment_reminder", Channel.SMS, morning.clock()
    )
    assert verdict.codes == ["opted_out"]
    call = dial_check(morning.engine, user.id, case_id, point, Channel.CALL, morning.clock())
    assert call.allowed  # a text opt-out is not a do-not-call
    with pytest.raises(MessageRefused):
        _send(morning, case_id)

    offline.sync()  # its message arrives after the opt-out: kept, refused, never sent
    with Session(live.engine) as s:
        assert s.get(Message, waiting.id).status is MessageStatus.REFUSED
        assert s.get(Message, waiting.id).reason == "opted_out"
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "opt_out")).all()
        assert event.detail == {"channel": "sms", "via": "sms_reply"}


def test_the_service_sends_by_itself_when_it_has_a_way_out(live, desk, gateway):
    from collector_desk.server.sending.configured import SendersMisconfigured
    from collector_desk.server.sending.loop import sending_loop

    gate, url = gateway
    gate.plan = []
    assert sending_loop(live.engine, {}) is None  # no way out: nothing to run
    way_out = {"COLLECTOR_DESK_SMS_URL": url, "COLLECTOR_DESK_SMS_TOKEN": "secret-token"}
    assert sending_loop(live.engine, {**way_out, "COLLECTOR_DESK_SEND_EVERY": "0"}) is None
    with pytest.raises(SendersMisconfigured, match="SEND_EVERY"):
        sending_loop(live.engine, {**way_out, "COLLECTOR_DESK_SEND_EVERY": "every minute"})

    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    queued = _send(alice, case_id)
    alice.sync()
    loop = sending_loop(live.engine, {**way_out, "COLLECTOR_DESK_SEND_EVERY": "0.05"})
    loop.clock = lambda: live.clock.now
    loop.start()
    try:
        deadline = time.monotonic() + 10
        while _status(live.engine, queued.id)[0] is MessageStatus.QUEUED:
            assert time.monotonic() < deadline, "the service never sent it"
            time.sleep(0.05)
    finally:
        loop.stop()
    assert not loop.is_alive()
    assert _status(live.engine, queued.id)[:2] == (MessageStatus.SENT, 1)
    assert len(gate.sent) == 1
