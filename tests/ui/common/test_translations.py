"""The catalogs must be complete and match the sources (scripts/update_translations.py): the
Chinese one every string, the English one every plural ("1 case", "3 cases")."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "resources" / "translations" / "collector_desk_zh_CN.ts"
PLURALS = ROOT / "resources" / "translations" / "collector_desk_en.ts"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def test_every_string_has_a_chinese_translation():
    unfinished = [
        key
        for key, tr in _messages(CATALOG).items()
        if tr.get("type") in {"unfinished", "vanished", "obsolete"} or not _filled(tr)
    ]
    assert unfinished == []


def _filled(tr: ET.Element) -> bool:
    forms = [form.text for form in tr.iter("numerusform")] or [tr.text]
    return all((form or "").strip() for form in forms)


def test_every_plural_has_its_english_forms():
    plurals = _messages(PLURALS)
    assert plurals, "the sources have %n strings"
    for (_context, source), tr in plurals.items():
        assert "%n" in source
        assert tr.get("type") is None and _filled(tr)
        assert len(list(tr.iter("numerusform"))) == 2  # one, other


def test_english_catalog_holds_exactly_the_plurals_in_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(PLURALS, fresh)
    sources = sorted(str(p) for p in (ROOT / "collector_desk" / "ui").rglob("*.py"))
    subprocess.run(
        [BIN / "pyside6-lupdate", "-no-obsolete", "-pluralonly", *sources, "-ts", fresh],
        check=True,
        capture_output=True,
    )
    assert set(_messages(fresh)) == set(_messages(PLURALS))


def test_catalog_holds_exactly_the_strings_in_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(CATALOG, fresh)
    sources = sorted(str(p) for p in (ROOT / "collector_desk" / "ui").rglob("*.py"))
    subprocess.run(
        [BIN / "pyside6-lupdate", "-no-obsolete", *sources, "-ts", fresh],
        check=True,
        capture_output=True,
    )
    assert set(_messages(fresh)) == set(_messages(CATALOG))


@pytest.mark.parametrize("catalog", [CATALOG, PLURALS], ids=["zh_CN", "en"])
def test_compiled_catalog_is_current(tmp_path, catalog):
    qm = tmp_path / "catalog.qm"
    subprocess.run([BIN / "pyside6-lrelease", catalog, "-qm", qm], check=True, capture_output=True)
    assert qm.read_bytes() == catalog.with_suffix(".qm").read_bytes()
