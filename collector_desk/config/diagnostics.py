"""Logs and crash reports that a user can send to IT without sending anyone's personal data.

Our own log messages carry ids and counts, never names, numbers or notes (README.md, "Logs"). The
scrubber is the second line: exception texts from libraries can quote the values they choke on,
so every message and report passes through it before it reaches a file.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import re
import sys
import traceback
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

LOG_NAME = "collector-desk.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5  # six files of 1 MB at most
FATAL_NAME = "fatal.log"  # Python frames of a hard crash (faulthandler): code only, no values

_SCRUBS = [
    # SQLAlchemy quotes a failed statement's parameters; engines hide them too (store.engine)
    (re.compile(r"\[parameters: .*?\]", re.S), "[parameters hidden]"),
    (re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""), "'…'"),  # quoted values
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[email]"),
    # phone, ID, card numbers and birth dates: seven or more digits, with the separators
    # people type between them; case and user ids (six digits at most) stay readable
    (re.compile(r"\+?\d(?:[ \-().]?\d){6,}[\dXx]?"), "[number]"),
    # names, addresses and notes in Chinese: our own messages are English
    (re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+"), "[text]"),
]


def scrub(text: str) -> str:
    """The text with quoted values, e-mail addresses, long numbers and CJK text taken out."""
    for pattern, replacement in _SCRUBS:
        text = pattern.sub(replacement, text)
    return text


class NoPersonalData(logging.Filter):
    """Scrubs each record's message and traceback before a handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = scrub_traceback(*record.exc_info)
            record.exc_info = None
        return True


def scrub_traceback(
    kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
) -> str:
    return scrub("".join(traceback.format_exception(kind, error, tb)).rstrip())


def start_logging(
    folder: Path, level: int = logging.INFO, max_bytes: int = LOG_BYTES
) -> RotatingFileHandler:
    """Rotating, scrubbed logs in the platform's log folder, on the root logger."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / LOG_NAME, maxBytes=max_bytes, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.addFilter(NoPersonalData())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return handler


_fatal_file: IO[str] | None = None


def record_hard_crashes(folder: Path) -> None:
    """A segfault or abort in Qt or SQLite leaves the Python frames (code, no values) in
    fatal.log, where no exception hook can reach."""
    global _fatal_file
    if _fatal_file is None:
        folder.mkdir(parents=True, exist_ok=True)
        _fatal_file = (folder / FATAL_NAME).open("a", encoding="utf-8")
        faulthandler.enable(_fatal_file)


def write_crash_report(
    folder: Path,
    kind: type[BaseException],
    error: BaseException | None,
    tb: TracebackType | None,
    versions: dict[str, str],
) -> Path:
    """A report to send to IT: versions, platform and the scrubbed traceback."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    path = folder / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    lines = [
        "Collector Desk crash report (no personal data: values are scrubbed)",
        f"time (UTC): {now:%Y-%m-%d %H:%M:%S}",
        f"platform: {platform.platform()}",
        f"python: {sys.version.split()[0]}",
        *(f"{name}: {version}" for name, version in versions.items()),
        "",
        scrub_traceback(kind, error, tb),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
