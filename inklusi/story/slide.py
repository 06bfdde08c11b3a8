"""What every slide shares: the Slide, type sizes for a hall, the latest editions, and small
helpers that turn query results into the frames and labels the figures take."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures import maps, scatter
from inklusi.figures.common import PHONE_WIDTH, Labels, lines_named_at_end, presented, y_title_above
from inklusi.i18n import pick, t
from inklusi.statistics.metrics import layout_of
from inklusi.store import reference
from inklusi.store.measures import split
from inklusi.words import narrative, province_table
from inklusi.words.citations import cite


@dataclass(frozen=True)
class Screen:
    """What a slide's chart is drawn for: its type scale (ticks, legend, labels) and its title's,
    the zoom of its maps and the length of its title lines."""

    scale: float
    title: float
    side: bool  # wide and low: legends beside the plot
    zoom: float
    width: int  # the narrowest chart on it, in pixels
    plot_height: int  # the lowest plot area of a chart on it, in pixels

    def larger(self, step: float) -> Screen:
        """The same screen step times larger in each direction (1920 x 1080 against 1280 x 720:
        1.5): every size in proportion, the map a zoom level on for each doubling."""
        return Screen(
            scale=self.scale * step,
            title=self.title * step,
            side=self.side,
            zoom=self.zoom + math.log2(step),
            width=round(self.width * step),
            plot_height=round(self.plot_height * step),
        )


# On a projector: tick labels, legends and value labels 22 px or more (a room reads them from the
# back), the chart's title 23 px, Indonesia about 970 px wide; a chart is narrowest at
# 1280 x 720 and its plot lowest there under three lines of sentences.
PROJECTOR = Screen(scale=22 / 12, title=1.45, side=True, zoom=3.9, width=1200, plot_height=230)
PHONE = Screen(scale=1.0, title=1.0, side=False, zoom=maps.PHONE_ZOOM, width=PHONE_WIDTH, plot_height=300)


@dataclass(frozen=True)
class Chart:
    """A slide's chart as data: the slides draw it with plotly (draw), the light audience view as
    SVG (inklusi/audience) from the same frame and labels, without building the figure.

    kind and frame: "ranking" (a map or bars; one row per place: name, value, value_text, and
    province and unreliable where the slide has them), "lines" (year and one column per series,
    with its printed values in f"{column}_text"), "scatter" (x, y, name, province, and marked: a
    point of the group the slide names, such as the lagging provinces), "axis" (row, label, value,
    marked: points on one axis in rows).
    options: what the kind needs beyond the frame (axis titles, series, cut lines, a fitted line,
    the highlighted place, the rows)."""

    kind: str
    frame: pd.DataFrame
    labels: Labels
    draw: Callable[[], go.Figure]
    options: dict = field(default_factory=dict)


@dataclass
class Slide:
    key: str
    title: str
    sentences: list[str]
    chart: Chart | None
    facts: dict = field(default_factory=dict)  # the numbers the sentences state, for tests and checks
    sources: list[str] = field(default_factory=list)  # the ids of the sources it draws on, each once
    notes: list[str] = field(default_factory=list)  # for the speaker: numbers, caveats, sources
    plays: str = ""  # the indicator whose editions the slide's map plays through, if it does
    screen: Screen = PROJECTOR  # what the figure is drawn for
    topic: str = ""  # what the slide is about, in a few words ("The west-east gap"); the title is its message

    def __post_init__(self) -> None:
        self.sources = list(dict.fromkeys(self.sources))

    @cached_property
    def figure(self) -> go.Figure | None:
        """The chart as a plotly figure for the slide's screen, drawn on first use (the light
        audience view never asks for it)."""
        if self.chart is None:
            return None
        fig = self.chart.draw()
        pin = self.chart.options.get("highlight")
        if self.chart.kind == "scatter" and pin:
            row = self.chart.frame[self.chart.frame["province"] == pin].dropna(subset=["x", "y"])
            if len(row):  # ringed and named, as on the phones' pages
                name = reference.province_name(pin, self.chart.labels.lang)
                scatter.pinned(fig, float(row["x"].iloc[0]), float(row["y"].iloc[0]), name)
        return fit(fig, self.screen)

    @property
    def alt(self) -> str:
        """The chart's text alternative: the slide's sentences."""
        return " ".join(self.sentences)


def fit(fig: go.Figure, screen: Screen) -> go.Figure:
    """A slide's chart for a screen: type readable from the back of a hall on a projector, a map
    zoomed to the screen's width; the height is the slide's (see inklusi/pages/present/page.py)."""
    if fig.layout.map.center is not None:
        fig.update_layout(map_zoom=screen.zoom)
    lines_named_at_end(fig)
    y_title_above(fig)  # whole, across: a vertical title would be longer than the plot is high
    return presented(
        fig, screen.scale, screen.width, plot_height=screen.plot_height, title_scale=screen.title, side=screen.side
    )


def latest(run, indicator: str) -> int:
    """The latest edition of an indicator with provincial values."""
    editions = run("indicator_editions")
    return int(editions.loc[(editions["indicator"] == indicator) & (editions["n_provinces"] > 0), "year"].max())


def latest_in_series(run, indicator: str) -> tuple[str, int]:
    """The latest edition of an indicator or of the indicator that continues it (successor_of)."""
    catalogue = run("indicator_catalogue")
    successors = catalogue.loc[catalogue["successor_of"] == indicator, "id"]
    return latest_in_series(run, successors.iloc[0]) if len(successors) else (indicator, latest(run, indicator))


def chart_labels(title: str, subtitle: str, source: str, lang: str) -> Labels:
    return Labels(title=title, subtitle=subtitle, source=source, lang=lang)


def source_line(run, ids, lang: str) -> str:
    return t("chart.source", lang, sources="; ".join(cite(run("source_catalogue").set_index("id"), ids)))


def measure_sources(run, measures) -> list[str]:
    """The sources of the provinces' values of each 'indicator-year' measure, in order."""
    used = []
    for measure in measures:
        indicator, year = split(measure)
        used += list(run("indicator_by_province", indicator=indicator, year=year)["source"].dropna().unique())
    return used


def province_frame(run, indicator: str, year: int, lang: str) -> pd.DataFrame:
    """The province table the pages show (inklusi.words.province_table), for a slide."""
    info = run("indicator_catalogue").set_index("id").loc[indicator]
    return province_table.shown(
        run("indicator_by_province", indicator=indicator, year=year),
        what=pick(info, "short", lang),
        year=year,
        lang=lang,
        decimals=int(info["decimals"]),
    )


def pin_rank_sentence(frame: pd.DataFrame, pin: str, year: int, lang: str) -> list[str]:
    """The pinned province's value and rank in a province table, or what is missing: no value that
    edition, or no value of its own before it was formed (its parent's then)."""
    if not pin:
        return []
    name = reference.province_name(pin, lang)
    row = frame[frame["province"] == pin]
    if row.empty:  # a province formed in 2022 on the 34-province layout
        parent = frame[frame["province"] == reference.place(pin, layout_of(frame))]
        if parent.empty or pd.isna(parent["value"].iloc[0]):
            return [t("story.pin_none", lang, name=name, year=year)]
        parent = parent.iloc[0]
        return [t("story.pin_part", lang, name=name, year=year, parent=parent["name"], value=parent["value_text"])]
    row = row.iloc[0]
    if pd.isna(row["value"]):
        return [t("story.pin_none", lang, name=name, year=year)]
    return [t("story.pin", lang, name=name, value=row["value_text"], rank=int(row["rank"]), n=int(row["n_ranked"]))]


def ranking_chart(frame: pd.DataFrame, geojson, labels: Labels, scale: maps.Scale, pin: str) -> Chart:
    """The province map of a frame, or the tile map where the boundaries are not built."""

    def draw() -> go.Figure:
        shapes = geojson(layout_of(frame))
        # the pinned province outlined and named in the legend, as the phones' pages name it
        pinned = {
            "highlight": pin or None,
            "highlight_name": reference.province_name(pin, labels.lang) if pin else None,
        }
        if shapes is None:
            tiles = reference.read_csv("tile_grid.csv").astype({"row": int, "col": int})
            return maps.tile_grid(frame, tiles, labels, scale, **pinned)
        return maps.choropleth(frame, shapes, labels, scale, **pinned)

    return Chart("ranking", frame, labels, draw, {"highlight": pin, "unit": scale.unit, "national": scale.midpoint})


def measure_label(run, measure: str, lang: str, year: bool = True) -> str:
    return narrative.measure_label(run("indicator_catalogue").set_index("id"), measure, lang, year)
