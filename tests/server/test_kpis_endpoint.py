"""The team's numbers come from the central store, for team leads only, their own team only."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from collector_desk.domain.contacts import Outcome
from tests.server.conftest import seed_cases
from tests.server.test_sync import _log


def test_kpis_from_pushed_contacts_per_collector_and_team(live, desk):
    (a1, a2) = seed_cases(live.engine, "alice", 2)
    (b1,) = seed_cases(live.engine, "bob", 1, start=20)
    seed_cases(live.engine, "carol", 1, start=40)  # the other team
    alice, bob, carol = desk("alice"), desk("bob"), desk("carol")
    for d in (alice, bob, carol):
        d.sync()
    _log(alice, a1, Outcome.NO_ANSWER)
    live.clock.now += timedelta(minutes=30)
    _log(alice, a2, Outcome.RIGHT_PARTY)
    _log(bob, b1, Outcome.BUSY)
    _log(carol, 40, Outcome.RIGHT_PARTY)
    for d in (alice, bob, carol):
        d.sync()
    day = live.clock.now.astimezone(ZoneInfo("Asia/Shanghai")).date()  # the lead's day
    lead = {"Authorization": f"Bearer {live.login('lead')}"}
    rows = live.http.get(
        "/api/v1/team/kpis",
        headers=lead,
        params={"since": day.isoformat(), "until": day.isoformat()},
    ).json()
    by = {r["username"]: r for r in rows}
    assert set(by) == {"alice", "bob", None}  # carol is in the other team
    assert (by["alice"]["contacts"], by["alice"]["right_party"]) == (2, 1)
    assert by["alice"]["rpc_rate"] == 0.5
    assert by["alice"]["hours"] == round((30 + 5) / 60, 2)
    assert (by[None]["contacts"], by[None]["right_party"]) == (3, 1)
    assert by["bob"]["promise_rate"] is None

    collector = {"Authorization": f"Bearer {live.login('alice')}"}
    params = {"since": day.isoformat(), "until": day.isoformat()}
    assert live.http.get("/api/v1/team/kpis", headers=collector, params=params).status_code == 403
    backwards = {"since": day.isoformat(), "until": (day - timedelta(days=1)).isoformat()}
    assert live.http.get("/api/v1/team/kpis", headers=lead, params=backwards).status_code == 422
