"""Teams, users and their sign-ins in the central store. Hashing happens in the server layer;
this module only keeps what it is given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.store.central.schema import AuthToken, Credential
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Team, User


class AccountError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class StoredCredential:
    user: UserView
    active: bool
    password_hash: str
    failed_logins: int
    locked_until: datetime | None


def _view(user: User) -> UserView:
    return UserView(
        user.id, user.username, user.display_name, user.role, user.time_zone, user.team_id
    )


def create_team(engine: Engine, name: str) -> int:
    with Session(engine) as session, session.begin():
        team = Team(name=name)
        session.add(team)
        try:
            session.flush()
        except IntegrityError as exc:
            raise AccountError(f"a team named {name!r} exists already") from exc
        return team.id


def create_user(
    engine: Engine,
    username: str,
    display_name: str,
    role: Role,
    team: str | None,
    password_hash: str,
    now: datetime,
    time_zone: str = "Asia/Shanghai",
    locale: str = "zh_CN",
) -> UserView:
    with Session(engine) as session, session.begin():
        team_id = None
        if team is not None:
            team_id = session.scalar(select(Team.id).where(Team.name == team))
            if team_id is None:
                raise AccountError(f"no team named {team!r}")
        user = User(
            username=username,
            display_name=display_name,
            role=role,
            team_id=team_id,
            locale=locale,
            time_zone=time_zone,
            active=True,
            created_at=now,
        )
        session.add(user)
        try:
            session.flush()
        except IntegrityError as exc:
            raise AccountError(f"a user named {username!r} exists already") from exc
        session.add(Credential(user_id=user.id, password_hash=password_hash, failed_logins=0))
        return _view(user)


def credential(engine: Engine, username: str) -> StoredCredential | None:
    with Session(engine) as session:
        row = session.execute(
            select(User, Credential)
            .join(Credential, Credential.user_id == User.id)
            .where(User.username == username)
        ).first()
        if row is None:
            return None
        user, cred = row
        return StoredCredential(
            _view(user), user.active, cred.password_hash, cred.failed_logins, cred.locked_until
        )


def record_failure(engine: Engine, user_id: int, locked_until: datetime | None) -> None:
    with Session(engine) as session, session.begin():
        cred = session.get_one(Credential, user_id)
        cred.failed_logins += 1
        cred.locked_until = locked_until


def record_success(engine: Engine, user_id: int, new_hash: str | None = None) -> None:
    with Session(engine) as session, session.begin():
        cred = session.get_one(Credential, user_id)
        cred.failed_logins, cred.locked_until = 0, None
        if new_hash is not None:
            cred.password_hash = new_hash


def store_token(
    engine: Engine, token_hash: str, user_id: int, now: datetime, expires_at: datetime
) -> None:
    with Session(engine) as session, session.begin():
        session.add(
            AuthToken(token_hash=token_hash, user_id=user_id, created_at=now, expires_at=expires_at)
        )


def user_for_token(engine: Engine, token_hash: str, now: datetime) -> UserView | None:
    with Session(engine) as session:
        row = session.execute(
            select(AuthToken, User)
            .join(User, User.id == AuthToken.user_id)
            .where(AuthToken.token_hash == token_hash)
        ).first()
        if row is None:
            return None
        token, user = row
        if token.revoked_at is not None or token.expires_at <= now or not user.active:
            return None
        return _view(user)


def revoke_token(engine: Engine, token_hash: str, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        session.execute(
            update(AuthToken)
            .where(AuthToken.token_hash == token_hash, AuthToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )


def revoke_user(engine: Engine, username: str, now: datetime) -> int:
    """Revoke every sign-in of a user; returns how many were live."""
    with Session(engine) as session, session.begin():
        user_id = session.scalar(select(User.id).where(User.username == username))
        if user_id is None:
            raise AccountError(f"no user named {username!r}")
        # Session.execute is typed as returning a Result; an UPDATE's is a CursorResult.
        result = cast(
            "CursorResult[Any]",
            session.execute(
                update(AuthToken)
                .where(AuthToken.user_id == user_id, AuthToken.revoked_at.is_(None))
                .values(revoked_at=now)
            ),
        )
        return result.rowcount


def team_members(engine: Engine, lead: UserView) -> list[UserView]:
    with Session(engine) as session:
        query = select(User).where(User.active.is_(True)).order_by(User.username)
        if lead.role is not Role.ADMIN:
            query = query.where(User.team_id == lead.team_id)
        return [_view(u) for u in session.scalars(query)]
