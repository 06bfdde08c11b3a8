"""Breaks as data: data/breaks.csv read through inklusi.store.breaks, inheritance checked with plain pandas."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest

from inklusi.config import DATA_DIR
from inklusi.store import breaks, build, queries
from tests import breaks_by_hand as by_hand


@pytest.mark.parametrize("indicator", ["imdi", "imdi_infrastruktur", "imdi_pemberdayaan", "evdci", "iptik", "ild"])
def test_breaks_are_the_indicators_own_and_its_pillars(con, table, parents, indicator):
    found = breaks.breaks(con, indicator)
    assert set(zip(found["year"], found["kind"], found["note_en"], strict=True)) == by_hand.expected(
        table, parents, indicator
    )
    assert not found.duplicated(["year", "kind", "note_en"]).any()
    assert found["year"].is_monotonic_increasing


def test_the_composite_index_inherits_the_method_changes_of_its_pillars(con):
    found = breaks.breaks(con, "imdi")
    method = found[found["kind"] == "method"]
    assert set(method["year"]) == {2023, 2025}
    assert set(method["via"].dropna()) == {"imdi_infrastruktur", "imdi_pemberdayaan"}
    assert list(found.loc[found["kind"] == "layout", "year"]) == [2023]
    assert found.loc[found["kind"] == "layout", "via"].isna().all()


def test_a_frame_of_every_break_gives_what_the_connection_gives(con):
    every = queries.run(con, "indicator_breaks")
    for indicator in ("imdi", "imdi_pemberdayaan", "evdci"):
        pd.testing.assert_frame_equal(breaks.breaks(every, indicator), breaks.breaks(con, indicator))


def test_every_layout_change_between_editions_is_a_recorded_break(values, table):
    provincial = values[values["province"] != "ID"]
    layouts = provincial.groupby(["indicator", "year"])["layout"].first().reset_index()
    layouts["before"] = layouts.groupby("indicator")["layout"].shift()
    changes = layouts[layouts["before"].notna() & (layouts["layout"] != layouts["before"])]
    recorded = table[table["kind"] == "layout"]
    assert set(zip(changes["indicator"], changes["year"], strict=True)) == set(
        zip(recorded["indicator"], recorded["year"], strict=True)
    )


def test_every_break_cites_a_known_source(table):
    sources = set(pd.read_csv(DATA_DIR / "sources.csv")["id"])
    assert set(table["source"]) <= sources
    assert table[["note_id", "note_en"]].notna().all().all()


@pytest.mark.parametrize(
    "row",
    [
        "imdi,2022,method,catatan,note,imdi_2022",  # the first edition: nothing before it to break with
        "imdi,2024,layout,catatan,note,imdi_2024",  # 2023 and 2024 are both on 38 provinces
        "imdi,2024,method,catatan,note,no_such_source",
        "imdi,2024,reform,catatan,note,imdi_2024",
    ],
)
def test_the_build_refuses_a_break_that_is_not_one(tmp_path, row):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    with (folder / "breaks.csv").open("a") as file:
        file.write(row + "\n")
    con = duckdb.connect()
    build.load_curated(con, folder)
    build.derive(con)
    with pytest.raises(build.BuildError, match="break"):
        build.check(con)
