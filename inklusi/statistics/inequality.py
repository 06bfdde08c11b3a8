"""Gaps between regions: inequality, its decomposition, convergence and spatial clusters.

Pure functions on plain arrays and frames; the PySAL packages (inequality, esda, libpysal)
and scipy do the statistics. They are imported by the functions that use them: together they
take seconds to import, and a server's first page (the overview) needs none of them.
Provinces without a value are left out of every measure, never filled.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

ALPHA = 0.05
PERMUTATIONS = 999
SEED = 12345
QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}  # esda's numbering of the Moran scatter quadrants


def spread(values: np.ndarray) -> dict[str, float]:
    """Dispersion between provinces: range, max/min ratio, coefficient of variation, Gini, Theil.

    The coefficient of variation uses the population standard deviation (ddof=0): the
    provinces are the whole population, not a sample of it."""
    from inequality.gini import Gini
    from inequality.theil import Theil

    y = np.asarray(values, dtype=float)
    y = y[np.isfinite(y)]
    if len(y) < 2:
        return {"n": len(y)}
    return {
        "n": len(y),
        "min": y.min(),
        "max": y.max(),
        "range": y.max() - y.min(),
        "ratio": y.max() / y.min() if y.min() > 0 else math.nan,
        "mean": y.mean(),
        "sd": y.std(ddof=0),
        "cv": y.std(ddof=0) / y.mean(),
        "gini": float(Gini(y).g),
        "theil": float(Theil(y).T),
    }


def theil_split(values: np.ndarray, groups: np.ndarray) -> dict[str, float]:
    """Theil index split into the part between groups and the part within them (they add up)."""
    from inequality.theil import TheilD

    y = np.asarray(values, dtype=float)
    keep = np.isfinite(y)
    split = TheilD(y[keep], np.asarray(groups)[keep])
    total, between, within = float(np.ravel(split.T)[0]), float(np.ravel(split.bg)[0]), float(np.ravel(split.wg)[0])
    return {
        "total": total,
        "between": between,
        "within": within,
        "share_between": between / total if total else math.nan,
    }


GROUPS = {"pulau": "pulau", "zona": "zona_waktu"}  # island group, time-zone region
MIN_PROVINCES = 3


def measures(frame: pd.DataFrame) -> dict:
    """Spread measures of one edition (an indicator_by_province result), with the share of the
    Theil index that lies between island groups and between time zones."""
    valued = frame.dropna(subset=["value"])
    result = spread(valued["value"].to_numpy())
    if len(valued) >= MIN_PROVINCES:
        for group, column in GROUPS.items():
            split = theil_split(valued["value"].to_numpy(), valued[column].to_numpy())
            result[f"between_{group}"] = split["between"]
            result[f"within_{group}"] = split["within"]
            result[f"share_{group}"] = split["share_between"]
    result["layout"] = int(valued["layout"].iloc[0]) if len(valued) else None
    return result


def edition_measures(run, indicator: str, years: list[int]) -> pd.DataFrame:
    """measures() of every edition with enough provinces (subset "all"), and, for an edition with
    estimates BPS calls unreliable, the same without them (subset "reliable_only").
    run(name, **params) runs a named query."""
    rows = []
    for year in years:
        frame = run("indicator_by_province", indicator=indicator, year=year)
        rows.append({"indicator": indicator, "year": year, "subset": "all", **measures(frame)})
        unreliable = frame["reliability"].eq("unreliable")
        if unreliable.any():
            rows.append(
                {"indicator": indicator, "year": year, "subset": "reliable_only", **measures(frame[~unreliable])}
            )
    return pd.DataFrame([r for r in rows if r.get("n", 0) >= MIN_PROVINCES])


@dataclass(frozen=True)
class Beta:
    """Growth against starting level: a negative slope means the low started catching up."""

    slope: float
    low: float
    high: float
    intercept: float
    r2: float
    n: int
    points: pd.DataFrame  # province, start, end, growth (annual log growth, percent)


def beta_convergence(start: pd.DataFrame, end: pd.DataFrame, years: int) -> Beta:
    """OLS of annual log growth on log starting level, with a 95% confidence interval.

    start and end: province, value on the same layout; provinces missing in either are left out."""
    from scipy import stats

    last = dict(zip(end["province"], end["value"].to_numpy(float), strict=True))
    pairs = [
        (p, v, last[p])
        for p, v in zip(start["province"], start["value"].to_numpy(float), strict=True)
        if p in last and v > 0 and last[p] > 0  # a missing value (NaN) is not above zero
    ]
    province, first, final = (list(column) for column in zip(*pairs, strict=True)) if pairs else ([], [], [])
    x = np.log(np.asarray(first, float))
    growth = 100 * (np.log(np.asarray(final, float)) - x) / years
    fit = stats.linregress(x, growth)
    half = stats.t.ppf(1 - ALPHA / 2, len(pairs) - 2) * fit.stderr
    points = pd.DataFrame({"province": province, "start": first, "end": final, "growth": growth})
    return Beta(fit.slope, fit.slope - half, fit.slope + half, fit.intercept, fit.rvalue**2, len(pairs), points)


def weights(geojson: dict):
    """Queen contiguity (shared borders) of the map's provinces; a province with no land
    neighbour (an island province) is joined to the province whose shape is nearest.
    Row-standardised."""
    import geopandas
    from libpysal.weights import Queen, W

    shapes = geopandas.GeoDataFrame.from_features(geojson["features"])
    shapes["kode"] = [str(f["id"]) for f in geojson["features"]]
    shapes = shapes.sort_values("kode", ignore_index=True)
    queen = Queen.from_dataframe(shapes, ids=list(shapes["kode"]), use_index=False, silence_warnings=True)
    neighbours = {str(k): {str(n) for n in v} for k, v in queen.neighbors.items()}
    geometry = shapes.geometry.to_numpy()
    for island in (k for k, v in neighbours.items() if not v):
        i = list(shapes["kode"]).index(island)
        distance = shapely.distance(geometry[i], geometry)
        distance[i] = np.inf
        nearest = shapes["kode"].iloc[int(np.argmin(distance))]
        neighbours[island].add(nearest)
        neighbours[nearest].add(island)
    joined = W({k: sorted(v) for k, v in neighbours.items()}, id_order=list(shapes["kode"]), silence_warnings=True)
    joined.transform = "r"
    return joined


@dataclass(frozen=True)
class Clusters:
    moran_i: float
    expected: float
    p_value: float
    local: pd.DataFrame  # province, value, quadrant (HH, LL, HL, LH or ns), p_value


def clusters(values: pd.DataFrame, w) -> Clusters:
    """Global Moran's I with its permutation p-value, and local clusters (LISA, p < 0.05).

    values: province, value; provinces without a value are dropped from the weights."""
    import esda
    from libpysal.weights import w_subset

    present = values.dropna(subset=["value"]).set_index("province").reindex(w.id_order).dropna()
    ids = list(present.index)
    sub = w_subset(w, ids, silence_warnings=True) if len(ids) < len(w.id_order) else w
    sub.transform = "r"
    y = present["value"].to_numpy(float)
    np.random.seed(SEED)  # esda's global test draws its permutations from numpy's global generator
    with warnings.catch_warnings():
        # esda announces a future change of its default alternative; the pseudo p-values used
        # here are its current (directed) conditional-permutation ones, as the page states.
        warnings.simplefilter("ignore", DeprecationWarning)
        moran = esda.Moran(y, sub, permutations=PERMUTATIONS)
        local = esda.Moran_Local(y, sub, permutations=PERMUTATIONS, seed=SEED)
    quadrant = [QUADRANTS[q] if p < ALPHA else "ns" for q, p in zip(local.q, local.p_sim, strict=True)]
    frame = pd.DataFrame({"province": ids, "value": y, "quadrant": quadrant, "p_value": local.p_sim})
    return Clusters(float(moran.I), float(moran.EI), float(moran.p_sim), frame)
