"""Whether a customer may be contacted now: their local time against the pack's hours.

Hours come from configuration per policy pack; the customer's zone is the IANA name from their
address (never guessed from a phone number). Stop flags (dispute, cease communication, ...)
forbid contact at any hour.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


class Blocked(enum.StrEnum):
    OUTSIDE_HOURS = "outside_hours"
    STOP_FLAG = "stop_flag"
    UNKNOWN_PACK = "unknown_pack"


@dataclass(frozen=True, slots=True)
class ContactHours:
    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("contact hours must start before they end on the same day")

    def open_at(self, local: datetime) -> bool:
        return self.start <= local.time() < self.end

    def next_open(self, local: datetime) -> datetime:
        """The next moment, in the same local zone, when contact is allowed again."""
        day = local.date() if local.time() < self.start else local.date() + timedelta(days=1)
        return datetime.combine(day, self.start, local.tzinfo)


@dataclass(frozen=True, slots=True)
class Contactability:
    allowed: bool
    reason: Blocked | None = None
    next_allowed_at: datetime | None = None


def hours_from_config(data: Mapping[str, Mapping[str, str]]) -> dict[str, ContactHours]:
    return {
        pack: ContactHours(time.fromisoformat(v["start"]), time.fromisoformat(v["end"]))
        for pack, v in data.items()
    }


def contactability(
    hours: Mapping[str, ContactHours], pack: str, zone: ZoneInfo, now: datetime, blocked: bool
) -> Contactability:
    if blocked:
        return Contactability(False, Blocked.STOP_FLAG)
    window = hours.get(pack)
    if window is None:
        return Contactability(False, Blocked.UNKNOWN_PACK)  # no rules known: do not guess
    local = now.astimezone(zone)
    if window.open_at(local):
        return Contactability(True)
    return Contactability(False, Blocked.OUTSIDE_HOURS, window.next_open(local))


def open_pairs(
    hours: Mapping[str, ContactHours], pairs: Iterable[tuple[str, str]], now: datetime
) -> list[tuple[str, str]]:
    """Of the (pack, zone) pairs a queue holds, those in which contact is allowed now."""
    return [
        (pack, zone)
        for pack, zone in pairs
        if pack in hours and hours[pack].open_at(now.astimezone(ZoneInfo(zone)))
    ]
