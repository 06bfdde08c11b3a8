"""Countries and provinces on one axis, and countries over the years."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import GROUP_COLOURS, HIGHLIGHT, NEUTRAL, Labels, finish
from inklusi.figures.labels import AROUND, labelled

MUTED = "#9ecae1"


def one_axis(frame: pd.DataFrame, labels: Labels, *, rows: list[str], x_title: str, height: int = 380) -> go.Figure:
    """One row of points per group on a shared 0-100 axis.

    frame: row (one of rows), code, value, hover, marked (a highlighted point: coloured and
    named), label (its printed name)."""
    position = {row: len(rows) - 1 - i for i, row in enumerate(rows)}  # the first row on top
    fig = go.Figure()
    for marked in (False, True):
        part = frame[frame["marked"] == marked]
        fig.add_trace(
            go.Scatter(
                x=part["value"],
                y=part["row"].map(position).astype(float),
                mode="markers+text" if marked else "markers",
                marker=dict(
                    size=13 if marked else 10,
                    color=HIGHLIGHT if marked else NEUTRAL,
                    opacity=1 if marked else 0.6,
                    line=dict(color="white", width=1),
                ),
                text=part["label"] if marked else None,
                meta=labelled(part["label"], AROUND) if marked else None,
                customdata=part[["code"]],
                hovertext=part["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                name="",
                showlegend=False,
                cliponaxis=False,
            )
        )
    fig.update_yaxes(
        tickvals=list(position.values()), ticktext=list(position), range=[-0.6, len(rows) - 0.4], fixedrange=True
    )
    fig.update_xaxes(title_text=x_title, range=[0, 104], fixedrange=True, showgrid=True, gridcolor="#eee")
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height)


def over_years(frame: pd.DataFrame, labels: Labels, *, first: str, marked: set[str], height: int = 420) -> go.Figure:
    """One line per country over the years; the first country (Indonesia) and the marked ones in
    their own colours and named in the legend, the others muted.

    frame: code, name, year, value, hover. A missing year leaves a gap, never a zero."""
    others = iter(GROUP_COLOURS)
    colours = {first: HIGHLIGHT} | {code: next(others) for code in sorted(marked - {first})}
    fig = go.Figure()
    for code, rows in frame.sort_values("year").groupby("code", sort=True):
        on = code in colours
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["value"],
                mode="lines+markers",
                name=rows["name"].iloc[0],
                line=dict(color=colours.get(code, MUTED), width=3 if on else 1),
                marker=dict(size=6 if on else 4),
                hovertext=rows["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=on,
                connectgaps=False,
            )
        )
    fig.update_xaxes(tickmode="array", tickvals=sorted(frame["year"].unique()), tickformat="d", fixedrange=True)
    fig.update_yaxes(range=[0, 104], fixedrange=True, gridcolor="#eee")
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height)
