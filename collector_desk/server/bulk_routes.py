"""A lead's bulk send: the list is taken at once (202), then worked through in the background
a slice at a time while the lead's desk asks how far it is. A send left unfinished (the
process stopped) goes on when its lead next asks, or at the sending loop's next pass."""

import threading
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, status
from sqlalchemy import Engine

from collector_desk.domain.contacts import Channel
from collector_desk.store.central import bulk_sends
from collector_desk.store.shared.people import UserView
from collector_desk.sync.protocol import BulkSendReport, BulkSendRequest

LEAD_CALL: dict[int | str, dict[str, Any]] = {
    401: {"description": "not_signed_in"},
    403: {"description": "team leads and admins only"},
}


class _Workers:
    """Which sends this process is working through, so two requests never both do."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self.engine, self.clock = engine, clock
        self._lock = threading.Lock()
        self._running: set[str] = set()

    def work(self, send_id: str) -> None:
        with self._lock:
            if send_id in self._running:
                return
            self._running.add(send_id)
        try:
            _to_the_end(self.engine, send_id, self.clock)
        finally:
            with self._lock:
                self._running.discard(send_id)


def work_through(engine: Engine, clock: Callable[[], datetime]) -> None:
    """Every unfinished send, to the end (the sending loop's pass calls it)."""
    for send_id in bulk_sends.unfinished(engine):
        _to_the_end(engine, send_id, clock)


def _to_the_end(engine: Engine, send_id: str, clock: Callable[[], datetime]) -> None:
    while not bulk_sends.advance(engine, send_id, clock()):
        pass


def _out(report: bulk_sends.BulkReport) -> BulkSendReport:
    return BulkSendReport(
        id=uuid.UUID(report.id),
        template=report.template,
        channel=report.channel.value,
        total=report.total,
        judged=report.judged,
        finished=report.finished,
        outcomes=report.outcomes,
        statuses=report.statuses,
    )


def bulk_routes(
    engine: Engine, lead: Callable[..., UserView], clock: Callable[[], datetime]
) -> APIRouter:
    router = APIRouter()
    workers = _Workers(engine, clock)

    @router.post(
        "/api/v1/team/bulk-messages",
        response_model=BulkSendReport,
        status_code=status.HTTP_202_ACCEPTED,
        responses={
            **LEAD_CALL,
            409: {"description": "id_taken: another lead's send has this id"},
            422: {
                "description": "unknown_template, third_party_template, no_wording, or a "
                "malformed body"
            },
        },
    )
    def start(
        body: BulkSendRequest,
        user: Annotated[UserView, Depends(lead)],
        background: BackgroundTasks,
    ) -> BulkSendReport:
        """Send one template to these cases of the lead's team, each judged on its own."""
        try:
            report = bulk_sends.start(
                engine, user, body.id, body.template, Channel(body.channel), body.case_ids, clock()
            )
        except bulk_sends.BulkRefused as refused:
            code = 409 if refused.code == "id_taken" else 422
            raise HTTPException(code, refused.code) from None
        if not report.finished:
            background.add_task(workers.work, report.id)
        return _out(report)

    @router.get(
        "/api/v1/team/bulk-messages/{send_id}",
        response_model=BulkSendReport,
        responses={**LEAD_CALL, 404: {"description": "no send of this lead's has this id"}},
    )
    def progress(
        send_id: uuid.UUID,
        user: Annotated[UserView, Depends(lead)],
        background: BackgroundTasks,
    ) -> BulkSendReport:
        """How far the send is, and what became of its recipients and messages."""
        report = bulk_sends.report(engine, user, send_id)
        if report is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such send")
        if not report.finished:
            background.add_task(workers.work, report.id)  # goes on after a restart
        return _out(report)

    return router
