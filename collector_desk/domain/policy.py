"""Policy packs: the contact rules of one jurisdiction, and the one question every part asks.

"May I contact this customer on this number by this channel now, and if not, when?" is answered
by `may_contact`, for the queue, the detail pane, the dial and the log on the desktop, and again
by the server with the attempts of every collector it knows of. The rules themselves are data
(resources/policy_packs/*.toml, sources in ../shared/DOMAIN.md); nothing here names a country.

Hard rules block. Rebuttable ones (the US 7-in-7 presumption) warn: the collector may go on
with a reason, which is recorded in the audit trail. Inbound contacts are never blocked and
never count towards a cap, but a conversation is a conversation whoever placed the call: one
the customer started starts a waiting period as much as one we placed (Reg F, comment
14(b)(2)(i)-1.ii; 14(b)(4)-1.ii: "regardless of which party initiated" it).

Periods of days are the customer's local dates, not blocks of 24 hours: a period of seven days
is the date of its first contact and the six dates after it, so it ends at the customer's
midnight and does not shift by an hour across a daylight-saving change.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from collector_desk.domain.cases import STOP_FLAGS, CaseFlag
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Direction,
    Outcome,
    OutcomeGroup,
    Relation,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NOT_DIALABLE = frozenset({ContactPointStatus.WRONG_NUMBER, ContactPointStatus.DO_NOT_CALL})
WRITTEN = frozenset({Channel.SMS, Channel.EMAIL, Channel.LETTER})
# Calls that never reached the dialed number (Reg F 1006.14(b)(3)(ii)); one that rang out
# unanswered or reached voicemail did.
NOT_CONNECTED = frozenset({Outcome.BUSY, Outcome.DISCONNECTED})
SPOKEN = frozenset({Channel.CALL, Channel.VISIT})
# A search for the moment every block has cleared never needs more steps than there are rules;
# the bound only protects against a pack whose rules chase each other forever.
_MAX_STEPS = 64


class Rule(enum.StrEnum):
    UNKNOWN_PACK = "unknown_pack"
    STOP_FLAG = "stop_flag"
    LEGAL_STAGE = "legal_stage"
    POINT_NOT_DIALABLE = "point_not_dialable"
    OUTSIDE_HOURS = "outside_hours"
    HOLIDAY = "holiday"
    CAP = "cap"
    WAITING_PERIOD = "waiting_period"
    THIRD_PARTY_NOT_ALLOWED = "third_party_not_allowed"
    THIRD_PARTY_DEBTOR_REACHABLE = "third_party_debtor_reachable"
    THIRD_PARTY_ONCE = "third_party_once"
    OPTED_OUT = "opted_out"  # the holder asked for no more messages by this channel
    NO_CONSENT = "no_consent"  # the pack needs the holder's consent to this channel first


class Notice(enum.StrEnum):
    """Things the collector must do or avoid on this contact; they never block."""

    NO_DEBT_DISCLOSURE = "no_debt_disclosure"  # a third party must not learn of the debt
    FIRST_CONTACT = "first_contact"  # the pack's disclosures are due
    VULNERABLE = "vulnerable"  # hardship or complaint on the case: take care


class Counts(enum.StrEnum):
    """What a cap counts, of the outbound contacts in its period."""

    ATTEMPTS = "attempts"  # every outbound try, answered or not
    CONNECTED = "connected"  # outbound tries that reached the number: not busy, not dead
    CONTACTS = "contacts"  # outbound that reached someone, or a written message sent
    CONVERSATIONS = "conversations"  # spoken with the customer themself


class Scope(enum.StrEnum):
    NUMBER = "number"  # the contact point tried
    DEBT = "debt"  # the case (one customer's card debt)


@dataclass(frozen=True, slots=True)
class Window:
    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("a contact window must start before it ends on the same day")


@dataclass(frozen=True, slots=True)
class Cap:
    name: str
    scope: Scope
    counts: Counts
    limit: int
    days: int
    calendar: bool  # "per day" from local midnight, rather than the last `days` days
    channels: frozenset[Channel]
    hard: bool = True


@dataclass(frozen=True, slots=True)
class Wait:
    """No new contact by these channels for `days` after a conversation with the customer: the
    conversation's local date is the first of them, and the wait ends at the customer's
    midnight after the last."""

    days: int
    channels: frozenset[Channel]
    hard: bool = True


@dataclass(frozen=True, slots=True)
class ThirdPartyRules:
    allowed: bool = True
    # The debtor counts as unreachable when none of their own numbers may be dialed, or, within
    # the last `window_days` local dates (today included): no conversation with them, a failed
    # call on every number of theirs that may be dialed, and this many failed calls in all.
    # None: no such condition (after_failed_attempts), no time limit (window_days).
    after_failed_attempts: int | None = None
    once_per_person: bool = False
    window_days: int | None = None


@dataclass(frozen=True, slots=True)
class LegalRules:
    """How contact changes once a case is with legal (the bank's policy, stated in the pack)."""

    channels: frozenset[Channel] = frozenset(Channel)
    no_contact_stages: frozenset[str] = frozenset()


class HolidayCalendar(Protocol):
    """Public holidays where a customer lives; `region` is the ISO 3166-2 subdivision without
    the country ("NSW"), None where it is not known (national holidays only)."""

    def is_holiday(self, day: date, region: str | None) -> bool: ...

    def is_working_weekend(self, day: date, region: str | None) -> bool:
        """A Saturday or Sunday made a working day in exchange for a holiday (China's 调休)."""
        ...


@dataclass(frozen=True, slots=True)
class FixedHolidays:
    """Holidays given as dates, the same in every region."""

    dates: frozenset[date] = frozenset()

    def is_holiday(self, day: date, region: str | None) -> bool:
        return day in self.dates

    def is_working_weekend(self, day: date, region: str | None) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class MessageRules:
    """What written messages (SMS, e-mail) need under a pack, beside its hours and caps."""

    # channels where every message carries a way to opt out (Reg F 1006.6(e): e-mail and SMS)
    opt_out_channels: frozenset[Channel] = frozenset()
    # replies that opt a number out, matched whole and case-blind ("STOP", "退订")
    opt_out_words: tuple[str, ...] = ()
    # the opt-out wording an SMS carries, by language ("Reply STOP to opt out")
    opt_out_text: Mapping[str, str] = field(default_factory=dict)
    # channels a message may use only to an address whose holder agreed to it (US: texts to a
    # mobile need prior express consent, TCPA 47 U.S.C. 227(b)(1)(A)(iii))
    consent_channels: frozenset[Channel] = frozenset()

    def is_opt_out(self, reply: str) -> bool:
        said = reply.strip().strip(".!。！").casefold()
        return any(said == word.casefold() for word in self.opt_out_words)


@dataclass(frozen=True, slots=True)
class PolicyPack:
    code: str
    hours: Mapping[int, Window | None]  # weekday (0 = Monday) -> window, None: closed all day
    hours_channels: frozenset[Channel]
    holidays: HolidayCalendar = FixedHolidays()
    caps: tuple[Cap, ...] = ()
    waits: tuple[Wait, ...] = ()
    third_party: ThirdPartyRules = ThirdPartyRules()
    legal: LegalRules = LegalRules()
    disclosures: tuple[str, ...] = ()
    retention_years: int = 2
    max_plan_months: int = 12
    sources: tuple[str, ...] = ()
    messages: MessageRules = MessageRules()

    def window_on(self, day: date, region: str | None = None) -> Window | None:
        if self.holidays.is_holiday(day, region):
            return None
        if self.holidays.is_working_weekend(day, region):
            return self.hours.get(0)  # a weekend worked in a holiday's place: a Monday's hours
        return self.hours.get(day.weekday())

    def open_at(self, local: datetime, region: str | None = None) -> bool:
        window = self.window_on(local.date(), region)
        return window is not None and window.start <= local.time() < window.end

    def next_open(self, local: datetime, region: str | None = None) -> datetime | None:
        """The first moment at or after `local` inside a window, in the same zone."""
        for offset in range(370):
            day = local.date() + timedelta(days=offset)
            window = self.window_on(day, region)
            if window is None:
                continue
            start = _local(day, window.start, local.tzinfo)
            end = _local(day, window.end, local.tzinfo)
            if local < end:
                return max(start, local)
        return None


@dataclass(frozen=True, slots=True)
class Point:
    id: int
    relation: Relation
    status: ContactPointStatus
    kind: ContactPointKind | None = None  # None: a number of a kind not known here
    tail: str = ""  # its last two digits, for a refusal to name it as the screen masks it
    opted_out: frozenset[Channel] = frozenset()  # channels its holder opted out of
    consented: frozenset[Channel] = frozenset()  # channels its holder agreed to be sent

    @property
    def dialable_own(self) -> bool:
        """One of the customer's own numbers that may be called."""
        is_number = self.kind is None or self.kind.is_phone
        return is_number and self.relation is Relation.SELF and self.status not in NOT_DIALABLE


@dataclass(frozen=True, slots=True)
class PastContact:
    at: datetime
    channel: Channel
    direction: Direction
    outcome: Outcome
    point_id: int | None


@dataclass(frozen=True, slots=True)
class CaseState:
    zone: ZoneInfo
    flags: frozenset[CaseFlag] = frozenset()
    legal_stage: str | None = None
    points: tuple[Point, ...] = ()  # all of the customer's, to judge whether they are reachable
    blocked: bool = False  # a stop flag is on the case, as the queue row knows without flags
    # ISO 3166-2 subdivision without the country ("NSW"); None: from the zone where it tells
    region: str | None = None

    @property
    def holiday_region(self) -> str | None:
        return self.region or region_of_zone(self.zone.key)


# Zones that lie in one state only; elsewhere (America/New_York spans many states) a customer
# without a region gets national holidays only.
_ZONE_REGIONS = {
    "Australia/Sydney": "NSW",
    "Australia/Melbourne": "VIC",
    "Australia/Brisbane": "QLD",
    "Australia/Adelaide": "SA",
    "Australia/Perth": "WA",
    "Australia/Hobart": "TAS",
    "Australia/Darwin": "NT",
}


def region_of_zone(zone: str) -> str | None:
    return _ZONE_REGIONS.get(zone)


@dataclass(frozen=True, slots=True)
class Attempt:
    channel: Channel
    point: Point | None = None
    direction: Direction = Direction.OUTBOUND


@dataclass(frozen=True, slots=True)
class Reason:
    rule: Rule
    hard: bool
    clears_at: datetime | None = None  # None: not by waiting
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Decision:
    blocks: tuple[Reason, ...] = ()
    warnings: tuple[Reason, ...] = ()
    notices: tuple[Notice, ...] = ()
    next_allowed_at: datetime | None = None  # when every block has cleared; None: never by time
    as_of: datetime | None = None  # the moment judged

    @property
    def allowed(self) -> bool:
        return not self.blocks

    @property
    def needs_reason(self) -> bool:
        return not self.blocks and bool(self.warnings)

    @property
    def codes(self) -> list[str]:
        """Rule codes (with the cap's name) for the audit trail: no personal data."""
        return [_code(r) for r in (*self.blocks, *self.warnings)]


def _code(reason: Reason) -> str:
    cap = reason.params.get("cap")
    return f"{reason.rule.value}:{cap}" if cap else reason.rule.value


def may_contact(
    pack: PolicyPack | None,
    attempt: Attempt,
    case: CaseState,
    history: Sequence[PastContact],
    now: datetime,
) -> Decision:
    if attempt.direction is Direction.INBOUND:
        return Decision(next_allowed_at=now, as_of=now)  # the customer called: always lawful
    if pack is None:
        return Decision(blocks=(Reason(Rule.UNKNOWN_PACK, True),), as_of=now)  # no rules: no guess
    reasons = _reasons(pack, attempt, case, history, now)
    blocks = tuple(r for r in reasons if r.hard)
    warnings = tuple(r for r in reasons if not r.hard)
    return Decision(
        blocks=blocks,
        warnings=warnings,
        notices=_notices(pack, attempt, case, history),
        next_allowed_at=now if not blocks else _next_allowed(pack, attempt, case, history, now),
        as_of=now,
    )


def _next_allowed(
    pack: PolicyPack,
    attempt: Attempt,
    case: CaseState,
    history: Sequence[PastContact],
    now: datetime,
) -> datetime | None:
    at = now
    for _ in range(_MAX_STEPS):
        blocks = [r for r in _reasons(pack, attempt, case, history, at) if r.hard]
        if not blocks:
            return at
        if any(r.clears_at is None for r in blocks):
            return None
        at = max(r.clears_at for r in blocks if r.clears_at is not None)
    return None


def _reasons(
    pack: PolicyPack,
    attempt: Attempt,
    case: CaseState,
    history: Sequence[PastContact],
    at: datetime,
) -> list[Reason]:
    reasons: list[Reason] = []
    stops = sorted(case.flags & STOP_FLAGS)
    if stops or case.blocked:
        reasons.append(Reason(Rule.STOP_FLAG, True, params={"flags": stops}))
    if case.legal_stage is not None and (
        case.legal_stage in pack.legal.no_contact_stages
        or attempt.channel not in pack.legal.channels
    ):
        reasons.append(Reason(Rule.LEGAL_STAGE, True, params={"stage": case.legal_stage}))
    point = attempt.point
    if point is not None and point.status in NOT_DIALABLE:
        reasons.append(Reason(Rule.POINT_NOT_DIALABLE, True, params={"status": point.status}))
    if point is not None and attempt.channel in point.opted_out:
        reasons.append(Reason(Rule.OPTED_OUT, True, params={"channel": attempt.channel}))
    if (
        point is not None
        and attempt.channel in pack.messages.consent_channels
        and attempt.channel not in point.consented
    ):
        reasons.append(Reason(Rule.NO_CONSENT, True, params={"channel": attempt.channel}))
    if attempt.channel in pack.hours_channels:
        reasons += _hours(pack, case, at)
    if point is not None and point.relation is not Relation.SELF:
        reasons += _third_party(pack.third_party, point, case, history, at)
    outbound = [c for c in history if c.direction is Direction.OUTBOUND and c.at <= at]
    for cap in pack.caps:
        if attempt.channel in cap.channels:
            reasons += _cap(cap, attempt, outbound, case, at)
    # inbound conversations start a wait too (they only stay out of the caps)
    known = [c for c in history if c.at <= at]
    for wait in pack.waits:
        if attempt.channel in wait.channels:
            reasons += _wait(wait, known, case, at)
    return reasons


def _hours(pack: PolicyPack, case: CaseState, at: datetime) -> list[Reason]:
    local = at.astimezone(case.zone)
    region = case.holiday_region
    if pack.open_at(local, region):
        return []
    reopens = pack.next_open(local, region)
    holiday = pack.holidays.is_holiday(local.date(), region)
    rule = Rule.HOLIDAY if holiday else Rule.OUTSIDE_HOURS
    return [Reason(rule, True, None if reopens is None else reopens.astimezone(at.tzinfo))]


def _counted(counts: Counts, contact: PastContact, self_points: set[int]) -> bool:
    if counts is Counts.ATTEMPTS:
        return True
    if counts is Counts.CONNECTED:
        return contact.outcome not in NOT_CONNECTED
    if counts is Counts.CONTACTS:
        return contact.channel in WRITTEN or contact.outcome.group is not OutcomeGroup.FAIL
    spoken = contact.channel in SPOKEN and contact.outcome.group is OutcomeGroup.SUCCESS
    return spoken and (contact.point_id is None or contact.point_id in self_points)


def _cap(
    cap: Cap, attempt: Attempt, outbound: Sequence[PastContact], case: CaseState, at: datetime
) -> list[Reason]:
    zone = case.zone
    own = {p.id for p in case.points if p.relation is Relation.SELF}
    if cap.scope is Scope.NUMBER:
        if attempt.point is None:
            return []
        outbound = [c for c in outbound if c.point_id == attempt.point.id]
    if cap.calendar:  # the customer's dates: from the midnight that starts the first of them
        first = _first_date_start(at, cap.days, zone)
        outbound = [c for c in outbound if c.at >= first]
    else:
        outbound = [c for c in outbound if c.at > at - timedelta(days=cap.days)]
    times = sorted(
        c.at for c in outbound if c.channel in cap.channels and _counted(cap.counts, c, own)
    )
    if len(times) < cap.limit:
        return []
    # when enough of the counted contacts have left the period: a calendar period drops a
    # contact at the customer's midnight `days` dates after its own
    oldest_to_leave = times[len(times) - cap.limit]
    if cap.calendar:
        clears = _midnight_after(oldest_to_leave, cap.days, zone)
    else:
        clears = oldest_to_leave + timedelta(days=cap.days)
    params = {"cap": cap.name, "limit": cap.limit, "count": len(times), "days": cap.days}
    return [Reason(Rule.CAP, cap.hard, clears.astimezone(at.tzinfo), params)]


def _wait(
    wait: Wait, history: Sequence[PastContact], case: CaseState, at: datetime
) -> list[Reason]:
    own = {p.id for p in case.points if p.relation is Relation.SELF}
    talks = [c.at for c in history if _counted(Counts.CONVERSATIONS, c, own)]
    if not talks:
        return []
    # Reg F 1006.14(b)(2)(i)(B): "The date of the telephone conversation is the first day of the
    # seven-consecutive-day period"; a call on the eighth date is allowed all day.
    clears = _midnight_after(max(talks), wait.days, case.zone)
    if clears <= at:
        return []
    params = {"days": wait.days}
    return [Reason(Rule.WAITING_PERIOD, wait.hard, clears.astimezone(at.tzinfo), params)]


def _midnight_after(moment: datetime, days: int, zone: ZoneInfo) -> datetime:
    """The customer's midnight that ends a period of `days` dates starting on `moment`'s."""
    return _local(moment.astimezone(zone).date() + timedelta(days=days), time(0), zone)


def _first_date_start(at: datetime, days: int, zone: ZoneInfo) -> datetime:
    """The customer's midnight that starts the period of `days` dates ending on `at`'s."""
    return _local(at.astimezone(zone).date() - timedelta(days=days - 1), time(0), zone)


def _third_party(
    rules: ThirdPartyRules,
    point: Point,
    case: CaseState,
    history: Sequence[PastContact],
    at: datetime,
) -> list[Reason]:
    if not rules.allowed:
        return [Reason(Rule.THIRD_PARTY_NOT_ALLOWED, True)]
    reasons = []
    outbound = [c for c in history if c.direction is Direction.OUTBOUND and c.at <= at]
    if rules.once_per_person and any(c.point_id == point.id for c in outbound):
        reasons.append(Reason(Rule.THIRD_PARTY_ONCE, True))
    if rules.after_failed_attempts is not None:
        untried = _debtor_reachable(rules, case, history, at)
        if untried is not None:
            named = {p.id: p for p in case.points}
            params = {
                "attempts": rules.after_failed_attempts,
                "days": rules.window_days,
                "untried": untried,
                "untried_names": tuple((named[i].kind, named[i].tail) for i in untried),
            }
            reasons.append(Reason(Rule.THIRD_PARTY_DEBTOR_REACHABLE, True, params=params))
    return reasons


def _debtor_reachable(
    rules: ThirdPartyRules, case: CaseState, history: Iterable[PastContact], at: datetime
) -> tuple[int, ...] | None:
    """None when the debtor counts as unreachable; else the ids of their numbers that may be
    dialed and have no failed call in the window (empty: all tried, but not yet enough failures
    or the debtor was reached)."""
    numbers = [p.id for p in case.points if p.dialable_own]
    if not numbers:
        return None  # no number of theirs may be dialed: unreachable as things stand
    own = {p.id for p in case.points if p.relation is Relation.SELF}
    if rules.window_days is not None:
        since = _first_date_start(at, rules.window_days, case.zone)
        history = [c for c in history if since <= c.at <= at]
    else:
        history = [c for c in history if c.at <= at]
    failed = [
        c
        for c in history
        if c.direction is Direction.OUTBOUND
        and c.channel in SPOKEN
        and c.point_id in numbers
        and c.outcome.group is OutcomeGroup.FAIL
    ]
    untried = tuple(n for n in numbers if not any(c.point_id == n for c in failed))
    reached = any(_counted(Counts.CONVERSATIONS, c, own) for c in history)
    needed = rules.after_failed_attempts or 0
    if untried or reached or len(failed) < needed:
        return untried
    return None


def _notices(
    pack: PolicyPack, attempt: Attempt, case: CaseState, history: Sequence[PastContact]
) -> tuple[Notice, ...]:
    notices = []
    if attempt.point is not None and attempt.point.relation is not Relation.SELF:
        notices.append(Notice.NO_DEBT_DISCLOSURE)
    elif pack.disclosures and not any(c.outcome.group is OutcomeGroup.SUCCESS for c in history):
        notices.append(Notice.FIRST_CONTACT)
    if case.flags & {CaseFlag.HARDSHIP, CaseFlag.COMPLAINT}:
        notices.append(Notice.VULNERABLE)
    return tuple(notices)


def _local(day: date, at: time, zone: tzinfo | None) -> datetime:
    """A wall-clock time on a day, moved forward past a DST gap (02:30 that never happened)."""
    moment = datetime.combine(day, at, zone)
    round_trip = moment.astimezone(ZoneInfo("UTC")).astimezone(zone)
    return round_trip if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None) else moment


def open_pairs(
    packs: Mapping[str, PolicyPack], pairs: Iterable[tuple[str, str]], now: datetime
) -> list[tuple[str, str]]:
    """Of the (pack, zone) pairs a queue holds, those whose calling hours are open now: with
    the holidays of the state the zone lies in, where it lies in one (a customer's own region,
    if it differs, is judged at the dial)."""
    return [
        (code, zone)
        for code, zone in pairs
        if code in packs
        and packs[code].open_at(now.astimezone(ZoneInfo(zone)), region_of_zone(zone))
    ]
