"""Values over editions."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import HIGHLIGHT, Labels, finish


def editions(
    frame: pd.DataFrame, labels: Labels, *, lines: list[tuple[str, str, str, str]], height: int = 360
) -> go.Figure:
    """One line per series over the years: lines = [(column, name, colour, dash), ...];
    a column named f'{column}_text' holds each point's printed value. A missing value
    leaves a gap, never a zero."""
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
                textposition="top center",
                connectgaps=False,
                hovertemplate="%{x}: %{text}<extra>" + name + "</extra>",
            )
        )
    fig.update_xaxes(tickmode="array", tickvals=list(frame["year"]), tickformat="d", fixedrange=True)
    fig.update_yaxes(fixedrange=True, gridcolor="#eee")
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height, bottom=90)
