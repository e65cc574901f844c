"""Public holidays from the `holidays` library as a pack declares them, and IT's warning
before a pack's holiday data runs out."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from holidays.countries.china import ChinaStaticHolidays

from collector_desk.config.holiday_calendar import LibraryCalendar, calendar_warnings
from collector_desk.config.policy_packs import PackError, load_pack, load_packs
from collector_desk.domain.contacts import Channel
from collector_desk.domain.policy import Attempt, CaseState, PolicyPack, Rule, may_contact

SHANGHAI = ZoneInfo("Asia/Shanghai")
PACK = """code = "CN"
sources = ["test"]
hours_channels = ["call"]
retention_years = 2
max_plan_months = 60
[hours]
mon = ["09:00", "18:00"]
tue = ["09:00", "18:00"]
wed = ["09:00", "18:00"]
thu = ["09:00", "18:00"]
fri = ["09:00", "18:00"]
sat = "closed"
sun = "closed"
"""
# the last year whose State Council notice the installed library carries
LAST_PUBLISHED = max(ChinaStaticHolidays.special_public_holidays)


def _pack(tmp_path, calendar: str):
    path = tmp_path / "CN.toml"
    path.write_text(PACK + calendar, encoding="utf-8")
    return load_pack(path)


def test_a_weekend_worked_in_a_holidays_place_opens_like_a_working_day(tmp_path):
    # 2026-02-14 (Saturday) is worked for the Spring Festival; 02-16 (Monday) is a holiday
    pack = _pack(tmp_path, '[calendar]\ncountry = "CN"\nofficial_schedule = true\n')
    state = CaseState(SHANGHAI)
    saturday = datetime(2026, 2, 14, 10, 0, tzinfo=SHANGHAI).astimezone(UTC)
    assert may_contact(pack, Attempt(Channel.CALL), state, [], saturday).allowed
    monday = datetime(2026, 2, 16, 10, 0, tzinfo=SHANGHAI).astimezone(UTC)
    decision = may_contact(pack, Attempt(Channel.CALL), state, [], monday)
    assert decision.blocks[0].rule is Rule.HOLIDAY
    assert decision.next_allowed_at == datetime(2026, 2, 24, 9, 0, tzinfo=SHANGHAI)
    # without the official schedule the same Saturday is an ordinary closed weekend day
    plain = _pack(tmp_path, '[calendar]\ncountry = "CN"\n')
    assert not may_contact(plain, Attempt(Channel.CALL), state, [], saturday).allowed


def test_the_bank_adds_its_own_closing_days(tmp_path):
    pack = _pack(tmp_path, '[calendar]\ncountry = "CN"\nextra_holidays = ["2026-06-03"]\n')
    assert pack.holidays.is_holiday(date(2026, 6, 3), None)
    assert not pack.holidays.is_holiday(date(2026, 6, 4), None)


def test_a_calendar_of_a_country_the_library_does_not_know_is_refused(tmp_path):
    with pytest.raises(PackError, match=r"CN\.toml.*no calendar for 'XX'"):
        _pack(tmp_path, '[calendar]\ncountry = "XX"\n')


def test_typed_in_holiday_lists_are_gone_from_the_hours(tmp_path):
    path = tmp_path / "CN.toml"
    path.write_text(PACK.replace('sun = "closed"\n', 'sun = "closed"\nholidays = []\n'))
    with pytest.raises(PackError, match=r"hours\.holidays"):
        load_pack(path)


def test_an_official_schedule_warns_it_90_days_before_it_runs_out():
    packs = {"XX": _fake_pack(LibraryCalendar("CN", official_schedule=True))}
    runs_out = date(LAST_PUBLISHED, 12, 31)
    assert calendar_warnings(packs, date(LAST_PUBLISHED, 10, 1)) == []  # 91 days left
    [warning] = calendar_warnings(packs, date(LAST_PUBLISHED, 10, 3))
    assert "XX" in warning and runs_out.isoformat() in warning


def test_rule_based_holidays_and_the_shipped_packs_do_not_warn_now():
    assert calendar_warnings(load_packs(), date(2026, 12, 5)) == []
    rule_based = {"AU": _fake_pack(LibraryCalendar("AU", by_region=True))}
    assert calendar_warnings(rule_based, date(2100, 10, 3))  # the library's horizon


def _fake_pack(calendar):
    return PolicyPack("XX", {}, frozenset(), holidays=calendar)
