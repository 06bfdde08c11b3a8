"""Ringkasan / Overview: the national picture of one indicator and year in one screen."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import bars, maps
from inklusi.figures.common import classify
from inklusi.i18n import number, pick, signed, t
from inklusi.metrics import layout_of, national_of
from inklusi.narrative import extremes, ranking_alt
from inklusi.ui import controls, data, display, page
from inklusi.ui.page import lang


def render() -> None:
    L = lang()
    indicator, year = controls.indicator_and_year()
    chosen = controls.province()
    view, classes, colour = controls.choice("view"), controls.choice("classes"), controls.choice("colour")

    st.title(t("overview.title", L))
    st.caption(t("overview.lead", L))
    page.show_url_notes()
    frame = display.province_values(indicator, year, L)
    headline(indicator, year, L)

    left, right = st.columns([3, 2], gap="medium")
    with left:
        if view == "map" and data.geojson(layout_of(frame)) is None:
            st.warning(t("map.missing_boundaries", L), icon=":material/map:")
            view = "tiles"
        if colour == "gap" and frame["national"].isna().all():
            st.caption(t("map.no_national_for_gap", L))
        fig, alt = map_figure(indicator, year, L, view, classes, colour, chosen)
        page.chart(fig, key=f"overview.{view}", alt=alt, clickable=True)
        st.caption(t("map.click_hint", L))
    with right:
        fig, alt = ranking_figure(indicator, year, L, chosen)
        page.chart(fig, key="overview.ranking", alt=alt, clickable=True)
    flagged(frame, L)


def headline(indicator: str, year: int, L: str) -> None:
    cards = st.columns(4)
    for card, (label, value, delta, caption, help_text) in zip(cards, headline_cards(indicator, year, L)):
        with card:
            st.metric(label, value, delta=delta, border=True, help=help_text)
            if caption:
                st.caption(caption)


@data.cached(resource=False, max_entries=400)
def headline_cards(indicator: str, year: int, L: str) -> list[tuple]:
    """(label, value, delta, caption, help) of the four cards, worked out once per edition."""
    frame = display.province_values(indicator, year, L)
    d = display.decimals(indicator)
    national = national_of(frame)
    previous = data.indicator_catalogue().previous_edition(indicator, year)
    delta = None
    if national is not None and previous is not None:
        series = data.query("national_series", indicator=indicator).set_index("year")["national"]
        if pd.notna(series.get(previous)):
            delta = t("overview.change_since", L, change=signed(national - series[previous], L, d), year=previous)
    cards = [(t("overview.national", L, year=year),
              number(national, L, d, exact=True) if national is not None else t("common.not_published", L),
              delta, None, None)]
    ends = extremes(frame)
    if ends:
        top, bottom = ends
        cards.append((t("overview.spread", L), number(top["value"] - bottom["value"], L, d), None,
                      t("overview.extremes", L, top=top["name"], top_value=top["value_text"], bottom=bottom["name"],
                        bottom_value=bottom["value_text"]), t("overview.spread_help", L)))
    else:
        cards.append((t("overview.spread", L), t("common.no_data", L), None, None, None))
    years = data.query("mentoring_by_year")
    cards.append((t("overview.mentored", L), number(years["participants"].sum(), L, 0), None,
                  " · ".join(f"{int(y)}: {number(n, L, 0)}" for y, n in zip(years["year"], years["participants"]))
                  + " · " + (t("synthetic.short", L) if years["synthetic"].all() else t("import.records", L)), None))
    covered = data.query("mentoring_cube")["province"].nunique()
    cards.append((t("overview.covered", L), t("overview.covered_value", L, n=covered, total=len(data.provinces())),
                  None, t("overview.data_coverage", L, n=int(frame["value"].notna().sum()), total=len(frame)), None))
    return cards


@data.cached(max_entries=400)
def map_figure(indicator: str, year: int, L: str, view: str, classes: str, colour: str,
               chosen: str) -> tuple[go.Figure, str]:
    """The map (or tile grid) and its alt text; built once per combination of its inputs."""
    frame = display.province_values(indicator, year, L)
    layout = layout_of(frame)
    geojson = data.geojson(layout)
    view = view if geojson is not None else "tiles"
    midpoint = national_of(frame) if colour == "gap" else None
    scale = maps.Scale(classes=classes, midpoint=midpoint, unit=display.unit(indicator, L),
                       class_labels=class_labels(frame, classes, display.decimals(indicator), L),
                       no_data=t("common.no_data", L))
    what = f"{display.indicator_labels(L)[indicator]} {year}"
    labels = display.labels(t("map.title", L, what=what),
                            t("map.subtitle", L, unit=display.unit(indicator, L), layout=layout),
                            frame["source"].dropna(), L)
    highlight = chosen if chosen in set(frame["province"]) else None
    if view == "map":
        fig = maps.choropleth(frame, geojson, labels, scale, highlight=highlight)
    else:
        fig = maps.tile_grid(frame, data.tiles(), labels, scale, highlight=highlight)
    alt = ranking_alt(frame, what=what, chart=t(f"alt.kind_{view}", L), lang=L, decimals=display.decimals(indicator))
    return fig, alt


def class_labels(frame: pd.DataFrame, classes: str, d: int, L: str) -> tuple[str, ...]:
    """Legend text of each class in the locale: 'a – b'."""
    bins = classify(frame["value"].to_numpy(float), classes)
    if bins is None:
        return ()
    lows = [frame["value"].min()] + list(bins[:-1])
    return tuple(f"{number(lo, L, d)} – {number(hi, L, d)}" for lo, hi in zip(lows, bins))


@data.cached(max_entries=400)
def ranking_figure(indicator: str, year: int, L: str, chosen: str) -> tuple[go.Figure, str]:
    frame = display.province_values(indicator, year, L)
    d = display.decimals(indicator)
    value = national_of(frame)
    what = f"{display.indicator_labels(L)[indicator]} {year}"
    labels = display.labels(t("ranking.title", L, what=what), display.unit(indicator, L), frame["source"].dropna(), L)
    fig = bars.ranked(frame, labels, national=value,
                      national_label=t("ranking.national", L, value=number(value, L, d, exact=True))
                      if value is not None else "",
                      no_data_label=t("common.no_data", L), highlight=chosen or None)
    return fig, ranking_alt(frame, what=what, chart=t("alt.kind_bar", L), lang=L, decimals=d)


def flagged(frame: pd.DataFrame, L: str) -> None:
    """Every corrected, annotated or missing value of the view, in words."""
    notes = frame[frame["note_id"].notna() | frame["value"].isna()]
    if notes.empty:
        return
    with st.expander(t("overview.notes", L, n=len(notes)), icon=":material/fact_check:"):
        for _, row in notes.iterrows():
            text = pick(row, "note", L) if pd.notna(row["note_id"]) else t("overview.missing_value", L)
            flag = t(f"flag.{row['flag']}", L) if pd.notna(row["flag"]) else t("common.no_data", L)
            st.markdown(f"- **{row['name']}** ({flag}): {text}")
