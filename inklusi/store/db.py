"""The in-process DuckDB database: loaded once from the build, then closed to the outside.

One connection per server process; each thread queries through its own cursor. After
the tables are loaded and the staging tables in STAGED built from them, access to external
files is switched off and the configuration is locked, so no query (and no parameter) can
read a file or change a setting.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Mapping

import duckdb
import pandas as pd

from inklusi.errors import InklusiError
from inklusi.store import queries

TABLES = (
    "provinces",
    "province_aliases",
    "indicators",
    "sources",
    "indicator_values",
    "breaks",
    "corrections",
    "sectors",
    "programmes",
    "mentoring_areas",
    "mentoring",
    "msme_national",
    "programme_facts",
    "countries",
    "country_values",
)
# The staging layer: tables built when the data loads (an import included), each from the named
# query of the same name (queries/staging/NAME.sql), in this order. The pages' queries read these
# instead of repeating how a province maps onto each layout or which rows are national.
STAGED = ("province_layouts", "national_values", "provincial_values", "mentoring_cells")


class MissingBuildError(InklusiError, RuntimeError):
    """The build step has not been run (or did not finish)."""


def open_database(
    build: Path, *, replace: Mapping[str, pd.DataFrame] | None = None, extend: Mapping[str, pd.DataFrame] | None = None
) -> duckdb.DuckDBPyConnection:
    """Load every table from the build folder into memory and lock the connection.

    replace: tables to take from data frames instead (imported mentoring records);
    extend: rows to add to built-in tables (imported indicator values). The build folder
    itself is only read."""
    replace, extend = replace or {}, extend or {}
    missing = [t for t in TABLES if t not in replace and not (build / f"{t}.parquet").exists()]
    if missing:
        raise MissingBuildError(f"{build} lacks {', '.join(missing)}: run `make data` (python -m inklusi build)")
    con = duckdb.connect(":memory:")
    for table in TABLES:
        if table in replace:
            con.register("_frame", replace[table])
            con.execute(f'create table "{table}" as select * from _frame')
            con.unregister("_frame")
        else:
            con.execute(
                f'create table "{table}" as select * from read_parquet($path)',
                {"path": str(build / f"{table}.parquet")},
            )
        if table in extend and len(extend[table]):
            con.register("_frame", extend[table])
            con.execute(f'insert into "{table}" by name select * from _frame')
            con.unregister("_frame")
    for table in STAGED:
        con.execute(f'create table "{table}" as {queries.get(table, "staging").sql}')
    lock(con)
    return con


def memory_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """The memory DuckDB holds for a connection's tables."""
    return int(con.execute("select coalesce(sum(memory_usage_bytes), 0) from duckdb_memory()").fetchone()[0])


def lock(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")


class Cursors:
    """A cursor per thread over one shared connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con
        self._local = threading.local()

    def get(self) -> duckdb.DuckDBPyConnection:
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._con.cursor()
        return cursor
