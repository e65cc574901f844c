"""A first sync interrupted part-way goes on from the page after the last one it took in,
instead of starting over; the cache it ends with equals that of a first sync never cut."""

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from collector_desk.store.cache import local_sync
from collector_desk.store.shared.schema import Base, Case, SyncState
from collector_desk.sync.client import Offline
from tests.live_central import seed_cases

CASES = 30
PAGE = 3  # ten pages


class CutAfter(httpx.BaseTransport):
    """The network, cut after `pulls` pull requests; it notes each pull's parameters."""

    def __init__(self, pulls: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.left = pulls
        self.pulls: list[dict[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/sync/pull":
            if self.left == 0:
                raise httpx.ConnectError("the cable is pulled")
            self.left -= 1
            self.pulls.append(dict(request.url.params))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _network(client, server, pulls: int = 10**6) -> CutAfter:
    transport = CutAfter(pulls)
    client.http.close()
    client.http = httpx.Client(base_url=server.url, transport=transport, timeout=10)
    return transport


def _contents(engine) -> dict[str, list]:
    """Every row of every table a pull fills, and the search index, in a fixed order."""
    with engine.connect() as conn:
        found = {
            table: [
                tuple(row)
                for row in conn.execute(
                    select(Base.metadata.tables[table]).order_by(
                        *Base.metadata.tables[table].primary_key.columns
                    )
                )
            ]
            for table in (*local_sync.SNAPSHOT_TABLES, "users", "teams")
        }
        found["case_search"] = list(
            conn.execute(text("SELECT rowid, * FROM case_search ORDER BY rowid"))
        )
    return found


def test_a_first_sync_cut_at_page_9_of_10_goes_on_from_page_10(live, desk):
    seed_cases(live.engine, "alice", CASES)
    alice = desk("alice")
    alice.page_size = PAGE
    cut = _network(alice, live, pulls=9)
    with pytest.raises(Offline):
        alice.sync()
    with Session(alice.engine) as s:
        assert len(s.scalars(select(Case.id)).all()) == 9 * PAGE
    after_case, bound = local_sync.first_sync_progress(alice.engine)
    assert after_case == 9 * PAGE
    assert cut.pulls[-1] == {"after_case": str(8 * PAGE), "bound": bound, "limit": str(PAGE)}
    assert local_sync.cursor(alice.engine) is None

    # meanwhile a case already taken in changes centrally: the pulls after the bound bring it
    from collector_desk.store.central.changes import record_change

    with Session(live.engine) as s, s.begin():
        case = s.get(Case, 2)
        case.priority = 99
        record_change(s, case, live.clock.now)

    resumed = _network(alice, live)
    report = alice.sync()
    assert resumed.pulls[0] == {"after_case": str(9 * PAGE), "bound": bound, "limit": str(PAGE)}
    assert all("cursor" in p or p.get("after_case") != "0" for p in resumed.pulls)
    first_sync_pages = [p for p in resumed.pulls if "cursor" not in p]
    assert len(first_sync_pages) == 2  # page 10, then the empty one that hands the cursor
    assert report.cases_received == CASES - 9 * PAGE  # only the rest
    assert local_sync.first_sync_progress(alice.engine) is None
    assert local_sync.cursor(alice.engine) == bound  # changes since the start come next
    assert alice.sync().cases_received == 1  # the case changed while the sync was cut

    clean = desk("alice")
    clean.sync()
    assert _contents(alice.engine) == _contents(clean.engine)
    with Session(alice.engine) as s:
        assert s.get(Case, 2).priority == 99


def test_a_reset_while_resuming_starts_the_first_sync_over(live, desk):
    seed_cases(live.engine, "alice", 12)
    alice = desk("alice")
    alice.page_size = PAGE
    _network(alice, live, pulls=2)
    with pytest.raises(Offline):
        alice.sync()
    with Session(alice.engine) as s, s.begin():  # the bound of another store: a 409 reset
        s.get(
            SyncState, local_sync.FIRST_SYNC_KEY
        ).value = f"{2 * PAGE} 11111111-1111-1111-1111-111111111111.0.5"
    again = _network(alice, live)
    assert alice.sync().cases_received == 12
    assert again.pulls[1] == {"limit": str(PAGE)}  # after the 409: from the start
    assert local_sync.first_sync_progress(alice.engine) is None
