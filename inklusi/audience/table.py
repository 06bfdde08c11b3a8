"""The data behind a slide's chart as a table (header, rows of printed values), read from the
same Chart the SVG draws: what a screen reader, or anyone who wants the exact numbers, gets."""

from __future__ import annotations

from inklusi.figures import bars
from inklusi.i18n import number, percent, t
from inklusi.story.slide import Chart


def rows(chart: Chart, lang: str) -> tuple[list[str], list[list[str]]]:
    """(column headers, rows), every value as the slide prints it (daggers included)."""
    frame, options = chart.frame, chart.options
    if chart.kind == "ranking":
        ordered = bars.in_rank_order(frame)
        header = [t("audience.place", lang), options.get("unit") or t("audience.value", lang)]
        return header, [[n, v] for n, v in zip(ordered["name"], ordered["value_text"], strict=True)]
    if chart.kind == "lines":
        series = options["series"]
        header = [t("audience.edition_col", lang), *(name for _, name, _, _ in series)]
        body = [
            [str(int(row["year"])), *(row[f"{column}_text"] for column, *_ in series)] for _, row in frame.iterrows()
        ]
        return header, body
    if chart.kind == "scatter":
        ordered = frame.sort_values("name")
        header = [t("audience.place", lang), options["x_title"], options["y_title"]]
        body = [
            [n, number(x, lang, 2), number(y, lang, 2)]
            for n, x, y in zip(ordered["name"], ordered["x"], ordered["y"], strict=True)
        ]
        return header, body
    ordered = frame.sort_values(["row", "value"], ascending=[True, False], key=_row_order(options["rows"]))
    header = [t("audience.group", lang), t("audience.place", lang), options["x_title"]]
    body = [
        [r, label, percent(v, lang, 2)]
        for r, label, v in zip(ordered["row"], ordered["label"], ordered["value"], strict=True)
    ]
    return header, body


def _row_order(rows: list[str]):
    """A sort key that keeps the chart's order of rows (and sorts other columns as they are)."""
    position = {row: i for i, row in enumerate(rows)}
    return lambda column: column.map(position) if column.name == "row" else column
