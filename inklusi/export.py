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
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from inklusi import __version__, formulas, gaps, queries, reference, targeting, viewstate
from inklusi.metrics import rates_by
from inklusi.narrative import records_synthetic

FORMATS = ("csv", "csv_bom", "csv_id", "xlsx", "parquet")
EXTENSIONS = {"csv": "csv", "csv_bom": "csv", "csv_id": "csv", "xlsx": "xlsx", "parquet": "parquet"}
MEDIA_TYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "parquet": "application/vnd.apache.parquet"}
SCOPES = ("view", "all")
TEXT_CELLS = ("Text that begins with =, +, -, @, a tab or a carriage return is written as a text cell in Excel files "
              "and with a leading apostrophe in CSV files, so that no spreadsheet runs it as a formula (OWASP).")
ROUNDING = ("Values are exported exactly as stored: published figures with every published decimal, statistics "
            "computed by Inklusi at full double precision. The dashboard rounds computed statistics for display "
            "only; nothing is rounded in an export.")
SYNTHETIC_SOURCE = "inklusi_synthetic"
IMPORTED_SOURCE = "imported_records"
Run = Callable[..., pd.DataFrame]


class ExportError(ValueError):
    """An export could not be made as asked; the message says why, in plain words."""


@dataclass
class View:
    """The rows of one export and everything needed to cite and reproduce them."""

    page: str
    scope: str
    query: str
    params: dict[str, Any]
    frame: pd.DataFrame
    filters: dict[str, Any]
    sources: list[str] = field(default_factory=list)
    derived: str | None = None
    synthetic: bool = False

    @property
    def name(self) -> str:
        parts = [self.page, self.scope, *(str(v) for v in self.filters.values() if v not in ("", None))]
        return "inklusi-" + "-".join(p.replace(" ", "_") for p in parts)


def _filters(page: str, state: dict) -> dict:
    return {name: state[name] for name in viewstate.PAGE_FIELDS[page]}


def _records(synthetic: bool) -> list[str]:
    return [SYNTHETIC_SOURCE if synthetic else IMPORTED_SOURCE]


def _sources(frame: pd.DataFrame) -> list[str]:
    return sorted(set(frame["source"].dropna())) if "source" in frame else []


def build(run: Run, page: str, state: dict, scope: str = "view") -> View:
    """The export of a page in a state. run(name, **params) runs a named query."""
    if page not in BUILDERS:
        raise ExportError(f"the page {page!r} has nothing to export")
    if scope not in SCOPES:
        raise ExportError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
    return BUILDERS[page](run, state, scope)


def _view(page: str, s: dict, scope: str, query: str, params: dict, frame: pd.DataFrame) -> View:
    """The view of one query's rows, cited by the sources those rows name."""
    return View(page, scope, query, params, frame, _filters(page, s), _sources(frame))


def _overview(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        params = {"indicator": s["indicator"]}
        frame = run("indicator_values", **params)
        return _view("overview", s, scope, "indicator_values", params, frame)
    params = {"indicator": s["indicator"], "year": s["year"]}
    frame = run("indicator_by_province", **params).assign(indicator=s["indicator"], year=s["year"])
    frame = frame[["indicator", "year", "layout", "province", "nama", "name_en", "pulau", "zona_waktu", "value",
                   "flag", "source", "note_id", "note_en", "rank", "n_ranked", "national"]]
    return _view("overview", s, scope, "indicator_by_province", params, frame)


def _profile(run: Run, s: dict, scope: str) -> View:
    if not s["province"]:
        raise ExportError("the province profile exports one province: choose a province first")
    if scope == "all":
        params = {"province": s["province"]}
        frame = run("province_values", **params)
        return _view("profile", s, scope, "province_values", params, frame)
    params = {"indicator": s["indicator"], "province": s["province"]}
    frame = run("indicator_series", **params).assign(indicator=s["indicator"], province=s["province"])
    frame = frame[["indicator", "province", "year", "layout", "via_parent", "value", "flag", "source", "note_id",
                   "note_en", "rank", "n_ranked", "percentile", "national"]]
    return _view("profile", s, scope, "indicator_series", params, frame)


def _gaps(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        return _view("gaps", s, scope, "indicator_values", {"indicator": s["indicator"]},
                     run("indicator_values", indicator=s["indicator"]))
    years = sorted(int(y) for y in run("indicator_values", indicator=s["indicator"])["year"].unique())
    frame = gaps.edition_measures(run, s["indicator"], years)
    sources = sorted({x for y in years for x in _sources(run("indicator_by_province", indicator=s["indicator"],
                                                                year=y))})
    return View("gaps", scope, "indicator_by_province", {"indicator": s["indicator"], "year": years}, frame,
                _filters("gaps", s), sources,
                derived="inklusi.gaps.measures of each edition: spread, Gini and Theil (PySAL inequality), Theil "
                        "split by island group (pulau) and time zone (zona_waktu)")


def _sectors(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        frame = run("mentoring_records")
        synthetic = bool(frame["synthetic"].any())
        return View("sectors", scope, "mentoring_records", {}, frame, _filters("sectors", s), _records(synthetic),
                    synthetic=synthetic)
    params = {"year": s["m_year"] or None, "sector": s["sector"] or None, "area": s["area"] or None,
              "scale": s["scale"] or None, "gender": s["gender"] or None}
    cube = run("mentoring_cube", **params)
    if cube.empty:
        raise ExportError("no mentoring records match these filters: there is nothing to export")
    frame = rates_by(cube, "sector").rename(columns={
        "completion": "completion_rate", "online_before": "share_online_before", "online_after": "share_online_after"})
    return View("sectors", scope, "mentoring_cube", {k: v for k, v in params.items() if v is not None}, frame,
                _filters("sectors", s), _records(bool(cube["synthetic"].any())),
                derived="inklusi.metrics.rates_by(sector): completion, mean scores, mean gain with its 95% "
                        "confidence interval (normal approximation) and online shares, from the summed records",
                synthetic=bool(cube["synthetic"].any()))


def _targeting(run: Run, s: dict, scope: str) -> View:
    needs = list(targeting.NEEDS) if scope == "all" else [s["need"]]
    parts = []
    for need in needs:
        x_default, y_default = targeting.defaults(run, need, s["per"])
        own = scope == "view"
        x_cut = s["x_cut"] if own and s["x_cut"] != "" else x_default
        y_cut = s["y_cut"] if own and s["y_cut"] != "" else y_default
        parts.append(targeting.priorities(targeting.table(run, need, s["per"]), x_cut, y_cut)
                     .assign(skill_threshold=x_cut, coverage_threshold=y_cut))
    frame = pd.concat(parts, ignore_index=True)
    synthetic = records_synthetic(run)
    sources = [_sources(run("indicator_by_province", indicator=indicator, year=year))
               for indicator, year in map(targeting.split_need, needs)]
    per_source = "qris_umk_2024"
    return View("targeting", scope, "indicator_by_province", {"need": needs, "per": s["per"]}, frame,
                _filters("targeting", s), sorted({x for group in sources for x in group} | {per_source}) +
                _records(synthetic),
                derived="inklusi.targeting.table and priorities: skill (x) against participants per denominator "
                        "unit (y); priority = skill below the skill threshold and coverage below the coverage "
                        "threshold", synthetic=synthetic)


def _sources_page(run: Run, s: dict, scope: str) -> View:
    name = "all_values" if scope == "all" else "source_catalogue"
    frame = run(name)
    return View("sources", scope, name, {}, frame, _filters("sources", s),
                _sources(frame) if scope == "all" else sorted(frame["id"]))


def _dictionary(run: Run, s: dict, scope: str) -> View:
    return View("dictionary", scope, "", {}, dictionary(), _filters("dictionary", s), [])


BUILDERS: dict[str, Callable[[Run, dict, str], View]] = {
    "overview": _overview, "profile": _profile, "gaps": _gaps, "sectors": _sectors, "targeting": _targeting,
    "sources": _sources_page, "dictionary": _dictionary,
}


def dictionary() -> pd.DataFrame:
    """Every column an export can contain: what it is, its unit and where it comes from."""
    return reference.read_csv("dictionary.csv")


def _metadata_rows(view: View, lang: str) -> list[tuple[str, str]]:
    """The metadata sheet of the Excel file: everything of the sidecar that does not change
    between two exports of the same view (no time of export)."""
    rows = [("app", f"Inklusi {__version__}"), ("page", view.page), ("scope", view.scope),
            ("filters", json.dumps(view.filters, ensure_ascii=False)), ("query", view.query),
            ("parameters", json.dumps(view.params, ensure_ascii=False)), ("rows", str(len(view.frame))),
            ("synthetic", "yes" if view.synthetic else "no"), ("rounding", ROUNDING), ("text_cells", TEXT_CELLS)]
    if view.derived:
        rows.append(("derived", view.derived))
    rows += [(f"source {i + 1}", cite_source(source, lang)) for i, source in enumerate(sources(view))]
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
                writer, sheet_name="metadata", index=False)
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


def sources(view: View) -> list[dict]:
    catalogue = _catalogue()
    listed = []
    for source in view.sources:
        if source == SYNTHETIC_SOURCE:
            listed.append({"id": source, "publisher": "Inklusi", "title": "Synthetic MSME mentoring records "
                           "calibrated on the published totals (26,000 MSMEs in 2021, 30,000 in 2022)",
                           "terms": "synthetic", "trust": "synthetic"})
        elif source == IMPORTED_SOURCE:
            listed.append({"id": source, "publisher": "the user of this session",
                           "title": "Mentoring records imported from a file", "terms": "imported", "trust": "imported"})
        elif source in catalogue.index:
            listed.append({"id": source, **catalogue.loc[source].to_dict()})
    return listed


def cite_source(source: dict, lang: str) -> str:
    where = f" {source['published_at']}" if source.get("published_at") else ""
    return f"{source['publisher']} ({source.get('year', '')}). {source['title']}.{where}".replace(" ().", ".")


def citation(view: View, lang: str, url: str | None, when: datetime) -> str:
    publishers = "; ".join(dict.fromkeys(s["publisher"] for s in sources(view)))
    day = when.strftime("%Y-%m-%d")
    link = f" {url}" if url else ""
    if lang == "en":
        return (f"Inklusi ({when.year}). {view.name} [data set], exported {day}{link}. "
                f"Data: {publishers or 'Inklusi'}." + (" Mentoring records are synthetic." if view.synthetic else ""))
    return (f"Inklusi ({when.year}). {view.name} [himpunan data], diekspor {day}{link}. "
            f"Data: {publishers or 'Inklusi'}." + (" Catatan pendampingan bersifat sintetis." if view.synthetic else ""))


def sidecar(view: View, fmt: str, data: bytes, *, lang: str, url: str | None = None,
            when: datetime | None = None) -> dict:
    """The JSON metadata of an export: what, from where, how, when, and the data file's hash."""
    when = when or datetime.now(timezone.utc)
    query = queries.get(view.query) if view.query else None
    columns = dictionary().set_index("column")
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
        "file": {"name": file_name(view, fmt), "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                 "media_type": MEDIA_TYPES[EXTENSIONS[fmt]]},
        "row_count": len(view.frame),
        "columns": [{"name": c, **({k: columns.loc[c, k] for k in ("unit_en", "description_en", "source")}
                                   if c in columns.index else {})} for c in view.frame.columns],
        "sources": [{**s, "citation": cite_source(s, lang)} for s in sources(view)],
        "synthetic": view.synthetic,
        "rounding": ROUNDING,
        "text_cells": TEXT_CELLS,
        "citation": citation(view, lang, url, when),
    }


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def parse_link(url: str, hosts: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """The page and URL parameters of a copied dashboard link (only links to the given hosts)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ExportError("this is not a dashboard link: it needs to start with http:// or https://")
    if parts.hostname not in hosts:
        raise ExportError(f"the link points to {parts.hostname}, not to this dashboard "
                          f"(allowed hosts: {', '.join(hosts)}; see INKLUSI_HOSTS)")
    page = parts.path.rstrip("/").rsplit("/", 1)[-1] or "overview"
    if page not in BUILDERS:
        raise ExportError(f"the link's page {page[:40]!r} is not a page of this dashboard")
    return page, dict(parse_qsl(parts.query, keep_blank_values=True))


def from_link(con, url: str, hosts: tuple[str, ...], scope: str) -> View:
    """The export a copied link shows, refusing links whose values the dashboard would not accept."""
    page, raw = parse_link(url, hosts)
    state, refused = viewstate.resolve(raw, viewstate.app_fields(con))
    if refused:
        listed = ", ".join(f"{name}={given}" for name, given, _ in refused)
        raise ExportError(f"the link has values the dashboard does not accept: {listed}")
    return build(lambda name, **params: queries.run(con, name, params), page, state, scope)


def query_view(con, name: str, params: dict[str, str]) -> View:
    """An export of one named query with its parameters (the command line's --query)."""
    query = queries.get(name)
    frame = queries.run(con, name, params)
    bound = {k: v for k, v in query.bind(params).items() if v is not None}
    synthetic = bool(frame["synthetic"].any()) if "synthetic" in frame else False
    return View("query", "view", name, bound, frame, dict(bound),
                _sources(frame) + (_records(True) if synthetic else []), synthetic=synthetic)


DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1")


def allowed_hosts() -> tuple[str, ...]:
    value = os.environ.get("INKLUSI_HOSTS", "")
    return tuple(h.strip() for h in value.split(",") if h.strip()) or DEFAULT_HOSTS
