"""An exported file read back into a frame, and compared with the view it was exported from."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd

from inklusi.config import REPO


def text_columns(frame: pd.DataFrame) -> dict:
    """Columns that are text in the view: a reader is told so (a code like "11" is not a number)."""
    return {
        c: str
        for c in frame.columns
        if not (pd.api.types.is_numeric_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c]))
    }


def read_back(data: bytes, fmt: str, like: pd.DataFrame) -> pd.DataFrame:
    text = text_columns(like)
    if fmt == "csv":
        return pd.read_csv(io.BytesIO(data), dtype=text)
    if fmt in ("csv_bom", "csv_id"):
        assert data.startswith(b"\xef\xbb\xbf"), "a BOM so that Excel reads UTF-8"
        sep, decimal = (";", ",") if fmt == "csv_id" else (",", ".")
        return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=sep, decimal=decimal, dtype=text)
    if fmt == "xlsx":
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=text, engine="openpyxl")
        assert set(sheets) == {"data", "metadata"}
        assert {"page", "query", "parameters", "rounding", "rows"} <= set(sheets["metadata"]["key"])
        return sheets["data"]
    if fmt == "datapackage":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            path = json.loads(package.read("datapackage.json"))["resources"][0]["path"]
            return read_back(package.read(path), "csv", like)
    if fmt == "dta":  # Stata has no true/false (0/1) and no missing text ("")
        back = pd.read_stata(io.BytesIO(data))
        return back.astype({c: bool for c in like.columns if pd.api.types.is_bool_dtype(like[c])})
    assert fmt == "parquet"
    return pd.read_parquet(io.BytesIO(data))


def comparable(series: pd.Series) -> list:
    if pd.api.types.is_bool_dtype(series):
        return [None if pd.isna(v) else bool(v) for v in series]
    if pd.api.types.is_numeric_dtype(series):
        return [None if pd.isna(v) else round(float(v), 10) for v in series]
    return [None if pd.isna(v) or v == "" else str(v) for v in series]


def same(back: pd.DataFrame, view: pd.DataFrame) -> None:
    assert list(back.columns) == list(view.columns) and len(back) == len(view)
    for column in view.columns:
        assert comparable(back[column]) == comparable(view[column]), column


def shell_export(url: str, fmt: str, out: Path) -> subprocess.CompletedProcess:
    """`python -m inklusi export --from-url URL` in English, as a user runs it from a shell."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "inklusi",
            "export",
            "--from-url",
            url,
            "--format",
            fmt,
            "--lang",
            "en",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
