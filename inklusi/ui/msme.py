"""The real national picture of MSMEs going digital (BPS), the first part of the sectors page:
e-commerce businesses by KBLI category, internet-using small manufacturers by industry (the
programme's sectors marked), why businesses do not sell online, and the sales channels over the
years; and the published facts of the mentoring programme."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import bars, lines
from inklusi.figures.common import COLUMN, HIGHLIGHT, NEUTRAL
from inklusi.i18n import number, percent, pick, t
from inklusi.ui import data, display, page

CHANNELS = (
    "ecommerce_pesan_instan",
    "ecommerce_media_sosial",
    "ecommerce_marketplace",
    "ecommerce_email",
    "ecommerce_situs_web",
)
CHANNEL_COLOURS = ("#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7")


def national_picture(lang: str) -> None:
    for row in (("kbli", "imk"), ("reasons", "channels")):
        for column, name in zip(st.columns(2, gap="medium"), row, strict=True):
            with column:
                fig, alt = FIGURES[name](lang)
                page.chart(fig, key=f"msme.{name}", alt=alt)


def programme_facts(lang: str) -> None:
    """The programme's published facts as cards, each with its source."""
    facts = data.query("programme_facts")
    sources = data.query("source_catalogue").set_index("id")
    cards = st.columns(len(facts))
    for card, fact in zip(cards, facts.itertuples(), strict=True):
        card.metric(
            t(f"msme.fact_{fact.fact}", lang, year=fact.year),
            number(fact.value, lang, 0),
            border=True,
            help=pick(fact._asdict(), "note", lang) or None,
        )
        card.caption(f"{sources.loc[fact.source, 'publisher']} · {pick(fact._asdict(), 'unit', lang)}")


def topic(name: str, lang: str) -> pd.DataFrame:
    frame = data.query("msme_national", topic=name)
    return frame.assign(
        name=[pick(r, "name", lang) for r in frame.to_dict("records")],
        value_text=[percent(v, lang, 2) for v in frame["value"]],
    )


@data.cached(max_entries=50)
def kbli_figure(lang: str) -> tuple[go.Figure, str]:
    frame = topic("ecommerce_kbli", lang)
    return shares_figure(
        frame.assign(emphasis=frame["kbli"].eq("C")), "kbli", ("kbli_manufacturing", "kbli_other"), lang
    )


@data.cached(max_entries=50)
def imk_figure(lang: str) -> tuple[go.Figure, str]:
    frame = topic("imk_internet_kbli", lang)
    frame = frame.assign(
        emphasis=frame["kbli"].isin(set(data.query("sector_kbli")["kbli"])),
        name=[f"{k} {n}" for k, n in zip(frame["kbli"], frame["name"], strict=True)],
    )
    return shares_figure(frame, "imk", ("programme_sectors", "other_industries"), lang)


def shares_figure(frame: pd.DataFrame, name: str, groups: tuple[str, str], lang: str) -> tuple[go.Figure, str]:
    """Shares of a national breakdown as bars, the emphasised group first; messages msme.NAME_*."""
    year = int(frame["year"].max())
    labels = display.labels(
        t(f"msme.{name}_title", lang, year=year), t(f"msme.{name}_unit", lang), frame["source"], lang, COLUMN
    )
    fig = bars.shares(
        frame, labels, emphasis_name=t(f"msme.{groups[0]}", lang), other_name=t(f"msme.{groups[1]}", lang)
    )
    values = "; ".join(f"{n}: {v}" for n, v in zip(frame["name"], frame["value_text"], strict=True))
    return fig, t(f"msme.{name}_alt", lang, year=year, values=values)


@data.cached(max_entries=50)
def reasons_figure(lang: str) -> tuple[go.Figure, str]:
    frame = topic("reasons_offline", lang)
    years = sorted(int(y) for y in frame["year"].unique())
    wide = frame.pivot_table(index=["category", "name"], columns="year", values="value").reset_index()
    for year in years:
        wide[f"y{year}_text"] = [percent(v, lang, 2) for v in wide[year]]
        wide[f"y{year}"] = wide[year]
    wide = wide.sort_values(years[-1], ascending=False)
    labels = display.labels(t("msme.reasons_title", lang), t("msme.reasons_unit", lang), frame["source"], lang, COLUMN)
    colours = dict(zip(years, (NEUTRAL, HIGHLIGHT), strict=False))
    fig = bars.grouped(wide, labels, category="name", series=[(f"y{y}", str(y), colours[y]) for y in years])
    knowledge = wide[wide["category"] == "kurang_pengetahuan"].iloc[0]
    return fig, t(
        "msme.reasons_alt",
        lang,
        first=years[0],
        last=years[-1],
        before=knowledge[f"y{years[0]}_text"],
        after=knowledge[f"y{years[-1]}_text"],
    )


@data.cached(max_entries=50)
def channels_figure(lang: str) -> tuple[go.Figure, str]:
    series = {c: data.query("national_series", indicator=c).set_index("year")["national"] for c in CHANNELS}
    frame = pd.DataFrame(series).dropna(how="all").reset_index()
    for channel in CHANNELS:
        frame[f"{channel}_text"] = [percent(v, lang, 2) for v in frame[channel]]
    names = {c: pick(data.indicator_catalogue().info(c), "short", lang) for c in CHANNELS}
    sources = [s for c in CHANNELS for s in data.query("national_series", indicator=c)["source"].dropna()]
    labels = display.labels(t("msme.channels_title", lang), t("msme.channels_unit", lang), sources, lang, COLUMN)
    fig = lines.editions(
        frame,
        labels,
        lines=[(c, names[c], colour, "solid") for c, colour in zip(CHANNELS, CHANNEL_COLOURS, strict=True)],
    )
    last = frame.iloc[-1]
    return fig, t(
        "msme.channels_alt",
        lang,
        year=int(last["year"]),
        values="; ".join(f"{names[c]}: {last[f'{c}_text']}" for c in CHANNELS),
    )


FIGURES = {"kbli": kbli_figure, "imk": imk_figure, "reasons": reasons_figure, "channels": channels_figure}
