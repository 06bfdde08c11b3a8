"""Cached access to the data a session looks at: the built-in data, or a file it imported.

Each dataset is one locked in-process DuckDB connection (a cursor per thread): the built-in
data opened once per server process, an import held by the session that made it. Every cached
function of the app goes through `cached`, which adds the session's dataset to the cache key,
so an import never mixes with the built-in data.
"""

from __future__ import annotations

import functools
import threading
import weakref
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from inklusi import config
from inklusi.errors import InklusiError
from inklusi.site import viewstate
from inklusi.site.declare import Field, Options
from inklusi.store import boundaries, breaks, catalogue, db, queries, reference

BUILTIN = "builtin"
DATASET = "inklusi.dataset"  # session key: this session's Imported dataset, if any
_lock = threading.Lock()
_live: "weakref.WeakSet[Imported]" = weakref.WeakSet()  # the imports held by sessions that still exist


@dataclass(eq=False)
class Imported:
    """An import, owned by the session that made it: no other visitor's import can remove it, and
    it is freed with the session (Streamlit drops a session's state when it ends)."""

    key: str
    kind: str
    name: str
    rows: int
    bytes: int
    cursors: db.Cursors


class ServerFull(InklusiError, RuntimeError):
    """The imports of other sessions already use the memory the server allows for imports."""


def dataset_key() -> str:
    chosen = st.session_state.get(DATASET)
    return chosen.key if chosen else BUILTIN


@st.cache_resource(show_spinner=False)
def _builtin() -> db.Cursors:
    return db.Cursors(db.open_database(config.build_dir()))


def use_import(key: str, kind: str, name: str, rows: int, opener) -> None:
    """Open an import (opener() returns a locked connection) as this session's data, if the
    server's memory for imports allows it (config: INKLUSI_IMPORT_MEMORY_MB)."""
    con = opener()
    size = db.memory_bytes(con)
    with _lock:
        held = sum(i.bytes for i in _live if i is not st.session_state.get(DATASET))
        if held + size > config.import_memory_bytes():
            con.close()
            raise ServerFull(held)
        imported = Imported(key, kind, name, rows, size, db.Cursors(con))
        _live.add(imported)
    st.session_state[DATASET] = imported


def drop_import() -> None:
    st.session_state.pop(DATASET, None)


def cursors_for(key: str) -> db.Cursors:
    if key == BUILTIN:
        return _builtin()
    chosen = st.session_state.get(DATASET)
    if chosen is None or chosen.key != key:
        raise LookupError(f"no dataset {key} in this session")
    return chosen.cursors


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


@cached(max_entries=200)
def indicator_breaks(indicator: str) -> pd.DataFrame:
    """The layout and method breaks of an indicator, its own and its pillars' (inklusi.store.breaks)."""
    return breaks.breaks(cursors().get(), indicator)


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
def fields() -> list[Field]:
    """Every field of a link, with its options from the session's data (inklusi/site/viewstate.py)."""
    return viewstate.fields(Options(indicator_catalogue(), list(provinces()["kode"]), query))
