"""When to try again after a failed sync: exponential, capped, with equal jitter (a delay drawn
between half the ceiling and the ceiling), so a room of desktops coming back online does not hit
the server in step, and none of them retries at once."""

import random

BASE_S = 2.0
CAP_S = 300.0


def retry_delay(failures: int, rng: random.Random | None = None) -> float:
    """Seconds to wait after `failures` consecutive failures (1 or more)."""
    if failures < 1:
        return 0.0
    ceiling = min(CAP_S, BASE_S * 2 ** (failures - 1))
    return (rng or random).uniform(ceiling / 2, ceiling)
