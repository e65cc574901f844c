"""How long work reports how far it has come: the cache's encryption, the demo's build, and
the UI's progress dialog that shows either."""

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (steps done, steps in all)
# (stage, done, total or None while unknown): long jobs that pass through named stages, such as
# an import's reading, checking and merging
StageProgress = Callable[[str, int, int | None], None]
