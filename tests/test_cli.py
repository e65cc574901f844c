"""The real program, run as a user would run it."""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from collector_desk import __version__


def _keyed(data, username="demo"):
    """A connection to a demo user's encrypted cache, with the key the demo derives."""
    from collector_desk.store.shared.engine import keyed_connect
    from collector_desk.ui.shell.demo_desks import demo_cache_path, demo_key

    return keyed_connect(demo_cache_path(data, username), demo_key(data, username))


def _run(*args, extra_env=None, **kwargs):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "collector_desk.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def test_version_and_help():
    result = _run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout
    result = _run("demo", "--help")
    assert result.returncode == 0
    assert "--screenshot" in result.stdout and "--cases" in result.stdout


def test_bad_arguments_are_refused_with_a_message():
    result = _run("demo", "--cases", "0")
    assert result.returncode == 2
    assert "--cases" in result.stderr
    result = _run("demo", "--view", "numbers")
    assert result.returncode == 2
    assert "--as lead" in result.stderr


def test_demo_screenshot_shows_the_queue_and_logs_no_personal_data(tmp_path):
    shot = tmp_path / "shot.png"
    result = _run(
        "demo",
        "--cases",
        "300",
        "--data-dir",
        str(tmp_path / "data"),
        "--screenshot",
        str(shot),
        "--lang",
        "zh_CN",
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 600
    # Not a blank grab: a rendered table has many distinct colours.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20

    data = tmp_path / "data"
    conn = sqlite3.connect(data / "demo-central.sqlite")  # the bank's side: not encrypted here
    names = [n for (n,) in conn.execute("SELECT full_name FROM customers")]
    numbers = [v for (v,) in conn.execute("SELECT value FROM contact_points")]
    ids = [v for (v,) in conn.execute("SELECT national_id FROM customers")]
    conn.close()
    assert len(names) == 300
    printed = result.stdout + result.stderr
    assert not [x for x in names + numbers + ids if x in printed]
    # the log, where the platform keeps logs, says what happened and nothing of whom
    log = Path(os.environ["XDG_STATE_HOME"]) / "collector-desk" / "log" / "collector-desk.log"
    logged = log.read_text(encoding="utf-8")
    assert "Collector Desk" in logged and "sync" in logged
    # and how long the start took to the first rows, for IT and benchmarks/bench_start.py
    assert re.search(r"first rows on screen \d+\.\d\d s after the app's code began", logged)
    assert not [x for x in names + numbers + ids if x in logged]
    # the desktop's cache is encrypted: its bytes hold none of it, plain SQLite cannot read it
    raw = (data / "demo-cache.sqlite").read_bytes()
    assert not [x for x in names + numbers + ids if x.encode() in raw]
    try:
        sqlite3.connect(data / "demo-cache.sqlite").execute("SELECT 1 FROM cases").fetchone()
        raise AssertionError("a plain SQLite read the encrypted cache")
    except sqlite3.DatabaseError as refused:
        assert "not a database" in str(refused)

    # the demo signed in to its built-in central store over HTTP and synced before the picture
    central = sqlite3.connect(tmp_path / "data" / "demo-central.sqlite")
    tokens = central.execute("SELECT count(*) FROM auth_tokens").fetchone()[0]
    hashes = central.execute("SELECT password_hash FROM credentials").fetchall()
    central.close()
    assert tokens == 1
    assert hashes and all(h.startswith("$argon2id$") for (h,) in hashes)
    local = _keyed(data)
    desk_tables = {n for (n,) in local.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert not desk_tables & {"credentials", "auth_tokens", "sync_clients", "changes"}  # never here
    central = sqlite3.connect(tmp_path / "data" / "demo-central.sqlite")
    central_tables = {n for (n,) in central.execute("SELECT name FROM sqlite_master")}
    central.close()
    assert not central_tables & {"sync_outbox", "drafts", "case_search"}  # nor a desk's here
    assert local.execute("SELECT value FROM sync_state WHERE key = 'pull_cursor'").fetchone()
    # the demo collector's own three cases in five, and no one else's customers
    assert local.execute("SELECT count(DISTINCT assigned_to), count(*) FROM cases").fetchone() == (
        1,
        180,
    )
    local.close()


def _demo(data, shot, *extra):
    return _run(
        "demo",
        "--cases",
        "100",
        "--data-dir",
        str(data),
        "--screenshot",
        str(shot),
        "--lang",
        "en",
        *extra,
    )


def test_second_start_reuses_the_portfolio_and_rebuild_replaces_it(tmp_path):
    data, shot = tmp_path / "data", tmp_path / "s.png"
    cache = data / "demo-cache.sqlite"

    def marked() -> bool:
        conn = _keyed(data)
        found = conn.execute("SELECT 1 FROM sync_state WHERE key = 'test_marker'").fetchone()
        conn.close()
        return found is not None

    assert _demo(data, shot).returncode == 0
    assert cache.exists()
    conn = _keyed(data)
    conn.execute("INSERT INTO sync_state (key, value) VALUES ('test_marker', 'x')")
    conn.commit()
    conn.close()
    assert _demo(data, shot).returncode == 0
    assert marked()  # opened, not generated again
    assert _demo(data, shot, "--rebuild").returncode == 0
    assert not marked()  # a new portfolio
    assert not list(data.glob("*.building"))


def test_cache_from_a_newer_version_is_refused_with_a_message(tmp_path):
    data, shot = tmp_path / "data", tmp_path / "s.png"
    assert _demo(data, shot).returncode == 0
    conn = _keyed(data)
    conn.execute("UPDATE alembic_version SET version_num = 'from_2030'")
    conn.commit()
    conn.close()
    shot.unlink()
    result = _demo(data, shot)
    assert result.returncode == 2
    assert "newer version" in result.stderr and "from_2030" in result.stderr
    assert not shot.exists()


def test_central_store_admin_from_the_command_line(tmp_path):
    db = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite'}"
    refused = _run("server", "--db", db, "--port", "0")
    assert refused.returncode == 2 and "server migrate" in refused.stderr
    migrated = _run("server", "migrate", "--db", db)
    assert migrated.returncode == 0 and "schema" in migrated.stdout
    assert _run("admin", "create-team", "Team A", "--db", db).returncode == 0
    created = _run(
        "admin",
        "create-user",
        "alice",
        "--role",
        "collector",
        "--team",
        "Team A",
        "--db",
        db,
        input="a long password\n",
    )
    assert created.returncode == 0, created.stderr
    assert "a long password" not in created.stdout + created.stderr
    again = _run(
        "admin",
        "create-user",
        "alice",
        "--role",
        "collector",
        "--db",
        db,
        input="a long password\n",
    )
    assert again.returncode == 2 and "exists already" in again.stderr
    short = _run("admin", "create-user", "bob", "--role", "collector", "--db", db, input="short\n")
    assert short.returncode == 2 and "8 characters" in short.stderr
    no_team = _run(
        "admin",
        "create-user",
        "bob",
        "--role",
        "collector",
        "--team",
        "Nope",
        "--db",
        db,
        input="a long password\n",
    )
    assert no_team.returncode == 2 and "no team" in no_team.stderr

    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.connect() as conn:
        users = conn.execute(text("SELECT username FROM users")).scalars().all()
        stored = conn.execute(text("SELECT password_hash FROM credentials")).scalar_one()
    engine.dispose()
    assert users == ["alice"]  # the refused ones changed nothing
    assert stored.startswith("$argon2id$")
    assert _run("admin", "monitor-plans", "--db", db).stdout.strip() == (
        "0 plan(s) broken or completed"
    )


def test_accounts_are_shut_opened_and_given_a_new_password_from_the_command_line(tmp_path):
    from datetime import UTC, datetime

    from collector_desk.server import auth
    from collector_desk.store.shared.engine import make_engine

    db = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite'}"
    assert _run("server", "migrate", "--db", db).returncode == 0
    assert _run("admin", "create-team", "Team A", "--db", db).returncode == 0
    old, new = "an old long password", "a new long password"
    made = ("create-user", "alice", "--role", "collector", "--team", "Team A")
    assert _run("admin", *made, "--db", db, input=old + "\n").returncode == 0
    engine = make_engine(db)

    def signs_in(password: str) -> bool:
        try:
            auth.login(engine, "alice", password, datetime.now(UTC), "127.0.0.1")
        except auth.LoginRefused:
            return False
        return True

    try:
        assert signs_in(old)
        reset = _run("admin", "reset-password", "alice", "--db", db, input=new + "\n")
        assert reset.returncode == 0, reset.stderr
        assert "1 sign-in(s) ended" in reset.stdout
        assert new not in reset.stdout + reset.stderr
        assert not signs_in(old) and signs_in(new)
        short = _run("admin", "reset-password", "alice", "--db", db, input="short\n")
        assert short.returncode == 2 and "8 characters" in short.stderr
        nobody = _run("admin", "reset-password", "nobody", "--db", db, input=new + "\n")
        assert nobody.returncode == 2 and "no user" in nobody.stderr
        for shut in ("disable-user", "revoke-user"):  # revoke-user is wipe-user by another name
            assert _run("admin", shut, "alice", "--db", db).returncode == 0
            assert not signs_in(new), shut
            assert _run("admin", "enable-user", "alice", "--db", db).returncode == 0
            assert signs_in(new), shut
    finally:
        engine.dispose()


def test_the_demo_lead_sees_the_teams_numbers_from_a_cache_of_their_own(tmp_path):
    data = tmp_path / "data"
    result = _demo(data, tmp_path / "numbers.png", "--as", "lead", "--view", "numbers")
    assert result.returncode == 0, result.stderr
    lead = _keyed(data, "lead")
    cached = dict(lead.execute("SELECT kind, count(*) FROM kpi_cache GROUP BY kind"))
    assert not lead.execute("SELECT name FROM sqlite_master WHERE name = 'credentials'").fetchall()
    lead.close()
    assert cached["kpi"] > 14 and cached["flow"] > 0  # fetched from the demo's central store
    image = QImage(str(tmp_path / "numbers.png"))
    assert image.width() >= 1000 and image.height() >= 600
    # the collector's desk waits as the portfolio's copy until the collector first opens the
    # demo; then it becomes their own cache, with a key of its own, their cases only and none
    # of the lead's figures
    assert _demo(data, tmp_path / "queue.png").returncode == 0
    collector = _keyed(data)
    assert collector.execute("SELECT count(*) FROM kpi_cache").fetchone()[0] == 0
    assert collector.execute("SELECT count(DISTINCT assigned_to) FROM cases").fetchone() == (1,)
    collector.close()


def test_practice_opens_the_guide_on_a_cache_that_never_syncs(tmp_path):
    shot = tmp_path / "practice.png"
    result = _run(
        "practice",
        "--data-dir",
        str(tmp_path),
        "--lang",
        "en",
        "--screenshot",
        str(shot),
        extra_env={"QT_SCALE_FACTOR": "2"},  # a high-DPI screen at 200 %
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))  # every logical pixel drawn as two: sharp, not stretched
    assert (image.width(), image.height()) == (2 * 1400, 2 * 820)
    conn = sqlite3.connect(tmp_path / "practice-cache.sqlite")
    assert conn.execute("SELECT value FROM sync_state WHERE key = 'sandbox'").fetchone() == ("1",)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 60
    conn.close()


def test_info_names_the_folders_the_keyring_and_the_schema(tmp_path):
    from collector_desk.store.cache.schema import CACHE
    from collector_desk.store.central.schema import CENTRAL

    result = _run("info")
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ": " in line)
    assert lines["schema"].strip() == f"cache {CACHE.head}, central store {CENTRAL.head}"
    for folder in ("data", "settings", "logs"):  # the platform's, here the test's XDG folders
        assert lines[folder].strip().startswith(str(tmp_path))
    assert "carries keyring.backends.SecretService" in result.stdout


def test_info_fails_when_the_platform_keyring_is_not_carried():
    from collector_desk.sync.credentials import platform_keyring_missing

    carried = {"keyring.backends.SecretService": "priority 5"}
    assert platform_keyring_missing("linux", carried) is None
    assert platform_keyring_missing("win32", carried) == "keyring.backends.Windows"
    assert platform_keyring_missing("linux", {}) == "keyring.backends.SecretService"


def test_info_warns_it_of_a_pack_whose_holidays_run_out(monkeypatch, capsys):
    from collector_desk import cli
    from collector_desk.config import policy_packs
    from collector_desk.config.holiday_calendar import LibraryCalendar
    from collector_desk.domain.policy import PolicyPack

    assert "warning:" not in _run("info").stdout  # the shipped packs have years ahead of them
    # a pack on Australia's published one-off holidays only: the last of them was in 2022
    stale = PolicyPack("AU", {}, frozenset(), LibraryCalendar("AU", official_schedule=True))
    monkeypatch.setattr(policy_packs, "default_packs", lambda: {"AU": stale})
    cli._info()
    out = capsys.readouterr().out
    assert "warning:  policy pack AU: public holidays for AU are known only up to 2022-12-31" in out
