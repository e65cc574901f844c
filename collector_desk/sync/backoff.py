"""When to try again after a failed sync: exponential, capped, with full jitter so a room of
desktops coming back online does not hit the server in step."""

import random

BASE_S = 2.0
CAP_S = 300.0


def retry_delay(failures: int, rng: random.Random | None = None) -> float:
    """Seconds to wait after `failures` consecutive failures (1 or more)."""
    if failures < 1:
        return 0.0
    ceiling = min(CAP_S, BASE_S * 2 ** (failures - 1))
    return (rng or random).uniform(ceiling / 2, ceiling)
