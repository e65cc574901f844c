"""Languages: our catalog plus Qt's own, installed on the application and switchable live."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from collector_desk.config.resources import resource

# The source strings are English; Simplified Chinese ships as a compiled catalog, and English
# as one of plural forms only.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"


def system_language() -> str:
    locale = QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return DEFAULT_LANGUAGE


def normalize(lang: str | None) -> str:
    if not lang:
        return system_language()
    lang = lang.replace("-", "_")
    if lang in LANGUAGES:
        return lang
    if lang.lower().startswith("zh"):
        return "zh_CN"
    return DEFAULT_LANGUAGE


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = DEFAULT_LANGUAGE
        self._installed: list[QTranslator] = []

    def set_language(self, lang: str | None) -> str:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = normalize(lang)
        # English has a catalog too, of plural forms only: "%n case(s)" reads "1 case"
        ours = QTranslator(self.app)
        path = resource("translations", f"collector_desk_{self.language}.qm")
        if not ours.load(str(path)):
            raise FileNotFoundError(f"translation catalog missing: {path.name}")
        if self.language != DEFAULT_LANGUAGE:
            qt = QTranslator(self.app)
            if qt.load(
                f"qtbase_{self.language}",
                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            ):
                self._installed.append(qt)
        self._installed.append(ours)
        for translator in self._installed:
            self.app.installTranslator(translator)
        return self.language
