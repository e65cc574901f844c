"""One signal for "these cases changed in the cache", heard by every view that shows a case.

An action (a contact logged, a plan agreed, a flag raised, cases moved by the lead) or a sync
that brought cases announces what it changed; the queue, the detail pane, the call guide, the
team window and the status bar each decide for themselves what to read again. Nobody wires a
refresh by hand from the place that wrote to the place that shows (Anki's OpChanges broadcast
is the model).

    case_changes().changed.connect(view.on_case_change)   # a method: a lambda would outlive
    announce({case_id}, source=self)                      #   the view it refreshes
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import isValid


@dataclass(frozen=True, slots=True)
class CaseChange:
    case_ids: frozenset[int] = frozenset()  # the cases written (none: only the outbox grew)
    many: bool = False  # cases came, went or changed in bulk (a sync): read the views again
    source: object | None = None  # who wrote them; it may have shown the change already

    def touches(self, case_id: int | None) -> bool:
        return case_id is not None and (self.many or case_id in self.case_ids)


class CaseChanges(QObject):
    changed = Signal(object)  # a CaseChange, on the GUI thread


_notifier: CaseChanges | None = None


def case_changes() -> CaseChanges:
    """The application's one notifier."""
    global _notifier
    if _notifier is None or not isValid(_notifier):
        _notifier = CaseChanges(QCoreApplication.instance())
    return _notifier


def announce(case_ids: Iterable[int] = (), many: bool = False, source: object = None) -> None:
    """Tell every view what changed (on the GUI thread, once the change is committed)."""
    case_changes().changed.emit(CaseChange(frozenset(case_ids), many, source))
