"""A view as a Frictionless Data Package (https://datapackage.org): one zip holding the rows as
CSV (the same bytes as the csv export), the provinces they refer to, and datapackage.json with
a Table Schema per file, the sources with their citation and terms, the licences and the query.
`frictionless validate FILE.zip` checks it.

The package is written from the view's description (inklusi/export/metadata.py), like the JSON sidecar.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile

import pandas as pd

from inklusi.export import metadata
from inklusi.export.view import View
from inklusi.i18n import t
from inklusi.store import reference

# The sources' terms (data/README.md, data/sources.csv) as Open Definition licence ids: no source
# gives an open licence; official, press and private-index figures are used with attribution,
# ITU's data come with their own non-commercial licence, the rest states no licence at all.
LICENCES = {
    "official": "other-at",
    "press": "other-at",
    "private-index": "other-at",
    "repository-copy": "notspecified",
    "itu": "CC-BY-NC-SA-3.0-IGO",  # ITU's own licence (non-commercial, share-alike), named by its SPDX id
    "derived": "other-at",  # computed from official figures, whose attribution terms apply
    "imported": "notspecified",
    "synthetic": "notspecified",
}
# The national values use the province code ID: the provinces resource has a row for it.
NATIONAL = {
    "kode": reference.NATIONAL,
    "iso": "ID",
    "nama_resmi": "Indonesia",
    "nama": "Indonesia",
    "name_en": "Indonesia",
    "kode_2012": reference.NATIONAL,
}
PROVINCES = "provinces"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # no clock time in the file: the same view gives the same bytes


def encode(view: View, csv: bytes, lang: str) -> bytes:
    """The zip of a view: csv is the view's csv export."""
    meta = metadata.describe(view, lang)
    name = slug(view.name)
    files = {f"{name}.csv": csv}
    data = resource(name, f"{name}.csv", csv, meta["columns"], meta["key"], lang)
    resources = [data]
    if "province" in view.frame.columns:
        table = provinces()
        files[f"{PROVINCES}.csv"] = table.to_csv(index=False, lineterminator="\n").encode("utf-8")
        resources.append(
            resource(
                PROVINCES, f"{PROVINCES}.csv", files[f"{PROVINCES}.csv"], metadata.columns(table, lang), ["kode"], lang
            )
        )
        data["schema"]["foreignKeys"] = [
            {"fields": ["province"], "reference": {"resource": PROVINCES, "fields": ["kode"]}}
        ]
    package = {
        "name": name,
        "title": view.name,
        "description": t("package.description", lang) + (" " + t("package.synthetic", lang) if view.synthetic else ""),
        "licenses": licences(meta["sources"], lang),
        "sources": [
            {
                "title": s["citation"],
                **({"path": s["published_at"]} if s.get("published_at") else {}),
                "terms": s["terms_text"],
            }
            for s in meta["sources"]
        ],
        "resources": resources,
        "inklusi": meta,
    }
    return zipped({"datapackage.json": json.dumps(package, indent=2, ensure_ascii=False).encode(), **files})


def resource(name: str, path: str, data: bytes, described: list[dict], key: list[str], lang: str) -> dict:
    schema = {"fields": [field(c, lang) for c in described], "missingValues": [""]}
    if key:
        schema["primaryKey"] = key
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": schema,
    }


def field(column: dict, lang: str) -> dict:
    """A Table Schema field from a described column; the unit is an extra property."""
    described = {"name": column["name"], "type": column["type"]}
    if "description" in column:
        described |= {
            "title": column["description"],
            "description": t("package.field", lang, unit=column["unit"], source=column["source"]),
            "unit": column["unit"],
        }
    if column["type"] == "boolean":  # as pandas writes them in the CSV
        described |= {"trueValues": ["True"], "falseValues": ["False"]}
    return described


def licences(sources: list[dict], lang: str) -> list[dict]:
    """One licence per kind of terms among the sources, titled as data/README.md states them."""
    terms = dict.fromkeys(s["terms"] for s in sources)
    return [{"name": LICENCES[term], "title": t(f"terms.{term}", lang)} for term in terms]


def provinces() -> pd.DataFrame:
    """data/provinces.csv with a row for the national values (province code ID)."""
    table = pd.concat([reference.provinces(), pd.DataFrame([NATIONAL])], ignore_index=True)
    return table.assign(tahun_dibentuk=pd.to_numeric(table["tahun_dibentuk"]).astype("Int16"))


def slug(name: str) -> str:
    """A name as Frictionless allows it: lower-case letters, digits, '-' and '.' (no '_')."""
    return re.sub(r"[^-a-z0-9.]+", "-", name.lower())


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, content)
    return buffer.getvalue()
