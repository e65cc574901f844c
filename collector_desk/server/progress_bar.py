"""An import's stages as progress bars on the admin's terminal (nothing when it is not one:
a cron job's log gets the summary, not a thousand carriage returns)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from tqdm import tqdm

from collector_desk.domain.progress import StageProgress

STAGES = {"reading": "reading and checking", "merging": "merging", "scoring": "scoring"}


def terminal_progress() -> tuple[StageProgress, Callable[[], None]]:
    """A StageProgress drawing one bar per stage, and the function that closes them."""
    bars: dict[str, tqdm] = {}

    def report(stage: str, done: int, total: int | None) -> None:
        bar = bars.get(stage)
        if bar is None:
            unit = " lines" if stage == "reading" else " cases" if stage == "scoring" else " steps"
            bar = bars[stage] = tqdm(
                desc=STAGES.get(stage, stage), total=total, unit=unit, disable=None, file=sys.stderr
            )
        if total is not None and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    def close() -> None:
        for bar in bars.values():
            bar.close()

    return report, close
