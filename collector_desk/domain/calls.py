"""A phone call as the desk records it: how it ended, how long the customer talked, and the
outcome that suggests. Pure: the adapters in phone/ turn their own events into these.

How a dialled call ends is read from its SIP status, the one vocabulary every softphone and PBX
shares (RFC 3261 §21): 486/600 busy, 603 declined, 408/480/487 unanswered; numbers that do not
exist (404, 410, 484, 604) are a dead number, not a missed customer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from collector_desk.domain.contacts import Direction, Outcome


class Ending(enum.StrEnum):
    ANSWERED = "answered"
    BUSY = "busy"
    DECLINED = "declined"  # the customer's phone rang and they pressed reject
    NO_ANSWER = "no_answer"
    CANCELLED = "cancelled"  # the collector hung up before anyone answered
    NUMBER_GONE = "number_gone"  # no such number, or no longer in service
    FAILED = "failed"  # the network or the PBX failed: says nothing about the customer


_BY_SIP_STATUS = {
    486: Ending.BUSY,
    600: Ending.BUSY,
    603: Ending.DECLINED,
    408: Ending.NO_ANSWER,
    480: Ending.NO_ANSWER,
    487: Ending.NO_ANSWER,
    404: Ending.NUMBER_GONE,
    410: Ending.NUMBER_GONE,
    484: Ending.NUMBER_GONE,
    604: Ending.NUMBER_GONE,
}


def ending_for(answered: bool, sip_status: int | None, hung_up_here: bool = False) -> Ending:
    """How a call ended: answered calls are answered whoever hung up; an unanswered one by
    the final SIP status it got, or cancelled when the collector gave up first."""
    if answered:
        return Ending.ANSWERED
    if sip_status is not None and sip_status in _BY_SIP_STATUS:
        return _BY_SIP_STATUS[sip_status]
    if hung_up_here:
        return Ending.CANCELLED
    return Ending.FAILED


# The outcome the log offers first; the collector confirms it with Enter or picks another. An
# answered call offers a right-party contact, the usual case, and the log's list sits on it
# rather than on "no answer", which an answered call cannot be; the collector who reached a
# relative or a machine picks that instead. A failed call suggests nothing: the network's
# fault is not an attempt on the customer.
_SUGGESTED = {
    Ending.ANSWERED: Outcome.RIGHT_PARTY,
    Ending.BUSY: Outcome.BUSY,
    Ending.DECLINED: Outcome.NO_ANSWER,
    Ending.NO_ANSWER: Outcome.NO_ANSWER,
    Ending.CANCELLED: Outcome.NO_ANSWER,
    Ending.NUMBER_GONE: Outcome.DISCONNECTED,
}


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One call from the first ring to the hang-up, as the phone reported it."""

    number: str  # E.164
    direction: Direction
    started_at: datetime  # dialled, or began ringing here
    ended_at: datetime
    ending: Ending
    answered_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.ended_at < self.started_at:
            raise ValueError("a call cannot end before it starts")
        if self.answered_at is not None and not (
            self.started_at <= self.answered_at <= self.ended_at
        ):
            raise ValueError("a call is answered between its start and its end")

    @property
    def talk_seconds(self) -> int:
        """Seconds from the answer to the hang-up, rounded to the nearest (0 unanswered)."""
        if self.answered_at is None:
            return 0
        return round((self.ended_at - self.answered_at).total_seconds())

    @property
    def suggested_outcome(self) -> Outcome | None:
        return _SUGGESTED.get(self.ending)
