"""Where to go next: digital-skills need against mentoring coverage, by province.

Coverage is participants per 1,000 micro and small manufacturing firms (the programme
mentored processing-sector MSMEs), or per 100,000 people. Both denominators are published
for the 34 provinces of the 2012-2022 layout; a province split in 2022 is measured against
its parent's denominator, which makes its coverage a lower bound (stated on the page).
"""

from __future__ import annotations

import pandas as pd

from inklusi import reference
from inklusi.metrics import layout_of, national_of

# The skill measures a user can target on: indicator-year.
NEEDS = ("imdi_keterampilan-2024", "imdi_literasi-2025", "imdi-2025", "iptik_keahlian-2022", "ild-2022")
# per -> (indicator of the denominator, its year, participants per how many units of it)
DENOMINATORS = {"umk": ("umk_industri", 2024, 1_000), "penduduk": ("penduduk", 2024, 100)}


def split_need(need: str) -> tuple[str, int]:
    indicator, _, year = need.rpartition("-")
    return indicator, int(year)


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
    """Mark the provinces with skill below x_cut and coverage below y_cut ("high need, low
    coverage"); provinces without either value are never marked."""
    marked = frame.assign(priority=(frame["skill"] < x_cut) & (frame["coverage"] < y_cut))
    marked.loc[frame["skill"].isna() | frame["coverage"].isna(), "priority"] = False
    return marked


def table(run, need: str, per: str) -> pd.DataFrame:
    """Each province of the 38 layout: its skill value, participants, denominator and coverage.

    run(name, **params) runs a named query. A skill measure on the 34-province layout gives
    each province created in 2022 its parent's value."""
    indicator, year = split_need(need)
    skills = run("indicator_by_province", indicator=indicator, year=year)
    provinces = reference.provinces()[["kode", "kode_2012"]]
    layout = layout_of(skills)
    places = provinces.assign(place=[reference.place(k, layout) for k in provinces["kode"]])
    skill = places.merge(skills[["province", "value"]], left_on="place", right_on="province", how="left")
    d_indicator, d_year, scale = DENOMINATORS[per]
    denominator = run("indicator_by_province", indicator=d_indicator, year=d_year)[["province", "value"]]
    participants = run("mentoring_cube").groupby("province", as_index=False)["participants"].sum()
    covered = coverage(participants, denominator, provinces, scale)
    result = covered.merge(
        skill[["kode", "value"]].rename(columns={"kode": "province", "value": "skill"}), on="province", how="left"
    )
    return result.assign(need=need, per=per)[
        ["need", "per", "province", "skill", "participants", "denominator", "coverage", "via_parent"]
    ]


def defaults(run, need: str, per: str) -> tuple[float, float]:
    """The thresholds a view opens with: the published national value of the skill measure
    (else the provinces' mean), and the national coverage rate."""
    indicator, year = split_need(need)
    skills = run("indicator_by_province", indicator=indicator, year=year)
    national = national_of(skills)
    x = national if national is not None else float(skills["value"].mean())
    d_indicator, d_year, scale = DENOMINATORS[per]
    denominator = run("indicator_by_province", indicator=d_indicator, year=d_year)["value"].sum()
    participants = run("mentoring_cube")["participants"].sum()
    return round(x, 2), round(participants / denominator * scale, 2)
