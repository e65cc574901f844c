"""A change the server refused stays in front of the collector, with its case, what was done
and why, until they acknowledge it (issue 16: nothing leaves a cache silently)."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, ContactPointStatus, Outcome
from collector_desk.store.cache import local_sync
from collector_desk.store.cache.actions import log_contact
from collector_desk.store.cache.refused_changes import count_refused, refused_changes
from collector_desk.store.shared.contact_log import ContactRejected
from collector_desk.store.shared.schema import Case, ContactPoint, Customer
from tests.conftest import FIXED_NOW

NOTE = "Customer says the salary comes on the 15th; call back then"


def _promise_refused(window, reason="not_your_case"):
    """Log a promise on one of the collector's cases, then answer its push as the server
    would have refused it. Returns the case id."""
    engine = window._queue.engine
    user_id = window._user.id
    with Session(engine) as session:
        cases = session.scalars(
            select(Case).where(Case.assigned_to == user_id).order_by(Case.id).limit(40)
        ).all()
        candidates = [
            (c.id, p.id, c.balance_minor)
            for c in cases
            for p in session.scalars(
                select(ContactPoint).where(
                    ContactPoint.customer_id == c.customer_id,
                    ContactPoint.status == ContactPointStatus.VALID,
                    ContactPoint.kind == "mobile",
                )
            )
        ]
    for case_id, point_id, balance in candidates:
        entry = ContactEntry(
            Channel.CALL,
            Outcome.PROMISE_TO_PAY,
            point_id,
            note=NOTE,
            promise_amount_minor=max(100, balance // 2),
            promise_date=FIXED_NOW.date() + timedelta(days=5),
        )
        try:
            logged = log_contact(engine, user_id, case_id, entry, FIXED_NOW)
        except ContactRejected:
            continue  # that customer may not be called now: try the next
        local_sync.acknowledge(
            engine, logged.mutation_id, [(logged.mutation_id, "rejected", reason)], FIXED_NOW
        )
        return case_id
    raise AssertionError("no case of the demo collector could take a promise now")


def test_a_refused_promise_is_listed_with_its_case_and_why_until_acknowledged(qtbot, window):
    case_id = _promise_refused(window)
    window._update_status()
    assert "Refused by the server: 1" in window.status_refused.text()

    dialog = window.show_sync_issues()
    qtbot.waitExposed(dialog)
    with Session(window._queue.engine) as session:
        case = session.get(Case, case_id)
        name = session.get(Customer, case.customer_id).full_name
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert case.case_ref in cells and name in cells
    assert "Contact logged" in cells
    assert any("Promise to pay" in c and "promise" in c and NOTE[:30] in c for c in cells)
    assert "the case is not yours" in cells  # the reason in words, not a code
    assert dialog.table.item(0, 5).toolTip() == NOTE  # the whole note, however long

    dialog.open_selected()  # Enter: the case opens in the detail pane
    assert window.detail.detail is not None and window.detail.detail.case_id == case_id

    dialog = window.show_sync_issues()
    dialog.acknowledge_selected()  # Delete: seen, it leaves the list
    assert dialog.table.rowCount() == 0 and not dialog.ack_button.isEnabled()
    assert count_refused(window._queue.engine) == 0
    assert window.status_refused.text() == ""


def test_a_refusal_whose_case_left_the_cache_still_says_what_and_why(qtbot, window):
    case_id = _promise_refused(window, reason="number_not_dialable")
    engine = window._queue.engine
    local_sync.take_in(engine, [], [case_id], None)  # the pull that followed took it away

    [refused] = refused_changes(engine)
    assert refused.case_id == case_id and refused.case_ref is None
    assert refused.details["note"] == NOTE

    dialog = window.show_sync_issues()
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert "no longer on this computer" in cells
    assert "the number was marked wrong or do-not-call" in cells
    dialog.open_selected()  # nothing to open: the dialog stays, the list with it
    assert dialog.isVisible() and dialog.table.rowCount() == 1
