"""Printed labels of points that never overlap one another. A chart marks a trace's labels with
labelled(); finish() places them for the size the chart is drawn at: each label goes to the first
of its allowed sides (above, below, right, left of its point) where it is clear of the labels
already placed and inside the plot. A label with no room is not printed; its value stays in the
hover and in the chart's data table. Traces are placed in order, so the first trace's labels
(the highlighted points) are the last to be left out."""

from __future__ import annotations

import math
from numbers import Real

import plotly.graph_objects as go

AROUND = ("top center", "bottom center", "middle right", "middle left")
ABOVE_OR_BELOW = ("top center", "bottom center")
CHAR_WIDTH = 0.58  # an average character's width, in multiples of the type size
GAP = 3  # pixels kept clear around a label


def labelled(texts, sides=AROUND) -> dict:
    """The meta of a trace whose text (one label per point, "" for none) finish() places."""
    return {"labels": [str(t) if isinstance(t, str) else "" for t in texts], "sides": list(sides)}


def _axis_scale(fig: go.Figure, axis: str, size: float):
    """A function from data to pixels along an axis, from its set range or the span of its data."""
    layout = getattr(fig.layout, f"{axis}axis")
    log = layout.type == "log"
    values = [
        v
        for trace in fig.data
        if isinstance(trace, go.Scatter)
        for v in (() if getattr(trace, axis) is None else getattr(trace, axis))
        if isinstance(v, Real) and math.isfinite(v) and (v > 0 or not log)
    ]
    ends = list(layout.range) if layout.range is not None else [min(values, default=0), max(values, default=1)]
    ends = [math.log10(e) if log and e > 0 else e for e in ends]
    if layout.range is None:  # Plotly pads an automatic range by about 5 % on each side
        pad = 0.05 * ((ends[1] - ends[0]) or 1.0)
        ends = [ends[0] - pad, ends[1] + pad]
    span = (ends[1] - ends[0]) or 1.0
    return lambda v: ((math.log10(v) if log else v) - ends[0]) / span * size


def _box(x: float, y: float, side: str, width: float, height: float, radius: float) -> tuple[float, ...]:
    vertical, horizontal = side.split()
    cx = {"center": x, "right": x + radius + width / 2, "left": x - radius - width / 2}[horizontal]
    cy = {"top": y + radius + height / 2, "bottom": y - radius - height / 2, "middle": y}[vertical]
    return cx - width / 2 - GAP, cx + width / 2 + GAP, cy - height / 2 - GAP, cy + height / 2 + GAP


def _annotation_box(annotation, to_x, to_y, default_size: float) -> tuple[float, ...]:
    """The pixels a text placed at data coordinates takes (the quadrant's corner note)."""
    size = annotation.font.size or default_size
    width, height = CHAR_WIDTH * size * len(str(annotation.text)), 1.2 * size
    x, y = to_x(annotation.x), to_y(annotation.y)
    x0 = {"left": x, "right": x - width}.get(annotation.xanchor, x - width / 2)
    y0 = {"bottom": y, "top": y - height}.get(annotation.yanchor, y - height / 2)
    return x0 - GAP, x0 + width + GAP, y0 - GAP, y0 + height + GAP


def _clear(box, taken, width: float, height: float) -> bool:
    x0, x1, y0, y1 = box
    inside = x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height
    return inside and all(x1 <= a0 or x0 >= a1 or y1 <= b0 or y0 >= b1 for a0, a1, b0, b1 in taken)


def place(fig: go.Figure, plot: tuple[float, float], default_size: float) -> None:
    """Place the labels of every labelled trace for a plot area of plot = (width, height) pixels:
    the smallest the chart is drawn at, so that a larger plot only leaves more room."""
    width, height = plot
    to_x, to_y = _axis_scale(fig, "x", width), _axis_scale(fig, "y", height)
    taken = [_annotation_box(a, to_x, to_y, default_size) for a in fig.layout.annotations if a.xref in (None, "x")]
    for trace in fig.data:
        meta = trace.meta if isinstance(trace.meta, dict) else {}
        if "labels" not in meta:
            continue
        size = trace.textfont.size or default_size
        radius = (trace.marker.size if isinstance(trace.marker.size, Real) else 8) / 2 + 1
        texts, sides = [], []
        for x, y, label in zip(trace.x, trace.y, meta["labels"], strict=True):
            side = None
            if label and isinstance(x, Real) and isinstance(y, Real) and math.isfinite(y):
                px, py = to_x(x), to_y(y)
                box_width, box_height = CHAR_WIDTH * size * len(label), 1.2 * size
                for candidate in meta["sides"]:
                    box = _box(px, py, candidate, box_width, box_height, radius)
                    if _clear(box, taken, width, height):
                        side = candidate
                        taken.append(box)
                        break
            texts.append(label if side else "")
            sides.append(side or meta["sides"][0])
        trace.update(text=texts, textposition=sides)
