"""Ranked and grouped bar charts."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import (
    BELOW,
    HIGHLIGHT,
    NEUTRAL,
    NO_DATA,
    UNRELIABLE_MARK,
    UNRELIABLE_PATTERN,
    Y_AXIS_ROOM,
    Labels,
    broken,
    finish,
)


def in_rank_order(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows highest value first, then the rows without a value (a ranking's order)."""
    return pd.concat(
        [frame[frame["value"].notna()].sort_values("value", ascending=False), frame[frame["value"].isna()]]
    )


def ranked(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    national: float | None,
    national_label: str,
    no_data_label: str,
    highlight: str | None = None,
    height: int | None = None,
    unreliable_label: str = "",
    key: tuple[str, str] = ("", ""),
) -> go.Figure:
    """Horizontal bars, highest on top, with the national value marked.

    frame: province, name, value, hover, value_text (and unreliable, optional: such a bar is
    hatched, its name gets a dagger and unreliable_label joins the subtitle). Provinces without
    a value are listed at the bottom with the words "no data" instead of a bar. key: what the
    colours of a bar at or above the national value and of one below it say, written under the
    subtitle with the highlighted bar's name (the colours a bar shows).
    """
    ordered = in_rank_order(frame)
    colours = []
    for province, value in zip(ordered["province"], ordered["value"], strict=True):
        if province == highlight:
            colours.append(HIGHLIGHT)
        elif pd.isna(value):
            colours.append(NO_DATA)
        elif national is not None and value < national:
            colours.append(BELOW)
        else:
            colours.append(NEUTRAL)
    text = [no_data_label if pd.isna(v) else t for v, t in zip(ordered["value"], ordered["value_text"], strict=True)]
    inside = beside_the_line(ordered, text, labels, national)
    shaky = (
        ordered["unreliable"].fillna(False).astype(bool) if "unreliable" in ordered else pd.Series(False, ordered.index)
    )
    if shaky.any():
        labels = replace(labels, subtitle=f"{labels.subtitle} · {unreliable_label}")
    fig = go.Figure(
        go.Bar(
            x=ordered["value"].fillna(0),
            y=[f"{n}{UNRELIABLE_MARK}" if s else n for n, s in zip(ordered["name"], shaky, strict=True)],
            orientation="h",
            marker=dict(
                color=colours,
                pattern=dict(shape=[UNRELIABLE_PATTERN if s else "" for s in shaky], fgcolor="#222", solidity=0.35),
            ),
            text=text,
            textposition=["inside" if i else "outside" for i in inside],
            insidetextanchor="end",
            cliponaxis=False,
            textfont=dict(
                size=11, color=[inside_colour(c) if i else "#262730" for c, i in zip(colours, inside, strict=True)]
            ),
            customdata=ordered[["province"]],
            hovertext=ordered["hover"],
            hovertemplate="%{hovertext}<extra></extra>",
            name="",
        )
    )
    if national is not None:
        fig.add_vline(x=national, line=dict(color="#333", dash="dash", width=1.5))
        fig.add_annotation(
            x=national, y=1, yref="paper", yanchor="bottom", text=national_label, showarrow=False, font=dict(size=12)
        )
    fig.update_yaxes(autorange="reversed", automargin=True, fixedrange=True)
    top = ordered["value"].max()
    fig.update_xaxes(
        fixedrange=True,
        showgrid=True,
        gridcolor="#eee",
        zeroline=False,
        range=[0, (top if pd.notna(top) else 1) * 1.3],
        tickformat=",",  # thousands grouped in the language's way, as the printed values
    )
    named = dict(zip(ordered["province"], ordered["name"], strict=True))
    meaning = {HIGHLIGHT: named.get(highlight, "")}
    if national is not None:  # above and below what: without a reference value the bars have one colour
        meaning = {NEUTRAL: key[0], BELOW: key[1]} | meaning
    fig.update_layout(
        bargap=0.25,
        showlegend=False,
        dragmode=False,
        meta={"colours": [(c, meaning[c]) for c in meaning if c in colours and meaning[c]]},
    )
    return finish(fig, labels, height=height or max(320, 22 * len(ordered) + 150))


LABEL_CHAR = 0.58 * 11  # pixels of a value label's average character (11-pixel type)


def beside_the_line(ordered: pd.DataFrame, text: list[str], labels: Labels, national: float | None) -> list[bool]:
    """Which bars print their value inside their end: those just short of the national line, whose
    label outside would run across it. The plot's width is taken as the least it can be (the
    chart's narrowest width less the province names), so that a wider chart only leaves more room."""
    if national is None:
        return [False] * len(ordered)
    top = ordered["value"].max()
    names = LABEL_CHAR * 12 / 11 * max((len(str(n)) for n in ordered["name"]), default=0)
    plot = max(100.0, labels.width - names - 30)
    per_pixel = 1.3 * (top if pd.notna(top) else 1) / plot  # the x axis spans 0 to 1.3 times the top value
    return [
        pd.notna(v) and v < national <= v + (LABEL_CHAR * len(t) + 8) * per_pixel
        for v, t in zip(ordered["value"], text, strict=True)
    ]


def inside_colour(bar: str) -> str:
    """Type that reads on a bar's colour: white on the blue and red bars, dark on the orange ones."""
    return "#1b2631" if bar == BELOW else "white"


def grouped(
    frame: pd.DataFrame, labels: Labels, *, category: str, series: list[tuple[str, str, str]], height: int = 380
) -> go.Figure:
    """Bars per category for a few series: series = [(column, legend name, colour), ...];
    a column named f'{column}_text' holds each bar's printed value."""
    fig = go.Figure(
        [
            go.Bar(
                x=broken(frame[category], (labels.width - Y_AXIS_ROOM) / max(len(frame), 1) - 8),
                y=frame[column],
                name=name,
                marker_color=colour,
                text=frame[f"{column}_text"],
                textposition="outside",
                textangle=-90,  # upright over a narrow bar, at full size
                constraintext="none",
                cliponaxis=False,
                hovertemplate="%{x}: %{text}<extra>" + name + "</extra>",
            )
            for column, name, colour in series
        ]
    )
    fig.update_layout(barmode="group", bargap=0.3, dragmode=False)
    top = max(frame[column].max() for column, _, _ in series)
    fig.update_yaxes(fixedrange=True, gridcolor="#eee", range=[0, 1.5 * top])  # room for the upright values
    fig.update_xaxes(fixedrange=True)
    return finish(fig, labels, height=height)


def shares(
    frame: pd.DataFrame, labels: Labels, *, emphasis_name: str = "", other_name: str = "", height: int | None = None
) -> go.Figure:
    """Horizontal bars of the shares of categories, largest on top; categories with emphasis
    (e.g. the programme's sectors) in the main colour, the others in grey, each group a legend
    entry. frame: name, value, value_text, emphasis (bool)."""
    ordered = frame.sort_values("value", ascending=False)
    fig = go.Figure()
    for flag, name, colour in ((True, emphasis_name, NEUTRAL), (False, other_name, NO_DATA)):
        part = ordered[ordered["emphasis"] == flag]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["value"],
                y=broken(part["name"], 0.4 * labels.width),
                orientation="h",
                marker_color=colour,
                text=part["value_text"],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{text}<extra></extra>",
                name=name or " ",
                showlegend=bool(emphasis_name),
            )
        )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=broken(ordered["name"], 0.4 * labels.width)[::-1],
        automargin=True,
        fixedrange=True,
    )
    fig.update_xaxes(fixedrange=True, gridcolor="#eee", range=[0, ordered["value"].max() * 1.3])
    fig.update_layout(bargap=0.25, dragmode=False, barmode="overlay")
    lines = max(name.count("<br>") + 1 for name in broken(ordered["name"], 0.4 * labels.width))
    return finish(fig, labels, height=height or max(300, 16 * max(2, lines) * len(ordered) + 160))
