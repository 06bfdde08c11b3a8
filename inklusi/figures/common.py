"""What every chart shares: palettes, class breaks, title, source line, locale separators."""

from __future__ import annotations

import math
import re
import textwrap
import warnings
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from inklusi.figures.labels import place

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
    width: int = 760  # the narrowest width (px) the chart is drawn at: WIDTH, COLUMN or NARROW below


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


# Type sizes (px) of the title block; a slide scales all of them (scale in finish and presented).
TITLE_SIZE, SUBTITLE_SIZE, SOURCE_SIZE, LEGEND_SIZE = 16, 13, 11, 13
LINE = 1.3  # line height, in multiples of the type size
TITLE_TOP = 9  # pixels above the title's first line
CHAR = 0.6  # an average character's width, in multiples of its type size (bold titles included)
# The narrowest width (px) a chart is drawn at: across a laptop page, in half of it, in two fifths.
WIDTH, COLUMN, NARROW = 760, 380, 320
PHONE_WIDTH = 350  # a chart across a 390-pixel phone screen
AXIS_ROOM = 50  # pixels under a plot for its tick labels and axis title
MIN_PLOT = 200  # the lowest a page's plot area may be, in pixels
Y_AXIS_ROOM = 70  # pixels left of a plot for its tick labels and axis title


TAG = re.compile(r"<[^>]+>")


def plain(text) -> str:
    """Hover or label text without its HTML markup."""
    return TAG.sub("", str(text).replace("<br>", " ")).strip()


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of text (and its <br>s) that fit width pixels at a type size."""
    chars = max(8, int(width / (CHAR * size)))
    pieces = [textwrap.wrap(line, chars, break_long_words=False) for line in str(text).split("<br>")]
    return [piece for line in pieces for piece in line] or [""]


def broken(names, width: float, size: float = 12) -> list[str]:
    """Category names broken into lines (<br>) that fit width pixels, for tick labels."""
    return ["<br>".join(wrap(name, width, size)) for name in names]


def toolbar_width(fig: go.Figure) -> float:
    """The width in pixels of Plotly's toolbar, which shows at the figure's top right when the
    pointer is over it (a tap on a phone): 26 px a button and 20 around them. A map has six
    buttons, a chart whose axes zoom seven, a chart with fixed axes two (plotly_config removes
    the selection tools)."""
    if any(trace.type in ("choroplethmap", "scattermap") for trace in fig.data):
        buttons = 6
    elif fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange:
        buttons = 2
    else:
        buttons = 7
    return 26 * buttons + 20


def title_block(labels: Labels, scale: float = 1.0, key: list[str] = (), toolbar: float = 0) -> tuple[str, float]:
    """The title, subtitle, key (a legend as lines of text, see inline_key) and source line as
    one text at the top of the figure (so that no axis, legend or colour bar can run into them),
    wrapped for the figure's width, and the height it takes in pixels. The title's first line
    ends before the toolbar (toolbar pixels wide) of a figure drawn at the narrowest width."""
    sizes = [s * scale for s in (TITLE_SIZE, SUBTITLE_SIZE, SOURCE_SIZE)]
    segments = [" ".join(part.split()) for part in str(labels.title).split("<br>")]
    segments = [part for part in segments if part] or [""]
    first = wrap(segments[0], labels.width - 12 - toolbar, sizes[0])[0]
    rest = segments[0][len(first) :].strip()
    title = [
        first,
        *(line for part in [rest, *segments[1:]] if part for line in wrap(part, labels.width - 12, sizes[0])),
    ]
    subtitle, source = (
        wrap(text, labels.width - 12, size)
        for text, size in zip((labels.subtitle, labels.source), sizes[1:], strict=True)
    )
    text = (
        f"<b>{'<br>'.join(title)}</b><br>"
        f"<span style='font-size:{sizes[1]:.0f}px'>{'<br>'.join([*subtitle, *key])}</span>"
        f"<br><span style='font-size:{sizes[2]:.0f}px;color:#555'>{'<br>'.join(source)}</span>"
    )
    lines = len(title) + len(subtitle) + len(key) + len(source)
    return text, LINE * sizes[0] * lines  # Plotly spaces lines by the title's size


def legend_layout(fig: go.Figure, width: float, size: float) -> tuple[float, int]:
    """The legend as a grid of equal entries across the top of the plot: the width of an entry
    and the number of rows (0 if the figure shows no legend)."""
    names = [plain(trace.name) for trace in legend_traces(fig)]
    if fig.layout.showlegend is False or not names or (fig.layout.showlegend is None and len(fig.data) < 2):
        return 0.0, 0
    entry = min(width, CHAR * size * max(len(name) for name in names) + 45)
    return entry, math.ceil(len(names) / max(1, int(width // entry)))


def legend_traces(fig: go.Figure) -> list:
    return [trace for trace in fig.data if trace.showlegend is not False and plain(trace.name or "")]


def inline_key(fig: go.Figure, width: float, size: float) -> list[str]:
    """The legend as lines of text that fill the width (a coloured dot or dash, then the name),
    where a grid of entries would take more than two rows of a narrow chart (a phone); [] when a
    series has no one colour to show."""
    items = []
    for trace in legend_traces(fig):
        lines = "lines" in (getattr(trace, "mode", None) or "")
        colour = getattr(getattr(trace, "line" if lines else "marker", None), "color", None)
        if isinstance(colour, (tuple, list)) and colour:  # a colour a point: the series' is the most common
            colour = max(set(colour), key=list(colour).count)
        if not isinstance(colour, str):
            return []
        symbol = ("···" if trace.line.dash == "dot" else "—") if lines else "●"
        items.append((colour, symbol, plain(trace.name)))
    return key_lines(items, width, size)


def key_lines(items: list[tuple[str, str, str]], width: float, size: float) -> list[str]:
    """(colour, symbol, name) as lines of text that fill the width: the symbol in its colour, then the name."""
    rows, row, used = [], [], 0
    for colour, symbol, name in items:
        chars = len(name) + 4
        if row and (used + chars) * CHAR * size > width:
            rows.append("  ".join(row))
            row, used = [], 0
        row.append(f"<span style='color:{colour}'>{symbol}</span> {name}")
        used += chars
    return [*rows, "  ".join(row)] if row else rows


def finish(
    fig: go.Figure,
    labels: Labels,
    *,
    height: int | None,
    bottom: int = 24,
    scale: float = 1.0,
    plot_height: float = 0,
    min_plot: int = MIN_PLOT,
    title_scale: float | None = None,
    side: bool = False,
) -> go.Figure:
    """Title, subtitle and source at the top, wrapped for the figure's width (labels.width), the
    legend in rows above the plot, axes that make room for their tick labels and titles, point
    labels placed clear of each other (figures/labels.py): no text of the figure is clipped or
    overlaps another. They all stay in exported images. bottom: room under the plot for what is
    drawn there (a colour bar). scale enlarges every type size (a slide on a projector).
    plot_height: the smallest plot height in pixels the chart is drawn at (by default, what its
    height leaves); min_plot: the least height in pixels its plot keeps under a long title or
    legend (a scatter plot of 38 provinces keeps a proportionate one); title_scale: the scale of
    the title, subtitle and source line when it is not scale's (a slide's headline and sentences
    already say what its chart's title does, so its ticks, legend and labels grow more); side: a
    wide, low screen (a slide on a projector): the legend in a column beside the plot, so that the
    plot keeps its height."""
    title_scale = title_scale or scale
    entry, rows = legend_layout(fig, labels.width - Y_AXIS_ROOM * scale, LEGEND_SIZE * scale)
    key = (
        inline_key(fig, labels.width - 12, SUBTITLE_SIZE * title_scale)
        if rows > 2 and labels.width <= PHONE_WIDTH
        else []
    )
    if key:
        fig.update_layout(showlegend=False)
        rows = 0
    colours = (fig.layout.meta or {}).get("colours", [])  # what a figure's colours mean (bars.ranked)
    key = key_lines([(c, "■", n) for c, n in colours], labels.width - 12, SUBTITLE_SIZE * title_scale) + key
    beside = entry if side and rows else 0.0  # a column right of the plot, from the line above it down
    legend = 0.0 if side or not rows else rows * LEGEND_SIZE * scale * 1.6 + 6
    text, title_height = title_block(labels, title_scale, key, toolbar_width(fig))
    # Plotly sets the first line's baseline, not its top, at the pad; the second line starts below
    # the toolbar (26 px from the figure's top)
    pad = TITLE_TOP + 0.95 * TITLE_SIZE * title_scale
    above = max(  # notes written just above the plot (the national value over a ranking)
        (LINE * 12 * scale for a in fig.layout.annotations if a.yref == "paper" and (a.y or 0) >= 1), default=0
    )
    top = TITLE_TOP + title_height + legend + above + 12 * scale
    if height is not None:  # the plot keeps at least min_plot pixels under a long title or legend
        height = max(height, int(top + (bottom + AXIS_ROOM + min_plot) * scale))
    room = (height or 400) - top - (bottom + AXIS_ROOM) * scale
    fig.update_layout(
        title=dict(
            text=text,
            x=0,
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=pad, l=4),
            font=dict(size=TITLE_SIZE * title_scale),
        ),
        font=FONT | {"size": FONT["size"] * scale},
        separators=SEPARATORS[labels.lang],
        height=height,
        margin=dict(l=10, r=10, t=top, b=bottom * scale, autoexpand=True),
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend=dict(
            orientation="v" if beside else "h",
            x=1.01 if beside else 0,
            xanchor="left",
            y=1 + above / (plot_height or max(room, MIN_PLOT)),  # over the notes written above the plot
            yanchor="top" if beside else "bottom",
            yref="paper",
            font=dict(size=(12 if beside else LEGEND_SIZE) * scale),
            tracegroupgap=0,
            entrywidth=None if beside else entry or None,
            entrywidthmode="pixels",
            bgcolor="rgba(255,255,255,0.85)",
        ),
        meta={
            "labels": [labels.title, labels.subtitle, labels.source, labels.lang, labels.width],
            "bottom": bottom,
            "min_plot": min_plot,
            "colours": colours,
        },
    )
    fig.update_xaxes(
        automargin=True, title_standoff=8 * scale, tickfont=dict(size=12 * scale), title_font=dict(size=14 * scale)
    )
    fig.update_yaxes(
        automargin=True, title_standoff=8 * scale, tickfont=dict(size=12 * scale), title_font=dict(size=14 * scale)
    )
    fig.update_annotations(font_size=12 * scale)
    fig.update_traces(
        colorbar=dict(tickfont_size=12 * scale, title_font_size=13 * scale, thickness=12 * scale),
        selector=lambda trace: "colorbar" in trace,
    )
    place(fig, (labels.width - Y_AXIS_ROOM * scale - beside, plot_height or room), 12 * scale)
    return fig


def lines_named_at_end(fig: go.Figure) -> None:
    """A plain line (a fitted trend) named at its right end instead of in the legend: the room
    reads it where it is, and the legend keeps to the rows that fit beside or above a low plot."""
    for trace in fig.data:
        if (
            isinstance(trace, go.Scatter)
            and trace.mode == "lines"
            and trace.showlegend is not False
            and plain(trace.name or "")
            and trace.x is not None
            and len(trace.x) > 1
        ):
            trace.showlegend = False
            colour = trace.line.color or "#262730"
            fig.add_annotation(
                x=math.log10(trace.x[-1])
                if fig.layout.xaxis.type == "log"
                else trace.x[-1],  # a log axis: its exponent
                y=trace.y[-1],
                text=trace.name,
                xanchor="right",
                yanchor="bottom",
                yshift=4,
                showarrow=False,
                font_color=colour,
            )


def y_title_above(fig: go.Figure) -> None:
    """The y axis's title written across, above the plot's left edge, where a vertical title
    would be longer than a low plot is high."""
    title = fig.layout.yaxis.title.text
    if title:
        fig.add_annotation(
            text=title, xref="paper", x=0, xanchor="left", yref="paper", y=1, yanchor="bottom", showarrow=False
        )
        fig.update_yaxes(title_text=None)


def presented(
    fig: go.Figure,
    scale: float,
    width: int,
    height: int | None = None,
    plot_height: float = 0,
    title_scale: float | None = None,
    side: bool = False,
) -> go.Figure:
    """The same figure for another screen: every type size scaled (a slide), the title wrapped for
    its width, the margins made anew; height None leaves the height to the page (a slide fills
    the screen)."""
    title, subtitle, source, lang, _ = fig.layout.meta["labels"]
    fig.update_traces(textfont_size=12 * scale, selector=lambda t: "textfont" in t)
    fig.update_traces(constraintext="none", selector=dict(type="bar"))  # a bar's value keeps its size
    return finish(
        fig,
        Labels(title, subtitle, source, lang, width),
        height=height,
        bottom=fig.layout.meta["bottom"],
        scale=scale,
        plot_height=plot_height,
        min_plot=fig.layout.meta.get("min_plot", MIN_PLOT),
        title_scale=title_scale,
        side=side,
    )
