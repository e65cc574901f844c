"""One call's course, from its phone's events to the record the contact log is filled from."""

from __future__ import annotations

from datetime import datetime

from collector_desk.domain.calls import CallRecord, Ending, ending_for
from collector_desk.domain.contacts import Direction
from collector_desk.phone.adapter import CallEvent, CallEventKind


class CallTracker:
    def __init__(self, call_id: str, number: str, direction: Direction, started_at: datetime):
        self.call_id, self.number, self.direction = call_id, number, direction
        self.started_at = started_at
        self.answered_at: datetime | None = None
        self.ringing = False
        # the desk stopped a call nobody answered within its ring time: unanswered, not
        # cancelled by the collector
        self.gave_up_ringing = False

    def feed(self, event: CallEvent) -> CallRecord | None:
        """The finished call's record once it ends; None while it goes on (or for another
        call's event)."""
        if event.call_id != self.call_id:
            return None
        if event.kind is CallEventKind.RINGING:
            self.ringing = True
        elif event.kind is CallEventKind.ANSWERED and self.answered_at is None:
            self.answered_at = max(event.at, self.started_at)
        elif event.kind is CallEventKind.ENDED:
            answered = self.answered_at is not None
            ending = ending_for(answered, event.sip_status, event.hung_up_here)
            if not answered and self.gave_up_ringing and event.hung_up_here:
                ending = Ending.NO_ANSWER
            ended = max(event.at, self.answered_at or self.started_at)
            return CallRecord(
                self.number, self.direction, self.started_at, ended, ending, self.answered_at
            )
        return None
