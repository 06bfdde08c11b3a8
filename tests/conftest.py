"""Shared fixtures: the built data (make test builds it first) and the reference tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from inklusi import config, db, queries, viewstate
from inklusi.config import DATA_DIR


@pytest.fixture(scope="session")
def build_dir() -> Path:
    path = config.build_dir()
    if not (path / "indicator_values.parquet").exists():
        pytest.fail(f"{path} is not built: run `make data` (make test does it first)")
    return path


@pytest.fixture(scope="session")
def con(build_dir) -> duckdb.DuckDBPyConnection:
    return db.open_database(build_dir)


@pytest.fixture(scope="session")
def run(con):
    """run(name, **params): a named query on the built data, as the pages and exports call it."""
    return lambda name, **params: queries.run(con, name, params)


@pytest.fixture(scope="session")
def state_of(con):
    """state_of(**url_values): the view state the dashboard resolves from a link's values."""
    fields = viewstate.app_fields(con)
    return lambda **raw: viewstate.resolve({k: str(v) for k, v in raw.items()}, fields)[0]


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """../shared/reference, given through INKLUSI_REFERENCE_DIR (CI sets it)."""
    folder = config.reference_dir()
    if folder is None:
        pytest.skip("INKLUSI_REFERENCE_DIR is not set; .ci/run sets it to ../shared/reference")
    return folder


@pytest.fixture(scope="session")
def values() -> pd.DataFrame:
    """data/values.csv as plain pandas, independent of the build step."""
    return pd.read_csv(DATA_DIR / "values.csv", dtype={"province": str})


@pytest.fixture(scope="session")
def provinces() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "provinces.csv", dtype=str)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's; see tests/browser.py), one per test module."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
