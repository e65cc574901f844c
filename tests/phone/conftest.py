import threading
from dataclasses import dataclass, field

import pytest

from collector_desk.phone.adapter import CallEvent, CallEventKind
from collector_desk.phone.baresip import Baresip
from tests.phone.baresip_pair import Softphone, baresip_or_skip, start_softphone

CUSTOMER = "+8613900001111"  # the customer's phone, as it calls and is called (made up)


@dataclass
class Events:
    """What a phone reported, with a way to wait for the next of a kind."""

    seen: list[CallEvent] = field(default_factory=list)
    _arrived: threading.Condition = field(default_factory=threading.Condition)

    def __call__(self, event: CallEvent) -> None:
        with self._arrived:
            self.seen.append(event)
            self._arrived.notify_all()

    def wait_for(self, kind: CallEventKind, timeout: float = 10.0) -> CallEvent:
        with self._arrived:
            found = self._arrived.wait_for(
                lambda: next((e for e in self.seen if e.kind is kind), None), timeout
            )
        assert found, f"no {kind} event within {timeout} s; saw {[e.kind for e in self.seen]}"
        return found


@pytest.fixture
def softphones(tmp_path):
    binary = baresip_or_skip()
    started: list[Softphone] = []
    try:
        started.append(start_softphone(binary, tmp_path / "desk", "desk", "desk"))
        started.append(start_softphone(binary, tmp_path / "customer", "customer", CUSTOMER))
        yield started[0], started[1]
    finally:
        for phone in started:
            phone.stop()


@pytest.fixture
def customer(softphones):
    """The customer's own phone, scripted through the same adapter the desk uses."""
    events = Events()
    phone = Baresip(
        "127.0.0.1", softphones[1].ctrl_port, "sip:desk@" + softphones[0].address, "", events
    )
    yield phone, events
    phone.close()


@pytest.fixture
def desk_phone(softphones):
    events = Events()
    template = "sip:{e164}@" + softphones[1].address
    phone = Baresip("127.0.0.1", softphones[0].ctrl_port, template, "", events)
    yield phone, events
    phone.close()
