"""The view a user would share: kept in the session, mirrored in the URL, checked on the way in.

When a session starts, every known URL parameter is validated; an invalid value falls
back to its default and leaves a note for the page to show. From then on the session
holds the truth and every run writes it back to the URL, so a copied link reproduces
the view. User text never reaches a query unchecked: each value must be one of the
options the catalogue offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

import streamlit as st

from inklusi.i18n import DEFAULT, LANGS

STATE = "inklusi.state"
NOTES = "inklusi.notes"
MAX_SHOWN = 40
_UNSAFE = re.compile(r"[^0-9A-Za-z .,;_-]")
# Fixed choices of the map views; the first of each is the default.
CHOICES = {
    "view": ("map", "tiles"),
    "classes": ("continuous", "quantiles", "natural"),
    "colour": ("level", "gap"),
    "group": ("pulau", "zona"),
    "per": ("umk", "penduduk"),
}


@dataclass(frozen=True)
class Field:
    """A URL parameter: its options given the state so far, its default among them, and
    how a URL string becomes a value."""

    name: str
    options: Callable[[dict], list]
    default: Callable[[dict], Any]
    parse: Callable[[str], Any] = str


@dataclass(frozen=True)
class Between:
    """Options that are a closed range of numbers, or "" for 'the data's own default'."""

    low: float
    high: float

    def __contains__(self, value: Any) -> bool:
        return value == "" or (isinstance(value, (int, float)) and self.low <= value <= self.high)


def shown(raw: str) -> str:
    """A user-supplied value, shortened and stripped of anything markdown could act on."""
    text = _UNSAFE.sub("·", raw[:MAX_SHOWN])
    return text + ("…" if len(raw) > MAX_SHOWN else "")


def _as_int(raw: str) -> int:
    if not re.fullmatch(r"\d{1,4}", raw):
        raise ValueError(raw)
    return int(raw)


def _as_number(raw: str) -> float:
    if not re.fullmatch(r"\d{1,6}(\.\d{1,6})?", raw):
        raise ValueError(raw)
    return float(raw)


def _earlier(catalogue, s: dict) -> list:
    return [y for y in catalogue.years(s["indicator"]) if y < s["year"]] or [""]


def fields(catalogue, provinces: list[str], mentoring: dict[str, list], needs: list[str]) -> list[Field]:
    """Every field of the app, in dependency order (year depends on indicator, start on year).

    mentoring: the options of the mentoring filters (years, sectors, areas, scales, genders);
    needs: the "indicator-year" options of the targeting page."""
    return [
        Field("lang", lambda s: list(LANGS), lambda s: DEFAULT),
        Field("indicator", lambda s: catalogue.mappable, lambda s: "imdi"),
        Field("year", lambda s: catalogue.years(s["indicator"]), lambda s: max(catalogue.years(s["indicator"])),
              _as_int),
        Field("province", lambda s: [""] + provinces, lambda s: ""),
        Field("start", lambda s: _earlier(catalogue, s), lambda s: _earlier(catalogue, s)[0], _as_int),
        *(Field(name, lambda s, o=options: list(o), lambda s, o=options: o[0]) for name, options in CHOICES.items()),
        Field("m_year", lambda s: [""] + mentoring["years"], lambda s: "", _as_int),
        *(Field(name, lambda s, n=name: [""] + mentoring[n], lambda s: "")
          for name in ("sector", "area", "scale", "gender")),
        Field("need", lambda s: needs, lambda s: needs[0]),
        Field("x_cut", lambda s: Between(0, 100), lambda s: "", _as_number),
        Field("y_cut", lambda s: Between(0, 100_000), lambda s: "", _as_number),
    ]


def load(all_fields: list[Field]) -> dict:
    """The session's state; on its first run, read from the URL with notes on what was refused."""
    if STATE not in st.session_state:
        state, notes = {}, []
        for field in all_fields:
            raw = st.query_params.get(field.name)
            value = _accept(field, raw, state)
            if value is None:
                value = field.default(state)
                if raw is not None:
                    notes.append((field.name, shown(raw), value))
            state[field.name] = value
        st.session_state[STATE] = state
        st.session_state[NOTES] = notes
    state = st.session_state[STATE]
    for field in all_fields:  # dependent options may have changed (a new indicator has other years)
        if field.name not in state or state[field.name] not in field.options(state):
            state[field.name] = field.default(state)
    return state


def _accept(field: Field, raw: str | None, state: dict) -> Any:
    if raw is None:
        return None
    try:
        value = field.parse(raw)
    except ValueError:
        return None
    return value if value in field.options(state) else None


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
