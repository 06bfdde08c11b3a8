"""The overview map played through the editions: a play control, one edition per tick, each on the
province layout it was published on, and one colour scale for every edition so that colours
compare. After the last edition the map stays on that scale until it is released (a chart that
changes on its own while a presenter talks would not do). On the overview the play moves the
page's year (and its link); on a presenter's map slide it moves only the map, as the slide's
sentences stay those of the latest edition."""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from inklusi.i18n import t
from inklusi.store import reference
from inklusi.ui import data, state

PLAYED = "play.indicator"  # the indicator played (its map keeps the fixed scale until released)
RUNNING = "play.running"
LAST_TICK = "play.last_tick"
YEAR = "play.year"  # the edition the play has reached
SECONDS = 2  # each edition stays this long on the screen


def control(indicator: str, lang: str, in_view: bool = True) -> bool:
    """The play button (and, once played, the one that gives each edition its own scale again);
    whether the map is on the scale fixed across the editions. in_view: the play moves the view's
    year (the overview), not only the map (a slide, whose header has room for one button: once
    played, the release alone)."""
    years = data.indicator_catalogue().years(indicator)
    if len(years) < 2:
        return False
    fixed = st.session_state.get(PLAYED) == indicator
    with st.container(horizontal=True, key="play"):
        if in_view or not fixed:
            st.button(
                t("play.start", lang, first=years[0], last=years[-1]),
                icon=":material/play_arrow:",
                key="play.start",
                on_click=start,
                args=(indicator, years[0], in_view),
                disabled=bool(st.session_state.get(RUNNING)) and fixed,
            )
        if fixed:
            st.button(t("play.release", lang), icon=":material/restart_alt:", key="play.release", on_click=release)
    return fixed


def start(indicator: str, first: int, in_view: bool) -> None:
    if in_view:
        state.put("year", first)
    st.session_state.update({PLAYED: indicator, RUNNING: True, LAST_TICK: time.monotonic(), YEAR: first})


def release() -> None:
    for key in (PLAYED, RUNNING, LAST_TICK, YEAR):
        st.session_state.pop(key, None)


def run_every() -> int | None:
    """How often the map's fragment reruns: every SECONDS while playing, else never by itself."""
    return SECONDS if st.session_state.get(RUNNING) else None


def tick(years: list[int], in_view: bool = True) -> int:
    """The edition to show. When a tick is due, one edition on; the last one ends the play with a
    rerun of the whole page, so that the year picker, the cards and the ranking show it too. On
    the overview the page's year is the edition (a year picked after the play is shown)."""
    if st.session_state.get(RUNNING) and time.monotonic() - st.session_state[LAST_TICK] >= SECONDS - 0.2:
        year = next((y for y in years if y > st.session_state[YEAR]), years[-1])
        st.session_state.update({YEAR: year, LAST_TICK: time.monotonic()})
        if in_view:
            state.put("year", year)
            st.query_params["year"] = str(year)
        if year == years[-1]:
            st.session_state[RUNNING] = False
            st.rerun(scope="app")
    return state.get("year") if in_view else st.session_state.get(YEAR, years[-1])


@data.cached()
def span(indicator: str) -> tuple[float, float]:
    """The ends of the colour scale fixed across an indicator's editions (value_range), once per
    indicator and dataset rather than on every rerun of a played page."""
    return value_range(data.query("indicator_values", indicator=indicator))


def value_range(values: pd.DataFrame) -> tuple[float, float]:
    """The lowest and highest provincial value over every edition (indicator_values rows): the ends
    of the fixed colour scale."""
    provincial = values.loc[values["province"] != reference.NATIONAL, "value"].dropna()
    return float(provincial.min()), float(provincial.max())
