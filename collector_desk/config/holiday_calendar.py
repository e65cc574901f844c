"""Public holidays from the maintained `holidays` library, as a pack's [calendar] declares them.

Holidays are the library's, by country and, where the pack says the law is regional, by the
customer's state or province; a bank's own extra closing days are added in the pack. The library
knows rule-based holidays (Australia's) for decades ahead, but China's holidays and the weekends
worked in their place (调休) exist only once the State Council has published the year's notice:
a pack on such a calendar has data up to the end of the last year published, and IT is warned
before it runs out (`collector-desk info`, the server's /healthz).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from collector_desk.domain.policy import PolicyPack

# A pack's calendar is checked this far ahead: time to upgrade the library or add dates by hand.
WARN_DAYS = 90
REGION_CODE = re.compile(r"^[A-Z0-9]{1,3}$")


@dataclass(frozen=True, slots=True)
class LibraryCalendar:
    country: str
    by_region: bool = False  # holidays follow the customer's subdivision
    official_schedule: bool = False  # holidays set by a yearly notice, with weekends worked
    extra: frozenset[date] = frozenset()  # the bank's own closing days

    def is_holiday(self, day: date, region: str | None) -> bool:
        subdivision = self._subdivision(region)
        return day in self.extra or day in _holidays(self.country, subdivision, day.year)

    def is_working_weekend(self, day: date, region: str | None) -> bool:
        if not self.official_schedule:
            return False
        return day in _working_weekends(self.country, self._subdivision(region), day.year)

    def covered_until(self) -> date:
        """The last day the library's data is good for."""
        return _covered_until(self.country, self.official_schedule)

    def _subdivision(self, region: str | None) -> str | None:
        if not self.by_region or region is None:
            return None
        return region if region in regions_of(self.country) else None


def regions_of(country: str) -> frozenset[str]:
    """The subdivisions the library knows for a country; empty for an unknown country."""
    return known_regions().get(country, frozenset())


@cache
def known_regions() -> dict[str, frozenset[str]]:
    """Each country's subdivision codes, to check a customer's region against."""
    return {
        country: frozenset(s for s in subdivisions if REGION_CODE.match(s))
        for country, subdivisions in holidays.list_supported_countries().items()
    }


def check_country(country: str) -> None:
    if country not in holidays.list_supported_countries():
        raise ValueError(f"the holidays library has no calendar for {country!r}")


@cache
def _holidays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


@cache
def _working_weekends(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=year)
    return frozenset(d for d in calendar.weekend_workdays if d.year == year)


@cache
def _covered_until(country: str, official_schedule: bool) -> date:
    calendar = holidays.country_holidays(country)
    if official_schedule:  # the years whose notice the library carries
        published = getattr(calendar, "special_public_holidays", None) or {}
        return date(max(published), 12, 31) if published else date.min
    return date(calendar.end_year, 12, 31)


def calendar_warnings(
    packs: dict[str, PolicyPack], today: date, days: int = WARN_DAYS
) -> list[str]:
    """One line for IT per pack whose holidays run out within `days` of today."""
    warnings = []
    for code, pack in sorted(packs.items()):
        calendar = pack.holidays
        if not isinstance(calendar, LibraryCalendar):
            continue
        until = calendar.covered_until()
        if until < today + timedelta(days=days):
            warnings.append(
                f"policy pack {code}: public holidays for {calendar.country} are known only "
                f"up to {until.isoformat()}; upgrade the holidays library or add the dates "
                "to the pack's extra_holidays"
            )
    return warnings
