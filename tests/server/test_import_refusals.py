"""Files a bank's testers sent to break the import: each ends in a refusal that names line,
column and reason (in the terminal's language, in a report of bounded size), and the central
store is the same row for row after it, on SQLite and PostgreSQL."""

import zipfile

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collector_desk.config.resources import resource
from collector_desk.server.imports import FileRefused, import_allocation_file
from collector_desk.store.central.schema import BucketHistory, Change
from collector_desk.store.shared.schema import CardAccount, Case, ContactPoint, Customer

SAMPLE = resource("samples", "allocation.csv")
HEADER, FIRST, SECOND, THIRD = SAMPLE.read_text(encoding="utf-8").splitlines()


def _counts(engine):
    with Session(engine) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Customer, CardAccount, ContactPoint, Case, Change, BucketHistory)
        )


def _cells(line: str) -> dict[str, str]:
    return dict(zip(HEADER.split(","), line.split(","), strict=True))


def _line(base: str, **changes: str) -> str:
    cells = {**_cells(base), **changes}
    return ",".join(f'"{v}"' if "," in v else v for v in cells.values())


def _refused(engine, path, **options) -> str:
    before = _counts(engine)
    with pytest.raises(FileRefused) as refused:
        import_allocation_file(engine, path, **options)
    assert _counts(engine) == before
    return refused.value.report(lang="en")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"balance": "1e16"}, "column balance: '1e16' is larger than any amount"),
        ({"overdue": "1e18"}, "column overdue: '1e18' is larger than any amount"),
        ({"dpd": "100000000"}, "column dpd: '100000000' is more days past due than"),
        ({"dpd": "1e20"}, "column dpd: '1e20' is not a whole number"),
        ({"due_date": "0001-01-01"}, "column due_date: '0001-01-01' is outside the dates"),
        ({"due_date": "9999-12-31"}, "column due_date: '9999-12-31' is outside the dates"),
        ({"mobile": "(312) 555-0142"}, "column mobile: '(312) 555-0142' is a valid number but"),
        ({"case_ref": "K" * 45}, f"column case_ref: '{'K' * 39}…' is longer than 32 characters"),
        ({"full_name": "王" * 300}, "column full_name: '王王王"),
        ({"full_name": "王\t芳"}, "column full_name: '王\\t芳' holds a control character"),
        ({"email": "13812345678"}, "column email: '13812345678' is not an e-mail address"),
    ],
)
def test_nonsense_in_a_cell_is_refused_with_its_line_and_column(
    central, tmp_path, changes, expected
):
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([HEADER, FIRST, _line(SECOND, **changes), THIRD]), encoding="utf-8")
    report = _refused(central, path)
    assert f"line 3, {expected}" in report
    assert len(report) < 300  # an excerpt, never the whole value


def test_lines_that_disagree_within_the_file_are_each_refused(central, tmp_path):
    """One case on two customers, one customer under two names, one account twice: each
    later line is named against the first, and nothing is imported."""
    path = tmp_path / "disagree.csv"
    lines = [
        FIRST,
        _line(SECOND, full_name="王小芳"),
        THIRD,
        THIRD,
        _line(FIRST, case_ref="K200000002", account_ref="A2000000009"),
    ]
    path.write_text("\n".join([HEADER, *lines]), encoding="utf-8")
    report = _refused(central, path).splitlines()
    assert report == [
        "line 3, column full_name: '王小芳' differs from an earlier line of the same customer",
        "line 5, column account_ref: 'A2000000003' appears twice",
        "line 6, column customer_ref: 'C200000001' differs from an earlier line of the same case",
    ]


def test_a_case_reimported_under_another_customer_is_refused(central, tmp_path):
    """A case keeps its customer: a new customer id on a known case would mix two people."""
    import_allocation_file(central, SAMPLE)
    path = tmp_path / "mixed.csv"
    path.write_text(
        "\n".join([HEADER, _line(FIRST, customer_ref="C299999999", account_ref="A2999999999")]),
        encoding="utf-8",
    )
    report = _refused(central, path)
    assert "line 2, column customer_ref: 'C299999999' is not the customer of this case" in report
    with Session(central) as s:
        case = s.scalars(select(Case).where(Case.case_ref == "K200000001")).one()
        assert (case.balance_minor, case.max_dpd) == (2245050, 42)  # untouched


def test_an_account_reimported_under_another_customer_is_refused(central, tmp_path):
    import_allocation_file(central, SAMPLE)
    path = tmp_path / "stolen.csv"
    other = _line(THIRD, account_ref="A2000000001")  # Alice's first account, on Bob's customer
    path.write_text("\n".join([HEADER, other]), encoding="utf-8")
    assert "column account_ref: 'A2000000001' belongs to another customer" in _refused(
        central, path
    )


def test_a_report_of_many_bad_lines_stays_a_screenful(central, tmp_path):
    path = tmp_path / "many.csv"
    bad = [_line(FIRST, account_ref=f"A3{i:09d}", dpd="x") for i in range(3000)]
    path.write_text("\n".join([HEADER, *bad]), encoding="utf-8")
    report = _refused(central, path)
    lines = report.splitlines()
    assert len(lines) == 101 and lines[0].startswith("line 2, column dpd:")
    assert lines[-1] == "… and 2900 more problem(s)"


def test_the_report_speaks_chinese_on_a_chinese_terminal(central, tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([HEADER, _line(FIRST, dpd="forty-two")]), encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        import_allocation_file(central, path)
    assert refused.value.report() == "第 2 行，dpd 列：'forty-two' 不是整数"


def test_a_gb18030_file_from_a_chinese_bank_imports_with_its_names(central, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("\n".join([HEADER, FIRST, SECOND, THIRD]).encode("gb18030"))
    assert import_allocation_file(central, path).cases_new == 2
    with Session(central) as s:
        assert "王芳" in s.scalars(select(Customer.full_name)).all()


def test_a_bad_line_in_a_gb18030_file_is_named_like_any_other(central, tmp_path):
    path = tmp_path / "gbk.csv"
    text = "\n".join([HEADER, FIRST, _line(SECOND, full_name="李" * 201)])
    path.write_bytes(text.encode("gb18030"))
    assert "line 3, column full_name: '李李" in _refused(central, path)


def test_an_xlsx_declaring_the_whole_sheet_is_refused_before_it_is_read(central, tmp_path):
    """4.7 KB that once grew an import to 23 GB: the declared grid is checked first."""
    path = tmp_path / "huge.xlsx"
    _workbook(
        path,
        '<dimension ref="A1:XFD1048576"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>case_ref</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
    )
    report = _refused(central, path)
    assert report.startswith("the file: ")


@pytest.mark.parametrize("damage", ["truncated", "renamed"])
def test_a_damaged_workbook_is_refused_with_a_reason(central, tmp_path, damage):
    path = tmp_path / "damaged.xlsx"
    if damage == "truncated":
        _workbook(path, "<sheetData/>")
        path.write_bytes(path.read_bytes()[:200])
    else:
        path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert _refused(central, path).startswith("the file: ")


def test_a_cell_of_megabytes_is_refused_without_echoing_it(central, tmp_path):
    path = tmp_path / "big-cell.csv"
    path.write_text("\n".join([HEADER, _line(FIRST, full_name="x" * 5_000_000)]), encoding="utf-8")
    report = _refused(central, path)
    assert report.startswith("the file: ") and len(report) < 300


def test_a_header_cell_of_megabytes_is_refused_in_a_line_of_report(central, tmp_path):
    """A 200 MB header cell once became a 200 MB report on stderr."""
    path = tmp_path / "big-header.csv"
    path.write_text("\n".join([HEADER + "," + "h" * 2_000_000, FIRST]), encoding="utf-8")
    report = _refused(central, path)
    assert report.startswith("the file: ") and "line 1" in report and len(report) < 300


def _workbook(path, sheet_body: str) -> None:
    """The smallest XLSX a reader accepts, with the worksheet's body as given."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook {ns} {rel}><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0"?><worksheet {ns}>{sheet_body}</worksheet>',
        )


def test_every_length_the_import_allows_fits_its_column_in_the_store():
    """The import refuses what the column cannot hold, so PostgreSQL never has to (a DataError
    there was a traceback) and SQLite never stores more than PostgreSQL would."""
    from collector_desk.domain.allocation import DEFAULT_MAX_LENGTH, MAX_LENGTHS
    from collector_desk.store.shared.schema import ContactPoint, Payment, User

    columns = {
        "case_ref": Case.case_ref,
        "assigned_to": User.username,
        "customer_ref": Customer.customer_ref,
        "full_name": Customer.full_name,
        "national_id": Customer.national_id,
        "time_zone": Customer.time_zone,
        "email": ContactPoint.value,
        "account_ref": CardAccount.account_ref,
        "product": CardAccount.product,
        "policy_pack": Customer.policy_pack,
        "reference": Payment.reference,
    }
    for name, column in columns.items():
        assert MAX_LENGTHS.get(name, DEFAULT_MAX_LENGTH) <= column.type.length, name


def test_the_cli_reads_the_encoding_it_is_told_and_reports_in_chinese(tmp_path):
    import os
    import subprocess
    import sys

    db = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite'}"
    path = tmp_path / "gbk.csv"
    path.write_bytes("\n".join([HEADER, FIRST, _line(SECOND, dpd="四十二")]).encode("gb18030"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "zh_CN.UTF-8"}

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "collector_desk.cli", *args, "--db", db],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            env=env,
        )

    assert cli("server", "migrate").returncode == 0
    told = cli("admin", "import-allocation", str(path), "--encoding", "gb18030")
    assert told.returncode == 2
    assert "未导入，数据未作任何更改" in told.stderr
    assert "第 3 行，dpd 列：'四十二' 不是整数" in told.stderr
    wrong = cli("admin", "import-allocation", str(path), "--encoding", "utf-8")
    assert wrong.returncode == 2
    assert "文件：第 2 行无法按文件的编码解码" in wrong.stderr
