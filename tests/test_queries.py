"""The named queries against independent pandas computations on the same columnar files."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from inklusi.config import DATA_DIR
from inklusi.store import db, queries


def provincial_editions() -> list[tuple[str, int]]:
    """Every (indicator, year) with provincial values in data/values.csv."""
    values = pd.read_csv(DATA_DIR / "values.csv", dtype={"province": str})
    provincial = values[values.province != "ID"]
    return sorted({(r.indicator, int(r.year)) for r in provincial.itertuples()})


@pytest.fixture(scope="module")
def tables(build_dir):
    return {
        name: pd.read_parquet(build_dir / f"{name}.parquet") for name in ("indicator_values", "provinces", "mentoring")
    }


def expected_by_province(tables, indicator, year):
    v = tables["indicator_values"]
    rows = v[(v.indicator == indicator) & (v.year == year) & (v.province != "ID")]
    layout = rows.layout.iloc[0]
    p = tables["provinces"]
    places = p if layout == 38 else p[p.kode == p.kode_2012]
    frame = places[["kode"]].rename(columns={"kode": "province"}).merge(rows, on="province", how="left")
    frame["rank"] = frame.value.rank(method="min", ascending=False)
    return frame.set_index("province")


@pytest.mark.parametrize(
    "indicator, year, size",
    [
        ("imdi", 2024, 38),
        ("imdi", 2023, 38),
        ("ild", 2021, 34),
        ("iptik", 2022, 34),
        ("internet_rt_perdesaan", 2022, 34),
    ],
)
def test_indicator_by_province(con, tables, indicator, year, size):
    got = queries.run(con, "indicator_by_province", {"indicator": indicator, "year": year}).set_index("province")
    want = expected_by_province(tables, indicator, year)
    assert len(got) == size and set(got.index) == set(want.index)
    pd.testing.assert_series_equal(
        got.value.sort_index(), want.value.sort_index(), check_names=False, check_dtype=False
    )
    pd.testing.assert_series_equal(got["rank"].sort_index().astype(float), want["rank"].sort_index(), check_names=False)
    assert (got.n_ranked == want.value.notna().sum()).all()
    assert list(got.value.dropna()) == sorted(got.value.dropna(), reverse=True)


@pytest.mark.parametrize("indicator, year", provincial_editions())
def test_indicator_by_province_on_every_edition(con, tables, indicator, year):
    """The AppTest pages sample the editions (tests/test_app.py); the query is checked on each."""
    got = queries.run(con, "indicator_by_province", {"indicator": indicator, "year": year}).set_index("province")
    want = expected_by_province(tables, indicator, year)
    assert len(got) == len(want) and len(got) in (34, 38) and set(got.index) == set(want.index)
    pd.testing.assert_series_equal(
        got.value.sort_index(), want.value.sort_index(), check_names=False, check_dtype=False
    )
    pd.testing.assert_series_equal(got["rank"].sort_index().astype(float), want["rank"].sort_index(), check_names=False)


def test_missing_province_is_a_row_without_value(con):
    got = queries.run(con, "indicator_by_province", {"indicator": "imdi", "year": 2023}).set_index("province")
    assert np.isnan(got.loc["31", "value"]) and pd.isna(got.loc["31", "rank"])
    assert got.national.iloc[0] == 43.18


def test_indicator_series_uses_the_parent_before_the_split(con, tables):
    got = queries.run(con, "indicator_series", {"indicator": "imdi", "province": "93"}).set_index("year")
    v = tables["indicator_values"]
    papua_2022 = v[(v.indicator == "imdi") & (v.year == 2022) & (v.province == "91")].value.iloc[0]
    assert got.loc[2022, "via_parent"] and got.loc[2022, "value"] == papua_2022
    assert not got.loc[2024, "via_parent"]
    assert list(got.index) == [2022, 2023, 2024, 2025]
    assert list(got.national) == [37.8, 43.18, 43.34, 44.53]


def test_national_series(con, tables):
    got = queries.run(con, "national_series", {"indicator": "iptik"}).set_index("year")
    v = tables["indicator_values"]
    provincial = v[(v.indicator == "iptik") & (v.province != "ID")].groupby("year").value
    pd.testing.assert_series_equal(got.province_mean, provincial.mean(), check_names=False, check_index_type=False)
    assert got.loc[2019, "national"] == 5.32 and pd.isna(got.loc[2024, "national"])


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"year": 2022},
        {"year": 2021, "sector": "tekstil"},
        {"gender": "perempuan", "scale": "mikro"},
        {"province": "53", "area": "labuanbajo"},
    ],
)
def test_mentoring_cube(con, tables, filters):
    """The cube's sums, re-aggregated by province and sector, equal pandas on the records."""
    got = queries.run(con, "mentoring_cube", filters).groupby(["province", "sector"]).sum(min_count=1)
    m = tables["mentoring"]
    for key, value in filters.items():
        m = m[m[key] == value]
    scored = m[m.post_score.notna()]
    want = pd.DataFrame(
        {
            "participants": m.groupby(["province", "sector"]).size(),
            "completed": m.groupby(["province", "sector"]).completed.sum(),
            "sum_gain": (scored.post_score - scored.pre_score).groupby([scored.province, scored.sector]).sum(),
            "online_after": m.groupby(["province", "sector"]).online_after.sum(),
        }
    )
    assert len(got) == len(want)
    for column in want:
        assert (got[column].astype(float) == want[column].reindex(got.index).fillna(0).astype(float)).all(), column


CUBE = ["year", "area", "province", "sector", "scale", "gender"]


@pytest.mark.parametrize("filters", [{}, {"year": 2021}, {"sector": "kuliner", "gender": "laki-laki"}])
def test_mentoring_cube_holds_every_sum_of_the_records(con, tables, filters):
    got = queries.run(con, "mentoring_cube", filters).set_index(CUBE)
    m = tables["mentoring"]
    for key, value in filters.items():
        m = m[m[key] == value]
    scored = m[m.post_score.notna()].assign(gain=lambda f: f.post_score - f.pre_score)
    groups, scored_groups = m.groupby(CUBE), scored.groupby(CUBE)
    want = pd.DataFrame(
        {
            "participants": groups.size(),
            "completed": groups.completed.sum(),
            "with_scores": scored_groups.size(),
            "sum_pre": scored_groups.pre_score.sum(),
            "sum_post": scored_groups.post_score.sum(),
            "sum_gain": scored_groups.gain.sum(),
            "sum_gain_sq": scored_groups.gain.apply(lambda g: float((g.astype(float) ** 2).sum())),
            "online_before": groups.online_before.sum(),
            "online_after": groups.online_after.sum(),
        }
    )
    assert len(got) == len(want) and list(got.index) == sorted(got.index)
    assert got.sum_pre.isna().equals(got.with_scores == 0)  # no scores: the sums stay missing
    for column in want:
        assert (got[column].fillna(0) == want[column].reindex(got.index).fillna(0)).all(), column


def test_a_filter_that_matches_nothing_gives_no_rows(con):
    assert queries.run(con, "mentoring_cube", {"sector": "no-such-sector"}).empty


def test_mentoring_by_year(con, tables):
    got = queries.run(con, "mentoring_by_year").set_index("year")
    m = tables["mentoring"]
    assert got.participants.to_dict() == m.groupby("year").size().to_dict()
    assert got.provinces.to_dict() == m.groupby("year").province.nunique().to_dict()


@pytest.mark.parametrize("layer", queries.LAYERS)
def test_every_query_documents_itself_and_returns_what_it_promises(con, layer):
    samples = {"indicator": "imdi", "year": 2024, "province": "53", "topic": "reasons_offline"}
    for query in queries.catalogue(layer).values():
        assert query.description and query.grain and query.returns, query.name
        params = {p.name: samples[p.name] for p in query.params if not p.optional}
        frame = con.execute(query.sql, query.bind(params)).df()
        assert tuple(frame.columns) == query.returns, query.name


def test_the_staged_tables_are_the_staging_layer_and_only_public_queries_are_named():
    assert set(db.STAGED) == set(queries.catalogue("staging"))
    public = set(queries.catalogue())
    assert not public & set(queries.catalogue("staging")) and not public & set(queries.catalogue("build"))
    for name in [*db.STAGED, *queries.catalogue("build")]:
        with pytest.raises(queries.QueryError):
            queries.get(name)


@pytest.mark.parametrize(
    "name, params, code",
    [
        ("no_such_query", {}, "unknown_query"),
        ("indicator_by_province", {"indicator": "imdi"}, "missing_param"),
        ("indicator_by_province", {"indicator": "imdi", "year": 2024, "limit": 5}, "extra_param"),
        ("indicator_by_province", {"indicator": "imdi", "year": "abc"}, "bad_value"),
        ("indicator_by_province", {"indicator": "x" * 10_000, "year": 2024}, "bad_value"),
    ],
)
def test_bad_requests_are_clear_errors(con, name, params, code):
    with pytest.raises(queries.QueryError) as error:
        queries.run(con, name, params)
    assert error.value.code == code


def test_sql_in_a_parameter_is_only_a_value(con):
    before = con.execute("select count(*) from indicator_values").fetchone()[0]
    for text in ["'; DROP TABLE indicator_values; --", "imdi' OR '1'='1", "imdi; select 1"]:
        result = queries.run(con, "indicator_by_province", {"indicator": text, "year": 2024})
        assert result.empty
    assert con.execute("select count(*) from indicator_values").fetchone()[0] == before


def test_the_database_cannot_read_files_or_be_unlocked(con):
    with pytest.raises(duckdb.Error, match="(?i)permission|disabled"):
        con.execute("select * from read_csv('/etc/passwd')").fetchall()
    with pytest.raises(duckdb.Error):
        con.execute("set enable_external_access = true")
    cursor = con.cursor()
    with pytest.raises(duckdb.Error, match="(?i)permission|disabled"):
        cursor.execute("copy indicator_values to '/tmp/inklusi-leak.csv'")
