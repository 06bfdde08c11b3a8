"""Chart text in figure code: short citations of a series of editions, point labels that are
left out when they would overlap (their values stay in the data table), titles wrapped for the
width a chart is drawn at. The browser checks the drawn result (tests/test_presenter.py)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from inklusi.figures import bars, lines
from inklusi.figures.common import (
    BELOW,
    CHAR,
    COLUMN,
    HIGHLIGHT,
    NEUTRAL,
    PHONE_WIDTH,
    TITLE_SIZE,
    WIDTH,
    Labels,
    inline_key,
    lines_named_at_end,
    presented,
    title_block,
    toolbar_width,
)
from inklusi.figures.tables import figure_table
from inklusi.words.citations import cite, years_text


def test_years_are_written_as_runs():
    assert years_text([2024, 2022, 2023, 2026]) == "2022-2024, 2026"
    assert years_text([2025]) == "2025"


def test_the_editions_of_one_series_are_cited_once_with_each_publisher():
    catalogue = pd.DataFrame(
        {
            "publisher": [
                "Kementerian Kominfo (BPSDM)",
                "Kementerian Kominfo (BPSDM)",
                "Kementerian Komdigi (BPSDM)",
                "BPS",
            ],
            "title": [
                "Indeks Masyarakat Digital Indonesia 2022",
                "Indeks Masyarakat Digital Indonesia 2023",
                "Indeks Masyarakat Digital Indonesia 2025",
                "Statistik E-Commerce 2024 (Lampiran 3, 13, 14)",
            ],
        },
        index=["imdi_2022", "imdi_2023", "imdi_2025", "ecommerce"],
    )
    assert cite(catalogue, ["imdi_2025", "ecommerce", "imdi_2022", "imdi_2023", "unknown", None]) == [
        "Kementerian Komdigi (BPSDM) / Kementerian Kominfo (BPSDM), "
        "Indeks Masyarakat Digital Indonesia 2022-2023, 2025",
        "BPS, Statistik E-Commerce 2024 (Lampiran 3, 13, 14)",
    ]


def series_figure(values: dict[str, list[float]], width: int):
    frame = pd.DataFrame({"year": [2022, 2023, 2024]} | values)
    for column in values:
        frame[f"{column}_text"] = [f"{v:.2f}" for v in frame[column]]
    labels = Labels("Title", "subtitle", "Source: x", "en", width)
    return lines.editions(frame, labels, lines=[(c, c, "#000", "solid") for c in values])


def test_labels_of_close_points_are_split_above_and_below_or_left_out_but_stay_in_the_table():
    fig = series_figure({"a": [40.0, 44.81, 48.0], "b": [30.0, 44.80, 35.0], "c": [20.0, 44.79, 25.0]}, WIDTH)
    middle = {trace.name: (trace.text[1], trace.textposition[1]) for trace in fig.data}
    assert middle["a"] == ("44.81", "top center") and middle["b"] == ("44.80", "bottom center")
    assert middle["c"][0] == "", "a third label between two others has no room"
    assert all(trace.text[0] and trace.text[2] for trace in fig.data), "points apart keep their labels"
    table = figure_table(fig)
    assert sorted(table["value"]) == sorted(f"{v:.2f}" for v in (40, 44.81, 48, 30, 44.80, 35, 20, 44.79, 25))


def test_a_title_wraps_for_the_width_the_chart_is_drawn_at():
    title = "Internet-using small manufacturers by industry (KBLI 2-digit), 2021"
    wide = title_block(Labels(title, "unit", "Source: BPS", "en", WIDTH))[0]
    narrow = title_block(Labels(title, "unit", "Source: BPS", "en", COLUMN))[0]
    assert "<br>" not in wide.split("</b>")[0] and "<br>" in narrow.split("</b>")[0]


def test_a_phone_key_names_each_series_in_its_colour_or_leaves_a_map_its_legend():
    """Markers, solid and dotted lines in their colours; a map's legend entry (a Choroplethmap has
    no one colour) leaves the legend to plotly instead of failing."""
    fig = go.Figure(
        [
            go.Scatter(x=[1], y=[1], mode="markers", name="Sumatera", marker_color=["#E69F00", "#E69F00", "#d7301f"]),
            go.Scatter(x=[1], y=[1], mode="lines+markers", name="WIB", line=dict(color="#2c7fb8", dash="dot")),
            go.Scatter(x=[1], y=[1], mode="lines", name="Trend", line_color="#000000"),
        ]
    )
    key = " ".join(inline_key(fig, 1000, 13))
    assert "color:#E69F00'>●</span> Sumatera" in key and "color:#2c7fb8'>···</span> WIB" in key
    assert "color:#000000'>—</span> Trend" in key
    assert len(inline_key(fig, 120, 13)) == 3  # a narrow chart: one series a line
    fig.add_trace(go.Choroplethmap(locations=["53"], z=[1], name="□ East Nusa Tenggara", showlegend=True))
    assert inline_key(fig, 1000, 13) == []


def test_a_trend_line_is_named_at_its_end_on_a_log_axis_too():
    fig = go.Figure(go.Scatter(x=[10, 1000], y=[1, 2], mode="lines", name="Trend"))
    fig.update_xaxes(type="log")
    lines_named_at_end(fig)
    (note,) = fig.layout.annotations
    assert note.text == "Trend" and note.x == math.log10(1000) and note.y == 2 and fig.data[0].showlegend is False


def ranking_frame(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province": list(values),
            "name": [f"Province {p}" for p in values],
            "value": list(values.values()),
            "value_text": [f"{v:.2f}" for v in values.values()],
            "hover": list(values),
        }
    )


def test_a_rankings_colours_are_named_under_its_subtitle_only_as_its_bars_show_them():
    labels = Labels("Title", "score 0-100", "Source: x", "en", WIDTH)
    above, below = "at or above the national value", "below the national value"
    options = dict(national=45.0, national_label="National 45", no_data_label="no data", key=(above, below))
    fig = bars.ranked(ranking_frame({"31": 57.0, "53": 44.5, "95": 31.1}), labels, highlight="53", **options)
    text = fig.layout.title.text
    assert f"color:{NEUTRAL}'>■</span> {above}" in text and f"color:{BELOW}'>■</span> {below}" in text
    assert f"color:{HIGHLIGHT}'>■</span> Province 53" in text
    all_above = bars.ranked(ranking_frame({"31": 57.0, "53": 50.0}), labels, **options).layout.title.text
    assert above in all_above and below not in all_above and "Province" not in all_above  # no bar below, none chosen
    # drawn again for a slide, the key stays
    assert f"color:{BELOW}'>■</span> {below}" in presented(fig, 1.8, 1200).layout.title.text
    # without a national value, nothing is above or below it: only the chosen province is named
    options |= {"national": None, "national_label": ""}
    alone = bars.ranked(ranking_frame({"31": 57.0, "53": 44.5}), labels, highlight="53", **options).layout.title.text
    assert above not in alone and below not in alone and f"color:{HIGHLIGHT}'>■</span> Province 53" in alone


def test_a_titles_first_line_ends_before_the_toolbar_of_its_figure():
    title = "Indonesian Digital Society Index (IMDI) 2025 by province"
    labels = Labels(title, "score 0-100", "Source: x", "en", PHONE_WIDTH)
    map_figure = go.Figure(go.Choroplethmap(locations=["53"], z=[1]))
    fixed = go.Figure(go.Bar(x=[1], y=["a"]))
    fixed.update_xaxes(fixedrange=True)
    fixed.update_yaxes(fixedrange=True)
    for fig, buttons in ((map_figure, 6), (fixed, 2), (go.Figure(go.Scatter(x=[1], y=[1])), 7)):
        room = PHONE_WIDTH - 12 - (26 * buttons + 20)  # a toolbar button is 26 px, 20 around them (measured)
        text = title_block(labels, toolbar=toolbar_width(fig))[0]
        first, *rest = text.split("</b>")[0].removeprefix("<b>").split("<br>")
        assert len(first) * CHAR * TITLE_SIZE <= room, (buttons, first)
        assert " ".join([first, *rest]) == title  # every word kept, in order
    for odd, words in (("Word\nand  more words", "Word and more words"), ("<br>After a break", "After a break")):
        lines = title_block(Labels(odd, "", "", "en", PHONE_WIDTH), toolbar=176)[0].split("</b>")[0]
        assert " ".join(lines.removeprefix("<b>").split("<br>")) == words  # no word lost or written twice
