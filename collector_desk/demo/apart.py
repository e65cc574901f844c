"""A big demo portfolio built in a process of its own.

Building a million cases leaves the process that wrote them about 100 MB heavier for good
(freed rows and statements the allocator keeps), and the window's process would carry that
for the whole session: at a million cases its first start peaked at 332 MB against 258 MB for
every start after it. Built apart, that memory goes back to the system when the builder ends,
and the window's process only follows its progress. The builder starts the case makers itself,
as build_demo_portfolio always does."""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path

from collector_desk.demo.portfolio import DemoOptions, build_demo_portfolio
from collector_desk.domain.progress import Progress


class BuildFailed(RuntimeError):
    """The builder could not make the portfolio; the message is its error's (no personal data)."""


def build_apart(path: Path, options: DemoOptions, progress: Progress) -> None:
    """build_demo_portfolio(path, options) in a child process, its progress reported here. An
    exception from progress (the user cancelled) stops the builder, which leaves no portfolio
    behind (build_demo_portfolio writes a side file and renames it only when complete)."""
    # spawn: the same on Linux and Windows, and no copy of the window's process
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    # not a daemon: a daemon may not start the case makers
    builder = context.Process(
        target=_build, args=(str(path), options, theirs), name="collector-desk-demo-builder"
    )
    builder.start()
    theirs.close()
    finished = False
    try:
        while True:
            try:
                kind, *details = ours.recv()
            except EOFError:
                break
            if kind == "progress":
                progress(*details)
            elif kind == "failed":
                raise BuildFailed(details[0])
            else:
                finished = True
                break
    finally:
        ours.close()
        if not finished and builder.is_alive():
            builder.terminate()
        builder.join()
    if not finished or builder.exitcode != 0:
        raise BuildFailed(f"the portfolio's builder ended with exit code {builder.exitcode}")


def _build(path: str, options: DemoOptions, parent: Connection) -> None:
    try:
        build_demo_portfolio(
            Path(path), options, lambda done, total: parent.send(("progress", done, total))
        )
    except Exception as exc:
        parent.send(("failed", f"{type(exc).__name__}: {exc}"))
        raise SystemExit(1) from exc
    parent.send(("done",))
    parent.close()
