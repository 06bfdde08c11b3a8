"""Digital skills against MSME digital adoption, province by province: does business adoption lag
where skills are weak, and which provinces lag what their skills predict?

A skills measure (x) and an adoption measure (y) are paired by province. On the same layout
every province takes part; across layouts (a 34-province skills measure against a 38-province
adoption measure) only the provinces whose territory did not change in 2022 are compared, so
Papua and Papua Barat and their daughters are left out and named. The rank correlation
(Spearman) comes with a 95 % interval (Fisher's z with the Bonett-Wright standard error); the
fit is Theil-Sen (robust to a few extreme provinces) with its 95 % slope interval; a province lags
what its skills predict only when that interval excludes zero (skills predict adoption at all)
and its residual is more than one robust standard deviation (1.4826 x MAD) below the fit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from inklusi.statistics import like
from inklusi.statistics.metrics import Z95, layout_of
from inklusi.store import reference
from inklusi.store.measures import split

LAG_Z = -1.0  # robust z of the residual below which a province lags
LOWEST = 5  # how many of the lowest adopters a sentence names when skills predict nothing


@dataclass(frozen=True)
class Comparison:
    points: pd.DataFrame  # province, pulau, x, y, unreliable, fitted, residual, robust_z, lags
    left_out: list[str]  # provinces not compared because their territory differs between the layouts
    rho: float
    low: float
    high: float
    n: int
    slope: float
    slope_low: float
    slope_high: float
    intercept: float
    rho_reliable: float | None  # the correlation without the unreliable estimates, when there are any
    mixed_layouts: bool

    @property
    def predicts(self) -> bool:
        """Whether skills predict adoption in these data: the fitted slope's interval excludes zero."""
        return self.slope_low > 0 or self.slope_high < 0

    @property
    def verdict(self) -> str:
        return verdict_of(self.low, self.high, self.slope_low, self.slope_high)

    def lowest(self, count: int = LOWEST) -> pd.DataFrame:
        """The provinces with the lowest adoption, lowest first."""
        return self.points.sort_values(["y", "province"]).head(count)


def verdict_of(low: float, high: float, slope_low: float, slope_high: float) -> str:
    """One verdict: positive or negative when the rank correlation and the robust fit agree (both
    intervals exclude zero, on the same side), else unclear."""
    if low > 0 and slope_low > 0:
        return "positive"
    if high < 0 and slope_high < 0:
        return "negative"
    return "unclear"


def rank_correlation(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """Spearman's rho with its 95 % interval (Fisher z, Bonett-Wright standard error)."""
    from scipy.stats import spearmanr

    rho = float(spearmanr(x, y).statistic)
    n = len(x)
    if n < 5 or abs(rho) >= 1:
        return rho, math.nan, math.nan
    se = math.sqrt((1 + rho**2 / 2) / (n - 3))
    z = math.atanh(rho)
    return rho, math.tanh(z - Z95 * se), math.tanh(z + Z95 * se)


def pair(run, skill: str, adoption: str) -> pd.DataFrame:
    """The provinces with both values: province, pulau, x, y, unreliable (either value)."""
    frames = [run("indicator_by_province", indicator=i, year=y) for i, y in (split(skill), split(adoption))]
    x, y = (f[["province", "value", "reliability", "layout"]] for f in frames)
    joined = x.drop(columns="layout").merge(y.drop(columns="layout"), on="province", suffixes=("_x", "_y"))
    provinces = reference.provinces().set_index("kode")
    joined["pulau"] = joined["province"].map(provinces["pulau"])
    joined["unreliable"] = joined["reliability_x"].eq("unreliable") | joined["reliability_y"].eq("unreliable")
    if layout_of(x) != layout_of(y):  # compare only the provinces whose territory is the same in both
        joined = joined[~joined["province"].isin(like.split_provinces())]
    joined = joined.rename(columns={"value_x": "x", "value_y": "y"}).dropna(subset=["x", "y"])
    return joined[["province", "pulau", "x", "y", "unreliable"]].reset_index(drop=True)


def compare(run, skill: str, adoption: str) -> Comparison:
    from scipy.stats import theilslopes

    points = pair(run, skill, adoption)
    mixed = (
        len({layout_of(run("indicator_by_province", indicator=i, year=y)) for i, y in (split(skill), split(adoption))})
        > 1
    )
    left_out = sorted(like.split_provinces()) if mixed else []
    x, y = points["x"].to_numpy(float), points["y"].to_numpy(float)
    rho, low, high = rank_correlation(x, y)
    slope, intercept, slope_low, slope_high = theilslopes(y, x, alpha=0.95)
    agree = verdict_of(low, high, slope_low, slope_high) != "unclear"
    fitted = intercept + slope * x
    residual = y - fitted
    scale = 1.4826 * float(np.median(np.abs(residual - np.median(residual))))
    robust_z = residual / scale if scale > 0 else np.zeros_like(residual)
    points = points.assign(fitted=fitted, residual=residual, robust_z=robust_z, lags=agree & (robust_z < LAG_Z))
    reliable = points[~points["unreliable"]]
    rho_reliable = (
        rank_correlation(reliable["x"].to_numpy(float), reliable["y"].to_numpy(float))[0]
        if points["unreliable"].any()
        else None
    )
    return Comparison(
        points,
        left_out,
        rho,
        low,
        high,
        len(points),
        float(slope),
        float(slope_low),
        float(slope_high),
        float(intercept),
        rho_reliable,
        mixed,
    )
