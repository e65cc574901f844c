"""F1: the keys of the screen in front of the user, read from its own actions and shortcuts.

The sheet is built each time it opens from the window's QActions (their translated texts, by
menu), its QShortcuts and buttons with a key (their words from key_notes), and key_notes'
notes for keys no object stands for. A key removed from a screen leaves its sheet with it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from collector_desk.ui.help import key_notes

translate = QCoreApplication.translate

HELP_KEY = "F1"
_HELP_SHORTCUT = "helpKey"
# "Log contact… (L)", "记录联系…（L）", "还款计划(P)…": the key has its own column, and a
# Chinese text shows its mnemonic in brackets
_HINT = re.compile(r"\s*[(（][A-Za-z0-9+]{1,12}[)）]")


@dataclass(frozen=True)
class Row:
    section: str
    keys: str  # as the user's platform writes them
    words: str


def plain(text: str) -> str:
    """A menu text as read: mnemonics and the trailing key hint taken out."""
    return _HINT.sub("", text.replace("&&", "\0").replace("&", "").replace("\0", "&")).strip()


def _keys(sequences: list[QKeySequence]) -> str:
    shown = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
    return ", ".join(dict.fromkeys(k for k in shown if k))


def _menu_rows(window: QMainWindow) -> list[Row]:
    rows = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu) or not top.isVisible():
            continue
        for action in menu.actions():
            keys = _keys(action.shortcuts())
            if keys and action.isVisible() and action.isEnabled():
                rows.append(Row(plain(top.text()), keys, plain(action.text())))
    return rows


def _owned_by(obj_widget: QWidget | None, window: QWidget) -> bool:
    return obj_widget is not None and obj_widget.window() is window


def _shortcut_rows(window: QWidget, screen: str, section: str) -> tuple[list[Row], list[str]]:
    """Rows for the window's QShortcuts and keyed buttons, and the keys no words explain."""
    rows: list[Row] = []
    unexplained: list[str] = []
    for shortcut in window.findChildren(QShortcut):
        widget = shortcut.parent()
        widget = widget if isinstance(widget, QWidget) else None
        if not _owned_by(widget, window) or not shortcut.isEnabled():
            continue
        if shortcut.objectName() == _HELP_SHORTCUT:
            continue  # the sheet's own key: the heading says it
        portable = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
        words = key_notes.shortcut_words(screen, portable)
        if words is None:
            unexplained.append(portable)
            continue
        rows.append(Row(section, _keys([shortcut.key()]), words))
    for button in window.findChildren(QAbstractButton):
        if button.shortcut().isEmpty() or not _owned_by(button, window):
            continue
        portable = button.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        words = key_notes.shortcut_words(screen, portable) or plain(button.text())
        if words:
            rows.append(Row(section, _keys([button.shortcut()]), words))
        else:
            unexplained.append(portable)
    return rows, unexplained


_NUMBERED = re.compile(r"(.*?)(\d)")


def _runs(keys: list[str]) -> str:
    """Alt+1, Alt+2 … Alt+7 as "Alt+1 … Alt+7": a row of nine digits reads as one range."""
    shown: list[str] = []
    run: list[str] = []

    def close() -> None:
        shown.extend(run if len(run) < 3 else [f"{run[0]} … {run[-1]}"])
        run.clear()

    for key in keys:
        this, last = _NUMBERED.fullmatch(key), _NUMBERED.fullmatch(run[-1]) if run else None
        if run and not (this and last and this[1] == last[1] and int(this[2]) == int(last[2]) + 1):
            close()
        if this:
            run.append(key)
        else:
            shown.append(key)
    close()
    return ", ".join(shown)


def _merge(rows: list[Row]) -> list[Row]:
    """One line per thing done: Ctrl+Return and Ctrl+Enter both agree, on one row."""
    merged: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        keys = merged.setdefault((row.section, row.words), [])
        keys.extend(k for k in row.keys.split(", ") if k not in keys)
    return [Row(section, _runs(keys), words) for (section, words), keys in merged.items()]


def _field_rows(window: QWidget, section: str) -> list[Row]:
    """A dialog's fields by their captions' mnemonics: "Alt+A  Go to: Promised amount"."""
    rows = []
    for label in window.findChildren(QLabel):
        field = label.buddy()
        key = QKeySequence.mnemonic(label.text())
        if field is None or key.isEmpty() or not _owned_by(label, window):
            continue
        if not (label.isVisibleTo(window) and field.isEnabled()):
            continue  # a field the dialog shows only for some outcomes is not there to go to
        words = translate("ShortcutSheet", "Go to: %1").replace("%1", plain(label.text()))
        rows.append(Row(section, _keys([key]), words))
    return rows


def sheet_rows(window: QWidget, screen: str) -> tuple[list[Row], list[str]]:
    """The screen's keys in the order shown, and any shortcut key_notes has no words for."""
    here = key_notes.screen_title(screen)
    rows = _menu_rows(window) if isinstance(window, QMainWindow) else []
    found, unexplained = _shortcut_rows(window, screen, here)
    rows += found
    rows += [Row(here, keys, words) for keys, words in key_notes.notes(screen)]
    if not isinstance(window, QMainWindow):  # the main window's fields: too many to help
        rows += _field_rows(window, here)
    return _merge(rows), unexplained


def _html(rows: list[Row]) -> str:
    """One table, so the keys line up in one column from the first section to the last."""
    parts, section = ["<table cellpadding='3' cellspacing='0'>"], None
    for row in rows:
        if row.section != section:
            top = "" if section is None else " style='padding-top:14px'"
            section = row.section
            parts.append(f"<tr><td colspan='2'{top}><h3>{html.escape(section)}</h3></td></tr>")
        parts.append(
            "<tr><td valign='middle' style='white-space:nowrap'>"
            f"<b>{html.escape(row.keys)}</b>&nbsp;&nbsp;&nbsp;</td>"
            f"<td valign='middle'>{html.escape(row.words)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


class ShortcutSheet(QDialog):
    """The sheet itself: read-only, Esc or Enter closes it."""

    def __init__(self, window: QWidget, screen: str) -> None:
        super().__init__(window)
        self.setObjectName("shortcutSheet")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows, self.unexplained = sheet_rows(window, screen)
        self.setWindowTitle(
            translate("ShortcutSheet", "Keyboard shortcuts — %1").replace(
                "%1", key_notes.screen_title(screen)
            )
        )
        self.text = QTextBrowser(self)
        self.text.setObjectName("shortcutText")
        self.text.setAccessibleName(translate("ShortcutSheet", "Keyboard shortcuts"))
        self.text.setHtml(_html(self.rows))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 640)


def show_sheet(window: QWidget, screen: str) -> ShortcutSheet:
    sheet = ShortcutSheet(window, screen)
    sheet.open()
    sheet.text.setFocus()
    return sheet


def offer_sheet(window: QWidget, screen: str) -> QShortcut:
    """F1 on this window (a dialog) shows its sheet; the main window's F1 is a Help action."""
    shortcut = QShortcut(QKeySequence(HELP_KEY), window, lambda: show_sheet(window, screen))
    shortcut.setObjectName(_HELP_SHORTCUT)
    return shortcut
