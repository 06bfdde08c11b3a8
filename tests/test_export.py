"""Exports: every format reads back as the view, equals an independent computation on the
source files, carries a complete sidecar, and fails cleanly on bad input."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pandas as pd
import pytest

from inklusi.config import REPO
from inklusi.export import files, metadata
from inklusi.site import registry
from tests.exported import read_back, same

VIEWS = [
    ("overview", {"indicator": "imdi", "year": 2023}, "view"),
    ("overview", {"indicator": "ild"}, "all"),
    ("profile", {"indicator": "imdi", "province": "93"}, "view"),
    ("compare", {"indicator": "imdi", "provinces": "31,53,95,91"}, "view"),
    ("gaps", {"indicator": "iptik"}, "view"),
    ("sectors", {"sector": "tekstil", "m_year": 2022}, "view"),
    ("targeting", {"need": "imdi_keterampilan-2024"}, "view"),
    ("sources", {}, "view"),
    ("world", {"w_year": 2022, "countries": "IND,PHL"}, "view"),
    ("world", {}, "all"),
]


@pytest.mark.parametrize("page, raw, scope", VIEWS)
@pytest.mark.parametrize("fmt", files.FORMATS)
def test_every_format_reads_back_as_the_view(run, state_of, page, raw, scope, fmt):
    view = files.build(run, page, state_of(**raw), scope)
    same(read_back(files.encode(view, fmt), fmt, view.frame), view.frame)


def test_the_same_view_gives_the_same_bytes(run, state_of):
    view = files.build(run, "sectors", state_of(sector="anyaman"), "view")
    for fmt in files.FORMATS:
        assert files.encode(view, fmt) == files.encode(files.build(run, "sectors", state_of(sector="anyaman")), fmt)


def test_overview_export_equals_the_curated_values(run, state_of, values):
    view = files.build(run, "overview", state_of(indicator="imdi", year=2024), "view")
    mine = values[(values.indicator == "imdi") & (values.year == 2024) & (values.province != "ID")]
    exported = view.frame.set_index("province")["value"]
    assert exported.loc[mine.province].tolist() == mine.value.tolist()
    assert (view.frame["national"] == 43.34).all()


def test_sector_export_equals_the_records(run, state_of, build_dir):
    view = files.build(run, "sectors", state_of(m_year=2021, gender="perempuan"), "view").frame.set_index("sector")
    records = pd.read_parquet(build_dir / "mentoring.parquet")
    subset = records[(records.year == 2021) & (records.gender == "perempuan")]
    for sector, group in subset.groupby("sector"):
        assert view.loc[sector, "participants"] == len(group)
        assert view.loc[sector, "completion_rate"] == pytest.approx(group.completed.mean())
        assert view.loc[sector, "mean_gain"] == pytest.approx((group.post_score - group.pre_score).dropna().mean())
        assert view.loc[sector, "share_online_after"] == pytest.approx(group.online_after.mean())


def test_whole_dataset_is_every_record(run, state_of, build_dir):
    view = files.build(run, "sectors", state_of(sector="tekstil"), "all")
    assert len(view.frame) == len(pd.read_parquet(build_dir / "mentoring.parquet")) and view.synthetic


def test_sidecar_has_every_field_and_the_hash_matches(run, state_of):
    view = files.build(run, "overview", state_of(indicator="ild", year=2021), "view")
    data = files.encode(view, "parquet")
    meta = files.sidecar(view, "parquet", data, lang="en", url="http://localhost:8501/?indicator=ild&year=2021")
    for key in (
        "page",
        "filters",
        "query",
        "sources",
        "app_version",
        "exported_at",
        "row_count",
        "file",
        "citation",
        "rounding",
        "synthetic",
        "columns",
        "url",
        "language",
        "scope",
    ):
        assert key in meta, key
    assert meta["query"]["name"] == "indicator_by_province" and "select" in meta["query"]["sql"]
    assert meta["query"]["parameters"] == {"indicator": "ild", "year": 2021}
    assert meta["file"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert meta["row_count"] == 34
    cited = {s["id"]: s for s in meta["sources"]}
    assert {"ild_2021", "kompas_ild_2021"} <= set(cited)  # Riau's corrected value comes from Kompas
    assert all(s["citation"] and s["terms"] for s in cited.values())


def test_every_exported_column_is_in_the_dictionary(run, state_of):
    documented = set(metadata.dictionary()["column"])
    for page in [p.name for p in registry.exported()]:
        for scope in files.SCOPES:
            view = files.build(run, page, state_of(province="53"), scope)
            assert set(view.frame.columns) <= documented, (page, scope, set(view.frame.columns) - documented)


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "inklusi", "export", *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_shell_export_of_a_link(tmp_path, run, state_of):
    out = tmp_path / "view.csv"
    done = cli(
        "--from-url",
        "http://localhost:8501/gaps?indicator=iptik&year=2022&lang=en",
        "--format",
        "csv",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    expected = files.encode(files.build(run, "gaps", state_of(indicator="iptik", year=2022, lang="en")), "csv")
    assert out.read_bytes() == expected
    meta = json.loads((tmp_path / "view.csv.json").read_text())
    assert meta["page"] == "gaps" and meta["url"].endswith("lang=en")


def test_an_exported_file_gets_the_mode_of_any_new_file(tmp_path):
    (tmp_path / "plain").write_bytes(b"")
    done = cli(
        "--query", "national_series", "--param", "indicator=imdi", "--format", "csv", "--out", str(tmp_path / "out.csv")
    )
    assert done.returncode == 0, done.stderr
    plain = (tmp_path / "plain").stat().st_mode
    assert (tmp_path / "out.csv").stat().st_mode == plain == (tmp_path / "out.csv.json").stat().st_mode


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from-url", "https://example.com/?indicator=imdi", "--format", "csv"], "not to this dashboard"),
        (["--from-url", "javascript:alert(1)", "--format", "csv"], "not a dashboard link"),
        (["--from-url", "http://localhost:8501/admin", "--format", "csv"], "not a page of this dashboard"),
        (["--from-url", "http://localhost:8501/?year=abc", "--format", "csv"], "does not accept: year=abc"),
        (["--from-url", "http://localhost:8501/profile", "--format", "csv"], "choose a province first"),
        (["--query", "no_such_query", "--format", "csv"], "there is no query named"),
        (["--query", "indicator_series", "--format", "csv"], "needs the parameter"),
        (["--query", "national_series", "--param", "indicator=imdi", "--format", "docx"], "invalid choice: 'docx'"),
    ],
)
def test_bad_input_is_a_clear_error_and_leaves_no_file(tmp_path, args, message):
    done = cli(*args, "--out", str(tmp_path / "out.csv"))
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing/out.csv", "."])
def test_an_unwritable_path_is_refused_cleanly(tmp_path, where):
    target = tmp_path / where
    done = cli("--query", "national_series", "--param", "indicator=imdi", "--format", "csv", "--out", str(target))
    assert done.returncode == 2 and "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_compare_and_world_exports_name_each_place_beside_its_code(run, state_of):
    """Names read back against data/provinces.csv and the countries' names as CLDR writes them."""
    provinces = pd.read_csv(REPO / "data" / "provinces.csv", dtype=str).set_index("kode")
    compared = files.build(run, "compare", state_of(indicator="imdi", provinces="31,53,95"), "view").frame
    profiled = files.build(run, "profile", state_of(indicator="imdi", province="53"), "view").frame
    for frame in (compared, profiled):
        assert list(frame.columns[:4]) == ["indicator", "province", "nama", "name_en"]
        for column in ("nama", "name_en"):
            assert frame[column].tolist() == provinces.loc[frame["province"], column].tolist()
    world = files.build(run, "world", state_of(w_year=2023), "view").frame.set_index("place")
    assert world[["place_name_id", "place_name_en"]].notna().all().all()
    assert tuple(world.loc["IDN", ["place_name_id", "place_name_en"]]) == ("Indonesia", "Indonesia")
    assert tuple(world.loc["EU27", ["place_name_id", "place_name_en"]]) == ("Uni Eropa", "European Union")
    assert tuple(world.loc["WLD", ["place_name_id", "place_name_en"]]) == ("Dunia", "World")
    assert tuple(world.loc["53", ["place_name_id", "place_name_en"]]) == ("Nusa Tenggara Timur", "East Nusa Tenggara")
    assert world.loc["91", "layout"] == 34 and world.loc["91", "place_name_en"] == "Papua (undivided)"
