"""Province maps: a choropleth on the built boundaries, and an equal-tile grid.

Both draw a province without a value in grey, labelled "no data" — never as zero. Each
feature is sent to the browser once: provinces with a value, without one, and the
highlighted outline are separate traces over separate subsets of the GeoJSON.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import (
    DIVERGING,
    HIGHLIGHT,
    NO_DATA,
    OVERLAY,
    SEQUENTIAL,
    UNRELIABLE_WASH,
    Labels,
    class_colours,
    classify,
    finish,
)

# Indonesia (95-141 E, 6 N-11 S) spans about 540 px at this zoom: it fits the narrowest map column.
CENTRE = dict(lat=-2.6, lon=118.0)
ZOOM = 3.05
PHONE_ZOOM = 2.3  # Indonesia about 320 px wide, inside a 390-pixel phone screen
# A horizontal colour bar under the map leaves the map the whole width.
COLORBAR = dict(
    orientation="h",
    x=0.5,
    xanchor="center",
    y=0,
    yanchor="top",
    thickness=12,
    len=0.9,
    title=dict(side="top"),
)
BOTTOM = 64  # room under the map for the horizontal colour bar and its title
TILE_EDGE = dict(color="white", width=1)


@dataclass(frozen=True)
class Scale:
    """How values become colours."""

    classes: str = "continuous"  # or "quantiles", "natural"
    midpoint: float | None = None  # diverging around this value (the national value) when set
    unit: str = ""
    class_labels: tuple[str, ...] = ()  # legend text of each class, filled in by the caller
    no_data: str = "no data"
    unreliable: str = "unreliable estimate"  # legend text of the washed-over shapes
    span: tuple[float, float] | None = None  # a continuous scale's ends fixed (the map played over the editions)


def _subset(geojson: dict | str, codes) -> dict | str:
    """The features of the given provinces. A URL is left as it is: the browser fetches it
    once for every trace, and each trace draws only its own locations."""
    if isinstance(geojson, str):
        return geojson
    wanted = set(codes)
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["id"] in wanted]}


def unreliable_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of estimates BPS calls unreliable (a frame without the column has none)."""
    return frame[frame["unreliable"]] if "unreliable" in frame else frame.iloc[0:0]


def colour_values(values: np.ndarray, scale: Scale) -> tuple[np.ndarray, dict, np.ndarray]:
    """z values, trace colour settings, and each value's position (0-1) on the colour scale."""
    bins = classify(values, scale.classes)
    colorbar = COLORBAR | {"title": dict(text=scale.unit, side="top")}
    if bins is None:
        settings = dict(colorscale=DIVERGING if scale.midpoint is not None else SEQUENTIAL, colorbar=colorbar)
        if scale.midpoint is not None:
            settings["zmid"] = scale.midpoint
            reach = np.nanmax(np.abs(values - scale.midpoint)) or 1.0
            return values, settings, 0.5 + (values - scale.midpoint) / (2 * reach)
        low, high = scale.span or (np.nanmin(values), np.nanmax(values))
        if scale.span:
            settings |= dict(zmin=low, zmax=high)
        return values, settings, (values - low) / ((high - low) or 1.0)
    k = len(bins)
    index = np.searchsorted(bins, values, side="left").clip(max=k - 1).astype(float)
    colours = class_colours(k, diverging=scale.midpoint is not None)
    stepped = []
    for i, colour in enumerate(colours):
        stepped += [[i / k, colour], [(i + 1) / k, colour]]
    ticks = scale.class_labels or tuple(f"≤ {b:g}" for b in bins)
    settings = dict(
        colorscale=stepped,
        zmin=-0.5,
        zmax=k - 0.5,
        colorbar=colorbar | dict(tickvals=list(range(k)), ticktext=list(ticks)),
    )
    return index, settings, (index + 0.5) / k


def text_colours(positions: np.ndarray, diverging: bool) -> list[str]:
    """White text on the dark end(s) of the colour scale, dark text elsewhere."""
    dark = np.abs(positions - 0.5) > 0.3 if diverging else positions > 0.55
    return ["white" if d else "#1b2631" for d in dark]


def choropleth(
    frame: pd.DataFrame,
    geojson: dict | str,
    labels: Labels,
    scale: Scale,
    *,
    highlight: str | None = None,
    highlight_name: str | None = None,
    height: int = 480,
    zoom: float = ZOOM,
) -> go.Figure:
    """frame: province, value, hover (text shown on hover, already formatted). The highlighted
    province is outlined; with highlight_name, the outline has a legend entry of that name (the
    map has no text of its own: its style loads no fonts)."""
    has = frame[frame["value"].notna()]
    missing = frame[frame["value"].isna()]
    fig = go.Figure()
    if len(has):
        z, settings, _ = colour_values(has["value"].to_numpy(float), scale)
        fig.add_trace(
            go.Choroplethmap(
                geojson=_subset(geojson, has["province"]),
                locations=has["province"],
                z=z,
                customdata=has[["province"]],
                hovertext=has["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                marker=dict(line=dict(color="white", width=0.6)),
                name="",
                **settings,
            )
        )
    shaky = unreliable_rows(has)
    if len(shaky):  # drawn over their colour: shown, never hidden, never as firm
        fig.add_trace(
            go.Choroplethmap(
                geojson=_subset(geojson, shaky["province"]),
                locations=shaky["province"],
                z=np.zeros(len(shaky)),
                colorscale=[[0, UNRELIABLE_WASH], [1, UNRELIABLE_WASH]],
                showscale=False,
                customdata=shaky[["province"]],
                hovertext=shaky["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                marker=dict(line=dict(color="#333", width=1.2)),
                name=scale.unreliable,
                showlegend=True,
                meta=OVERLAY,
            )
        )
    if len(missing):
        fig.add_trace(
            go.Choroplethmap(
                geojson=_subset(geojson, missing["province"]),
                locations=missing["province"],
                z=np.zeros(len(missing)),
                colorscale=[[0, NO_DATA], [1, NO_DATA]],
                showscale=False,
                customdata=missing[["province"]],
                hovertext=missing["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                marker=dict(line=dict(color="white", width=0.6)),
                name=scale.no_data,
                showlegend=True,
            )
        )
    if highlight and highlight in set(frame["province"]):
        fig.add_trace(
            go.Choroplethmap(
                geojson=_subset(geojson, [highlight]),
                locations=[highlight],
                z=[0],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker=dict(line=dict(color=HIGHLIGHT, width=3)),
                hoverinfo="skip",
                customdata=[[highlight]],
                name=pinned_name(highlight_name),
                showlegend=bool(highlight_name),
            )
        )
    fig.update_layout(map=dict(style="white-bg", center=CENTRE, zoom=zoom))
    return finish(fig, labels, height=height, bottom=BOTTOM)


def pinned_name(name: str | None) -> str:
    """The legend entry of the outlined province: an outlined square and its name, in the outline's
    colour (a choropleth's own legend symbol is its fill, which the outline trace does not have)."""
    return f'<span style="color:{HIGHLIGHT}">\u25a1 {html.escape(name)}</span>' if name else ""


def tile_grid(
    frame: pd.DataFrame,
    tiles: pd.DataFrame,
    labels: Labels,
    scale: Scale,
    *,
    highlight: str | None = None,
    highlight_name: str | None = None,
    height: int = 470,
) -> go.Figure:
    """Equal tiles in a geographic arrangement. tiles: kode, row, col; frame as for choropleth
    plus 'short' (the tile's label)."""
    grid = tiles.merge(frame, left_on="kode", right_on="province")
    rows, cols = int(tiles["row"].max()) + 1, int(tiles["col"].max()) + 1
    fig = go.Figure()
    has = grid[grid["value"].notna()]
    if len(has):
        z, settings, positions = colour_values(has["value"].to_numpy(float), scale)
        colours = {k: v for k, v in settings.items() if k in ("colorscale", "colorbar")}
        colours |= {"cmin": settings["zmin"], "cmax": settings["zmax"]} if "zmin" in settings else {}
        colours |= {"cmid": settings["zmid"]} if "zmid" in settings else {}
        fig.add_trace(
            tile_trace(
                has,
                "markers+text",
                dict(symbol="square", size=40, color=z, line=TILE_EDGE, showscale=True, **colours),
                textfont=dict(size=10, color=text_colours(positions, scale.midpoint is not None)),
                name="",
                showlegend=False,
            )
        )
    shaky = unreliable_rows(grid)
    if len(shaky):
        wash = dict(symbol="square-x", size=40, color=UNRELIABLE_WASH, line=dict(color="#333", width=1))
        fig.add_trace(tile_trace(shaky, "markers", wash, name=scale.unreliable, showlegend=True, meta=OVERLAY))
    missing = grid[grid["value"].isna()]
    if len(missing):
        empty = dict(symbol="square", size=40, color=NO_DATA, line=TILE_EDGE)
        fig.add_trace(
            tile_trace(missing, "markers+text", empty, textfont=dict(size=10), name=scale.no_data, showlegend=True)
        )
    chosen = grid[grid["province"] == highlight]
    if len(chosen):
        ring = dict(symbol="square-open", size=44, color=HIGHLIGHT, line=dict(width=3))
        named = {"name": pinned_name(highlight_name), "showlegend": True} if highlight_name else {"showlegend": False}
        fig.add_trace(tile_trace(chosen, "markers", ring, hoverinfo="skip", **named))
    fig.update_xaxes(visible=False, range=[-0.6, cols - 0.4], fixedrange=True)
    fig.update_yaxes(visible=False, range=[rows - 0.4, -0.6], fixedrange=True, scaleanchor="x", scaleratio=1)
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height, bottom=BOTTOM)


def tile_trace(rows: pd.DataFrame, mode: str, marker: dict, **style) -> go.Scatter:
    """One layer of the tile grid: its tiles where the grid puts them, each with its province
    (a click opens the profile), its hover text and, with text in the mode, its short label."""
    hover = {} if "hoverinfo" in style else {"hovertext": rows["hover"], "hovertemplate": "%{hovertext}<extra></extra>"}
    text = {"text": rows["short"]} if "text" in mode else {}
    return go.Scatter(
        x=rows["col"], y=rows["row"], mode=mode, customdata=rows[["province"]], marker=marker, **hover, **text, **style
    )


def categories(
    frame: pd.DataFrame,
    geojson: dict | str,
    labels: Labels,
    *,
    colours: dict[str, str],
    names: dict[str, str],
    height: int = 430,
) -> go.Figure:
    """A map of categories (e.g. spatial clusters): one trace and one legend entry per category.
    frame: province, category, hover."""
    fig = go.Figure()
    for category, colour in colours.items():
        part = frame[frame["category"] == category]
        if part.empty:
            continue
        fig.add_trace(
            go.Choroplethmap(
                geojson=_subset(geojson, part["province"]),
                locations=part["province"],
                z=np.zeros(len(part)),
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                customdata=part[["province"]],
                hovertext=part["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                marker=dict(line=dict(color="white", width=0.6)),
                name=names[category],
                showlegend=True,
            )
        )
    fig.update_layout(map=dict(style="white-bg", center=CENTRE, zoom=ZOOM))
    return finish(fig, labels, height=height, bottom=BOTTOM)
