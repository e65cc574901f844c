"""The bank's CSV and XLSX files, read as a stream of rows with bounded memory whatever the file
claims about itself.

    with open_table(path) as table:
        table.header                     # ["case_ref", "customer_name", ...]
        for line, cells in table.rows():  # line: the row's line (CSV) or row number (XLSX)
            ...

Rows: the header is the file's first non-blank row; `rows()` gives every later non-blank row
(a row is blank when each of its cells is empty or whitespace) as `Row(line, cells)`, `line` true
to the file: a CSV's physical line where the record begins (a quoted cell may span lines, blank
lines are counted), an XLSX's sheet row number. Cells are str, never stripped, "" when empty. A
CSV row has the fields its line has; an XLSX row is padded with "" to the header's width (a sheet
stores no empty cells) and runs to its last non-empty cell. Columns are counted to the last
non-empty cell, so trailing empty fields or styled empty cells cost nothing.

XLSX values: shared and inline strings as written (rich text joined, phonetic runs left out);
numbers as Excel shows them unformatted (1234.0 -> "1234", 18250.5 -> "18250.5"); a number in a
date or time style (built-in formats 14-22, 45-47 and the CJK ones 27-36, 50-58, or a custom
format with y/m/d/h/s outside quotes) as ISO 8601: "2026-10-17", "2026-11-28T10:15:00",
"10:15:00"; booleans "TRUE"/"FALSE"; a formula's cached value; an error as its text ("#N/A").

Every refusal is one exception, `TableRefused`, with a short machine `reason`, the `limit` it hit
(or None) and a short English `detail` that never holds more than a 40-character excerpt of a
cell. `Limits` bounds what a file can cost: its size, its rows and columns, the length of a cell,
and for a workbook what its zip and its XML claim before anything is decompressed.

CSV: the encoding is detected from the first 64 KiB (a BOM for UTF-8, UTF-16 or UTF-32; else
UTF-8 if it decodes; else GB18030, the superset of GBK and GB2312) unless the caller names one;
when those 64 KiB are ASCII, from 64 KiB beginning at the file's first other byte. NUL bytes
without a BOM (UTF-16 without one, or a binary file) are refused.
Lines are read at most `Limits.max_line_chars()` characters at a time (a record longer than that
cannot hold `max_columns` legal cells), so a 50 MB cell is refused after reading at most that much;
each field is then held to `max_cell_chars`. The csv module's field limit is process-global and is
never lowered here (threads reading other files would share it): it is only raised, once, when a
caller allows cells longer than it. A byte the encoding cannot decode later in the file refuses the
file as "unreadable_encoding" naming its line; the rows before it have been handed out already.

XLSX: the first worksheet, streamed through expat over the zip member: no openpyxl (its read-only
mode pads every row to the declared dimension), no DTD (a document type declaration refuses the
workbook, so no entity can expand), no tag longer than `max_xml_token_bytes`, no member larger
or more compressed than the limits allow, checked from the central directory before reading it.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Literal, NamedTuple
from xml.parsers import expat

REASONS = (
    "not_a_workbook",
    "too_many_rows",
    "too_many_columns",
    "cell_too_long",
    "declared_too_large",
    "zip_bomb",
    "too_many_shared_strings",
    "unreadable_encoding",
    "file_too_large",
    "empty",
    "malformed_csv",
)


@dataclass(frozen=True)
class Limits:
    """What one file may cost; callers override any of them (`Limits(max_rows=500_000)`)."""

    max_rows: int = 2_000_000  # data rows after the header, blank rows not counted
    max_columns: int = 64  # up to the last non-empty cell of a row
    max_cell_chars: int = 10_000
    max_file_bytes: int = 2 * 1024**3
    # XLSX only
    max_declared_cells: int = 200_000_000  # <dimension ref>'s rows x columns; also <c> elements
    max_member_bytes: int = 4 * 1024**3  # uncompressed size of each zip member read
    max_compression_ratio: int = 100  # uncompressed / compressed, for members over 1 MiB
    max_zip_members: int = 10_000  # and a central directory of at most 1 KiB per member
    max_shared_strings: int = 2_000_000
    max_shared_chars: int = 100_000_000
    max_xml_token_bytes: int = 16 * 1024**2  # XML read without any element or text seen

    def max_line_chars(self) -> int:
        """The longest CSV record that can hold `max_columns` cells of `max_cell_chars` each,
        every character a doubled quote."""
        return self.max_columns * (2 * self.max_cell_chars + 3) + 2


class TableRefused(ValueError):
    """The file is refused: `reason` is one of REASONS, `limit` the limit it passed (or None),
    `detail` a short message in English, `line` the line or row number where known."""

    def __init__(self, reason: str, limit: int | None, detail: str, line: int | None = None):
        super().__init__(detail)
        self.reason = reason
        self.limit = limit
        self.detail = detail
        self.line = line

    def __reduce__(self) -> tuple[type[TableRefused], tuple[str, int | None, str, int | None]]:
        return (TableRefused, (self.reason, self.limit, self.detail, self.line))


class Row(NamedTuple):
    line: int
    cells: list[str]


def _excerpt(text: str) -> str:
    return repr(text[:40] + "…" if len(text) > 40 else text)


def _on_line(line: int | None) -> str:
    return f" on line {line:,}" if line is not None else ""


def _cell_too_long(limits: Limits, line: int | None, start: str = "") -> TableRefused:
    begins = f" (it begins {_excerpt(start)})" if start else ""
    return TableRefused(
        "cell_too_long",
        limits.max_cell_chars,
        f"a cell{_on_line(line)} is longer than {limits.max_cell_chars:,} characters{begins}",
        line,
    )


def _too_many_columns(limits: Limits, line: int, where: str = "") -> TableRefused:
    return TableRefused(
        "too_many_columns",
        limits.max_columns,
        f"line {line:,} has more than {limits.max_columns:,} columns{where}",
        line,
    )


def _not_a_workbook(detail: str) -> TableRefused:
    return TableRefused("not_a_workbook", None, f"not a readable XLSX workbook: {detail}")


class Table:
    """A file's header and, once, its rows. Close it (or use it as a context manager)."""

    def __init__(
        self,
        path: Path,
        kind: Literal["csv", "xlsx"],
        records: Iterator[Row],
        limits: Limits,
        encoding: Callable[[], str | None],
    ) -> None:
        self.path = path
        self.kind = kind
        self.limits = limits
        self._records = records
        self._started = False
        first = next(records, None)
        if first is None:
            raise TableRefused("empty", None, "the file has no rows, not even a header")
        self.header: list[str] = first.cells
        self.header_line: int = first.line
        self.encoding: str | None = encoding()  # the CSV's codec as read; None for XLSX

    def rows(self) -> Iterator[Row]:
        """The non-blank rows after the header, each with its line; once only."""
        if self._started:
            raise RuntimeError("a table's rows can be read once")
        self._started = True
        return self._rows()

    __iter__ = rows

    def _rows(self) -> Iterator[Row]:
        width = len(self.header)
        for count, row in enumerate(self._records, start=1):
            if count > self.limits.max_rows:
                self.close()
                raise TableRefused(
                    "too_many_rows",
                    self.limits.max_rows,
                    f"the file has more than {self.limits.max_rows:,} rows after its header",
                    row.line,
                )
            if self.kind == "xlsx" and len(row.cells) < width:
                row.cells.extend([""] * (width - len(row.cells)))
            yield row

    def close(self) -> None:
        close = getattr(self._records, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_table(
    path: Path | str, *, encoding: str | None = None, limits: Limits = Limits()
) -> Table:
    """The table in a CSV or XLSX file (told apart by content: a zip is a workbook; by name only
    when the content does not tell). `encoding`: a Python codec name for a CSV; None detects.
    Raises TableRefused, or OSError when the file cannot be opened at all."""
    path = Path(path)
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise TableRefused(
            "file_too_large",
            limits.max_file_bytes,
            f"the file is {size:,} bytes, more than the {limits.max_file_bytes:,} allowed",
        )
    with path.open("rb") as fh:
        magic = fh.read(8)
    if magic.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return Table(path, "xlsx", _xlsx_records(path, limits), limits, lambda: None)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise _not_a_workbook(
            "an old .xls workbook or a password-protected one: save it as .xlsx or CSV"
        )
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        raise _not_a_workbook(f"{path.name} is not a zip file (truncated, or renamed)")
    chosen: list[str] = []
    records = _csv_records(path, encoding, limits, chosen)
    return Table(path, "csv", records, limits, lambda: chosen[0] if chosen else None)


# ---------------------------------------------------------------------------------------- CSV

_PREFIX = 64 * 1024
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes surrogateescape could not decode


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's, which begins it
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _detect_encoding(head: bytes, whole: bool, boms: bool = True) -> str | None:
    """The codec for bytes that begin a file (`boms`) or a character; `whole`: no more follow."""
    for bom, name in _BOMS if boms else ():
        if head.startswith(bom):
            return name
    for name in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(name)().decode(head, whole)
        except UnicodeDecodeError:
            continue
        return name
    return None


def _detect_after_ascii(fh: BinaryIO) -> str:
    """An ASCII prefix tells nothing: look from the file's first other byte, which begins a
    character (the bytes before it are ASCII), reading it 1 MiB at a time."""
    while chunk := fh.read(1024 * 1024):
        if not chunk.isascii():
            at = next(i for i, byte in enumerate(chunk) if byte > 0x7F)
            window = chunk[at : at + _PREFIX]
            more = fh.read(_PREFIX - len(window)) if len(window) < _PREFIX else b""
            window += more
            # neither: UTF-8 reads the ASCII lines and names the first line it cannot
            return _detect_encoding(window, len(window) < _PREFIX, boms=False) or "utf-8"
    return "utf-8"


def _codec(fh: BinaryIO, encoding: str | None) -> str:
    head = fh.read(_PREFIX)
    whole = len(head) < _PREFIX
    if encoding is None:
        found = _detect_encoding(head, whole)
        if found == "utf-8" and not whole and head.isascii():
            found = _detect_after_ascii(fh)
        if found in ("utf-8", "gb18030") and b"\x00" in head:
            raise TableRefused(
                "unreadable_encoding",
                None,
                "the file holds NUL bytes: UTF-16 without a BOM, or not a text file at all",
                1,
            )
        if found is None:
            raise TableRefused(
                "unreadable_encoding",
                None,
                "the file is neither UTF-8 nor GB18030 (GBK): save it as CSV UTF-8",
            )
        return found
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise TableRefused(
            "unreadable_encoding", None, f"{_excerpt(encoding)} is not an encoding"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise TableRefused(
            "unreadable_encoding", None, f"{_excerpt(encoding)} is not a text encoding"
        )
    if info.name == "utf-8" and head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return info.name


class _Lines:
    """The file's physical lines for csv.reader, none longer than a record may be; it notes the
    first line holding a byte the encoding could not decode."""

    def __init__(self, text: io.TextIOWrapper, max_chars: int) -> None:
        self.text = text
        self.max_chars = max_chars
        self.line = 0
        self.record_chars = 0
        self.too_long: int | None = None  # the line where a record outgrew max_chars
        self.undecodable: int | None = None

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.too_long is not None:
            raise StopIteration  # the record is refused once csv.reader returns it
        piece = self.text.readline(self.max_chars)
        if not piece:
            raise StopIteration
        self.line += 1
        self.record_chars += len(piece)
        if self.undecodable is None and _ESCAPED.search(piece):
            self.undecodable = self.line
        cut = len(piece) == self.max_chars and not piece.endswith(("\n", "\r"))
        if cut or self.record_chars > self.max_chars:
            self.too_long = self.line
        return piece


def _csv_records(
    path: Path, encoding: str | None, limits: Limits, chosen: list[str]
) -> Iterator[Row]:
    with path.open("rb") as raw:
        codec = _codec(raw, encoding)
        chosen.append(codec)
        raw.seek(0)
        try:
            text = io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape", newline="")
        except LookupError as exc:
            raise TableRefused("unreadable_encoding", None, str(exc)[:100]) from None
        if csv.field_size_limit() < limits.max_cell_chars:
            csv.field_size_limit(limits.max_cell_chars)  # raised only, so never racing a lower one
        lines = _Lines(text, limits.max_line_chars())
        reader = csv.reader(lines, strict=False)
        while True:
            start = lines.line + 1
            lines.record_chars = 0
            try:
                fields = next(reader, None)
            except csv.Error as exc:
                if "field limit" in str(exc):
                    raise _cell_too_long(limits, start) from None
                raise TableRefused(
                    "malformed_csv", None, f"line {start:,} cannot be read as CSV: {exc}", start
                ) from None
            except UnicodeError:  # surrogateescape cannot carry every error (an odd UTF-16 byte)
                raise TableRefused(
                    "unreadable_encoding",
                    None,
                    f"line {lines.line + 1:,} has bytes that are not {codec}",
                    lines.line + 1,
                ) from None
            if lines.undecodable is not None:
                line = lines.undecodable
                raise TableRefused(
                    "unreadable_encoding",
                    None,
                    f"line {line:,} has bytes that are not {codec}: save the file as CSV UTF-8",
                    line,
                )
            if lines.too_long is not None:
                raise _too_many_columns(
                    limits,
                    start,
                    f": it is longer than {limits.max_line_chars():,} characters",
                )
            if fields is None:
                return
            last = len(fields)
            while last and not fields[last - 1].strip():
                last -= 1
            if last == 0:
                continue  # a blank line
            if last > limits.max_columns:
                raise _too_many_columns(limits, start)
            for field in fields:
                if len(field) > limits.max_cell_chars:
                    raise _cell_too_long(limits, start, field[:41])
            yield Row(start, fields)


# --------------------------------------------------------------------------------------- XLSX

_CHUNK = 64 * 1024
_LOOSE = 1024 * 1024  # members this small are not held to the compression ratio
_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,7})\Z")
_RANGE = re.compile(r"([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?\Z")
# what zipfile raises on a damaged archive: a bad offset seeks before the start (OSError), an
# entry's fields do not parse (ValueError, struct.error), a method it lacks, an encrypted entry
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
    struct.error,
)


def _column(letters: str) -> int:
    """0 for A, 16383 for XFD."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def _letters(column: int) -> str:
    out = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _zip_directory(path: Path) -> tuple[int, int] | None:
    """The entry count and central directory size the end record declares, read before zipfile
    reads the directory whole and builds an object per entry; None when no end record is found
    (zipfile then refuses the file)."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - (22 + 65535)))
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) < at + 22:
            return None
        entries, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
        if entries != 0xFFFF and directory != 0xFFFFFFFF:
            return int(entries), int(directory)
        locator = at - 20
        if locator < 0 or tail[locator : locator + 4] != b"PK\x06\x07":
            return None
        (offset,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        fh.seek(offset)
        record = fh.read(56)
        if len(record) < 56 or record[:4] != b"PK\x06\x06":
            return None
        entries, directory = struct.unpack("<QQ", record[32:48])
        return int(entries), int(directory)


def _xlsx_records(path: Path, limits: Limits) -> Iterator[Row]:
    try:
        declared = _zip_directory(path)
        if declared is not None and (
            declared[0] > limits.max_zip_members or declared[1] > limits.max_zip_members * 1024
        ):
            raise TableRefused(
                "zip_bomb",
                limits.max_zip_members,
                f"the workbook declares {declared[0]:,} files in a directory of"
                f" {declared[1]:,} bytes, more than {limits.max_zip_members:,} files"
                " of 1 KiB each",
            )
        with zipfile.ZipFile(path) as zf:
            yield from _Workbook(zf, limits).rows()
    except TableRefused:
        raise
    except _ZIP_ERRORS as exc:
        raise _not_a_workbook(str(exc)[:100]) from None


class _Handler:
    events = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        pass

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _no_dtd(*_: object) -> None:
    raise _not_a_workbook("a part declares a document type (DTD), which no workbook does")


class _Workbook:
    def __init__(self, zf: zipfile.ZipFile, limits: Limits) -> None:
        self.zf = zf
        self.limits = limits

    def member(self, name: str) -> zipfile.ZipInfo | None:
        try:
            info = self.zf.getinfo(name)
        except KeyError:
            return None
        limits = self.limits
        if info.file_size > limits.max_member_bytes:
            raise TableRefused(
                "zip_bomb",
                limits.max_member_bytes,
                f"{_excerpt(name)} unpacks to {info.file_size:,} bytes,"
                f" more than {limits.max_member_bytes:,}",
            )
        if info.file_size > _LOOSE and (
            info.file_size > info.compress_size * limits.max_compression_ratio
        ):
            raise TableRefused(
                "zip_bomb",
                limits.max_compression_ratio,
                f"{_excerpt(name)} unpacks to {info.file_size:,} bytes from"
                f" {info.compress_size:,}: more than {limits.max_compression_ratio}:1",
            )
        return info

    def stream(self, info: zipfile.ZipInfo, handler: _Handler) -> Iterator[None]:
        """Feed the member to expat a chunk at a time, yielding after each chunk."""
        parser = expat.ParserCreate()
        parser.StartDoctypeDeclHandler = _no_dtd
        parser.EntityDeclHandler = _no_dtd
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.buffer_text = True
        parser.buffer_size = _CHUNK
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = handler.end
        parser.CharacterDataHandler = handler.text
        quiet = 0
        read = 0
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    read += len(chunk)
                    if read > info.file_size:
                        raise _not_a_workbook(f"{_excerpt(info.filename)} is longer than declared")
                    seen = handler.events
                    parser.Parse(chunk, False)
                    quiet = quiet + len(chunk) if handler.events == seen else 0
                    if quiet > self.limits.max_xml_token_bytes:
                        raise _not_a_workbook(
                            f"{_excerpt(info.filename)} has an XML tag longer than"
                            f" {self.limits.max_xml_token_bytes:,} bytes"
                        )
                    yield
                parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise _not_a_workbook(
                f"{_excerpt(info.filename)} is not well-formed XML: {exc}"
            ) from None
        yield

    def parse(self, name: str, handler: _Handler) -> bool:
        info = self.member(name)
        if info is None:
            return False
        for _ in self.stream(info, handler):
            pass
        return True

    def rows(self) -> Iterator[Row]:
        rels = _Rels()
        self.parse("_rels/.rels", rels)
        book_name = rels.target("officeDocument", "") or "xl/workbook.xml"
        book = _Book()
        if not self.parse(book_name, book) or book.first_sheet is None:
            raise _not_a_workbook("it has no worksheet")
        folder, base = posixpath.split(book_name)
        book_rels = _Rels()
        self.parse(posixpath.join(folder, "_rels", base + ".rels"), book_rels)
        sheet_name = book_rels.target(None, folder, rid=book.first_sheet)
        if sheet_name is None:
            raise _not_a_workbook("its first worksheet is not in the workbook's relationships")
        styles = _Styles()
        self.parse(book_rels.target("styles", folder) or "xl/styles.xml", styles)
        shared = _SharedStrings(self.limits)
        self.parse(book_rels.target("sharedStrings", folder) or "xl/sharedStrings.xml", shared)
        info = self.member(sheet_name)
        if info is None:
            raise _not_a_workbook(f"its first worksheet {_excerpt(sheet_name)} is missing")
        sheet = _Sheet(self.limits, shared.strings, styles.kinds(), book.date1904)
        for _ in self.stream(info, sheet):
            if sheet.pending:
                yield from sheet.pending
                sheet.pending.clear()


class _Rels(_Handler):
    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []  # id, type, target

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.events += 1
        if _local(name) == "Relationship" and len(self.items) < 10_000:
            self.items.append((attrs.get("Id", ""), attrs.get("Type", ""), attrs.get("Target", "")))

    def target(self, kind: str | None, folder: str, rid: str | None = None) -> str | None:
        for id_, type_, target in self.items:
            if (rid is not None and id_ == rid) or (
                kind is not None and type_.endswith("/" + kind)
            ):
                if target.startswith("/"):
                    return posixpath.normpath(target[1:])
                return posixpath.normpath(posixpath.join(folder, target))
        return None


class _Book(_Handler):
    def __init__(self) -> None:
        self.first_sheet: str | None = None
        self.date1904 = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.events += 1
        local = _local(name)
        if local == "workbookPr":
            self.date1904 = attrs.get("date1904", "") in ("1", "true")
        elif local == "sheet" and self.first_sheet is None:
            for key, value in attrs.items():
                if key.endswith(":id"):
                    self.first_sheet = value


# Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the CJK ones).
_BUILTIN_DATES = {14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58}
_BUILTIN_TIMES = {18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56}
_BUILTIN_DATETIMES = {22}
_QUOTED = re.compile(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]')

Kind = Literal["date", "time", "datetime"]


def _format_kind(code: str) -> Kind | None:
    section = _QUOTED.sub("", code).split(";")[0].lower()
    has_date = any(c in section for c in "yd")
    has_time = any(c in section for c in "hs") or "am/pm" in section or "a/p" in section
    if "m" in section and not has_time:
        has_date = True
    if has_date and has_time:
        return "datetime"
    if has_date:
        return "date"
    if has_time:
        return "time"
    return None


class _Styles(_Handler):
    def __init__(self) -> None:
        self.formats: dict[int, str] = {}
        self.xfs: list[int] = []
        self.in_cell_xfs = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.events += 1
        local = _local(name)
        try:
            if local == "numFmt" and len(self.formats) < 10_000:
                self.formats[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")[:200]
            elif local == "cellXfs":
                self.in_cell_xfs = True
            elif local == "xf" and self.in_cell_xfs and len(self.xfs) < 100_000:
                self.xfs.append(int(attrs.get("numFmtId", "0")))
        except ValueError:
            raise _not_a_workbook("its styles name a number format that is not a number") from None

    def end(self, name: str) -> None:
        if _local(name) == "cellXfs":
            self.in_cell_xfs = False

    def kinds(self) -> dict[int, Kind]:
        out: dict[int, Kind] = {}
        for index, fmt in enumerate(self.xfs):
            kind: Kind | None
            if fmt in self.formats:
                kind = _format_kind(self.formats[fmt])
            elif fmt in _BUILTIN_DATES:
                kind = "date"
            elif fmt in _BUILTIN_TIMES:
                kind = "time"
            elif fmt in _BUILTIN_DATETIMES:
                kind = "datetime"
            else:
                kind = None
            if kind is not None:
                out[index] = kind
        return out


class _TooLong(NamedTuple):
    start: str


class _SharedStrings(_Handler):
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.strings: list[str | _TooLong] = []
        self.total = 0
        self.parts: list[str] = []
        self.length = 0
        self.in_t = False
        self.in_rph = False

    def refuse(self, what: str, limit: int) -> TableRefused:
        return TableRefused(
            "too_many_shared_strings",
            limit,
            f"the workbook's shared strings {what} more than {limit:,}",
        )

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.events += 1
        local = _local(name)
        if local == "t" and not self.in_rph:
            self.in_t = True
        elif local == "rPh":
            self.in_rph = True
        elif local == "si":
            if len(self.strings) >= self.limits.max_shared_strings:
                raise self.refuse("are", self.limits.max_shared_strings)
            self.parts = []
            self.length = 0
        elif local == "sst":
            declared = attrs.get("uniqueCount", "")
            if declared.isdigit() and int(declared) > self.limits.max_shared_strings:
                raise self.refuse(
                    f"declare {int(declared):,} strings,", self.limits.max_shared_strings
                )

    def text(self, data: str) -> None:
        self.events += 1
        if not self.in_t:
            return
        self.length += len(data)
        if self.length <= self.limits.max_cell_chars:
            self.parts.append(data)
            self.total += len(data)
            if self.total > self.limits.max_shared_chars:
                raise self.refuse("hold characters,", self.limits.max_shared_chars)

    def end(self, name: str) -> None:
        local = _local(name)
        if local == "t":
            self.in_t = False
        elif local == "rPh":
            self.in_rph = False
        elif local == "si":
            value = "".join(self.parts)
            self.strings.append(
                _TooLong(value[:41]) if self.length > self.limits.max_cell_chars else value
            )
            self.parts = []


_EPOCH_1900 = datetime(1899, 12, 30)  # noqa: DTZ001 - a spreadsheet's times have no zone
_EPOCH_1904 = datetime(1904, 1, 1)  # noqa: DTZ001


def _number(text: str) -> str:
    text = text.strip()
    if re.fullmatch(r"-?\d{1,30}", text):
        return str(int(text))
    try:
        value = float(text)
    except ValueError:
        return text
    if not math.isfinite(value):
        return text
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def _when(text: str, kind: Kind, date1904: bool) -> str:
    try:
        serial = float(text)
        if serial < 0 or serial > 2_958_466:  # 9999-12-31
            return _number(text)
        shift = 1 if not date1904 and serial < 60 else 0  # Excel counts 1900-02-29, never was
        moment = (_EPOCH_1904 if date1904 else _EPOCH_1900) + timedelta(
            milliseconds=round((serial + shift) * 86_400_000)
        )
    except (ValueError, OverflowError):
        return _number(text)
    spec = "seconds" if moment.microsecond == 0 else "milliseconds"
    if kind == "time" and serial < 1:
        return moment.time().isoformat(spec)
    if kind == "date" and moment.time() == datetime.min.time():
        return date.isoformat(moment.date())
    return moment.isoformat(timespec=spec)


class _Sheet(_Handler):
    def __init__(
        self,
        limits: Limits,
        shared: list[str | _TooLong],
        kinds: dict[int, Kind],
        date1904: bool,
    ) -> None:
        self.limits = limits
        self.shared = shared
        self.kinds = kinds
        self.date1904 = date1904
        self.pending: list[Row] = []
        self.row = 0
        self.cells: dict[int, str] = {}
        self.col = -1
        self.next_col = 0
        self.type = "n"
        self.style = 0
        self.in_cell = False
        self.collecting = False
        self.in_rph = False
        self.parts: list[str] = []
        self.length = 0
        self.seen_cells = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.events += 1
        local = _local(name)
        if local == "c":
            self.seen_cells += 1
            if self.seen_cells > self.limits.max_declared_cells:
                raise TableRefused(
                    "declared_too_large",
                    self.limits.max_declared_cells,
                    f"the worksheet holds more than {self.limits.max_declared_cells:,} cells",
                    self.row,
                )
            ref = attrs.get("r")
            if ref is None:
                self.col = self.next_col
            else:
                found = _REF.match(ref)
                if found is None:
                    raise _not_a_workbook(f"a cell's reference {_excerpt(ref)} is not one")
                self.col = _column(found.group(1))
            self.type = attrs.get("t", "n")
            try:
                self.style = int(attrs.get("s", "0"))
            except ValueError:
                self.style = 0
            self.in_cell = True
            self.parts = []
            self.length = 0
        elif local == "v" or (local == "t" and not self.in_rph):
            self.collecting = self.in_cell
        elif local == "rPh":
            self.in_rph = True
        elif local == "row":
            ref = attrs.get("r")
            if ref is None:
                self.row += 1
            elif ref.isdigit() and len(ref) <= 7:
                self.row = int(ref)
            else:
                raise _not_a_workbook(f"a row number {_excerpt(ref)} is not one")
            self.cells = {}
            self.next_col = 0
        elif local == "dimension":
            self.dimension(attrs.get("ref", ""))

    def dimension(self, ref: str) -> None:
        found = _RANGE.match(ref)
        if found is None:
            return  # a dimension we cannot read claims nothing; the cells are counted anyway
        first_col, first_row = _column(found.group(1)), int(found.group(2))
        last_col = _column(found.group(3)) if found.group(3) else first_col
        last_row = int(found.group(4)) if found.group(4) else first_row
        cells = (abs(last_row - first_row) + 1) * (abs(last_col - first_col) + 1)
        if cells > self.limits.max_declared_cells:
            raise TableRefused(
                "declared_too_large",
                self.limits.max_declared_cells,
                f"the worksheet declares {ref} ({cells:,} cells),"
                f" more than {self.limits.max_declared_cells:,}",
            )

    def text(self, data: str) -> None:
        self.events += 1
        if not self.collecting:
            return
        self.length += len(data)
        if self.length > self.limits.max_cell_chars:
            raise _cell_too_long(self.limits, self.row, "".join(self.parts)[:41] or data[:41])
        self.parts.append(data)

    def end(self, name: str) -> None:
        local = _local(name)
        if local in ("v", "t"):
            self.collecting = False
        elif local == "rPh":
            self.in_rph = False
        elif local == "c":
            self.in_cell = False
            self.next_col = self.col + 1
            value = self.value("".join(self.parts))
            if value:
                if self.col >= self.limits.max_columns:
                    where = f": a cell at column {_letters(self.col)}"
                    raise _too_many_columns(self.limits, self.row, where)
                self.cells[self.col] = value
        elif local == "row":
            if any(v.strip() for v in self.cells.values()):
                cells = [""] * (max(self.cells) + 1)
                for col, value in self.cells.items():
                    cells[col] = value
                self.pending.append(Row(self.row, cells))
            self.cells = {}

    def value(self, text: str) -> str:
        kind = self.type
        if not text:
            return ""
        if kind == "s":
            try:
                shared = self.shared[int(text)]
            except (ValueError, IndexError):
                raise _not_a_workbook(
                    f"a cell on line {self.row:,} names shared string {_excerpt(text)},"
                    " which is not there"
                ) from None
            if isinstance(shared, _TooLong):
                raise _cell_too_long(self.limits, self.row, shared.start)
            return shared
        if kind == "b":
            return {"1": "TRUE", "0": "FALSE"}.get(text.strip(), text)
        if kind != "n":
            return text  # inlineStr, str (a formula's text), e (an error such as #N/A), d
        when = self.kinds.get(self.style)
        if when is not None:
            return _when(text, when, self.date1904)
        return _number(text)
