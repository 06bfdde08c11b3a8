"""One province table for the pages and the story: an indicator_by_province result with each
province's display name, abbreviation, value as printed (every published decimal; a derived value
to the catalogue's decimals; a dagger on an estimate BPS calls unreliable) and hover text."""

from __future__ import annotations

import pandas as pd

from inklusi.figures.common import UNRELIABLE_MARK
from inklusi.i18n import number, pick, t
from inklusi.store import reference

OLD_LAYOUT_CODES = {"91", "92"}  # named like the 2022 provinces but larger before the split


def place_name(row, lang: str) -> str:
    name = row[reference.name_column(lang)]
    if row["layout"] == 34 and row["province"] in OLD_LAYOUT_CODES:
        name = t("layout.old_name", lang, name=name)
    return name


def value_text(value: float | None, unreliable: bool, lang: str, decimals: int, *, derived: bool = False) -> str:
    """A value as published (every published decimal; a derived value to the indicator's
    decimals), with a dagger when BPS calls the estimate unreliable."""
    return number(value, lang, decimals, exact=not derived) + (UNRELIABLE_MARK if unreliable else "")


def shown(frame: pd.DataFrame, *, what: str, year: int, lang: str, decimals: int) -> pd.DataFrame:
    """frame (indicator_by_province) with name, short, unreliable, value_text and hover added."""
    frame = frame.copy()
    rows = frame.to_dict("records")
    frame["name"] = [place_name(row, lang) for row in rows]
    frame["short"] = frame["singkatan"]
    frame["unreliable"] = frame["reliability"].eq("unreliable")
    frame["value_text"] = [
        value_text(v, u, lang, decimals, derived=f == "derived")
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
