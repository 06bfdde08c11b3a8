"""The trend verdict against independent computations (numpy, scipy) and on made-up series."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats

from inklusi.config import DATA_DIR
from inklusi.pages.gaps import facts as verdict
from inklusi.statistics import like

SPLIT = {"91", "92", "93", "94", "95", "96"}  # Papua and Papua Barat and their 2022 daughters


def frame(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"province": list(values), "value": list(values.values())})


def series(*editions: dict[str, float], first_year: int = 2020, layout: int = 38):
    years = range(first_year, first_year + len(editions))
    return {y: frame(e) for y, e in zip(years, editions, strict=True)}, {y: layout for y in years}


def judged(*editions: dict[str, float]) -> verdict.Verdict:
    found = verdict.verdict(*series(*editions), SPLIT)
    assert found is not None
    return found


def cv(values) -> float:
    values = np.asarray(list(values), float)
    return values.std() / values.mean()


def slope(start: dict, end: dict, years: int):
    keys = sorted(set(start) & set(end))
    x = np.log([start[k] for k in keys])
    y = 100 * (np.log([end[k] for k in keys]) - x) / years
    fit = stats.linregress(x, y)
    half = stats.t.ppf(0.975, len(keys) - 2) * fit.stderr
    return fit.slope, fit.slope - half, fit.slope + half


LOW_CATCH_UP = {f"p{i}": v for i, v in enumerate([20, 30, 40, 50, 60, 70, 80])}


def closer(values: dict[str, float], share: float) -> dict[str, float]:
    """Every value moved share of the way to the mean (the low gain most)."""
    mean = np.mean(list(values.values()))
    return {k: v + share * (mean - v) for k, v in values.items()}


def test_steady_catching_up_is_closing():
    a = LOW_CATCH_UP
    b = closer(a, 0.3)
    b = {k: v * 1.01 ** (i % 3) for i, (k, v) in enumerate(b.items())}
    c = {k: v * 1.01 ** (i % 2) for i, (k, v) in enumerate(closer(b, 0.3).items())}
    found = judged(a, b, c)
    assert found.word == "closing"
    assert found.cv == pytest.approx({2020: cv(a.values()), 2021: cv(b.values()), 2022: cv(c.values())})
    assert (found.span.beta.slope, found.span.beta.low, found.span.beta.high) == pytest.approx(slope(a, c, 2))


def test_a_latest_step_that_reverses_makes_it_mixed_and_says_which_way():
    a = LOW_CATCH_UP
    b = closer(a, 0.5)
    c = {k: v * (0.8 if v < 50 else 1.2) for k, v in b.items()}  # the low fall back, the high pull away
    found = judged(a, b, c)
    assert found.cv[2022] > found.cv[2021] < found.cv[2020]
    assert found.word == "mixed"
    assert found.recent == "widening"


def test_regression_to_the_mean_with_a_rising_cv_is_not_closing():
    rng = np.random.default_rng(1)
    a = {f"p{i}": float(v) for i, v in enumerate(rng.uniform(30, 70, 30))}
    b = {k: float(50 + 1.6 * (v - 50) * rng.choice([-1, 1])) for k, v in a.items()}  # shuffled and wider
    found = judged(a, b)
    assert found.cv[2021] > found.cv[2020]
    assert found.word != "closing"


def test_a_verdict_one_province_drives_is_downgraded():
    base = {f"p{i}": 50.0 + (i % 5) for i in range(12)}
    later = {k: v * (1 + 0.002 * (i % 4)) for i, (k, v) in enumerate(base.items())}
    base["p0"], later["p0"] = 5.0, 45.0  # one far outlier catching up drives beta
    found = judged(base, later)
    assert found.influential == "p0"
    assert found.checks["province"] != found.downgraded_from
    assert found.downgraded_from == "closing" and found.word == "unclear"


def test_a_province_that_appears_mid_series_is_left_out_of_every_edition():
    """The like set: the spread of each edition on the provinces valued in all of them."""
    a = {k: v for k, v in LOW_CATCH_UP.items() if k != "p6"}
    b = closer(LOW_CATCH_UP, 0.3)
    found = judged(a, b)
    assert found.n == {2020: 6, 2021: 6}
    assert found.cv[2021] == pytest.approx(cv([v for k, v in b.items() if k != "p6"]))
    assert found.span.beta.n == 6
    assert "p6" not in set(found.span.beta.points["province"])


def test_zero_values_are_named_not_dropped_silently():
    a = {**LOW_CATCH_UP, "p9": 0.0}
    found = judged(a, closer(LOW_CATCH_UP, 0.3) | {"p9": 3.0})
    assert found.dropped == ("p9",)
    assert found.span.beta.n == 7


def test_across_the_split_only_provinces_whose_territory_never_changed_count():
    before = {"11": 40.0, "12": 42.0, "13": 45.0, "91": 20.0, "92": 30.0}
    after = {"11": 43.0, "12": 44.0, "13": 46.0, "91": 25.0, "92": 33.0, "93": 22.0, "96": 31.0}
    editions = {2022: frame(before), 2023: frame(after)}
    found = verdict.verdict(editions, {2022: 34, 2023: 38}, SPLIT)
    assert found.layout == "matched"
    assert found.n == {2022: 3, 2023: 3}
    assert found.cv[2022] == pytest.approx(cv([40, 42, 45]))


@pytest.fixture(scope="module")
def provinces() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "provinces.csv", dtype=str)


def test_the_split_provinces_come_from_the_province_table(provinces):
    assert like.split_provinces() == SPLIT


@pytest.mark.parametrize("indicator", ["imdi", "imdi_pemberdayaan", "ecommerce_email", "iptik", "evdci"])
def test_every_edition_of_the_built_data_is_read_as_pandas_and_scipy_read_it(run, values, provinces, indicator):
    found = verdict.of_indicator(run, indicator)
    rows = values[(values["indicator"] == indicator) & (values["province"] != "ID")].dropna(subset=["value"])
    crossing = rows["layout"].nunique() > 1
    if crossing:
        rows = rows[~rows["province"].isin(SPLIT)]
    in_every = rows.groupby("province")["year"].nunique() == rows["year"].nunique()
    rows = rows[rows["province"].isin(in_every[in_every].index)]  # the like set: valued in every edition
    by_year = {int(y): dict(zip(g["province"], g["value"], strict=True)) for y, g in rows.groupby("year")}
    years = sorted(by_year)
    assert found.years == tuple(years)
    assert found.layout == ("matched" if crossing else str(int(rows["layout"].iloc[0])))
    assert found.cv == pytest.approx({y: cv(by_year[y].values()) for y in years})
    b = found.span.beta
    assert (b.slope, b.low, b.high) == pytest.approx(slope(by_year[years[0]], by_year[years[-1]], years[-1] - years[0]))
    for step, (a, z) in zip(found.steps, zip(years, years[1:], strict=False), strict=True):
        assert (step.start, step.end) == (a, z)
        assert (step.beta.slope, step.beta.low, step.beta.high) == pytest.approx(slope(by_year[a], by_year[z], z - a))


def test_imdi_is_not_closing(run):
    """The issue's example: the CV collapsed in 2023 and has risen since; the latest step widens."""
    found = verdict.of_indicator(run, "imdi")
    assert found.word == "mixed"
    assert found.recent == "widening"
    assert found.cv[2025] > found.cv[2024] > found.cv[2023]


edition = st.lists(st.floats(min_value=1, max_value=100, allow_nan=False), min_size=5, max_size=12)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edition, min_size=2, max_size=4), st.floats(min_value=0.01, max_value=100))
def test_verdict_rules_hold_for_any_series(editions, scale):
    n = min(len(e) for e in editions)
    dicts = [{f"p{i}": v for i, v in enumerate(e[:n])} for e in editions]
    found = judged(*dicts)
    assert found.word in {"closing", "widening", "mixed", "unclear"}
    if found.word in ("closing", "widening"):
        against = "widening" if found.word == "closing" else "closing"
        assert found.sigma == found.beta == found.word
        assert found.steps[-1].sigma != against and found.steps[-1].beta_way != against
        assert set(found.checks.values()) <= {found.word}
    if found.downgraded_from:
        assert found.word == "unclear" and set(found.checks.values()) - {found.downgraded_from}
    rescaled = judged(*({k: v * scale for k, v in d.items()} for d in dicts))
    assert rescaled.word == found.word  # CV and log growth do not depend on the unit
    assert rescaled.cv == pytest.approx(found.cv)
