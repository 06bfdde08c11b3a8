"""The notebook API: the README's example runs as written, queries equal the curated files,
exports equal the command line's, and bad input raises the command line's errors and messages."""

from __future__ import annotations

import re
import subprocess
import sys

import frictionless
import pandas as pd
import pytest

from inklusi import api, config
from inklusi.config import REPO
from inklusi.errors import InklusiError


@pytest.fixture(scope="module")
def data():
    return api.open()


def readme_example() -> str:
    section = (REPO / "README.md").read_text().split("## From a notebook", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, flags=re.DOTALL)[1]


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "inklusi", *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_the_readme_example_runs(tmp_path, monkeypatch, values):
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(compile(readme_example(), "README.md", "exec"), names)
    mine = values[(values.indicator == "imdi") & (values.year == 2025) & (values.province != "ID")]
    assert names["imdi"].set_index("province")["value"].loc[mine.province].tolist() == mine.value.tolist()
    assert frictionless.validate(str(tmp_path / "imdi-2025.zip")).valid
    assert (tmp_path / "imdi-2025.zip.json").exists() and (tmp_path / "imdi.dta.json").exists()
    assert len(pd.read_stata(tmp_path / "imdi.dta")) == (values.indicator == "imdi").sum()
    assert set(names["catalogue"]["name"]) == {p.stem for p in (REPO / "queries" / "public").glob("*.sql")}


def test_queries_list_every_parameter_as_the_files_declare_it(data):
    listed = data.queries().set_index("name")
    for path in (REPO / "queries" / "public").glob("*.sql"):
        declared = re.findall(r"^-- param (\w+) (\w+)( optional)?:", path.read_text(), flags=re.MULTILINE)
        assert listed.loc[path.stem, "parameters"] == {name: kind + optional for name, kind, optional in declared}


def test_a_query_takes_keyword_arguments_of_any_type(data, values):
    series = data.query("national_series", indicator="imdi").dropna(subset=["national"])
    national = values[(values.indicator == "imdi") & (values.province == "ID")].sort_values("year")
    assert series["year"].tolist() == national["year"].tolist()
    assert series["national"].tolist() == national["value"].tolist()
    assert data.query("indicator_by_province", indicator="imdi", year="2024").equals(
        data.query("indicator_by_province", indicator="imdi", year=2024)
    )


@pytest.mark.parametrize("fmt", ["csv", "datapackage", "dta"])
def test_an_export_equals_the_command_line_export(data, tmp_path, fmt):
    url = "http://localhost:8501/sectors?sector=tekstil&lang=en"
    meta = data.export(tmp_path / "api.out", format=fmt, url=url, lang="en")
    done = cli("export", "--from-url", url, "--format", fmt, "--lang", "en", "--out", str(tmp_path / "cli.out"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "api.out").read_bytes() == (tmp_path / "cli.out").read_bytes()
    assert meta["url"] == url and (tmp_path / "api.out.json").exists()


def test_an_existing_file_is_replaced_only_with_force(data, tmp_path):
    out = tmp_path / "imdi.csv"
    data.export(out, format="csv", query="national_series", params={"indicator": "imdi"})
    with pytest.raises(InklusiError, match="exists; use --force to replace it"):
        data.export(out, format="csv", query="national_series", params={"indicator": "ild"})
    assert "imdi" in out.read_text()
    data.export(out, format="csv", query="national_series", params={"indicator": "ild"}, force=True)
    assert "ild" in out.read_text() and "imdi" not in out.read_text()


@pytest.mark.parametrize(
    "name, params",
    [
        ("no_such_query", {}),
        ("indicator_series", {"indicator": "imdi"}),
        ("national_series", {"indicator": "imdi", "year": 2020}),
        ("indicator_by_province", {"indicator": "imdi", "year": "abc"}),
        ("indicator_by_province", {"indicator": "imdi", "year": 2**40}),
    ],
)
def test_a_bad_query_raises_the_command_lines_error_and_message(data, name, params):
    with pytest.raises(InklusiError) as raised:
        data.query(name, **params)
    done = cli("query", name, *[f"--param={key}={value}" for key, value in params.items()])
    assert done.returncode == 2 and done.stderr.strip() == f"error: {raised.value}"


@pytest.mark.parametrize(
    "url", ["http://localhost:8501/?year=abc", "https://example.com/", "http://localhost:8501/profile"]
)
def test_a_bad_link_raises_the_command_lines_error_and_message(data, tmp_path, url):
    with pytest.raises(InklusiError) as raised:
        data.export(tmp_path / "api.csv", format="csv", url=url)
    done = cli("export", "--from-url", url, "--format", "csv", "--out", str(tmp_path / "cli.csv"))
    assert done.returncode == 2 and done.stderr.strip() == f"error: {raised.value}"
    assert list(tmp_path.iterdir()) == []


def test_open_builds_the_data_first_when_it_is_missing(tmp_path, monkeypatch, values):
    monkeypatch.setenv("INKLUSI_BUILD_DIR", str(tmp_path / "build"))
    fresh = api.open()
    assert (config.build_dir() / "indicator_values.parquet").exists()
    built = fresh.query("all_values")
    assert (built["flag"] != "derived").sum() == len(values) and (built["flag"] == "derived").any()
