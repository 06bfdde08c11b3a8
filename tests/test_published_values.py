"""The curated values against published figures and against the copies they were taken from."""

from __future__ import annotations

import math

import pytest


def value(values, indicator, year, province):
    row = values[(values.indicator == indicator) & (values.year == year) & (values.province == province)]
    assert len(row) == 1, (indicator, year, province)
    return row.value.iloc[0]


@pytest.mark.parametrize(
    "indicator, year, province, published",
    [
        ("imdi", 2024, "31", 50.5),  # IMDI 2024 DKI Jakarta
        ("imdi", 2025, "31", 56.97),  # the highest province of 2025 (databoks)
        ("ild", 2022, "34", 3.64),  # Indeks Literasi Digital 2022 DI Yogyakarta
        ("ild", 2022, "61", 3.64),  # Kalimantan Barat (katadata 1 Feb 2023)
        ("ild", 2022, "92", 3.62),  # Papua Barat after the swap is undone (press: 3.62)
        ("ild", 2021, "14", 3.35),  # Riau, corrected from Kompas
        ("iptik", 2022, "31", 7.64),  # BPS via Databoks
        ("iptik", 2022, "91", 3.22),  # Papua (BPS code 94 -> Kemendagri 91)
        ("iptik", 2019, "ID", 5.32),  # national, BPS release
        ("evdci", 2022, "31", 73.2),  # EV-DCI 2022 DKI, Databoks "73.23"
        ("imdi", 2022, "ID", 37.8),
        ("imdi", 2024, "ID", 43.34),
        ("imdi", 2025, "ID", 44.53),
    ],
)
def test_published_spot_values(values, indicator, year, province, published):
    assert value(values, indicator, year, province) == published


@pytest.mark.parametrize("year, national", [(2022, 37.80), (2024, 43.34), (2025, 44.53)])
def test_imdi_national_is_the_plain_mean_of_the_provinces(values, year, national):
    provincial = values[(values.indicator == "imdi") & (values.year == year) & (values.province != "ID")]
    assert round(provincial.value.mean(), 2) == national
    assert value(values, "imdi", year, "ID") == national


def test_imdi_2023_has_no_jakarta_and_no_invented_value(values):
    imdi_2023 = values[(values.indicator.str.startswith("imdi")) & (values.year == 2023)]
    assert "31" not in set(imdi_2023.province)
    assert imdi_2023[imdi_2023.province != "ID"].province.nunique() == 37


def test_missing_stays_missing(values):
    rural_dki = values[(values.indicator == "internet_rt_perdesaan") & (values.province == "31")]
    assert len(rural_dki) == 1 and math.isnan(rural_dki.value.iloc[0])
    assert rural_dki.flag.iloc[0] == "corrected" and "rural" in rural_dki.note_en.iloc[0]


def test_every_corrected_value_says_why(values):
    corrected = values[values.flag == "corrected"]
    assert len(corrected) >= 4
    assert corrected.note_id.notna().all() and corrected.note_en.notna().all()


def test_layouts_follow_the_editions(values):
    layout = values.groupby(["indicator", "year"]).layout.unique()
    assert list(layout[("imdi", 2022)]) == [34]
    assert list(layout[("imdi", 2023)]) == [38]
    assert list(layout[("iptik", 2024)]) == [34]
    assert list(layout[("evdci", 2024)]) == [38]
