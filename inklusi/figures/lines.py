"""Values over editions."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import HIGHLIGHT, Labels, finish
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
