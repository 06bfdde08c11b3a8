"""Estimates with confidence intervals, and before/after pairs."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import BELOW, HIGHLIGHT, NEUTRAL, Labels, finish


def estimates(frame: pd.DataFrame, labels: Labels, *, x_title: str, height: int | None = None) -> go.Figure:
    """One row per category: a dot at the estimate and a bar from low to high.
    frame: category, estimate, low, high, hover (and optionally province for clicks)."""
    frame = frame.sort_values("estimate")
    fig = go.Figure(
        go.Scatter(
            x=frame["estimate"],
            y=frame["category"],
            mode="markers",
            error_x=dict(
                type="data",
                symmetric=False,
                array=frame["high"] - frame["estimate"],
                arrayminus=frame["estimate"] - frame["low"],
                color="#777",
                thickness=1.5,
                width=4,
            ),
            marker=dict(size=10, color=NEUTRAL),
            hovertext=frame["hover"],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=frame[["province"]] if "province" in frame else None,
            name="",
        )
    )
    fig.update_xaxes(title=x_title, gridcolor="#eee", fixedrange=True)
    fig.update_yaxes(automargin=True, fixedrange=True)
    fig.update_layout(dragmode=False, showlegend=False)
    return finish(fig, labels, height=height or max(300, 32 * len(frame) + 160))


def before_after(
    frame: pd.DataFrame, labels: Labels, *, before_name: str, after_name: str, x_title: str, height: int | None = None
) -> go.Figure:
    """A line from before to after for each category. frame: category, before, after, hover."""
    frame = frame.sort_values("after")
    fig = go.Figure()
    for _, row in frame.iterrows():
        fig.add_trace(
            go.Scatter(
                x=[row["before"], row["after"]],
                y=[row["category"]] * 2,
                mode="lines",
                line=dict(color="#bbb", width=3),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    for column, name, colour in [("before", before_name, BELOW), ("after", after_name, HIGHLIGHT)]:
        fig.add_trace(
            go.Scatter(
                x=frame[column],
                y=frame["category"],
                mode="markers",
                name=name,
                marker=dict(size=11, color=colour),
                hovertext=frame["hover"],
                hovertemplate="%{hovertext}<extra>" + name + "</extra>",
            )
        )
    fig.update_xaxes(title=x_title, gridcolor="#eee", fixedrange=True, ticksuffix="%")
    fig.update_yaxes(automargin=True, fixedrange=True)
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height or max(300, 32 * len(frame) + 170))
