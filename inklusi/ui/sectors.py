"""Sektor UMKM / MSME sectors and mentoring: who was mentored, who finished, what changed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi import reference
from inklusi.figures import bars, intervals
from inklusi.figures.common import Labels
from inklusi.i18n import number, percent, pick, signed, t
from inklusi.metrics import mentoring_rates, rates_by
from inklusi.narrative import records_source
from inklusi.ui import data, page, state
from inklusi.ui.page import lang

FILTERS = ("m_year", "sector", "area", "scale", "gender")


def render() -> None:
    L = lang()
    chosen = filters(L)
    st.title(t("sectors.title", L))
    st.caption(t("sectors.lead", L))
    page.show_url_notes()
    page.synthetic_banner()
    cube = data.query("mentoring_cube", **chosen)
    if cube.empty:
        st.info(t("sectors.no_rows", L), icon=":material/filter_alt_off:")
        return
    cards(cube, L)
    drawn = figures(L, **chosen)
    for row in (("by_sector", "by_area"), ("gain_sector", "gain_province")):
        for column, name in zip(st.columns(2, gap="medium"), row):
            with column:
                fig, alt = drawn[name]
                page.chart(fig, key=f"sectors.{name}", alt=alt, clickable=name == "gain_province")
    fig, alt = drawn["online"]
    page.chart(fig, key="sectors.online", alt=alt)
    st.dataframe(drawn["table"], hide_index=True, width="stretch")


@data.cached(max_entries=300)
def figures(L: str, **chosen) -> dict:
    """Every chart of one filter combination, built once."""
    cube = data.query("mentoring_cube", **chosen)
    return {
        "by_sector": participants_by(cube, "sector", L),
        "by_area": participants_by(cube, "area", L),
        "gain_sector": gains(cube, "sector", L),
        "gain_province": gains(cube, "province", L),
        "online": online(cube, L),
        "table": sector_table(cube, L),
    }


def option_label(name: str, value, L: str) -> str:
    if value == "":
        return t("sectors.all", L)
    if name == "sector":
        return pick(data.query("sector_catalogue").set_index("id").loc[value], "name", L)
    if name == "area":
        return area_names().get(value, value)
    if name in ("scale", "gender"):
        return t(f"{name}.{value}", L)
    return str(value)


@data.cached()
def area_names() -> dict[str, str]:
    areas = data.query("mentoring_areas")
    return dict(zip(areas["area"], areas["name"]))


def filters(L: str) -> dict:
    """The five filters in the side panel; returns the query parameters (None for 'all')."""
    options = data.mentoring_options()
    keys = {"m_year": "years", "sector": "sector", "area": "area", "scale": "scale", "gender": "gender"}
    for name in FILTERS:
        st.sidebar.selectbox(t(f"field.{name}", L), [""] + options[keys[name]], key=state.bind(name),
                             format_func=lambda v, n=name: option_label(n, v, L), on_change=state.changed,
                             args=(name,))
    values = {name: state.get(name) or None for name in FILTERS}
    values["year"] = values.pop("m_year")
    return values


def source(L: str) -> str:
    return records_source(data.query, L)


def labels(title: str, subtitle: str, L: str) -> Labels:
    return Labels(title=title, subtitle=subtitle, source=source(L), lang=L)


def cards(cube: pd.DataFrame, L: str) -> None:
    rates = mentoring_rates(cube)
    columns = st.columns(4)
    columns[0].metric(t("overview.mentored", L), number(rates["participants"], L, 0), border=True)
    columns[1].metric(t("sector.completion", L), percent(100 * rates["completion"], L), border=True)
    columns[2].metric(t("sector.gain", L), number(rates["mean_gain"], L, 1), border=True,
                      help=t("sector.gain_help", L, low=number(rates["gain_low"], L, 1),
                             high=number(rates["gain_high"], L, 1)))
    columns[3].metric(t("sector.online_after", L), percent(100 * rates["online_after"], L), border=True,
                      delta=t("sector.online_change", L,
                              change=signed(100 * (rates["online_after"] - rates["online_before"]), L, 1),
                              before=percent(100 * rates["online_before"], L)))


def category_name(by: str, value: str, L: str) -> str:
    if by == "province":
        return reference.province_name(value, L)
    return option_label(by, value, L)


def participants_by(cube: pd.DataFrame, by: str, L: str) -> tuple[go.Figure, str]:
    counts = cube.groupby(by, as_index=False)["participants"].sum()
    frame = pd.DataFrame({
        "province": counts[by], "name": [category_name(by, v, L) for v in counts[by]],
        "value": counts["participants"].astype(float),
        "value_text": [number(v, L, 0) for v in counts["participants"]],
    })
    frame["hover"] = [f"<b>{n}</b><br>{v}" for n, v in zip(frame["name"], frame["value_text"])]
    fig = bars.ranked(frame, labels(t(f"sectors.participants_by_{by}", L), t("sectors.unit_msmes", L), L),
                      national=None, national_label="", no_data_label=t("common.no_data", L))
    alt = t("sectors.bar_alt", L, what=t(f"sectors.participants_by_{by}", L),
            values="; ".join(f"{n}: {v}" for n, v in zip(frame["name"], frame["value_text"])))
    return fig, alt


def gains(cube: pd.DataFrame, by: str, L: str) -> tuple[go.Figure, str]:
    rates = rates_by(cube, by).dropna(subset=["mean_gain"])
    frame = pd.DataFrame({
        "province": rates[by], "category": [category_name(by, v, L) for v in rates[by]],
        "estimate": rates["mean_gain"], "low": rates["gain_low"], "high": rates["gain_high"],
    })
    frame["hover"] = [
        t("sectors.gain_hover", L, name=c, gain=number(e, L, 1), low=number(lo, L, 1), high=number(hi, L, 1),
          n=number(n, L, 0))
        for c, e, lo, hi, n in zip(frame["category"], frame["estimate"], frame["low"], frame["high"],
                                   rates["participants"])
    ]
    title = t(f"sectors.gain_by_{by}", L)
    fig = intervals.estimates(frame, labels(title, t("sectors.gain_unit", L), L), x_title=t("sectors.gain_axis", L))
    alt = t("sectors.gain_alt", L, what=title, values="; ".join(
        f"{c}: {number(e, L, 1)} ({number(lo, L, 1)}-{number(hi, L, 1)})"
        for c, e, lo, hi in zip(frame["category"], frame["estimate"], frame["low"], frame["high"])))
    return fig, alt


def online(cube: pd.DataFrame, L: str) -> tuple[go.Figure, str]:
    rates = rates_by(cube, "sector")
    frame = pd.DataFrame({
        "category": [category_name("sector", v, L) for v in rates["sector"]],
        "before": 100 * rates["online_before"], "after": 100 * rates["online_after"],
    })
    frame["hover"] = [t("sectors.online_hover", L, name=c, before=percent(b, L), after=percent(a, L))
                      for c, b, a in zip(frame["category"], frame["before"], frame["after"])]
    title = t("sectors.online_title", L)
    fig = intervals.before_after(frame, labels(title, t("sectors.online_unit", L), L),
                                 before_name=t("sectors.before", L), after_name=t("sectors.after", L),
                                 x_title=t("sectors.online_unit", L))
    alt = t("sectors.online_alt", L, values="; ".join(
        f"{c}: {percent(b, L)} → {percent(a, L)}" for c, b, a in zip(frame["category"], frame["before"], frame["after"])))
    return fig, alt


def sector_table(cube: pd.DataFrame, L: str) -> pd.DataFrame:
    rates = rates_by(cube, "sector")
    return pd.DataFrame({
        t("field.sector", L): [category_name("sector", v, L) for v in rates["sector"]],
        t("overview.mentored", L): [number(v, L, 0) for v in rates["participants"]],
        t("sector.completion", L): [percent(100 * v, L) for v in rates["completion"]],
        t("sectors.col_pre", L): [number(v, L, 1) for v in rates["mean_pre"]],
        t("sectors.col_post", L): [number(v, L, 1) for v in rates["mean_post"]],
        t("sector.gain", L): [f"{number(g, L, 1)} ({number(lo, L, 1)}–{number(hi, L, 1)})"
                              for g, lo, hi in zip(rates["mean_gain"], rates["gain_low"], rates["gain_high"])],
        t("sectors.col_online", L): [f"{percent(100 * b, L)} → {percent(100 * a, L)}"
                                     for b, a in zip(rates["online_before"], rates["online_after"])],
    })
