"""A revoked device or user: the next contact pushes what the desktop holds, then tells it to
wipe its cache; other desktops carry on."""

from pathlib import Path

import pytest

from collector_desk.domain.contacts import Outcome
from collector_desk.store.cache.cache_file import wipe
from collector_desk.store.central import revocation
from collector_desk.store.shared.schema import Contact
from collector_desk.sync.outcomes import Revoked
from tests.live_central import PASSWORD, seed_cases
from tests.server.test_sync import _log


def _central_contacts(live):
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    with Session(live.engine) as s:
        return s.scalar(select(func.count()).select_from(Contact))


def test_a_revoked_laptop_pushes_what_it_holds_then_is_told_to_wipe(live, desk, tmp_path):
    (case_id,) = seed_cases(live.engine, "alice", 1)
    laptop, office = desk("alice"), desk("alice")
    laptop.sync(), office.sync()
    _log(laptop, case_id, Outcome.NO_ANSWER)
    laptop.sync()  # the laptop has pushed before: IT finds it among alice's devices
    _log(laptop, case_id, Outcome.RIGHT_PARTY)  # typed offline, then the laptop is lost
    assert [d.client_id for d in revocation.devices(live.engine, "alice")] == [laptop.client_id]
    assert revocation.revoke_device(live.engine, laptop.client_id, live.clock.now)

    with pytest.raises(Revoked):
        laptop.sync()
    assert _central_contacts(live) == 2  # nothing typed was lost
    path = Path(laptop.engine.url.database)
    laptop.engine.dispose()
    wipe(path)
    assert not path.exists() and list(path.parent.glob(path.name + "*")) == []

    office.sync()  # alice's other desktop is not revoked
    assert not office.revoked


def test_a_revoked_user_is_wiped_everywhere_and_gets_nothing_more(live, desk):
    seed_cases(live.engine, "alice", 1)
    one, two = desk("alice"), desk("alice")
    one.sync(), two.sync()
    assert revocation.revoke_user(live.engine, "alice", live.clock.now)
    for client in (one, two):
        with pytest.raises(Revoked):
            client.sync()
    token = {"Authorization": f"Bearer {one.token}"}  # the old sign-in: for a push only
    assert live.http.get("/api/v1/sync/pull", headers=token).status_code == 410
    again = live.http.post("/api/v1/auth/login", json={"username": "alice", "password": PASSWORD})
    assert again.status_code == 401  # no sign-in until enable-user
    bob = desk("bob")
    bob.sync()  # others carry on
    assert not revocation.revoke_user(live.engine, "nobody", live.clock.now)
    assert not revocation.revoke_device(live.engine, "no-such-client", live.clock.now)


def test_the_window_closes_once_a_revoked_desktop_has_pushed(qtbot, qapp, live, desk):
    from collector_desk.ui.shell.sync_controller import Link
    from tests.live_central import desk_window

    (case_id,) = seed_cases(live.engine, "alice", 1)
    laptop = desk("alice")
    laptop.sync()
    _log(laptop, case_id, Outcome.NO_ANSWER)
    laptop.sync()
    _log(laptop, case_id, Outcome.RIGHT_PARTY)
    revocation.revoke_device(live.engine, laptop.client_id, live.clock.now)
    window, controller = desk_window(qtbot, qapp, laptop.engine, live.clock, url=live.url)
    try:
        controller.sync_now()
        qtbot.waitUntil(lambda: controller.link is Link.REVOKED, timeout=10_000)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
        assert _central_contacts(live) == 2
    finally:
        controller.shutdown()


def test_a_revoked_user_s_kept_sign_in_still_opens_the_desk_to_push_and_wipe(live):
    from collector_desk.store.central import accounts
    from collector_desk.ui.shell.desk import _token_works

    token = live.login("alice")
    assert revocation.revoke_user(live.engine, "alice", live.clock.now)
    assert _token_works(live.url, token) is True  # /me says 410: the first sync pushes, wipes
    accounts.disable_user(live.engine, "alice", live.clock.now)
    assert _token_works(live.url, token) is False  # disabled: nothing more, not even a push
