"""What every chart shares: palettes, class breaks, title, source line, locale separators."""

from __future__ import annotations

import textwrap
import warnings
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

# Colour-blind-safe ColorBrewer schemes: sequential for levels, diverging for gaps.
SEQUENTIAL = "YlGnBu"
DIVERGING = "PuOr"
NO_DATA = "#d9d9d9"
HIGHLIGHT = "#d7301f"
NEUTRAL = "#2c7fb8"
BELOW = "#e66101"
FONT = dict(family="Source Sans Pro, sans-serif", size=14, color="#262730")
SEPARATORS = {"id": ",.", "en": ".,"}
CLASS_COUNT = 5
# An estimate BPS calls unreliable (RSE above 25 %): a dagger after its value, its shape washed
# over in grey on a map, its bar hatched.
UNRELIABLE_MARK = " †"
UNRELIABLE_WASH = "rgba(90, 90, 90, 0.55)"
UNRELIABLE_PATTERN = "/"
# The island groups, west to east, in the Okabe-Ito colours (distinguishable with colour blindness).
GROUP_ORDER = ("Sumatera", "Jawa", "Kalimantan", "Bali-Nusa Tenggara", "Sulawesi", "Maluku", "Papua")
GROUP_COLOURS = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000")
OVERLAY = "overlay"  # meta of a trace drawn over points of another: not a series of its own


@dataclass(frozen=True)
class Labels:
    """Everything a chart says, already in the user's language."""

    title: str
    subtitle: str
    source: str
    lang: str


def classify(values: np.ndarray, method: str, k: int = CLASS_COUNT) -> np.ndarray | None:
    """Upper bounds of k classes ('quantiles' or 'natural' breaks), or None for a continuous scale."""
    finite = values[np.isfinite(values)]
    if method == "continuous" or len(np.unique(finite)) <= k:
        return None
    import mapclassify  # imported on first use: it pulls in scipy and matplotlib (about 3 s)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # mapclassify notes that numba is absent
        scheme = mapclassify.Quantiles(finite, k=k) if method == "quantiles" else mapclassify.FisherJenks(finite, k=k)
    return np.asarray(scheme.bins, dtype=float)


def class_colours(k: int, diverging: bool = False) -> list[str]:
    return sample_colorscale(DIVERGING if diverging else SEQUENTIAL, list(np.linspace(0.15, 1.0, k)))


def finish(fig: go.Figure, labels: Labels, *, height: int, bottom: int = 56, title_chars: int = 58) -> go.Figure:
    """Title with subtitle on top, source line at the bottom: both stay in exported images."""
    source = "<br>".join(
        wrapped for line in labels.source.split("<br>") for wrapped in textwrap.wrap(line, title_chars + 40)
    )
    bottom += 16 * source.count("<br>")
    title = "<br>".join(textwrap.wrap(labels.title, title_chars))
    top = 68 + 20 * title.count("<br>")
    fig.update_layout(
        title=dict(
            text=f"<b>{title}</b><br><span style='font-size:13px'>{labels.subtitle}</span>",
            x=0.0,
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=16),
        ),
        font=FONT,
        separators=SEPARATORS[labels.lang],
        height=height,
        margin=dict(l=10, r=10, t=top + 18, b=bottom),
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend=dict(orientation="h", x=0, y=-0.02, yanchor="top", bgcolor="rgba(255,255,255,0.8)"),
    )
    fig.add_annotation(
        text=source,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-bottom + 8,
        xanchor="left",
        yanchor="bottom",
        align="left",
        showarrow=False,
        font=dict(size=11, color="#555"),
    )
    return fig
