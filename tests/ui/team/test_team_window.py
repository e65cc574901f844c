"""The team lead's desk in the window: offered to leads only; a rebalance shown before it is
confirmed; an approval decided from the inbox; both travel to the server."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from collector_desk.domain.cases import PlanStatus, PromiseStatus
from collector_desk.domain.plans import Affordability, OfferKind
from collector_desk.store.cache.actions import propose_plan
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.plans import PlanRequest
from collector_desk.store.shared.schema import Case, RepaymentPlan
from tests.live_central import desk_window, seed_cases


def _window(qtbot, qapp, engine, username, clock):
    return desk_window(qtbot, qapp, engine, clock, username)[0]


def test_collectors_are_not_offered_the_team_desk(qtbot, qapp, live, desk):
    seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    window = _window(qtbot, qapp, alice.engine, "alice", live.clock)
    assert not window.team_menu.menuAction().isVisible()
    assert window.open_team() is None


def test_the_lead_rebalances_and_approves_from_the_team_desk(
    qtbot,
    qapp,
    live,
    desk,
    tmp_path,
):
    ids = seed_cases(live.engine, "alice", 4)
    with Session(live.engine) as s, s.begin():
        s.execute(update(Case).where(Case.id == ids[0]).values(promise_status=PromiseStatus.OPEN))
    alice, lead = desk("alice"), desk("lead")
    alice.sync()
    collector = find_user(alice.engine, "alice")
    money = Affordability(1_000_000, 500_000, 0)
    plan = propose_plan(
        alice.engine,
        collector,
        ids[1],
        PlanRequest(OfferKind.PLAN, 24, 0, live.clock.now.date() + timedelta(days=5), money),
        live.clock.now,
    )
    alice.sync()
    lead.sync()

    window = _window(qtbot, qapp, lead.engine, "lead", live.clock)
    assert window.team_menu.menuAction().isVisible()
    team = window.open_team()
    names = [team.workload.item(r, 0).text() for r in range(team.workload.rowCount())]
    assert names == ["Alice", "Bob"]
    assert team.workload.item(0, 1).text() == "4" and team.workload.item(1, 1).text() == "0"

    moves = team.propose_rebalance()  # shown, not made
    assert team.moves.rowCount() == len(moves) == 2
    assert team.moves.item(0, 0).text().startswith("K")  # case numbers, as collectors read them
    assert ids[0] not in {m.case_id for m in moves}  # the promised case stays
    assert "Nothing moves until you confirm" in team.message.text()
    team.confirm_moves()
    assert team.workload.item(0, 1).text() == "2" and team.workload.item(1, 1).text() == "2"

    assert team.tabs.tabText(1) == "Approvals (1)"
    team.inbox.setCurrentCell(0, 0)
    assert "Income CN¥10,000.00, expenses CN¥5,000.00" in team.approval_detail.text()
    team.decision_reason.setText("first plan, steady job")
    team.decide(True)
    assert team.tabs.tabText(1) == "Approvals (0)"

    report = lead.sync()
    assert (report.pushed, report.rejected) == (3, 0)
    with Session(live.engine) as s:
        assert s.get(RepaymentPlan, plan.id).status is PlanStatus.ACTIVE
        owners = dict(s.execute(select(Case.id, Case.assigned_to)).all())
    bob = find_user(lead.engine, "bob").id
    assert sorted(c for c, owner in owners.items() if owner == bob) == sorted(
        m.case_id for m in moves
    )


def test_a_customer_list_export_is_the_leads_and_lands_in_the_audit_trail(
    qtbot, qapp, live, desk, tmp_path
):
    import csv

    import pytest

    from collector_desk.store.cache.case_export import ExportRefused, export_case_list
    from collector_desk.store.shared.schema import AuditEvent

    ids = seed_cases(live.engine, "alice", 3)
    alice, lead = desk("alice"), desk("lead")
    alice.sync(), lead.sync()
    with pytest.raises(ExportRefused, match="not_a_team_lead"):
        export_case_list(
            alice.engine, find_user(alice.engine, "alice"), ids, tmp_path / "x.csv", live.clock.now
        )
    assert not (tmp_path / "x.csv").exists()

    window = _window(qtbot, qapp, lead.engine, "lead", live.clock)
    team = window.open_team()
    assert team.export_selected(tmp_path / "none.csv") is None  # nothing found yet
    team.find_cases()
    assert team.export_selected(tmp_path / "cases.csv") == 3
    assert "recorded in the audit trail" in team.message.text()
    with (tmp_path / "cases.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["customer"] for r in rows] == [f"Alice Customer {i}" for i in ids]
    assert "national_id" not in rows[0]  # no ID numbers in a list that leaves the app
    report = lead.sync()
    assert report.rejected == 0
    with Session(live.engine) as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "customer_list_exported")
        ).one()
        assert event.detail["cases"] == 3 and event.detail["case_ids"] == ids


def test_a_collectors_forged_export_event_is_refused_by_the_server(live, desk):

    from collector_desk.store.cache.outbox import enqueue
    from collector_desk.store.shared.schema import new_uuid

    alice = desk("alice")
    alice.sync()
    with Session(alice.engine) as s, s.begin():
        args = {
            "id": new_uuid(),
            "action": "customer_list_exported",
            "entity": "case_list",
            "entity_id": "1",
            "detail": {"cases": 1},
            "recorded_at": live.clock.now.isoformat(),
        }
        enqueue(s, "record_audit", args, live.clock.now)
    assert alice.sync().rejected == 1


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_the_team_desk_names_every_control_for_screen_readers(qtbot, qapp, live, desk):
    from tests.ui.shell.test_accessibility import _unnamed

    lead = desk("lead")
    lead.sync()
    team = _window(qtbot, qapp, lead.engine, "lead", live.clock).open_team()
    unnamed = []
    for tab in range(team.tabs.count()):
        team.tabs.setCurrentIndex(tab)
        unnamed += _unnamed(team)
    assert unnamed == [], "\n".join(unnamed)


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_a_plan_that_a_sync_brings_shows_in_the_open_inbox(qtbot, qapp, live, desk):
    from collector_desk.ui.common.case_changes import announce

    ids = seed_cases(live.engine, "alice", 2)
    alice, lead = desk("alice"), desk("lead")
    alice.sync(), lead.sync()
    team = _window(qtbot, qapp, lead.engine, "lead", live.clock).open_team()
    team.to_collector.setCurrentIndex(team.to_collector.findText("Bob"))
    assert team.tabs.tabText(1) == "Approvals (0)"

    money = Affordability(1_000_000, 500_000, 0)
    start = live.clock.now.date() + timedelta(days=5)
    request = PlanRequest(OfferKind.PLAN, 24, 0, start, money)
    propose_plan(alice.engine, find_user(alice.engine, "alice"), ids[0], request, live.clock.now)
    alice.sync(), lead.sync()
    announce(many=True)  # what the sync controller says after a sync that brought cases
    assert team.tabs.tabText(1) == "Approvals (1)"
    assert team.to_collector.currentText() == "Bob"  # what the lead chose stays chosen
