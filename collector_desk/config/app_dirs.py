"""Where Collector Desk keeps its files on this computer, by the platform's conventions.

Linux: ~/.local/share, ~/.config and ~/.local/state (or the XDG_* folders); Windows:
%LOCALAPPDATA%\\collector-desk. `collector-desk info` prints them for IT.
"""

from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP = "collector-desk"


def data_dir() -> Path:
    """Caches, their salts, the last good scripts; the demo under demo/."""
    return Path(user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """Settings a user or IT may edit (security.toml overrides) and the remembered layout."""
    return Path(user_config_dir(APP, appauthor=False))


def log_dir() -> Path:
    """Rotating logs and crash reports, free of personal data."""
    return Path(user_log_dir(APP, appauthor=False))
