"""The desktop's sync engine: push the outbox, then pull, over HTTP. No Qt: the UI runs it on
a worker thread and shows what it reports."""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Callable
from datetime import UTC, date, datetime

import httpx
from sqlalchemy import Engine

from collector_desk.config.loaders import default_security
from collector_desk.domain.kpis import Period
from collector_desk.store.cache import kpi_cache, local_sync
from collector_desk.sync.outcomes import (
    BulkSendRefused,
    NotALead,
    Offline,
    Revoked,
    ServerError,
    SignedOut,
    SyncReport,
)
from collector_desk.sync.protocol import (
    CLIENT_HEADER,
    MANIFEST_PAGE,
    MAX_MUTATIONS,
    BulkSendReport,
    BulkSendRequest,
    KpiReport,
    ManifestResponse,
    PullResponse,
    PushResponse,
)

__all__ = [
    "NotALead",
    "Offline",
    "Revoked",
    "ServerError",
    "SignedOut",
    "SyncClient",
    "SyncReport",
    "sign_in",
]


BULK_SENDS = "/api/v1/team/bulk-messages"


def sign_in(http: httpx.Client, username: str, password: str) -> str:
    """A token for this user, or SignedOut (wrong password, locked) / Offline."""
    try:
        response = http.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        )
    except httpx.HTTPError as exc:
        raise Offline(type(exc).__name__) from exc
    if response.status_code in (401, 429):
        raise SignedOut(response.json().get("error", "refused"))
    if response.status_code != 200:
        raise Offline(f"sign-in failed: {response.status_code}")
    return response.json()["token"]


class SandboxCache(PermissionError):
    """The cache holds practice cases: it has no server to sync with."""


class SyncClient:
    def __init__(
        self,
        engine: Engine,
        http: httpx.Client,
        token: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        retention_days: int | None = None,
        page_size: int | None = None,
    ) -> None:
        if local_sync.is_sandbox(engine):  # practice data must never reach a server
            raise SandboxCache("a practice cache is never synced")
        self.engine = engine
        self.http = http
        self.token = token
        self.clock = clock
        self.client_id = local_sync.my_client_id(engine)
        self.clock_skew_s = 0.0
        self.revoked = False  # the server said so: push what is left, then wipe
        self.page_size = page_size  # cases per pull page; None: the server's default
        self.retention_days = (
            default_security().closed_case_retention_days
            if retention_days is None
            else retention_days
        )

    def _call(self, method: str, path: str, **kwargs) -> httpx.Response:
        try:
            headers = {"Authorization": f"Bearer {self.token}", CLIENT_HEADER: self.client_id}
            response = self.http.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            raise Offline(type(exc).__name__) from exc
        if response.status_code == 401:
            raise SignedOut()
        if response.status_code == 410:
            self.revoked = True
            self._wipe_when_pushed()
        if response.status_code >= 500:  # reached, but it failed: not the same as offline
            raise ServerError(f"server error {response.status_code}")
        return response

    def _wipe_when_pushed(self) -> None:
        """Revoked: say so only once nothing typed here is left unpushed."""
        if local_sync.pending(self.engine, 1):
            self.push()
        raise Revoked()

    def sync(self, manifest: bool = False) -> SyncReport:
        """Push everything waiting, then pull until up to date. The push goes first so a reset
        or a pulled case never overwrites what this desktop has not yet sent. With manifest,
        also drop any local case the server says is not in scope (healing any drift)."""
        pushed, rejected = self.push()
        if self.revoked:
            self._wipe_when_pushed()
        received, removed = self.pull()
        if manifest:
            removed += self.heal()
        now = self.clock()
        removed += local_sync.purge_closed(self.engine, now, self.retention_days)
        local_sync.note_synced(self.engine, now)
        return SyncReport(pushed, rejected, received, removed, self.clock_skew_s)

    def heal(self) -> int:
        """Drop every local case the server's manifest leaves out. The manifest comes in
        pages, held as packed integers: a million ids in scope cost 8 MB, not a list of
        Python ints and its JSON at once."""
        in_scope = array("q")
        after: int | None = 0
        while after is not None:
            params = {"after": after, "limit": MANIFEST_PAGE}
            response = self._call("GET", "/api/v1/sync/manifest", params=params)
            if response.status_code != 200:
                raise Offline(f"manifest refused: {response.status_code}")
            page = ManifestResponse.model_validate_json(response.content)
            in_scope.extend(page.case_ids)
            after = page.next_after
        return local_sync.keep_only(self.engine, in_scope)

    def start_bulk_send(self, request: BulkSendRequest) -> BulkSendReport:
        """The lead's send, taken by the server (the same request again is the same send)."""
        response = self._call("POST", BULK_SENDS, json=request.model_dump(mode="json"))
        return self._bulk_answer(response)

    def bulk_send_report(self, send_id: uuid.UUID) -> BulkSendReport:
        return self._bulk_answer(self._call("GET", f"{BULK_SENDS}/{send_id}"))

    @staticmethod
    def _bulk_answer(response: httpx.Response) -> BulkSendReport:
        if response.status_code == 403:
            raise NotALead()
        if response.status_code in (409, 422) and isinstance(response.json().get("detail"), str):
            raise BulkSendRefused(response.json()["detail"])
        if response.status_code not in (200, 202):
            raise Offline(f"bulk send refused: {response.status_code}")
        return BulkSendReport.model_validate(response.json())

    def fetch_kpis(self, since: date, until: date, period: Period) -> KpiReport:
        """The team's numbers computed centrally, kept in the cache for offline viewing.
        A collector's token is refused (NotALead); so is a range the server will not take."""
        params = {"since": since.isoformat(), "until": until.isoformat(), "period": period.value}
        response = self._call("GET", "/api/v1/team/kpis", params=params)
        if response.status_code == 403:
            raise NotALead()
        if response.status_code != 200:
            raise Offline(f"team numbers refused: {response.status_code}")
        report = KpiReport.model_validate(response.json())
        kpi_cache.save(
            self.engine,
            report.period,
            report.since,
            report.until,
            report.computed_at,
            (r.model_dump() for r in report.rows),
            (f.model_dump() for f in report.flows),
        )
        return report

    def push(self) -> tuple[int, int]:
        pushed = rejected = 0
        while True:
            batch = local_sync.pending(self.engine, MAX_MUTATIONS)
            if not batch:
                return pushed, rejected
            body = {
                "client_id": self.client_id,
                "mutations": [{"id": m.mutation_id, "name": m.name, "args": m.args} for m in batch],
            }
            try:
                response = self._call("POST", "/api/v1/sync/push", json=body)
            except Offline as exc:
                local_sync.note_failure(self.engine, str(exc))
                raise
            if response.status_code != 200:
                local_sync.note_failure(self.engine, response.text)
                raise Offline(f"push refused: {response.status_code}")
            result = PushResponse.model_validate(response.json())
            self.revoked = self.revoked or result.revoked
            if result.server_time is not None:
                self.clock_skew_s = (result.server_time - self.clock()).total_seconds()
            outcomes = [(r.id, r.status, r.reason) for r in result.results]
            local_sync.acknowledge(self.engine, result.last_mutation_id, outcomes, self.clock())
            pushed += sum(1 for _, status, _ in outcomes if status == "applied")
            rejected += sum(1 for _, status, _ in outcomes if status == "rejected")
            if result.last_mutation_id < batch[-1].mutation_id:
                raise Offline("the server stopped part-way through the push")

    def pull(self) -> tuple[int, int]:
        """Pull until up to date. A first sync interrupted part-way goes on from the page
        after the last one taken in (its progress is kept with each page)."""
        received = removed = 0
        params: dict = {}
        cursor = local_sync.cursor(self.engine)
        progress = None if cursor is not None else local_sync.first_sync_progress(self.engine)
        if progress is not None:
            params = {"after_case": progress[0], "bound": progress[1]}
        limit = {} if self.page_size is None else {"limit": self.page_size}
        while True:
            if cursor is not None:
                params = {"cursor": cursor}
            response = self._call("GET", "/api/v1/sync/pull", params=params | limit)
            if response.status_code == 409:  # a cursor this server does not know: start over
                local_sync.forget_cursor(self.engine)
                cursor, params = None, {}
                continue
            if response.status_code != 200:
                raise Offline(f"pull refused: {response.status_code}")
            page = PullResponse.model_validate(response.json())
            if page.server_time is not None:
                self.clock_skew_s = (page.server_time - self.clock()).total_seconds()
            progress = None
            if page.more and page.cursor is None and page.after_case is not None and page.bound:
                progress = (page.after_case, page.bound)
            local_sync.take_in(
                self.engine, page.cases, page.removed, page.cursor, page.people, progress
            )
            received += len(page.cases)
            removed += len(page.removed)
            if not page.more:
                return received, removed
            if page.cursor is not None:
                cursor = page.cursor
            else:  # a first sync goes on by case id up to the bound it started at
                params = {"after_case": page.after_case, "bound": page.bound}
