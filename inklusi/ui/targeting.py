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
from inklusi.ui.page import current_lang


def need_label(need: str, lang: str) -> str:
    indicator, year = targeting.split_need(need)
    return f"{display.indicator_labels(lang)[indicator]} {year}"


def reset_cuts(name: str, cut: str) -> None:
    state.changed(name)
    state.put(cut, "")


def render() -> None:
    lang = current_lang()
    st.sidebar.selectbox(
        t("field.need", lang),
        list(targeting.NEEDS),
        key=state.bind("need"),
        format_func=lambda v: need_label(v, lang),
        on_change=reset_cuts,
        args=("need", "x_cut"),
    )
    st.sidebar.segmented_control(
        t("field.per", lang),
        viewstate.CHOICES["per"],
        key=state.bind("per"),
        format_func=lambda v: t(f"option.per.{v}", lang),
        on_change=reset_cuts,
        args=("per", "y_cut"),
        required=True,
    )
    need, per = state.get("need"), state.get("per")
    st.title(t("targeting.title", lang))
    st.caption(t("targeting.lead", lang))
    page.show_url_notes()
    page.synthetic_banner()

    frame = points(need, per, lang)
    x_default, y_default = defaults(need, per)
    x_cut = slider("x_cut", t("field.x_cut", lang), frame["x"], x_default)
    y_cut = slider(
        "y_cut", t("field.y_cut_unit", lang, unit=t(f"option.per.{per}", lang)), frame["y"], y_default, floor=0.0
    )
    marked = targeting.priorities(frame, x_cut, y_cut)
    st.markdown(
        t(
            "targeting.rule",
            lang,
            need=need_label(need, lang),
            x=number(x_cut, lang, 2),
            y=number(y_cut, lang, 2),
            unit=t(f"option.per.{per}", lang),
        )
    )
    fig, alt = quadrant_figure(need, per, x_cut, y_cut, lang)
    page.chart(fig, key="targeting.quadrant", alt=alt, clickable=True)
    listing(marked, lang)
    st.caption(t(f"targeting.denominator_{per}", lang))
    st.caption(t("targeting.split_note", lang))


@data.cached(resource=False, max_entries=100)
def points(need: str, per: str, lang: str) -> pd.DataFrame:
    """targeting.table with names, the chart's x (skill) and y (coverage), and hover text."""
    frame = targeting.table(data.query, need, per)
    names = data.provinces()
    frame["name"] = frame["province"].map(reference.province_names(lang))
    frame["short"] = [names.loc[p, "singkatan"] for p in frame["province"]]
    frame["x"], frame["y"] = frame["skill"], frame["coverage"]
    d = display.decimals(targeting.split_need(need)[0])
    frame["hover"] = [
        t(
            "targeting.hover",
            lang,
            name=n,
            need=need_label(need, lang),
            x=number(x, lang, d, exact=True),
            participants=number(p, lang, 0),
            y=number(y, lang, 2),
            unit=t(f"option.per.{per}", lang),
        )
        for n, x, p, y in zip(frame["name"], frame["x"], frame["participants"], frame["y"], strict=True)
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
    st.sidebar.slider(
        label,
        float(low),
        float(high),
        key=key,
        step=0.01 if high - low < 20 else 0.1,
        on_change=state.changed,
        args=(name,),
    )
    return float(st.session_state[key])


@data.cached(max_entries=300)
def quadrant_figure(need: str, per: str, x_cut: float, y_cut: float, lang: str) -> tuple[go.Figure, str]:
    """The quadrant chart with its alt text."""
    frame = targeting.priorities(points(need, per, lang), x_cut, y_cut)
    indicator, year = targeting.split_need(need)
    source = (
        display.source_line(
            data.query("indicator_by_province", indicator=indicator, year=year)["source"].dropna(), lang
        )
        + "<br>"
        + records_source(data.query, lang)
    )
    labels = Labels(
        t("targeting.chart_title", lang, need=need_label(need, lang)),
        t("targeting.chart_subtitle", lang, unit=t(f"option.per.{per}", lang)),
        source,
        lang,
    )
    fig = scatter.quadrant(
        frame.dropna(subset=["x", "y"]),
        labels,
        x_title=need_label(need, lang),
        y_title=t("targeting.y_axis", lang, unit=t(f"option.per.{per}", lang)),
        x_cut=x_cut,
        y_cut=y_cut,
        priority_name=t("targeting.priority", lang),
        other_name=t("targeting.other", lang),
        corner_text=t("targeting.corner", lang),
    )
    names = ", ".join(frame.loc[frame["priority"], "name"])
    alt = t("targeting.alt", lang, need=need_label(need, lang), n=int(frame["priority"].sum()), names=names or "-")
    return fig, alt


def listing(frame: pd.DataFrame, lang: str) -> None:
    chosen = frame[frame["priority"]].sort_values("x")
    st.subheader(t("targeting.list_title", lang, n=len(chosen)))
    if chosen.empty:
        st.caption(t("targeting.list_empty", lang))
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("field.province", lang): chosen["name"],
                t("targeting.col_need", lang): [number(v, lang, 2, exact=True) for v in chosen["x"]],
                t("targeting.col_participants", lang): [number(v, lang, 0) for v in chosen["participants"]],
                t("targeting.col_coverage", lang): [number(v, lang, 2) for v in chosen["y"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    missing = frame[frame["x"].isna() | frame["y"].isna()]
    if len(missing):
        st.caption(t("targeting.unplaced", lang, names=", ".join(missing["name"])))
