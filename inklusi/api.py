"""Inklusi from a notebook: open the built data, list the named queries, run one with keyword
arguments into a pandas DataFrame, and export a view exactly as `python -m inklusi export` does.

    from inklusi import api

    data = api.open()  # builds the data first if it is missing, as `python -m inklusi build` does
    data.queries()
    data.query("indicator_by_province", indicator="imdi", year=2025)
    data.export("imdi.zip", format="datapackage", url="http://localhost:8501/?indicator=imdi&year=2025")

Bad input raises the error the command line reports (a subclass of inklusi.errors.InklusiError),
with the same message.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from inklusi import __main__ as cli
from inklusi import config
from inklusi.export import files
from inklusi.export.view import ExportError
from inklusi.store import db, queries

__all__ = ["Data", "open"]


def open() -> Data:  # the notebook's word for it; inside this module it hides the built-in open
    """The built data (INKLUSI_BUILD_DIR), built first if missing with the command line's own
    `build`, which reads the same settings (INKLUSI_BOUNDARY_MIRROR for the maps)."""
    try:
        return Data(db.open_database(config.build_dir()))
    except db.MissingBuildError:
        cli.main(["build"])
        return Data(db.open_database(config.build_dir()))


class Data:
    """One locked in-process database over the built data, as the dashboard and the command line use."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def queries(self) -> pd.DataFrame:
        """Every named query (queries/NAME.sql): what it returns, its grain, its parameters and columns."""
        return pd.DataFrame(
            [
                {
                    "name": q.name,
                    "description": q.description,
                    "grain": q.grain,
                    "parameters": {p.name: p.type + (" optional" if p.optional else "") for p in q.params},
                    "returns": list(q.returns),
                }
                for q in queries.catalogue().values()
            ]
        )

    def query(self, name: str, /, **params) -> pd.DataFrame:
        """The rows of a named query, its parameters given as keyword arguments."""
        return queries.run(self.con, name, params)

    def export(
        self,
        out: str | Path,
        *,
        format: str,  # the command line's --format
        url: str | None = None,
        query: str | None = None,
        params: dict | None = None,
        scope: str = "view",
        lang: str = "id",
        force: bool = False,
    ) -> dict:
        """Write a data file and OUT.json beside it, of the view a dashboard link shows (url, with
        scope "view" or "all") or of a named query (query and params); an existing file is replaced
        only with force. Returns the sidecar (its file.sha256 is the data file's hash)."""
        if (url is None) == (query is None):
            raise ExportError("give either url (a dashboard link) or query (a named query), not both")
        if url is not None:
            view = files.from_link(self.con, url, scope)
        else:
            view = files.query_view(self.con, query, params or {})
        return files.write(view, Path(out), format, lang=lang, url=url, force=force)
