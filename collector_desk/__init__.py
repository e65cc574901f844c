"""Collector Desk: a desktop workstation for credit-card collections call centers."""

import time
from importlib.metadata import PackageNotFoundError, version

# When the app's own code began: the log says how long a start took to its first rows (issue 22)
STARTED = time.perf_counter()

try:
    __version__ = version("collector-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
