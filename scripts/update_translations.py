"""Refresh the translation catalogs from the sources, then compile them.

    uv run python scripts/update_translations.py

lupdate adds new strings to resources/translations/*.ts as unfinished and marks vanished ones
obsolete; translators fill them in with `pyside6-linguist`; lrelease writes the .qm files the app
loads. tests/ui/common/test_translations.py fails while a catalog is stale or incomplete.

Plural forms: a string with "%n" is translated per count ("1 case" / "3 cases"). PySide's lupdate
marks such strings plural only for `self.tr(text, "", n)`, not for `QCoreApplication.translate`
with a count, and on each run it would drop the plural forms already translated; so this script
keeps them and marks every "%n" string plural itself. The English catalog holds only these: the
source strings are English already, but only a catalog can choose between singular and plural.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "collector_desk" / "ui").rglob("*.py"))
CATALOGS = sorted((ROOT / "resources" / "translations").glob("*.ts"))
PLURAL_FORMS = {"zh_CN": 1}  # how many forms a language has; 2 (one, other) otherwise
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _plural_messages(tree: ET.ElementTree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if "%n" in (message.findtext("source") or ""):
                yield (name, message.findtext("source"), message.findtext("comment")), message


def translated_plurals(ts: Path) -> dict[tuple, list[str]]:
    """The plural forms already translated in a catalog."""
    saved = {}
    for key, message in _plural_messages(ET.parse(ts)):
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if translation.get("type") is None and forms and all(forms):
            saved[key] = forms
    return saved


def mark_plurals(ts: Path, saved: dict[tuple, list[str]], plurals_only: bool) -> None:
    tree = ET.parse(ts)
    if plurals_only:
        for context in list(tree.getroot().iter("context")):
            for message in list(context.iter("message")):
                if "%n" not in (message.findtext("source") or ""):
                    context.remove(message)
            if context.find("message") is None:
                tree.getroot().remove(context)
    count = PLURAL_FORMS.get(tree.getroot().get("language", ""), 2)
    for key, message in _plural_messages(tree):
        message.set("numerus", "yes")
        translation = message.find("translation")
        translation.clear()
        forms = saved.get(key)
        if forms is None:
            translation.set("type", "unfinished")
        translation.text = "\n            "
        for index, text in enumerate(forms or [""] * count):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
            form.tail = (
                "\n        " if index == (len(forms or []) or count) - 1 else "\n            "
            )
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(HEADER + body + "\n", encoding="utf-8")


def main() -> int:
    bin_dir = Path(sys.executable).parent
    for ts in CATALOGS:
        saved = translated_plurals(ts)
        subprocess.run(
            [bin_dir / "pyside6-lupdate", "-no-obsolete", *SOURCES, "-ts", ts],
            cwd=ROOT,
            check=True,
        )
        mark_plurals(ts, saved, plurals_only=ts.stem.endswith("_en"))
        subprocess.run(
            [bin_dir / "pyside6-lrelease", ts, "-qm", ts.with_suffix(".qm")], cwd=ROOT, check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
