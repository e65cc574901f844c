"""Refresh the translation catalogs from the sources, then compile them.

    uv run python scripts/update_translations.py

lupdate adds new strings to resources/translations/*.ts as unfinished and marks vanished ones
obsolete; translators fill them in with `pyside6-linguist`; lrelease writes the .qm files the app
loads. tests/ui/common/test_translations.py fails while a catalog is stale or incomplete.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "collector_desk" / "ui").rglob("*.py"))
CATALOGS = sorted((ROOT / "resources" / "translations").glob("*.ts"))


def main() -> int:
    bin_dir = Path(sys.executable).parent
    for ts in CATALOGS:
        subprocess.run(
            [bin_dir / "pyside6-lupdate", "-no-obsolete", *SOURCES, "-ts", ts], cwd=ROOT, check=True
        )
        subprocess.run(
            [bin_dir / "pyside6-lrelease", ts, "-qm", ts.with_suffix(".qm")], cwd=ROOT, check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
