"""The data behind a chart as a table, for whoever cannot read the chart (a screen reader, a
keyboard, a printout). Read from the figure itself, so it always shows what the chart shows:
each point of each trace with its series, its label and the values its hover text states."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures.common import OVERLAY, plain


def chart_title(fig: go.Figure) -> str:
    """The chart's title (the bold part of common.finish's title, its wrapped lines joined)."""
    text = str(fig.layout.title.text or "")
    bold = re.search(r"<b>(.*?)</b>", text)
    return plain((bold[1] if bold else text.split("<br>")[0]).replace("<br>", " "))


def figure_table(fig: go.Figure) -> pd.DataFrame:
    """One row per drawn point: series (the legend name), item (the point's label) and value
    (what its hover text or its printed value states)."""
    rows = []
    for trace in fig.data:
        if trace.hoverinfo == "skip" or trace.visible is False or trace.meta == OVERLAY:
            continue
        series = plain(trace.name or "")
        if trace.hovertext is not None and len(trace.hovertext):
            for hover in trace.hovertext:
                first, *rest = [plain(p) for p in str(hover).split("<br>")]
                rows.append({"series": series, "item": first, "value": " · ".join(p for p in rest if p)})
            continue
        horizontal = getattr(trace, "orientation", None) == "h"
        items = trace.y if horizontal else trace.x
        values = (
            trace.text
            if trace.text is not None and not isinstance(trace.text, str)
            else (trace.x if horizontal else trace.y)
        )
        if items is None or values is None:
            continue
        rows += [{"series": series, "item": plain(i), "value": plain(v)} for i, v in zip(items, values, strict=True)]
    return pd.DataFrame(rows, columns=["series", "item", "value"])
