"""Word that the change log grew, sent when the transaction that grew it commits: whom it
concerns (user and team ids, never personal data), so a desk waiting on a long poll syncs at
once instead of at its next periodic poll.

On PostgreSQL the word is a NOTIFY in that very transaction (delivered on commit, to every
service process that listens); elsewhere (the SQLite embedded store, one process) it goes to
the callbacks subscribed here, after the commit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session

from collector_desk.domain.cases import Role
from collector_desk.store.shared.people import UserView

CHANNEL = "collector_desk_changes"
MAX_PAYLOAD = 7900  # PostgreSQL refuses a payload of 8000 bytes or more
_INFO_KEY = "collector_desk.change_notice"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Notice:
    users: frozenset[int] = frozenset()
    teams: frozenset[int] = frozenset()
    everyone: bool = False  # too many to name, or word may have been missed: all look

    def concerns(self, user: UserView) -> bool:
        """Whether `user`'s pull scope may hold one of these changes (the same rule as the
        change log's scope: an admin sees all, a lead the team, a collector their cases)."""
        if self.everyone or user.role is Role.ADMIN:
            return True
        if user.role is Role.TEAM_LEAD:
            return user.team_id in self.teams
        return user.id in self.users

    def text(self) -> str:
        spelt = "u{};t{}".format(
            ",".join(map(str, sorted(self.users))), ",".join(map(str, sorted(self.teams)))
        )
        return "*" if self.everyone or len(spelt) > MAX_PAYLOAD else spelt

    @classmethod
    def parse(cls, payload: str) -> Notice:
        """What a payload says; anything unreadable wakes everyone (a look costs one query)."""
        try:
            users, teams = payload.split(";")
            if not (users.startswith("u") and teams.startswith("t")):
                raise ValueError(payload)
            return cls(_ids(users[1:]), _ids(teams[1:]))
        except ValueError:
            return EVERYONE


EVERYONE = Notice(everyone=True)


def _ids(spelt: str) -> frozenset[int]:
    return frozenset(int(part) for part in spelt.split(",") if part)


def note(session: Session, users: Iterable[int | None], teams: Iterable[int | None]) -> None:
    """Remember, in this session, whom a change recorded in its transaction concerns."""
    found = session.info.setdefault(_INFO_KEY, (set(), set()))
    found[0].update(u for u in users if u is not None)
    found[1].update(t for t in teams if t is not None)


def notify_everyone(conn: Connection) -> None:
    """For a change log written by set-based SQL (an allocation import, too many cases to
    name): on PostgreSQL, word to every waiting desk when `conn`'s transaction commits. On
    SQLite the import runs in a process of its own (the admin command) and the desks learn of
    it at their next periodic sync."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": EVERYONE.text()},
        )


_subscribers: list[Callable[[Notice], None]] = []
_lock = threading.Lock()


def subscribe(callback: Callable[[Notice], None]) -> Callable[[], None]:
    """Call `callback` (on the committing thread) after each commit that recorded changes
    on a store other than PostgreSQL; returns what unsubscribes."""
    with _lock:
        _subscribers.append(callback)

    def unsubscribe() -> None:
        with _lock:
            if callback in _subscribers:
                _subscribers.remove(callback)

    return unsubscribe


def _taken(session: Session) -> Notice | None:
    found = session.info.pop(_INFO_KEY, None)
    return None if found is None else Notice(frozenset(found[0]), frozenset(found[1]))


def _postgres(session: Session) -> bool:
    bind = session.get_bind()
    return bind is not None and bind.dialect.name == "postgresql"


@event.listens_for(Session, "before_commit")
def _notify_in_transaction(session: Session) -> None:
    if _INFO_KEY not in session.info or not _postgres(session):
        return
    notice = _taken(session)
    assert notice is not None  # checked above
    # one NOTIFY per transaction, however many cases it changed
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {
            "channel": CHANNEL,
            "payload": notice.text(),
        },
    )


@event.listens_for(Session, "after_commit")
def _announce_in_process(session: Session) -> None:
    notice = _taken(session)
    if notice is None:
        return
    with _lock:
        callbacks = list(_subscribers)
    for callback in callbacks:
        try:
            callback(notice)
        except Exception:  # the change is committed: a listener's fault must not undo its caller
            log.exception("change notice: a listener failed")


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_INFO_KEY, None)
