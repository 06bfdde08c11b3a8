"""The story's slides on the national picture: the index on the map (played through its editions
on the projector, index_map) and the digital-skills pillar on the map."""

from __future__ import annotations

from typing import Callable

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures import maps
from inklusi.i18n import number, pick, t
from inklusi.statistics.metrics import national_of
from inklusi.store import breaks
from inklusi.story import plan
from inklusi.story.slide import (
    Chart,
    Slide,
    chart_labels,
    latest,
    latest_in_series,
    pin_rank_sentence,
    province_frame,
    ranking_chart,
    source_line,
)
from inklusi.words import breaks as break_words
from inklusi.words import change, values
from inklusi.words.narrative import ranking_alt


def extremes_sentence(top, bottom, lang: str) -> str:
    return t(
        "story.extremes",
        lang,
        top=top["name"],
        top_value=top["value_text"],
        bottom=bottom["name"],
        bottom_value=bottom["value_text"],
        gap=number(top["value"] - bottom["value"], lang, 2),
    )


def _where_it_came(series: pd.DataFrame, margin_pct: float | None, lang: str) -> str:
    """Where most of a national change came from, and whether the latest edition moved at all."""
    steps = series.assign(change=series["national"].diff(), start=series["year"].shift()).dropna(subset=["change"])
    total = series["national"].iloc[-1] - series["national"].iloc[0]
    biggest = steps.loc[steps["change"].abs().idxmax()]
    last, before = steps.iloc[-1], int(steps.iloc[-1]["start"])
    latest_little = change.way(last["national"] - last["change"], last["national"], 2, margin_pct) == change.LITTLE
    if abs(biggest["change"]) <= abs(total) / 2:
        return t("story.national_spread_out", lang)
    key = (
        "story.national_most_latest"
        if latest_little and int(biggest["year"]) != int(last["year"])
        else "story.national_most"
    )
    return t(
        key,
        lang,
        part=number(abs(biggest["change"]), lang, 2),
        end=int(biggest["year"]),
        year=int(last["year"]),
        before=before,
    )


def national(run, lang: str, pin: str, geojson: Callable[[int], dict | str | None]) -> Slide:
    indicator = plan.indicator("national")
    year = latest(run, indicator)
    frame = province_frame(run, indicator, year, lang)
    series = run("national_series", indicator=indicator).dropna(subset=["national"])
    first, last = series.iloc[0], series.iloc[-1]
    valued = frame.dropna(subset=["value"])
    top, bottom = valued.iloc[0], valued.iloc[-1]
    info = run("indicator_catalogue").set_index("id").loc[indicator]
    margin = None if pd.isna(info["margin_pct"]) else float(info["margin_pct"])
    way = change.way(first["national"], last["national"], int(info["decimals"]), margin)
    facts = {
        "national": last["national"],
        "first": first["national"],
        "first_year": int(first["year"]),
        "way": way,
        "top": top["province"],
        "top_value": top["value"],
        "bottom": bottom["province"],
        "bottom_value": bottom["value"],
    }
    found = breaks.breaks(run("indicator_breaks", indicator=indicator), indicator)
    crossed = breaks.between(found, int(first["year"]), int(last["year"]))
    title = t(
        f"story.national_head_{way}",
        lang,
        year=year,
        value=values.label(last["national"], lang, 2),
        first_year=int(first["year"]),
        first=values.label(first["national"], lang, 2),
    )
    sentences = [
        *([_where_it_came(series, margin, lang)] if len(series) >= 3 else []),
        *([break_words.in_words(crossed, lang)] if len(crossed) else []),
        extremes_sentence(top, bottom, lang),
        *pin_rank_sentence(frame, pin, year, lang),
    ]
    return Slide(
        "national",
        title,
        sentences,
        _index_map(run, frame, year, geojson, pin, lang),
        facts,
        [*frame["source"].dropna().unique(), *series["source"].dropna().unique()],
        [
            t(
                "notes.national",
                lang,
                n=int(frame["value"].notna().sum()),
                total=len(frame),
                year=year,
                first_year=int(first["year"]),
                first_layout=int(first["layout"]),
            ),
            t(
                "notes.national_values",
                lang,
                values="; ".join(
                    f"{int(y)}: {values.label(v, lang, 2)}"
                    for y, v in zip(series["year"], series["national"], strict=True)
                ),
                margin=number(margin, lang, 0) if margin else "-",
            ),
            *([t("trend.breaks", lang, notes=break_words.break_notes(crossed, lang))] if len(crossed) else []),
        ],
        plays=indicator,
    )


def _index_map(run, frame: pd.DataFrame, year: int, geojson, pin: str, lang: str, span=None) -> Chart:
    unit = t("story.unit_imdi", lang)
    fixed = [t("play.fixed_short", lang, low=number(span[0], lang, 2), high=number(span[1], lang, 2))] if span else []
    labels = chart_labels(
        t("story.national_title", lang, year=year),
        " · ".join([unit, *fixed]),
        source_line(run, frame["source"].dropna(), lang),
        lang,
    )
    scale = maps.Scale(unit=unit, no_data=t("common.no_data", lang), span=span)
    return ranking_chart(frame, geojson, labels, scale, pin)


def index_map(run, lang: str, pin: str, geojson, year: int, span: tuple[float, float]) -> tuple[go.Figure, str]:
    """The national slide's map of one edition on a colour scale fixed across the editions (the
    slide played), and its text alternative."""
    frame = province_frame(run, plan.indicator("national"), year, lang)
    decimals = int(run("indicator_catalogue").set_index("id").loc[plan.indicator("national"), "decimals"])
    alt = ranking_alt(frame, what=f"IMDI {year}", chart=t("alt.kind_map", lang), lang=lang, decimals=decimals)
    return _index_map(run, frame, year, geojson, pin, lang, span).draw(), alt


def skills(run, lang: str, pin: str, geojson) -> Slide:
    indicator, year = latest_in_series(run, plan.indicator("skills"))
    frame = province_frame(run, indicator, year, lang)
    valued = frame.dropna(subset=["value"])
    top, bottom = valued.iloc[0], valued.iloc[-1]
    national_value = national_of(frame)
    below = int((valued["value"] < national_value).sum())
    what = pick(run("indicator_catalogue").set_index("id").loc[indicator], "short", lang) + f" {year}"
    facts = {
        "national": national_value,
        "below": below,
        "n": len(valued),
        "top": top["province"],
        "bottom": bottom["province"],
    }
    title = t("story.skills_head", lang, below=below, n=len(valued), what=what)
    sentences = [
        t("story.skills_national", lang, what=what, national=values.label(national_value, lang, 2)),
        extremes_sentence(top, bottom, lang),
        *pin_rank_sentence(frame, pin, year, lang),
    ]
    labels = chart_labels(
        t("story.skills_title", lang, what=what),
        t("story.skills_subtitle", lang),
        source_line(run, frame["source"].dropna(), lang),
        lang,
    )
    scale = maps.Scale(
        midpoint=float(national_value), unit=t("story.unit_imdi", lang), no_data=t("common.no_data", lang)
    )
    chart = ranking_chart(frame, geojson, labels, scale, pin)
    return Slide(
        "skills",
        title,
        sentences,
        chart,
        facts,
        list(frame["source"].dropna().unique()),
        [t("notes.skills", lang, national=number(national_value, lang, 2))],
    )
