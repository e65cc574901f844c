"""The one background-operation helper: work off the GUI thread, its outcome back on it."""

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from collector_desk.ui.common.ops import BackgroundOp, Lane


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_the_result_comes_back_on_the_gui_thread(qtbot):
    seen = []
    op = BackgroundOp(
        None,
        lambda _progress: (threading.get_ident(), _on_gui_thread()),
        lambda result: seen.append((result, _on_gui_thread())),
    ).run_in_background()
    qtbot.waitUntil(lambda: not op.running)
    ((worker, worker_on_gui), delivered_on_gui) = seen[0]
    assert worker != threading.get_ident() and not worker_on_gui
    assert delivered_on_gui and len(seen) == 1


def test_an_error_reaches_the_failure_callback_and_not_success(qtbot):
    boom = ValueError("no")
    seen, failed = [], []

    def work(_progress):
        raise boom

    op = BackgroundOp(None, work, seen.append).failure(failed.append).run_in_background()
    qtbot.waitUntil(lambda: not op.running)
    assert failed == [boom] and seen == []


def test_an_error_with_no_failure_callback_goes_to_the_crash_report(qtbot):
    def work(_progress):
        raise LookupError("nobody asked")

    with qtbot.captureExceptions() as caught:
        op = BackgroundOp(None, work).run_in_background()
        qtbot.waitUntil(lambda: not op.running)
    assert [type(error) for _kind, error, _tb in caught] == [LookupError]


def test_progress_is_shown_and_cancel_is_honoured(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    go_on, stopped, outcome = threading.Event(), threading.Event(), []

    def work(progress):
        progress(3, 10)
        go_on.wait(5)
        try:
            while True:
                progress(4, 10)  # raises Cancelled once cancelled
                threading.Event().wait(0.01)
        finally:
            stopped.set()

    op = (
        BackgroundOp(window, work, outcome.append)
        .failure(outcome.append)
        .on_cancel(lambda: outcome.append("cancelled"))
        .with_progress("Counting…", steps=10, cancellable=True, delay_ms=0)
        .run_in_background()
    )
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    dialog = op.dialog
    assert dialog.labelText() == "Counting…" and dialog.isModal()
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.maximum() == 10)
    go_on.set()
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not op.running)
    assert stopped.is_set() and outcome == ["cancelled"]
    assert op.dialog is None  # gone with the op


def test_a_quick_op_shows_no_dialog_and_a_closed_parent_gets_nothing(qtbot):
    window = QWidget()
    quick = BackgroundOp(window, lambda _p: 1).with_progress("Quick").run_in_background()
    qtbot.waitUntil(lambda: not quick.running)
    assert quick.dialog is None

    release, delivered = threading.Event(), []
    late = BackgroundOp(window, lambda _p: release.wait(5), delivered.append).run_in_background()
    window.deleteLater()
    qtbot.wait(10)
    release.set()
    qtbot.waitUntil(lambda: not late.running)
    assert delivered == []


def test_a_lane_runs_its_ops_one_at_a_time_in_order(qtbot):
    lane, order = Lane("test-lane"), []

    def step(n):
        def work(_progress):
            order.append(("start", n))
            threading.Event().wait(0.02)
            order.append(("end", n))
            return n

        return work

    try:
        ops = [BackgroundOp(None, step(n)).run_in_background(lane) for n in range(3)]
        qtbot.waitUntil(lambda: not any(op.running for op in ops))
    finally:
        lane.shutdown()
    assert order == [(edge, n) for n in range(3) for edge in ("start", "end")]
