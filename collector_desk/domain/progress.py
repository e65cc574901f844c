"""How long work reports how far it has come: the cache's encryption, the demo's build, and
the UI's progress dialog that shows either."""

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (steps done, steps in all)
