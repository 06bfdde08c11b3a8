"""Groups side by side: every province a point, each group's mean a line."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import HIGHLIGHT, NEUTRAL, Labels, finish


def groups(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    order: list[str],
    mean_name: str,
    national: float | None,
    national_name: str,
    highlight: str | None = None,
    height: int = 420,
) -> go.Figure:
    """frame: group, value, province, short, hover. Points are spread sideways within their group
    by a fixed pattern (not at random) so that the chart is the same every time."""
    frame = frame.dropna(subset=["value"]).copy()
    position = {g: i for i, g in enumerate(order)}
    frame["x"] = frame["group"].map(position).astype(float)
    frame["x"] += frame.groupby("group")["value"].rank(method="first").map(lambda r: ((r % 5) - 2) * 0.07)
    colours = [HIGHLIGHT if p == highlight else NEUTRAL for p in frame["province"]]
    fig = go.Figure(
        go.Scatter(
            x=frame["x"],
            y=frame["value"],
            mode="markers",
            marker=dict(size=10, color=colours, opacity=0.85, line=dict(color="white", width=1)),
            customdata=frame[["province"]],
            hovertext=frame["hover"],
            hovertemplate="%{hovertext}<extra></extra>",
            name="",
            showlegend=False,
        )
    )
    means = frame.groupby("group")["value"].mean()
    for group, mean in means.items():
        x = position[group]
        fig.add_trace(
            go.Scatter(
                x=[x - 0.3, x + 0.3],
                y=[mean, mean],
                mode="lines",
                line=dict(color="#333", width=2),
                name=mean_name,
                showlegend=bool(x == min(position[g] for g in means.index)),
                hovertemplate=f"{group}: %{{y}}<extra>{mean_name}</extra>",
            )
        )
    if national is not None:
        fig.add_hline(
            y=national,
            line=dict(color="#888", dash="dash", width=1),
            annotation_text=national_name,
            annotation_position="top left",
        )
    fig.update_xaxes(tickvals=list(range(len(order))), ticktext=order, range=[-0.6, len(order) - 0.4], fixedrange=True)
    fig.update_yaxes(gridcolor="#eee", fixedrange=True)
    fig.update_layout(dragmode=False)
    return finish(fig, labels, height=height)
