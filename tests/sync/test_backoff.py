import random

from hypothesis import given, settings
from hypothesis import strategies as st

from collector_desk.sync.backoff import CAP_S, retry_delay


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=2**32))
def test_delay_grows_within_bounds_and_never_passes_the_cap(failures, seed):
    delay = retry_delay(failures, random.Random(seed))
    ceiling = min(CAP_S, 2.0 * 2 ** (failures - 1))
    assert ceiling / 2 <= delay <= ceiling <= CAP_S


def test_jitter_spreads_a_room_of_desktops():
    delays = {round(retry_delay(5, random.Random(seed)), 3) for seed in range(50)}
    assert len(delays) > 40
