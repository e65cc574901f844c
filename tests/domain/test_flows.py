"""Roll and cure by bucket on a few cases whose history is worked out by hand."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from collector_desk.config.loaders import default_bucket_scheme
from collector_desk.domain.flows import CaseTrack, FlowRow, flow_totals, flows, spans
from collector_desk.domain.kpis import Period

SCHEME = default_bucket_scheme()  # M0 0, M1 1-29, M2 30-59, M3 60-89, M4 90-119, ...
ALICE, BOB = 1, 2


def utc(day, hour=0, month=11):
    return datetime(2026, month, day, hour, tzinfo=UTC)


TRACKS = [
    # rolls from M1 to M2 on Monday morning, then stays
    CaseTrack(ALICE, ((utc(30, month=10), 25), (utc(2, 9), 30))),
    # M2, paid in full on Monday afternoon: cured
    CaseTrack(ALICE, ((utc(30, month=10), 40), (utc(2, 15), 0))),
    # arrives on Monday at noon in M1: not there at Monday's start
    CaseTrack(BOB, ((utc(2, 12), 10),)),
    # sits in M4 throughout
    CaseTrack(BOB, ((utc(1, month=10), 100),)),
]


def figures(rows):
    return {(r.period.day, r.collector_id, r.bucket): (r.cases, r.rolled, r.cured) for r in rows}


def test_each_day_compares_where_the_cases_of_each_bucket_started_and_ended():
    rows = flows(TRACKS, SCHEME, ZoneInfo("UTC"), date(2026, 11, 2), date(2026, 11, 3), Period.DAY)
    assert figures(rows) == {
        # Monday: one M1 case rolled, one M2 case cured, the late arrival is not counted
        (2, ALICE, "M1"): (1, 1, 0),
        (2, ALICE, "M2"): (1, 0, 1),
        (2, BOB, "M4"): (1, 0, 0),
        (2, None, "M1"): (1, 1, 0),
        (2, None, "M2"): (1, 0, 1),
        (2, None, "M4"): (1, 0, 0),
        # Tuesday: the cured case is current and has nothing to roll or cure
        (3, ALICE, "M2"): (1, 0, 0),
        (3, BOB, "M1"): (1, 0, 0),
        (3, BOB, "M4"): (1, 0, 0),
        (3, None, "M1"): (1, 0, 0),
        (3, None, "M2"): (1, 0, 0),
        (3, None, "M4"): (1, 0, 0),
    }
    team_monday = [r for r in rows if r.period.day == 2 and r.collector_id is None]
    assert [r.bucket for r in team_monday] == ["M1", "M2", "M4"]  # the scheme's order
    assert [(r.roll_rate, r.cure_rate) for r in team_monday] == [(1.0, 0.0), (0.0, 1.0), (0, 0)]


def test_a_week_compares_its_first_and_last_moment():
    rows = flows(TRACKS, SCHEME, ZoneInfo("UTC"), date(2026, 11, 2), date(2026, 11, 8), Period.WEEK)
    assert figures([r for r in rows if r.collector_id is None]) == {
        (2, None, "M1"): (1, 1, 0),
        (2, None, "M2"): (1, 0, 1),
        (2, None, "M4"): (1, 0, 0),
    }


def test_the_day_ends_at_midnight_in_the_leads_zone():
    # 17:00 UTC on 2 November is 01:00 on 3 November in Shanghai
    track = CaseTrack(ALICE, ((utc(30, month=10), 29), (utc(2, 17), 30)))
    monday = date(2026, 11, 2)
    by_utc = flows([track], SCHEME, ZoneInfo("UTC"), monday, monday, Period.DAY)
    by_shanghai = flows([track], SCHEME, ZoneInfo("Asia/Shanghai"), monday, monday, Period.DAY)
    assert [r.rolled for r in by_utc] == [1, 1]
    assert [r.rolled for r in by_shanghai] == [0, 0]


def test_weeks_half_outside_the_range_are_measured_inside_it():
    zone = ZoneInfo("UTC")
    # Wednesday 4 to Tuesday 10 November
    got = list(spans(date(2026, 11, 4), date(2026, 11, 10), Period.WEEK, zone))
    assert got == [
        (date(2026, 11, 2), utc(4), utc(9)),
        (date(2026, 11, 9), utc(9), utc(11)),
    ]


def test_no_cases_means_no_rate_rather_than_zero():
    row = FlowRow(date(2026, 11, 2), None, "M1", 0, 0, 0)
    assert (row.roll_rate, row.cure_rate) == (None, None)


def test_flow_totals_add_up_the_case_periods_of_a_range():
    rows = flows(TRACKS, SCHEME, ZoneInfo("UTC"), date(2026, 11, 2), date(2026, 11, 3), Period.DAY)
    total = flow_totals(rows)
    # M2: the cured case on Monday, the rolled-in case sitting there on Tuesday
    assert (total[(None, "M2")].cases, total[(None, "M2")].cure_rate) == (2, 0.5)
    assert (total[(BOB, "M4")].cases, total[(BOB, "M4")].roll_rate) == (2, 0.0)
    assert total[(ALICE, "M1")].rolled == 1
