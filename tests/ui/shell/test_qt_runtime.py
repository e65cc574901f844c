"""Guards against Qt binding regressions that would crash the app rather than fail a feature."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    progress = Signal(int, int)


def test_signal_emit_keeps_reference_counts(qapp):
    # PySide6 6.12.0 dropped a reference to True on every emit; after a few hundred progress
    # updates (seeding a million cases) Python aborted at exit with "deallocating True".
    emitter = _Emitter()
    received = []
    emitter.progress.connect(lambda done, total: received.append(done))
    before = sys.getrefcount(True)
    for i in range(500):
        emitter.progress.emit(i, 500)
    assert len(received) == 500
    assert abs(sys.getrefcount(True) - before) < 50
