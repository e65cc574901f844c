"""The main window's Help menu: keyboard shortcuts (F1), the user guide and About."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from collector_desk.sync.installation import Installation
from collector_desk.ui.help import key_notes
from collector_desk.ui.help.about_dialog import AboutDialog
from collector_desk.ui.help.shortcut_sheet import HELP_KEY, ShortcutSheet, show_sheet
from collector_desk.ui.help.user_guide import UserGuide

translate = QCoreApplication.translate


class HelpMenu:
    def __init__(
        self,
        window: QMainWindow,
        language: Callable[[], str],
        facts: Callable[[], Installation],
        server: Callable[[], str],
    ) -> None:
        self._window, self._language, self._facts, self._server = window, language, facts, server
        self.menu = window.menuBar().addMenu("")
        self.keys_action = QAction(window)
        self.keys_action.setShortcut(QKeySequence(HELP_KEY))
        self.keys_action.triggered.connect(lambda: self.show_keys())
        self.guide_action = QAction(window)
        self.guide_action.triggered.connect(lambda: self.show_guide())
        self.about_action = QAction(window)
        self.about_action.triggered.connect(lambda: self.show_about())
        for action in (self.keys_action, self.guide_action, self.about_action):
            self.menu.addAction(action)

    def retranslate(self) -> None:
        self.menu.setTitle(translate("HelpMenu", "&Help"))
        self.keys_action.setText(translate("HelpMenu", "&Keyboard shortcuts"))
        self.guide_action.setText(translate("HelpMenu", "&User guide"))
        self.about_action.setText(translate("HelpMenu", "&About Collector Desk"))

    def show_keys(self) -> ShortcutSheet:
        return show_sheet(self._window, key_notes.MAIN)

    def show_guide(self) -> UserGuide:
        guide = UserGuide(self._language(), self._window)
        guide.open()
        return guide

    def show_about(self) -> AboutDialog:
        about = AboutDialog(self._facts(), self._server(), self._window)
        about.open()
        return about
