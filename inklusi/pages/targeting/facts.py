"""Where to go next: a need measure (x, lower is more need) against a second measure (y) by
province, and the provinces below both thresholds.

The second measure is either real MSME digital adoption (BPS: small manufacturers using the
internet, e-commerce through marketplaces, e-commerce businesses per 1,000 people; the default),
so that the priority quadrant is "low skills, low adoption", or the mentoring coverage of the
(synthetic) programme records: participants per 1,000 micro and small manufacturing firms or
per 100,000 people. Measures on the 34-province layout give each province created in 2022
its parent's value (via_parent); the coverage denominators are published for 34 provinces only,
which makes a new province's coverage a lower bound (stated on the page).
"""

from __future__ import annotations

import pandas as pd

from inklusi.statistics.metrics import layout_of, national_of
from inklusi.store import reference
from inklusi.store.measures import ADOPTION, split

# coverage per -> (indicator of the denominator, its year, participants per how many units of it)
DENOMINATORS = {"umk": ("umk_industri", 2024, 1_000), "penduduk": ("penduduk", 2024, 100)}
# The second measure (y): real adoption first (the default), then the synthetic coverage.
PER = (*ADOPTION, *DENOMINATORS)
COLUMNS = ["need", "per", "province", "skill", "adoption", "participants", "denominator", "coverage", "via_parent"]


def is_coverage(per: str) -> bool:
    """Whether the second measure is the mentoring coverage (synthetic records) or real adoption."""
    return per in DENOMINATORS


def unreliable(run, measures) -> set[str]:
    """The provinces (38 layout) whose value of any of the indicator-year measures is an estimate BPS
    calls unreliable, or built on one (its parent's, before the split)."""
    shaky = set()
    for measure in (m for m in measures if not is_coverage(m)):
        indicator, year = split(measure)
        values = run("indicator_by_province", indicator=indicator, year=year)
        marked = set(values.loc[values["reliability"] == "unreliable", "province"])
        shaky |= {k for k in reference.provinces()["kode"] if reference.place(k, layout_of(values)) in marked}
    return shaky


def on_38(run, measure: str) -> pd.DataFrame:
    """A measure's value for every province of the 38 layout (its parent's before the split):
    province, value, via_parent."""
    indicator, year = split(measure)
    values = run("indicator_by_province", indicator=indicator, year=year)
    layout = layout_of(values)
    provinces = reference.provinces()[["kode"]].rename(columns={"kode": "province"})
    provinces["place"] = [reference.place(k, layout) for k in provinces["province"]]
    placed = provinces.merge(
        values[["province", "value"]].rename(columns={"province": "place"}), on="place", how="left"
    )
    return placed.assign(via_parent=placed["province"] != placed["place"])[["province", "value", "via_parent"]]


def coverage(participants: pd.DataFrame, denominator: pd.DataFrame, provinces: pd.DataFrame, per: int) -> pd.DataFrame:
    """Per province of the 38 layout: participants and participants per `per` denominator units.

    participants: province, participants (provinces without records count 0);
    denominator: province (2012 layout), value; provinces: kode, kode_2012."""
    frame = provinces[["kode", "kode_2012"]].rename(columns={"kode": "province"})
    frame = frame.merge(participants, on="province", how="left").fillna({"participants": 0})
    frame = frame.merge(
        denominator.rename(columns={"province": "kode_2012", "value": "denominator"}), on="kode_2012", how="left"
    )
    frame["coverage"] = frame["participants"] / frame["denominator"] * per
    frame["via_parent"] = frame["province"] != frame["kode_2012"]
    return frame


def priorities(frame: pd.DataFrame, x_cut: float, y_cut: float) -> pd.DataFrame:
    """Mark the provinces with x below x_cut and y below y_cut; provinces without either value
    are never marked. frame: skill (x) and y."""
    marked = frame.assign(priority=(frame["skill"] < x_cut) & (frame["y"] < y_cut))
    marked.loc[frame["skill"].isna() | frame["y"].isna(), "priority"] = False
    return marked


def table(run, need: str, per: str) -> pd.DataFrame:
    """Each province of the 38 layout: its need value (skill), and its adoption value or its
    mentoring participants, denominator and coverage; y is the one the chart draws.

    run(name, **params) runs a named query."""
    need_values = on_38(run, need).rename(columns={"value": "skill"})
    if is_coverage(per):
        d_indicator, d_year, scale = DENOMINATORS[per]
        denominator = run("indicator_by_province", indicator=d_indicator, year=d_year)[["province", "value"]]
        participants = run("mentoring_cube").groupby("province", as_index=False)["participants"].sum()
        second = coverage(participants, denominator, reference.provinces()[["kode", "kode_2012"]], scale)
        second = second.assign(adoption=float("nan"), y=second["coverage"])
    else:
        second = on_38(run, per).rename(columns={"value": "adoption"})
        second = second.assign(
            participants=float("nan"), denominator=float("nan"), coverage=float("nan"), y=second["adoption"]
        )
    result = need_values.drop(columns="via_parent").merge(second, on="province", how="left")
    result["via_parent"] = result["via_parent"] | need_values["via_parent"].to_numpy()
    return result.assign(need=need, per=per)[[*COLUMNS, "y"]]


def defaults(run, need: str, per: str) -> tuple[float, float]:
    """The thresholds a view opens with: each measure's published national value (else the
    provinces' mean); for coverage, the national rate of the records."""
    x = threshold(run, need)
    if not is_coverage(per):
        return x, threshold(run, per)
    d_indicator, d_year, scale = DENOMINATORS[per]
    denominator = run("indicator_by_province", indicator=d_indicator, year=d_year)["value"].sum()
    participants = run("mentoring_cube")["participants"].sum()
    return x, round(participants / denominator * scale, 2)


def threshold_kinds(run, need: str, per: str) -> tuple[str, str]:
    """What each default threshold is: "national" (the published national value), "mean" (the
    unweighted mean of the provinces) or "records" (the records' national rate)."""
    return threshold_kind(run, need), "records" if is_coverage(per) else threshold_kind(run, per)


def threshold_kind(run, measure: str) -> str:
    indicator, year = split(measure)
    return (
        "national" if national_of(run("indicator_by_province", indicator=indicator, year=year)) is not None else "mean"
    )


def threshold(run, measure: str) -> float:
    indicator, year = split(measure)
    values = run("indicator_by_province", indicator=indicator, year=year)
    national = national_of(values)
    return round(national if national is not None else float(values["value"].mean()), 2)
