"""Case > Letters: the plan letter and the notice before legal action, to a printer the
collector chooses (Qt's print dialog) or to a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QWidget

from collector_desk.domain.cases import CaseStatus, PlanStatus
from collector_desk.store.cache.queue import CaseDetail
from collector_desk.ui.case.letters import (
    Letter,
    letter_html,
    pre_legal_html,
    print_page,
    write_pdf,
)

translate = QCoreApplication.translate

PrinterChooser = Callable[[QWidget, QPrinter], bool]


def ask_for_printer(parent: QWidget, printer: QPrinter) -> bool:
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


class LettersMenu:
    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        detail: Callable[[], CaseDetail | None],
        clock: Callable[[], datetime],
        choose_printer: PrinterChooser = ask_for_printer,
    ) -> None:
        self._window, self._detail, self._clock = window, detail, clock
        self.choose_printer = choose_printer  # the print dialog; a test chooses a PDF printer
        self.menu = menu.addMenu("")
        self.print_actions: dict[Letter, QAction] = {}
        self.save_actions: dict[Letter, QAction] = {}
        for letter in Letter:
            printing = QAction(window)
            printing.triggered.connect(lambda _=False, kind=letter: self.print_letter(kind))
            saving = QAction(window)
            saving.triggered.connect(lambda _=False, kind=letter: self.save_letter(kind))
            self.menu.addActions([printing, saving])
            self.print_actions[letter], self.save_actions[letter] = printing, saving
        self.print_actions[Letter.PLAN].setShortcut(QKeySequence.StandardKey.Print)

    def retranslate(self) -> None:
        self.menu.setTitle(translate("LettersMenu", "Le&tters"))
        names = {
            Letter.PLAN: (
                translate("LettersMenu", "P&rint plan letter…"),
                translate("LettersMenu", "Save plan letter as PDF…"),
            ),
            Letter.PRE_LEGAL: (
                translate("LettersMenu", "Print &notice before legal action…"),
                translate("LettersMenu", "Save notice before legal action as PDF…"),
            ),
        }
        for letter, (printing, saving) in names.items():
            self.print_actions[letter].setText(printing)
            self.save_actions[letter].setText(saving)

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 5000)

    def page(self, letter: Letter) -> tuple[CaseDetail, str] | None:
        """The letter for the case shown, or None with the reason on the status bar."""
        detail = self._detail()
        if detail is None:
            return None
        today = self._clock().astimezone(ZoneInfo(detail.time_zone)).date()
        if letter is Letter.PLAN:
            plan = next((p for p in detail.plans if p.status is PlanStatus.ACTIVE), None)
            if plan is None:
                self._say(translate("LettersMenu", "This case has no agreed plan to print."))
                return None
            return detail, letter_html(detail, plan, today)
        if detail.overdue_minor <= 0 or detail.status is CaseStatus.CLOSED:
            self._say(translate("LettersMenu", "Nothing is past due on this case: no notice."))
            return None
        return detail, pre_legal_html(detail, today)

    def print_letter(self, letter: Letter) -> bool:
        """To a printer chosen in the print dialog; False if there was nothing to print or
        the collector cancelled."""
        found = self.page(letter)
        if found is None:
            return False
        _detail, page = found
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.choose_printer(self._window, printer):
            return False
        print_page(page, printer)
        self._say(translate("LettersMenu", "Letter sent to the printer."))
        return True

    def save_letter(self, letter: Letter, path: Path | None = None) -> Path | None:
        found = self.page(letter)
        if found is None:
            return None
        detail, page = found
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self._window,
                translate("LettersMenu", "Save letter"),
                f"{detail.case_ref}-{letter.value.replace('_', '-')}.pdf",
                "PDF (*.pdf)",
            )
            if not chosen:
                return None
            path = Path(chosen)
        write_pdf(page, path, title=letter.value)
        self._say(translate("LettersMenu", "Letter saved."))
        return path
