"""Files as provincial offices send them (issue 12): each defect found by trying real-world
files is reproduced here, and each case states what a careful user expects."""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from datetime import date

import openpyxl
import pandas as pd
import pytest
import xlwt
from hypothesis import given, settings
from hypothesis import strategies as st

from inklusi import imports
from inklusi.config import REPO
from tests.samples import GOOD, HEADER, INDICATOR_HEADER, check, held, quoted, rows

# ---- 0. Excel on a runtime-only install --------------------------------------------------------

RUNTIME_ONLY = """
import importlib.abc, importlib.metadata as md, re, sys
from pathlib import Path
def wanted(file):
    return {re.split(r"[=<>!~ ;\\[]", line, maxsplit=1)[0].strip().lower().replace("_", "-")
            for line in Path(file).read_text().splitlines() if line.strip() and not line.startswith("#")}
runtime = wanted("requirements.txt")
closure, todo = set(), list(runtime)
while todo:
    name = todo.pop()
    if name in closure:
        continue
    closure.add(name)
    try:
        requires = md.requires(name) or []
    except md.PackageNotFoundError:
        continue
    todo += [re.split(r"[=<>!~ ;\\[(]", r, maxsplit=1)[0].strip().lower().replace("_", "-")
             for r in requires if "extra ==" not in r]
blocked = {module for module, dists in md.packages_distributions().items()
           if not {d.lower().replace("_", "-") for d in dists} & closure}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError(f"{name} is a dev-only package")
sys.meta_path.insert(0, Block())
assert "openpyxl" in blocked or "openpyxl" not in md.packages_distributions(), "openpyxl should be blocked here"
from inklusi import imports
for kind in ("mentoring", "indicators"):
    table = imports.read(imports.template(kind, "xlsx"), "template.xlsx", "data")
    result = imports.validate(table, kind, "template.xlsx")
    assert len(result.accepted) == 1, [p.key for p in result.problems]
xls = Path(sys.argv[1]).read_bytes()
assert len(imports.validate(imports.read(xls, "office.xls"), "mentoring", "office.xls").accepted) == 2
print("ok")
"""


def xls_file() -> bytes:
    """An Excel 97-2003 workbook, as old office PCs still save."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("peserta")
    for r, line in enumerate([HEADER, *rows(2)]):
        for c, value in enumerate(line.split(",")):
            sheet.write(r, c, float(value) if value.replace(".", "").isdigit() else value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_excel_imports_with_the_runtime_requirements_only(tmp_path):
    """openpyxl and every other test-only package cannot be imported here, as on a `make run` install."""
    (tmp_path / "office.xls").write_bytes(xls_file())
    done = subprocess.run(
        [sys.executable, "-c", RUNTIME_ONLY, str(tmp_path / "office.xls")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-2000:]


# ---- 1. numbers: the convention of a column, decided from the whole column ----------------------


def indicator_file(values: list[str], delimiter: str = ",") -> bytes:
    lines = [INDICATOR_HEADER.replace(",", delimiter)]
    provinces = ["Aceh", "Bali", "Jambi", "Riau", "Banten", "Gorontalo"]
    for province, value in zip(provinces, values, strict=False):  # at most six provinces
        quoted = f'"{value}"' if delimiter in value else value
        lines.append(delimiter.join([province, "2024", "uji", quoted, "persen", "Diskominfo"]))
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_dot_decimals_are_never_read_as_thousands(delimiter):
    result = check(indicator_file(["0.875", "0.912", "12.345"], delimiter), kind="indicators")
    assert list(result.accepted["value"]) == [0.875, 0.912, 12.345]
    assert not held(result)


@pytest.mark.parametrize(
    "values, expected",
    [
        (["12,5", "1.234,5", "7"], [12.5, 1234.5, 7.0]),  # Indonesian: decimal comma, thousands dot
        (["1.234", "12,5"], [1234.0, 12.5]),  # the comma elsewhere in the column decides
        (["1,234.5", "2,000"], [1234.5, 2000.0]),  # English: thousands comma
        (["1.234.567", "3"], [1234567.0, 3.0]),
        (["-0,5", "0"], [-0.5, 0.0]),
    ],
)
def test_a_column_is_read_by_the_convention_its_values_show(values, expected):
    result = check(indicator_file(values, ";"), kind="indicators")
    assert list(result.accepted["value"]) == expected and not held(result)


@pytest.mark.parametrize(
    "delimiter, expected, reading", [(";", [1234.0, 2500.0], "thousands"), (",", [1.234, 2.5], "decimal")]
)
def test_an_ambiguous_column_is_read_by_the_file_convention_and_says_so(delimiter, expected, reading):
    result = check(indicator_file(["1.234", "2.500"], delimiter), kind="indicators")
    assert list(result.accepted["value"]) == expected
    notice = next(p for p in result.problems if p.key == "number_reading")
    assert notice.column == "value" and not notice.holds and reading in notice.text("en")


def test_a_column_mixing_both_conventions_holds_back_what_is_ambiguous():
    result = check(indicator_file(["0.875", "12,5", "1.234"], ";"), kind="indicators")
    assert list(result.accepted["value"]) == [0.875, 12.5]
    problem = next(p for p in result.problems if p.key == "ambiguous_number")
    assert problem.row == 4 and "1234" in problem.text("en") and "1.234" in problem.text("en")


# ---- 2. formulas (stored as typed since issue 21: tests/test_import_office_rows.py) -------------


def test_the_validation_report_in_excel_holds_no_formula():
    content = (HEADER + "\n" + GOOD.format(n=1).replace(",42,", ',"=1+1",') + "\n").encode()
    result = check(content)
    assert held(result) == {(2, "pre_score", "not_number")}  # the report quotes the cell as typed
    book = openpyxl.load_workbook(io.BytesIO(imports.report_xlsx(result, "en")))
    cells = [c for row in book.active.iter_rows() for c in row]
    assert "=1+1" in [c.value for c in cells] and not [c for c in cells if c.data_type == "f"]


# ---- 4. the report is one table Arrow can serialise, row numbers are whole numbers ---------------


def test_the_report_has_one_type_per_column_and_whole_row_numbers():
    content = (
        HEADER + ",catatan\n" + GOOD.format(n=1) + ",x\n" + GOOD.format(n=2).replace(",42,", ",420,") + ",y\n"
    ).encode()
    report = check(content).report("en")
    import pyarrow as pa

    pa.Table.from_pandas(report)  # raises on a column mixing numbers and text
    assert "\n3,pre_score,420," in report.to_csv(index=False) and "3.0" not in report.to_csv(index=False)


def test_a_clean_file_with_official_names_has_no_report():
    content = (HEADER + "\n" + "\n".join(rows(3)).replace("Jawa Barat", "Nusa Tenggara Timur") + "\n").encode()
    result = check(content)
    assert result.problems == [] and result.report("id").empty


# ---- 5. files offices have --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export.txt", "export.csv"])
def test_excel_unicode_text_is_read(name):
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated, decimal commas in an Indonesian locale."""
    text = (
        HEADER.replace(",", "\t")
        + "\r\n"
        + "\r\n".join(r.replace(",", "\t").replace("\t42\t", "\t42,5\t") for r in rows(2))
        + "\r\n"
    )
    result = check(text.encode("utf-16"), name)
    assert len(result.accepted) == 2 and list(result.accepted["pre_score"]) == [42.5, 42.5]


def test_an_excel_97_file_is_read():
    result = check(xls_file(), "office.xls")
    assert len(result.accepted) == 2 and not held(result)


def test_a_header_below_a_title_and_a_merged_group_header_is_found():
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Laporan Pendampingan UMKM Provinsi Jawa Barat 2024"
    sheet["A2"] = "Identitas"
    sheet.merge_cells("A2:D2")
    sheet["E2"] = "Pelaksanaan"
    sheet.merge_cells("E2:L2")
    for r, line in enumerate([HEADER, *rows(23)], start=3):
        for c, value in enumerate(line.split(","), start=1):
            sheet.cell(r, c, value)
    book.save(buffer)
    result = check(buffer.getvalue(), "laporan.xlsx")
    assert len(result.accepted) == 23 and not held(result)
    notice = next(p for p in result.problems if p.key == "header_row")
    assert notice.values["row"] == 3 and "row 3" in notice.text("en")


# ---- 6. row numbers as the file shows them, and codes that mean two provinces ------------------


def test_row_numbers_count_blank_lines():
    lines = [HEADER, *rows(4), "", "", *rows(3, 5), "", *rows(3, 8)]
    lines[13] = lines[13].replace(",42,", ",4x2,")  # file row 14
    assert lines[13].startswith("P-10,")
    result = check(("\n".join(lines) + "\n").encode())
    assert held(result) == {(14, "pre_score", "not_number")}


@pytest.mark.parametrize("code, kemendagri, bps", [("91", "91", "92"), ("94", "94", "91")])
def test_a_bare_code_that_means_two_provinces_is_held_back_naming_both(code, kemendagri, bps):
    content = (HEADER + "\n" + GOOD.format(n=1).replace("Jawa Barat", code) + "\n").encode()
    result = check(content)
    problem = next(p for p in result.problems if p.key == "ambiguous_code")
    assert problem.holds and "Kemendagri" in problem.text("en") and "BPS" in problem.text("en")
    assert list(check(content, codes="kemendagri").accepted["province"]) == [kemendagri]
    assert list(check(content, codes="bps").accepted["province"]) == [bps]


def test_a_code_that_is_the_same_in_both_lists_is_read():
    content = (HEADER + "\n" + GOOD.format(n=1).replace("Jawa Barat", "53") + "\n").encode()
    assert list(check(content).accepted["province"]) == ["53"]


# ---- 7. dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, expected",
    [
        ("6 Mei 2024", date(2024, 5, 6)),
        ("06-Agustus-2024", date(2024, 8, 6)),
        ("6 May 2024", date(2024, 5, 6)),
        ("May 6, 2024", date(2024, 5, 6)),
        ("6 Agt 2024", date(2024, 8, 6)),
        ("45418", date(2024, 5, 6)),
        ("06/05/2024", date(2024, 5, 6)),
        ("2024-05-06 00:00:00", date(2024, 5, 6)),
    ],
)
def test_dates_as_offices_write_them(start, expected):
    content = (
        HEADER
        + "\n"
        + GOOD.format(n=1).replace("2024-05-06", quoted(start)).replace("2024-07-29", "30 Sep 2024")
        + "\n"
    ).encode()
    result = check(content)
    assert not held(result), result.problems
    assert result.accepted["start_date"].iloc[0] == expected


def test_a_date_range_in_one_cell_is_refused_not_cut():
    content = (HEADER + "\n" + GOOD.format(n=1).replace("2024-05-06", "2024-05-06 s.d. 2024-07-29") + "\n").encode()
    result = check(content)
    assert held(result) == {(2, "start_date", "date_range")}


# ---- 8. text kept whole, encodings decided from the whole file, a split decimal named ------------


def test_long_text_is_refused_with_the_limit_not_cut():
    long_name = "Program Pendampingan " + "x" * 215
    content = (HEADER + "\n" + GOOD.format(n=1).replace("pendampingan-2024", long_name) + "\n").encode()
    result = check(content)
    problem = next(p for p in result.problems if p.key == "too_long")
    assert (problem.row, problem.column) == (2, "programme") and "200" in problem.text("en")


def test_a_stray_windows_byte_in_a_utf8_file_is_named_not_guessed():
    lines = [HEADER, *(r.replace("pendampingan-2024", "Café Nusantara") for r in rows(5))]
    content = ("\n".join(lines) + "\n").encode("utf-8")
    broken = content.replace("Café".encode(), "Caf\xe9".encode("cp1252"), 1)
    with pytest.raises(imports.ReadError) as error:
        imports.read(broken, "cafe.csv")
    assert error.value.key == "mixed_encoding" and error.value.values["row"] == 2
    assert list(check(content).accepted["programme"]) == ["Café Nusantara"] * 5


def test_an_unquoted_decimal_comma_holds_back_its_row_only():
    lines = [HEADER, *rows(6)]
    lines[5] = lines[5].replace(",42,", ",58,2,")  # file row 6
    result = check(("\n".join(lines) + "\n").encode())
    assert len(result.accepted) == 5 and held(result) == {(6, None, "too_many_values")}


# ---- 9. duplicates -----------------------------------------------------------------------------


def test_an_id_repeated_on_an_invalid_row_holds_back_both_rows():
    lines = [HEADER, GOOD.format(n=1), GOOD.format(n=1).replace(",42,", ",420,"), GOOD.format(n=2)]
    result = check(("\n".join(lines) + "\n").encode())
    assert list(result.accepted["id"]) == ["P-2"]
    assert {(2, "id", "duplicate_id"), (3, "id", "duplicate_id")} <= held(result)


# ---- 3. the shell export never destroys a file ------------------------------------------------


def export(*args):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "inklusi",
            "export",
            "--query",
            "national_series",
            "--param",
            "indicator=imdi",
            "--format",
            "csv",
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_an_existing_file_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "mine.csv"
    out.write_text("my own work\n")
    done = export("--out", str(out))
    assert done.returncode == 2 and "--force" in done.stderr and out.read_text() == "my own work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv"]
    assert export("--out", str(out), "--force").returncode == 0
    assert out.read_text().startswith("year,") and (tmp_path / "mine.csv.json").exists()


def test_a_failed_sidecar_leaves_the_users_file_as_it_was(tmp_path):
    out = tmp_path / "mine.csv"
    out.write_text("my own work\n")
    (tmp_path / "mine.csv.json").mkdir()
    done = export("--out", str(out), "--force")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert out.read_text() == "my own work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv", "mine.csv.json"]


def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = export("--out", str(fifo), "--force")
    assert done.returncode == 2 and "not a regular file" in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    if os.geteuid() == 0:  # a device node, as root (CI runs as root)
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        assert export("--out", str(device), "--force").returncode == 2
        assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_huge_integer_parameter_is_refused(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "inklusi",
            "export",
            "--query",
            "indicator_by_province",
            "--param",
            "indicator=imdi",
            "--param",
            "year=99999999999999999999",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "x.csv"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 2 and "year" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


# ---- exports of text a spreadsheet would run -----------------------------------------------------


def test_exports_write_formula_text_as_inert_text():
    from inklusi.export import files
    from inklusi.export.view import View

    frame = pd.DataFrame({"id": ["=1+1", "@SUM(A1)", "biasa"], "value": [-1.5, 2.0, 3.0]})
    view = View("", {}, frame)
    book = openpyxl.load_workbook(io.BytesIO(files.encode(view, "xlsx")))
    cells = [c for row in book["data"].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"] and "=1+1" in [c.value for c in cells]
    for fmt in ("csv", "csv_bom", "csv_id"):
        text = files.encode(view, fmt).decode("utf-8-sig")
        assert "'=1+1" in text and "'@SUM(A1)" in text and "biasa" in text and "'-" not in text


# ---- a corpus of both conventions: no value is ever silently changed -----------------------------


def written(value: float, convention: str, grouped: bool) -> str:
    """A number as a spreadsheet in that convention writes it."""
    text = f"{value:,.3f}" if grouped else f"{value:.3f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    if convention == "comma":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 9_999_999).map(lambda n: n / 1000), st.booleans()), min_size=1, max_size=6),
    st.sampled_from([(";", "comma"), (",", "dot")]),
)
def test_numbers_in_either_convention_read_back_exactly(cells, file):
    delimiter, convention = file
    texts = [written(value, convention, grouped) for value, grouped in cells]
    result = check(indicator_file(texts, delimiter), kind="indicators")
    assert list(result.accepted["value"]) == [value for value, _ in cells][:6], (texts, result.problems)
    ambiguous_only = all(re.fullmatch(r"-?\d+|[1-9]\d{0,2}[.,]\d{3}", t) for t in texts) and any(
        re.fullmatch(r"[1-9]\d{0,2}[.,]\d{3}", t) for t in texts
    )
    assert any(p.key == "number_reading" for p in result.problems) == ambiguous_only


def test_a_web_page_saved_as_xls_says_what_it_is():
    page = b"<html><body><table><tr><td>id</td><td>year</td></tr></table></body></html>"
    with pytest.raises(imports.ReadError) as error:
        imports.read(page, "laporan.xls")
    assert error.value.key == "html_as_excel" and "save it as .xlsx" in error.value.text("en")
