"""Refresh the translation catalogs from the sources, then compile them.

    uv run python scripts/update_translations.py

lupdate adds new strings to resources/translations/*.ts as unfinished and marks vanished ones
obsolete (the English catalog holds only the plural forms: "%n case(s)" reads "1 case");
translators fill them in with `pyside6-linguist`; lrelease writes the .qm files the app loads.
tests/ui/common/test_translations.py fails while a catalog is stale or incomplete.

lupdate finds a plural only in self.tr(source, "", count) with the count a plain name.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "collector_desk" / "ui").rglob("*.py"))
CATALOGS = sorted((ROOT / "resources" / "translations").glob("*.ts"))
# English is the source language: its catalog only says "1 case" and "3 cases" for "%n case(s)"
PLURALS_ONLY = {"collector_desk_en.ts"}


def main() -> int:
    bin_dir = Path(sys.executable).parent
    for ts in CATALOGS:
        only = ["-pluralonly"] if ts.name in PLURALS_ONLY else []
        subprocess.run(
            [bin_dir / "pyside6-lupdate", "-no-obsolete", *only, *SOURCES, "-ts", ts],
            cwd=ROOT,
            check=True,
        )
        subprocess.run(
            [bin_dir / "pyside6-lrelease", ts, "-qm", ts.with_suffix(".qm")], cwd=ROOT, check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
