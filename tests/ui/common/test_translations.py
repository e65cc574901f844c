"""The catalogs must be complete and match the sources (scripts/update_translations.py), and a
count reads as a person writes it in each language ("1 case", "3 cases", "3 件")."""

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from collector_desk.ui.common.i18n import Translations

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "resources" / "translations"
CATALOG = FOLDER / "collector_desk_zh_CN.ts"
ENGLISH = FOLDER / "collector_desk_en.ts"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message
    return out


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [(f.text or "").strip() for f in translation.iter("numerusform")]
    return [(translation.text or "").strip()]


def _unfinished(ts: Path) -> list:
    return [
        key
        for key, message in _messages(ts).items()
        if message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}
        or not all(_texts(message))
    ]


def test_every_string_has_a_chinese_translation():
    assert _unfinished(CATALOG) == []


def test_every_count_has_its_english_singular_and_plural():
    messages = _messages(ENGLISH)
    assert messages, "the English catalog holds the plural forms"
    assert _unfinished(ENGLISH) == []
    for (_, source), message in messages.items():
        one, other = _texts(message)
        assert "%n" in source and "%n" in one and "%n" in other and one != other
        assert "(s)" not in one + other


def test_every_count_in_the_sources_is_a_plural_in_both_catalogs():
    counted = {key for key in _messages(CATALOG) if "%n" in key[1]}
    assert counted == set(_messages(ENGLISH))
    assert all(_messages(CATALOG)[key].get("numerus") == "yes" for key in counted)


def test_catalogs_hold_exactly_the_strings_in_the_sources(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "update", ROOT / "scripts" / "update_translations.py"
    )
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    sources = sorted(str(p) for p in (ROOT / "collector_desk" / "ui").rglob("*.py"))
    for catalog in (CATALOG, ENGLISH):
        fresh = tmp_path / catalog.name
        shutil.copy(catalog, fresh)
        subprocess.run(
            [BIN / "pyside6-lupdate", "-no-obsolete", *sources, "-ts", fresh],
            check=True,
            capture_output=True,
        )
        update.mark_plurals(fresh, {}, plurals_only=catalog is ENGLISH)
        assert set(_messages(fresh)) == set(_messages(catalog)), catalog.name


@pytest.mark.parametrize("catalog", [CATALOG, ENGLISH], ids=["zh_CN", "en"])
def test_compiled_catalog_is_current(tmp_path, catalog):
    qm = tmp_path / "out.qm"
    subprocess.run([BIN / "pyside6-lrelease", catalog, "-qm", qm], check=True, capture_output=True)
    assert qm.read_bytes() == catalog.with_suffix(".qm").read_bytes()


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("en", "1 case matches.", "3 cases match."),
        ("zh_CN", "符合条件的案件：1 件。", "符合条件的案件：3 件。"),
    ],
)
def test_a_count_reads_as_the_language_writes_it(qapp, language, one, three):
    translations = Translations(qapp)
    try:
        translations.set_language(language)
        text = lambda n: QCoreApplication.translate("TeamWindow", "%n case(s) match.", None, n)  # noqa: E731
        assert (text(1), text(3)) == (one, three)
        days = QCoreApplication.translate("DetailPane", "%n day(s) past due", None, 1)
        assert days == ("1 day past due" if language == "en" else "逾期 1 天")
    finally:
        translations.set_language("en")
