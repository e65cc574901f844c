"""Every override, reveal, approval, flag and legal step lands in one audit trail centrally,
and a team lead can filter their own team's; nobody else can read it."""

import uuid
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseFlag
from collector_desk.store.cache.actions import set_flag
from collector_desk.store.cache.customer_actions import reveal_national_id
from collector_desk.store.shared.flags import FlagRefused
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import AuditEvent, CaseFlagRow
from tests.live_central import seed_cases


def test_flag_changes_and_reveals_reach_the_leads_filter(live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    (carols,) = seed_cases(live.engine, "carol", 1, start=50)  # carol is in the other team
    alice, carol = desk("alice"), desk("carol")
    alice.sync()
    carol.sync()
    me = find_user(alice.engine, "alice")
    now = live.clock.now
    try:
        set_flag(alice.engine, me, case_id, CaseFlag.DISPUTE, True, "  ", now)
    except FlagRefused as refused:
        assert refused.code == "reason_required"
    set_flag(alice.engine, me, case_id, CaseFlag.DISPUTE, True, "says the card was stolen", now)
    reveal_national_id(alice.engine, me.id, case_id, now + timedelta(minutes=1))
    set_flag(
        alice.engine,
        me,
        case_id,
        CaseFlag.DISPUTE,
        False,
        "police report checked",
        now + timedelta(minutes=2),
    )
    reveal_national_id(carol.engine, find_user(carol.engine, "carol").id, carols, now)
    alice.sync()
    carol.sync()
    with Session(live.engine) as s:
        assert s.scalars(select(CaseFlagRow)).all() == []  # raised, then cleared, centrally

    lead = {"Authorization": f"Bearer {live.login('lead')}"}
    http = live.http
    everything = http.get("/api/v1/team/audit", headers=lead).json()
    assert [(e["username"], e["action"]) for e in everything] == [
        ("alice", "flag_cleared"),
        ("alice", "reveal_national_id"),
        ("alice", "flag_raised"),
    ]  # newest first, and nothing of carol's team
    assert everything[0]["detail"] == {"flag": "dispute", "reason": "police report checked"}
    flags = http.get("/api/v1/team/audit", headers=lead, params={"action": "flag_raised"}).json()
    assert [e["detail"]["reason"] for e in flags] == ["says the card was stolen"]
    by_case = http.get("/api/v1/team/audit", headers=lead, params={"case_id": case_id}).json()
    assert len(by_case) == 3
    later = http.get(
        "/api/v1/team/audit",
        headers=lead,
        params={"since": (now + timedelta(seconds=30)).isoformat()},
    ).json()
    assert len(later) == 2
    collector = {"Authorization": f"Bearer {live.login('alice')}"}
    assert http.get("/api/v1/team/audit", headers=collector).status_code == 403
    naive = http.get("/api/v1/team/audit", headers=lead, params={"since": "2026-11-28T10:00"})
    assert naive.status_code == 422


def _audit(n, action, entity, entity_id, detail):
    return {
        "id": n,
        "name": "record_audit",
        "args": {
            "id": str(uuid.uuid4()),
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "detail": detail,
            "recorded_at": "2026-11-28T01:00:00+00:00",
        },
    }


def _push(live, token, mutations):
    response = live.http.post(
        "/api/v1/sync/push",
        headers={"Authorization": f"Bearer {token}"},
        json={"client_id": str(uuid.uuid4()), "mutations": mutations},
    )
    assert response.status_code == 200, response.text
    return [(r["status"], r["reason"]) for r in response.json()["results"]]


def test_a_collector_records_only_reveals_on_cases_in_their_scope(live):
    """Issue 16: collector-sent audit events are only the kinds a collector may record, on
    cases in their scope; anything else would be a forged trail."""
    (mine,) = seed_cases(live.engine, "alice", 1)
    (carols,) = seed_cases(live.engine, "carol", 1, start=50)
    results = _push(
        live,
        live.login("alice"),
        [
            _audit(1, "reveal_national_id", "customer", str(mine), {"case_id": mine}),
            _audit(2, "reveal_national_id", "customer", str(carols), {"case_id": carols}),
            _audit(3, "reveal_national_id", "customer", str(carols), {"case_id": mine}),
            _audit(4, "reveal_national_id", "customer", str(mine), {}),
            _audit(5, "customer_list_exported", "case_list", "1", {"case_ids": [mine]}),
        ],
    )
    assert results == [
        ("applied", None),
        ("rejected", "not_your_case"),  # another team's customer
        ("rejected", "not_your_case"),  # a customer that is not the case's
        ("rejected", "invalid: detail.case_id"),
        ("rejected", "not_a_team_lead"),
    ]
    with Session(live.engine) as s:
        assert len(s.scalars(select(AuditEvent)).all()) == 1


def test_a_lead_records_exports_of_their_own_teams_cases_only(live):
    (alices,) = seed_cases(live.engine, "alice", 1)
    (carols,) = seed_cases(live.engine, "carol", 1, start=50)  # Team B
    results = _push(
        live,
        live.login("lead"),
        [
            _audit(1, "customer_list_exported", "case_list", "1", {"case_ids": [alices]}),
            _audit(2, "customer_list_exported", "case_list", "2", {"case_ids": [alices, carols]}),
            _audit(3, "customer_list_exported", "case_list", "1", {"case_ids": [2**40]}),
        ],
    )
    assert results == [
        ("applied", None),
        ("rejected", "not_your_team"),
        ("rejected", "invalid: detail.case_ids"),
    ]
