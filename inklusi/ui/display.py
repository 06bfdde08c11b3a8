"""Query results made ready to show: names, formatted values, hover text, source lines.

Everything here takes the language as an argument so that results can be cached per
language (a cached function must not read the session).
"""

from __future__ import annotations

import pandas as pd

from inklusi import reference
from inklusi.citations import cite
from inklusi.figures.common import UNRELIABLE_MARK, WIDTH, Labels
from inklusi.i18n import number, pick, t
from inklusi.ui import data

OLD_LAYOUT_CODES = {"91", "92"}  # named like the 2022 provinces but larger before the split


def decimals(indicator: str) -> int:
    return int(data.indicator_catalogue().info(indicator)["decimals"])


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


def place_name(row, lang: str) -> str:
    name = row[reference.name_column(lang)]
    if row["layout"] == 34 and row["province"] in OLD_LAYOUT_CODES:
        name = t("layout.old_name", lang, name=name)
    return name


@data.cached(resource=False, max_entries=500)
def province_values(indicator: str, year: int, lang: str) -> pd.DataFrame:
    """indicator_by_province with name, short, value_text and hover added; an estimate BPS calls
    unreliable is marked (column unreliable, a dagger after its value, a line in its hover)."""
    frame = data.query("indicator_by_province", indicator=indicator, year=year).copy()
    d, what = decimals(indicator), indicator_labels(lang)[indicator]
    rows = frame.to_dict("records")
    frame["name"] = [place_name(row, lang) for row in rows]
    frame["short"] = frame["singkatan"]
    frame["unreliable"] = frame["reliability"].eq("unreliable")
    frame["value_text"] = [
        value_text(v, u, lang, d, derived=f == "derived")
        for v, u, f in zip(frame["value"], frame["unreliable"], frame["flag"], strict=True)
    ]
    hover = []
    for row, name, text in zip(rows, frame["name"], frame["value_text"], strict=True):
        lines = [f"<b>{name}</b>", f"{what} {year}: {text}"]
        if pd.notna(row["value"]):
            lines.append(t("hover.rank", lang, rank=int(row["rank"]), n=int(row["n_ranked"])))
        if pd.notna(row["rse"]):
            lines.append(t("hover.rse", lang, rse=number(row["rse"], lang, 2)))
        if pd.notna(row["note_id"]):
            lines.append(f"<i>{pick(row, 'note', lang)}</i>")
        hover.append("<br>".join(lines))
    frame["hover"] = hover
    return frame


def value_text(value: float | None, unreliable: bool, lang: str, decimals: int, *, derived: bool = False) -> str:
    """A value as published (every published decimal; a derived value to the indicator's
    decimals), with a dagger when BPS calls the estimate unreliable."""
    return number(value, lang, decimals, exact=not derived) + (UNRELIABLE_MARK if unreliable else "")


def source_line(source_ids, lang: str) -> str:
    cited = "<br>".join(cite(data.query("source_catalogue").set_index("id"), source_ids))
    return t("chart.source", lang, sources=cited or t("chart.source_none", lang))


def labels(title: str, subtitle: str, source_ids, lang: str, width: int = WIDTH) -> Labels:
    """A chart's labels; width: the narrowest it is drawn at (WIDTH across the page, COLUMN in a half)."""
    return Labels(title=title, subtitle=subtitle, source=source_line(source_ids, lang), lang=lang, width=width)
