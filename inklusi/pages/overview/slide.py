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
from inklusi.words.breaks import break_notes, breaks_brief
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


def _largest_step(series: pd.DataFrame, lang: str) -> list[str]:
    """Where most of a national change came from, when more than two editions make it a question."""
    if len(series) < 3:
        return []
    steps = series.assign(change=series["national"].diff(), start=series["year"].shift()).dropna(subset=["change"])
    total = series["national"].iloc[-1] - series["national"].iloc[0]
    biggest = steps.loc[steps["change"].abs().idxmax()]
    return [
        t(
            "story.national_step",
            lang,
            total=number(total, lang, 2),
            part=number(biggest["change"], lang, 2),
            start=int(biggest["start"]),
            end=int(biggest["year"]),
        )
    ]


def national(run, lang: str, pin: str, geojson: Callable[[int], dict | str | None]) -> Slide:
    indicator = plan.indicator("national")
    year = latest(run, indicator)
    frame = province_frame(run, indicator, year, lang)
    series = run("national_series", indicator=indicator).dropna(subset=["national"])
    first, last = series.iloc[0], series.iloc[-1]
    top = frame.dropna(subset=["value"]).iloc[0]
    bottom = frame.dropna(subset=["value"]).iloc[-1]
    what = f"IMDI {year}"
    facts = {
        "national": last["national"],
        "first": first["national"],
        "first_year": int(first["year"]),
        "top": top["province"],
        "top_value": top["value"],
        "bottom": bottom["province"],
        "bottom_value": bottom["value"],
    }
    direction = "up" if last["national"] >= first["national"] else "down"
    found = breaks.breaks(run("indicator_breaks", indicator=indicator), indicator)
    crossed = breaks.between(found, int(first["year"]), int(last["year"]))
    sentences = [
        t(
            f"story.national_{direction}",
            lang,
            year=year,
            value=number(last["national"], lang, 2),
            first_year=int(first["year"]),
            first=number(first["national"], lang, 2),
        ),
        *_largest_step(series, lang),
        *([breaks_brief(crossed, lang)] if len(crossed) else []),
        extremes_sentence(top, bottom, lang),
        *pin_rank_sentence(frame, pin, what, lang),
    ]
    return Slide(
        "national",
        t("story.national_heading", lang),
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
            *([t("trend.breaks", lang, notes=break_notes(crossed, lang))] if len(crossed) else []),
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
    sentences = [
        t("story.skills", lang, what=what, national=number(national_value, lang, 2), below=below, n=len(valued)),
        extremes_sentence(top, bottom, lang),
        *pin_rank_sentence(frame, pin, what, lang),
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
        t("story.skills_heading", lang),
        sentences,
        chart,
        facts,
        list(frame["source"].dropna().unique()),
        [t("notes.skills", lang, national=number(national_value, lang, 2))],
    )
