"""A second start hands over to the first instead of opening the same cache twice."""

import subprocess
import sys

from PySide6.QtWidgets import QMainWindow

from collector_desk.ui.shell.single_instance import SingleInstance, bring_to_front, run_first


def test_the_second_start_brings_the_first_window_to_the_front(qtbot, tmp_path):
    first = SingleInstance(tmp_path, "desk")
    assert first.claim()
    window = QMainWindow()
    qtbot.addWidget(window)
    first.asked_to_show.connect(lambda: bring_to_front(window))
    window.showMinimized()
    ran = []
    try:
        # run_first as `collector-desk run` calls it: the body (opening the cache) never runs
        assert run_first(tmp_path, "desk", lambda _instance: ran.append(1) or 2) == 0
        qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())
    finally:
        first.release()
    assert ran == []


def test_each_way_of_running_and_each_folder_is_its_own(qtbot, tmp_path):
    desk = SingleInstance(tmp_path / "a", "desk")
    assert desk.claim()
    try:
        assert SingleInstance(tmp_path / "a", "practice").claim()
        assert SingleInstance(tmp_path / "b", "desk").claim()
        assert not SingleInstance(tmp_path / "a", "desk").claim()
    finally:
        desk.release()
    again = SingleInstance(tmp_path / "a", "desk")
    assert again.claim()  # released at the end of the first run: the next start is first
    again.release()


def test_a_crashed_first_instance_does_not_block_the_next_start(qtbot, tmp_path):
    """The first died without releasing (killed, power cut): its lock names a dead process."""
    code = (
        "import os, sys; from pathlib import Path;"
        "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
        "from collector_desk.ui.shell.single_instance import SingleInstance;"
        "s = SingleInstance(Path(sys.argv[1]), 'desk'); assert s.claim(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, timeout=60)
    assert (tmp_path / "desk.lock").exists()
    after_crash = SingleInstance(tmp_path, "desk")
    assert after_crash.claim()
    after_crash.release()
