"""What every slide shares: the Slide, type sizes for a hall, the latest editions, and small
helpers that turn query results into the frames and labels the figures take."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from inklusi import reference
from inklusi.figures import maps
from inklusi.figures.common import Labels
from inklusi.i18n import number, t
from inklusi.metrics import layout_of

PRESENT_FONT = 20
PRESENT_ZOOM = 3.9  # a projector-wide map: Indonesia about 970 px wide


@dataclass
class Slide:
    key: str
    title: str
    sentences: list[str]
    figure: go.Figure | None
    alt: str
    facts: dict = field(default_factory=dict)  # the numbers the sentences state, for tests and checks
    sources: list[str] = field(default_factory=list)  # the ids of the sources it draws on


def big(fig: go.Figure) -> go.Figure:
    """Type and marks readable from the back of a hall."""
    fig.update_layout(
        font=dict(size=PRESENT_FONT),
        title_font=dict(size=PRESENT_FONT + 6),
        legend=dict(font=dict(size=PRESENT_FONT - 2)),
        height=620,
    )
    fig.update_xaxes(tickfont=dict(size=PRESENT_FONT - 2), title_font=dict(size=PRESENT_FONT))
    fig.update_yaxes(tickfont=dict(size=PRESENT_FONT - 2), title_font=dict(size=PRESENT_FONT))
    fig.update_annotations(font_size=PRESENT_FONT - 6)
    return fig


def latest(run, indicator: str) -> int:
    """The latest edition of an indicator with provincial values."""
    editions = run("indicator_editions")
    return int(editions.loc[(editions["indicator"] == indicator) & (editions["n_provinces"] > 0), "year"].max())


def latest_in_series(run, indicator: str) -> tuple[str, int]:
    """The latest edition of an indicator or of the indicator that continues it (successor_of)."""
    catalogue = run("indicator_catalogue")
    successors = catalogue.loc[catalogue["successor_of"] == indicator, "id"]
    return latest_in_series(run, successors.iloc[0]) if len(successors) else (indicator, latest(run, indicator))


def _labels(title: str, subtitle: str, source: str, lang: str) -> Labels:
    return Labels(title=title, subtitle=subtitle, source=source, lang=lang)


def _source(run, ids, lang: str) -> str:
    catalogue = run("source_catalogue").set_index("id")
    cited = "; ".join(
        f"{catalogue.loc[s, 'publisher']}, {catalogue.loc[s, 'title']}"
        for s in dict.fromkeys(ids)
        if s in catalogue.index
    )
    return t("chart.source", lang, sources=cited)


def _frame(run, indicator: str, year: int, lang: str) -> pd.DataFrame:
    frame = run("indicator_by_province", indicator=indicator, year=year).copy()
    frame["name"] = frame[reference.name_column(lang)]
    frame["short"] = frame["singkatan"]
    frame["value_text"] = [number(v, lang, 2, exact=True) for v in frame["value"]]
    frame["hover"] = [f"<b>{n}</b><br>{v}" for n, v in zip(frame["name"], frame["value_text"], strict=True)]
    return frame


def _pin_sentence(frame: pd.DataFrame, pin: str, what: str, lang: str) -> list[str]:
    row = frame[frame["province"] == pin]
    if not pin or row.empty or pd.isna(row["value"].iloc[0]):
        return []
    row = row.iloc[0]
    return [
        t(
            "story.pin",
            lang,
            name=row["name"],
            what=what,
            value=row["value_text"],
            rank=int(row["rank"]),
            n=int(row["n_ranked"]),
        )
    ]


def _map(frame: pd.DataFrame, geojson, labels: Labels, scale: maps.Scale, pin: str) -> go.Figure:
    """The province map of a frame, or the tile map where the boundaries are not built."""
    shapes = geojson(layout_of(frame))
    if shapes is None:
        tiles = reference.read_csv("tile_grid.csv").astype({"row": int, "col": int})
        return maps.tile_grid(frame, tiles, labels, scale, highlight=pin or None)
    return maps.choropleth(frame, shapes, labels, scale, highlight=pin or None, zoom=PRESENT_ZOOM)
