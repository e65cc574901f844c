"""A big demo portfolio is built in a process of its own: the same portfolio, its progress
reported to the window's process, and a failure told with its reason."""

import sqlite3

import pytest

from collector_desk.demo.apart import BuildFailed, build_apart
from collector_desk.demo.portfolio import DemoOptions, build_demo_portfolio


def _cases(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT case_ref, balance_minor FROM cases ORDER BY id").fetchall()


def test_built_apart_it_is_the_same_portfolio_and_its_progress_arrives(tmp_path):
    options = DemoOptions(cases=40, seed=7, chunk=10)
    reported = []
    build_apart(tmp_path / "apart.sqlite", options, lambda done, total: reported.append(done))
    build_demo_portfolio(tmp_path / "here.sqlite", options)
    assert _cases(tmp_path / "apart.sqlite") == _cases(tmp_path / "here.sqlite")
    assert len(_cases(tmp_path / "apart.sqlite")) == 40
    assert reported == [10, 20, 30, 40]


def test_a_builder_that_cannot_write_says_why_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BuildFailed, match=r"FileExistsError|NotADirectoryError"):
        build_apart(blocker / "portfolio.sqlite", DemoOptions(cases=10, seed=1), lambda d, t: None)
    assert not list(tmp_path.glob("**/*.sqlite*"))
