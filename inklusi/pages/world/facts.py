"""Indonesia among the G20 and ASEAN: internet use (ITU, % of population) of the countries, and
Indonesia's provinces on the same axis (BPS, people aged 5+ who accessed the internet, the
definition of Indonesia's own value in the ITU series).

Pure functions on query results. Latest years differ by country, so a ranking uses only the
values of one year and says how many members have one; a country without a value in that
year is shown with its latest earlier value and that value's year. The EU is one G20 member
(counted once, beside France, Germany and Italy). Country names come from Babel's territory
names (CLDR), in either language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from babel import Locale

from inklusi.i18n import LOCALES
from inklusi.statistics import inequality

PROVINCE_INDICATOR = "internet_penduduk"  # the provinces' series on the countries' definition
INDONESIA = "IDN"
INDIA = "IND"
GAP_MEASURES = ("n", "min", "max", "range", "ratio", "cv", "gini")
MIN_RANKED = 3  # fewer members with a value in a year: no rank, no median
TOLERANCE = 0.10  # spreads within 10 % of each other (range and CV alike) are "about as wide"


@cache
def country_names(lang: str, territories: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """iso3 -> the country's name in a language, from Babel (territories: (iso3, territory code))."""
    names = Locale.parse(LOCALES[lang]).territories
    return {iso3: names[code][:1].upper() + names[code][1:] for iso3, code in territories}


def names_of(values: pd.DataFrame, lang: str) -> dict[str, str]:
    """iso3 -> name of every country of a country_values result."""
    pairs = values[["country", "territory"]].drop_duplicates().itertuples(index=False)
    return country_names(lang, tuple(sorted((c, t) for c, t in pairs)))


def years(values: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in values["year"].unique())


def as_of(values: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each country's value of a year or, where it has none, its latest earlier one (column year
    says which); a country with no value up to that year is left out."""
    earlier = values[values["year"] <= year].sort_values(["country", "year"])
    return earlier.groupby("country", as_index=False).tail(1).assign(in_year=lambda f: f["year"] == year)


def members(values: pd.DataFrame) -> list[str]:
    """The G20 members of the table (the EU once)."""
    return sorted(values.loc[values["g20"], "country"].unique())


@dataclass(frozen=True)
class Standing:
    """The facts of the page's sentences and of the slide, in both languages."""

    year: int  # the comparison year
    province_year: int
    province_layout: int
    indonesia: float | None  # Indonesia's value in the comparison year
    rank: int | None  # Indonesia's rank among the members valued in that year (1 = highest)
    valued: list[str]  # the G20 members with a value in that year, highest first
    valued_values: list[float]  # their values, in the same order
    missing: list[tuple[str, int | None]]  # members without one: (iso3, year of their latest earlier value)
    n_members: int
    median: float | None  # of the valued members' values (the EU counted once)
    highest_province: tuple[str, float]
    lowest_province: tuple[str, float]
    above_median: list[str]  # provinces above that median, highest first
    india: tuple[int, float] | None  # India's latest value up to the year: (year, value)
    below_india: list[str]  # provinces below it, lowest first
    comparators: list[tuple[str, int, float]]  # every member but Indonesia as of the year: (iso3, year, value)
    member_gap: dict  # inequality.spread of the comparators (each member's latest value up to the year)
    province_gap: dict  # inequality.spread of the provinces
    verdict: str  # the provinces' spread against the members': "wider", "narrower" or "about" (as wide)
    capped: list[tuple[str, int]]  # countries shown at ITU's cap of 100 (as_of the year): (iso3, first capped year)
    breaks: list[tuple[str, int, float, int, float]]  # flagged breaks: (iso3, year, value, previous year and value)
    age_bases: dict[str, str]  # iso3 -> age base, where the copy states one


def verdict(provinces: dict, countries: dict) -> str:
    """Whether the provinces are further apart than the members: "wider" (or "narrower") only when
    range and CV both are, by more than TOLERANCE; otherwise "about" as wide."""
    ratios = [provinces[m] / countries[m] - 1 for m in ("range", "cv")]
    if all(r > TOLERANCE for r in ratios):
        return "wider"
    if all(r < -TOLERANCE for r in ratios):
        return "narrower"
    return "about"


def comparators(values: pd.DataFrame, year: int) -> pd.DataFrame:
    """What the provinces are compared with: every G20 member's latest value up to the year (the EU
    once), Indonesia left out (a province is never counted against its own country)."""
    g20 = values[values["g20"] & (values["country"] != INDONESIA)]
    return as_of(g20, year).sort_values(["value", "country"], ascending=[False, True])


def standing(values: pd.DataFrame, provinces: pd.DataFrame, year: int) -> Standing:
    """values: country_values rows; provinces: indicator_by_province of the provinces' series
    with its year added (column year)."""
    g20 = values[values["g20"]]
    this_year = g20[g20["year"] == year].sort_values(["value", "country"], ascending=[False, True])
    valued = list(this_year["country"])
    if len(valued) < MIN_RANKED:
        this_year = this_year.iloc[0:0]
    latest = as_of(g20, year).set_index("country")["year"]
    missing = [(c, int(latest[c]) if c in latest.index else None) for c in members(values) if c not in valued]
    median = float(np.median(this_year["value"])) if len(this_year) else None
    indonesia = this_year.loc[this_year["country"] == INDONESIA, "value"]
    rank = valued.index(INDONESIA) + 1 if INDONESIA in valued and len(this_year) else None
    shown = provinces.dropna(subset=["value"]).sort_values(["value", "province"], ascending=[False, True])
    above = list(shown.loc[shown["value"] > median, "province"]) if median is not None else []
    india_rows = as_of(values[values["country"] == INDIA], year)
    india = (int(india_rows["year"].iloc[0]), float(india_rows["value"].iloc[0])) if len(india_rows) else None
    below = list(shown.loc[shown["value"] < india[1], "province"][::-1]) if india else []
    compared = comparators(values, year)
    member_gap, province_gap = (
        inequality.spread(compared["value"].to_numpy()),
        inequality.spread(shown["value"].to_numpy()),
    )
    shown_now = as_of(values, year)
    capped_now = shown_now.loc[shown_now["flag"] == "capped", "country"]
    capped = [
        (c, int(values.loc[(values["country"] == c) & (values["flag"] == "capped"), "year"].min())) for c in capped_now
    ]
    ordered = values.sort_values(["country", "year"])
    by_country = ordered.groupby("country")
    flagged = ordered.assign(previous=by_country["value"].shift(), previous_year=by_country["year"].shift())
    flagged = flagged[flagged["flag"] == "break"]
    return Standing(
        year=year,
        province_year=int(provinces["year"].iloc[0]),
        province_layout=int(provinces["layout"].dropna().iloc[0]),
        indonesia=float(indonesia.iloc[0]) if len(indonesia) else None,
        rank=rank,
        valued=valued,
        valued_values=[
            float(v)
            for v in g20.loc[g20["year"] == year].sort_values(["value", "country"], ascending=[False, True])["value"]
        ],
        missing=missing,
        n_members=len(members(values)),
        median=median,
        highest_province=(shown["province"].iloc[0], float(shown["value"].iloc[0])),
        lowest_province=(shown["province"].iloc[-1], float(shown["value"].iloc[-1])),
        above_median=above,
        india=india,
        below_india=below,
        comparators=[(r.country, int(r.year), float(r.value)) for r in compared.itertuples()],
        member_gap=member_gap,
        province_gap=province_gap,
        verdict=verdict(province_gap, member_gap) if member_gap["n"] >= 2 else "about",
        capped=capped,
        breaks=[
            (r.country, int(r.year), float(r.value), int(r.previous_year), float(r.previous))
            for r in flagged.itertuples()
        ],
        age_bases={
            c: b for c, b in values[["country", "age_base"]].drop_duplicates().itertuples(index=False) if pd.notna(b)
        },
    )


def gap_table(values: pd.DataFrame, provinces: pd.DataFrame, year: int) -> pd.DataFrame:
    """The spread measures (GAP_MEASURES) of the G20 members and of the ASEAN economies valued
    in the year, and of the provinces: one row per group."""
    in_year = values[values["year"] == year]
    rows = [
        ("g20", year, in_year.loc[in_year["g20"], "value"]),
        ("asean", year, in_year.loc[in_year["asean"], "value"]),
        ("provinces", int(provinces["year"].iloc[0]), provinces["value"].dropna()),
    ]
    table = [{"group": g, "year": y, **inequality.spread(v.to_numpy())} for g, y, v in rows]
    return pd.DataFrame(table).reindex(columns=["group", "year", *GAP_MEASURES])


def one_axis_rows(values: pd.DataFrame, provinces: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of the page's shared axis: every country as of the year (as_of) and every
    province of the provinces' series (with its year added): place_type, place, g20, asean,
    year, in_year, layout (provinces only), value, source, flag, note_id, note_en."""
    countries = as_of(values, year).assign(place_type="country", place=lambda f: f["country"], layout=pd.NA)
    places = provinces.dropna(subset=["value"]).assign(
        place_type="province",
        place=lambda f: f["province"],
        g20=False,
        asean=False,
        in_year=lambda f: f["year"] == year,
    )
    columns = ["place_type", "place", "g20", "asean", "year", "in_year", "layout", "value", "source", "flag"]
    columns += ["note_id", "note_en"]
    both = pd.concat([countries[columns], places[columns]], ignore_index=True)
    return both.astype({"g20": bool, "asean": bool, "in_year": bool, "year": int, "layout": "Int64"})


def world_provinces(run) -> pd.DataFrame:
    """The provinces' latest values of the series that shares the countries' definition."""
    editions = run("indicator_editions")
    mine = editions[(editions["indicator"] == PROVINCE_INDICATOR) & (editions["n_provinces"] > 0)]
    year = int(mine["year"].max())
    return run("indicator_by_province", indicator=PROVINCE_INDICATOR, year=year).assign(year=year)


def world_options(values, province_years: list[int]) -> dict[str, list]:
    """The years and countries of the World page (from a country_values result); the default
    year is the provinces' latest (province_years), where the countries have values too."""
    years = sorted(int(y) for y in set(values["year"]))
    shared = [y for y in province_years if y in years]
    return {
        "years": years,
        "countries": sorted(set(values["country"])),
        "default_year": max(shared) if shared else max(years),
    }
