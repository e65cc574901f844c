"""Policy packs from resources/policy_packs/*.toml, checked as they are read.

A pack is written by a compliance officer, so a mistake in one (an unknown channel, a window
that ends before it starts) stops the load with the file and the field named, rather than
leaving a rule out silently.
"""

from __future__ import annotations

import tomllib
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from collector_desk.config.holiday_calendar import LibraryCalendar, check_country
from collector_desk.config.resources import resource
from collector_desk.domain.contacts import Channel
from collector_desk.domain.policy import (
    WEEKDAYS,
    Cap,
    Counts,
    FixedHolidays,
    LegalRules,
    MessageRules,
    PolicyPack,
    Scope,
    ThirdPartyRules,
    Wait,
    Window,
)


class PackError(ValueError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Hours(_Strict):
    every_day: tuple[time, time] | None = None
    mon: tuple[time, time] | Literal["closed"] | None = None
    tue: tuple[time, time] | Literal["closed"] | None = None
    wed: tuple[time, time] | Literal["closed"] | None = None
    thu: tuple[time, time] | Literal["closed"] | None = None
    fri: tuple[time, time] | Literal["closed"] | None = None
    sat: tuple[time, time] | Literal["closed"] | None = None
    sun: tuple[time, time] | Literal["closed"] | None = None

    @model_validator(mode="after")
    def _complete(self) -> _Hours:
        missing = [d for d in WEEKDAYS if getattr(self, d) is None and self.every_day is None]
        if missing:
            raise ValueError(f"no hours for {', '.join(missing)} (use every_day or 'closed')")
        return self

    def windows(self) -> dict[int, Window | None]:
        out: dict[int, Window | None] = {}
        for i, day in enumerate(WEEKDAYS):
            value = getattr(self, day) or self.every_day
            out[i] = Window(*value) if isinstance(value, tuple) else None  # or "closed"
        return out


class _Calendar(_Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    by_region: bool = False
    official_schedule: bool = False
    extra_holidays: tuple[date, ...] = ()

    @model_validator(mode="after")
    def _known(self) -> _Calendar:
        check_country(self.country)
        return self

    def calendar(self) -> LibraryCalendar:
        return LibraryCalendar(
            self.country, self.by_region, self.official_schedule, frozenset(self.extra_holidays)
        )


class _Cap(_Strict):
    name: str
    scope: Scope
    counts: Counts
    channels: tuple[Channel, ...] = Field(min_length=1)
    limit: int = Field(ge=1)
    days: int = Field(ge=1)
    calendar: bool = False
    hard: bool = True


class _Wait(_Strict):
    days: int = Field(ge=1)
    channels: tuple[Channel, ...] = Field(min_length=1)
    hard: bool = True


class _ThirdParty(_Strict):
    allowed: bool = True
    after_failed_attempts: int | None = Field(default=None, ge=1)
    failed_attempts_window_days: int | None = Field(default=None, ge=1)
    once_per_person: bool = False


class _Legal(_Strict):
    channels: tuple[Channel, ...] = tuple(Channel)
    no_contact_stages: tuple[str, ...] = ()


class _Messages(_Strict):
    opt_out_channels: tuple[Channel, ...] = ()
    opt_out_words: tuple[str, ...] = ()
    opt_out_text: dict[str, str] = {}
    consent_channels: tuple[Channel, ...] = ()

    @model_validator(mode="after")
    def _words_for_an_opt_out(self) -> _Messages:
        if self.opt_out_channels and not (self.opt_out_words and self.opt_out_text):
            raise ValueError("opt_out_channels need opt_out_words and opt_out_text")
        return self


class _Pack(_Strict):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    sources: tuple[str, ...] = Field(min_length=1)
    hours_channels: tuple[Channel, ...]
    retention_years: int = Field(ge=1)
    max_plan_months: int = Field(ge=1, le=120)
    disclosures: tuple[str, ...] = ()
    hours: _Hours
    calendar: _Calendar | None = None  # none: no public holidays close contact hours
    caps: tuple[_Cap, ...] = ()
    waits: tuple[_Wait, ...] = ()
    third_party: _ThirdParty = _ThirdParty()
    legal: _Legal = _Legal()
    messages: _Messages = _Messages()


def load_pack(path: Path) -> PolicyPack:
    try:
        with path.open("rb") as fh:
            raw = _Pack.model_validate(tomllib.load(fh))
        if raw.code != path.stem:
            raise PackError(f"{path.name}: code {raw.code!r} does not match the file name")
        return PolicyPack(
            code=raw.code,
            hours=raw.hours.windows(),
            hours_channels=frozenset(raw.hours_channels),
            holidays=FixedHolidays() if raw.calendar is None else raw.calendar.calendar(),
            caps=tuple(
                Cap(
                    c.name,
                    c.scope,
                    c.counts,
                    c.limit,
                    c.days,
                    c.calendar,
                    frozenset(c.channels),
                    c.hard,
                )
                for c in raw.caps
            ),
            waits=tuple(Wait(w.days, frozenset(w.channels), w.hard) for w in raw.waits),
            third_party=ThirdPartyRules(
                allowed=raw.third_party.allowed,
                after_failed_attempts=raw.third_party.after_failed_attempts,
                once_per_person=raw.third_party.once_per_person,
                window_days=raw.third_party.failed_attempts_window_days,
            ),
            legal=LegalRules(frozenset(raw.legal.channels), frozenset(raw.legal.no_contact_stages)),
            disclosures=raw.disclosures,
            retention_years=raw.retention_years,
            max_plan_months=raw.max_plan_months,
            sources=raw.sources,
            messages=MessageRules(
                frozenset(raw.messages.opt_out_channels),
                raw.messages.opt_out_words,
                dict(raw.messages.opt_out_text),
                frozenset(raw.messages.consent_channels),
            ),
        )
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'file'}: {e['msg']}" for e in exc.errors()
        )
        raise PackError(f"{path.name}: {problems}") from exc
    except PackError:
        raise
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise PackError(f"{path.name}: {exc}") from exc


def load_packs(folder: Path | None = None) -> dict[str, PolicyPack]:
    folder = folder or resource("policy_packs")
    return {p.stem: load_pack(p) for p in sorted(folder.glob("*.toml"))}


@cache
def default_packs() -> dict[str, PolicyPack]:
    return load_packs()
