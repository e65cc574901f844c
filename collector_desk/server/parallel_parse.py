"""Checking a big file's lines on every core while the main process reads and stages them.

Checking a line (phone numbers above all) costs several times what reading and staging it does,
so one process would leave the other cores idle for most of a million-line import. Lines go to
worker processes in chunks, at most a few chunks ahead of the staging, so memory stays bounded
however far the reading could run ahead; results come back in file order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

Row = TypeVar("Row")
Parsed = TypeVar("Parsed")

CHUNK = 4_000  # lines a worker checks per task: large enough that pickling is noise


def _check_chunk(
    parse: Callable[[int, Row], Parsed], chunk: list[tuple[int, Row]]
) -> list[tuple[int, Parsed]]:
    return [(number, parse(number, row)) for number, row in chunk]


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def parse_in_parallel(
    rows: Iterable[tuple[int, Row]],
    parse: Callable[[int, Row], Parsed],
    workers: int | None = None,
) -> Iterator[tuple[int, Parsed]]:
    """(number, parse(number, row)) for each row, in order. `parse` must be picklable (a
    module-level function or an instance of a module-level class). A file of one chunk or
    less, or one worker, is checked in this process: starting workers costs a second."""
    workers = workers or default_workers()
    iterator = iter(rows)
    first = list(islice(iterator, CHUNK))
    rest = list(islice(iterator, 1))
    if workers < 2 or not rest:
        for number, row in chain(first, rest, iterator):
            yield number, parse(number, row)
        return
    # spawn: the same on Linux and Windows, and no copy of the parent's database connections
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future] = deque([pool.submit(_check_chunk, parse, first)])
        carry = rest
        while True:
            chunk = carry + list(islice(iterator, CHUNK - len(carry)))
            carry = []
            if chunk:
                pending.append(pool.submit(_check_chunk, parse, chunk))
            if not pending:
                return
            if len(pending) > 2 * workers or not chunk:
                yield from pending.popleft().result()
