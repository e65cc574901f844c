"""A customer list a lead exports opens in a spreadsheet without running what a customer's name
says, and with its amounts as numbers the spreadsheet sums."""

import csv
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus, Role
from collector_desk.store.cache.cache_file import open_cache
from collector_desk.store.cache.case_export import export_case_list
from collector_desk.store.shared.people import find_user
from collector_desk.store.shared.schema import Case, Customer, Team, User

NOW = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
FORMULA = '=HYPERLINK("http://x","click")'
NAMES = {1: FORMULA, 2: "王芳"}


@pytest.fixture
def cache(tmp_path):
    engine = open_cache(tmp_path / "lead.sqlite")
    with Session(engine) as s, s.begin():
        s.add(Team(id=1, name="Team A"))
        for id_, username, role in ((1, "lead", Role.TEAM_LEAD), (2, "alice", Role.COLLECTOR)):
            s.add(
                User(
                    id=id_,
                    username=username,
                    display_name=username.title(),
                    role=role,
                    team_id=1,
                    created_at=NOW,
                )
            )
        for n, name in NAMES.items():
            s.add(
                Customer(
                    id=n,
                    customer_ref=f"C{n:09d}",
                    full_name=name,
                    national_id=f"1101051990010{n:05d}",
                    preferred_language="zh_CN",
                    country="CN",
                    time_zone="Asia/Shanghai",
                    created_at=NOW,
                )
            )
            s.flush()
            s.add(
                Case(
                    id=n,
                    case_ref=f"K{n:09d}",
                    customer_id=n,
                    assigned_to=2,
                    team_id=1,
                    status=CaseStatus.OPEN,
                    segment="early",
                    currency="CNY",
                    max_dpd=35,
                    bucket="M2",
                    overdue_minor=200_050,
                    balance_minor=1_000_000,
                    opened_at=NOW,
                )
            )
    yield engine
    engine.dispose()


def test_a_customer_named_like_a_formula_is_exported_as_text(cache, tmp_path):
    lead = find_user(cache, "lead")
    assert export_case_list(cache, lead, [1, 2], tmp_path / "cases.csv", NOW) == 2
    with (tmp_path / "cases.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["customer"] for r in rows] == ["'" + FORMULA, "王芳"]
    assert (rows[0]["overdue"], rows[0]["balance"]) == ("2000.50", "10000.00")

    assert export_case_list(cache, lead, [1, 2], tmp_path / "cases.xlsx", NOW) == 2
    sheet = load_workbook(tmp_path / "cases.xlsx")["cases"]
    header = [c.value for c in sheet[1]]
    customer, overdue, balance = (header.index(c) + 1 for c in ("customer", "overdue", "balance"))
    assert [sheet.cell(r, customer).value for r in (2, 3)] == ["'" + FORMULA, "王芳"]
    assert sheet.cell(2, customer).data_type == "s"  # text, not a formula
    assert (sheet.cell(2, overdue).value, sheet.cell(2, balance).value) == (2000.5, 10000)
    assert sheet.cell(2, overdue).data_type == "n"  # a number the spreadsheet sums
