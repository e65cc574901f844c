"""Teams, users and their sign-ins in the central store, and the brake on guessing passwords.
Hashing happens in the server layer; this module only keeps what it is given.

An account is shut when it is disabled (`active` false) or revoked (`wipe_requested_at` set,
see revocation.py): either way it may not sign in until it is enabled again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.store.central.schema import AuthToken, Credential, LoginFailure
from collector_desk.store.shared.people import UserView
from collector_desk.store.shared.schema import Team, User


class AccountError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class StoredCredential:
    user: UserView
    may_sign_in: bool  # neither disabled nor revoked
    password_hash: str


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
            _view(user), user.active and user.wipe_requested_at is None, cred.password_hash
        )


def store_rehash(engine: Engine, user_id: int, new_hash: str) -> None:
    """The same password under the hasher's current parameters."""
    with Session(engine) as session, session.begin():
        session.get_one(Credential, user_id).password_hash = new_hash


def blocked_until(engine: Engine, source: str, username: str, now: datetime) -> datetime | None:
    """Until when sign-ins for this name from this address wait, if they do now."""
    with Session(engine) as session:
        until = session.scalar(
            select(LoginFailure.blocked_until).where(
                LoginFailure.source == source, LoginFailure.username == username
            )
        )
    return until if until is not None and until > now else None


def record_login_failure(
    engine: Engine,
    source: str,
    username: str,
    now: datetime,
    wait_for: Callable[[int], timedelta | None],
    forget_after: timedelta,
) -> timedelta | None:
    """Count a failed sign-in for this name from this address, whether the name exists or not;
    returns how long the next attempt of the pair waits (wait_for of the count), if at all. A
    pair quiet for forget_after starts again from nothing; older pairs are dropped."""
    for attempt in range(2):  # two first failures of one pair at once: the loser counts again
        try:
            with Session(engine) as session, session.begin():
                session.execute(
                    delete(LoginFailure).where(LoginFailure.last_failed_at < now - forget_after)
                )
                row = session.scalars(
                    select(LoginFailure)
                    .where(LoginFailure.source == source, LoginFailure.username == username)
                    .with_for_update()
                ).first()
                if row is None:
                    row = LoginFailure(source=source, username=username, failures=0)
                    session.add(row)
                row.failures += 1
                row.last_failed_at = now
                wait = wait_for(row.failures)
                row.blocked_until = None if wait is None else now + wait
                return wait
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def forget_login_failures(engine: Engine, username: str, source: str | None = None) -> None:
    """A good sign-in clears its own address's count; a new password clears every address's."""
    with Session(engine) as session, session.begin():
        query = delete(LoginFailure).where(LoginFailure.username == username)
        if source is not None:
            query = query.where(LoginFailure.source == source)
        session.execute(query)


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


def _user(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise AccountError(f"no user named {username!r}")
    return user


def _end_sign_ins(session: Session, user_id: int, now: datetime) -> int:
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


def end_sign_ins(engine: Engine, username: str, now: datetime) -> int:
    """Revoke every sign-in of a user; returns how many were live."""
    with Session(engine) as session, session.begin():
        return _end_sign_ins(session, _user(session, username).id, now)


def disable_user(engine: Engine, username: str, now: datetime) -> int:
    """Shut the account: no sign-in, every token refused; nothing of theirs is deleted.
    Returns how many sign-ins were live."""
    with Session(engine) as session, session.begin():
        user = _user(session, username)
        user.active = False
        return _end_sign_ins(session, user.id, now)


def enable_user(engine: Engine, username: str, now: datetime) -> None:
    """Open a disabled or revoked account again. A sign-in from before never comes back to life:
    the user signs in afresh, and a desktop that was wiped syncs a new cache."""
    with Session(engine) as session, session.begin():
        user = _user(session, username)
        user.active, user.wipe_requested_at = True, None
        _end_sign_ins(session, user.id, now)


def set_password(engine: Engine, username: str, password_hash: str, now: datetime) -> int:
    """A new password (already hashed); every sign-in of the user ends, and the brake on
    guessing the old one is lifted. Returns how many sign-ins were live."""
    with Session(engine) as session, session.begin():
        user = _user(session, username)
        session.get_one(Credential, user.id).password_hash = password_hash
        session.execute(delete(LoginFailure).where(LoginFailure.username == username))
        return _end_sign_ins(session, user.id, now)


def team_members(engine: Engine, lead: UserView) -> list[UserView]:
    with Session(engine) as session:
        query = (
            select(User)
            .where(User.active.is_(True), User.wipe_requested_at.is_(None))
            .order_by(User.username)
        )
        if lead.role is not Role.ADMIN:
            query = query.where(User.team_id == lead.team_id)
        return [_view(u) for u in session.scalars(query)]
