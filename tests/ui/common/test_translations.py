"""The Chinese catalog must be complete and match the sources (scripts/update_translations.py)."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "resources" / "translations" / "collector_desk_zh_CN.ts"
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
        if tr.get("type") in {"unfinished", "vanished", "obsolete"} or not (tr.text or "").strip()
    ]
    assert unfinished == []


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


def test_compiled_catalog_is_current(tmp_path):
    qm = tmp_path / "zh.qm"
    subprocess.run([BIN / "pyside6-lrelease", CATALOG, "-qm", qm], check=True, capture_output=True)
    assert qm.read_bytes() == CATALOG.with_suffix(".qm").read_bytes()
