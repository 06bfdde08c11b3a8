"""The comparison of provinces over the editions: what a link keeps and drops, and each province's
values against the curated values (plain pandas on data/values.csv)."""

from __future__ import annotations

import pandas as pd
import pytest

from inklusi.export import files
from inklusi.pages.compare import facts as compare
from inklusi.site.provinces import as_text, choose


def test_a_link_keeps_known_provinces_once_in_its_order_and_drops_the_rest():
    choice = choose("31, ntt,99,31,Papua Pegunungan,,<b>")
    assert choice.kept == ("31", "53", "95")
    assert choice.unknown == ("99", "<b>") and choice.repeated == ("31",) and choice.beyond == ()


def test_at_most_eight_provinces_are_kept():
    codes = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21"]
    choice = choose(",".join(codes))
    assert choice.kept == tuple(codes[:8]) and choice.beyond == ("19", "21")


def test_with_no_province_in_the_link_the_province_chosen_elsewhere_is_carried_over():
    assert choose("", "53").kept == ("53",)
    assert choose("31", "53").kept == ("31",)
    assert choose("").kept == ()


@pytest.mark.parametrize("raw", ["31;53", "a" * 201, "31\n53"])
def test_text_that_cannot_be_a_list_of_provinces_is_refused(raw):
    with pytest.raises(ValueError):
        as_text(raw)


def test_each_province_has_its_own_values_and_none_before_it_was_formed(run, values, provinces):
    frame = compare.series(run, "imdi", ("31", "95", "91")).set_index(["province", "year"])
    imdi = values[values.indicator == "imdi"]
    formed = provinces.set_index("kode")["tahun_dibentuk"].astype(int)
    parent = provinces.set_index("kode")["kode_2012"]
    for (code, year), row in frame.iterrows():
        edition = imdi[imdi.year == year]
        layout = int(edition.layout.iloc[0])
        place = parent[code] if layout == 34 else code
        published = edition.loc[edition.province == place, "value"]
        if year < formed[code] or place != code:
            assert pd.isna(row.value), (code, year)  # no point for a province that did not exist yet
        elif published.empty or pd.isna(published.iloc[0]):
            assert pd.isna(row.value), (code, year)  # a missing value stays missing (DKI Jakarta 2023)
        else:
            assert row.value == published.iloc[0], (code, year)
        assert row.undivided == (code == "91" and layout == 34)
    assert frame.loc[("91", 2022), "value"] == imdi.query("year == 2022 and province == '91'").value.iloc[0]


def test_the_layouts_around_a_break_are_those_of_the_editions(values):
    editions = values[values.indicator == "imdi"][["year", "layout"]]
    assert compare.layouts_around(editions, 2023) == (34, 38)
    assert compare.layouts_around(editions, 2025) == (38, 38)


def test_a_province_compared_with_the_province_it_was_split_from_is_named():
    assert compare.parents_compared(("95", "91", "31")) == [("95", "91")]
    assert compare.parents_compared(("95", "31")) == []


def test_the_export_has_the_kept_provinces_and_the_national_value(run, state_of, values):
    view = files.build(run, "compare", state_of(indicator="iptik", provinces="53,99,31"), "view")
    assert list(dict.fromkeys(view.frame["province"])) == ["53", "31"]
    national = values[(values.indicator == "iptik") & (values.province == "ID")].set_index("year")["value"]
    exported = view.frame.drop_duplicates("year").set_index("year")["national"].dropna()
    assert exported.to_dict() == national.loc[exported.index].to_dict()
