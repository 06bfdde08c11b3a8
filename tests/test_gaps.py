"""Inequality, decomposition, convergence and clusters: hand-computed fixtures, known
properties, and the real data against numpy."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from libpysal.weights import lat2W

from inklusi.statistics import inequality


def numpy_theil(y):
    y = np.asarray(y, float)
    share = y / y.mean()
    return float(np.mean(share * np.log(share)))


def numpy_gini(y):
    y = np.asarray(y, float)
    return float(np.abs(y[:, None] - y[None, :]).sum() / (2 * len(y) ** 2 * y.mean()))


def test_equal_values_have_no_inequality():
    m = inequality.spread(np.array([3.0, 3.0, 3.0, 3.0]))
    assert m["gini"] == pytest.approx(0) and m["theil"] == pytest.approx(0) and m["cv"] == 0
    assert m["range"] == 0 and m["ratio"] == 1


def test_spread_by_hand():
    m = inequality.spread(np.array([1.0, 2.0, 3.0, 4.0, np.nan]))  # a missing value is left out, not zero
    assert m["n"] == 4 and m["range"] == 3 and m["ratio"] == 4
    assert m["cv"] == pytest.approx(math.sqrt(1.25) / 2.5)
    assert m["gini"] == pytest.approx(20 / 80)  # sum of |yi - yj| over all pairs / (2 n^2 mean)
    assert m["theil"] == pytest.approx(sum(y / 2.5 * math.log(y / 2.5) for y in (1, 2, 3, 4)) / 4)


def test_theil_parts_add_up():
    rng = np.random.default_rng(1)
    y, groups = rng.uniform(1, 10, 40), rng.integers(0, 4, 40)
    split = inequality.theil_split(y, groups)
    assert split["between"] + split["within"] == pytest.approx(split["total"])
    assert split["total"] == pytest.approx(numpy_theil(y))


def test_theil_between_and_within_extremes():
    only_within = inequality.theil_split(np.array([1.0, 3.0, 1.0, 3.0]), np.array(["a", "a", "b", "b"]))
    assert only_within["between"] == pytest.approx(0)
    only_between = inequality.theil_split(np.array([1.0, 1.0, 3.0, 3.0]), np.array(["a", "a", "b", "b"]))
    assert only_between["within"] == pytest.approx(0) and only_between["share_between"] == pytest.approx(1)


def grid_values(pattern, size=4):
    w = lat2W(size, size)  # rook contiguity on a size x size lattice
    values = pd.DataFrame({"province": w.id_order, "value": [pattern(i // size, i % size) for i in w.id_order]})
    return values, w


def test_moran_of_a_checkerboard_is_negative():
    values, w = grid_values(lambda r, c: float((r + c) % 2))
    result = inequality.clusters(values, w)
    assert result.moran_i == pytest.approx(-1.0)
    assert result.p_value < 0.01


def test_moran_of_a_gradient_is_positive_with_high_and_low_clusters():
    values, w = grid_values(lambda r, c: float(c), size=8)  # low in the west, high in the east
    result = inequality.clusters(values, w)
    assert result.moran_i > 0.5 and result.p_value < 0.01
    local = result.local.set_index("province")["quadrant"]
    assert local[0] == "LL" and local[7] == "HH", "the far west is low-low, the far east high-high"


def test_clusters_leave_out_missing_values():
    values, w = grid_values(lambda r, c: 10.0 if c < 2 else 1.0)
    values.loc[5, "value"] = np.nan
    result = inequality.clusters(values, w)
    assert len(result.local) == 15 and 5 not in set(result.local.province)


def test_beta_recovers_a_known_slope():
    start = pd.DataFrame({"province": list("abcdef"), "value": [10.0, 15, 20, 30, 40, 60]})
    years, slope, intercept = 3, -4.0, 20.0
    growth = intercept + slope * np.log(start["value"])
    end = start.assign(value=start["value"] * np.exp(growth * years / 100))
    result = inequality.beta_convergence(start, end, years)
    assert result.slope == pytest.approx(slope) and result.intercept == pytest.approx(intercept)
    assert result.low == pytest.approx(slope) and result.high == pytest.approx(slope)
    assert result.r2 == pytest.approx(1)


@pytest.fixture(scope="module")
def imdi_2025(values, provinces):
    frame = values[(values.indicator == "imdi") & (values.year == 2025) & (values.province != "ID")]
    return frame.merge(provinces, left_on="province", right_on="kode")


def test_real_measures_against_numpy(imdi_2025):
    y = imdi_2025.value.to_numpy()
    m = inequality.spread(y)
    assert m["cv"] == pytest.approx(np.std(y) / np.mean(y))
    assert m["gini"] == pytest.approx(numpy_gini(y))
    assert m["theil"] == pytest.approx(numpy_theil(y))
    split = inequality.theil_split(y, imdi_2025.pulau.to_numpy())
    mu = y.mean()
    between = sum(
        len(g) / len(y) * g.value.mean() / mu * math.log(g.value.mean() / mu) for _, g in imdi_2025.groupby("pulau")
    )
    assert split["between"] == pytest.approx(between)


@pytest.fixture(scope="module")
def weights_38(build_dir):
    return inequality.weights(json.loads((build_dir / "boundaries" / "provinces_38.geojson").read_text()))


def test_weights_follow_borders_and_join_islands(weights_38):
    neighbours = weights_38.neighbors
    assert set(neighbours["31"]) == {"32", "36"}, "Jakarta borders West Java and Banten"
    assert "35" in neighbours["51"], "Bali, an island province, is joined to the nearest province"
    assert all(neighbours[k] for k in neighbours), "no province without a neighbour"
    assert all(a in neighbours[b] for a in neighbours for b in neighbours[a]), "symmetric"


def test_real_moran_against_numpy(imdi_2025, weights_38):
    result = inequality.clusters(imdi_2025[["province", "value"]], weights_38)
    full, ids = weights_38.full()
    y = imdi_2025.set_index("province").loc[ids, "value"].to_numpy()
    z = y - y.mean()
    expected = len(y) / full.sum() * (z @ full @ z) / (z @ z)
    assert result.moran_i == pytest.approx(expected)
    assert result.expected == pytest.approx(-1 / (len(y) - 1))
    papua = result.local.set_index("province").loc[["93", "95"], "quadrant"]
    assert set(papua) == {"LL"}, "the Papua highlands and the south form a low-low cluster"
