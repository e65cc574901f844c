"""Read the TOML configuration files into validated domain objects."""

import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from collector_desk.config.resources import resource
from collector_desk.domain.allocation import SanityLimits
from collector_desk.domain.buckets import BucketScheme
from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.legal import EligibilityRules, LegalStage
from collector_desk.domain.money import parse_major
from collector_desk.domain.plans import Authority
from collector_desk.domain.priority import PriorityWeights


def _read(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_bucket_scheme(path: Path | None = None) -> BucketScheme:
    data = _read(path or resource("config", "buckets.toml"))
    return BucketScheme.from_config(data.get("bucket", []))


def load_priority_weights(path: Path | None = None) -> PriorityWeights:
    data = _read(path or resource("config", "priority.toml"))
    return PriorityWeights(
        points={k: int(v) for k, v in data.get("points", {}).items()},
        roll_soon_days=int(data.get("roll_soon_days", 3)),
        untouched_days=int(data.get("untouched_days", 7)),
    )


@cache
def default_bucket_scheme() -> BucketScheme:
    return load_bucket_scheme()


@cache
def default_priority_weights() -> PriorityWeights:
    return load_priority_weights()


@dataclass(frozen=True, slots=True)
class PlanRules:
    share_bp: int
    grace_days: int
    rounding: Mapping[str, int]
    by_role: Mapping[str, Authority]
    by_user: Mapping[str, Authority]

    def authority(self, role: str, username: str) -> Authority:
        return self.by_user.get(username) or self.by_role[role]

    def rounding_for(self, currency: str) -> int:
        return self.rounding.get(currency, 1)


def _authority(data: Mapping) -> Authority:
    return Authority(
        max_plan_months=int(data["max_plan_months"]),
        max_waiver_bp=int(data["max_waiver_percent"]) * 100,
        max_settlement_discount_bp=int(data["max_settlement_discount_percent"]) * 100,
    )


def load_plan_rules(path: Path | None = None) -> PlanRules:
    data = _read(path or resource("config", "plans.toml"))
    authority = dict(data["authority"])
    users = authority.pop("users", {})
    return PlanRules(
        share_bp=int(data["share_of_disposable_percent"]) * 100,
        grace_days=int(data["grace_days"]),
        rounding={k: int(v) for k, v in data.get("rounding", {}).items()},
        by_role={role: _authority(v) for role, v in authority.items()},
        by_user={name: _authority(v) for name, v in users.items()},
    )


@cache
def default_plan_rules() -> PlanRules:
    return load_plan_rules()


def load_legal_rules(path: Path | None = None) -> EligibilityRules:
    data = _read(path or resource("config", "legal.toml"))
    e = data["eligibility"]
    return EligibilityRules(
        min_dpd=int(e["min_dpd"]),
        min_balance_minor=parse_major(str(e["min_balance"]), "CNY"),
        min_attempts=int(e["min_attempts"]),
        lookback_days=int(e["lookback_days"]),
        blocking_flags=frozenset(CaseFlag(f) for f in e["blocking_flags"]),
        documents={LegalStage(k): tuple(v) for k, v in data.get("documents", {}).items()},
        notice_days=int(data.get("final_notice", {}).get("days_to_respond", 14)),
    )


@cache
def default_legal_rules() -> EligibilityRules:
    return load_legal_rules()


@dataclass(frozen=True, slots=True)
class Security:
    lock_after_days_offline: int
    closed_case_retention_days: int
    idle_lock_minutes: int  # 0: never lock on idle


def with_override(name: str, path: Path | None, override: Path | None) -> tuple[dict, str]:
    """The shipped file's settings, with the keys of an override file (IT's, in the settings
    folder) replacing its own; a bad override raises ValueError naming the file."""
    data = _read(path or resource("config", name))
    if override is None or not override.is_file():
        return data, name
    try:
        extra = _read(override)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{override}: not TOML ({exc})") from exc
    unknown = set(extra) - set(data)
    if unknown:
        raise ValueError(f"{override}: unknown setting(s) {', '.join(sorted(unknown))}")
    return {**data, **extra}, str(override)


def whole_numbers(data: dict, keys: tuple[str, ...], source: str) -> list[int]:
    try:
        return [int(data[key]) for key in keys]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{source}: each setting is a whole number ({exc})") from exc


def load_security(path: Path | None = None, override: Path | None = None) -> Security:
    data, source = with_override("security.toml", path, override)
    lock, keep, idle = whole_numbers(
        data, ("lock_after_days_offline", "closed_case_retention_days", "idle_lock_minutes"), source
    )
    if lock < 1 or keep < 0 or not 0 <= idle <= 240:
        raise ValueError(
            f"{source}: lock_after_days_offline >= 1, closed_case_retention_days >= 0, "
            "0 <= idle_lock_minutes <= 240"
        )
    return Security(lock, keep, idle)


def load_import_limits(path: Path | None = None, override: Path | None = None) -> SanityLimits:
    data, source = with_override("imports.toml", path, override)
    amount, dpd, back, ahead = whole_numbers(
        data, ("max_amount", "max_dpd", "due_date_years_back", "due_date_days_ahead"), source
    )
    if min(amount, dpd, back, ahead) < 1 or amount >= 10**15 or back > 100:
        raise ValueError(
            f"{source}: each setting at least 1, max_amount below 10^15, "
            "due_date_years_back at most 100"
        )
    return SanityLimits(amount, dpd, back, ahead)


def load_correction_window(path: Path | None = None, override: Path | None = None) -> timedelta:
    """How long the collector who logged a contact may correct it (corrections.toml)."""
    data, source = with_override("corrections.toml", path, override)
    (hours,) = whole_numbers(data, ("correction_window_hours",), source)
    if not 0 <= hours <= 24 * 90:
        raise ValueError(f"{source}: 0 <= correction_window_hours <= 2160 (90 days)")
    return timedelta(hours=hours)


@cache
def correction_window() -> timedelta:
    """The window this desk or server runs with: shipped, or IT's valid override (a broken one
    is logged and the shipped window applies, as for security.toml)."""
    from collector_desk.config import app_dirs

    override = app_dirs.config_dir() / "corrections.toml"
    try:
        return load_correction_window(override=override)
    except ValueError as exc:
        logging.getLogger(__name__).error("ignored the settings override: %s", exc)
        return load_correction_window()


@cache
def default_security() -> Security:
    """What this desk runs with: the shipped settings, or IT's override where it is valid.
    A broken override is logged and the shipped settings apply: a typo must not keep a desk
    from starting."""
    from collector_desk.config import app_dirs

    override = app_dirs.config_dir() / "security.toml"
    try:
        return load_security(override=override)
    except ValueError as exc:
        logging.getLogger(__name__).error("ignored the settings override: %s", exc)
        return load_security()


def import_limits() -> SanityLimits:
    """What imports run with today: the shipped limits, or IT's override. Unlike a desk's
    settings, a broken override stops the import (ValueError): IT is at the terminal."""
    from collector_desk.config import app_dirs

    return load_import_limits(override=app_dirs.config_dir() / "imports.toml")


@dataclass(frozen=True, slots=True)
class MessageSettings:
    pay_within_days: int
    unsubscribe_url: str


@cache
def message_settings() -> MessageSettings:
    data = _read(resource("config", "messages.toml"))
    url = str(data["unsubscribe_url"])
    if "{token}" not in url:
        raise ValueError("messages.toml: unsubscribe_url needs a {token}")
    return MessageSettings(int(data["pay_within_days"]), url)


@cache
def letterhead() -> dict:
    """The institution as letters and calls name it (resources/letters/letterhead.toml), read
    once: the call guide asks for it on every case it opens."""
    return _read(resource("letters", "letterhead.toml"))
