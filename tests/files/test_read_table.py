"""The streaming reader of the bank's files: every hostile file is built here, and small."""

from __future__ import annotations

import csv
import pickle
import time
import tracemalloc
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from collector_desk.files.read_table import Limits, Row, TableRefused, open_table

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def sheet_xml(rows: str, dimension: str | None = None) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def write_xlsx(
    path: Path,
    sheet: str | bytes,
    shared: str | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            zf.writestr("xl/sharedStrings.xml", shared)
    return path


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def read_all(path: Path, **kwargs) -> tuple[list[str], list[Row]]:
    with open_table(path, **kwargs) as table:
        return table.header, list(table.rows())


def refusal(path: Path, **kwargs) -> TableRefused:
    with pytest.raises(TableRefused) as caught:
        read_all(path, **kwargs)
    assert len(str(caught.value)) < 200
    return caught.value


# ------------------------------------------------------------------------------ workbooks


def test_an_openpyxl_workbook_reads_strings_numbers_and_dates(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["case_ref", "name", "balance", "count", "due", "paid_at", "ok"])
    ws.append(["C-1", "王小明", 18250.5, 1234, date(2026, 10, 17), datetime(2026, 11, 28, 10, 15)])  # noqa: DTZ001
    ws.append([])  # a blank row is skipped, the numbers stay the sheet's
    ws.append(["C-2", "Alice", Decimal("0.1"), 1234.0, None, None, True])
    ws.append(["C-3", None, -7, 123456789012345])
    wb.save(tmp_path / "book.xlsx")

    with open_table(tmp_path / "book.xlsx") as table:
        assert table.kind == "xlsx"
        assert table.header_line == 1
        assert table.header == ["case_ref", "name", "balance", "count", "due", "paid_at", "ok"]
        rows = list(table.rows())
    assert rows == [
        (2, ["C-1", "王小明", "18250.5", "1234", "2026-10-17", "2026-11-28T10:15:00", ""]),
        (4, ["C-2", "Alice", "0.1", "1234", "", "", "TRUE"]),
        (5, ["C-3", "", "-7", "123456789012345", "", "", ""]),
    ]


def test_shared_strings_and_custom_date_formats(tmp_path: Path) -> None:
    styles = (
        f'<styleSheet xmlns="{MAIN}"><numFmts count="2">'
        '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
        '<numFmt numFmtId="165" formatCode="#,##0.00 &quot;元&quot;"/></numFmts>'
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
        '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/>'
        '<xf numFmtId="22"/><xf numFmtId="20"/></cellXfs></styleSheet>'
    )
    shared = (
        f'<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><t>name</t></si>'
        "<si><r><t>李</t></r><r><t>雷</t></r><rPh><t>リ</t></rPh></si></sst>"
    )
    sheet = sheet_xml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>due</t></is></c>'
        '<c r="C1" t="str"><f>"x"</f><v>amount</v></c><c r="D1" t="str"><v>at</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>46312</v></c>'
        '<c r="C3" s="2"><v>18250.5</v></c><c r="D3" s="3"><v>46354.427083333336</v></c>'
        '<c r="E3" s="4"><v>0.5</v></c><c r="F3" t="s"/><c r="G3" t="b"><v>0</v></c></row>'
    )
    path = tmp_path / "styled.xlsx"
    write_xlsx(path, sheet, shared)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/styles.xml", styles)
    header, rows = read_all(path)
    assert header == ["name", "due", "amount", "at"]
    assert rows == [
        (3, ["李雷", "2026-10-17", "18250.5", "2026-11-28T10:15:00", "12:00:00", "", "FALSE"])
    ]


def test_a_declared_dimension_of_the_whole_grid_is_refused_before_any_row(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "xfd.xlsx", sheet_xml(inline("XFD1048576", "x"), dimension="A1:XFD1048576")
    )
    assert path.stat().st_size < 5_000
    tracemalloc.start()
    started = time.monotonic()
    try:
        refused = refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.reason == "declared_too_large"
    assert "A1:XFD1048576" in refused.detail
    assert time.monotonic() - started < 2
    assert peak < 50 * 1024**2


def test_a_cell_at_xfd_with_no_dimension_is_refused_as_too_many_columns(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", sheet_xml(f'<row r="1">{inline("XFD1", "x")}</row>'))
    refused = refusal(path)
    assert (refused.reason, refused.limit, refused.line) == ("too_many_columns", 64, 1)
    assert "column XFD" in refused.detail


def test_a_lying_dimension_is_enforced_while_streaming(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{n}">{inline(f"A{n}", "x")}</row>' for n in range(1, 30))
    path = write_xlsx(tmp_path / "lying.xlsx", sheet_xml(rows, dimension="A1:A2"))
    refused = refusal(path, limits=Limits(max_rows=10))
    assert (refused.reason, refused.limit, refused.line) == ("too_many_rows", 10, 12)
    cells = "".join(f'<c r="A{n}"/>' for n in range(1, 200))  # empty cells, each still counted
    path = write_xlsx(tmp_path / "cells.xlsx", sheet_xml(f"<row>{cells}</row>", dimension="A1"))
    assert refusal(path, limits=Limits(max_declared_cells=100)).reason == "declared_too_large"


def test_a_truncated_workbook_and_a_renamed_csv_are_not_workbooks(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", sheet_xml(f"<row>{inline('A1', 'x')}</row>"))
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    renamed = tmp_path / "renamed.xlsx"
    renamed.write_text("case_ref,name\nC-1,Alice\n", encoding="utf-8")
    garbled = tmp_path / "garbled.xlsx"
    data = bytearray(good.read_bytes())
    start = data.index(b"sheet1.xml") + len(b"sheet1.xml")
    data[start : start + 20] = b"\xff" * 20  # the sheet's compressed bytes, not its directory
    garbled.write_bytes(bytes(data))
    shifted = tmp_path / "shifted.xlsx"  # the directory claims to start later than it does,
    data = bytearray(good.read_bytes())  # so zipfile seeks before the file's first byte
    end = data.rindex(b"PK\x05\x06")
    data[end + 16 : end + 20] = (
        int.from_bytes(data[end + 16 : end + 20], "little") + 4096
    ).to_bytes(4, "little")
    shifted.write_bytes(bytes(data))
    for path in (truncated, renamed, garbled, shifted):
        assert refusal(path).reason == "not_a_workbook", path.name


def test_a_zip_bomb_is_refused_from_the_central_directory(tmp_path: Path) -> None:
    rows = "<row>" + inline("A1", "x") + "</row>" + " " * (50 * 1024**2)
    path = write_xlsx(tmp_path / "bomb.xlsx", sheet_xml(rows))
    assert path.stat().st_size < 200_000
    started = time.monotonic()
    refused = refusal(path)
    assert (refused.reason, refused.limit) == ("zip_bomb", 100)
    assert time.monotonic() - started < 1
    rows = "".join(f"<row>{inline(f'A{n}', 'x')}</row>" for n in range(1, 100))
    path = write_xlsx(tmp_path / "large.xlsx", sheet_xml(rows))
    refused = refusal(path, limits=Limits(max_member_bytes=1_000))
    assert (refused.reason, refused.limit) == ("zip_bomb", 1_000)


def test_a_tag_longer_than_the_limit_is_refused_while_streaming(tmp_path: Path) -> None:
    attribute = "<row>" + '<c r="A1" t="inlineStr" x="' + "q" * 300_000 + '"/></row>'
    path = write_xlsx(tmp_path / "tag.xlsx", sheet_xml(attribute), compression=zipfile.ZIP_STORED)
    refused = refusal(path, limits=Limits(max_xml_token_bytes=100_000))
    assert refused.reason == "not_a_workbook"
    assert "tag longer than 100,000 bytes" in refused.detail


def test_a_workbook_of_too_many_files_is_refused_from_its_end_record(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "many.xlsx", sheet_xml(f"<row>{inline('A1', 'x')}</row>"))
    with zipfile.ZipFile(path, "a") as zf:
        for n in range(30):
            zf.writestr(f"junk/{n}.txt", "")
    refused = refusal(path, limits=Limits(max_zip_members=20))
    assert (refused.reason, refused.limit) == ("zip_bomb", 20)
    assert read_all(path) == (["x"], [])


def test_entities_in_shared_strings_never_expand(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lollollollollollollollollollol">'
        + "".join(
            f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
            for n in range(1, 10)
        )
        + f']><sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>'
    )
    sheet = sheet_xml('<row><c r="A1" t="s"><v>0</v></c></row>')
    refused = refusal(write_xlsx(tmp_path / "laughs.xlsx", sheet, laughs))
    assert refused.reason == "not_a_workbook"
    assert "DTD" in refused.detail


def test_too_many_shared_strings_are_refused_by_count_and_while_reading(tmp_path: Path) -> None:
    sheet = sheet_xml('<row><c r="A1" t="s"><v>0</v></c></row>')
    strings = "".join(f"<si><t>s{n}</t></si>" for n in range(20))
    claims = f'<sst xmlns="{MAIN}" count="9999999" uniqueCount="9999999">{strings}</sst>'
    hides = f'<sst xmlns="{MAIN}">{strings}</sst>'
    limits = Limits(max_shared_strings=10)
    for name, shared in (("claims", claims), ("hides", hides)):
        path = write_xlsx(tmp_path / f"{name}.xlsx", sheet, shared)
        refused = refusal(path, limits=limits)
        assert (refused.reason, refused.limit) == ("too_many_shared_strings", 10), name
    path = write_xlsx(tmp_path / "chars.xlsx", sheet, hides)
    refused = refusal(path, limits=Limits(max_shared_chars=30))
    assert (refused.reason, refused.limit) == ("too_many_shared_strings", 30)


def test_a_long_cell_in_a_workbook_is_refused_with_an_excerpt(tmp_path: Path) -> None:
    big = "数" * 17_000_000  # 51 MB of XML, one cell, stored: deflated, it would be a bomb
    header = f"<row>{inline('A1', 'name')}</row>"
    sheet = sheet_xml(header + f"<row>{inline('A2', big)}</row>")
    path = write_xlsx(tmp_path / "inline.xlsx", sheet, compression=zipfile.ZIP_STORED)
    del big, sheet
    tracemalloc.start()
    try:
        refused = refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024**2
    assert (refused.reason, refused.limit, refused.line) == ("cell_too_long", 10_000, 2)
    assert "line 2" in refused.detail and "10,000" in refused.detail and "…" in refused.detail

    shared = f'<sst xmlns="{MAIN}"><si><t>name</t></si><si><t>{"x" * 500}</t></si></sst>'
    sheet = sheet_xml('<row><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row>')
    path = write_xlsx(tmp_path / "shared.xlsx", sheet, shared)
    refused = refusal(path, limits=Limits(max_cell_chars=100))
    assert (refused.reason, refused.line) == ("cell_too_long", 2)


# ------------------------------------------------------------------------------------ CSV


def test_plain_utf8_with_blank_lines_keeps_the_file_s_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('name,note\n\nAlice,"two\nlines"\n , \nBob,x\n', encoding="utf-8")
    with open_table(path) as table:
        assert (table.kind, table.encoding, table.header) == ("csv", "utf-8", ["name", "note"])
        assert list(table.rows()) == [(3, ["Alice", "two\nlines"]), (6, ["Bob", "x"])]


def test_utf8_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("name,city\r\n王小明,上海\r\n".encode("utf-8-sig"))
    with open_table(path) as table:
        assert (table.encoding, table.header) == ("utf-8-sig", ["name", "city"])
        assert list(table.rows()) == [(2, ["王小明", "上海"])]


def test_gb18030_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    lines = ["姓名,城市"] + [f"王小明{n},上海" for n in range(5000)] + ["欧阳娜娜,广州"]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))  # crosses the 64 KiB prefix
    header, rows = read_all(path)
    assert header == ["姓名", "城市"]
    assert rows[0] == (2, ["王小明0", "上海"])
    assert rows[-1] == (5002, ["欧阳娜娜", "广州"])


def test_gb18030_after_a_long_ascii_prefix_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "late_gbk.csv"
    lines = ["name,city"] + [f"Alice{n},Paris" for n in range(8000)] + ["欧阳娜娜,广州"]
    path.write_bytes("\n".join(lines).encode("gb18030"))
    assert path.stat().st_size > 100_000
    with open_table(path) as table:
        rows = list(table.rows())
        assert table.encoding == "gb18030"
    assert rows[-1] == (8002, ["欧阳娜娜", "广州"])


def test_utf16_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes("name\tcity\n李雷,北京\n".replace("\t", ",").encode("utf-16"))
    assert read_all(path) == (["name", "city"], [(2, ["李雷", "北京"])])


def test_an_explicit_encoding_overrides_detection_and_a_wrong_one_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("姓名\n王小明\n".encode("gb18030"))
    assert read_all(path, encoding="gb18030") == (["姓名"], [(2, ["王小明"])])
    refused = refusal(path, encoding="utf-8")
    assert (refused.reason, refused.line) == ("unreadable_encoding", 1)
    assert refusal(path, encoding="no-such-codec").reason == "unreadable_encoding"
    assert refusal(path, encoding="rot13").reason == "unreadable_encoding"


def test_an_undecodable_byte_mid_file_refuses_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    body = b"name\n" + b"Alice\n" * 20_000 + b"Bad\xff\xfe\n" + b"Bob\n"
    path.write_bytes(body)
    with open_table(path) as table:
        assert table.encoding == "utf-8"
        seen = 0
        with pytest.raises(TableRefused) as caught:
            for _ in table.rows():
                seen += 1
    assert (caught.value.reason, caught.value.line) == ("unreadable_encoding", 20_002)
    assert "line 20,002" in caught.value.detail
    assert seen == 20_000


def test_a_long_cell_in_a_csv_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("name,note\nAlice,")
        fh.write("y" * (50 * 1024**2))
        fh.write("\n")
    limit = csv.field_size_limit()
    tracemalloc.start()
    try:
        refused = refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (refused.reason, refused.limit, refused.line) == ("cell_too_long", 10_000, 2)
    assert peak < 20 * 1024**2
    assert csv.field_size_limit() == limit  # put back

    path.write_text("x" * 500 + "\n", encoding="utf-8")  # a header cell
    refused = refusal(path, limits=Limits(max_cell_chars=100))
    assert (refused.reason, refused.line) == ("cell_too_long", 1)
    assert refused.detail == (
        "a cell on line 1 is longer than 100 characters (it begins '" + "x" * 40 + "…')"
    )
    assert csv.field_size_limit() == limit


def test_a_quoted_long_cell_and_a_long_line_of_many_cells(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text('a,b\n1,"' + "z\n" * 200 + '"\n', encoding="utf-8")
    assert refusal(path, limits=Limits(max_cell_chars=100)).reason == "cell_too_long"
    path.write_text("a\n" + "1," * 100 + "\n", encoding="utf-8")
    refused = refusal(path, limits=Limits(max_columns=5, max_cell_chars=3))
    assert (refused.reason, refused.line) == ("too_many_columns", 2)
    path.write_text("a\n" + "1,1,1,1,1,1" + "," * 50 + "\n", encoding="utf-8")
    assert refusal(path, limits=Limits(max_columns=5)).reason == "too_many_columns"
    path.write_text("a\n1,1,1,1,1" + "," * 50 + "\n", encoding="utf-8")  # trailing empties
    assert read_all(path, limits=Limits(max_columns=5))[1][0].line == 2


def test_nul_bytes_without_a_bom_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "utf16le.csv"
    path.write_bytes("name\n李雷\n".encode("utf-16-le"))
    assert refusal(path).reason == "unreadable_encoding"
    assert read_all(path, encoding="utf-16-le") == (["name"], [(2, ["李雷"])])


def test_a_refusal_pickles_with_its_reason() -> None:
    refused = pickle.loads(pickle.dumps(TableRefused("too_many_rows", 9, "more than 9", 20)))
    assert (refused.reason, refused.limit, refused.detail, refused.line) == (
        "too_many_rows",
        9,
        "more than 9",
        20,
    )


def test_too_many_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("n\n" + "".join(f"{n}\n\n" for n in range(10)), encoding="utf-8")
    assert len(read_all(path, limits=Limits(max_rows=10))[1]) == 10
    refused = refusal(path, limits=Limits(max_rows=9))
    assert (refused.reason, refused.limit, refused.line) == ("too_many_rows", 9, 20)


def test_empty_and_oversized_files(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("\n , \n", encoding="utf-8")
    assert refusal(path).reason == "empty"
    path.write_text("a\n1\n", encoding="utf-8")
    refused = refusal(path, limits=Limits(max_file_bytes=3))
    assert (refused.reason, refused.limit) == ("file_too_large", 3)
