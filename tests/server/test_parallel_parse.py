"""A big file's lines are checked in every worker and come back complete and in file order."""

from __future__ import annotations

import operator

import pytest

from collector_desk.server.parallel_parse import CHUNK, parse_in_parallel


@pytest.mark.parametrize("workers", [1, 2])
def test_every_line_of_a_file_longer_than_a_chunk_is_checked_in_order(workers: int) -> None:
    lines = 2 * CHUNK + 17
    rows = ((number, number * 10) for number in range(2, lines + 2))

    checked = list(parse_in_parallel(rows, operator.add, workers=workers))

    assert [number for number, _ in checked] == list(range(2, lines + 2))
    assert all(result == number * 11 for number, result in checked)


def test_a_file_of_one_line_is_checked() -> None:
    assert list(parse_in_parallel(iter([(2, 5)]), operator.add, workers=4)) == [(2, 7)]
