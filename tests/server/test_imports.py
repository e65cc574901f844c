"""Allocation files: the sample imports, a bad file imports nothing and says where and why."""

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from collector_desk.config.resources import resource
from collector_desk.server.imports import FileRefused, import_allocation_file
from collector_desk.store.central.schema import Change
from collector_desk.store.shared.schema import CardAccount, Case, ContactPoint, Customer
from tests.live_central import Clock

SAMPLE = resource("samples", "allocation.csv")


def _counts(engine):
    with Session(engine) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Customer, CardAccount, ContactPoint, Case)
        )


def test_the_documented_sample_imports_and_a_second_import_changes_nothing(central):
    summary = import_allocation_file(central, SAMPLE)
    assert (summary.cases_new, summary.accounts) == (2, 3)
    assert _counts(central) == (2, 3, 3, 2)
    with Session(central) as s:
        case = s.scalars(select(Case).where(Case.case_ref == "K200000001")).one()
        assert (case.max_dpd, case.bucket, case.overdue_minor, case.balance_minor) == (
            42,
            "M2",
            365010,
            2245050,
        )
        assert (case.policy_pack, case.time_zone) == ("CN", "Asia/Shanghai")
        us = s.scalars(
            select(ContactPoint.value)
            .join(Customer)
            .where(Customer.customer_ref == "C200000002", ContactPoint.kind == "mobile")
        ).one()
        assert us == "+13125550142"
    again = import_allocation_file(central, SAMPLE)
    assert (again.cases_new, again.cases_updated, again.cases_moved) == (0, 2, 0)
    assert _counts(central) == (2, 3, 3, 2)


def test_a_bad_file_imports_nothing_and_names_line_column_and_reason(central, tmp_path):
    bad = tmp_path / "bad.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",42,", ",forty-two,")
    lines[3] = lines[3].replace("America/Chicago", "Mars/Olympus")
    lines.append(lines[1].replace("A2000000001", "A2000000009").replace("alice", "nobody"))
    bad.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        import_allocation_file(central, bad)
    report = refused.value.report()
    assert "line 2, column dpd: 'forty-two' is not a whole number" in report
    assert "line 4, column time_zone: 'Mars/Olympus' is not an IANA time zone" in report
    assert _counts(central) == (0, 0, 0, 0)


def test_an_unknown_collector_is_reported_and_nothing_is_half_imported(central, tmp_path):
    bad = tmp_path / "bad.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",alice,", ",nobody,")
    bad.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        import_allocation_file(central, bad)
    assert "line 4, column assigned_to: 'nobody' is not a user" in refused.value.report()
    assert _counts(central) == (0, 0, 0, 0)


def test_moving_a_case_by_import_tells_both_collectors(central, tmp_path):
    import_allocation_file(central, SAMPLE)
    moved = tmp_path / "moved.csv"
    moved.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("K200000002,alice", "K200000002,bob"),
        encoding="utf-8",
    )
    summary = import_allocation_file(central, moved)
    assert summary.cases_moved == 1
    with Session(central) as s:
        last = s.scalars(select(Change).order_by(Change.id.desc())).first()
        alice = s.execute(text("SELECT id FROM users WHERE username='alice'")).scalar()
        bob = s.execute(text("SELECT id FROM users WHERE username='bob'")).scalar()
    assert (last.user_id, last.previous_user_id) == (bob, alice)


def test_xlsx_files_import_like_csv(central, tmp_path):
    import csv

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    with SAMPLE.open(encoding="utf-8") as fh:
        for row in csv.reader(fh):
            sheet.append(row)
    path = tmp_path / "allocation.xlsx"
    book.save(path)
    assert import_allocation_file(central, path).cases_new == 2


def test_a_file_with_a_wrong_header_is_refused(central, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("case,who\nK1,alice\n", encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        import_allocation_file(central, path)
    assert "column case_ref: column is missing from the header" in refused.value.report()


def test_the_cli_reports_a_bad_file_and_imports_a_good_one(tmp_path):
    import os
    import subprocess
    import sys

    db = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite'}"

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "collector_desk.cli", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )

    assert cli("server", "migrate", "--db", db).returncode == 0
    assert cli("admin", "create-team", "Team A", "--db", db).returncode == 0
    bad = cli("admin", "import-allocation", str(SAMPLE), "--db", db)
    assert bad.returncode == 2 and "'alice' is not a user" in bad.stderr
    assert "nothing was changed" in bad.stderr
    subprocess.run(
        [
            sys.executable,
            "-m",
            "collector_desk.cli",
            "admin",
            "create-user",
            "alice",
            "--role",
            "collector",
            "--team",
            "Team A",
            "--db",
            db,
        ],
        input="a long password\n",
        text=True,
        check=True,
        capture_output=True,
    )
    good = cli("admin", "import-allocation", str(SAMPLE), "--db", db)
    assert good.returncode == 0 and "2 new case(s)" in good.stdout


PAYMENTS = resource("samples", "payments.csv")


def _promise(engine, case_ref, amount_minor, due):
    from collector_desk.domain.cases import CaseStatus, PromiseStatus
    from collector_desk.store.shared.schema import Promise

    with Session(engine) as s, s.begin():
        case = s.scalars(select(Case).where(Case.case_ref == case_ref)).one()
        s.add(
            Promise(
                id=f"00000000-0000-4000-8000-{amount_minor:012d}",
                case_id=case.id,
                user_id=case.assigned_to,
                currency=case.currency,
                amount_minor=amount_minor,
                due_date=due,
                status=PromiseStatus.OPEN,
                paid_minor=0,
                recorded_at=Clock().now,
            )
        )
        case.status, case.promise_status = CaseStatus.PROMISED, PromiseStatus.OPEN


def test_payments_lower_balances_and_judge_promises_once(central):
    from datetime import date

    from collector_desk.server.imports import import_payments_file
    from collector_desk.store.shared.schema import Payment, Promise

    import_allocation_file(central, SAMPLE)
    _promise(central, "K200000001", 100_000, date(2026, 12, 1))  # ¥1,000.00 promised
    summary = import_payments_file(central, PAYMENTS)
    assert (summary.recorded, summary.skipped, summary.promises_kept) == (2, 0, 1)
    with Session(central) as s:
        account = s.scalars(
            select(CardAccount).where(CardAccount.account_ref == "A2000000001")
        ).one()
        assert (account.balance_minor, account.overdue_minor) == (1_725_050, 265_010)
        promise = s.scalars(select(Promise)).one()
        assert (promise.status.value, promise.paid_minor) == ("kept", 100_000)
        case = s.scalars(select(Case).where(Case.case_ref == "K200000001")).one()
        assert (case.balance_minor, case.promise_status.value) == (2_145_050, "kept")
    again = import_payments_file(central, PAYMENTS)  # the bank sends the same file twice
    assert (again.recorded, again.skipped) == (0, 2)
    with Session(central) as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 2


def test_a_bad_payments_file_changes_nothing(central, tmp_path):
    from collector_desk.server.imports import import_payments_file
    from collector_desk.store.shared.schema import Payment

    import_allocation_file(central, SAMPLE)
    bad = tmp_path / "payments.csv"
    bad.write_text(
        PAYMENTS.read_text(encoding="utf-8")
        .replace("250.25", "-5")
        .replace("A2000000001", "A9999999999"),
        encoding="utf-8",
    )
    with pytest.raises(FileRefused) as refused:
        import_payments_file(central, bad)
    report = refused.value.report()
    assert "line 3, column amount: '-5' must be more than zero" in report
    with Session(central) as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 0


def test_payments_for_unknown_accounts_are_named(central, tmp_path):
    from collector_desk.server.imports import import_payments_file

    import_allocation_file(central, SAMPLE)
    bad = tmp_path / "payments.csv"
    bad.write_text(
        PAYMENTS.read_text(encoding="utf-8").replace("A2000000001", "A9999999999"), encoding="utf-8"
    )
    with pytest.raises(FileRefused) as refused:
        import_payments_file(central, bad)
    assert "line 2, column account_ref: 'A9999999999' is not an account" in refused.value.report()


def test_the_portfolio_chooses_the_pack_and_a_customer_column_overrides_it(central, tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0] + ",policy_pack", [line + "," for line in lines[1:]]
    rows[-1] = rows[-1][:-1] + ",us"  # the last line's customer keeps the US rules
    file = tmp_path / "portfolio.csv"
    file.write_text("\n".join([header, *rows]), encoding="utf-8")
    import_allocation_file(central, file, portfolio_pack="AU")
    with Session(central) as s:
        packs = dict(s.execute(select(Case.case_ref, Case.policy_pack)).all())
    assert packs == {"K200000001": "AU", "K200000002": "US"}

    rows[0] = rows[0][:-1] + ",XX"
    file.write_text("\n".join([header, *rows]), encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        import_allocation_file(central, file)
    assert "column policy_pack: 'XX' is not a policy pack" in refused.value.report()
    with pytest.raises(ValueError, match="not a policy pack"):
        import_allocation_file(central, SAMPLE, portfolio_pack="ZZ")


def _as_the_rules_say(session, case, now):
    """What the one-case rules (a payment's path) make of a case's queue columns."""
    from types import SimpleNamespace

    from collector_desk.config.loaders import default_bucket_scheme
    from collector_desk.store.central.case_totals import case_totals
    from collector_desk.store.shared.case_priority import case_priority

    columns = ("max_dpd", "bucket", "segment", "currency", "overdue_minor", "balance_minor")
    columns += ("policy_pack", "time_zone", "blocked")
    copy = SimpleNamespace(id=case.id)
    case_totals(session, copy, session.get(Customer, case.customer_id), default_bucket_scheme())
    expected = {c: getattr(copy, c) for c in columns}
    expected["priority"] = case_priority(session, case, now).total
    return expected, {c: getattr(case, c) for c in (*columns, "priority")}


def test_a_reimport_sets_each_case_as_the_one_case_rules_would(central, tmp_path):
    """The set-based merge against the rules a payment runs case by case: figures, bucket,
    blocking flags and priority, for a case with a promise and a dispute, after its DPD and
    balances changed; and a bucket change lands in the bucket history."""
    from datetime import UTC, datetime, timedelta

    from collector_desk.domain.cases import CaseFlag
    from collector_desk.store.central.schema import BucketHistory
    from collector_desk.store.shared.schema import CaseFlagRow

    import_allocation_file(central, SAMPLE)
    now = datetime.now(UTC)
    _promise(central, "K200000001", 100000, (now + timedelta(days=3)).date())
    with Session(central) as s, s.begin():
        case = s.scalars(select(Case).where(Case.case_ref == "K200000002")).one()
        s.add(CaseFlagRow(case_id=case.id, flag=CaseFlag.DISPUTE, raised_at=now))
        case.next_action, case.next_action_at = "callback", now - timedelta(days=2)
    header, first, second, third = SAMPLE.read_text(encoding="utf-8").splitlines()
    changed = tmp_path / "next-day.csv"
    changed.write_text(
        "\n".join(
            [
                header,
                first.replace(",3650.10,1825.05,42,", ",9000.00,1825.05,75,"),
                second,
                third.replace(",6120.75,1530.25,250,95,", ",6120.75,0,0,0,"),
            ]
        ),
        encoding="utf-8",
    )

    import_allocation_file(central, changed)

    with Session(central) as s:
        for ref, dpd, blocked in (("K200000001", 75, False), ("K200000002", 0, True)):
            case = s.scalars(select(Case).where(Case.case_ref == ref)).one()
            expected, stored = _as_the_rules_say(s, case, datetime.now(UTC))
            assert stored == expected
            assert (stored["max_dpd"], stored["blocked"]) == (dpd, blocked)
            history = s.scalars(
                select(BucketHistory.max_dpd)
                .where(BucketHistory.case_id == case.id)
                .order_by(BucketHistory.id)
            ).all()
            assert history[-1] == dpd and len(history) == 2


def test_a_region_column_gives_the_customer_their_state_and_a_wrong_one_is_refused(
    central, tmp_path
):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0] + ",region", [line + "," for line in lines[1:]]
    rows[-1] = rows[-1][:-1] + ",il"  # John Smith lives in Illinois (America/Chicago)
    file = tmp_path / "regions.csv"
    file.write_text("\n".join([header, *rows]), encoding="utf-8")
    import_allocation_file(central, file)
    with Session(central) as s:
        regions = dict(s.execute(select(Customer.customer_ref, Customer.region)).all())
    assert regions == {"C200000001": None, "C200000002": "IL"}

    rows[-1] = rows[-1][: -len(",il")] + ",NSW"  # a state of Australia, not of the US
    file.write_text("\n".join([header, *rows]), encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        import_allocation_file(central, file)
    assert "column region: 'NSW' is not a state or province" in refused.value.report()
    with Session(central) as s:  # nothing changed
        assert (
            s.scalar(select(Customer.region).where(Customer.customer_ref == "C200000002")) == "IL"
        )
