"""Take a view away: the rows a page shows (or its whole dataset), as CSV, Excel or Parquet,
with a JSON sidecar that makes the file citable and reproducible.

The dashboard's download buttons and `python -m inklusi export` call the same functions, so
a copied link gives byte-identical data files in both. Data files carry no export time (that
goes in the sidecar), so the same view always gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from inklusi import (
    __version__,
    config,
    formulas,
    links,
    queries,
    reference,
    registry,
    views,
    viewstate,
)
from inklusi.views import (
    IMPORTED_SOURCE,
    SCOPES,
    SYNTHETIC_SOURCE,
    ExportError,
    Run,
    View,
    cited,
    records_sources,
)

FORMATS = ("csv", "csv_bom", "csv_id", "xlsx", "parquet")
EXTENSIONS = {"csv": "csv", "csv_bom": "csv", "csv_id": "csv", "xlsx": "xlsx", "parquet": "parquet"}
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
TEXT_CELLS = (
    "Text that begins with =, +, -, @, a tab or a carriage return is written as a text cell in Excel files "
    "and with a leading apostrophe in CSV files, so that no spreadsheet runs it as a formula (OWASP)."
)
ROUNDING = (
    "Values are exported exactly as stored: published figures with every published decimal, statistics "
    "computed by Inklusi at full double precision. The dashboard rounds computed statistics for display "
    "only; nothing is rounded in an export."
)


def build(run: Run, page: str, state: dict, scope: str = "view") -> View:
    """The export of a page in a state. run(name, **params) runs a named query."""
    if page not in registry.BY_NAME or registry.page(page).export is None:
        raise ExportError(f"the page {page!r} has nothing to export")
    if scope not in SCOPES:
        raise ExportError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
    declared = registry.page(page)
    view = declared.export(run, state, scope)
    return replace(view, page=page, scope=scope, filters={name: state[name] for name in declared.fields})


def _metadata_rows(view: View, lang: str) -> list[tuple[str, str]]:
    """The metadata sheet of the Excel file: everything of the sidecar that does not change
    between two exports of the same view (no time of export)."""
    rows = [
        ("app", f"Inklusi {__version__}"),
        ("page", view.page),
        ("scope", view.scope),
        ("filters", json.dumps(view.filters, ensure_ascii=False)),
        ("query", view.query),
        ("parameters", json.dumps(view.params, ensure_ascii=False)),
        ("rows", str(len(view.frame))),
        ("synthetic", "yes" if view.synthetic else "no"),
        ("rounding", ROUNDING),
        ("text_cells", TEXT_CELLS),
    ]
    if view.derived:
        rows.append(("derived", view.derived))
    rows += [(f"source {i + 1}", cite_source(source)) for i, source in enumerate(sources(view))]
    return rows


def encode(view: View, fmt: str, lang: str = "id") -> bytes:
    """The data file of a view in a format; the same view gives the same bytes."""
    frame = view.frame
    if fmt in ("csv", "csv_bom", "csv_id"):
        frame = formulas.inert(frame)
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if fmt == "csv_bom":
        return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
    if fmt == "csv_id":  # Excel in an Indonesian locale: semicolons and decimal commas
        return frame.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n").encode("utf-8-sig")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": formulas.XLSX_OPTIONS}) as writer:
            writer.book.set_properties({"created": datetime(2000, 1, 1)})  # no clock time in the file
            frame.to_excel(writer, sheet_name="data", index=False)
            pd.DataFrame(_metadata_rows(view, lang), columns=["key", "value"]).to_excel(
                writer, sheet_name="metadata", index=False
            )
        return buffer.getvalue()
    if fmt == "parquet":
        buffer = io.BytesIO()
        table = pa.Table.from_pandas(frame, preserve_index=False)
        meta = dict(table.schema.metadata or {})
        meta[b"inklusi"] = json.dumps(dict(_metadata_rows(view, lang)), ensure_ascii=False).encode()
        pq.write_table(table.replace_schema_metadata(meta), buffer)
        return buffer.getvalue()
    raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def file_name(view: View, fmt: str) -> str:
    return f"{view.name}.{EXTENSIONS[fmt]}"


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


def sidecar(
    view: View, fmt: str, data: bytes, *, lang: str, url: str | None = None, when: datetime | None = None
) -> dict:
    """The JSON metadata of an export: what, from where, how, when, and the data file's hash."""
    when = when or datetime.now(timezone.utc)
    query = queries.get(view.query) if view.query else None
    columns = views.dictionary().set_index("column")
    return {
        "app": "Inklusi",
        "app_version": __version__,
        "exported_at": when.isoformat(timespec="seconds"),
        "page": view.page,
        "scope": view.scope,
        "filters": view.filters,
        "language": lang,
        "url": url,
        "query": {"name": view.query, "parameters": view.params, "sql": query.sql if query else None},
        "derived": view.derived,
        "format": fmt,
        "file": {
            "name": file_name(view, fmt),
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "media_type": MEDIA_TYPES[EXTENSIONS[fmt]],
        },
        "row_count": len(view.frame),
        "columns": [
            {
                "name": c,
                **(
                    {k: columns.loc[c, k] for k in ("unit_en", "description_en", "source")}
                    if c in columns.index
                    else {}
                ),
            }
            for c in view.frame.columns
        ],
        "sources": [{**s, "citation": cite_source(s)} for s in sources(view)],
        "synthetic": view.synthetic,
        "rounding": ROUNDING,
        "text_cells": TEXT_CELLS,
        "citation": citation(view, lang, url, when),
    }


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def from_link(con, url: str, scope: str) -> View:
    """The export a copied link shows, refusing links whose values the dashboard would not accept."""
    page, raw = links.parse(url, config.allowed_hosts())
    state, refused = viewstate.resolve(links.clean_params(raw), viewstate.app_fields(con))
    if refused:
        listed = ", ".join(f"{name}={given}" for name, given, _ in refused)
        raise ExportError(f"the link has values the dashboard does not accept: {listed}")
    return build(lambda name, **params: queries.run(con, name, params), page.name, state, scope)


def query_view(con, name: str, params: dict[str, str]) -> View:
    """An export of one named query with its parameters (the command line's --query)."""
    query = queries.get(name)
    frame = queries.run(con, name, params)
    bound = {k: v for k, v in query.bind(params).items() if v is not None}
    synthetic = bool(frame["synthetic"].any()) if "synthetic" in frame else False
    return View(
        name,
        bound,
        frame,
        cited(frame) + (records_sources(True) if synthetic else []),
        synthetic=synthetic,
        filters=dict(bound),
    )
