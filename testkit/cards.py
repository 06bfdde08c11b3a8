"""The overview's cards as they must read, computed from data/values.csv with pandas alone:
the oracle of the concurrency test and of the burst benchmark."""

from __future__ import annotations

import pandas as pd
from babel.numbers import format_decimal

from inklusi.config import DATA_DIR


def load() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, catalogue) read straight from data/, independent of the build step."""
    values = pd.read_csv(DATA_DIR / "values.csv", dtype={"province": str})
    return values, pd.read_csv(DATA_DIR / "indicators.csv").set_index("id")


def expected(values: pd.DataFrame, catalogue: pd.DataFrame, indicator: str, year: int) -> dict[str, str]:
    """What the overview's cards must say, in Indonesian."""
    rows = values[(values.indicator == indicator) & (values.year == year)]
    provincial = rows[rows.province != "ID"].value.dropna()
    national = rows[rows.province == "ID"].value
    decimals = int(catalogue.loc[indicator, "decimals"])
    return {
        f"Nilai nasional {year}": format_decimal(national.iloc[0], "#,##0.00####", locale="id_ID")
        if len(national)
        else "tidak diterbitkan",
        "Rentang antarprovinsi": format_decimal(
            round(provincial.max() - provincial.min(), 10), "#,##0." + "0" * decimals, locale="id_ID"
        ),
    }


def editions(values: pd.DataFrame, indicator: str) -> list[int]:
    rows = values[(values.indicator == indicator) & (values.province != "ID")]
    return sorted(int(y) for y in rows.year.unique())
