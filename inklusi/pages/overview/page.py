"""Ringkasan / Overview: the national picture of one indicator and year in one screen."""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import bars, maps
from inklusi.figures.common import COLUMN, NARROW, classify
from inklusi.i18n import number, pick, signed, t
from inklusi.pages.overview import CLASSES, COLOURS, VIEWS
from inklusi.statistics.metrics import layout_of, level_of, national_of
from inklusi.ui import controls, data, display, furniture, play, state
from inklusi.ui.furniture import current_lang
from inklusi.words import values
from inklusi.words.narrative import extremes, ranking_alt

MSME_HEADLINE = "ecommerce_usaha"  # the real MSME figure of the headline (BPS, national series)


def render() -> None:
    lang = current_lang()
    indicator, _ = controls.indicator_and_year()
    chosen = controls.province()
    view = controls.choice("view", VIEWS)
    classes, colour = controls.choice("classes", CLASSES), controls.choice("colour", COLOURS)

    st.title(t("overview.title", lang))
    st.caption(t("overview.lead", lang))
    furniture.show_url_notes()
    span = None
    if play.control(indicator, lang):  # played: one colour scale for every edition
        span = play.span(indicator)
    draw = partial(body, indicator, chosen, view, classes, colour, span, lang)
    if span is None:
        draw()
    else:  # each timed rerun of the fragment moves the play one edition on
        st.fragment(draw, run_every=play.run_every())()


def body(
    indicator: str,
    chosen: str,
    view: str,
    classes: str,
    colour: str,
    span: tuple[float, float] | None,
    lang: str,
) -> None:
    """The cards, the map and the ranking of the year in the state (the edition a play has reached)."""
    year = state.get("year") if span is None else play.tick(data.indicator_catalogue().years(indicator))
    layout, has_level, notes = view_facts(indicator, year, lang)
    phone = furniture.on_phone()
    cards = headline_cards(indicator, year, lang)
    headline(cards[:1] if phone else cards)  # on a phone, one number and then the map

    left, right = st.columns([3, 2], gap="medium")
    with left:
        if view == "map" and data.geojson(layout) is None:
            st.warning(t("map.missing_boundaries", lang), icon=":material/map:")
            view = "tiles"
        if span is not None:
            classes, colour = "continuous", "level"
            d = display.decimals(indicator)
            st.caption(t("play.fixed", lang, low=number(span[0], lang, d), high=number(span[1], lang, d)))
        elif colour == "gap" and not has_level:
            st.caption(t("map.no_national_for_gap", lang))
        fig, alt = map_figure(indicator, year, lang, view, classes, colour, chosen, phone, span)
        furniture.chart(fig, key=f"overview.{view}", alt=alt, clickable=True)
        st.caption(t("map.click_hint", lang))
    with right:
        fig, alt = ranking_figure(indicator, year, lang, chosen)
        furniture.chart(fig, key="overview.ranking", alt=alt, clickable=True)
    if phone:
        headline(cards[1:])
    flagged(notes, lang)


@data.cached(max_entries=400)
def view_facts(indicator: str, year: int, lang: str) -> tuple[int, bool, list[str]]:
    """(map layout, whether a national level is published to colour the gap from, the data
    notes) of a view: worked out once per edition and language, not with pandas on every run."""
    frame = display.province_values(indicator, year, lang)
    return layout_of(frame), level_of(frame) is not None, data_notes(frame, lang)


def headline(cards: list[tuple]) -> None:
    for column, (label, value, delta, caption, help_text) in zip(st.columns(len(cards)), cards, strict=True):
        with column:
            st.metric(label, value, delta=delta, border=True, help=help_text)
            if caption:
                st.caption(caption)


@data.cached(resource=False, max_entries=400)
def headline_cards(indicator: str, year: int, lang: str) -> list[tuple]:
    """(label, value, delta, caption, help) of the four cards, worked out once per edition: the
    indicator's national value and spread, the real e-commerce headline, and the mentoring."""
    frame = display.province_values(indicator, year, lang)
    return [
        national_card(frame, indicator, year, lang),
        spread_card(frame, indicator, lang),
        ecommerce_card(lang),
        mentored_card(lang),
    ]


def national_card(frame: pd.DataFrame, indicator: str, year: int, lang: str) -> tuple:
    d = display.decimals(indicator)
    national = national_of(frame)
    previous = data.indicator_catalogue().previous_edition(indicator, year)
    delta = None
    if national is not None and previous is not None:
        series = data.query("national_series", indicator=indicator).set_index("year")["national"]
        if pd.notna(series.get(previous)):
            delta = t("overview.change_since", lang, change=signed(national - series[previous], lang, d), year=previous)
    value = values.label(national, lang, d) if national is not None else t("common.not_published", lang)
    coverage = t("overview.data_coverage", lang, n=int(frame["value"].notna().sum()), total=len(frame))
    return t("overview.national", lang, year=year), value, delta, coverage, None


def spread_card(frame: pd.DataFrame, indicator: str, lang: str) -> tuple:
    ends = extremes(frame)
    if not ends:
        return t("overview.spread", lang), t("common.no_data", lang), None, None, None
    top, bottom = ends
    extremes_text = t(
        "overview.extremes",
        lang,
        top=top["name"],
        top_value=top["value_text"],
        bottom=bottom["name"],
        bottom_value=bottom["value_text"],
    )
    return (
        t("overview.spread", lang),
        number(top["value"] - bottom["value"], lang, display.decimals(indicator)),
        None,
        extremes_text,
        t("overview.spread_help", lang),
    )


def ecommerce_card(lang: str) -> tuple:
    """The national count of e-commerce businesses (BPS) in its latest year, with the change since
    the year before (computed here, and said to be)."""
    series = data.query("national_series", indicator=MSME_HEADLINE).dropna(subset=["national"])
    last, before = series.iloc[-1], series.iloc[-2]
    change = 100 * (last["national"] / before["national"] - 1)
    return (
        t("overview.ecommerce", lang, year=int(last["year"])),
        number(last["national"], lang, 0),
        t("overview.change_pct_since", lang, change=signed(change, lang, 1), year=int(before["year"])),
        t("overview.ecommerce_caption", lang),
        t("overview.ecommerce_help", lang),
    )


def mentored_card(lang: str) -> tuple:
    years = data.query("mentoring_by_year")
    synthetic = bool(years["synthetic"].all())
    split = " · ".join(
        f"{int(y)}: {number(n, lang, 0)}" for y, n in zip(years["year"], years["participants"], strict=True)
    )
    label = t("overview.mentored_synthetic" if synthetic else "overview.mentored_imported", lang)
    return (
        label,
        number(years["participants"].sum(), lang, 0),
        None,
        split,
        t("synthetic.banner", lang) if synthetic else None,
    )


@data.cached(max_entries=400)
def map_figure(
    indicator: str,
    year: int,
    lang: str,
    view: str,
    classes: str,
    colour: str,
    chosen: str,
    phone: bool = False,
    span: tuple[float, float] | None = None,
) -> tuple[go.Figure, str]:
    """The map (or tile grid) and its alt text; built once per combination of its inputs. span:
    the ends of a continuous colour scale fixed across the editions (the map played)."""
    frame = display.province_values(indicator, year, lang)
    layout = layout_of(frame)
    geojson = data.geojson(layout)
    view = view if geojson is not None else "tiles"
    midpoint = level_of(frame) if colour == "gap" else None
    scale = maps.Scale(
        classes=classes,
        midpoint=midpoint,
        unit=display.unit(indicator, lang),
        class_labels=class_labels(frame, classes, display.decimals(indicator), lang),
        no_data=t("common.no_data", lang),
        unreliable=t("reliability.legend", lang),
        span=span,
    )
    what = f"{display.indicator_labels(lang)[indicator]} {year}"
    labels = display.labels(
        t("map.title", lang, what=what),
        t("map.subtitle", lang, unit=display.unit(indicator, lang), layout=layout),
        frame["source"].dropna(),
        lang,
        COLUMN,
    )
    highlight = chosen if chosen in set(frame["province"]) else None
    if view == "map":
        zoom = maps.PHONE_ZOOM if phone else maps.ZOOM
        fig = maps.choropleth(frame, geojson, labels, scale, highlight=highlight, zoom=zoom)
    else:
        fig = maps.tile_grid(frame, data.tiles(), labels, scale, highlight=highlight)
    alt = ranking_alt(
        frame, what=what, chart=t(f"alt.kind_{view}", lang), lang=lang, decimals=display.decimals(indicator)
    )
    return fig, alt


def class_labels(frame: pd.DataFrame, classes: str, d: int, lang: str) -> tuple[str, ...]:
    """Legend text of each class in the locale: 'a – b'."""
    bins = classify(frame["value"].to_numpy(float), classes)
    if bins is None:
        return ()
    lows = [frame["value"].min()] + list(bins[:-1])
    return tuple(f"{number(lo, lang, d)} – {number(hi, lang, d)}" for lo, hi in zip(lows, bins, strict=True))


@data.cached(max_entries=400)
def ranking_figure(indicator: str, year: int, lang: str, chosen: str) -> tuple[go.Figure, str]:
    frame = display.province_values(indicator, year, lang)
    d = display.decimals(indicator)
    value = level_of(frame)
    what = f"{display.indicator_labels(lang)[indicator]} {year}"
    labels = display.labels(
        t("ranking.title", lang, what=what), display.unit(indicator, lang), frame["source"].dropna(), lang, NARROW
    )
    fig = bars.ranked(
        frame,
        labels,
        national=value,
        national_label=t("ranking.national", lang, value=number(value, lang, d, exact=True))
        if value is not None
        else "",
        no_data_label=t("common.no_data", lang),
        highlight=chosen or None,
        unreliable_label=t("reliability.legend", lang),
        key=(t("ranking.key_above", lang), t("ranking.key_below", lang)),
    )
    return fig, ranking_alt(frame, what=what, chart=t("alt.kind_bar", lang), lang=lang, decimals=d)


def data_notes(frame: pd.DataFrame, lang: str) -> list[str]:
    """Every corrected, annotated or missing value of the view, in words (Markdown list items)."""
    lines = []
    for _, row in frame[frame["note_id"].notna() | frame["value"].isna()].iterrows():
        text = pick(row, "note", lang) if pd.notna(row["note_id"]) else t("overview.missing_value", lang)
        flag = t(f"flag.{row['flag']}", lang) if pd.notna(row["flag"]) else t("common.no_data", lang)
        lines.append(f"- **{row['name']}** ({flag}): {text}")
    return lines


def flagged(notes: list[str], lang: str) -> None:
    if not notes:
        return
    with st.expander(t("overview.notes", lang, n=len(notes)), icon=":material/fact_check:"):
        for line in notes:
            st.markdown(line)
