"""Coverage and the "high need, low coverage" rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inklusi.pages.targeting import facts as targeting
from inklusi.statistics.metrics import mentoring_rates
from inklusi.store import measures


def test_coverage_per_thousand_with_the_parent_denominator_after_the_split():
    provinces = pd.DataFrame({"kode": ["53", "91", "93"], "kode_2012": ["53", "91", "91"]})
    participants = pd.DataFrame({"province": ["53"], "participants": [640]})
    denominator = pd.DataFrame({"province": ["53", "91"], "value": [145_293.0, 7_499.0]})
    result = targeting.coverage(participants, denominator, provinces, 1_000).set_index("province")
    assert result.loc["53", "coverage"] == pytest.approx(640 / 145_293 * 1_000)
    assert result.loc["93", "participants"] == 0 and result.loc["93", "denominator"] == 7_499
    assert result.loc["93", "via_parent"] and not result.loc["53", "via_parent"]


def test_priorities_need_both_low_skills_and_a_low_second_measure():
    frame = pd.DataFrame({"province": list("abcde"), "skill": [30.0, 30, 50, 50, np.nan], "y": [0.0, 5, 0, 5, 0]})
    marked = targeting.priorities(frame, x_cut=40, y_cut=1).set_index("province")["priority"]
    assert marked.to_dict() == {"a": True, "b": False, "c": False, "d": False, "e": False}


def test_mentoring_rates_against_the_records(build_dir, con):
    from inklusi.store import queries

    records = pd.read_parquet(build_dir / "mentoring.parquet")
    rates = mentoring_rates(queries.run(con, "mentoring_cube", {"sector": "anyaman"}))
    subset = records[records.sector == "anyaman"]
    gain = (subset.post_score - subset.pre_score).dropna().astype(float)
    assert rates["participants"] == len(subset)
    assert rates["completion"] == pytest.approx(subset.completed.mean())
    assert rates["mean_gain"] == pytest.approx(gain.mean())
    half = 1.959963984540054 * gain.std(ddof=1) / np.sqrt(len(gain))
    assert rates["gain_high"] - rates["mean_gain"] == pytest.approx(half)
    assert rates["online_after"] == pytest.approx(subset.online_after.mean())


def test_the_default_second_measure_is_real_adoption_on_the_38_provinces(run, values):
    """The default view draws no synthetic record: IMK internet use 2025 (derived from BPS counts)."""
    assert not targeting.is_coverage(targeting.PER[0])
    table = targeting.table(run, measures.NEEDS[0], targeting.PER[0]).set_index("province")
    assert table["participants"].isna().all() and len(table) == 38
    using = values[(values.indicator == "imk_internet") & (values.year == 2025)].set_index("province")["value"]
    not_using = values[(values.indicator == "imk_tanpa_internet") & (values.year == 2025)].set_index("province")[
        "value"
    ]
    assert table["y"].to_dict() == pytest.approx((100 * using / (using + not_using)).to_dict())


def test_a_measure_on_the_34_layout_gives_a_new_province_its_parents_value(run, values):
    table = targeting.table(run, "ild-2022", targeting.PER[0]).set_index("province")
    ild = values[(values.indicator == "ild") & (values.year == 2022)].set_index("province")["value"]
    assert table.loc["94", "skill"] == ild["91"] and table.loc["94", "via_parent"]  # Papua Tengah takes Papua's
    assert not table.loc["53", "via_parent"]
