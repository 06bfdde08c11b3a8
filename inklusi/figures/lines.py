"""Values over editions."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from inklusi.figures.common import HIGHLIGHT, OVERLAY, Labels, finish
from inklusi.figures.labels import ABOVE_OR_BELOW, labelled


def editions(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    lines: list[tuple[str, str, str, str]],
    height: int = 360,
    breaks: list[tuple[int, str]] = (),
) -> go.Figure:
    """One line per series over the years: lines = [(column, name, colour, dash), ...];
    a column named f'{column}_text' holds each point's printed value. A missing value
    leaves a gap, never a zero. breaks = [(year, label), ...]: a dotted line before each
    edition that is not comparable with the one before, and what changed under its year."""
    fig = go.Figure()
    for column, name, colour, dash in lines:
        fig.add_trace(
            go.Scatter(
                x=frame["year"],
                y=frame[column],
                name=name,
                mode="lines+markers+text",
                line=dict(color=colour, dash=dash, width=3 if colour == HIGHLIGHT else 2),
                text=frame[f"{column}_text"],
                meta=labelled(frame[f"{column}_text"], ABOVE_OR_BELOW),
                hovertext=[f"{y}<br>{text}" for y, text in zip(frame["year"], frame[f"{column}_text"], strict=True)],
                hovertemplate="%{hovertext}<extra>" + name + "</extra>",
                connectgaps=False,
                cliponaxis=False,
            )
        )
    years = sorted(int(y) for y in frame["year"])
    marked = dict(breaks)
    for year in marked:
        before = max((y for y in years if y < year), default=year - 1)
        fig.add_vline(x=(before + year) / 2, line=dict(color="#555", dash="dot", width=1))
    first, last = int(frame["year"].min()), int(frame["year"].max())
    room = max(0.3, 0.08 * (last - first))  # the printed values of the first and last editions stay inside
    fig.update_xaxes(
        tickmode="array",
        tickvals=years,
        ticktext=[f"{y}<br><i>{marked[y]}</i>" if y in marked else str(y) for y in years],
        tickformat="d",
        range=[first - room, last + room],
        fixedrange=True,
    )
    fig.update_yaxes(fixedrange=True, gridcolor="#eee")
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height)


# Okabe-Ito's colours and a brown: eight provinces told apart with colour blindness; the nation grey.
PROVINCE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B")
NATIONAL_COLOUR = "#6b6b6b"


def compared(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    national: pd.DataFrame,
    national_name: str,
    breaks: list[tuple[int, str]],
    panels: int = 0,
) -> go.Figure:
    """Provinces over the editions: one line each (panels=0), or one panel each in rows of
    `panels` columns (small multiples on a shared scale), with the national line; breaks
    (year, text) drawn as a dotted line before the first edition not comparable with the one
    before it. frame: name, year, value, value_text, undivided (one row per province and edition);
    national: year, value, value_text (empty when no national level is published). A missing
    value leaves a gap, never a zero."""
    names = list(dict.fromkeys(frame["name"]))
    years = sorted(set(frame["year"]) | set(national["year"]))
    rows = -(-len(names) // panels) if panels else 1
    fig = (
        make_subplots(rows=rows, cols=panels, shared_xaxes=True, shared_yaxes=True, subplot_titles=names)
        if panels
        else go.Figure()
    )
    for i, name in enumerate(names):
        cell = dict(row=i // panels + 1, col=i % panels + 1) if panels else {}
        if panels and len(national):
            fig.add_trace(_national(national, national_name), **cell)
        for trace in _province(frame[frame["name"] == name], name, PROVINCE_COLOURS[i % len(PROVINCE_COLOURS)], panels):
            fig.add_trace(trace, **cell)
    if not panels and len(national):
        fig.add_trace(_national(national, national_name))
    values = pd.concat([frame["value"], national["value"]]).dropna()
    low, high = (values.min(), values.max()) if len(values) else (0.0, 1.0)
    span = (high - low) or abs(high) or 1.0
    top = high + (0.12 + 0.07 * len(breaks)) * span  # room above the highest point for the breaks' notes
    for i, (year, text) in enumerate(breaks):
        fig.add_vline(x=year - 0.5, line=dict(color="#555", dash="dot", width=1.5))
        if not panels:  # each note a line lower than the one before: on a narrow chart they would meet
            fig.add_annotation(
                x=year - 0.5,
                y=top - 0.07 * i * span,
                xanchor="left",
                yanchor="top",
                text=text,
                showarrow=False,
                font=dict(size=12),
            )
    room = 0.35
    fig.update_xaxes(
        tickmode="array",
        tickvals=years[::2] if panels and len(years) > 4 else years,  # a narrow panel has room for fewer
        tickformat="d",
        range=[min(years) - room, max(years) + (1.2 if not panels else room)],
        fixedrange=True,
    )
    fig.update_yaxes(fixedrange=True, gridcolor="#eee", range=[low - 0.08 * span, top])
    fig.update_layout(dragmode=False, showlegend=not panels)  # a panel's title names its province
    return finish(fig, labels, height=max(420, 190 * rows + 160) if panels else 440)


def _province(one: pd.DataFrame, name: str, colour: str, panels: int) -> list[go.Scatter]:
    """A province's line; over it, an open circle on each value of the undivided province and,
    on a single chart, its latest value printed at its end (overlays: not series of their own)."""
    line = go.Scatter(
        x=one["year"],
        y=one["value"],
        name=name,
        mode="lines+markers",
        line=dict(color=colour, width=2.5),
        marker=dict(size=8, color=colour),
        hovertext=list(one["hover"]),
        hovertemplate="%{hovertext}<extra></extra>",
        connectgaps=False,
        cliponaxis=False,
    )
    undivided = one[one["undivided"]]
    open_circles = go.Scatter(
        x=undivided["year"],
        y=undivided["value"],
        mode="markers",
        marker=dict(size=8, color="white", symbol="circle", line=dict(color=colour, width=2)),
        hoverinfo="skip",
        showlegend=False,
        meta=OVERLAY,
    )
    if panels:
        return [line, open_circles]
    valued = one["value"].notna()
    last = valued[valued].index.max() if valued.any() else None
    texts = [text if index == last else "" for index, text in zip(one.index, one["value_text"], strict=True)]
    end = go.Scatter(
        x=one["year"],
        y=one["value"],
        mode="markers+text",  # the point's marker again: Plotly sets the text clear of a trace's own markers
        marker=dict(size=8, color=colour),
        text=texts,
        textfont=dict(color=colour),
        meta=labelled(texts, ("middle right", "top center", "bottom center")),
        hoverinfo="skip",
        showlegend=False,
        cliponaxis=False,
    )
    return [line, open_circles, end]


def _national(national: pd.DataFrame, name: str) -> go.Scatter:
    return go.Scatter(
        x=national["year"],
        y=national["value"],
        name=name,
        mode="lines+markers",
        line=dict(color=NATIONAL_COLOUR, dash="dash", width=2),
        marker=dict(size=6, color=NATIONAL_COLOUR),
        hovertext=[f"{y}<br>{text}" for y, text in zip(national["year"], national["value_text"], strict=True)],
        hovertemplate="%{hovertext}<extra></extra>",
        connectgaps=False,
    )
