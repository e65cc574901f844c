"""An error nobody expected, inside a Qt slot: a report for IT, one word to the user."""

import sys

from PySide6.QtCore import QTimer

from collector_desk.ui.shell.crash_report import crash_handler


def test_an_error_in_a_slot_writes_a_scrubbed_report_and_tells_the_user_once(
    qtbot, tmp_path, monkeypatch
):
    told = []
    monkeypatch.setattr(sys, "excepthook", crash_handler(tmp_path, show=told.append))
    phone = "+86 139-1234-5678"

    def boom():
        raise RuntimeError(f"no route for {phone} of '张伟'")

    QTimer.singleShot(0, boom)
    QTimer.singleShot(0, boom)  # the same failure again, at once: one dialog is enough
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("crash-*.txt"))) == 2)
    qtbot.wait(50)
    assert len(told) == 1 and told[0].parent == tmp_path
    report = told[0].read_text(encoding="utf-8")
    assert "RuntimeError: no route for [number] of '…'" in report
    assert "in boom" in report and "collector-desk:" in report and "qt:" in report
    assert phone not in report and "张伟" not in report
