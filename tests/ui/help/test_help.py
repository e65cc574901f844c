"""F1 shows the keys of the screen in front of the user; Help → About and the user guide."""

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from collector_desk import __version__
from collector_desk.config.resources import resource
from collector_desk.demo.portfolio import DEMO_COLLECTOR
from collector_desk.store.cache.schema import CACHE
from collector_desk.store.shared.migrate import head_revision
from collector_desk.store.shared.people import find_user
from collector_desk.ui.help.shortcut_sheet import ShortcutSheet
from collector_desk.ui.help.user_guide import UserGuide, guide_path
from collector_desk.ui.queue.queue_model import CASE_ID_ROLE
from collector_desk.ui.team.team_corrections import TeamCorrections
from collector_desk.ui.team.team_window import TeamWindow
from tests.conftest import FIXED_NOW
from tests.ui.case.test_corrections import _log_no_answer, _open_correction


def _press_f1(qtbot, screen) -> ShortcutSheet:
    screen.activateWindow()  # shortcuts act in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    sheet = screen.findChild(ShortcutSheet, "shortcutSheet")
    assert sheet is not None and sheet.isVisible()
    assert sheet.unexplained == []  # every shortcut of the screen has words on the sheet
    return sheet


def _row(sheet, words: str) -> str:
    """The keys the sheet shows for a thing done, as the user reads them."""
    found = [row.keys for row in sheet.rows if row.words == words]
    assert found, f"no row {words!r} in {[r.words for r in sheet.rows]}"
    return found[0]


def test_f1_on_the_main_window_lists_its_menu_keys_and_the_queue_keys(qtbot, window):
    sheet = _press_f1(qtbot, window)
    assert _row(sheet, "Log contact…") == "Ctrl+L"
    assert _row(sheet, "Repayment plan…") == "Ctrl+Shift+P"
    assert _row(sheet, "Call selected number") == "Ctrl+D"
    assert _row(sheet, "In the queue: log a contact for the selected case") == "L"
    assert _row(sheet, "Go to the first or the last case") == "Home  End,  Ctrl+Home  Ctrl+End"
    assert _row(sheet, "Keyboard shortcuts") == "F1"
    assert _row(sheet, "Phone: hang up") == "F10"  # not F9, which syncs
    assert _row(sheet, "Reminder: snooze it") == "Ctrl+Shift+S"
    assert "Ctrl+1" in [row.keys for row in sheet.rows]
    # the call guide's nine answer keys read as one range, not a list that wraps
    assert _row(sheet, "In the call guide: the customer's answer") == "1 … 9"
    assert _row(sheet, "In the call guide: the customer's objection").startswith("Alt+1 … Alt+")
    # the team lead's menu is not a collector's, and neither are its keys
    assert "Ctrl+T" not in [row.keys for row in sheet.rows]
    assert "Ctrl+L" in sheet.text.toPlainText()
    qtbot.keyClick(sheet.text, Qt.Key.Key_Escape)
    assert not sheet.isVisible()


def test_a_changed_key_changes_the_sheet(qtbot, window):
    window.log_action.setShortcut("Ctrl+Alt+L")
    sheet = _press_f1(qtbot, window)
    assert _row(sheet, "Log contact…") == "Ctrl+Alt+L"


def test_f1_in_the_log_lists_the_logs_own_keys(qtbot, window):
    dialog = window.open_log()
    sheet = _press_f1(qtbot, dialog)
    assert _row(sheet, "Save and go to the next case") == "Ctrl+Return, Ctrl+Enter"
    assert _row(sheet, "Save and stay on this case") == "Ctrl+S"
    assert _row(sheet, "Pick the outcome (in the outcome list)") == "1 … 9, 0"
    assert _row(sheet, "Go to: Note") == "Alt+N"
    assert "Ctrl+Shift+P" not in [row.keys for row in sheet.rows]  # the window's, not here
    qtbot.keyClick(sheet.text, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Esc closed the sheet, not the log under it


def test_f1_in_the_plan_and_the_flags(qtbot, window):
    plan = window.open_plan()
    assert _row(_press_f1(qtbot, plan), "Agree the plan") == "Ctrl+Return, Ctrl+Enter"
    plan.reject()
    flags = window.open_flags()
    assert _row(_press_f1(qtbot, flags), "Close without a change") == "Esc"


def test_ctrl_home_and_ctrl_end_do_what_the_sheet_says(qtbot, window):
    last = window.model.rowCount() - 1
    qtbot.keyClick(window.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.table.currentIndex().row() == last
    case_id = window.model.data(window.model.index(last, 0), CASE_ID_ROLE)
    assert window.detail.detail.case_id == case_id
    qtbot.keyClick(window.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.table.currentIndex().row() == 0


def test_f1_in_the_legal_dialog(qtbot, window):
    legal = window.open_legal()
    sheet = _press_f1(qtbot, legal)
    assert _row(sheet, "Close without a change") == "Esc"
    assert "Legal" in sheet.windowTitle()


def test_f1_while_correcting_a_contact(qtbot, window, engine):
    dialog, _row_index = _open_correction(qtbot, window, _log_no_answer(window, engine))
    sheet = _press_f1(qtbot, dialog)
    assert _row(sheet, "Correct (the why is required)") == "Enter"
    # the fields by their captions' underlined letters, read from the dialog itself
    assert _row(sheet, "Go to: Outcome") == "Alt+O"
    assert _row(sheet, "Go to: Why (required, kept with the correction)") == "Alt+W"
    qtbot.keyClick(sheet.text, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Esc closed the sheet; the correction stays open


def test_a_dialogs_field_keys_speak_chinese(qtbot, window, engine):
    window.set_language("zh_CN")
    dialog, _row_index = _open_correction(qtbot, window, _log_no_answer(window, engine))
    sheet = _press_f1(qtbot, dialog)
    assert _row(sheet, "转到：结果") == "Alt+O"  # "结果(&O)": the key hint is not repeated


def test_f1_in_the_leads_corrections(qtbot, engine):
    corrections = TeamCorrections(engine, find_user(engine, DEMO_COLLECTOR), lambda: FIXED_NOW)
    qtbot.addWidget(corrections)
    corrections.show()
    sheet = _press_f1(qtbot, corrections)
    # the E shortcut on the contacts and Enter (activated) do the same: one row
    assert _row(sheet, "In the case's contacts: correct the selected contact") == "E, Enter"


def test_f1_on_the_team_desk(qtbot, engine):
    team = TeamWindow(engine, find_user(engine, DEMO_COLLECTOR), lambda: FIXED_NOW)
    qtbot.addWidget(team)
    team.show()
    sheet = _press_f1(qtbot, team)
    assert _row(sheet, "Numbers: read the team's figures again") == "F5"


def test_the_sheet_speaks_chinese(qtbot, window):
    window.set_language("zh_CN")
    sheet = _press_f1(qtbot, window)
    assert _row(sheet, "记录联系…") == "Ctrl+L"
    assert "键盘快捷键" in sheet.windowTitle()


def test_the_team_desks_sheet_speaks_chinese(qtbot, engine, translations):
    translations.set_language("zh_CN")
    team = TeamWindow(engine, find_user(engine, DEMO_COLLECTOR), lambda: FIXED_NOW)
    qtbot.addWidget(team)
    team.show()
    sheet = _press_f1(qtbot, team)
    assert _row(sheet, "数据：重新读取团队数据") == "F5"
    assert "键盘快捷键" in sheet.windowTitle()


def test_about_shows_the_version_schema_keyring_and_logs(qtbot, window):
    about = window.help.show_about()
    qtbot.addWidget(about)
    rows = dict(about.rows)
    assert rows["Version"] == __version__
    assert rows["Cache schema"] == head_revision(CACHE)  # the open cache is up to date
    backend = keyring.get_keyring()
    assert type(backend).__name__ in rows["Keyring"]
    assert rows["Server"] == "none: working offline"
    assert "collector-desk" in rows["Logs"]
    assert __version__ in about.text.text()


def test_the_guide_ships_in_resources_in_both_languages():
    sections = {}
    for language in ("en", "zh_CN"):
        path = guide_path(language)
        assert path == resource("guide", f"user_guide.{language}.md") and path.is_file()
        text = path.read_text(encoding="utf-8")
        sections[language] = [line for line in text.splitlines() if line.startswith("## ")]
    # a section written in one language only is a guide the other readers miss
    assert len(sections["en"]) == len(sections["zh_CN"]) >= 7


@pytest.mark.parametrize(("language", "heading"), [("en", "a short guide"), ("zh_CN", "简明指南")])
def test_help_opens_the_guide_in_the_interface_language(qtbot, window, language, heading):
    window.set_language(language)
    window.help.guide_action.trigger()
    guide = window.findChild(UserGuide, "userGuide")
    assert guide is not None and guide.isVisible()
    assert heading in guide.text.toPlainText()
    assert "L 1 Enter" in guide.text.toPlainText()
    assert "F12" in guide.text.toPlainText() and "F9" in guide.text.toPlainText()
    guide.reject()
    QApplication.processEvents()


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("en", "1 case queued to move.", "3 cases queued to move."),
        ("zh_CN", "已排队调配 1 件案件。", "已排队调配 3 件案件。"),
    ],
)
def test_counts_read_as_plurals_in_both_languages(
    qtbot, engine, translations, language, one, three
):
    translations.set_language(language)
    team = TeamWindow(engine, find_user(engine, DEMO_COLLECTOR), lambda: FIXED_NOW)
    qtbot.addWidget(team)
    for count, expected in ((1, one), (3, three)):
        team._report({case_id: None for case_id in range(count)})
        assert team.message.text() == expected
