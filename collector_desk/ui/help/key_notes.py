"""The one place that explains keys Qt cannot name by itself.

A QAction carries its own translated text; a bare QShortcut and a key handled in a
keyPressEvent do not. Each screen's sheet takes a QShortcut's words from SHORTCUT_WORDS (a
test fails when a screen has a shortcut without words here), and adds NOTES, the keys no
shortcut object stands for, as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

MAIN, TEAM, LOG, PLAN, LEGAL, FLAGS = "main", "team", "log", "plan", "legal", "flags"
CORRECTION, TEAM_CORRECTIONS, MESSAGE = "correction", "team_corrections", "message"
BULK_MESSAGE = "bulk_message"


def shortcut_words(screen: str, keys: str) -> str | None:
    """What a QShortcut (keys in portable text, e.g. "Ctrl+Return") does on this screen."""
    words = {
        (MAIN, "L"): translate("KeyNotes", "In the queue: log a contact for the selected case"),
        (MAIN, "Esc"): translate("KeyNotes", "In the search field: clear the search"),
        (MAIN, "W"): translate("KeyNotes", "In Contact points: mark the number wrong"),
        (MAIN, "D"): translate("KeyNotes", "In Contact points: mark the number do-not-call"),
        (MAIN, "P"): translate("KeyNotes", "In Contact points: make the number preferred"),
        (MAIN, "C"): translate("KeyNotes", "In Contact points: call the selected number"),
        (MAIN, "M"): translate(
            "KeyNotes", "In Contact points: the holder agreed to messages (again: taken back)"
        ),
        (MAIN, "E"): translate("KeyNotes", "In Contacts: correct the selected contact"),
        (MAIN, "Ctrl+I"): translate("KeyNotes", "Show the full ID number (audited)"),
        (MAIN, "Ctrl+Return"): translate("KeyNotes", "In the call guide: log the call"),
        (MAIN, "Ctrl+Enter"): translate("KeyNotes", "In the call guide: log the call"),
        (TEAM, "F5"): translate("KeyNotes", "Numbers: read the team's figures again"),
        (LOG, "Ctrl+Return"): translate("KeyNotes", "Save and go to the next case"),
        (LOG, "Ctrl+Enter"): translate("KeyNotes", "Save and go to the next case"),
        (LOG, "Ctrl+S"): translate("KeyNotes", "Save and stay on this case"),
        (PLAN, "Ctrl+Return"): translate("KeyNotes", "Agree the plan"),
        (PLAN, "Ctrl+Enter"): translate("KeyNotes", "Agree the plan"),
        (MESSAGE, "Ctrl+Return"): translate("KeyNotes", "Queue the message to be sent"),
        (MESSAGE, "Ctrl+Enter"): translate("KeyNotes", "Queue the message to be sent"),
        (BULK_MESSAGE, "Ctrl+Return"): translate("KeyNotes", "Send to every case found"),
        (BULK_MESSAGE, "Ctrl+Enter"): translate("KeyNotes", "Send to every case found"),
        (BULK_MESSAGE, "F5"): translate("KeyNotes", "Read how the send goes again"),
        (TEAM_CORRECTIONS, "E"): translate(
            "KeyNotes", "In the case's contacts: correct the selected contact"
        ),
    }
    if screen == MAIN and keys.startswith("Alt+") and keys[4:].isdigit():
        return translate("KeyNotes", "In the call guide: the customer's objection")
    if screen == MAIN and keys.isdigit():
        return translate("KeyNotes", "In the call guide: the customer's answer")
    return words.get((screen, keys))


def notes(screen: str) -> list[tuple[str, str]]:
    """Keys no shortcut object stands for: (keys as shown, what they do)."""
    esc_closes = (
        "Esc",
        translate("KeyNotes", "Close (what was typed in the log stays as a draft)"),
    )
    table = {
        MAIN: [
            ("↑ ↓  PgUp PgDn", translate("KeyNotes", "Move through the queue; the case opens")),
            (
                "Home  End,  Ctrl+Home  Ctrl+End",
                translate("KeyNotes", "Go to the first or the last case"),
            ),
            ("Enter", translate("KeyNotes", "In the search field: search")),
            ("L 1 Enter", translate("KeyNotes", "No answer, next case")),
            ("Ctrl+Shift+O", translate("KeyNotes", "Reminder: open its case")),
            ("Ctrl+Shift+S", translate("KeyNotes", "Reminder: snooze it")),
            ("F7", translate("KeyNotes", "Phone: answer the incoming call")),
            ("F8", translate("KeyNotes", "Phone: mute or unmute")),
            ("F10", translate("KeyNotes", "Phone: hang up")),
            ("Ctrl+Shift+D", translate("KeyNotes", "Preview dialing on or off")),
            ("F11", translate("KeyNotes", "Preview dialing: skip to the next case")),
            ("Esc", translate("KeyNotes", "Preview dialing: pause the countdown")),
        ],
        TEAM: [
            ("Ctrl+Tab", translate("KeyNotes", "Next tab: Workload, Approvals, Numbers")),
            ("Esc", translate("KeyNotes", "Close the team desk")),
        ],
        LOG: [
            ("1 … 9, 0", translate("KeyNotes", "Pick the outcome (in the outcome list)")),
            ("Enter", translate("KeyNotes", "In the outcome list: save and go to the next case")),
            ("Tab", translate("KeyNotes", "Outcome, note, promise, then the rarer fields")),
            esc_closes,
        ],
        PLAN: [
            ("Enter", translate("KeyNotes", "Calculate the plans")),
            ("Esc", translate("KeyNotes", "Close without agreeing")),
        ],
        LEGAL: [("Esc", translate("KeyNotes", "Close without a change"))],
        MESSAGE: [
            ("↑ ↓", translate("KeyNotes", "In the templates: choose one; the preview follows")),
            ("Esc", translate("KeyNotes", "Close without sending")),
        ],
        FLAGS: [("Esc", translate("KeyNotes", "Close without a change"))],
        BULK_MESSAGE: [
            ("Esc", translate("KeyNotes", "Close (a send goes on in the central store)")),
        ],
        CORRECTION: [
            ("Enter", translate("KeyNotes", "Correct (the why is required)")),
            ("Esc", translate("KeyNotes", "Close without a change")),
        ],
        TEAM_CORRECTIONS: [
            ("Enter", translate("KeyNotes", "In the case reference: show its contacts")),
            (
                "Enter",
                translate("KeyNotes", "In the case's contacts: correct the selected contact"),
            ),
            ("Esc", translate("KeyNotes", "Close")),
        ],
    }
    return table.get(screen, [])


def screen_title(screen: str) -> str:
    return {
        MAIN: translate("KeyNotes", "The queue and the case"),
        TEAM: translate("KeyNotes", "The team desk"),
        LOG: translate("KeyNotes", "The contact log"),
        PLAN: translate("KeyNotes", "The repayment plan"),
        LEGAL: translate("KeyNotes", "Legal"),
        FLAGS: translate("KeyNotes", "Flags"),
        CORRECTION: translate("KeyNotes", "Correcting a contact"),
        TEAM_CORRECTIONS: translate("KeyNotes", "A team member's contacts"),
        MESSAGE: translate("KeyNotes", "A message to the customer"),
        BULK_MESSAGE: translate("KeyNotes", "Messaging the cases found"),
    }[screen]
