"""One province table for the pages and the story: an indicator_by_province result with each
province's display name, abbreviation, value as a label prints it and hover text with the value
exactly as published (words.values, the one formatter)."""

from __future__ import annotations

import pandas as pd

from inklusi.i18n import number, pick, t
from inklusi.store import reference
from inklusi.words import values


def layout_name(name: str, code: str, layout: int, lang: str) -> str:
    """A province's name on a layout: on the 34-province layout the codes of the provinces the 2022
    split divided (Papua, Papua Barat) name the undivided provinces, and the name says so."""
    return t("layout.old_name", lang, name=name) if layout == 34 and code in reference.undivided() else name


def place_name(row, lang: str) -> str:
    return layout_name(row[reference.name_column(lang)], row["province"], row["layout"], lang)


def shown(frame: pd.DataFrame, *, what: str, year: int, lang: str, decimals: int) -> pd.DataFrame:
    """frame (indicator_by_province) with name, short, unreliable, value_text and hover added."""
    frame = frame.copy()
    rows = frame.to_dict("records")
    frame["name"] = [place_name(row, lang) for row in rows]
    frame["short"] = frame["singkatan"]
    frame["unreliable"] = frame["reliability"].eq("unreliable")
    marks = [values.Marks.of(row) for row in rows]
    frame["value_text"] = [values.label(v, lang, decimals, m) for v, m in zip(frame["value"], marks, strict=True)]
    hover = []
    for row, name, mark in zip(rows, frame["name"], marks, strict=True):
        lines = [f"<b>{name}</b>", f"{what} {year}: {values.exact(row['value'], lang, decimals, mark)}"]
        if pd.notna(row["value"]):
            lines.append(t("hover.rank", lang, rank=int(row["rank"]), n=int(row["n_ranked"])))
        if pd.notna(row["rse"]):
            lines.append(t("hover.rse", lang, rse=number(row["rse"], lang, 2)))
        if pd.notna(row["note_id"]):
            lines.append(f"<i>{pick(row, 'note', lang)}</i>")
        hover.append("<br>".join(lines))
    frame["hover"] = hover
    return frame
