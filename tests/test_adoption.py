"""Skills against adoption: "lags what skills predict" only when skills predict adoption at all."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from inklusi.pages.adoption import facts as adoption
from inklusi.pages.adoption import words
from inklusi.store import measures, reference


def median_pairwise_slope(x, y) -> float:
    """Theil-Sen by hand: the median slope over every pair of points with different x."""
    return float(
        np.median([(y[j] - y[i]) / (x[j] - x[i]) for i, j in itertools.combinations(range(len(x)), 2) if x[j] != x[i]])
    )


def fake_run(x: dict[str, float], y: dict[str, float]):
    """run(name, **params) answering indicator_by_province for two made-up measures on 38 provinces."""

    def run(name, indicator, year):
        values = x if indicator == "skill" else y
        return pd.DataFrame(
            {"province": list(values), "value": list(values.values()), "reliability": "not_stated", "layout": 38}
        )

    return run


CODES = list(reference.provinces()["kode"])[:20]


def test_a_province_far_below_a_clear_fit_lags():
    x = {c: 30.0 + i for i, c in enumerate(CODES)}
    y = {c: 2.0 * v + (0.5 if i % 2 else -0.5) for i, (c, v) in enumerate(x.items())}
    y[CODES[10]] -= 15
    found = adoption.compare(fake_run(x, y), "skill-2025", "adopt-2025")
    assert found.slope == pytest.approx(median_pairwise_slope(list(x.values()), list(y.values())))
    assert found.slope_low > 0 and found.predicts
    assert list(found.points.loc[found.points["lags"], "province"]) == [CODES[10]]


def test_no_province_lags_when_skills_predict_nothing():
    rng = np.random.default_rng(7)
    x = {c: 30.0 + i for i, c in enumerate(CODES)}
    y = {c: float(v) for c, v in zip(CODES, rng.permutation(np.linspace(10, 60, len(CODES))), strict=True)}
    found = adoption.compare(fake_run(x, y), "skill-2025", "adopt-2025")
    assert found.slope_low <= 0 <= found.slope_high
    assert not found.points["lags"].any()
    lowest = sorted(y, key=y.get)[:5]
    assert list(found.lowest()["province"]) == lowest


def test_the_default_pair_names_the_lowest_adopters_not_laggards(run, values):
    skill, measure = measures.SKILLS[0], measures.ADOPTION[0]
    found = adoption.compare(run, skill, measure)
    pairs = adoption.pair(run, skill, measure)
    assert found.slope == pytest.approx(median_pairwise_slope(pairs["x"].to_numpy(), pairs["y"].to_numpy()))
    assert found.slope_low < 0 < found.slope_high  # the example: 0.89, about -0.40 to 2.04
    for lang in ("id", "en"):
        names = reference.province_names(lang)
        text = words.block(found, skill="s", adoption="a", years=(2025, 2025), names=names, lang=lang).text
        lowest = pairs.sort_values("y").head(5)["province"]
        assert all(names[p] in text for p in lowest)
        assert ("lags" if lang == "en" else "tertinggal") not in text
