"""The shareable view kept in the session and mirrored in the URL (see inklusi/site/viewstate.py).

When a session starts, every known URL parameter is validated; an invalid value falls
back to its default and leaves a note for the page to show. From then on the session
holds the truth and every run writes it back to the URL, so a copied link reproduces
the view.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from inklusi.site import links
from inklusi.site.viewstate import Field, resolve, shown

STATE = "inklusi.state"
NOTES = "inklusi.notes"
DATASET_SEEN = "inklusi.dataset_seen"


def load(all_fields: list[Field], dataset: str) -> dict:
    """The session's state; on its first run, read from the URL with notes on what was refused.

    dataset: the key of the data the session uses. When it changes (an import begins or ends),
    a value the new data does not offer (an imported indicator) falls back with a note."""
    if STATE not in st.session_state:
        state, notes = resolve(links.clean_params(st.query_params.to_dict()), all_fields)
        st.session_state[STATE] = state
        st.session_state[NOTES] = [(*note, "link") for note in notes]
    data_changed = st.session_state.get(DATASET_SEEN, dataset) != dataset
    st.session_state[DATASET_SEEN] = dataset
    state = st.session_state[STATE]
    for field in all_fields:  # dependent options may have changed (a new indicator has other years)
        if field.name not in state or state[field.name] not in field.options(state):
            before = state.get(field.name)
            state[field.name] = field.default(state)
            if data_changed and before not in (None, ""):
                st.session_state[NOTES].append((field.name, shown(str(before)), state[field.name], "data"))
    return state


def take_notes(fields: list[str]) -> list[tuple[str, str, Any, str]]:
    """The values refused among the given fields (field, what was given, what is shown instead,
    and why: "link" for a value in the link, "data" for one the session's data no longer
    offers), once; notes on other fields wait for a page that shows them."""
    notes = st.session_state.get(NOTES, [])
    st.session_state[NOTES] = [n for n in notes if n[0] not in fields and n[3] == "data"]
    return [n for n in notes if n[0] in fields or n[3] == "link"]


def get(name: str) -> Any:
    return st.session_state[STATE][name]


def put(name: str, value: Any) -> None:
    st.session_state[STATE][name] = value


def bind(name: str) -> str:
    """The widget key for a field, primed with the field's value; pass the key to the widget
    together with on_change=changed and args=(name,)."""
    key = f"w.{name}"
    st.session_state[key] = get(name)
    return key


def changed(name: str) -> None:
    put(name, st.session_state[f"w.{name}"])


def write_url(wanted: dict[str, str]) -> None:
    """Mirror a view's URL parameters (inklusi.site.links.query) into the address bar."""
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)
