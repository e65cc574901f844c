"""The HTTP API: versioned routes under /api/v1, OpenAPI at /openapi.json, /healthz.

No `from __future__ import annotations` here: FastAPI reads the annotations of the route
functions, which name dependencies defined inside create_app.
"""

import asyncio
import functools
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy import Engine, text

from collector_desk import __version__
from collector_desk.config.holiday_calendar import calendar_warnings
from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.cases import Role
from collector_desk.domain.flows import FlowRow
from collector_desk.domain.kpis import Amounts, KpiRow, Period
from collector_desk.server import auth
from collector_desk.server.bulk_routes import bulk_routes
from collector_desk.server.change_feed import ChangeFeed, change_routes
from collector_desk.server.message_routes import message_routes
from collector_desk.server.unsubscribe_routes import unsubscribe_routes
from collector_desk.store.central import (
    accounts,
    audit_trail,
    changes,
    kpis,
    pull,
    push,
    revocation,
)
from collector_desk.store.shared.engine import READS_ONLY
from collector_desk.store.shared.people import UserView
from collector_desk.sync.protocol import (
    CLIENT_HEADER,
    LEGACY_CURRENCY,
    MANIFEST_PAGE,
    FlowOut,
    KpiOut,
    KpiReport,
    ManifestResponse,
    MoneyOut,
    MutationResult,
    PullResponse,
    PushRequest,
    PushResponse,
)

MAX_BODY = 5_000_000  # bytes: a push of a thousand mutations fits
PULL_PAGE = 200  # cases per pull response

# What a query parameter may hold: what the columns hold on both databases (ids are 32-bit
# Integer columns), dates and times within sane years, text without NUL (PostgreSQL refuses
# it) and within its column. Anything else is a 422 before any query runs, never a 500.
MAX_ID = 2**31 - 1
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
NO_NUL = r"^[^\x00]*$"
CURSOR_CHARS = 100  # a store id and two 64-bit numbers: 76 characters at most
Day = Annotated[date, Field(ge=FIRST_DAY, le=LAST_DAY)]
Moment = Annotated[
    AwareDatetime,
    Field(
        ge=datetime(FIRST_DAY.year, 1, 2, tzinfo=UTC),
        le=datetime(LAST_DAY.year, 12, 30, tzinfo=UTC),
    ),
]
Username = Annotated[str | None, Query(max_length=64, pattern=NO_NUL)]
BAD_QUERY: dict[int | str, dict[str, Any]] = {
    422: {"description": "a query parameter or header out of range or malformed"}
}
TOO_LARGE: dict[int | str, dict[str, Any]] = {
    400: {"description": "a body that cannot be read as JSON (not UTF-8)"},
    413: {"description": f"payload_too_large: a body over {MAX_BODY} bytes"},
    422: {"description": "a malformed body"},
}
SIGNED_IN: dict[int | str, dict[str, Any]] = {
    401: {"description": "not_signed_in: no token, or one expired, ended or of a shut account"}
}

Clock = Callable[[], datetime]
# the ASGI types, spelt here: starlette is fastapi's to depend on, not ours
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class LoginBody(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    password: str = Field(min_length=1, max_length=256)


class UserOut(BaseModel):
    id: int
    username: str
    display_name: str
    role: Role
    team_id: int | None
    time_zone: str


class AuditOut(BaseModel):
    id: str
    recorded_at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    detail: dict


class SignInOut(BaseModel):
    token: str
    expires_at: datetime
    user: UserOut


class _TooLarge(Exception):
    pass


class BodyLimit:
    """A request body over `limit` bytes gets 413, whether it gives its length up front
    (Content-Length) or not (chunked): the stream is counted as the route reads it, reading
    stops at the cap, and the connection is closed, so a huge body is never taken in whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _drain(receive, 2 * self.limit)
            await _too_large(send)
            return
        read = 0
        over = started = False

        async def counted() -> Message:
            nonlocal read, over
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > self.limit:
                    over = True
                    raise _TooLarge
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if over:  # whatever the route made of a body cut short, the answer is 413
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not over:
                raise
        if over and not started:
            await _drain(receive, 2 * self.limit)
            await _too_large(send)


DRAIN_SECONDS = 1.0


async def _drain(receive: Receive, most: int) -> None:
    """Before a 413, take in (and drop) what is already on its way, for at most a second and a
    bounded number of bytes: the 413 closes the connection, and closing a socket with unread
    data resets it, which can destroy the answer before the client reads it."""
    deadline = asyncio.get_running_loop().time() + DRAIN_SECONDS
    taken = 0
    while taken <= most:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            return
        try:
            message = await asyncio.wait_for(receive(), left)
        except TimeoutError:
            return
        if message["type"] != "http.request":
            return
        taken += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _too_large(send: Send) -> None:
    body = b'{"error":"payload_too_large"}'
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),  # the rest of the body is never read
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _user_out(user: UserView) -> UserOut:
    return UserOut(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        team_id=user.team_id,
        time_zone=user.time_zone,
    )


def create_app(engine: Engine, clock: Clock = lambda: datetime.now(UTC)) -> FastAPI:
    app = FastAPI(title="Collector Desk sync service", version=__version__)
    # what only reads: on a SQLite central store it does not queue behind the writers
    reads = engine.execution_options(**READS_ONLY)
    bearer = HTTPBearer(auto_error=False)

    app.add_middleware(BodyLimit, limit=MAX_BODY)

    def signed_in(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> UserView:
        """A live token of an account that is not disabled; else 401."""
        user = (
            None if credentials is None else auth.user_for(reads, credentials.credentials, clock())
        )
        if user is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                detail="not_signed_in",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return user

    def current_user(
        user: Annotated[UserView, Depends(signed_in)],
        client_id: Annotated[str | None, Header(alias=CLIENT_HEADER, max_length=36)] = None,
    ) -> UserView:
        """Signed in, and neither the user nor this desktop revoked (410: wipe the cache).
        Every route but push and logout: a revoked desktop may still push what it holds."""
        if revocation.is_revoked(reads, user.id, client_id):
            raise HTTPException(status.HTTP_410_GONE, detail="revoked")
        return user

    def lead(user: Annotated[UserView, Depends(current_user)]) -> UserView:
        if not user.role.is_lead:
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail="team_lead_only")
        return user

    @functools.cache
    def store_id() -> str:  # never changes: read (or made) once per process
        return changes.store_id(engine)

    @app.get("/healthz")
    def healthz() -> dict:
        with reads.connect() as conn:
            conn.execute(text("SELECT 1"))
        # for IT: a policy pack whose public holidays run out soon (the library's data)
        warnings = calendar_warnings(default_packs(), clock().date())
        return {"status": "ok", "version": __version__, "warnings": warnings}

    @app.post(
        "/api/v1/auth/login",
        response_model=SignInOut,
        responses={
            401: {"description": "bad_credentials: unknown name, wrong password or shut account"},
            429: {"description": "locked: this address and name wait; see Retry-After"},
            **TOO_LARGE,
        },
    )
    def login(body: LoginBody, request: Request):
        source = request.client.host if request.client is not None else "unknown"
        try:
            signed = auth.login(engine, body.username, body.password, clock(), source)
        except auth.LoginRefused as refused:
            if refused.reason == "locked":
                assert refused.retry_after is not None  # a lock always says until when
                seconds = max(1, int(refused.retry_after.total_seconds() + 0.999))
                return JSONResponse(
                    {"error": "locked", "retry_after": seconds},
                    status_code=429,
                    headers={"Retry-After": str(seconds)},
                )
            return JSONResponse({"error": "bad_credentials"}, status_code=401)
        return SignInOut(
            token=signed.token, expires_at=signed.expires_at, user=_user_out(signed.user)
        )

    @app.post("/api/v1/auth/logout", status_code=204, responses=SIGNED_IN)
    def logout(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        _user: Annotated[UserView, Depends(signed_in)],
    ) -> None:
        assert credentials is not None  # signed_in refused a request without them
        auth.logout(engine, credentials.credentials, clock())

    @app.get(
        "/api/v1/me",
        response_model=UserOut,
        responses={410: {"description": "revoked"}, **SIGNED_IN},
    )
    def me(user: Annotated[UserView, Depends(current_user)]) -> UserOut:
        return _user_out(user)

    @app.get(
        "/api/v1/sync/manifest",
        response_model=ManifestResponse,
        responses={410: {"description": "revoked: wipe the cache"}, **SIGNED_IN, **BAD_QUERY},
    )
    def manifest(
        user: Annotated[UserView, Depends(current_user)],
        after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
        limit: Annotated[int | None, Query(ge=1, le=MANIFEST_PAGE)] = None,
    ) -> ManifestResponse:
        """The case ids in this user's scope: a desktop drops any other it still holds. With
        a limit, a page of them after `after` (a desk of an earlier version asks for all)."""
        with reads.connect() as conn:
            ids = pull.scope_ids(conn, user, after, limit)
        more = limit is not None and len(ids) == limit
        return ManifestResponse(case_ids=ids, next_after=ids[-1] if more else None)

    @app.get(
        "/api/v1/team/members",
        response_model=list[UserOut],
        responses={403: {"description": "team leads and admins only"}, **SIGNED_IN},
    )
    def team_members(user: Annotated[UserView, Depends(lead)]) -> list[UserOut]:
        """The lead's team (an admin sees everyone): the first of the team lead's views."""
        return [_user_out(u) for u in accounts.team_members(reads, user)]

    @app.get(
        "/api/v1/team/audit",
        response_model=list[AuditOut],
        responses={
            403: {"description": "team leads and admins only"},
            **SIGNED_IN,
            **BAD_QUERY,
        },
    )
    def team_audit(
        user: Annotated[UserView, Depends(lead)],
        username: Username = None,
        action: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
        case_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
        since: Annotated[Moment | None, Query()] = None,
        until: Annotated[Moment | None, Query()] = None,
        limit: Annotated[int, Query(ge=1, le=audit_trail.MAX_EVENTS)] = 200,
    ) -> list[AuditOut]:
        """The team's audit trail, newest first: overrides, reveals, approvals, flags, legal."""
        found = audit_trail.team_audit(
            reads, user, audit_trail.AuditFilter(username, action, case_id, since, until, limit)
        )
        return [
            AuditOut(
                id=e.id,
                recorded_at=e.recorded_at,
                username=name,
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id,
                detail=e.detail,
            )
            for e, name in found
        ]

    @app.get(
        "/api/v1/team/kpis",
        response_model=KpiReport,
        responses={
            403: {"description": "team leads and admins only"},
            **SIGNED_IN,
            422: {"description": "a day out of range, or a range backwards or over a year"},
        },
    )
    def team_kpis(
        user: Annotated[UserView, Depends(lead)],
        since: Annotated[Day, Query()],
        until: Annotated[Day, Query()],
        period: Period = Period.DAY,
        username: Username = None,
    ) -> KpiReport:
        """The team's numbers per day or week, per collector and for the team (no username):
        activity, promises, collections, and roll and cure by bucket."""
        try:
            numbers = kpis.team_kpis(reads, user, since, until, period, username)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        names = {m.id: m.username for m in accounts.team_members(reads, user)}

        def who(row: KpiRow | FlowRow) -> str | None:
            return None if row.collector_id is None else names.get(row.collector_id)

        def kpi_out(row: KpiRow) -> KpiOut:
            """The row's counts and rates, and its money one currency at a time."""
            counts = {f: getattr(row, f) for f in KpiOut.model_fields if hasattr(row, f)}
            del counts["money"]
            legacy = row.money.get(LEGACY_CURRENCY, Amounts())
            return KpiOut(
                username=who(row),
                **counts,
                money=[
                    MoneyOut(currency=code, kept_rate=a.kept_rate, **asdict(a))
                    for code, a in row.money.items()
                ],
                kept_rate=legacy.kept_rate,
                **asdict(legacy),
            )

        def flow_out(row: FlowRow) -> FlowOut:
            figures = {f: getattr(row, f) for f in FlowOut.model_fields if f != "username"}
            return FlowOut(username=who(row), **figures)

        return KpiReport(
            computed_at=clock(),
            since=since,
            until=until,
            period=period,
            rows=[kpi_out(r) for r in numbers.rows],
            flows=[flow_out(f) for f in numbers.flows],
        )

    @app.post(
        "/api/v1/sync/push",
        response_model=PushResponse,
        responses={
            **SIGNED_IN,
            403: {"description": "client id of another user"},
            409: {"description": "mutation numbers skip ahead"},
            **TOO_LARGE,
            500: {"description": "a fault on the server: nothing of this mutation was applied"},
        },
    )
    def sync_push(body: PushRequest, user: Annotated[UserView, Depends(signed_in)]):
        """Also from a revoked user or desktop: what it holds is kept, and it learns to wipe."""
        try:
            last, results = push.apply_push(engine, user, body.client_id, body.mutations, clock())
        except push.NotYourClient:
            return JSONResponse({"error": "not_your_client"}, status_code=403)
        except push.OutOfOrder as exc:
            return JSONResponse({"error": "out_of_order", "detail": str(exc)}, status_code=409)
        except push.ServerFault as fault:  # logged by the store; the desk retries later
            return JSONResponse(
                {"error": "server_error", "mutation_id": fault.mutation_id}, status_code=500
            )
        return PushResponse(
            server_time=clock(),
            last_mutation_id=last,
            results=[
                # the store's status is a str; the model checks it is one of the two
                MutationResult.model_validate({"id": i, "status": st, "reason": r})
                for i, st, r in results
            ],
            revoked=revocation.is_revoked(reads, user.id, body.client_id),
        )

    @app.get(
        "/api/v1/sync/pull",
        response_model=PullResponse,
        responses={
            409: {
                "description": "cursor or bound unknown here (another store's, or one no store"
                " makes): start again (reset)"
            },
            410: {"description": "revoked: wipe the cache"},
            **SIGNED_IN,
            **BAD_QUERY,
        },
    )
    def sync_pull(
        user: Annotated[UserView, Depends(current_user)],
        cursor: Annotated[str | None, Query(max_length=CURSOR_CHARS)] = None,
        after_case: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
        bound: Annotated[str | None, Query(max_length=CURSOR_CHARS)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = PULL_PAGE,
    ):
        store = store_id()
        try:
            parsed = None if cursor is None else changes.Cursor.parse(cursor)
            first_bound = None if bound is None else changes.Cursor.parse(bound)
        except ValueError:
            return JSONResponse({"error": "reset"}, status_code=409)
        if (parsed and parsed.store != store) or (first_bound and first_bound.store != store):
            return JSONResponse({"error": "reset"}, status_code=409)
        with reads.connect() as conn:
            if parsed is None:  # a first sync: every case in scope, a page at a time
                first_bound = first_bound or changes.bound_cursor(conn, store)
                ids = pull.cases_in_scope(conn, user, after_case or 0, limit)
                cases, _ = pull.snapshots(conn, user, ids)
                more = len(ids) == limit
                return PullResponse(
                    server_time=clock(),
                    cursor=None if more else first_bound.text(),
                    cases=cases,
                    people=pull.people(conn, cases, user),
                    removed=[],
                    more=more,
                    after_case=ids[-1] if more else None,
                    bound=first_bound.text() if more else None,
                )
            ids, next_cursor, more = changes.changed_cases(conn, user, parsed, limit)
            # most polls find nothing new: no snapshot query for them
            cases, removed = pull.snapshots(conn, user, ids) if ids else ([], [])
            found = pull.people(conn, cases, user)
        return PullResponse(
            server_time=clock(),
            cursor=next_cursor.text(),
            cases=cases,
            removed=removed,
            more=more,
            people=found,
        )

    # long polls for changes; whoever stops the server closes the feed first (it answers them)
    app.state.change_feed = feed = ChangeFeed(engine)
    app.include_router(change_routes(feed, reads, store_id, current_user))
    app.include_router(message_routes(engine, clock))
    app.include_router(unsubscribe_routes(engine, clock))
    app.include_router(bulk_routes(engine, lead, clock))
    return app
