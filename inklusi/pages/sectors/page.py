"""Sektor UMKM / MSME sectors: the real national picture (BPS), then the mentoring programme:
its published facts, and its records (synthetic, labelled): who was mentored, who finished,
what changed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import bars, intervals
from inklusi.figures.common import COLUMN, WIDTH, Labels
from inklusi.i18n import number, percent, pick, t
from inklusi.pages.sectors import FILTERS, charts, facts
from inklusi.statistics.metrics import rates_by
from inklusi.store import reference
from inklusi.ui import data, furniture, state
from inklusi.ui.furniture import current_lang
from inklusi.words.narrative import records_source


def render() -> None:
    lang = current_lang()
    chosen = filters(lang)
    st.title(t("sectors.title", lang))
    st.caption(t("sectors.lead", lang))
    furniture.show_url_notes()
    st.header(t("sectors.national_header", lang))
    national_picture(lang)
    st.header(t("sectors.programme_header", lang))
    programme_facts(lang)
    furniture.synthetic_banner()
    cube = data.query("mentoring_cube", **chosen)
    if cube.empty:
        st.info(t("sectors.no_rows", lang), icon=":material/filter_alt_off:")
        return
    furniture.mentoring_cards(cube, lang)
    drawn = figures(lang, **chosen)
    for row in (("by_sector", "by_area"), ("gain_sector", "gain_province")):
        for column, name in zip(st.columns(2, gap="medium"), row, strict=True):
            with column:
                fig, alt = drawn[name]
                furniture.chart(fig, key=f"sectors.{name}", alt=alt, clickable=name == "gain_province")
    fig, alt = drawn["online"]
    furniture.chart(fig, key="sectors.online", alt=alt)
    st.dataframe(drawn["table"], hide_index=True, width="stretch")


@data.cached(max_entries=300)
def figures(lang: str, **chosen) -> dict:
    """Every chart of one filter combination, built once."""
    cube = data.query("mentoring_cube", **chosen)
    return {
        "by_sector": participants_by(cube, "sector", lang),
        "by_area": participants_by(cube, "area", lang),
        "gain_sector": gains(cube, "sector", lang),
        "gain_province": gains(cube, "province", lang),
        "online": online(cube, lang),
        "table": sector_table(cube, lang),
    }


def option_label(name: str, value, lang: str) -> str:
    if value == "":
        return t("sectors.all", lang)
    if name == "sector":
        return sector_names(lang)[value]
    if name == "area":
        return area_names().get(value, value)
    if name in ("scale", "gender"):
        return t(f"{name}.{value}", lang)
    return str(value)


@data.cached()
def sector_names(lang: str) -> dict[str, str]:
    return {row["id"]: pick(row, "name", lang) for row in data.query("sector_catalogue").to_dict("records")}


@data.cached()
def area_names() -> dict[str, str]:
    areas = data.query("mentoring_areas")
    return dict(zip(areas["area"], areas["name"], strict=True))


def national_picture(lang: str) -> None:
    """The national picture (BPS): four charts in two rows of two."""
    for row in (("kbli", "imk"), ("reasons", "channels")):
        for column, name in zip(st.columns(2, gap="medium"), row, strict=True):
            with column:
                fig, alt = national_figure(name, lang)
                furniture.chart(fig, key=f"msme.{name}", alt=alt)


def programme_facts(lang: str) -> None:
    """The programme's published facts as cards, each with its source."""
    published = data.query("programme_facts")
    sources = data.query("source_catalogue").set_index("id")
    cards = st.columns(len(published))
    for card, fact in zip(cards, published.itertuples(), strict=True):
        card.metric(
            t(f"msme.fact_{fact.fact}", lang, year=fact.year),
            number(fact.value, lang, 0),
            border=True,
            help=pick(fact._asdict(), "note", lang) or None,
        )
        card.caption(f"{sources.loc[fact.source, 'publisher']} · {pick(fact._asdict(), 'unit', lang)}")


@data.cached(max_entries=50)
def national_figure(name: str, lang: str):
    return charts.FIGURES[name](data.query, lang)


def filters(lang: str) -> dict:
    """The five filters in the side panel; returns the query parameters (None for 'all')."""
    options = facts.filter_options(data.query("mentoring_cube"), data.query("sector_catalogue")["id"])
    for name in FILTERS:
        st.sidebar.selectbox(
            t(f"field.{name}", lang),
            ["", *options[name]],
            key=state.bind(name),
            format_func=lambda v, n=name: option_label(n, v, lang),
            on_change=state.changed,
            args=(name,),
        )
    values = {name: state.get(name) or None for name in FILTERS}
    values["year"] = values.pop("m_year")
    return values


def source(lang: str) -> str:
    return records_source(data.query, lang)


def labels(title: str, subtitle: str, lang: str, width: int = COLUMN) -> Labels:
    """A chart's labels; the charts of the records are drawn in half the page (but one)."""
    return Labels(title=title, subtitle=subtitle, source=source(lang), lang=lang, width=width)


def category_name(by: str, value: str, lang: str) -> str:
    if by == "province":
        return reference.province_name(value, lang)
    return option_label(by, value, lang)


def participants_by(cube: pd.DataFrame, by: str, lang: str) -> tuple[go.Figure, str]:
    counts = cube.groupby(by, as_index=False)["participants"].sum()
    frame = pd.DataFrame(
        {
            "province": counts[by],
            "name": [category_name(by, v, lang) for v in counts[by]],
            "value": counts["participants"].astype(float),
            "value_text": [number(v, lang, 0) for v in counts["participants"]],
        }
    )
    frame["hover"] = [f"<b>{n}</b><br>{v}" for n, v in zip(frame["name"], frame["value_text"], strict=True)]
    fig = bars.ranked(
        frame,
        labels(t(f"sectors.participants_by_{by}", lang), t("sectors.unit_msmes", lang), lang),
        national=None,
        national_label="",
        no_data_label=t("common.no_data", lang),
    )
    alt = t(
        "sectors.bar_alt",
        lang,
        what=t(f"sectors.participants_by_{by}", lang),
        values="; ".join(f"{n}: {v}" for n, v in zip(frame["name"], frame["value_text"], strict=True)),
    )
    return fig, alt


def gains(cube: pd.DataFrame, by: str, lang: str) -> tuple[go.Figure, str]:
    rates = rates_by(cube, by).dropna(subset=["mean_gain"])
    frame = pd.DataFrame(
        {
            "province": rates[by],
            "category": [category_name(by, v, lang) for v in rates[by]],
            "estimate": rates["mean_gain"],
            "low": rates["gain_low"],
            "high": rates["gain_high"],
        }
    )
    frame["hover"] = [
        t(
            "sectors.gain_hover",
            lang,
            name=c,
            gain=number(e, lang, 1),
            low=number(lo, lang, 1),
            high=number(hi, lang, 1),
            n=number(n, lang, 0),
        )
        for c, e, lo, hi, n in zip(
            frame["category"], frame["estimate"], frame["low"], frame["high"], rates["participants"], strict=True
        )
    ]
    title = t(f"sectors.gain_by_{by}", lang)
    fig = intervals.estimates(
        frame, labels(title, t("sectors.gain_unit", lang), lang), x_title=t("sectors.gain_axis", lang)
    )
    alt = t(
        "sectors.gain_alt",
        lang,
        what=title,
        values="; ".join(
            f"{c}: {number(e, lang, 1)} ({number(lo, lang, 1)}-{number(hi, lang, 1)})"
            for c, e, lo, hi in zip(frame["category"], frame["estimate"], frame["low"], frame["high"], strict=True)
        ),
    )
    return fig, alt


def online(cube: pd.DataFrame, lang: str) -> tuple[go.Figure, str]:
    rates = rates_by(cube, "sector")
    frame = pd.DataFrame(
        {
            "category": [category_name("sector", v, lang) for v in rates["sector"]],
            "before": 100 * rates["online_before"],
            "after": 100 * rates["online_after"],
        }
    )
    frame["hover"] = [
        t("sectors.online_hover", lang, name=c, before=percent(b, lang), after=percent(a, lang))
        for c, b, a in zip(frame["category"], frame["before"], frame["after"], strict=True)
    ]
    title = t("sectors.online_title", lang)
    fig = intervals.before_after(
        frame,
        labels(title, t("sectors.online_unit", lang), lang, WIDTH),
        before_name=t("sectors.before", lang),
        after_name=t("sectors.after", lang),
        x_title=t("sectors.online_unit", lang),
    )
    alt = t(
        "sectors.online_alt",
        lang,
        values="; ".join(
            f"{c}: {percent(b, lang)} → {percent(a, lang)}"
            for c, b, a in zip(frame["category"], frame["before"], frame["after"], strict=True)
        ),
    )
    return fig, alt


def sector_table(cube: pd.DataFrame, lang: str) -> pd.DataFrame:
    rates = rates_by(cube, "sector")
    return pd.DataFrame(
        {
            t("field.sector", lang): [category_name("sector", v, lang) for v in rates["sector"]],
            t("overview.mentored", lang): [number(v, lang, 0) for v in rates["participants"]],
            t("sector.completion", lang): [percent(100 * v, lang) for v in rates["completion"]],
            t("sectors.col_pre", lang): [number(v, lang, 1) for v in rates["mean_pre"]],
            t("sectors.col_post", lang): [number(v, lang, 1) for v in rates["mean_post"]],
            t("sector.gain", lang): [
                f"{number(g, lang, 1)} ({number(lo, lang, 1)}–{number(hi, lang, 1)})"
                for g, lo, hi in zip(rates["mean_gain"], rates["gain_low"], rates["gain_high"], strict=True)
            ],
            t("sectors.col_online", lang): [
                f"{percent(100 * b, lang)} → {percent(100 * a, lang)}"
                for b, a in zip(rates["online_before"], rates["online_after"], strict=True)
            ],
        }
    )
