"""`collector-desk server` sends what is due by itself, every minute, when it has a way out
(COLLECTOR_DESK_SMTP_HOST or COLLECTOR_DESK_SMS_URL); COLLECTOR_DESK_SEND_EVERY sets the
seconds between passes, 0 leaves sending to `admin send-messages` on a timer. Several service
processes or machines may each run one: a message is sent under its row lock, once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from sqlalchemy import Engine

from collector_desk.domain.contacts import Channel
from collector_desk.server.bulk_routes import work_through
from collector_desk.server.sending.channels import Sender
from collector_desk.server.sending.configured import PREFIX, SendersMisconfigured, senders_from
from collector_desk.server.sending.dispatch import BATCH, send_due

log = logging.getLogger(__name__)
DEFAULT_EVERY = 60.0


class SendingLoop(threading.Thread):
    def __init__(
        self,
        engine: Engine,
        senders: Mapping[Channel, Sender],
        every: float,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(name="collector-desk-sending", daemon=True)
        self.engine, self.senders, self.every, self.clock = engine, senders, every, clock
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            self.one_round()
            self.stopping.wait(self.every)

    def one_round(self) -> None:
        """Passes until what is due is done (a bulk send of thousands goes in one round)."""
        try:
            work_through(self.engine, self.clock)  # a bulk send a stopped process left
        except Exception as exc:
            log.warning("bulk sends paused: %s", type(exc).__name__)
        while not self.stopping.is_set():
            try:
                report = send_due(self.engine, self.senders, self.clock())
            except Exception as exc:  # the store is away: try next round; never log the text
                log.warning("sending paused: %s", type(exc).__name__)
                return
            if report.handled:
                log.info("messages: %s", report)
            if report.handled < BATCH:
                return

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=60)


def sending_loop(engine: Engine, env: Mapping[str, str]) -> SendingLoop | None:
    """The loop this service's environment asks for; None when it has no way out or sending
    is left to a timer. A wrong setting stops the service at start, not at the first send."""
    senders = senders_from(env)
    raw = env.get(PREFIX + "SEND_EVERY", "") or str(DEFAULT_EVERY)
    try:
        every = float(raw)
    except ValueError:
        raise SendersMisconfigured(f"{PREFIX}SEND_EVERY must be a number of seconds") from None
    if every < 0:
        raise SendersMisconfigured(f"{PREFIX}SEND_EVERY must be 0 or more")
    if not senders or every == 0:
        return None
    return SendingLoop(engine, senders, every)
