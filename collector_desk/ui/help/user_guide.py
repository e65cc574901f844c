"""Help → User guide: the short guide shipped in resources/guide, in the interface's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from collector_desk.config.resources import resource
from collector_desk.ui.common.i18n import DEFAULT_LANGUAGE

translate = QCoreApplication.translate


def guide_path(language: str) -> Path:
    path = resource("guide", f"user_guide.{language}.md")
    return path if path.is_file() else resource("guide", f"user_guide.{DEFAULT_LANGUAGE}.md")


class UserGuide(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("UserGuide", "Collector Desk user guide"))
        self.text = QTextBrowser(self)
        self.text.setObjectName("guideText")
        self.text.setAccessibleName(translate("UserGuide", "User guide"))
        self.text.setMarkdown(guide_path(language).read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 720)
