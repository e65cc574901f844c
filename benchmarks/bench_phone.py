"""Phone figures for issue 18 (not part of the test suite).

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_phone.py [--calls 20]

Two real baresip softphones on loopback (Debian's baresip-core): the desk's, driven by the
main window as a collector drives it, and a customer's that answers and hangs up. Reports, over
`--calls` calls, the median and 95th percentile of
- key press (Call selected number) to the phone taking the dial command;
- key press to the customer's phone ringing (the INVITE arriving);
- the customer hanging up to the log standing open, filled from the call.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select, update  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from collector_desk.demo.portfolio import DEMO_COLLECTOR, DemoOptions, build_demo_portfolio  # noqa: E402
from collector_desk.domain.contacts import ContactPointStatus, Relation  # noqa: E402
from collector_desk.phone.adapter import CallEventKind  # noqa: E402
from collector_desk.phone.baresip import Baresip  # noqa: E402
from collector_desk.store.cache import search  # noqa: E402
from collector_desk.store.cache.cache_file import open_cache  # noqa: E402
from collector_desk.store.cache.queue import CaseQueue  # noqa: E402
from collector_desk.store.shared.people import find_user  # noqa: E402
from collector_desk.store.shared.schema import Case, ContactPoint  # noqa: E402
from collector_desk.ui.common.i18n import Translations  # noqa: E402
from collector_desk.ui.shell.main_window import MainWindow  # noqa: E402
from tests.phone.baresip_pair import start_softphone  # noqa: E402
from tests.phone.conftest import CUSTOMER, Events  # noqa: E402

NOW = datetime(2026, 11, 28, 2, 30, tzinfo=UTC)  # 10:30 in Shanghai: calls are allowed


def wait(app: QApplication, done, timeout: float = 10.0) -> float:
    start = time.perf_counter()
    while not done():
        app.processEvents()
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the phone did not answer in time")
        time.sleep(0.0005)
    return time.perf_counter()


def summary(name: str, values: list[float]) -> None:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"{name:<44} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   n={len(ms)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        path = build_demo_portfolio(
            scratch / "cache.sqlite", DemoOptions(cases=600, seed=7, now=NOW)
        )
        engine = open_cache(path)
        desk = start_softphone("baresip", scratch / "desk", "desk", "desk")
        theirs_phone = start_softphone("baresip", scratch / "customer", "customer", CUSTOMER)
        try:
            user = find_user(engine, DEMO_COLLECTOR)
            with Session(engine) as s:
                case_id, point_id = s.execute(
                    select(Case.id, ContactPoint.id)
                    .join(ContactPoint, ContactPoint.customer_id == Case.customer_id)
                    .where(
                        Case.assigned_to == user.id,
                        Case.policy_pack == "CN",
                        Case.status == "open",
                        ContactPoint.relation == Relation.SELF,
                        ContactPoint.status == ContactPointStatus.VALID,
                    )
                    .order_by(Case.id)
                ).first()
            with engine.begin() as conn:
                conn.execute(
                    update(ContactPoint).where(ContactPoint.id == point_id).values(value=CUSTOMER)
                )
                search.rebuild(conn)
            events = Events()
            customer = Baresip(
                "127.0.0.1", theirs_phone.ctrl_port, "sip:desk@" + desk.address, "", events
            )
            taken: list[float] = []
            template = "sip:{e164}@" + theirs_phone.address

            def phone(sink):
                real = Baresip("127.0.0.1", desk.ctrl_port, template, "", sink)
                dial = real.dial

                def timed(number: str) -> str:
                    taken.append(time.perf_counter())
                    return dial(number)

                real.dial = timed  # type: ignore[method-assign]
                return real

            translations = Translations(app)
            queue = CaseQueue(engine, user.id, ZoneInfo(user.time_zone), clock=lambda: NOW)
            window = MainWindow(queue, user, translations, clock=lambda: NOW, phone=phone)
            window.show()
            to_command, to_ring, to_log = [], [], []
            for _ in range(args.calls):
                window.detail.show_case(window._queue.detail(case_id))
                ids = [p.id for p in window.detail.detail.contact_points]
                window.detail.points.setCurrentCell(ids.index(point_id), 0)
                events.seen.clear()
                taken.clear()
                pressed = time.perf_counter()
                window.dial_action.trigger()
                rang = wait(app, lambda: any(e.kind is CallEventKind.INCOMING for e in events.seen))
                to_command.append(taken[0] - pressed)
                to_ring.append(rang - pressed)
                ring = next(e for e in events.seen if e.kind is CallEventKind.INCOMING)
                customer.answer(ring.call_id)  # answered: a closed log adds no attempt
                wait(app, lambda: window.calls.call and window.calls.call.tracker.answered_at)
                hung = time.perf_counter()
                customer.hang_up(ring.call_id)
                opened = wait(app, lambda: window.log_dialog is not None)
                to_log.append(opened - hung)
                window.log_dialog.reject()
                wait(app, lambda: window.log_dialog is None and window.calls.call is None)
            print(f"{args.calls} calls, baresip on loopback, offscreen Qt, {os.cpu_count()} cores")
            summary("key press -> dial command to the phone", to_command)
            summary("key press -> the customer's phone rings", to_ring)
            summary("customer hangs up -> the log open, filled", to_log)
            window.close()
            customer.close()
        finally:
            desk.stop()
            theirs_phone.stop()
            engine.dispose()


if __name__ == "__main__":
    main()
