"""Bring your own data: a corpus of bad files with their messages, property-based reader
tests, a valid file's aggregates against pandas, and the built-in data left untouched."""

from __future__ import annotations

import hashlib
import io
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inklusi import imports
from inklusi.config import DATA_DIR
from inklusi.statistics.metrics import mentoring_rates, rates_by
from inklusi.store import db, queries

HEADER = (
    "id,year,province,sector,scale,gender,start_date,end_date,training_hours,completed,pre_score,post_score,"
    "online_before,online_after"
)
GOOD = "P-1,2024,Jawa Barat,makanan,mikro,perempuan,2024-05-06,2024-07-29,24,ya,42,55,tidak,ya"


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def problems(content: bytes, name="file.csv", kind="mentoring", sheet=None):
    """The result and the (row, column, key) of the problems that hold rows back."""
    result = imports.validate(imports.read(content, name, sheet), kind, name, {"imdi"})
    return result, {(p.row, p.column, p.key) for p in result.problems if p.holds}


# One bad file per case: (content, the problem expected at (row, column, key), a phrase of its message)
CASES = {
    "missing column, closest name suggested": (
        csv_file(GOOD.replace("Jawa Barat", "Jawa Barat"), header=HEADER.replace("province", "provinsi")),
        (None, "province", "missing_column_like"),
        "did you mean the column provinsi",
    ),
    "extra column": (
        csv_file(GOOD + ",x", header=HEADER + ",catatan"),
        (None, "catatan", "extra_column"),
        "not in the schema",
    ),
    "wrong type": (csv_file(GOOD.replace(",2024,", ",dua ribu,")), (2, "year", "not_integer"), "not a whole number"),
    "score out of range": (csv_file(GOOD.replace(",42,", ",120,")), (2, "pre_score", "range"), "outside the range"),
    "unknown province with a suggestion": (
        csv_file(GOOD.replace("Jawa Barat", "Jawa Barta")),
        (2, "province", "province_like"),
        "did you mean 32 West Java",
    ),
    "a regency is not a province": (
        csv_file(GOOD.replace("Jawa Barat", "Kab. Manggarai Barat")),
        (2, "province", "regency"),
        "regency or city",
    ),
    "duplicate participant ids": (
        csv_file(GOOD, GOOD.replace("Jawa Barat", "Bali")),
        (3, "id", "duplicate_id"),
        "appears more than once",
    ),
    "end before start": (
        csv_file(GOOD.replace("2024-07-29", "2024-04-01")),
        (2, "end_date", "end_before_start"),
        "before the start date",
    ),
    "total row": (csv_file(GOOD, "Total,,,,,,,,,,,,,"), (3, None, "total_row"), "total or subtotal"),
    "subtotal row": (csv_file(GOOD, "Subtotal Jawa Barat,2024,,,,,,,,,,,,"), (3, None, "total_row"), "total"),
    "not a sector": (csv_file(GOOD.replace("makanan", "makana")), (2, "sector", "choice_like"), "did you mean"),
    "completed without a post-score": (
        csv_file(GOOD.replace(",42,55,", ",42,,")),
        (2, "post_score", "post_missing"),
        "post-score is empty",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_gives_its_message(case):
    content, expected, phrase = CASES[case]
    result, _ = problems(content)
    assert expected in {(p.row, p.column, p.key) for p in result.problems}, result.problems
    problem = next(p for p in result.problems if (p.row, p.column, p.key) == expected)
    assert phrase in problem.text("en")
    assert problem.text("id") and problem.text("id") != problem.text("en")


@pytest.mark.parametrize(
    "content, name, key",
    [
        (b"", "empty.csv", "empty"),
        (HEADER.encode() + b"\n", "header-only.csv", "empty"),
        (b"x" * (imports.MAX_BYTES + 1), "big.csv", "too_large"),
        (b"PK\x03\x04 not really a workbook", "broken.xlsx", "unreadable"),
        (b"\x00\x01", "data.doc", "format"),
    ],
)
def test_unreadable_files_say_why(content, name, key):
    with pytest.raises(imports.ReadError) as error:
        imports.read(content, name)
    assert error.value.key == key
    assert error.value.text("en") and error.value.text("id")


def test_excel_with_several_sheets_asks_which():
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="catatan", index=False)
        pd.read_csv(io.BytesIO(csv_file(GOOD)), dtype=str).to_excel(writer, sheet_name="peserta", index=False)
    with pytest.raises(imports.ReadError) as error:
        imports.read(buffer.getvalue(), "two.xlsx")
    assert error.value.key == "choose_sheet" and "peserta" in error.value.text("en")
    result, found = problems(buffer.getvalue(), "two.xlsx", sheet="peserta")
    assert len(result.accepted) == 1 and not found


def test_aliases_are_recognised_and_reported_not_guessed():
    rows = [
        GOOD.replace("Jawa Barat", alias).replace("P-1", f"P-{i}")
        for i, alias in enumerate(["Jabar", "Prov. NTT", "DKI", "Provinsi Jawa Barat", "JABAR"])
    ]
    result, found = problems(csv_file(*rows))
    assert not found and len(result.accepted) == 5
    assert list(result.accepted["province"]) == ["32", "53", "31", "32", "32"]
    recognised = {p.value: p.values["as_province"] for p in result.problems if p.key == "recognised"}
    assert recognised == {"Jabar": "32", "Prov. NTT": "53", "DKI": "31", "JABAR": "32"}
    assert "Recognised as 32 West Java" in result.report("en").to_csv()
    assert "Dikenali sebagai 32 Jawa Barat" in result.report("id").to_csv()


def test_indonesian_excel_csv_semicolons_decimal_commas_thousands_and_encodings():
    text = (
        HEADER.replace(",", ";")
        + "\n"
        + "P-1;2024;Jawa Barat;Makanan;mikro;perempuan;06/05/2024;29/07/2024;1.000;ya;42,5;55,25;tidak;ya\n"
    )
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252"):
        result, found = problems(text.encode(encoding))
        assert not found, (encoding, found)
        row = result.accepted.iloc[0]
        assert row["pre_score"] == 42.5 and row["post_score"] == 55.25 and row["training_hours"] == 1000
        assert row["sector"] == "makanan"
    accented = text.replace("P-1", "P-ê1").encode("cp1252")
    assert problems(accented)[0].accepted.iloc[0]["id"] == "P-ê1"


@pytest.mark.parametrize("word", ["today", "now", "NaT", "nan"])
def test_words_in_a_date_column_are_not_dates(word):
    """pandas reads "today" as a date and "NaT" as a missing one; a field form means neither."""
    result, found = problems(csv_file(GOOD.replace("2024-07-29", word)))
    assert found == {(2, "end_date", "not_date")} and result.accepted.empty


def test_invalid_rows_are_held_back_and_listed_never_dropped():
    content = csv_file(
        GOOD,
        GOOD.replace("P-1", "P-2").replace(",42,", ",420,"),
        GOOD.replace("P-1", "P-3").replace("Jawa Barat", "Atlantis"),
        "Jumlah,,,,,,,,,,,,,",
    )
    result, found = problems(content)
    assert list(result.accepted["id"]) == ["P-1"]
    assert result.held_back == 3
    assert {row for row, _, key in found} == {3, 4, 5}


def test_indicator_values_import():
    content = (
        "province;year;indicator;value;unit;source\n"
        "Jabar;2024;pelatihan;12,5;persen;Diskominfo\n"
        "Papua Pegunungan;2024;pelatihan;3,25;persen;Diskominfo\n"
        "Jabar;2024;imdi;1;skor;x\n"
    ).encode()
    result, found = problems(content, kind="indicators")
    assert found == {(4, "indicator", "indicator_exists")}
    values, indicators, sources = imports.indicator_tables(result.accepted, "pelatihan.csv")
    assert list(values["value"]) == [12.5, 3.25] and set(values["layout"]) == {38}
    assert indicators.iloc[0]["unit_id"] == "persen"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(["a.csv", "a.xlsx", "a.parquet", "a.txt"]))
def test_readers_never_fail_unhandled_on_random_bytes(content, name):
    try:
        frame = imports.read(content, name)
    except imports.ReadError:
        return
    imports.validate(frame, "mentoring", name)
    imports.validate(frame, "indicators", name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=16),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from([",", ";"]),
    st.booleans(),
)
def test_readers_never_fail_unhandled_on_random_csv(rows, delimiter, with_header):
    lines = ([HEADER.replace(",", delimiter)] if with_header else []) + [delimiter.join(r) for r in rows]
    try:
        frame = imports.read("\n".join(lines).encode("utf-8"), "random.csv")
    except imports.ReadError:
        return
    for kind in ("mentoring", "indicators"):
        result = imports.validate(frame, kind, "random.csv")
        result.report("id")


@pytest.fixture(scope="module")
def sample(build_dir) -> pd.DataFrame:
    records = pd.read_parquet(build_dir / "mentoring.parquet")
    return records.sample(600, random_state=7).sort_values("id").reset_index(drop=True)


def indonesian_csv(frame: pd.DataFrame) -> bytes:
    """A file as field staff type it: Indonesian names, semicolons, decimal commas, day-first dates."""
    typed = frame.drop(columns=["synthetic"]).copy()
    names = pd.read_csv(DATA_DIR / "provinces.csv", dtype=str).set_index("kode")["nama"]
    typed["province"] = typed["province"].map(names)
    for column in ("completed", "online_before", "online_after"):
        typed[column] = typed[column].map({True: "ya", False: "tidak"})
    for column in ("start_date", "end_date"):
        typed[column] = pd.to_datetime(typed[column]).dt.strftime("%d/%m/%Y")
    return typed.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def test_valid_import_gives_the_same_aggregates_as_pandas(build_dir, sample):
    result = imports.validate(imports.read(indonesian_csv(sample), "staff.csv"), "mentoring", "staff.csv")
    assert result.problems == [] and len(result.accepted) == len(sample)
    con = db.open_database(build_dir, replace={"mentoring": imports.mentoring_table(result.accepted)})
    summary = queries.run(con, "mentoring_cube", {}).groupby(["province", "sector"]).sum(min_count=1)
    by = sample.groupby(["province", "sector"])
    assert summary["participants"].to_dict() == by.size().to_dict()
    assert summary["completed"].to_dict() == by.completed.sum().to_dict()
    gains = (sample.post_score - sample.pre_score).groupby([sample.province, sample.sector]).sum()
    # a group with no completers sums to NULL in SQL and 0 in pandas
    assert summary["sum_gain"].fillna(0).to_dict() == pytest.approx(gains.astype(float).to_dict())
    assert not queries.run(con, "mentoring_records", {})["synthetic"].any()


@pytest.mark.parametrize("pre_step, post_step", [(0.25, 0.5), (0.1, 0.2)])
def test_decimal_scores_give_the_same_interval_as_pandas(build_dir, sample, pre_step, post_step):
    """Scores with decimals (a field form may have them): the gain's mean and 95% interval per
    sector equal pandas' mean and t-free normal interval from the standard deviation."""
    records = sample.astype({"pre_score": float, "post_score": float})
    records["pre_score"] = (records["pre_score"] + pre_step).clip(upper=100)
    records["post_score"] = (records["post_score"] + post_step).clip(upper=100)
    result = imports.validate(imports.read(indonesian_csv(records), "decimals.csv"), "mentoring", "decimals.csv")
    assert result.problems == []
    con = db.open_database(build_dir, replace={"mentoring": imports.mentoring_table(result.accepted)})
    got = rates_by(queries.run(con, "mentoring_cube", {}), "sector").set_index("sector")
    gains = (records.post_score - records.pre_score).dropna().groupby(records.sector)
    half = 1.959963984540054 * gains.std(ddof=1) / np.sqrt(gains.size())
    assert got["mean_gain"].to_dict() == pytest.approx(gains.mean().to_dict())
    assert (got["gain_high"] - got["mean_gain"]).to_dict() == pytest.approx(half.to_dict(), nan_ok=True)


def test_equal_decimal_gains_give_an_interval_of_zero_width():
    sums = pd.DataFrame(
        {
            "participants": [3],
            "completed": [3],
            "with_scores": [3],
            "sum_pre": [150.0],
            "sum_post": [150.3],
            "sum_gain": [0.1 + 0.1 + 0.1],
            "sum_gain_sq": [3 * 0.1 * 0.1],
            "online_before": [0],
            "online_after": [1],
        }
    )
    rates = mentoring_rates(sums)
    assert rates["gain_low"] == pytest.approx(0.1) and rates["gain_high"] == pytest.approx(0.1)


def unescaped(markdown: str) -> str:
    """What Markdown shows for backslash-escaped punctuation."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def fingerprint(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_importing_leaves_the_built_in_data_unchanged(build_dir, sample):
    before = fingerprint(build_dir), fingerprint(DATA_DIR)
    from streamlit.testing.v1 import AppTest

    from tests.apptest import APP

    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("app_pages/import.py").run()
    at.file_uploader(key="import.file").upload("staff.csv", indonesian_csv(sample)).run()
    at.button(key="import.use").click().run()
    assert not at.exception
    assert "staff.csv" in unescaped(at.success[0].value)
    at.switch_page("app_pages/sectors.py").run()
    assert any("staff.csv" in unescaped(i.value) for i in at.info), "the banner names the imported file"
    mentored = next(m for m in at.metric if m.label == "UMKM didampingi")
    assert mentored.value == f"{len(sample)}"
    at.switch_page("app_pages/import.py").run()
    at.button(key="import.back").click().run()
    at.switch_page("app_pages/sectors.py").run()
    assert next(m for m in at.metric if m.label == "UMKM didampingi").value == "56.000"
    assert (fingerprint(build_dir), fingerprint(DATA_DIR)) == before
