"""Statistics and facts computed from query results (sums in, rates and intervals out)."""

from __future__ import annotations

import math

import pandas as pd

Z95 = 1.959963984540054


def layout_of(frame: pd.DataFrame) -> int:
    """The province layout (34 or 38) of a result with a `layout` column; 38 when it has no rows."""
    layouts = frame["layout"].dropna()
    return int(layouts.iloc[0]) if len(layouts) else 38


def level_of(frame: pd.DataFrame) -> float | None:
    """The national value as a level provinces can be compared with: None when it was not
    published, or when it lies outside the provinces' range (a total such as a count of
    businesses is not a level any province could reach)."""
    national = national_of(frame)
    values = frame["value"].dropna()
    if national is None or values.empty or not values.min() <= national <= values.max():
        return None
    return national


def national_of(frame: pd.DataFrame) -> float | None:
    """The published national value in a result with a `national` column (indicator_by_province,
    indicator_series), or None when it was not published."""
    values = frame["national"].dropna()
    return float(values.iloc[0]) if len(values) else None


def mentoring_rates(summary: pd.DataFrame) -> dict[str, float]:
    """Rates of a mentoring_cube result (or any subset of its rows), re-aggregated exactly."""
    total = summary[
        [
            "participants",
            "completed",
            "with_scores",
            "sum_pre",
            "sum_post",
            "sum_gain",
            "sum_gain_sq",
            "online_before",
            "online_after",
        ]
    ].sum()
    n, scored = total["participants"], total["with_scores"]
    mean_gain = total["sum_gain"] / scored if scored else math.nan
    # max(0, ...): with equal gains the difference of the two sums can round to just below zero
    variance = max(0.0, (total["sum_gain_sq"] - scored * mean_gain**2) / (scored - 1)) if scored > 1 else math.nan
    half = Z95 * math.sqrt(variance / scored) if scored > 1 else math.nan
    return {
        "participants": int(n),
        "completion": total["completed"] / n if n else math.nan,
        "mean_pre": total["sum_pre"] / scored if scored else math.nan,
        "mean_post": total["sum_post"] / scored if scored else math.nan,
        "mean_gain": mean_gain,
        "gain_low": mean_gain - half,
        "gain_high": mean_gain + half,
        "online_before": total["online_before"] / n if n else math.nan,
        "online_after": total["online_after"] / n if n else math.nan,
    }


def rates_by(summary: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """mentoring_rates for each group of a summary or cube result."""
    rows = [
        {**({by: key} if isinstance(by, str) else dict(zip(by, key, strict=True))), **mentoring_rates(group)}
        for key, group in summary.groupby(by, sort=True)
    ]
    return pd.DataFrame(rows)
