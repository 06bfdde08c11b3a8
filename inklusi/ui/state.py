"""The shareable view kept in the session and mirrored in the URL (see inklusi/viewstate.py).

When a session starts, every known URL parameter is validated; an invalid value falls
back to its default and leaves a note for the page to show. From then on the session
holds the truth and every run writes it back to the URL, so a copied link reproduces
the view.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from inklusi.viewstate import Field, resolve

STATE = "inklusi.state"
NOTES = "inklusi.notes"


def load(all_fields: list[Field]) -> dict:
    """The session's state; on its first run, read from the URL with notes on what was refused."""
    if STATE not in st.session_state:
        state, notes = resolve(st.query_params, all_fields)
        st.session_state[STATE] = state
        st.session_state[NOTES] = notes
    state = st.session_state[STATE]
    for field in all_fields:  # dependent options may have changed (a new indicator has other years)
        if field.name not in state or state[field.name] not in field.options(state):
            state[field.name] = field.default(state)
    return state


def take_notes() -> list[tuple[str, str, Any]]:
    """The refused URL values (field, what was given, what is shown instead), once."""
    notes = st.session_state.get(NOTES, [])
    st.session_state[NOTES] = []
    return notes


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


def write_url(names: list[str]) -> None:
    """Mirror the named fields into the URL (empty values are left out)."""
    state = st.session_state[STATE]
    wanted = {n: str(state[n]) for n in names if state.get(n) not in (None, "")}
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)
