"""Cached access to the data a session looks at: the built-in data, or a file it imported.

Each dataset is one locked in-process DuckDB connection (a cursor per thread), opened once
per server process. Every cached function of the app goes through `cached`, which adds the
session's dataset to the cache key, so an import never mixes with the built-in data.
"""

from __future__ import annotations

import functools
import threading

import pandas as pd
import streamlit as st

from inklusi import boundaries, catalogue, config, db, queries, reference, viewstate

BUILTIN = "builtin"
DATASET = "inklusi.dataset"  # session key: {"key", "kind", "name", "rows"} of an imported dataset
_lock = threading.Lock()


def dataset_key() -> str:
    chosen = st.session_state.get(DATASET)
    return chosen["key"] if chosen else BUILTIN


@st.cache_resource(show_spinner=False)
def _registry() -> dict[str, db.Cursors]:
    """Imported datasets of this server process, by content hash (at most MAX_IMPORTS)."""
    return {}


MAX_IMPORTS = 20


@st.cache_resource(show_spinner=False)
def _builtin() -> db.Cursors:
    return db.Cursors(db.open_database(config.build_dir()))


def register(key: str, opener) -> None:
    """Open an imported dataset once (opener() returns a locked connection)."""
    with _lock:
        registry = _registry()
        if key not in registry:
            while len(registry) >= MAX_IMPORTS:
                registry.pop(next(iter(registry)))
            registry[key] = db.Cursors(opener())


def cursors_for(key: str) -> db.Cursors:
    if key == BUILTIN:
        return _builtin()
    registry = _registry()
    if key not in registry:  # evicted or the server restarted: back to the built-in data
        st.session_state.pop(DATASET, None)
        return _builtin()
    return registry[key]


def cursors() -> db.Cursors:
    return cursors_for(dataset_key())


def cached(*, resource: bool = True, max_entries: int = 400):
    """st.cache_resource (or cache_data) keyed also by the session's dataset."""

    def decorate(func):
        def keyed(dataset: str, *args, **kwargs):
            return func(*args, **kwargs)

        keyed.__module__, keyed.__qualname__, keyed.__name__ = func.__module__, func.__qualname__, func.__name__
        store = (st.cache_resource if resource else st.cache_data)(show_spinner=False, max_entries=max_entries)(keyed)

        @functools.wraps(func)
        def call(*args, **kwargs):
            return store(dataset_key(), *args, **kwargs)

        return call

    return decorate


@st.cache_data(show_spinner=False, max_entries=4000)
def query_in(dataset: str, name: str, **params) -> pd.DataFrame:
    """A named query on a given dataset (query() uses the session's)."""
    return queries.run(cursors_for(dataset).get(), name, params)


def query(name: str, **params) -> pd.DataFrame:
    return query_in(dataset_key(), name, **params)


@cached()
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


@cached()
def mentoring_options() -> dict[str, list]:
    return viewstate.mentoring_options(query("mentoring_cube"), query("sector_catalogue")["id"])
