"""The layout and method breaks of an indicator: the editions not comparable with the one before.

The breaks are data (data/breaks.csv, each with its source); a composite index inherits the
breaks of its pillars and sub-pillars, followed upwards through indicators.parent by
queries/indicator_breaks.sql. This module is the one place that reads them.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from inklusi.store import queries

COLUMNS = ["year", "kind", "note_id", "note_en", "source", "via"]


def breaks(source: duckdb.DuckDBPyConnection | pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The breaks of an indicator, its own and inherited, one row per year, kind and note, oldest first.

    source: a connection (or cursor) of the data, or the result of the query indicator_breaks
    (every break, with its ancestors). `via` names the pillar an inherited break comes from
    (null for the indicator's own); a break recorded on several pillars is listed once."""
    if isinstance(source, pd.DataFrame):
        frame = source
    else:
        frame = queries.run(source, "indicator_breaks", {"indicator": indicator})
    own = frame["indicator"] == indicator
    inherited = frame["ancestors"].map(lambda ancestors: indicator in list(ancestors))
    found = frame[own | inherited].assign(via=frame["indicator"].where(~own), _own=~own)
    found = found.sort_values(["year", "kind", "_own", "indicator"], kind="stable")
    found = found.drop_duplicates(["year", "kind", "note_en"])
    return found[COLUMNS].reset_index(drop=True)


def between(found: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """The breaks a comparison of edition start with edition end crosses (start < year <= end)."""
    return found[(found["year"] > start) & (found["year"] <= end)]
