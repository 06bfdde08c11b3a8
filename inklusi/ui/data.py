"""Cached access to the database, the catalogue and the map files.

The connection and fixed structures are built once per server process (cache_resource);
query results are cached per query and parameters (cache_data), so changing one filter
recomputes only the queries that take it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from inklusi import boundaries, catalogue, config, db, queries, reference, viewstate


@st.cache_resource(show_spinner=False)
def cursors() -> db.Cursors:
    return db.Cursors(db.open_database(config.build_dir()))


@st.cache_data(show_spinner=False, max_entries=2000)
def query(name: str, **params) -> pd.DataFrame:
    return queries.run(cursors().get(), name, params)


@st.cache_resource(show_spinner=False)
def indicator_catalogue() -> catalogue.Catalogue:
    return catalogue.Catalogue.load(cursors().get())


@st.cache_resource(show_spinner=False)
def provinces() -> pd.DataFrame:
    return reference.provinces().set_index("kode", drop=False)


@st.cache_resource(show_spinner=False)
def geojson(layout: int) -> dict | str | None:
    """The map of a layout: the URL of the published file, else the built file itself, else None."""
    if (config.STATIC_MAPS / f"provinces_{layout}.geojson").exists():
        return f"{config.STATIC_MAPS_URL}/provinces_{layout}.geojson"
    return boundaries.load_geojson(config.boundaries_dir(), layout)


@st.cache_resource(show_spinner=False)
def tiles() -> pd.DataFrame:
    return reference.read_csv("tile_grid.csv").astype({"row": int, "col": int})


@st.cache_resource(show_spinner=False)
def mentoring_options() -> dict[str, list]:
    return viewstate.mentoring_options(query("mentoring_cube"), query("sector_catalogue")["id"])
