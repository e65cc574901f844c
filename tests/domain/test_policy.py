"""Every rule of every shipped pack, at its boundaries, in the customer's own time."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from collector_desk.config.policy_packs import PackError, load_pack, load_packs
from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Direction,
    Outcome,
    Relation,
)
from collector_desk.domain.policy import (
    Attempt,
    CaseState,
    Notice,
    PastContact,
    Point,
    Rule,
    may_contact,
    open_pairs,
)

PACKS = load_packs()
SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
SYDNEY = ZoneInfo("Australia/Sydney")
KOLKATA = ZoneInfo("Asia/Kolkata")
MOBILE = Point(1, Relation.SELF, ContactPointStatus.VALID)
HOME = Point(2, Relation.SELF, ContactPointStatus.VALID)
SISTER = Point(9, Relation.FAMILY, ContactPointStatus.VALID)


def at(zone, *args) -> datetime:
    return datetime(*args, tzinfo=zone).astimezone(UTC)


def call(pack, zone, now, history=(), point=MOBILE, **case):
    state = CaseState(zone, points=(MOBILE, HOME, SISTER), **case)
    return may_contact(PACKS[pack], Attempt(Channel.CALL, point), state, list(history), now)


def call_any_hour(pack, zone, now, history=(), point=MOBILE, **case):
    """A call judged by the pack's caps, waits and third-party rules, without its hours: to
    test a boundary at midnight, when calling hours are closed anyway."""
    open_all_day = replace(PACKS[pack], hours_channels=frozenset())
    state = CaseState(zone, points=(MOBILE, HOME, SISTER), **case)
    return may_contact(open_all_day, Attempt(Channel.CALL, point), state, list(history), now)


def past(when, outcome=Outcome.NO_ANSWER, point=MOBILE, channel=Channel.CALL, inbound=False):
    direction = Direction.INBOUND if inbound else Direction.OUTBOUND
    return PastContact(when, channel, direction, outcome, None if point is None else point.id)


def test_every_shipped_pack_loads_with_its_sources():
    assert set(PACKS) == {"CN", "US", "AU", "IN"}
    assert all(p.sources for p in PACKS.values())
    assert PACKS["CN"].max_plan_months == 60


# -- hours --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pack", "zone", "local", "allowed"),
    [
        ("CN", SHANGHAI, (7, 59), False),
        ("CN", SHANGHAI, (8, 0), True),
        ("CN", SHANGHAI, (21, 59), True),
        ("CN", SHANGHAI, (22, 0), False),
        ("US", NEW_YORK, (7, 59), False),
        ("US", NEW_YORK, (8, 0), True),
        ("US", NEW_YORK, (20, 59), True),
        ("US", NEW_YORK, (21, 0), False),
        ("US", LOS_ANGELES, (8, 0), True),
        ("IN", KOLKATA, (7, 59), False),
        ("IN", KOLKATA, (8, 0), True),
        ("IN", KOLKATA, (18, 59), True),
        ("IN", KOLKATA, (19, 0), False),
    ],
)
def test_hours_in_the_customers_own_time(pack, zone, local, allowed):
    decision = call(pack, zone, at(zone, 2026, 11, 26, *local))  # a Thursday
    assert decision.allowed is allowed
    if not allowed:
        assert decision.blocks[0].rule is Rule.OUTSIDE_HOURS


def test_a_block_says_when_contact_opens_again():
    decision = call("US", NEW_YORK, at(NEW_YORK, 2026, 11, 26, 21, 0))
    assert decision.next_allowed_at == at(NEW_YORK, 2026, 11, 27, 8, 0)
    before_opening = call("CN", SHANGHAI, at(SHANGHAI, 2026, 11, 26, 6, 15))
    assert before_opening.next_allowed_at == at(SHANGHAI, 2026, 11, 26, 8, 0)


@pytest.mark.parametrize(
    ("day", "local", "allowed"),
    [
        ((2026, 11, 27), (7, 29), False),  # Friday
        ((2026, 11, 27), (7, 30), True),
        ((2026, 11, 27), (20, 59), True),
        ((2026, 11, 27), (21, 0), False),
        ((2026, 11, 28), (7, 30), False),  # Saturday: from 9:00
        ((2026, 11, 28), (8, 59), False),
        ((2026, 11, 28), (9, 0), True),
        ((2026, 11, 29), (9, 0), True),  # Sunday
    ],
)
def test_australia_weekdays_and_weekends(day, local, allowed):
    assert call("AU", SYDNEY, at(SYDNEY, *day, *local)).allowed is allowed


def test_australia_no_calls_on_a_public_holiday_and_the_next_day_is_named():
    christmas = call("AU", SYDNEY, at(SYDNEY, 2026, 12, 25, 10, 0))
    assert christmas.blocks[0].rule is Rule.HOLIDAY
    # 25 (Fri), 26 (Sat, Boxing Day) and 28 (Mon, its substitute) are holidays; Sunday opens at 9
    assert christmas.next_allowed_at == at(SYDNEY, 2026, 12, 27, 9, 0)


def test_friday_evening_in_australia_reopens_saturday_at_nine():
    friday = call("AU", SYDNEY, at(SYDNEY, 2026, 11, 27, 21, 0))
    assert friday.next_allowed_at == at(SYDNEY, 2026, 11, 28, 9, 0)


def test_dst_change_in_new_york_keeps_local_hours():
    # 2026-11-01 02:00 EDT -> 01:00 EST: 8:00 local is 13:00 UTC after the change, 12:00 before
    before = at(NEW_YORK, 2026, 10, 31, 8, 0)
    after = at(NEW_YORK, 2026, 11, 1, 8, 0)
    assert before.hour == 12 and after.hour == 13
    assert call("US", NEW_YORK, before).allowed and call("US", NEW_YORK, after).allowed
    just_before = datetime(2026, 11, 1, 12, 59, tzinfo=UTC)  # 7:59 EST
    decision = call("US", NEW_YORK, just_before)
    assert not decision.allowed
    assert decision.next_allowed_at == after


def test_dst_spring_forward_in_sydney():
    # 2026-10-04 02:00 AEST -> 03:00 AEDT; Sunday, calls from 9:00 local = 22:00 UTC the day before
    sunday_morning = at(SYDNEY, 2026, 10, 4, 8, 59)
    decision = call("AU", SYDNEY, sunday_morning)
    assert decision.next_allowed_at == datetime(2026, 10, 3, 22, 0, tzinfo=UTC)


def test_written_messages_follow_hours_only_where_the_pack_says():
    night = at(SHANGHAI, 2026, 11, 26, 23, 0)
    sms = Attempt(Channel.SMS, MOBILE)
    email = Attempt(Channel.EMAIL)
    assert may_contact(PACKS["CN"], email, CaseState(SHANGHAI), [], night).allowed
    # the Chinese pack keeps texts to the call hours as the bank's policy
    assert not may_contact(PACKS["CN"], sms, CaseState(SHANGHAI), [], night).allowed
    us_night = at(NEW_YORK, 2026, 11, 26, 23, 0)
    assert not may_contact(PACKS["US"], sms, CaseState(NEW_YORK), [], us_night).allowed


def test_a_number_opted_out_of_texts_may_still_be_called_but_not_texted():
    noon = at(SHANGHAI, 2026, 11, 26, 12, 0)
    opted = replace(MOBILE, opted_out=frozenset({Channel.SMS}))
    state = CaseState(SHANGHAI, points=(opted,))
    texted = may_contact(PACKS["CN"], Attempt(Channel.SMS, opted), state, [], noon)
    assert texted.codes == ["opted_out"] and texted.next_allowed_at is None  # never by waiting
    assert may_contact(PACKS["CN"], Attempt(Channel.CALL, opted), state, [], noon).allowed


def test_open_pairs_uses_each_zones_hours():
    now = at(SHANGHAI, 2026, 11, 26, 10, 30)  # 21:30 in New York, 18:30 in Los Angeles
    pairs = {("CN", "Asia/Shanghai"), ("US", "America/New_York"), ("US", "America/Los_Angeles")}
    assert sorted(open_pairs(PACKS, pairs, now)) == [
        ("CN", "Asia/Shanghai"),
        ("US", "America/Los_Angeles"),
    ]


# -- flags, numbers, legal ------------------------------------------------------------------


def test_stop_flags_block_with_no_time_to_wait_for():
    noon = at(SHANGHAI, 2026, 11, 26, 12, 0)
    decision = call("CN", SHANGHAI, noon, flags=frozenset({CaseFlag.DISPUTE}))
    assert decision.blocks[0].rule is Rule.STOP_FLAG and decision.next_allowed_at is None
    hardship = call("CN", SHANGHAI, noon, flags=frozenset({CaseFlag.HARDSHIP}))
    assert hardship.allowed and Notice.VULNERABLE in hardship.notices


@pytest.mark.parametrize(
    "status", [ContactPointStatus.WRONG_NUMBER, ContactPointStatus.DO_NOT_CALL]
)
def test_a_wrong_or_do_not_call_number_cannot_be_dialed(status):
    noon = at(SHANGHAI, 2026, 11, 26, 12, 0)
    decision = call("CN", SHANGHAI, noon, point=Point(1, Relation.SELF, status))
    assert [r.rule for r in decision.blocks] == [Rule.POINT_NOT_DIALABLE]
    assert decision.next_allowed_at is None


def test_inbound_is_never_blocked():
    night = at(SHANGHAI, 2026, 11, 26, 23, 30)
    inbound = Attempt(Channel.CALL, MOBILE, Direction.INBOUND)
    state = CaseState(SHANGHAI, flags=frozenset({CaseFlag.CEASE_COMMUNICATION}))
    assert may_contact(PACKS["CN"], inbound, state, [], night).allowed


def test_legal_stage_limits_channels_and_stops_contact_once_filed():
    noon = at(SHANGHAI, 2026, 11, 26, 12, 0)
    assert call("CN", SHANGHAI, noon, legal_stage="referred").allowed
    sms = may_contact(
        PACKS["CN"],
        Attempt(Channel.SMS, MOBILE),
        CaseState(SHANGHAI, legal_stage="referred"),
        [],
        noon,
    )
    assert sms.blocks[0].rule is Rule.LEGAL_STAGE
    assert call("CN", SHANGHAI, noon, legal_stage="filed").blocks[0].rule is Rule.LEGAL_STAGE


def test_an_unknown_pack_blocks_rather_than_guesses():
    decision = may_contact(None, Attempt(Channel.CALL), CaseState(SHANGHAI), [], datetime.now(UTC))
    assert decision.blocks[0].rule is Rule.UNKNOWN_PACK


# -- caps and waiting periods ----------------------------------------------------------------


def test_china_six_calls_per_number_per_local_day():
    morning = [at(SHANGHAI, 2026, 11, 26, 8, m) for m in range(0, 50, 10)]  # five calls
    now = at(SHANGHAI, 2026, 11, 26, 12, 0)
    assert call("CN", SHANGHAI, now, [past(t) for t in morning]).allowed
    six = [past(t) for t in morning] + [past(at(SHANGHAI, 2026, 11, 26, 11, 0))]
    decision = call("CN", SHANGHAI, now, six)
    assert decision.blocks[0].rule is Rule.CAP
    assert decision.blocks[0].params["cap"] == "calls_per_number_per_day"
    # the next local day, at the start of its calling hours
    assert decision.next_allowed_at == at(SHANGHAI, 2026, 11, 27, 8, 0)
    # another number of the customer's is still open, and yesterday's calls do not count
    assert call("CN", SHANGHAI, now, six, point=HOME).allowed
    assert call("CN", SHANGHAI, at(SHANGHAI, 2026, 11, 27, 8, 0), six).allowed


def test_the_day_boundary_is_the_customers_midnight_not_utc():
    # 07:30 UTC = 23:30 in Shanghai... on the 26th; calls at 00:10 local on the 27th count for
    # the 27th even though it is still the 26th in UTC
    late = [past(at(SHANGHAI, 2026, 11, 26, 21, m)) for m in range(0, 60, 10)]
    assert not call("CN", SHANGHAI, at(SHANGHAI, 2026, 11, 26, 21, 55), late).allowed
    assert call("CN", SHANGHAI, at(SHANGHAI, 2026, 11, 27, 8, 0), late).allowed


def test_us_seven_calls_in_seven_days_warns_and_can_be_rebutted():
    seven = [past(at(NEW_YORK, 2026, 11, d, 10, 0)) for d in range(19, 26)]
    now = at(NEW_YORK, 2026, 11, 25, 15, 0)
    decision = call("US", NEW_YORK, now, seven)
    assert decision.allowed and decision.needs_reason
    assert decision.warnings[0].params["cap"] == "calls_per_debt_7_days"
    # seven consecutive days are dates: the call of the 19th leaves the count at the consumer's
    # midnight that starts the 26th, not at 10:00 that day
    assert decision.warnings[0].clears_at == at(NEW_YORK, 2026, 11, 26, 0, 0)
    assert not call("US", NEW_YORK, now, seven[1:]).needs_reason


@pytest.mark.parametrize(
    ("local", "warns"), [((2026, 11, 25, 23, 59), True), ((2026, 11, 26, 0, 0), False)]
)
def test_us_seven_calls_count_by_the_consumers_dates(local, warns):
    # the first call at 23:00 on the 19th: day 7 is the 25th, the 26th is a new period
    seven = [past(at(NEW_YORK, 2026, 11, 19, 23, 0))]
    seven += [past(at(NEW_YORK, 2026, 11, d, 9, 0)) for d in range(20, 26)]
    assert call_any_hour("US", NEW_YORK, at(NEW_YORK, *local), seven).needs_reason is warns


def test_us_seven_calls_in_a_dst_week_count_seven_dates_not_168_hours():
    # 2026-03-08: clocks go forward in Los Angeles; the period 03-02..03-08 has 167 hours
    seven = [past(at(LOS_ANGELES, 2026, 3, d, 9, 0)) for d in range(2, 9)]
    assert call("US", LOS_ANGELES, at(LOS_ANGELES, 2026, 3, 8, 20, 0), seven).needs_reason
    decision = call("US", LOS_ANGELES, at(LOS_ANGELES, 2026, 3, 8, 20, 0), seven)
    assert decision.warnings[0].clears_at == at(LOS_ANGELES, 2026, 3, 9, 0, 0)
    assert not call("US", LOS_ANGELES, at(LOS_ANGELES, 2026, 3, 9, 8, 0), seven).needs_reason


def test_us_inbound_calls_do_not_count_towards_the_cap():
    seven = [past(at(NEW_YORK, 2026, 11, d, 10, 0), inbound=True) for d in range(19, 26)]
    assert not call("US", NEW_YORK, at(NEW_YORK, 2026, 11, 25, 15, 0), seven).needs_reason


def test_us_a_conversation_starts_a_seven_day_wait():
    # the conversation's date (the 20th) is day 1; day 7 is the 26th; a call on the 27th, day 8,
    # is allowed all day (it used to warn until 10:00, 168 hours after the talk)
    talk = past(at(NEW_YORK, 2026, 11, 20, 15, 0), Outcome.RIGHT_PARTY)
    decision = call("US", NEW_YORK, at(NEW_YORK, 2026, 11, 26, 20, 59), [talk])
    assert decision.warnings[0].rule is Rule.WAITING_PERIOD
    assert decision.warnings[0].clears_at == at(NEW_YORK, 2026, 11, 27, 0, 0)
    assert not call("US", NEW_YORK, at(NEW_YORK, 2026, 11, 27, 8, 0), [talk]).warnings
    # a third party reached is not a conversation with the consumer
    other = past(at(NEW_YORK, 2026, 11, 25, 10, 0), Outcome.THIRD_PARTY, point=SISTER)
    assert not call("US", NEW_YORK, at(NEW_YORK, 2026, 11, 26, 10, 0), [other]).warnings


def test_australia_three_contacts_a_week_counts_reached_and_written_not_unanswered():
    base = [
        past(at(SYDNEY, 2026, 11, 20, 10, 0), Outcome.RIGHT_PARTY),
        past(at(SYDNEY, 2026, 11, 23, 10, 0), Outcome.CALLBACK_REQUESTED),
        past(at(SYDNEY, 2026, 11, 24, 10, 0), Outcome.RIGHT_PARTY, channel=Channel.SMS),
    ]
    unanswered = [past(at(SYDNEY, 2026, 11, 25, h, 0)) for h in (10, 11, 12)]
    now = at(SYDNEY, 2026, 11, 26, 10, 0)
    assert call("AU", SYDNEY, now, base[:2] + unanswered).allowed
    decision = call("AU", SYDNEY, now, base + unanswered)
    assert decision.blocks[0].params["cap"] == "contacts_per_debt_week"
    # a week is seven dates: the contact of the 20th leaves it at midnight on the 27th, and
    # calls open at 7:30 that Friday (it used to be 10:00, 168 hours after the contact)
    assert decision.blocks[0].clears_at == at(SYDNEY, 2026, 11, 27, 0, 0)
    assert decision.next_allowed_at == at(SYDNEY, 2026, 11, 27, 7, 30)


def test_australia_ten_contacts_in_thirty_days():
    ten = [
        past(at(SYDNEY, 2026, 10, 28, 10, 0) + timedelta(days=2 * i), Outcome.RIGHT_PARTY)
        for i in range(10)
    ]
    now = ten[-1].at + timedelta(days=7, hours=1)
    decision = call("AU", SYDNEY, now, ten)
    assert [r.params["cap"] for r in decision.blocks] == ["contacts_per_debt_month"]
    # thirty dates from 10-28: free from midnight on 11-27, a Friday, calls from 7:30
    assert decision.next_allowed_at == at(SYDNEY, 2026, 11, 27, 7, 30)


# -- third parties -------------------------------------------------------------------------


def test_china_third_party_only_after_three_failed_attempts_on_the_debtor():
    noon = at(SHANGHAI, 2026, 11, 26, 12, 0)
    two = [past(noon - timedelta(hours=h)) for h in (1, 2)]
    decision = call("CN", SHANGHAI, noon, two, point=SISTER)
    assert decision.blocks[0].rule is Rule.THIRD_PARTY_DEBTOR_REACHABLE
    three = [*two, past(noon - timedelta(hours=3), point=HOME)]
    allowed = call("CN", SHANGHAI, noon, three, point=SISTER)
    assert allowed.allowed and allowed.notices == (Notice.NO_DEBT_DISCLOSURE,)
    answered = [*two, past(noon - timedelta(minutes=30), Outcome.RIGHT_PARTY)]
    assert not call("CN", SHANGHAI, noon, answered, point=SISTER).allowed


def test_china_third_party_when_every_own_number_is_invalid():
    wrong = Point(1, Relation.SELF, ContactPointStatus.WRONG_NUMBER)
    dnc = Point(2, Relation.SELF, ContactPointStatus.DO_NOT_CALL)
    state = CaseState(SHANGHAI, points=(wrong, dnc, SISTER))
    noon = at(SHANGHAI, 2026, 11, 26, 12, 0)
    assert may_contact(PACKS["CN"], Attempt(Channel.CALL, SISTER), state, [], noon).allowed


def test_us_third_party_once_per_person():
    noon = at(NEW_YORK, 2026, 11, 26, 12, 0)
    assert call("US", NEW_YORK, noon, point=SISTER).allowed
    before = [past(noon - timedelta(days=20), Outcome.THIRD_PARTY, point=SISTER)]
    decision = call("US", NEW_YORK, noon, before, point=SISTER)
    assert decision.blocks[0].rule is Rule.THIRD_PARTY_ONCE and decision.next_allowed_at is None


def test_first_contact_calls_for_the_disclosures():
    noon = at(SHANGHAI, 2026, 11, 26, 12, 0)
    assert Notice.FIRST_CONTACT in call("CN", SHANGHAI, noon).notices
    talked = [past(noon - timedelta(days=3), Outcome.RIGHT_PARTY)]
    assert Notice.FIRST_CONTACT not in call("CN", SHANGHAI, noon, talked).notices


# -- pack files ----------------------------------------------------------------------------


def test_a_broken_pack_is_refused_with_file_and_field(tmp_path):
    bad = tmp_path / "CN.toml"
    bad.write_text(
        'code = "CN"\nsources = ["x"]\nhours_channels = ["phone"]\nretention_years = 2\n'
        'max_plan_months = 60\n[hours]\nevery_day = ["08:00", "22:00"]\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"CN\.toml.*hours_channels"):
        load_pack(bad)
    bad.write_text(
        'code = "CN"\nsources = ["x"]\nhours_channels = ["call"]\nretention_years = 2\n'
        'max_plan_months = 60\n[hours]\nmon = ["08:00", "22:00"]\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="no hours for tue"):
        load_pack(bad)
    bad.write_text(
        'code = "CN"\nsources = ["x"]\nhours_channels = ["call"]\nretention_years = 2\n'
        'max_plan_months = 60\n[hours]\nevery_day = ["22:00", "08:00"]\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="start before it ends"):
        load_pack(bad)


def test_holidays_come_from_the_library_by_region():
    calendar = PACKS["AU"].holidays
    assert calendar.is_holiday(date(2026, 12, 25), None)
    # Labour Day in NSW, an ordinary Monday in Victoria
    assert calendar.is_holiday(date(2026, 10, 5), "NSW")
    assert not calendar.is_holiday(date(2026, 10, 5), "VIC")


# -- the law's reading: conversations, dates, daylight saving ------------------------------


def test_us_a_conversation_the_consumer_started_starts_the_wait_too():
    inbound_talk = past(at(NEW_YORK, 2026, 11, 20, 15, 0), Outcome.RIGHT_PARTY, inbound=True)
    decision = call("US", NEW_YORK, at(NEW_YORK, 2026, 11, 23, 10, 0), [inbound_talk])
    assert [r.rule for r in decision.warnings] == [Rule.WAITING_PERIOD]
    assert decision.warnings[0].clears_at == at(NEW_YORK, 2026, 11, 27, 0, 0)
    # the consumer may still call us, and answering is never blocked
    inbound = Attempt(Channel.CALL, MOBILE, Direction.INBOUND)
    state = CaseState(NEW_YORK, points=(MOBILE, HOME, SISTER))
    now = at(NEW_YORK, 2026, 11, 23, 10, 0)
    assert not may_contact(PACKS["US"], inbound, state, [inbound_talk], now).warnings


def test_us_an_inbound_call_that_did_not_reach_the_consumer_is_no_conversation():
    # their spouse rang from the family phone: a call, but not a conversation with the consumer
    spouse = past(at(NEW_YORK, 2026, 11, 20, 15, 0), Outcome.THIRD_PARTY, SISTER, inbound=True)
    assert not call("US", NEW_YORK, at(NEW_YORK, 2026, 11, 23, 10, 0), [spouse]).warnings


@pytest.mark.parametrize(
    ("local", "waits"), [((2026, 11, 26, 23, 59), True), ((2026, 11, 27, 0, 0), False)]
)
def test_us_the_wait_ends_at_the_consumers_midnight_after_day_seven(local, waits):
    talk = past(at(NEW_YORK, 2026, 11, 20, 8, 0), Outcome.PROMISE_TO_PAY)
    decision = call_any_hour("US", NEW_YORK, at(NEW_YORK, *local), [talk])
    assert bool(decision.warnings) is waits


@pytest.mark.parametrize(
    ("zone", "talked", "clears"),
    [
        # clocks fall back on 2026-11-01 in New York: the week holds 169 hours
        (NEW_YORK, (2026, 10, 28, 10, 0), (2026, 11, 4, 0, 0)),
        # clocks spring forward on 2026-03-08 in Los Angeles: the week holds 167 hours
        (LOS_ANGELES, (2026, 3, 5, 19, 0), (2026, 3, 12, 0, 0)),
    ],
)
def test_us_the_wait_across_a_dst_change_ends_at_local_midnight(zone, talked, clears):
    talk = past(at(zone, *talked), Outcome.RIGHT_PARTY)
    decision = call_any_hour("US", zone, at(zone, *clears) - timedelta(minutes=1), [talk])
    assert decision.warnings[0].clears_at == at(zone, *clears)
    assert not call_any_hour("US", zone, at(zone, *clears), [talk]).warnings


@pytest.mark.parametrize(
    ("first", "day_eight"),
    [
        # Sydney falls back on 2026-04-05 (03:00 AEDT -> 02:00 AEST), springs forward 10-04
        ((2026, 3, 30), (2026, 4, 6)),
        ((2026, 9, 28), (2026, 10, 5)),
    ],
)
def test_australia_a_week_of_contacts_across_a_dst_change_is_seven_dates(first, day_eight):
    start = date(*first)
    three = [
        past(at(SYDNEY, *(start + timedelta(days=d)).timetuple()[:3], 10, 0), Outcome.RIGHT_PARTY)
        for d in range(3)
    ]
    last_minute = at(SYDNEY, *day_eight, 0, 0) - timedelta(minutes=1)
    decision = call_any_hour("AU", SYDNEY, last_minute, three)
    assert [r.params["cap"] for r in decision.blocks] == ["contacts_per_debt_week"]
    assert decision.blocks[0].clears_at == at(SYDNEY, *day_eight, 0, 0)
    assert call_any_hour("AU", SYDNEY, at(SYDNEY, *day_eight, 0, 0), three).allowed


def test_australia_day_8_may_be_a_state_holiday_and_calls_wait_for_it():
    # the week of 09-28 clears at midnight on 10-05, Labour Day in NSW but not in Victoria
    three = [past(at(SYDNEY, 2026, 9, d, 10, 0), Outcome.RIGHT_PARTY) for d in (28, 29, 30)]
    nsw = call("AU", SYDNEY, at(SYDNEY, 2026, 10, 4, 12, 0), three)
    assert nsw.next_allowed_at == at(SYDNEY, 2026, 10, 6, 7, 30)
    melbourne = ZoneInfo("Australia/Melbourne")
    vic = call("AU", melbourne, at(melbourne, 2026, 10, 4, 12, 0), three)
    assert vic.next_allowed_at == at(melbourne, 2026, 10, 5, 7, 30)


def test_australia_day_2028_is_a_holiday():
    decision = call("AU", SYDNEY, at(SYDNEY, 2028, 1, 26, 10, 0))  # a Wednesday
    assert decision.blocks[0].rule is Rule.HOLIDAY
    assert decision.next_allowed_at == at(SYDNEY, 2028, 1, 27, 7, 30)


def test_state_holidays_follow_the_customers_region_before_the_zone():
    # Canberra Day (2026-03-09) is the ACT's; an ACT customer lives on Sydney time
    monday = at(SYDNEY, 2026, 3, 9, 10, 0)
    assert call("AU", SYDNEY, monday).allowed  # no region: the zone says NSW
    decision = call("AU", SYDNEY, monday, region="ACT")
    assert decision.blocks[0].rule is Rule.HOLIDAY


def test_a_zone_spanning_states_gets_national_holidays_only():
    assert CaseState(NEW_YORK).holiday_region is None
    assert CaseState(SYDNEY).holiday_region == "NSW"
    assert CaseState(ZoneInfo("Australia/Perth")).holiday_region == "WA"
    assert CaseState(SYDNEY, region="ACT").holiday_region == "ACT"


# -- the law's reading: third parties only when the debtor is really unreachable ------------


def test_china_failures_on_one_mobile_over_weeks_leave_the_home_number_untried():
    now = at(SHANGHAI, 2026, 11, 26, 12, 0)
    weeks = [past(at(SHANGHAI, 2026, 11, d, 10, 0)) for d in (12, 19, 24)]
    decision = call("CN", SHANGHAI, now, weeks, point=SISTER)
    block = decision.blocks[0]
    assert block.rule is Rule.THIRD_PARTY_DEBTOR_REACHABLE
    assert block.params["untried"] == (HOME.id,) and block.params["days"] == 7
    # the home number fails today: both tried, but only two failures within the seven dates
    today = [*weeks, past(at(SHANGHAI, 2026, 11, 26, 9, 0), point=HOME)]
    decision = call("CN", SHANGHAI, now, today, point=SISTER)
    assert decision.blocks[0].params["untried"] == ()
    third = [*today, past(at(SHANGHAI, 2026, 11, 26, 10, 0), point=HOME)]
    assert call("CN", SHANGHAI, now, third, point=SISTER).allowed


@pytest.mark.parametrize(
    ("local", "unreachable"), [((2026, 11, 26, 23, 59), True), ((2026, 11, 27, 0, 0), False)]
)
def test_china_failures_count_within_seven_local_dates(local, unreachable):
    # the 20th is the first of the seven dates that end on the 26th
    failures = [
        past(at(SHANGHAI, 2026, 11, 20, 10, 0)),
        past(at(SHANGHAI, 2026, 11, 20, 11, 0), point=HOME),
        past(at(SHANGHAI, 2026, 11, 21, 10, 0)),
    ]
    decision = call_any_hour("CN", SHANGHAI, at(SHANGHAI, *local), failures, point=SISTER)
    assert decision.allowed is unreachable
    if not unreachable:
        assert decision.blocks[0].params["untried"] == (HOME.id,)


def test_china_a_conversation_in_the_window_means_the_debtor_is_reachable():
    now = at(SHANGHAI, 2026, 11, 26, 12, 0)
    failures = [past(now - timedelta(hours=h), point=p) for h, p in ((1, MOBILE), (2, HOME))]
    failures.append(past(now - timedelta(hours=3)))
    assert call("CN", SHANGHAI, now, failures, point=SISTER).allowed
    called_us = past(now - timedelta(days=2), Outcome.RIGHT_PARTY, inbound=True)
    assert not call("CN", SHANGHAI, now, [*failures, called_us], point=SISTER).allowed


def test_china_only_numbers_that_may_be_dialed_must_be_tried():
    email = Point(5, Relation.SELF, ContactPointStatus.VALID, ContactPointKind.EMAIL)
    wrong = Point(2, Relation.SELF, ContactPointStatus.WRONG_NUMBER, ContactPointKind.HOME_PHONE)
    state = CaseState(SHANGHAI, points=(MOBILE, wrong, email, SISTER))
    now = at(SHANGHAI, 2026, 11, 26, 12, 0)
    three = [past(now - timedelta(hours=h)) for h in (1, 2, 3)]
    assert may_contact(PACKS["CN"], Attempt(Channel.CALL, SISTER), state, three, now).allowed


def test_china_the_refusal_names_the_untried_numbers_as_the_screen_masks_them():
    home = Point(2, Relation.SELF, ContactPointStatus.VALID, ContactPointKind.HOME_PHONE, "42")
    state = CaseState(SHANGHAI, points=(MOBILE, home, SISTER))
    now = at(SHANGHAI, 2026, 11, 26, 12, 0)
    decision = may_contact(PACKS["CN"], Attempt(Channel.CALL, SISTER), state, [], now)
    names = decision.blocks[0].params["untried_names"]
    assert names == ((None, ""), (ContactPointKind.HOME_PHONE, "42"))
    assert decision.codes == ["third_party_debtor_reachable"]  # no number in the audit trail


def test_open_pairs_close_a_zone_on_its_states_holiday():
    labour_day = at(SYDNEY, 2026, 10, 5, 10, 0)  # NSW's, not Victoria's
    pairs = {("AU", "Australia/Sydney"), ("AU", "Australia/Melbourne")}
    assert open_pairs(PACKS, pairs, labour_day) == [("AU", "Australia/Melbourne")]


def test_us_calls_that_never_connected_do_not_count_towards_the_seven():
    now = at(NEW_YORK, 2026, 11, 25, 15, 0)
    seven = [past(at(NEW_YORK, 2026, 11, d, 10, 0)) for d in range(19, 26)]
    assert call("US", NEW_YORK, now, seven).needs_reason  # unanswered calls rang: they count
    busy = [*seven[:5], past(seven[5].at, Outcome.BUSY), past(seven[6].at, Outcome.DISCONNECTED)]
    assert not call("US", NEW_YORK, now, busy).needs_reason
