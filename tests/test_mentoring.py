"""The synthetic mentoring records: exact published totals, deterministic, plausible."""

from __future__ import annotations

import hashlib

import duckdb
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from inklusi.config import DATA_DIR
from inklusi.store import build


@pytest.fixture(scope="module")
def records(build_dir) -> pd.DataFrame:
    return pd.read_parquet(build_dir / "mentoring.parquet")


def test_totals_are_exactly_the_published_ones(records):
    assert records.groupby("year").size().to_dict() == {2021: 26_000, 2022: 30_000}
    assert records[records.year == 2021].area.nunique() == 10
    assert records[records.year == 2022].area.nunique() == 13
    assert "53" in set(records[records.year == 2022].province), "NTT is among the 2022 areas"


def test_every_area_gets_its_stated_count(records):
    areas = pd.read_csv(DATA_DIR / "mentoring_areas.csv", dtype={"province": str})
    counts = records.groupby(["programme", "area", "province"]).size().rename("n").reset_index()
    merged = areas.merge(counts, on=["programme", "area", "province"], how="outer")
    assert (merged["participants"] == merged["n"]).all()


def test_sectors_scores_and_flags(records):
    sectors = set(pd.read_csv(DATA_DIR / "sectors.csv").id)
    assert len(sectors) == 9 and set(records.sector) == sectors
    assert records.pre_score.between(0, 100).all()
    assert records.post_score.dropna().between(0, 100).all()
    assert (records.post_score.isna() == ~records.completed).all(), "a post-score exists only for completers"
    assert records.synthetic.all()
    assert records.id.is_unique
    assert (records.start_date <= records.end_date).all()
    assert set(records.scale) == {"mikro", "kecil", "menengah"}
    assert (~records.online_before | records.online_after).all(), "nobody stops selling online"


def test_records_fall_inside_the_programme_windows(records):
    programmes = pd.read_csv(DATA_DIR / "programmes.csv", parse_dates=["start", "end"]).set_index("id")
    for programme, rows in records.groupby("programme"):
        assert pd.Timestamp(rows.start_date.min()) >= programmes.loc[programme, "start"]
        assert pd.Timestamp(rows.end_date.max()) <= programmes.loc[programme, "end"]


def test_starting_skill_follows_the_published_skills_pillar(records, values, provinces):
    skills = values[(values.indicator == "imdi_keterampilan") & (values.year == 2022)].set_index("province").value
    parent = dict(zip(provinces.kode, provinces.kode_2012, strict=True))
    mean_pre = records.groupby("province").pre_score.mean()
    pillar = mean_pre.index.map(lambda k: skills[parent[k]])
    assert np.corrcoef(mean_pre, pillar)[0, 1] > 0.9


def test_distributions_are_not_uniform(records):
    shares = records.sector.value_counts(normalize=True)
    assert shares.max() > 2 * shares.min()
    assert 0.5 < (records.gender == "perempuan").mean() < 0.75
    assert 0.6 < records.completed.mean() < 0.95


def test_same_bytes_every_run(tmp_path):
    con = duckdb.connect()
    build.load_curated(con)
    digests = []
    for run in range(2):
        path = tmp_path / f"run{run}.parquet"
        build.write_mentoring(con, path)
        digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_size_option_scales_exactly(tmp_path):
    con = duckdb.connect()
    build.load_curated(con)
    path = tmp_path / "big.parquet"
    assert build.write_mentoring(con, path, rows=123_457) == 123_457
    table = pq.read_table(path).to_pandas()
    shares = table.groupby("year").size() / len(table)
    assert abs(shares[2021] - 26 / 56) < 1e-3
