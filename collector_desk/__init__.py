"""Collector Desk: a desktop workstation for credit-card collections call centers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("collector-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
