"""Logs and crash reports a user can send without sending a customer's data."""

import logging
import sys

import pytest
from faker import Faker
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from collector_desk.config import app_dirs
from collector_desk.config.diagnostics import (
    LOG_BACKUPS,
    LOG_NAME,
    scrub,
    start_logging,
    write_crash_report,
)
from collector_desk.store.shared.engine import make_engine


@pytest.fixture
def person():
    fake = Faker("zh_CN")
    fake.seed_instance(7)
    return {
        "name": fake.name(),
        "phone": "+86 138-0013-8000",
        "id_number": fake.ssn(),
        "card": "6222 0212 3456 7890",
        "email": "wang.fang@example.com",
        "latin": "Ryan Rodriguez",
    }


def _leaks(text, person):
    return [key for key, value in person.items() if value in text]


def test_scrub_takes_out_names_numbers_and_quoted_values(person):
    message = (
        f"cannot parse '{person['latin']}' from {person['name']} at {person['phone']}, "
        f"ID {person['id_number']}, card {person['card']}, mail {person['email']}"
    )
    scrubbed = scrub(message)
    assert _leaks(scrubbed, person) == []
    assert scrubbed.startswith("cannot parse '…' from [text] at [number]")


def test_scrub_keeps_what_support_needs():
    message = "case 123456 of user 42: sync pushed 17 facts in 2.5 s (HTTP 503)"
    assert scrub(message) == message


@pytest.fixture
def logs(tmp_path):
    folder = tmp_path / "logs"
    handler = start_logging(folder, max_bytes=2_000)
    yield folder
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_log_lines_carry_no_personal_data(logs, person):
    log = logging.getLogger("collector_desk.test")
    log.warning("import row refused: %s %s", person["name"], person["phone"])
    try:
        raise ValueError(f"bad id {person['id_number']!r} for {person['latin']!r}")
    except ValueError:
        log.exception("case 17 not saved")
    written = (logs / LOG_NAME).read_text(encoding="utf-8")
    assert "import row refused: [text] [number]" in written
    assert "case 17 not saved" in written and "ValueError" in written
    assert _leaks(written, person) == []


def test_logs_rotate_within_their_budget(logs):
    log = logging.getLogger("collector_desk.test")
    for i in range(400):
        log.info("sync round %d pushed 3 facts and pulled 12 changes", i)
    files = list(logs.iterdir())
    assert logs / LOG_NAME in files
    assert len(files) == LOG_BACKUPS + 1  # the live file and its backups, no more
    assert all(f.stat().st_size <= 2_000 for f in files)
    assert "sync round 399 " in (logs / LOG_NAME).read_text(encoding="utf-8")


def test_a_database_error_in_a_report_hides_the_row(tmp_path, person):
    engine = make_engine(f"sqlite+pysqlite:///{tmp_path / 'c.sqlite'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE people (id_number TEXT UNIQUE, name TEXT)"))
        conn.execute(text("INSERT INTO people VALUES (:i, :n)"), {"i": "1", "n": "x"})
    try:
        with engine.begin() as conn:
            row = {"i": "1", "n": person["name"] + person["latin"]}
            conn.execute(text("INSERT INTO people VALUES (:i, :n)"), row)
    except IntegrityError:
        report = write_crash_report(tmp_path / "logs", *sys.exc_info(), {"collector-desk": "t"})
    content = report.read_text(encoding="utf-8")
    assert "IntegrityError" in content and "UNIQUE constraint failed" in content
    assert _leaks(content, person) == []
    # a plain engine would have put the row in the error: that is what hide_parameters stops
    plain = create_engine(f"sqlite+pysqlite:///{tmp_path / 'c.sqlite'}")
    with pytest.raises(IntegrityError) as raised, plain.begin() as conn:
        conn.execute(text("INSERT INTO people VALUES (:i, :n)"), row)
    assert person["latin"] in str(raised.value)


def test_paths_follow_the_platform(tmp_path):
    assert app_dirs.log_dir().is_relative_to(tmp_path)  # XDG_STATE_HOME, set per test
    assert app_dirs.config_dir().is_relative_to(tmp_path)
    assert app_dirs.data_dir().is_relative_to(tmp_path)
