"""Reading a file into its cells, with the row numbers a spreadsheet shows.

CSV and text files: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or cp1252,
the encoding decided from the whole file; `,`, `;`, tab or `|` between values. Excel: .xlsx,
.xlsm and Excel 97-2003 .xls (one sheet, chosen when there are several), numbers and dates
keeping their type. Parquet. The header is the row that names the schema's columns, found
below any title rows; blank lines count as rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from inklusi import config
from inklusi.imports.cells import MARKUP
from inklusi.imports.problems import Problem, ReadError
from inklusi.imports.schemas import SCHEMAS

MAX_BYTES = config.upload_megabytes() * 1024 * 1024  # the upload box's limit, stated on the import page too
MAX_ROWS = 2_000_000
EXCEL = ("xlsx", "xlsm", "xls")
DELIMITERS = ("\t", ";", ",", "|")
# The decimal mark a delimiter implies: Indonesian Excel writes `;` because the comma is its decimal mark.
DELIMITER_DECIMAL = {";": "comma", ",": "dot"}
HEADER_SEARCH = 30  # rows searched for the header
KNOWN_COLUMNS = {c.name for schema in SCHEMAS.values() for c in schema}
# A valid UTF-8 sequence of two or more bytes: a file holding one is UTF-8, whatever else it holds.
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


@dataclass
class Table:
    """A file's header and data rows; cells are text, or numbers and dates where the file types them."""

    columns: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number as a spreadsheet shows it, cells), blank rows included
    decimal: str | None = None  # "comma" or "dot" when the file's format implies a decimal mark
    notices: list[Problem] = field(default_factory=list)
    overflow: dict[int, int] = field(default_factory=dict)  # row -> values in it, when more than the header


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value != value  # NaN


def read(content: bytes, filename: str, sheet: str | None = None) -> Table:
    if len(content) > MAX_BYTES:
        raise ReadError("too_large", size=round(len(content) / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024)
    if not content.strip():
        raise ReadError("empty")
    if MARKUP.search(filename):
        raise ReadError("file_name")
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix in EXCEL:
        table = _with_header(excel_rows(content, sheet))
    elif suffix == "parquet":
        table = parquet_table(content)
    elif suffix in ("csv", "txt", "tsv", ""):
        rows, delimiter = csv_rows(decode(content))
        table = _with_header(rows)
        table.decimal = DELIMITER_DECIMAL.get(delimiter)
    else:
        raise ReadError("format", suffix=suffix[:10])
    data = [row for row in table.rows if not all(blank(c) for c in row[1])]
    if not data:
        raise ReadError("empty")
    if len(data) > MAX_ROWS:
        raise ReadError("too_many_rows", limit=MAX_ROWS)
    return table


# ---- text files ------------------------------------------------------------------------------


def decode(content: bytes) -> str:
    """The text of a file, in the one encoding that reads all of it."""
    if content.startswith(b"\xef\xbb\xbf"):
        return _strict(content[3:], "utf-8")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(content, "utf-16")
    sample = content[:4000]
    if sample[1::2].count(0) > len(sample) // 4:  # UTF-16 without a BOM: every other byte is zero
        return _strict(content, "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as exc:
        if UTF8_MULTIBYTE.search(content):  # UTF-8 with a stray byte from another encoding
            raise ReadError(
                "mixed_encoding", row=_row_of(content, exc.start), byte=f"0x{content[exc.start]:02X}"
            ) from None
    return _strict(content, "cp1252")


def _strict(content: bytes, encoding: str) -> str:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(
            "bad_byte", row=_row_of(content, exc.start), byte=f"0x{content[exc.start]:02X}", encoding=encoding
        ) from None


def _row_of(content: bytes, offset: int) -> int:
    return content[:offset].count(b"\n") + 1


def csv_rows(text: str) -> tuple[list[tuple[int, list[Any]]], str]:
    """Every record of a delimited text with its row number (blank lines are rows, as in Excel)."""
    delimiter = sniff(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ReadError("unreadable", kind="CSV") from exc
    return [(number, [c if c.strip() else None for c in record]) for number, record in enumerate(records, 1)], delimiter


def sniff(text: str) -> str:
    """The delimiter that splits the most of the first lines into the same number (above one) of values."""
    lines = [line for line in text.splitlines()[:200] if line.strip()][:60]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]
        except csv.Error:
            continue
        common = max(set(counts), key=counts.count) if counts else 1
        score = (counts.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# ---- Excel and Parquet --------------------------------------------------------------------------


def _workbook(content: bytes):
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(content))
    except Exception as exc:  # calamine raises several kinds on damaged or protected workbooks
        head = content[:512].lstrip().lower()
        if head.startswith((b"<", b"\xef\xbb\xbf<")) or b"<table" in content[:4096].lower():
            raise ReadError("html_as_excel") from exc
        raise ReadError("unreadable", kind="Excel") from exc


def sheets(content: bytes) -> list[str]:
    """The sheet names of an Excel file."""
    return list(_workbook(content).sheet_names)


def excel_rows(content: bytes, sheet: str | None) -> list[tuple[int, list[Any]]]:
    book = _workbook(content)
    names = list(book.sheet_names)
    if sheet is None and len(names) > 1:
        raise ReadError("choose_sheet", sheets=", ".join(names))
    if (sheet or names[0]) not in names:
        raise ReadError("no_sheet", sheet=str(sheet)[:40])
    try:
        cells = book.get_sheet_by_name(sheet or names[0]).to_python(skip_empty_area=False)
    except Exception as exc:  # a sheet calamine cannot decode
        raise ReadError("unreadable", kind="Excel") from exc
    return [(number, [None if blank(c) else c for c in row]) for number, row in enumerate(cells, 1)]


def parquet_table(content: bytes) -> Table:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(content))
    except Exception as exc:  # pyarrow raises several kinds on damaged content
        raise ReadError("unreadable", kind="Parquet") from exc
    columns = [str(c).strip() for c in table.column_names]
    values = [table.column(i).to_pylist() for i in range(table.num_columns)]
    rows = [(number, [column[i] for column in values]) for i, number in enumerate(range(2, table.num_rows + 2))]
    return Table(columns, rows)


# ---- the header -----------------------------------------------------------------------------------


def _with_header(rows: list[tuple[int, list[Any]]]) -> Table:
    """Split rows into the header and the data below it; say so when title rows were skipped."""
    filled = [(i, row) for i, row in enumerate(rows) if not all(blank(c) for c in row[1])]
    if not filled:
        raise ReadError("empty")
    candidates = filled[:HEADER_SEARCH]
    matches = [sum(str(c).strip().lower() in KNOWN_COLUMNS for c in row[1] if not blank(c)) for _, row in candidates]
    best = max(range(len(candidates)), key=lambda k: (matches[k] >= 2, matches[k], -k))
    index, (header_row, header) = candidates[best] if matches[best] >= 2 else candidates[0]
    width = max(k + 1 for k, c in enumerate(header) if not blank(c))
    names = [str(c).strip() if not blank(c) else "" for c in header[:width]]
    body = rows[index + 1 :]
    used = [k for k, name in enumerate(names) if name or any(k < len(r) and not blank(r[k]) for _, r in body)]
    named = [names[k] or f"({_letter(k)})" for k in used]
    table = Table(named, [(n, [r[k] if k < len(r) else None for k in used]) for n, r in body])
    table.overflow = _overflow(body, width, _shape(header, body, width))
    if index != filled[0][0]:
        table.notices.append(Problem(None, None, "", "header_row", {"row": header_row, "skipped": header_row - 1}))
    return table


def _shape(header: list[Any], body: list[tuple[int, list[Any]]], width: int) -> int:
    """How many fields a line of this file has: the header's, or more when most data rows carry
    the same empty fields beyond it (lines that all end with a comma)."""
    lengths = Counter(
        len(r) for _, r in body if not all(blank(c) for c in r) and all(blank(c) for c in r[width:])
    ).most_common()
    usual = min((length for length, count in lengths if count == lengths[0][1]), default=0)
    return max(len(header), usual)


def _overflow(body: list[tuple[int, list[Any]]], width: int, shape: int) -> dict[int, int]:
    """Rows that do not line up with the header: values beyond its last column, or more fields
    than the file's lines have (an unquoted decimal comma that split a value in two, even when the
    field it pushed out of line is an empty one at the end). Row -> the values it holds."""
    return {
        n: max(width + sum(not blank(c) for c in r[width:]), len(r) - (shape - width))
        for n, r in body
        if not all(blank(c) for c in r) and (len(r) > shape or any(not blank(c) for c in r[width:]))
    }


def _letter(index: int) -> str:
    """The spreadsheet letter of a column (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
