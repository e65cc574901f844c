"""The collector's workspace on a big cache: the figures issues 3 and 22 ask for, with the
bare SQL behind each one measured in the same run (not part of the test suite).

Each view, each order as a click on its column header, and searches (the commonest Chinese
and Western surnames among my customers, a full name, digits, a reference), each timed until
the rows on screen are painted (offscreen, into memory). Beside each, the
statements the app runs for it (its counts and first page) straight on sqlite3, and for a
search also the full-text match alone, the least a search through the full text can cost.

    # three cases in five are the demo collector's: 1,666,667 cases give a queue of a million
    uv run collector-desk demo --cases 1666667 --data-dir /tmp/million --screenshot /tmp/m.png
    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_workspace.py /tmp/million

Works on a copy of the cache, so the demo's own stays as it was.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

START = time.perf_counter()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from collector_desk.demo import DEMO_COLLECTOR  # noqa: E402
from collector_desk.domain.contact_log import ContactEntry  # noqa: E402
from collector_desk.domain.contacts import Channel, Outcome  # noqa: E402
from collector_desk.store.cache.actions import log_contact  # noqa: E402
from collector_desk.store.cache.cache_file import is_plain, open_cache  # noqa: E402
from collector_desk.store.cache.queue import CaseQueue  # noqa: E402
from collector_desk.store.cache.queue_query import QueueSpec, SortKey, View, ordering  # noqa: E402
from collector_desk.store.shared.engine import keyed_connect  # noqa: E402
from collector_desk.store.shared.people import find_user  # noqa: E402
from collector_desk.ui.common.i18n import Translations  # noqa: E402
from collector_desk.ui.queue.queue_model import COLUMNS, SORTABLE  # noqa: E402
from collector_desk.ui.shell.demo_desks import demo_key  # noqa: E402
from collector_desk.ui.shell.main_window import MainWindow  # noqa: E402

VISIBLE_ROWS = 32
RUNS = 5


KEY: bytes | None = None  # set when the demo's cache is encrypted


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(fn, runs: int = RUNS) -> float:
    return statistics.median(timed(fn) for _ in range(runs))


def bare_sql(path: Path, queue: CaseQueue, spec: QueueSpec) -> float:
    """The statements the app runs for this view (each part's count, the first page), compiled
    once and run straight on sqlite3: what the view costs without Python, Qt or widgets."""
    from sqlalchemy import func, select

    from collector_desk.store.cache.queue import _hinted
    from collector_desk.store.shared.schema import Case

    layout = queue.layout(spec)
    dialect = queue.engine.dialect

    def sql(statement) -> str:
        return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))

    statements = []
    for part, _ in layout.parts:
        if getattr(layout, "on_surnames", False):  # counted on the surnames' own index
            from collector_desk.store.cache.schema import CaseSurname

            statements.append(sql(select(func.count()).select_from(CaseSurname).where(part)))
        else:
            counted = _hinted(select(func.count()).select_from(Case), layout.index_hint)
            statements.append(sql(counted.where(part)))
    first = next((part for part, size in layout.parts if size), layout.parts[0][0])
    if hasattr(queue, "page_query"):
        statements.append(sql(queue.page_query(layout, first, 0, 200)))
    else:  # before page_query: the queue's page statement, as it was
        statements.append(
            sql(
                _hinted(select(Case.id), layout.index_hint)
                .where(first)
                .order_by(*ordering(spec))
                .limit(200)
            )
        )
    return run_bare(path, statements)


def bare_match(path: Path, typed: str) -> float:
    """The full-text match alone, the least a search by name through it can cost."""
    from collector_desk.store.cache.search import match_expression

    match = match_expression(typed)
    return run_bare(path, [f"SELECT rowid FROM case_search WHERE case_search MATCH '{match}'"])


def run_bare(path: Path, statements: list[str]) -> float:
    conn = sqlite3.connect(path) if KEY is None else keyed_connect(path, KEY)

    def run():
        for statement in statements:
            conn.execute(statement).fetchall()

    result = median(run)
    conn.close()
    return result


def common_surnames(engine, user_id: int) -> tuple[str, str]:
    """The surname most of my customers bear, Chinese (its first character) and Western."""
    with engine.connect() as conn:
        chinese = conn.exec_driver_sql(
            "SELECT substr(u.full_name, 1, 1) s FROM cases c JOIN customers u"
            " ON u.id = c.customer_id WHERE c.assigned_to = ? AND u.country = 'CN'"
            " GROUP BY s ORDER BY count(*) DESC LIMIT 1",
            (user_id,),
        ).scalar()
        western = conn.exec_driver_sql(
            "SELECT u.full_name FROM cases c JOIN customers u ON u.id = c.customer_id"
            " WHERE c.assigned_to = ? AND u.country <> 'CN' LIMIT 2000",
            (user_id,),
        ).scalars()
        last = statistics.mode(name.split()[-1] for name in western)
    return chinese, last


def count_of(engine, user_id: int, surname: str) -> int:
    """How many of my customers' names start (Chinese) or end (Western) with this surname."""
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT count(*) FROM cases c JOIN customers u ON u.id = c.customer_id"
            " WHERE c.assigned_to = ? AND (u.full_name LIKE ? OR u.full_name LIKE ?)",
            (user_id, f"{surname}%" if not surname.isascii() else "", f"% {surname}"),
        ).scalar()


def main(data_dir: str) -> None:
    imported = time.perf_counter() - START
    source = Path(data_dir) / "demo-cache.sqlite"
    scratch = Path(tempfile.mkdtemp()) / "cache.sqlite"
    shutil.copy(source, scratch)
    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    translations.set_language("en")

    global KEY
    if not is_plain(scratch):  # the demo's cache is encrypted: both sides of the run use its key
        KEY = demo_key(Path(data_dir), DEMO_COLLECTOR)
    opening = time.perf_counter()
    engine = open_cache(scratch, KEY)
    user = find_user(engine, DEMO_COLLECTOR)
    queue = CaseQueue(engine, user.id, ZoneInfo(user.time_zone))
    window = MainWindow(queue, user, translations)
    window.show()
    app.processEvents()
    started = time.perf_counter() - opening
    model = window.model
    total = model.rowCount()
    print(f"cache: {total:,} cases in My queue, {source.stat().st_size / 2**20:,.0f} MiB")
    print(f"{'imports (Qt, SQLAlchemy, the app)':<52}{ms(imported)}")
    print(f"{'open cache, build window, first page and case shown':<52}{ms(started)}")

    def painted() -> None:
        """The rows on screen drawn, as the user sees them (offscreen: into memory)."""
        window.table.viewport().repaint()

    def show(spec: QueueSpec) -> None:
        model.set_spec(spec)
        for row in range(min(VISIBLE_ROWS, model.rowCount())):
            model.row_at(row)
        painted()

    def click_header(spec: QueueSpec) -> float:
        """A click on the header of spec's sort column, from the view in its first order."""
        columns = [n for n, name in enumerate(COLUMNS) if SORTABLE.get(name) == spec.sort]
        if not columns:  # no header sorts by it (the date assigned): set as a view's order
            return median(lambda: show(spec))
        column = columns[0]
        order = Qt.SortOrder.DescendingOrder if spec.descending else Qt.SortOrder.AscendingOrder
        times = []
        for _ in range(RUNS):
            model.set_spec(QueueSpec.for_view(spec.view))
            start = time.perf_counter()
            model.sort(column, order)
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                model.row_at(row)
            painted()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    print(
        "\nview / sort / search                                         app        bare SQL  ratio"
    )
    cases = []
    for view in View:
        cases.append((f"view {view.value}", QueueSpec.for_view(view)))
    for key in SortKey:
        for descending in (True, False):
            cases.append(
                (
                    f"sort {key.value} {'desc' if descending else 'asc'}",
                    QueueSpec(sort=key, descending=descending),
                )
            )
    sample = queue.window(QueueSpec(), total // 2, 1)[0]
    chinese, western = common_surnames(engine, user.id)
    for label, typed in (
        (f"search surname, commonest Chinese ({count_of(engine, user.id, chinese):,})", chinese),
        (f"search surname, commonest Western ({count_of(engine, user.id, western):,})", western),
        ("search full name", sample.customer_name),
        ("search card last 4", "1234"),
        ("search phone digits", "1381234"),
        ("search case number", sample.case_ref),
    ):
        cases.append((label, QueueSpec().searching(typed)))
    app_times = []
    for label, spec in cases:
        # a sort is a click on the header, as the collector sorts
        sorting = label.startswith("sort")
        app_t = click_header(spec) if sorting else median(lambda s=spec: show(s))
        sql_t = bare_sql(scratch, queue, spec)
        app_times.append(app_t)
        print(f"{label:<52}{ms(app_t)}  {ms(sql_t)}  {app_t / sql_t:5.1f}x")
        if label.startswith("search") and spec.search.strip():
            fts_t = bare_match(scratch, spec.search)
            print(
                f"{'  bare full-text match alone':<52}{'':11}  {ms(fts_t)}  {app_t / fts_t:5.1f}x"
            )
    print(f"{'median over all of the above':<52}{ms(statistics.median(app_times))}")

    show(QueueSpec())
    jump_end = median(lambda: (model._pages.clear(), model.row_at(total - 1)))
    rng = random.Random(1)
    jumps = []
    for _ in range(30):
        row = rng.randrange(total)
        model._pages.clear()
        jumps.append(
            timed(lambda r=row: [model.row_at(r + i) for i in range(VISIBLE_ROWS) if r + i < total])
        )
    print(f"\n{'jump to the end of the queue (one page)':<52}{ms(jump_end)}")
    print(
        f"{'random jumps, 30: median / max':<52}{ms(statistics.median(jumps))} / {ms(max(jumps))}"
    )

    # one call each to ten cases near the top, on a number the policy pack allows now (ten
    # calls to one number would, rightly, hit the pack's caps)
    targets = []
    for row in queue.window(QueueSpec(), 0, 50):
        detail = queue.detail(row.case_id)
        allowed = [p for p, d in detail.point_decisions.items() if d.allowed and not d.warnings]
        if allowed:
            targets.append((row.case_id, allowed[0]))
        if len(targets) == 10:
            break
    pending = iter(targets)

    def log_one():
        case_id, point = next(pending)
        log_contact(
            engine,
            user.id,
            case_id,
            ContactEntry(Channel.CALL, Outcome.NO_ANSWER, point),
            queue.clock(),
        )
        model.update_case(case_id)

    print(f"{'log a contact until the queue row shows it':<52}{ms(median(log_one, len(targets)))}")
    shown = []
    for row in queue.window(QueueSpec(), 0, 20):
        shown.append(timed(lambda c=row.case_id: queue.detail(c)))
    print(f"{'open a case: detail with its compliance verdicts':<52}{ms(statistics.median(shown))}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak resident memory':<52}{rss:8.0f} MB")
    window.close()
    engine.dispose()
    shutil.rmtree(scratch.parent)


def arguments() -> str:
    """The demo's data folder; --help says what the benchmark measures, and touches nothing."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dir", help="the folder of a demo (collector-desk demo --data-dir)")
    data_dir = parser.parse_args().data_dir
    if not (Path(data_dir) / "demo-cache.sqlite").exists():
        parser.error(f"no demo cache in {data_dir}")
    return data_dir


if __name__ == "__main__":
    main(arguments())
