"""The story's slide on the west-east gap: the means of the three time zones over the editions and
the same verdict as the regional gaps page, its evidence in the speaker notes."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from inklusi.figures import lines
from inklusi.figures.common import BELOW, HIGHLIGHT, NEUTRAL
from inklusi.i18n import number, t
from inklusi.pages.gaps import words
from inklusi.pages.gaps.facts import of_indicator
from inklusi.store import breaks, reference
from inklusi.story import plan
from inklusi.story.slide import Chart, Slide, chart_labels, source_line
from inklusi.words.breaks import break_notes, marks

ZONES = ("WIB", "WITA", "WIT")


ZONE_COLOURS = {"WIB": NEUTRAL, "WITA": BELOW, "WIT": HIGHLIGHT}


def _zone_means(run, indicator: str, years: list[int], lang: str) -> tuple[pd.DataFrame, list[str], pd.Series]:
    """The mean of the provinces in each time zone, a row per edition; the sources used; and how
    many provinces each zone counts in the last edition."""
    rows, sources = [], []
    for year in years:
        frame = run("indicator_by_province", indicator=indicator, year=year).dropna(subset=["value"])
        sources += list(frame["source"].unique())
        means = frame.groupby("zona_waktu")["value"].mean()
        counts = frame.groupby("zona_waktu")["value"].size()
        rows.append(
            {
                "year": year,
                **{z: means.get(z, np.nan) for z in ZONES},
            }
        )
    table = pd.DataFrame(rows)
    for zone in ZONES:
        table[f"{zone}_text"] = [number(v, lang, 2) for v in table[zone]]
    return table, sources, counts


def gap(run, lang: str, pin: str, geojson) -> Slide:
    indicator = plan.indicator("gap")
    years = sorted(int(y) for y in run("national_series", indicator=indicator)["year"])
    table, sources, counts = _zone_means(run, indicator, years, lang)
    first, last = table.iloc[0], table.iloc[-1]
    found = of_indicator(run, indicator, reference.provinces())
    crossed = breaks.between(
        breaks.breaks(run("indicator_breaks", indicator=indicator), indicator), found.years[0], found.years[-1]
    )
    names = reference.province_names(lang)
    facts = {
        "wib": last["WIB"],
        "wita": last["WITA"],
        "wit": last["WIT"],
        "gap": last["WIB"] - last["WIT"],
        "gap_first": first["WIB"] - first["WIT"],
        "verdict": found,
    }
    sentences = [
        t(
            "story.zones",
            lang,
            year=int(last["year"]),
            wib=number(last["WIB"], lang, 2),
            wita=number(last["WITA"], lang, 2),
            wit=number(last["WIT"], lang, 2),
            gap=number(facts["gap"], lang, 2),
            first_year=int(first["year"]),
            gap_first=number(facts["gap_first"], lang, 2),
        ),
        *words.sentences(found, "IMDI", lang=lang, names=names, crossed=crossed, brief=True),
    ]
    if pin:
        zone = reference.provinces().set_index("kode").loc[pin, "zona_waktu"]
        sentences.append(t("story.pin_zone", lang, name=reference.province_name(pin, lang), zone=zone))
    labels = chart_labels(
        t("story.gap_title", lang), t("story.gap_subtitle", lang), source_line(run, sources, lang), lang
    )
    series = [(z, z, ZONE_COLOURS[z], "solid") for z in ZONES]
    break_marks = marks(crossed, lang)
    chart = Chart(
        "lines",
        table,
        labels,
        partial(lines.editions, table, labels, lines=series, breaks=break_marks),
        {"series": series, "breaks": break_marks},
    )
    return Slide(
        "gap",
        t("story.gap_heading", lang),
        sentences,
        chart,
        facts,
        sources,
        [
            t("notes.gap", lang, counts=", ".join(f"{z} {counts[z]}" for z in ZONES)),
            words.notes(found, lang=lang, names=names),
            t("trend.breaks", lang, notes=break_notes(crossed, lang)),
        ],
    )
