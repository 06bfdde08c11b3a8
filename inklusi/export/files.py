"""Take a view away: the rows a page shows (or its whole dataset), as CSV, Excel, Parquet, a
Frictionless Data Package (inklusi/export/datapackage.py) or a Stata file (inklusi/export/stata.py), with a
JSON sidecar that makes the file citable and reproducible.

The dashboard's download buttons and `python -m inklusi export` call the same functions, so
a copied link gives byte-identical data files in both. Data files carry no export time (that
goes in the sidecar), so the same view always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from inklusi import config
from inklusi.export import datapackage, formulas, metadata, safe_write, stata
from inklusi.export.view import SCOPES, ExportError, Run, View, cited, records_sources
from inklusi.i18n import LANGS
from inklusi.site import links, registry, viewstate
from inklusi.store import queries

FORMATS = ("csv", "csv_bom", "csv_id", "xlsx", "parquet", "datapackage", "dta")
EXTENSIONS = {
    "csv": "csv",
    "csv_bom": "csv",
    "csv_id": "csv",
    "xlsx": "xlsx",
    "parquet": "parquet",
    "datapackage": "zip",
    "dta": "dta",
}
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
    "zip": "application/zip",
    "dta": "application/x-stata-dta",
}


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
    """The metadata sheet of the Excel file (and the Parquet file's metadata): the view's
    description (inklusi/export/metadata.py) as key and value rows; no time of export."""
    meta = metadata.describe(view, lang)
    rows = [
        ("app", f"Inklusi {meta['app_version']}"),
        ("page", meta["page"]),
        ("scope", meta["scope"]),
        ("filters", json.dumps(meta["filters"], ensure_ascii=False)),
        ("query", meta["query"]["name"]),
        ("parameters", json.dumps(meta["query"]["parameters"], ensure_ascii=False)),
        ("rows", str(meta["row_count"])),
        ("synthetic", "yes" if meta["synthetic"] else "no"),
        ("rounding", meta["rounding"]),
        ("text_cells", meta["text_cells"]),
    ]
    if meta["derived"]:
        rows.append(("derived", meta["derived"]))
    rows += [(f"source {i + 1}", source["citation"]) for i, source in enumerate(meta["sources"])]
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
    if fmt == "datapackage":
        return datapackage.encode(view, encode(view, "csv"), lang)
    if fmt == "dta":
        return stata.encode(view, lang)
    raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def file_name(view: View, fmt: str) -> str:
    return f"{view.name}.{EXTENSIONS[fmt]}"


def sidecar(
    view: View, fmt: str, data: bytes, *, lang: str, url: str | None = None, when: datetime | None = None
) -> dict:
    """The JSON metadata of an export: the view's description (inklusi/export/metadata.py), when and from
    which link it was exported, the data file's hash and the suggested citation."""
    when = when or datetime.now(timezone.utc)
    return {
        **metadata.describe(view, lang),
        "exported_at": when.isoformat(timespec="seconds"),
        "url": url,
        "format": fmt,
        "file": {
            "name": file_name(view, fmt),
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "media_type": MEDIA_TYPES[EXTENSIONS[fmt]],
        },
        "citation": metadata.citation(view, lang, url, when),
    }


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def write(view: View, out: Path, fmt: str, *, lang: str, url: str | None = None, force: bool = False) -> dict:
    """Write a view's data file and its sidecar (OUT.json) together or not at all, as the command
    line and the notebook API do (inklusi/export/safe_write.py); returns the sidecar."""
    if lang not in LANGS:
        raise ExportError(f"unknown language {str(lang)[:40]!r}; use one of {', '.join(LANGS)}")
    if not out.name:
        raise ExportError(f"cannot write {str(out)!r}: it names a folder, not a file; give a path such as imdi.csv")
    data = encode(view, fmt, lang)
    meta = sidecar(view, fmt, data, lang=lang, url=url)
    safe_write.write_together(
        {out: data, sidecar_path(out): json.dumps(meta, indent=2, ensure_ascii=False).encode()}, force=force
    )
    return meta


def from_link(con, url: str, scope: str) -> View:
    """The export a copied link shows, refusing links whose values the dashboard would not accept."""
    page, raw = links.parse(url, config.allowed_hosts())
    state, refused = viewstate.resolve(links.clean_params(raw), viewstate.app_fields(con))
    if refused:
        listed = ", ".join(f"{name}={given}" for name, given, _ in refused)
        raise ExportError(f"the link has values the dashboard does not accept: {listed}")
    return build(queries.runner(con), page.name, state, scope)


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
