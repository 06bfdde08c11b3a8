"""Scatter charts: beta convergence with its fitted line, the targeting quadrant, and provinces by
group against a fitted line (skills against adoption)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import BELOW, GROUP_COLOURS, GROUP_ORDER, HIGHLIGHT, NEUTRAL, OVERLAY, Labels, finish
from inklusi.figures.labels import labelled

SCATTER_PLOT = 400  # the least plot height (px) of a scatter of every province (half a laptop page's width)


def fitted(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    x_title: str,
    y_title: str,
    slope: float,
    intercept: float,
    fit_name: str,
    log_x: bool = True,
    height: int = 420,
) -> go.Figure:
    """Points (x, y, hover, province) with the least-squares line y = intercept + slope * log(x)."""
    fig = go.Figure(
        go.Scatter(
            x=frame["x"],
            y=frame["y"],
            mode="markers+text",
            text=frame["short"],
            meta=labelled(frame["short"]),
            textfont=dict(size=10),
            marker=dict(size=9, color=NEUTRAL, line=dict(color="white", width=1)),
            customdata=frame[["province"]],
            hovertext=frame["hover"],
            hovertemplate="%{hovertext}<extra></extra>",
            name="",
        )
    )
    xs = np.linspace(frame["x"].min(), frame["x"].max(), 50)
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=intercept + slope * (np.log(xs) if log_x else xs),
            mode="lines",
            line=dict(color=HIGHLIGHT, width=2),
            name=fit_name,
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(title=x_title, type="log" if log_x else "linear", gridcolor="#eee", fixedrange=True)
    fig.update_yaxes(title=y_title, gridcolor="#eee", zeroline=True, zerolinecolor="#bbb", fixedrange=True)
    fig.update_layout(dragmode=False, showlegend=True)
    return finish(fig, labels, height=height)


def quadrant(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    x_title: str,
    y_title: str,
    x_cut: float,
    y_cut: float,
    priority_name: str,
    other_name: str,
    corner_text: str,
    height: int = 520,
) -> go.Figure:
    """Provinces by need (x, lower is worse) and coverage (y); those left of x_cut and below
    y_cut are the priority quadrant. frame: x, y, short, province, hover, priority."""
    fig = go.Figure()
    for flag, name, colour in [(True, priority_name, BELOW), (False, other_name, NEUTRAL)]:
        part = frame[frame["priority"] == flag].sort_values("x")
        texts = part["short"] if flag else part["short"].where(part["y"] >= y_cut, "")
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                text=texts,
                meta=labelled(texts),
                textfont=dict(size=10),
                marker=dict(size=11 if flag else 8, color=colour, line=dict(color="white", width=1)),
                customdata=part[["province"]],
                hovertext=part["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                name=name,
            )
        )
    fig.add_vline(x=x_cut, line=dict(color="#555", dash="dash", width=1))
    fig.add_hline(y=y_cut, line=dict(color="#555", dash="dash", width=1))
    fig.add_annotation(
        x=frame["x"].min(),
        y=y_cut,
        xanchor="left",
        yanchor="bottom",
        text=corner_text,
        showarrow=False,
        font=dict(color=BELOW, size=13),
        bgcolor="rgba(255,255,255,0.8)",
    )
    top = max(frame["y"].max(), y_cut)
    fig.update_xaxes(title=x_title, gridcolor="#eee", fixedrange=True)
    fig.update_yaxes(title=y_title, gridcolor="#eee", range=[-0.1 * top, 1.1 * top], fixedrange=True)
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height, min_plot=SCATTER_PLOT)


def by_group(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    x_title: str,
    y_title: str,
    slope: float,
    intercept: float,
    fit_name: str,
    lag_name: str,
    unreliable_name: str,
    height: int = 520,
) -> go.Figure:
    """Provinces (x, y) coloured by group, with a straight fitted line; points that lag the fit are
    ringed and labelled, estimates BPS calls unreliable drawn hollow.
    frame: province, group, x, y, short, hover, lags, unreliable."""
    fig = go.Figure()
    for group, colour in zip(GROUP_ORDER, GROUP_COLOURS, strict=True):
        part = frame[frame["group"] == group]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                text=part["short"].where(part["lags"], ""),
                meta=labelled(part["short"].where(part["lags"], "")),
                textfont=dict(size=11),
                marker=dict(
                    size=11,
                    color=["white" if u else colour for u in part["unreliable"]],
                    line=dict(color=colour, width=2),
                ),
                customdata=part[["province"]],
                hovertext=part["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                name=group,
            )
        )
    lagging = frame[frame["lags"]]
    if len(lagging):
        fig.add_trace(
            go.Scatter(
                x=lagging["x"],
                y=lagging["y"],
                mode="markers",
                marker=dict(size=19, color="rgba(0,0,0,0)", line=dict(color=HIGHLIGHT, width=2)),
                customdata=lagging[["province"]],
                hovertext=lagging["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                name=lag_name,
                meta=OVERLAY,
            )
        )
    if frame["unreliable"].any():
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=unreliable_name,
                hoverinfo="skip",
                marker=dict(size=11, color="white", line=dict(color="#555", width=2)),
            )
        )
    xs = np.linspace(frame["x"].min(), frame["x"].max(), 50)
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=intercept + slope * xs,
            mode="lines",
            line=dict(color="#333", width=2, dash="dash"),
            name=fit_name,
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(title=x_title, gridcolor="#eee", fixedrange=True)
    fig.update_yaxes(title=y_title, gridcolor="#eee", fixedrange=True)
    fig.update_layout(dragmode=False, showlegend=True)
    return finish(fig, labels, height=height, min_plot=SCATTER_PLOT)


def pinned(fig: go.Figure, x: float, y: float, name: str) -> go.Figure:
    """The pinned province on a scatter: a ring in the highlight colour with its full name, its
    label placed first (finish() places labels in trace order)."""
    fig.add_trace(
        go.Scatter(
            x=[x],
            y=[y],
            mode="markers+text",
            text=[name],
            meta=labelled([name]),
            textfont=dict(color=HIGHLIGHT, weight="bold"),
            marker=dict(symbol="circle-open", size=20, color=HIGHLIGHT, line=dict(width=3)),
            hoverinfo="skip",
            showlegend=False,
            cliponaxis=False,
            name=name,
        )
    )
    fig.data = (fig.data[-1], *fig.data[:-1])
    return fig
