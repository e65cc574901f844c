"""Every control can be named by a screen reader and every command reached from the keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
)


def _unnamed(root: QWidget) -> list[str]:
    """Focusable controls a screen reader would announce without a name, as Qt's own
    accessibility layer reports them (a buddy label, the text, or setAccessibleName)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not widget.isVisibleTo(root) or isinstance(widget.parent(), QAbstractSpinBox):
            continue  # a spin box's inner editor: the reader announces the spin box
        face = QAccessible.queryAccessibleInterface(widget)
        if face is None or not face.text(QAccessible.Text.Name).strip():
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(root).__name__}"
            )
    return found


def test_the_main_window_and_each_dialog_name_every_control(qtbot, window):
    window.guide_action.trigger()
    unnamed = _unnamed(window)
    for action in (window.log_action, window.plan_action, window.flag_action):
        action.trigger()
    for dialog in (window.log_dialog, window.plan_dialog, window.flag_dialog):
        qtbot.waitExposed(dialog)
        unnamed += _unnamed(dialog)
        dialog.reject()
    assert unnamed == [], "\n".join(unnamed)


def test_every_menu_command_has_a_name_and_a_key(window):
    keyless = []
    for menu in (a.menu() for a in window.menuBar().actions()):
        assert "&" in menu.title(), menu.title()  # Alt+letter opens it
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert action.text().strip()
            if "&" not in action.text() and action.shortcut().isEmpty():
                keyless.append(action.text())
    assert keyless == []


def test_the_sign_in_and_lock_screens_name_every_control(qtbot):
    from collector_desk.ui.shell.idle_lock import LockScreen
    from collector_desk.ui.shell.sign_in import SignInDialog

    dialog = SignInDialog("https://desk.example", "", lambda u, p: "", True, lambda u: True)
    lock = LockScreen("Alice")
    for widget in (dialog, lock):
        qtbot.addWidget(widget)
    assert _unnamed(dialog) + _unnamed(lock) == []
