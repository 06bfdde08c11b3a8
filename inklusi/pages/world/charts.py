"""The World page's shared-axis chart, drawn alike on the page and on the presenter's slide:
countries and provinces as points on one axis, in the user's language."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures import world as world_figures
from inklusi.figures.common import Labels
from inklusi.i18n import percent, t
from inklusi.pages.world.facts import Standing, one_axis_rows
from inklusi.words.province_table import layout_name


def shown_name(name: str, year: int, facts: Standing) -> str:
    """A country's name, with the year of its value when that is not the comparison year."""
    return name if year == facts.year else f"{name} ({year})"


def hovers(names, years, values, lang: str) -> list[str]:
    """Each point's hover: its name, and its value with the value's year."""
    return [f"<b>{n}</b><br>{y}: {percent(v, lang, 2)}" for n, y, v in zip(names, years, values, strict=True)]


def axis_rows(
    values: pd.DataFrame,
    provinces: pd.DataFrame,
    facts: Standing,
    names: dict[str, str],
    province_names: dict[str, str],
    marked: set[str],
    lang: str,
) -> tuple[pd.DataFrame, list[str]]:
    """The points of the shared axis (row, code, value, hover, marked, label) and its rows: the
    G20 members, ASEAN and the provinces; marked: the codes of the countries and provinces to
    colour and name."""
    rows = one_axis_rows(values, provinces, facts.year)
    g20, asean = t("world.row_g20", lang, year=facts.year), t("world.row_asean", lang, year=facts.year)
    where = t("world.row_provinces", lang, year=facts.province_year, layout=facts.province_layout)
    parts = []
    for row_name, part in ((g20, rows[rows["g20"]]), (asean, rows[rows["asean"]])):
        label = [shown_name(names[c], y, facts) for c, y in zip(part["place"], part["year"], strict=True)]
        parts.append(part.assign(row=row_name, label=label))
    mine = rows[rows["place_type"] == "province"]
    label = [layout_name(province_names[p], p, facts.province_layout, lang) for p in mine["place"]]
    parts.append(mine.assign(row=where, label=label))
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.assign(
        code=frame["place"],
        marked=frame["place"].isin(marked),
        hover=hovers(frame["label"], frame["year"], frame["value"], lang),
    )
    return frame, [g20, asean, where]


def axis(frame: pd.DataFrame, rows: list[str], labels: Labels, *, height: int = 380) -> go.Figure:
    """The points of axis_rows on one axis, a row for each group."""
    return world_figures.one_axis(frame, labels, rows=rows, x_title=t("world.axis_x", labels.lang), height=height)
