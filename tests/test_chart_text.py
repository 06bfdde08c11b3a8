"""Chart text in figure code: short citations of a series of editions, point labels that are
left out when they would overlap (their values stay in the data table), titles wrapped for the
width a chart is drawn at. The browser checks the drawn result (tests/test_presenter.py)."""

from __future__ import annotations

import pandas as pd

from inklusi.figures import lines
from inklusi.figures.common import COLUMN, WIDTH, Labels, title_block
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
