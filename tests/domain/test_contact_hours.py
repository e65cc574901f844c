from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from collector_desk.config.loaders import load_contact_hours
from collector_desk.domain.contact_hours import Blocked, contactability, open_pairs

HOURS = load_contact_hours()
SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


def at(zone, *args):
    return datetime(*args, tzinfo=zone).astimezone(UTC)


@pytest.mark.parametrize(
    ("local", "allowed"),
    [((7, 59), False), ((8, 0), True), ((21, 59), True), ((22, 0), False), ((23, 30), False)],
)
def test_china_allows_08_to_22_in_the_customers_time(local, allowed):
    now = at(SHANGHAI, 2026, 11, 28, *local)
    assert contactability(HOURS, "CN", SHANGHAI, now, blocked=False).allowed is allowed


def test_us_stops_at_21_and_says_when_it_opens_again():
    now = at(NEW_YORK, 2026, 11, 28, 21, 0)
    result = contactability(HOURS, "US", NEW_YORK, now, blocked=False)
    assert (result.allowed, result.reason) == (False, Blocked.OUTSIDE_HOURS)
    assert result.next_allowed_at == datetime(2026, 11, 29, 8, 0, tzinfo=NEW_YORK)


def test_dst_change_is_the_customers_not_ours():
    # 2026-03-08: New York springs forward at 02:00; 08:00 local is 12:00 UTC, not 13:00.
    assert contactability(
        HOURS, "US", NEW_YORK, datetime(2026, 3, 8, 12, 0, tzinfo=UTC), False
    ).allowed
    assert not contactability(
        HOURS, "US", NEW_YORK, datetime(2026, 3, 8, 11, 59, tzinfo=UTC), False
    ).allowed


def test_stop_flags_and_unknown_packs_block_at_any_hour():
    noon = at(SHANGHAI, 2026, 11, 28, 12, 0)
    assert contactability(HOURS, "CN", SHANGHAI, noon, True).reason is Blocked.STOP_FLAG
    assert contactability(HOURS, "XX", SHANGHAI, noon, False).reason is Blocked.UNKNOWN_PACK


def test_open_pairs_picks_the_zones_inside_their_hours():
    now = at(SHANGHAI, 2026, 11, 28, 10, 0)  # 21:00 the evening before in New York
    pairs = [("CN", "Asia/Shanghai"), ("US", "America/New_York"), ("US", "America/Los_Angeles")]
    assert open_pairs(HOURS, pairs, now) == [("CN", "Asia/Shanghai"), ("US", "America/Los_Angeles")]
