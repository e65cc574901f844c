"""Help → About: what IT asks for first, selectable so it can be copied into a ticket."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from collector_desk.sync.installation import Installation

translate = QCoreApplication.translate


def about_rows(facts: Installation, server: str) -> list[tuple[str, str]]:
    schema = facts.cache_head
    if facts.cache_revision is not None and facts.cache_revision != facts.cache_head:
        schema = translate("About", "%1 (this cache: %2)").replace("%1", schema)
        schema = schema.replace("%2", facts.cache_revision)
    keyring = facts.keyring
    if not facts.keyring_real:
        keyring += " " + translate("About", "(none: the cache asks for the password)")
    return [
        (translate("About", "Version"), facts.version),
        (translate("About", "Cache schema"), schema),
        (translate("About", "Server"), server or translate("About", "none: working offline")),
        (translate("About", "Keyring"), keyring),
        (translate("About", "Logs"), str(facts.logs)),
    ]


class AboutDialog(QDialog):
    def __init__(self, facts: Installation, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("About", "About Collector Desk"))
        self.rows = about_rows(facts, server)
        cells = "".join(
            f"<tr><td style='white-space:nowrap'><b>{html.escape(name)}</b></td>"
            f"<td>{html.escape(value)}</td></tr>"
            for name, value in self.rows
        )
        note = translate("About", "Logs hold no personal data: send them to IT with a problem.")
        self.text = QLabel(
            f"<h2>Collector Desk</h2><table cellpadding='3'>{cells}</table>"
            f"<p>{html.escape(note)}</p>",
            self,
        )
        self.text.setObjectName("aboutText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)  # a row's caption on one line; a long log folder wraps
