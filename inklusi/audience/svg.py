"""A slide's chart as SVG text for a phone's width, drawn from the slide's Chart (its frame and
labels, the same data the plotly figure draws): a ranking as horizontal bars (where the slide has a
map), lines over the editions, a scatter, and points on one axis in rows. No browser and no
plotting library: each function writes the elements itself, numbers in the language's format."""

from __future__ import annotations

import math
from html import escape

import numpy as np
import pandas as pd

from inklusi.figures import bars
from inklusi.figures.common import BELOW, GROUP_COLOURS, GROUP_ORDER, HIGHLIGHT, NEUTRAL
from inklusi.i18n import number, t

WIDTH = 360  # a 390-pixel phone's width less the page's margins
TYPE = 12  # px: the size of every label
MUTED = "#595959"  # labels and axes: 7:1 on white
GRID = "#dddddd"
NAME_ROOM = 150  # px left of the bars for a place's name
BAR_ROW = 18
CHAR = 0.55  # an average character's width, in multiples of the type size


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    weight: str = "",
    fill: str = "",
    room: float = 0,
    halo: bool = False,
) -> str:
    """A label; one wider than room (px, when given) is squeezed into it; a halo keeps it
    readable over the points it lies on."""
    style = (f' font-weight="{weight}"' if weight else "") + (f' fill="{fill}"' if fill else "")
    style += ' stroke="#fff" stroke-width="3" paint-order="stroke"' if halo else ""
    if room and len(str(text)) * CHAR * TYPE > room:
        style += f' textLength="{room:.0f}" lengthAdjust="spacingAndGlyphs"'
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{style}>{escape(str(text))}</text>'


def _line(x1, y1, x2, y2, colour: str, *, width: float = 1, dash: str = "") -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width}"{dashed}/>'
    )


def ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About count round numbers from low to high (1, 2 or 5 times a power of ten apart)."""
    span = (high - low) or abs(high) or 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def _decimals(values: list[float]) -> int:
    return 0 if all(abs(v - round(v)) < 1e-9 for v in values) else 1


def _svg(body: list[str], height: float, title: str, desc: str, ident: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" font-family="system-ui, sans-serif" font-size="{TYPE}">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
        '<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="5" height="5" fill="{NEUTRAL}" opacity="0.35"/><line x1="0" y1="0" x2="0" y2="5" '
        'stroke="#333" stroke-width="2"/></pattern></defs>' + "".join(body) + "</svg>"
    )


def ranking(frame: pd.DataFrame, options: dict, lang: str, title: str, desc: str) -> str:
    """Horizontal bars, highest on top, places without a value at the bottom with their value
    text; the highlighted place in its colour and bold, an unreliable estimate hatched (its value
    text carries the dagger), the national value as a dashed line with the bars below it in
    another colour."""
    ordered = bars.in_rank_order(frame)
    valued = ordered.dropna(subset=["value"])
    national = options.get("national")
    high = max([float(valued["value"].max()), float(national or 0)]) if len(valued) else 1.0
    low = min(0.0, float(valued["value"].min())) if len(valued) else 0.0
    left, right = NAME_ROOM + 4, WIDTH - 62
    scale = (right - left) / ((high - low) or 1.0)
    top = 4
    body = []
    line_x = left + ((national or 0) - low) * scale
    unreliable = ordered["unreliable"] if "unreliable" in ordered else pd.Series(False, index=ordered.index)
    places = ordered["province"] if "province" in ordered else pd.Series("", index=ordered.index)
    for i, (name, value, text, shaky, place) in enumerate(
        zip(ordered["name"], ordered["value"], ordered["value_text"], unreliable, places, strict=True)
    ):
        y = top + i * BAR_ROW
        mine = bool(options.get("highlight")) and place == options.get("highlight")
        body.append(_text(NAME_ROOM, y + 12, name, anchor="end", weight="bold" if mine else "", room=NAME_ROOM - 2))
        if pd.isna(value):
            body.append(_text(left, y + 12, text, fill=MUTED))
            continue
        start, end = left + (min(value, 0) - low) * scale, left + (max(value, 0) - low) * scale
        below = national is not None and value < national  # the slide colours the gap from the national value
        fill = "url(#hatch)" if shaky else HIGHLIGHT if mine else BELOW if below else NEUTRAL
        body.append(f'<rect x="{start:.1f}" y="{y + 3}" width="{max(end - start, 1):.1f}" height="13" fill="{fill}"/>')
        beyond = max(end, line_x) if below else end  # a label never crosses the national line
        body.append(_text(beyond + 3, y + 13, text, weight="bold" if mine else ""))
    bottom = top + len(ordered) * BAR_ROW
    if national is not None:
        body.append(_line(line_x, top - 2, line_x, bottom, "#000", width=1.2, dash="4 3"))
        body.append(_text(line_x, bottom + 14, number(national, lang, 2), anchor="middle", fill="#000"))
    return _svg(body, bottom + 20, title, desc, "chart")


def _frame_box(x_range, y_range, height: float, left: float = 44, right: float = WIDTH - 12):
    """Functions from data to pixels in a plot area from left to right and 14 to height - 30."""
    (x0, x1), (y0, y1) = x_range, y_range
    top, bottom = 14, height - 30

    def px(x):
        return left + (x - x0) / ((x1 - x0) or 1) * (right - left)

    def py(y):
        return bottom - (y - y0) / ((y1 - y0) or 1) * (bottom - top)

    return px, py, (left, top, right, bottom)


def _axes(px, py, box, x_ticks, y_ticks, lang: str, x_title: str, y_title: str, *, years: bool = False) -> list[str]:
    left, top, right, bottom = box
    body = []
    x_places, y_places = (0 if years else _decimals(x_ticks)), _decimals(y_ticks)
    for v in y_ticks:
        body.append(_line(left, py(v), right, py(v), GRID))
        body.append(_text(left - 4, py(v) + 4, number(v, lang, y_places), anchor="end", fill=MUTED))
    for v in x_ticks:
        label = str(int(v)) if years else number(v, lang, x_places)
        body.append(_text(px(v), bottom + 14, label, anchor="middle", fill=MUTED))
    body.append(_line(left, bottom, right, bottom, MUTED))
    if x_title:
        body.append(_text((left + right) / 2, bottom + 28, x_title, anchor="middle", fill=MUTED))
    if y_title:
        body.append(
            f'<text transform="translate(10 {(top + bottom) / 2:.1f}) rotate(-90)" text-anchor="middle" '
            f'fill="{MUTED}">{escape(y_title)}</text>'
        )
    return body


def _padded(values, share: float = 0.08) -> tuple[float, float]:
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    pad = (high - low) * share or 1.0
    return low - pad, high + pad


def lines(frame: pd.DataFrame, options: dict, lang: str, title: str, desc: str) -> str:
    """One line per series over the years, each point's printed value at the last edition, a
    dotted line before each edition that is not comparable with the one before."""
    series = options["series"]
    height = 260
    years = [int(y) for y in frame["year"]]
    values = frame[[s[0] for s in series]].to_numpy(float)
    y_range = _padded(values)
    px, py, box = _frame_box((years[0] - 0.3, years[-1] + 0.3), y_range, height, right=WIDTH - 84)
    body = _axes(px, py, box, years, ticks(*y_range), lang, "", "", years=True)
    for year, _label in options.get("breaks", ()):
        x = px(year - 0.5)
        body.append(_line(x, box[1], x, box[3], MUTED, dash="2 3"))
    for column, name, colour, _dash in series:
        points = [(px(y), py(v)) for y, v in zip(years, frame[column], strict=True) if pd.notna(v)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        body += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points]
        last = frame[f"{column}_text"].iloc[-1]
        body.append(_text(points[-1][0] + 6, points[-1][1] + 4, f"{name} {last}", fill=colour, weight="bold"))
    return _svg(body, height, title, desc, "chart")


COLOURS = dict(zip(GROUP_ORDER, GROUP_COLOURS, strict=True))  # the island groups, as the slides colour them


def legend(kind: str, frame: pd.DataFrame, options: dict, lang: str) -> list[tuple[str, str, str]]:
    """(colour, symbol, label) of each thing the chart's colours and lines stand for."""
    if kind == "lines":
        return [(MUTED, "┆", f"{year}: {label}") for year, label in options.get("breaks", ())]
    if kind == "ranking" and options.get("national") is not None:
        return [("#000", "┆", t("ranking.national", lang, value=number(options["national"], lang, 2)))]
    if kind != "scatter":
        return []
    groups = [(COLOURS[g], "●", g) for g in GROUP_ORDER if "group" in frame and g in set(frame["group"])]
    marked = [(HIGHLIGHT, "◯", options["marked_name"])] if frame["marked"].any() else []
    fit = [("#000", "- -", options["fit_name"])] if "fit" in options else []
    return groups + marked + fit


def labels(points: list[tuple[float, float, str, bool]], bounds: tuple[float, float, float, float]) -> list[str]:
    """Names beside points (x, y, name, bold), each put right, left, above or below its point where
    it overlaps no name placed before it and stays inside bounds; one that fits nowhere is left out
    (the data table names every point)."""
    taken, body = [], []
    left, top, right, bottom = bounds
    for x, y, name, bold in points:
        width, height = len(name) * CHAR * TYPE * (1.1 if bold else 1), TYPE
        for dx, dy, anchor in ((7, 4, "start"), (-7, 4, "end"), (0, -8, "middle"), (0, 16, "middle")):
            x0 = x + dx - (width if anchor == "end" else width / 2 if anchor == "middle" else 0)
            box = (x0, y + dy - height + 2, x0 + width, y + dy + 2)
            inside = box[0] >= left and box[2] <= right and box[1] >= top and box[3] <= bottom
            if inside and not any(b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3] for b in taken):
                taken.append(box)
                body.append(
                    _text(x + dx, y + dy, name, anchor=anchor, weight="bold" if bold else "", fill="#000", halo=True)
                )
                break
    return body


def scatter(frame: pd.DataFrame, options: dict, lang: str, title: str, desc: str) -> str:
    """Points (x, y), coloured by island group where the frame has one, hollow where BPS calls the
    estimate unreliable; the points of the group the slide names ringed and named, the pinned
    province named in bold; a fitted line or the two cut lines of a quadrant."""
    height = 330
    x_range, y_range = _padded(frame["x"]), _padded(frame["y"])
    px, py, box = _frame_box(x_range, y_range, height, left=48)
    body = _axes(px, py, box, ticks(*x_range), ticks(*y_range), lang, options["x_title"], options["y_title"])
    if "fit" in options:
        slope, intercept = options["fit"]
        (x0, x1) = x_range
        body.append(_line(px(x0), py(slope * x0 + intercept), px(x1), py(slope * x1 + intercept), "#000", dash="5 3"))
    if "cuts" in options:
        x_cut, y_cut = options["cuts"]
        body.append(_line(px(x_cut), box[1], px(x_cut), box[3], MUTED, dash="4 3"))
        body.append(_line(box[0], py(y_cut), box[2], py(y_cut), MUTED, dash="4 3"))
    pin = options.get("highlight")
    for row in frame.itertuples():
        colour = COLOURS.get(getattr(row, "group", ""), NEUTRAL)
        hollow = bool(getattr(row, "unreliable", False))
        mine = bool(pin) and row.province == pin
        ring = "#000" if mine else HIGHLIGHT if row.marked else colour
        body.append(
            f'<circle cx="{px(row.x):.1f}" cy="{py(row.y):.1f}" r="{5 if row.marked or mine else 4}" '
            f'fill="{"none" if hollow else colour}" stroke="{ring}" '
            f'stroke-width="{2 if row.marked or hollow or mine else 0.5}"/>'
        )
    named = frame[frame["marked"] | (frame["province"] == pin)].sort_values("marked")  # the pinned one first
    points = [(px(r.x), py(r.y), r.name, r.province == pin) for r in named.itertuples()]
    body += labels(points, (0, 0, WIDTH, box[3]))
    return _svg(body, height, title, desc, "chart")


def axis(frame: pd.DataFrame, options: dict, lang: str, title: str, desc: str) -> str:
    """Points on one 0-100 axis, a row for each group (its name above it); the marked points
    coloured and named."""
    rows = options["rows"]
    row_height = 62
    height = 24 + row_height * len(rows) + 34
    px, _, box = _frame_box((0, 104), (0, 1), height, left=12)
    body = []
    for v in ticks(0, 100, 5):
        body.append(_line(px(v), 14, px(v), box[3], GRID))
        body.append(_text(px(v), box[3] + 14, number(v, lang, 0), anchor="middle", fill=MUTED))
    body.append(_text((box[0] + box[2]) / 2, box[3] + 28, options["x_title"], anchor="middle", fill=MUTED))
    points = []
    for i, row in enumerate(rows):
        y = 24 + i * row_height + 26
        body.append(_text(box[0], y - 12, row, weight="bold"))
        part = frame[frame["row"] == row].sort_values("marked")
        for value, marked in zip(part["value"], part["marked"], strict=True):
            colour, radius = (HIGHLIGHT, 5) if marked else (NEUTRAL, 4)
            body.append(
                f'<circle cx="{px(value):.1f}" cy="{y}" r="{radius}" fill="{colour}" '
                f'fill-opacity="{1 if marked else 0.55}" stroke="#fff" stroke-width="0.8"/>'
            )
        marked = part[part["marked"]]
        points += [(px(v), y, label, False) for v, label in zip(marked["value"], marked["label"], strict=True)]
    body += labels(points, (0, 0, WIDTH, box[3]))
    return _svg(body, height, title, desc, "chart")


DRAW = {"ranking": ranking, "lines": lines, "scatter": scatter, "axis": axis}
