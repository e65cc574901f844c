"""The server judges a pushed contact again, with every attempt it knows of."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Outcome
from collector_desk.store.shared.schema import AuditEvent, Contact
from tests.live_central import seed_cases
from tests.server.test_sync import _log


def test_a_cap_broken_across_two_desktops_is_kept_and_audited_centrally(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    morning, afternoon = desk("alice"), desk("alice")  # two machines, neither sees the other
    morning.sync()
    afternoon.sync()
    for _ in range(4):
        _log(morning, case_id, Outcome.NO_ANSWER)
    for _ in range(3):  # each desktop alone is within China's 6 calls per number per day
        _log(afternoon, case_id, Outcome.NO_ANSWER)
    morning.sync()
    report = afternoon.sync()

    assert report.rejected == 0  # the calls happened: they are kept, not refused
    with Session(live.engine) as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 7
        breaches = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "compliance_breach")
        ).all()
    assert [b.detail["rules"] for b in breaches] == [["cap:calls_per_number_per_day"]]
    assert breaches[0].entity_id == str(case_id)
