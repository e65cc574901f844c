"""A team lead corrects a contact a collector logged, days after the collector's window, from
the team desk: the case by reference, E on the contact, the same dialog; the server keeps it."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.orm import Session

from collector_desk.domain.contacts import Outcome
from collector_desk.store.shared.schema import Case, Contact, ContactCorrection
from tests.live_central import desk_window, seed_cases
from tests.server.test_sync import _log


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_a_lead_corrects_a_collectors_contact_after_the_window(qtbot, qapp, live, desk):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    alice = desk("alice")
    alice.sync()
    logged = _log(alice, case_id, Outcome.NO_ANSWER)
    alice.sync()
    live.clock.now += timedelta(days=3)  # long past alice's 24 hours
    lead = desk("lead")
    lead.sync()
    window = desk_window(qtbot, qapp, lead.engine, live.clock, "lead")[0]
    team = window.open_team()
    dialog = team.open_corrections()
    with qtbot.waitActive(dialog):  # its keys act in the active window only
        dialog.activateWindow()
    with Session(lead.engine) as s:
        case_ref = s.get(Case, case_id).case_ref

    qtbot.keyClicks(dialog.case_ref, "NOPE")
    qtbot.keyClick(dialog.case_ref, Qt.Key.Key_Return)
    assert "No case of your team" in dialog.message.text()
    dialog.case_ref.clear()
    qtbot.keyClicks(dialog.case_ref, case_ref)
    qtbot.keyClick(dialog.case_ref, Qt.Key.Key_Return)
    assert dialog.contacts.rowCount() == 1
    assert dialog.contacts.item(0, 1).text() == "Alice"  # who logged it

    qtbot.keyClick(dialog.contacts, Qt.Key.Key_E)
    correction = dialog.correction_dialog
    assert correction is not None
    correction.outcome.setCurrentIndex(correction.outcome.findData(Outcome.RIGHT_PARTY.value))
    qtbot.keyClicks(correction.reason, "recording shows she answered")
    correction.submit()

    assert "Was: No answer" in dialog.contacts.item(0, 4).text()
    assert lead.sync().rejected == 0
    with Session(live.engine) as s:
        assert s.get(Contact, logged.contact_id).outcome is Outcome.RIGHT_PARTY
        assert s.get(ContactCorrection, correction_id_of(lead)).reason == (
            "recording shows she answered"
        )


def correction_id_of(client) -> str:
    from sqlalchemy import select

    with Session(client.engine) as s:
        return s.scalars(select(ContactCorrection.id)).one()
