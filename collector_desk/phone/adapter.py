"""What the desk asks of a phone, and what a phone tells the desk.

An adapter places calls and, where it can, reports them: a URI hand-off to the desktop's
softphone reports nothing; a controlled softphone or a bank's CTI (an Asterisk AMI, a Genesys
or Avaya connector) reports each call's ringing, answer and end. Events may arrive on any
thread; the UI moves them to its own.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class PhoneError(RuntimeError):
    """The phone could not do what was asked (not running, refused the number)."""


class CallEventKind(enum.StrEnum):
    RINGING = "ringing"  # an outgoing call rings at the far end
    ANSWERED = "answered"
    ENDED = "ended"
    INCOMING = "incoming"  # a call rings here


@dataclass(frozen=True, slots=True)
class CallEvent:
    kind: CallEventKind
    call_id: str
    at: datetime
    peer: str = ""  # the far end as the phone names it (a sip: URI or digits)
    sip_status: int | None = None  # an ended call's final status, where the phone knows it
    hung_up_here: bool = False  # an ended call the collector hung up


EventSink = Callable[[CallEvent], None]


class Phone(Protocol):
    reports_calls: bool  # False: nothing comes back; the collector logs the call as before
    can_mute: bool

    def dial(self, e164: str) -> str:
        """Place a call; the call's id, by which its events name it."""
        ...

    def hang_up(self, call_id: str) -> None: ...

    def answer(self, call_id: str) -> None: ...

    def mute(self, call_id: str, on: bool) -> None: ...

    def close(self) -> None: ...
