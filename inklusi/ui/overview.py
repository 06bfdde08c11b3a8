"""Ringkasan / Overview: the national picture of one indicator and year in one screen."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import bars, maps
from inklusi.figures.common import classify
from inklusi.i18n import number, pick, signed, t
from inklusi.narrative import extremes, ranking_alt
from inklusi.ui import controls, data, display, page
from inklusi.ui.page import lang

FIELDS = ("lang", "indicator", "year", "province", "view", "classes", "colour")


def render() -> None:
    L = lang()
    indicator, year = controls.indicator_and_year()
    chosen = controls.province()
    view, classes, colour = controls.choice("view"), controls.choice("classes"), controls.choice("colour")

    st.title(t("overview.title", L))
    st.caption(t("overview.lead", L))
    page.show_url_notes({f: t(f"field.{f}", L) for f in FIELDS})
    layout, published, notes = view_facts(indicator, year, L)
    headline(indicator, year, L)

    left, right = st.columns([3, 2], gap="medium")
    with left:
        if view == "map" and data.geojson(layout) is None:
            st.warning(t("map.missing_boundaries", L), icon=":material/map:")
            view = "tiles"
        if colour == "gap" and not published:
            st.caption(t("map.no_national_for_gap", L))
        fig, alt = map_figure(indicator, year, L, view, classes, colour, chosen)
        page.chart(fig, key=f"overview.{view}", alt=alt, clickable=True)
        st.caption(t("map.click_hint", L))
    with right:
        fig, alt = ranking_figure(indicator, year, L, chosen)
        page.chart(fig, key="overview.ranking", alt=alt, clickable=True)
    flagged(notes, L)


@data.cached(max_entries=400)
def view_facts(indicator: str, year: int, L: str) -> tuple[int, bool, list[str]]:
    """(map layout, whether a national value is published, the data notes) of a view: worked
    out once per edition and language, not with pandas on every run."""
    frame = display.province_values(indicator, year, L)
    return layout_of(frame), bool(frame["national"].notna().any()), data_notes(frame, L)


def layout_of(frame: pd.DataFrame) -> int:
    return int(frame["layout"].dropna().iloc[0]) if frame["layout"].notna().any() else 38


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
    national = frame["national"].dropna()
    previous = data.indicator_catalogue().previous_edition(indicator, year)
    delta = None
    if len(national) and previous is not None:
        series = data.query("national_series", indicator=indicator).set_index("year")["national"]
        if pd.notna(series.get(previous)):
            delta = t("overview.change_since", L, change=signed(national.iloc[0] - series[previous], L, d),
                      year=previous)
    cards = [(t("overview.national", L, year=year),
              number(national.iloc[0], L, d, exact=True) if len(national) else t("common.not_published", L),
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
    covered = data.query("mentoring_summary")["province"].nunique()
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
    national = frame["national"].dropna()
    midpoint = float(national.iloc[0]) if colour == "gap" and len(national) else None
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
    national = frame["national"].dropna()
    value = float(national.iloc[0]) if len(national) else None
    what = f"{display.indicator_labels(L)[indicator]} {year}"
    labels = display.labels(t("ranking.title", L, what=what), display.unit(indicator, L), frame["source"].dropna(), L)
    fig = bars.ranked(frame, labels, national=value,
                      national_label=t("ranking.national", L, value=number(value, L, d, exact=True))
                      if value is not None else "",
                      no_data_label=t("common.no_data", L), highlight=chosen or None)
    return fig, ranking_alt(frame, what=what, chart=t("alt.kind_bar", L), lang=L, decimals=d)


def data_notes(frame: pd.DataFrame, L: str) -> list[str]:
    """Every corrected, annotated or missing value of the view, in words (Markdown list items)."""
    lines = []
    for _, row in frame[frame["note_id"].notna() | frame["value"].isna()].iterrows():
        text = pick(row, "note", L) if pd.notna(row["note_id"]) else t("overview.missing_value", L)
        flag = t(f"flag.{row['flag']}", L) if pd.notna(row["flag"]) else t("common.no_data", L)
        lines.append(f"- **{row['name']}** ({flag}): {text}")
    return lines


def flagged(notes: list[str], L: str) -> None:
    if not notes:
        return
    with st.expander(t("overview.notes", L, n=len(notes)), icon=":material/fact_check:"):
        for line in notes:
            st.markdown(line)
