"""Where resources/ lives: beside the package in a source tree, inside it when installed."""

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def resources_dir() -> Path:
    candidates = [
        _PACKAGE / "_resources",  # wheel: hatch force-includes resources/ here
        _PACKAGE.parent / "resources",  # source tree and editable installs
    ]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for candidate in candidates:
        if (candidate / "config").is_dir():
            return candidate
    raise FileNotFoundError("Collector Desk resources are missing from this installation")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
