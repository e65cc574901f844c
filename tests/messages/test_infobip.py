"""The second, named SMS adapter: Infobip's API, against a small server here that speaks its
protocol, fails, answers too late and deduplicates by our messageId as Infobip does."""

import contextlib
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import MessageStatus
from collector_desk.server.sending.channels import InfobipSms, Outgoing, Undeliverable
from collector_desk.server.sending.configured import SendersMisconfigured, senders_from
from collector_desk.server.sending.dispatch import send_due
from collector_desk.store.shared.schema import Message
from tests.live_central import seed_cases
from tests.messages.test_send_from_desk import _send


class _Infobip(BaseHTTPRequestHandler):
    plan: ClassVar[list[str]] = []
    texts: ClassVar[dict[str, dict]] = {}  # by messageId: what reached a phone

    def do_POST(self):
        assert self.path == "/sms/2/text/advanced"
        if self.headers["Authorization"] != "App infobip-key":
            self._answer(401, {"requestError": {"serviceException": {"messageId": "UNAUTHORIZED"}}})
            return
        (message,) = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["messages"]
        (to,) = message["destinations"]
        step = self.plan.pop(0) if self.plan else "ok"
        if step == "fail":
            self._answer(503, {})
            return
        if to["to"].endswith("999"):
            status = {"groupId": 5, "groupName": "REJECTED", "name": "REJECTED_DESTINATION"}
        else:
            status = {"groupId": 1, "groupName": "PENDING", "name": "PENDING_ACCEPTED"}
            self.texts.setdefault(to["messageId"], {"to": to["to"], "text": message["text"]})
        if step == "slow":
            time.sleep(1.5)
        answer = {"messages": [{"to": to["to"], "status": status, "messageId": to["messageId"]}]}
        with contextlib.suppress(BrokenPipeError):
            self._answer(200, answer)

    def _answer(self, code, body):
        payload = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def infobip():
    _Infobip.plan, _Infobip.texts = ["fail", "slow"], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Infobip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield _Infobip, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_sms_through_infobip_reaches_the_phone_once(live, desk, infobip):
    gate, url = infobip
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    queued = _send(alice, case_id)
    alice.sync()
    env = {
        "COLLECTOR_DESK_SMS_PROVIDER": "infobip",
        "COLLECTOR_DESK_SMS_URL": url,
        "COLLECTOR_DESK_SMS_TOKEN": "infobip-key",
        "COLLECTOR_DESK_SMS_FROM": "DemoBank",
    }
    senders = senders_from(env)
    assert isinstance(senders[Channel.SMS], InfobipSms)
    senders = {Channel.SMS: InfobipSms(url, "infobip-key", "DemoBank", timeout=0.5)}
    assert send_due(live.engine, senders, live.clock.now).retrying == 1  # 503
    live.clock.now += timedelta(seconds=31)
    assert send_due(live.engine, senders, live.clock.now).retrying == 1  # taken, answer lost
    live.clock.now += timedelta(minutes=3)
    assert send_due(live.engine, senders, live.clock.now).sent == 1
    assert gate.texts == {queued.id: {"to": "8613800010000", "text": queued.body}}
    with Session(live.engine) as s:
        m = s.get(Message, queued.id)
        assert (m.status, m.attempts, m.provider_ref) == (MessageStatus.SENT, 3, queued.id)


def test_a_number_infobip_rejects_fails_at_once_and_a_wrong_key_is_not_retried(infobip):
    gate, url = infobip
    gate.plan = []
    sms = InfobipSms(url, "infobip-key", "DemoBank")
    with pytest.raises(Undeliverable, match="REJECTED_DESTINATION"):
        sms.send(Outgoing("m-1", "+8613800000999", "text"))
    with pytest.raises(Undeliverable, match="http_401"):
        InfobipSms(url, "wrong", "DemoBank").send(Outgoing("m-2", "+8613800000001", "text"))
    assert gate.texts == {}


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ({"COLLECTOR_DESK_SMS_PROVIDER": "infobip"}, "SMS_FROM"),
        ({"COLLECTOR_DESK_SMS_PROVIDER": "carrier-pigeon"}, "SMS_PROVIDER"),
    ],
)
def test_an_incomplete_infobip_setting_stops_the_start(extra, says):
    env = {"COLLECTOR_DESK_SMS_URL": "https://x.api.infobip.com", "COLLECTOR_DESK_SMS_TOKEN": "k"}
    with pytest.raises(SendersMisconfigured, match=says):
        senders_from(env | extra)
