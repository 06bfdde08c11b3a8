"""Cached access to the database, the catalogue and the map files.

The connection and fixed structures are built once per server process (cache_resource);
query results are cached per query and parameters (cache_data), so changing one filter
recomputes only the queries that take it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from inklusi import boundaries, catalogue, config, db, queries, reference


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
def table(name: str) -> pd.DataFrame:
    """A whole reference table (sources, corrections, sectors ...), for display."""
    if name not in db.TABLES or name == "mentoring":
        raise KeyError(name)
    return cursors().get().execute(f'select * from "{name}"').df()


@st.cache_resource(show_spinner=False)
def mentoring_options() -> dict[str, list]:
    """The values the mentoring filters offer, in a stable, meaningful order."""
    cube = query("mentoring_cube")
    sectors = [s for s in table("sectors")["id"] if s in set(cube["sector"])]
    return {
        "years": sorted(int(y) for y in cube["year"].unique()),
        "sector": sectors,
        "area": sorted(cube["area"].unique()),
        "scale": [s for s in ("mikro", "kecil", "menengah") if s in set(cube["scale"])],
        "gender": [g for g in ("perempuan", "laki-laki") if g in set(cube["gender"])],
    }
