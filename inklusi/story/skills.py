"""The slides on digital skills: the national picture, the west-east gap and whether it is
closing, and the digital-skills pillar on the map."""

from __future__ import annotations

from functools import partial
from typing import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from inklusi import trends, verdict
from inklusi.figures import lines, maps
from inklusi.figures.common import BELOW, HIGHLIGHT, NEUTRAL
from inklusi.i18n import number, pick, t
from inklusi.narrative import ranking_alt
from inklusi.statistics.metrics import national_of
from inklusi.store import breaks, reference
from inklusi.story.base import Chart, Slide, _frame, _labels, _map, _pin_sentence, _source, latest, latest_in_series

INDEX = "imdi"  # the index of the story; its latest edition is shown
SKILLS = "imdi_keterampilan"  # the digital-skills pillar: the latest edition of it or of its successor
ZONES = ("WIB", "WITA", "WIT")
ZONE_COLOURS = {"WIB": NEUTRAL, "WITA": BELOW, "WIT": HIGHLIGHT}


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


def national(run, lang: str, pin: str, geojson: Callable[[int], dict | str | None]) -> Slide:
    indicator = INDEX
    year = latest(run, indicator)
    frame = _frame(run, indicator, year, lang)
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
        *([trends.breaks_brief(crossed, lang)] if len(crossed) else []),
        extremes_sentence(top, bottom, lang),
        *_pin_sentence(frame, pin, what, lang),
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
            *([t("trend.breaks", lang, notes=trends.break_notes(crossed, lang))] if len(crossed) else []),
        ],
        plays=indicator,
    )


def _index_map(run, frame: pd.DataFrame, year: int, geojson, pin: str, lang: str, span=None) -> Chart:
    unit = t("story.unit_imdi", lang)
    fixed = [t("play.fixed_short", lang, low=number(span[0], lang, 2), high=number(span[1], lang, 2))] if span else []
    labels = _labels(
        t("story.national_title", lang, year=year),
        " · ".join([unit, *fixed]),
        _source(run, frame["source"].dropna(), lang),
        lang,
    )
    scale = maps.Scale(unit=unit, no_data=t("common.no_data", lang), span=span)
    return _map(frame, geojson, labels, scale, pin)


def index_map(run, lang: str, pin: str, geojson, year: int, span: tuple[float, float]) -> tuple[go.Figure, str]:
    """The national slide's map of one edition on a colour scale fixed across the editions (the
    slide played), and its text alternative."""
    frame = _frame(run, INDEX, year, lang)
    decimals = int(run("indicator_catalogue").set_index("id").loc[INDEX, "decimals"])
    alt = ranking_alt(frame, what=f"IMDI {year}", chart=t("alt.kind_map", lang), lang=lang, decimals=decimals)
    return _index_map(run, frame, year, geojson, pin, lang, span).draw(), alt


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


def _zone_means(run, indicator: str, years: list[int], lang: str) -> tuple[pd.DataFrame, list[str], pd.Series]:
    """The mean of the provinces in each time zone, a row per edition; the sources used; and how
    many provinces each zone counts in the last edition."""
    rows, sources = [], []
    for year in years:
        frame = run("indicator_by_province", indicator=indicator, year=year).dropna(subset=["value"])
        sources += list(frame["source"].unique())
        means = frame.groupby("zona_waktu")["value"].mean()
        counts = frame.groupby("zona_waktu")["value"].size()
        rows.append(
            {
                "year": year,
                **{z: means.get(z, np.nan) for z in ZONES},
            }
        )
    table = pd.DataFrame(rows)
    for zone in ZONES:
        table[f"{zone}_text"] = [number(v, lang, 2) for v in table[zone]]
    return table, sources, counts


def gap(run, lang: str, pin: str, geojson) -> Slide:
    indicator = INDEX
    years = sorted(int(y) for y in run("national_series", indicator=indicator)["year"])
    table, sources, counts = _zone_means(run, indicator, years, lang)
    first, last = table.iloc[0], table.iloc[-1]
    found = verdict.of_indicator(run, indicator, reference.provinces())
    crossed = breaks.between(
        breaks.breaks(run("indicator_breaks", indicator=indicator), indicator), found.years[0], found.years[-1]
    )
    names = reference.province_names(lang)
    facts = {
        "wib": last["WIB"],
        "wita": last["WITA"],
        "wit": last["WIT"],
        "gap": last["WIB"] - last["WIT"],
        "gap_first": first["WIB"] - first["WIT"],
        "verdict": found,
    }
    sentences = [
        t(
            "story.zones",
            lang,
            year=int(last["year"]),
            wib=number(last["WIB"], lang, 2),
            wita=number(last["WITA"], lang, 2),
            wit=number(last["WIT"], lang, 2),
            gap=number(facts["gap"], lang, 2),
            first_year=int(first["year"]),
            gap_first=number(facts["gap_first"], lang, 2),
        ),
        *trends.sentences(found, "IMDI", lang=lang, names=names, crossed=crossed, brief=True),
    ]
    if pin:
        zone = reference.provinces().set_index("kode").loc[pin, "zona_waktu"]
        sentences.append(t("story.pin_zone", lang, name=reference.province_name(pin, lang), zone=zone))
    labels = _labels(t("story.gap_title", lang), t("story.gap_subtitle", lang), _source(run, sources, lang), lang)
    series = [(z, z, ZONE_COLOURS[z], "solid") for z in ZONES]
    marks = trends.marks(crossed, lang)
    chart = Chart(
        "lines",
        table,
        labels,
        partial(lines.editions, table, labels, lines=series, breaks=marks),
        {"series": series, "breaks": marks},
    )
    return Slide(
        "gap",
        t("story.gap_heading", lang),
        sentences,
        chart,
        facts,
        sources,
        [
            t("notes.gap", lang, counts=", ".join(f"{z} {counts[z]}" for z in ZONES)),
            trends.notes(found, lang=lang, names=names),
            t("trend.breaks", lang, notes=trends.break_notes(crossed, lang)),
        ],
    )


def skills(run, lang: str, pin: str, geojson) -> Slide:
    indicator, year = latest_in_series(run, SKILLS)
    frame = _frame(run, indicator, year, lang)
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
        *_pin_sentence(frame, pin, what, lang),
    ]
    labels = _labels(
        t("story.skills_title", lang, what=what),
        t("story.skills_subtitle", lang),
        _source(run, frame["source"].dropna(), lang),
        lang,
    )
    scale = maps.Scale(
        midpoint=float(national_value), unit=t("story.unit_imdi", lang), no_data=t("common.no_data", lang)
    )
    chart = _map(frame, geojson, labels, scale, pin)
    return Slide(
        "skills",
        t("story.skills_heading", lang),
        sentences,
        chart,
        facts,
        list(frame["source"].dropna().unique()),
        [t("notes.skills", lang, national=number(national_value, lang, 2))],
    )
