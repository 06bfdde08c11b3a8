"""The charts of the real national picture of MSMEs going digital (BPS), the first part of the
sectors page: e-commerce businesses by KBLI category, internet-using small manufacturers by
industry (the programme's sectors marked), why businesses do not sell online, and the sales
channels over the years. Query results in, figures and their text alternatives out: the page
caches and draws them."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures import bars, lines
from inklusi.figures.common import COLUMN, HIGHLIGHT, NEUTRAL, Labels
from inklusi.i18n import percent, pick, t
from inklusi.words.citations import chart_source

CHANNELS = (
    "ecommerce_pesan_instan",
    "ecommerce_media_sosial",
    "ecommerce_marketplace",
    "ecommerce_email",
    "ecommerce_situs_web",
)
CHANNEL_COLOURS = ("#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7")


def labels(run, title: str, subtitle: str, source_ids, lang: str) -> Labels:
    """A chart's labels, drawn in half the page."""
    catalogue = run("source_catalogue").set_index("id")
    return Labels(
        title=title, subtitle=subtitle, source=chart_source(catalogue, source_ids, lang), lang=lang, width=COLUMN
    )


def topic(run, name: str, lang: str) -> pd.DataFrame:
    frame = run("msme_national", topic=name)
    return frame.assign(
        name=[pick(r, "name", lang) for r in frame.to_dict("records")],
        value_text=[percent(v, lang, 2) for v in frame["value"]],
    )


def kbli_figure(run, lang: str) -> tuple[go.Figure, str]:
    frame = topic(run, "ecommerce_kbli", lang)
    return shares_figure(
        frame.assign(emphasis=frame["kbli"].eq("C")), "kbli", ("kbli_manufacturing", "kbli_other"), run, lang
    )


def imk_figure(run, lang: str) -> tuple[go.Figure, str]:
    frame = topic(run, "imk_internet_kbli", lang)
    frame = frame.assign(
        emphasis=frame["kbli"].isin(set(run("sector_kbli")["kbli"])),
        name=[f"{k} {n}" for k, n in zip(frame["kbli"], frame["name"], strict=True)],
    )
    return shares_figure(frame, "imk", ("programme_sectors", "other_industries"), run, lang)


def shares_figure(frame: pd.DataFrame, name: str, groups: tuple[str, str], run, lang: str) -> tuple[go.Figure, str]:
    """Shares of a national breakdown as bars, the emphasised group first; messages msme.NAME_*."""
    year = int(frame["year"].max())
    drawn = labels(run, t(f"msme.{name}_title", lang, year=year), t(f"msme.{name}_unit", lang), frame["source"], lang)
    fig = bars.shares(frame, drawn, emphasis_name=t(f"msme.{groups[0]}", lang), other_name=t(f"msme.{groups[1]}", lang))
    values = "; ".join(f"{n}: {v}" for n, v in zip(frame["name"], frame["value_text"], strict=True))
    return fig, t(f"msme.{name}_alt", lang, year=year, values=values)


def reasons_figure(run, lang: str) -> tuple[go.Figure, str]:
    frame = topic(run, "reasons_offline", lang)
    years = sorted(int(y) for y in frame["year"].unique())
    wide = frame.pivot_table(index=["category", "name"], columns="year", values="value").reset_index()
    for year in years:
        wide[f"y{year}_text"] = [percent(v, lang, 2) for v in wide[year]]
        wide[f"y{year}"] = wide[year]
    wide = wide.sort_values(years[-1], ascending=False)
    drawn = labels(run, t("msme.reasons_title", lang), t("msme.reasons_unit", lang), frame["source"], lang)
    colours = dict(zip(years, (NEUTRAL, HIGHLIGHT), strict=False))
    fig = bars.grouped(wide, drawn, category="name", series=[(f"y{y}", str(y), colours[y]) for y in years])
    knowledge = wide[wide["category"] == "kurang_pengetahuan"].iloc[0]
    return fig, t(
        "msme.reasons_alt",
        lang,
        first=years[0],
        last=years[-1],
        before=knowledge[f"y{years[0]}_text"],
        after=knowledge[f"y{years[-1]}_text"],
    )


def channels_figure(run, lang: str) -> tuple[go.Figure, str]:
    series = {c: run("national_series", indicator=c).set_index("year")["national"] for c in CHANNELS}
    frame = pd.DataFrame(series).dropna(how="all").reset_index()
    for channel in CHANNELS:
        frame[f"{channel}_text"] = [percent(v, lang, 2) for v in frame[channel]]
    catalogue = run("indicator_catalogue").set_index("id")
    names = {c: pick(catalogue.loc[c], "short", lang) for c in CHANNELS}
    sources = [s for c in CHANNELS for s in run("national_series", indicator=c)["source"].dropna()]
    drawn = labels(run, t("msme.channels_title", lang), t("msme.channels_unit", lang), sources, lang)
    fig = lines.editions(
        frame,
        drawn,
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
