"""The changes the server refused, each with its case, what was done and why, until the user
acknowledges it: a refused contact or promise never vanishes without the collector knowing."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from collector_desk.domain.contacts import Outcome
from collector_desk.store.cache.refused_changes import RefusedChange
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.tables import fill, read_only_table

translate = QCoreApplication.translate

NOTE_SHOWN = 80  # characters of a note in the list; the whole note is in the row's tooltip


def _minor_as_major(amount: int) -> str:
    """An amount whose case (and so its currency) left the cache: both the yuan and the dollar
    have two minor digits; exact, with no float on the way."""
    whole, cents = divmod(amount, 100)
    return f"{whole:,}.{cents:02d}"


def change_summary(change: RefusedChange) -> str:
    """What the user did, briefly: for a contact its outcome, promise and note."""
    d = change.details
    if change.kind == "log_contact":
        parts = []
        with suppress(ValueError):  # a kind this version does not know: shown without it
            parts.append(labels.outcome(Outcome(str(d.get("outcome")))))
        amount, due = d.get("promise_amount_minor"), d.get("promise_date")
        if isinstance(amount, int) and due:
            parts.append(
                translate("RefusedChanges", "promise %1 by %2")
                .replace(
                    "%1",
                    formatting.money(amount, change.currency)
                    if change.currency
                    else _minor_as_major(amount),
                )
                .replace("%2", formatting.date_text(date.fromisoformat(due)))
            )
        note = str(d.get("note") or "").strip()
        if note:
            parts.append(f"“{note[:NOTE_SHOWN]}{'…' if len(note) > NOTE_SHOWN else ''}”")
        return " · ".join(parts)
    if change.kind == "correct_contact":
        outcome = d.get("outcome")
        known = isinstance(outcome, str) and outcome in {o.value for o in Outcome}
        parts = [labels.outcome(Outcome(str(outcome)))] if known else []
        return " · ".join([*parts, str(d.get("reason") or "")])
    if change.kind == "set_flag":
        return f"{d.get('flag', '')} · {d.get('reason', '')}"
    if change.kind == "legal_step":
        return str(d.get("to", ""))
    return ""


class RefusedChangesDialog(QDialog):
    """Lists the refusals; Enter opens the selected row's case, Delete acknowledges it."""

    def __init__(
        self,
        changes: list[RefusedChange],
        zone: ZoneInfo,
        open_case: Callable[[int], object],
        acknowledge: Callable[[list[int]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refusedChangesDialog")
        self.setWindowTitle(translate("RefusedChanges", "Changes the server refused"))
        self._changes = list(changes)
        self._zone = zone
        self._open_case = open_case
        self._acknowledge = acknowledge
        self.explanation = QLabel(
            translate(
                "RefusedChanges",
                "The server kept none of these. Look at each case as it is now, do again what "
                "still needs doing, then acknowledge the row.",
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.table = read_only_table(self, "refusedChanges")
        self.table.setAccessibleName(translate("RefusedChanges", "Refused changes"))
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = QPushButton(translate("RefusedChanges", "&Open case"), self)
        self.open_button.setAccessibleName(translate("RefusedChanges", "Open case"))
        self.open_button.clicked.connect(self.open_selected)
        self.ack_button = QPushButton(translate("RefusedChanges", "&Acknowledge"), self)
        self.ack_button.setAccessibleName(translate("RefusedChanges", "Acknowledge"))
        self.ack_button.clicked.connect(self.acknowledge_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.ack_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, self.acknowledge_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self, self.open_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 360)
        self._fill()

    def _fill(self) -> None:
        fill(
            self.table,
            [
                translate("RefusedChanges", "Refused"),
                translate("RefusedChanges", "Case"),
                translate("RefusedChanges", "Customer"),
                translate("RefusedChanges", "Change"),
                translate("RefusedChanges", "Why"),
                translate("RefusedChanges", "What"),
            ],
            [
                [
                    formatting.when(c.refused_at, self._zone),
                    c.case_ref
                    or (
                        translate("RefusedChanges", "no longer on this computer")
                        if c.case_id is not None
                        else ""
                    ),
                    c.customer_name or "",
                    labels.change_kind(c.kind),
                    labels.sync_reason(c.reason),
                    change_summary(c),
                ]
                for c in self._changes
            ],
        )
        for row, change in enumerate(self._changes):
            note = str(change.details.get("note") or "")
            cell = self.table.item(row, 5)
            if note and cell is not None:
                cell.setToolTip(note)
        if self._changes:
            self.table.selectRow(0)
        has_rows = bool(self._changes)
        self.ack_button.setEnabled(has_rows)
        self.open_button.setEnabled(has_rows)

    def _selected(self) -> list[RefusedChange]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._changes[r] for r in rows if r < len(self._changes)]

    def open_selected(self) -> None:
        for change in self._selected()[:1]:
            if change.case_ref is not None and change.case_id is not None:
                self._open_case(change.case_id)
                self.accept()

    def acknowledge_selected(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        self._acknowledge([c.mutation_id for c in chosen])
        gone = {c.mutation_id for c in chosen}
        self._changes = [c for c in self._changes if c.mutation_id not in gone]
        self._fill()
