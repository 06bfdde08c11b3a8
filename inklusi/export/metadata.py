"""What every export says about its view, built once: the JSON sidecar, the data package's
datapackage.json and the Stata file's labels and notes are all written from describe().

A description holds no time of export and no link, so a data file written from it (a data
package, a Stata file) gives the same bytes for the same view; the sidecar adds both.
"""

from __future__ import annotations

import functools
from datetime import datetime

import pandas as pd

from inklusi import __version__
from inklusi.export.view import IMPORTED_SOURCE, SYNTHETIC_SOURCE, View
from inklusi.i18n import t
from inklusi.store import queries, reference

TEXT_CELLS = (
    "Text that begins with =, +, -, @, a tab or a carriage return is written as a text cell in Excel files "
    "and with a leading apostrophe in CSV files, so that no spreadsheet runs it as a formula (OWASP)."
)
ROUNDING = (
    "Values are exported exactly as stored: published figures with every published decimal, statistics "
    "computed by Inklusi at full double precision. The dashboard rounds computed statistics for display "
    "only; nothing is rounded in an export."
)


def describe(view: View, lang: str) -> dict:
    """The description of a view: what, from which query and filters, its columns in a language,
    its sources with their citation and terms, and how its values were written."""
    query = queries.get(view.query) if view.query else None
    return {
        "app": "Inklusi",
        "app_version": __version__,
        "name": view.name,
        "page": view.page,
        "scope": view.scope,
        "filters": view.filters,
        "language": lang,
        "query": {"name": view.query, "parameters": view.params, "sql": query.sql if query else None},
        "derived": view.derived,
        "row_count": len(view.frame),
        "key": list(view.key),
        "columns": columns(view.frame, lang),
        "sources": [
            {**s, "citation": cite_source(s), "terms_text": t(f"terms.{s['terms']}", lang)} for s in sources(view)
        ],
        "synthetic": view.synthetic,
        "rounding": ROUNDING,
        "text_cells": TEXT_CELLS,
    }


def dictionary() -> pd.DataFrame:
    """Every column an export can contain: what it is, its unit and where it comes from."""
    return reference.read_csv("dictionary.csv")


def columns(frame: pd.DataFrame, lang: str) -> list[dict]:
    """Each column of a frame: its type (from its dtype) and, from the data dictionary, its
    description and unit in a language and where it comes from."""
    documented = dictionary().set_index("column")
    described = []
    for name in frame.columns:
        column = {"name": name, "type": field_type(frame[name])}
        if name in documented.index:
            entry = documented.loc[name]
            column |= {
                "description": entry[f"description_{lang}"],
                "unit": entry[f"unit_{lang}"],
                "source": entry["source"],
            }
        described.append(column)
    return described


def field_type(series: pd.Series) -> str:
    """The Table Schema type of a column, from its dtype (a date and time at midnight is a date)."""
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date" if (series.dropna() == series.dropna().dt.normalize()).all() else "datetime"
    return "string"


@functools.cache
def _catalogue() -> pd.DataFrame:
    return reference.read_csv("sources.csv").set_index("id")


def synthetic_title() -> str:
    """What the synthetic records are, with the published totals they are calibrated on (data/programmes.csv)."""
    programmes = reference.read_csv("programmes.csv")
    totals = ", ".join(
        f"{int(n):,} MSMEs in {year}" for year, n in zip(programmes["year"], programmes["participants"], strict=True)
    )
    return f"Synthetic MSME mentoring records calibrated on the published totals ({totals})"


def sources(view: View) -> list[dict]:
    catalogue = _catalogue()
    listed = []
    for source in view.sources:
        if source == SYNTHETIC_SOURCE:
            listed.append(
                {
                    "id": source,
                    "publisher": "Inklusi",
                    "title": synthetic_title(),
                    "terms": "synthetic",
                    "trust": "synthetic",
                }
            )
        elif source == IMPORTED_SOURCE:
            listed.append(
                {
                    "id": source,
                    "publisher": "the user of this session",
                    "title": "Mentoring records imported from a file",
                    "terms": "imported",
                    "trust": "imported",
                }
            )
        elif source in catalogue.index:
            listed.append({"id": source, **catalogue.loc[source].to_dict()})
    return listed


def cite_source(source: dict) -> str:
    where = f" {source['published_at']}" if source.get("published_at") else ""
    return f"{source['publisher']} ({source.get('year', '')}). {source['title']}.{where}".replace(" ().", ".")


def citation(view: View, lang: str, url: str | None, when: datetime) -> str:
    publishers = "; ".join(dict.fromkeys(s["publisher"] for s in sources(view)))
    day = when.strftime("%Y-%m-%d")
    link = f" {url}" if url else ""
    if lang == "en":
        return (
            f"Inklusi ({when.year}). {view.name} [data set], exported {day}{link}. "
            f"Data: {publishers or 'Inklusi'}." + (" Mentoring records are synthetic." if view.synthetic else "")
        )
    return (
        f"Inklusi ({when.year}). {view.name} [himpunan data], diekspor {day}{link}. "
        f"Data: {publishers or 'Inklusi'}." + (" Catatan pendampingan bersifat sintetis." if view.synthetic else "")
    )
