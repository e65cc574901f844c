"""The HTTP API: versioned routes under /api/v1, OpenAPI at /openapi.json, /healthz.

No `from __future__ import annotations` here: FastAPI reads the annotations of the route
functions, which name dependencies defined inside create_app.
"""



from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import Engine, text

from collector_desk import __version__
from collector_desk.domain.cases import Role
from collector_desk.server import auth
from collector_desk.store.people import UserView

MAX_BODY = 1_000_000  # bytes: a push of a thousand mutations fits easily

Clock = Callable[[], datetime]


class LoginBody(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class UserOut(BaseModel):
    id: int
    username: str
    display_name: str
    role: Role
    team_id: int | None
    time_zone: str


class SignInOut(BaseModel):
    token: str
    expires_at: datetime
    user: UserOut


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
    bearer = HTTPBearer(auto_error=False)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"error": "payload_too_large"}, status_code=413)
        return await call_next(request)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> UserView:
        user = (
            None if credentials is None else auth.user_for(engine, credentials.credentials, clock())
        )
        if user is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                detail="not_signed_in",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return user

    def lead(user: Annotated[UserView, Depends(current_user)]) -> UserView:
        if user.role not in (Role.TEAM_LEAD, Role.ADMIN):
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail="team_lead_only")
        return user

    app.state.current_user = current_user
    app.state.lead = lead

    @app.get("/healthz")
    def healthz() -> dict:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__}

    @app.post(
        "/api/v1/auth/login",
        response_model=SignInOut,
        responses={
            401: {"description": "bad_credentials"},
            429: {"description": "locked; see Retry-After"},
        },
    )
    def login(body: LoginBody):
        try:
            signed = auth.login(engine, body.username, body.password, clock())
        except auth.LoginRefused as refused:
            if refused.reason == "locked":
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

    @app.post("/api/v1/auth/logout", status_code=204)
    def logout(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        _user: Annotated[UserView, Depends(current_user)],
    ) -> None:
        auth.logout(engine, credentials.credentials, clock())

    @app.get("/api/v1/me", response_model=UserOut)
    def me(user: Annotated[UserView, Depends(current_user)]) -> UserOut:
        return _user_out(user)

    return app
