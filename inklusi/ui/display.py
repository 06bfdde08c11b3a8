"""Query results made ready to show: names, formatted values, hover text, source lines.

Everything here takes the language as an argument so that results can be cached per
language (a cached function must not read the session).
"""

from __future__ import annotations

import pandas as pd

from inklusi.figures.common import WIDTH, Labels
from inklusi.i18n import pick, t
from inklusi.statistics.metrics import level_of
from inklusi.ui import data
from inklusi.words import province_table
from inklusi.words.citations import chart_source


def decimals(indicator: str) -> int:
    return int(data.indicator_catalogue().info(indicator)["decimals"])


def margin(indicator: str) -> float | None:
    """The margin of error the indicator's source states, in % of a value (data/indicators.csv)."""
    value = data.indicator_catalogue().info(indicator)["margin_pct"]
    return float(value) if pd.notna(value) else None


def is_derived(indicator: str) -> bool:
    """Whether an indicator is computed by Inklusi (it has a formula) rather than published."""
    return pd.notna(data.indicator_catalogue().info(indicator)["formula"])


def unit(indicator: str, lang: str) -> str:
    return pick(data.indicator_catalogue().info(indicator), "unit", lang)


@data.cached()
def indicator_labels(lang: str) -> dict[str, str]:
    """'Family · name' of every indicator (a family's head is just its name)."""
    labels = {}
    for indicator, info in data.indicator_catalogue().indicators.iterrows():
        name = pick(info, "name", lang)
        labels[indicator] = name if pd.isna(info["parent"]) else f"{t(f'family.{info.family}', lang)} · {name}"
    return labels


@data.cached(resource=False, max_entries=500)
def province_values(indicator: str, year: int, lang: str) -> pd.DataFrame:
    """indicator_by_province as shown (inklusi.words.province_table, shared with the story)."""
    frame = data.query("indicator_by_province", indicator=indicator, year=year)
    return province_table.shown(
        frame, what=indicator_labels(lang)[indicator], year=year, lang=lang, decimals=decimals(indicator)
    )


def source_line(source_ids, lang: str) -> str:
    return chart_source(data.query("source_catalogue").set_index("id"), source_ids, lang)


def labels(title: str, subtitle: str, source_ids, lang: str, width: int = WIDTH) -> Labels:
    """A chart's labels; width: the narrowest it is drawn at (WIDTH across the page, COLUMN in a half)."""
    return Labels(title=title, subtitle=subtitle, source=source_line(source_ids, lang), lang=lang, width=width)


@data.cached()
def national_level(indicator: str, year: int) -> float | None:
    """The edition's national value where it is a level (metrics.level_of), else None."""
    return level_of(data.query("indicator_by_province", indicator=indicator, year=year))
