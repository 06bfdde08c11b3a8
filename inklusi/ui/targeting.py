"""Prioritas / Targeting: digital-skills need against mentoring coverage, and who comes next."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi import reference, targeting, viewstate
from inklusi.figures import scatter
from inklusi.figures.common import Labels
from inklusi.i18n import number, t
from inklusi.narrative import records_source
from inklusi.ui import data, display, page, state
from inklusi.ui.page import lang


def need_label(need: str, L: str) -> str:
    indicator, year = targeting.split_need(need)
    return f"{display.indicator_labels(L)[indicator]} {year}"


def reset_cuts(name: str, cut: str) -> None:
    state.changed(name)
    state.put(cut, "")


def render() -> None:
    L = lang()
    st.sidebar.selectbox(t("field.need", L), list(targeting.NEEDS), key=state.bind("need"),
                         format_func=lambda v: need_label(v, L), on_change=reset_cuts, args=("need", "x_cut"))
    st.sidebar.segmented_control(t("field.per", L), viewstate.CHOICES["per"], key=state.bind("per"),
                                 format_func=lambda v: t(f"option.per.{v}", L), on_change=reset_cuts,
                                 args=("per", "y_cut"), required=True)
    need, per = state.get("need"), state.get("per")
    st.title(t("targeting.title", L))
    st.caption(t("targeting.lead", L))
    page.show_url_notes()
    page.synthetic_banner()

    frame = points(need, per, L)
    x_default, y_default = defaults(need, per)
    x_cut = slider("x_cut", t("field.x_cut", L), frame["x"], x_default)
    y_cut = slider("y_cut", t("field.y_cut_unit", L, unit=t(f"option.per.{per}", L)), frame["y"], y_default, floor=0.0)
    marked = targeting.priorities(frame, x_cut, y_cut)
    st.markdown(t("targeting.rule", L, need=need_label(need, L), x=number(x_cut, L, 2),
                  y=number(y_cut, L, 2), unit=t(f"option.per.{per}", L)))
    fig, alt = quadrant_figure(need, per, x_cut, y_cut, L)
    page.chart(fig, key="targeting.quadrant", alt=alt, clickable=True)
    listing(marked, L)
    st.caption(t(f"targeting.denominator_{per}", L))
    st.caption(t("targeting.split_note", L))


@data.cached(resource=False, max_entries=100)
def points(need: str, per: str, L: str) -> pd.DataFrame:
    """targeting.table with names, the chart's x (skill) and y (coverage), and hover text."""
    frame = targeting.table(data.query, need, per)
    names = data.provinces()
    frame["name"] = frame["province"].map(reference.province_names(L))
    frame["short"] = [names.loc[p, "singkatan"] for p in frame["province"]]
    frame["x"], frame["y"] = frame["skill"], frame["coverage"]
    d = display.decimals(targeting.split_need(need)[0])
    frame["hover"] = [
        t("targeting.hover", L, name=n, need=need_label(need, L), x=number(x, L, d, exact=True),
          participants=number(p, L, 0), y=number(y, L, 2), unit=t(f"option.per.{per}", L))
        for n, x, p, y in zip(frame["name"], frame["x"], frame["participants"], frame["y"])
    ]
    return frame


@data.cached(resource=False, max_entries=100)
def defaults(need: str, per: str) -> tuple[float, float]:
    return targeting.defaults(data.query, need, per)


def slider(name: str, label: str, values: pd.Series, default: float, floor: float | None = None) -> float:
    """A threshold slider over the data's range (widened to a value from a link, so the link's
    view is reproduced exactly); its value lives in the URL state."""
    current = default if state.get(name) == "" else float(state.get(name))
    low = math.floor(min(values.min(), current)) if floor is None else floor
    high = math.ceil(max(values.max(), default, current))
    key = f"w.{name}"
    st.session_state[key] = float(current)
    st.sidebar.slider(label, float(low), float(high), key=key, step=0.01 if high - low < 20 else 0.1,
                      on_change=state.changed, args=(name,))
    return float(st.session_state[key])


@data.cached(max_entries=300)
def quadrant_figure(need: str, per: str, x_cut: float, y_cut: float, L: str) -> tuple[go.Figure, str]:
    """The quadrant chart with its alt text."""
    frame = targeting.priorities(points(need, per, L), x_cut, y_cut)
    indicator, year = targeting.split_need(need)
    source = display.source_line(data.query("indicator_by_province", indicator=indicator, year=year)["source"]
                                 .dropna(), L) + "<br>" + records_source(data.query, L)
    labels = Labels(t("targeting.chart_title", L, need=need_label(need, L)),
                    t("targeting.chart_subtitle", L, unit=t(f"option.per.{per}", L)), source, L)
    fig = scatter.quadrant(frame.dropna(subset=["x", "y"]), labels, x_title=need_label(need, L),
                           y_title=t("targeting.y_axis", L, unit=t(f"option.per.{per}", L)), x_cut=x_cut, y_cut=y_cut,
                           priority_name=t("targeting.priority", L), other_name=t("targeting.other", L),
                           corner_text=t("targeting.corner", L))
    names = ", ".join(frame.loc[frame["priority"], "name"])
    alt = t("targeting.alt", L, need=need_label(need, L), n=int(frame["priority"].sum()), names=names or "-")
    return fig, alt


def listing(frame: pd.DataFrame, L: str) -> None:
    chosen = frame[frame["priority"]].sort_values("x")
    st.subheader(t("targeting.list_title", L, n=len(chosen)))
    if chosen.empty:
        st.caption(t("targeting.list_empty", L))
        return
    st.dataframe(pd.DataFrame({
        t("field.province", L): chosen["name"],
        t("targeting.col_need", L): [number(v, L, 2, exact=True) for v in chosen["x"]],
        t("targeting.col_participants", L): [number(v, L, 0) for v in chosen["participants"]],
        t("targeting.col_coverage", L): [number(v, L, 2) for v in chosen["y"]],
    }), hide_index=True, width="stretch")
    missing = frame[frame["x"].isna() | frame["y"].isna()]
    if len(missing):
        st.caption(t("targeting.unplaced", L, names=", ".join(missing["name"])))
