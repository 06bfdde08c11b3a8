"""The story's slide on the west-east gap: the means of the three time zones over the editions and
the same verdict as the regional gaps page, its evidence in the speaker notes."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from inklusi.figures import lines
from inklusi.figures.common import BELOW, HIGHLIGHT, NEUTRAL
from inklusi.i18n import listed, number, t
from inklusi.pages.gaps import words
from inklusi.pages.gaps.facts import editions_of, of_indicator
from inklusi.statistics import like
from inklusi.store import breaks, reference
from inklusi.story import plan
from inklusi.story.slide import Chart, Slide, chart_labels, source_line
from inklusi.words import breaks as break_words

ZONES = ("WIB", "WITA", "WIT")


# The zones' colours; the pinned province's own line is drawn in HIGHLIGHT, as it is on every slide.
ZONE_COLOURS = {"WIB": NEUTRAL, "WITA": BELOW, "WIT": "#000000"}


def _zone_means(frames: dict[int, pd.DataFrame], kept: set[str], lang: str) -> pd.DataFrame:
    """The mean of the kept provinces in each time zone, a row per edition."""
    rows = []
    for year, frame in frames.items():
        means = frame[frame["province"].isin(kept)].groupby("zona_waktu")["value"].mean()
        rows.append({"year": year, **{z: means.get(z, np.nan) for z in ZONES}})
    table = pd.DataFrame(rows)
    for zone in ZONES:
        table[f"{zone}_text"] = [number(v, lang, 2) for v in table[zone]]
    return table


def _counts(frame: pd.DataFrame) -> str:
    counts = frame.dropna(subset=["value"]).groupby("zona_waktu").size()
    return ", ".join(f"{z} {counts.get(z, 0)}" for z in ZONES)


def gap(run, lang: str, pin: str, geojson) -> Slide:
    indicator = plan.indicator("gap")
    frames, layouts = editions_of(run, indicator)
    kept = like.provinces(frames, layouts)
    table = _zone_means(frames, kept, lang)
    sources = [s for f in frames.values() for s in f["source"].dropna().unique()]
    first, last = table.iloc[0], table.iloc[-1]
    found = of_indicator(run, indicator)
    crossed = breaks.between(
        breaks.breaks(run("indicator_breaks", indicator=indicator), indicator), found.years[0], found.years[-1]
    )
    names = reference.province_names(lang)
    zones = reference.provinces().set_index("kode")["zona_waktu"]
    gap_last, gap_first = last["WIB"] - last["WIT"], first["WIB"] - first["WIT"]
    facts = {
        "n": len(kept),
        "zones": table[["year", *ZONES]],
        "gap": gap_last,
        "gap_first": gap_first,
        "verdict": found,
    }
    sentences = [
        t(
            "story.zones_lead" if gap_last >= 0 else "story.zones_trail",
            lang,
            n=len(kept),
            gap=number(abs(gap_last), lang, 2),
            year=int(last["year"]),
            gap_first=number(abs(gap_first), lang, 2),
            first_year=int(first["year"]),
        ),
        *([break_words.in_words(crossed, lang)] if len(crossed) else []),
    ]
    east = sorted(p for p in kept if zones[p] == "WIT")
    if set(zones[zones == "WIT"].index) - kept:
        sentences.append(t("story.east_here", lang, names=listed([names[p] for p in east], lang)))
    if pin and pin in kept:
        sentences.append(t("story.pin_zone", lang, name=names[pin], zone=zones[pin]))
    elif pin:
        sentences.append(t("story.pin_left_out", lang, name=names[pin]))
    labels = chart_labels(
        t("story.gap_title", lang), t("story.gap_subtitle", lang, n=len(kept)), source_line(run, sources, lang), lang
    )
    series = [(z, z, ZONE_COLOURS[z], "solid") for z in ZONES]
    if pin and pin in kept:  # its zone drawn solid, the others dotted, and its own values as published
        series = [(z, z, ZONE_COLOURS[z], "solid" if z == zones[pin] else "dot") for z in ZONES]
        series.append(("pinned", names[pin], HIGHLIGHT, "solid"))
        table["pinned"] = [frames[int(y)].set_index("province")["value"].get(pin, np.nan) for y in table["year"]]
        table["pinned_text"] = [number(v, lang, 2) for v in table["pinned"]]
    break_marks = break_words.marks(crossed, lang)
    chart = Chart(
        "lines",
        table,
        labels,
        partial(lines.editions, table, labels, lines=series, breaks=break_marks),
        {"series": series, "breaks": break_marks},
    )
    return Slide(
        "gap",
        words.headline(found, lang, names, crossed),
        sentences,
        chart,
        facts,
        sources,
        [
            t("notes.gap", lang, counts=len(kept), whole=_counts(frames[found.years[-1]])),
            *words.evidence(found, lang=lang, names=names, crossed=crossed),
        ],
    )
