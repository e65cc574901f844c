"""How a sync ended, without importing the HTTP client: the window needs these at start-up,
the network code only once it syncs."""

from __future__ import annotations

from dataclasses import dataclass


class Offline(ConnectionError):
    """The server could not be reached or failed; nothing was lost, try again later."""


class ServerError(Offline):
    """The server was reached but failed (a 5xx): nothing was lost; it is retried like being
    offline, but shown as what it is."""


class DeskError(Offline):
    """The sync failed on this computer (a bug in the desk, a damaged cache): nothing was
    lost, the outbox stays; it is retried like being offline, but shown as what it is, and its
    traceback is in the log."""


class SignedOut(PermissionError):
    """The server refused the token (expired or revoked): sign in again."""


class Revoked(PermissionError):
    """The server revoked this user or desktop: everything was pushed; wipe the cache."""


class NotALead(PermissionError):
    """The server keeps the team's numbers for team leads and admins."""


class BulkSendRefused(ValueError):
    """The server would not take a lead's bulk send: unknown_template, third_party_template,
    no_wording, id_taken."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class SyncReport:
    pushed: int
    rejected: int
    cases_received: int
    cases_removed: int
    clock_skew_s: float = 0.0  # server time minus this desktop's, as seen at the push
