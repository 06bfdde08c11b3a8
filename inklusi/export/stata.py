"""A view as a Stata file (.dta, format 118: Stata 14 and later), labelled from the view's
description (inklusi/export/metadata.py).

Variable labels are the data dictionary's descriptions in the chosen language, cut to Stata's
80 characters; the coded text columns (island group, time zone, flag, trust level, reliability) are stored as
integers with value labels; true/false columns are 0/1 (Stata has no boolean); dates are Stata
dates. The view, its query, its sources with their citation and terms, and every column's whole
description with its unit and source are dataset notes (Stata's `notes` command lists them).
pandas writes no notes, so NotedWriter adds them as the characteristics `_dta[note0]` (how many)
and `_dta[note1]`... that Stata's `notes` keeps.
"""

from __future__ import annotations

import io
import json
import struct
from datetime import datetime

import pandas as pd
from pandas.io.stata import StataWriterUTF8

from inklusi.export import metadata
from inklusi.export.view import View
from inklusi.i18n import t
from inklusi.store import reference

LABEL = 80  # Stata's limit for a variable or data set label, in characters
NAME = 129  # bytes of a variable or characteristic name in a format-118 characteristic
FLAGS = ("published", "corrected", "national", "withheld", "derived")
TRUST = ("A", "B", "C")
RELIABILITY = ("reliable", "unreliable", "not_stated")
CODED = ("pulau", "zona_waktu", "flag", "trust", "reliability")
STAMP = datetime(2000, 1, 1)  # no clock time in the file: the same view gives the same bytes


class NotedWriter(StataWriterUTF8):
    """pandas' format-118 writer, with data set notes in the file's characteristics."""

    def __init__(self, *args, notes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self._notes = notes

    def _write_characteristics(self) -> None:
        self._update_map("characteristics")
        texts = [str(len(self._notes)), *self._notes]
        body = b"".join(self._characteristic("_dta", f"note{i}", text) for i, text in enumerate(texts))
        self._write_bytes(self._tag(body, "characteristics"))

    def _characteristic(self, variable: str, name: str, text: str) -> bytes:
        payload = variable.encode().ljust(NAME, b"\0") + name.encode().ljust(NAME, b"\0") + text.encode() + b"\0"
        return b"<ch>" + struct.pack(self._byteorder + "I", len(payload)) + payload + b"</ch>"


def encode(view: View, lang: str) -> bytes:
    meta = metadata.describe(view, lang)
    frame, value_labels = coded(view.frame)
    dates = {c["name"]: "td" if c["type"] == "date" else "tc" for c in meta["columns"] if "date" in c["type"]}
    buffer = io.BytesIO()
    NotedWriter(
        buffer,
        frame,
        notes=notes(meta, lang),
        convert_dates=dates,
        write_index=False,
        version=118,
        time_stamp=STAMP,
        data_label=cut(f"Inklusi: {view.name}"),
        variable_labels={c["name"]: cut(c["description"]) for c in meta["columns"] if "description" in c},
        value_labels=value_labels,
    ).write_file()
    return buffer.getvalue()


def codes(column: str) -> tuple[str, ...]:
    """The values of a coded column in their order (island groups and time zones west to east)."""
    if column in ("pulau", "zona_waktu"):
        return tuple(dict.fromkeys(reference.provinces()[column]))
    return {"flag": FLAGS, "trust": TRUST, "reliability": RELIABILITY}[column]


def coded(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, dict[int, str]]]:
    """The frame with each coded column as integers 1, 2, ... and the value labels that name them
    (a value not in the list gets the next number); other text columns as text, a missing text
    as "" (Stata has no missing text)."""
    frame = frame.copy()
    for column in frame.columns:
        if metadata.field_type(frame[column]) == "string":
            frame[column] = frame[column].astype("str").fillna("")
    labels = {}
    for column in [c for c in frame.columns if c in CODED]:
        known = codes(column)
        values = known + tuple(sorted(set(frame[column].dropna()) - set(known)))
        number = {value: i + 1 for i, value in enumerate(values)}
        frame[column] = frame[column].map(number).astype("Int16")
        labels[column] = {i: value for value, i in number.items()}
    return frame, labels


def notes(meta: dict, lang: str) -> list[str]:
    """The data set notes: the view, its query, each source, each column, and how values were written."""
    filters = json.dumps(meta["filters"], ensure_ascii=False)
    parameters = json.dumps(meta["query"]["parameters"], ensure_ascii=False)
    listed = [
        t("package.view", lang, version=meta["app_version"], name=meta["name"], scope=meta["scope"], filters=filters),
        t("package.query", lang, query=meta["query"]["name"] or "-", parameters=parameters)
        + (f" {meta['derived']}" if meta["derived"] else ""),
        *(f"{s['citation']} {s['terms_text']}." for s in meta["sources"]),
        *(
            f"{c['name']}: {c['description']} ({c['unit']}; {c['source']})"
            for c in meta["columns"]
            if "description" in c
        ),
        meta["rounding"],
    ]
    return listed + ([t("package.synthetic", lang)] if meta["synthetic"] else [])


def cut(text: str) -> str:
    """A label within Stata's 80 characters (the whole text is in the notes)."""
    return text if len(text) <= LABEL else text[: LABEL - 1] + "…"
