"""The rows each page shows, ready to export: one builder per page, named in the page registry
(inklusi/site/registry.py). A builder takes run(name, **params) (a named query), the view's state
and the scope ("view": the rows the page shows; "all": its whole dataset), and declares the
view's key: the columns that name one row (the primary key of the data package export)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd

from inklusi.errors import InklusiError
from inklusi.store import reference

SCOPES = ("view", "all")
SYNTHETIC_SOURCE = "inklusi_synthetic"
IMPORTED_SOURCE = "imported_records"
Run = Callable[..., pd.DataFrame]


class ExportError(InklusiError, ValueError):
    """An export could not be made as asked; the message says why, in plain words."""


@dataclass
class View:
    """The rows of one export and everything needed to cite and reproduce them."""

    query: str
    params: dict[str, Any]
    frame: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    derived: str | None = None
    synthetic: bool = False
    page: str = "query"
    scope: str = "view"
    filters: dict[str, Any] = field(default_factory=dict)
    key: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        parts = [self.page, self.scope, *(str(v) for v in self.filters.values() if v not in ("", None))]
        return "inklusi-" + "-".join(p.replace(" ", "_") for p in parts)


def named(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each province's names (nama, name_en, from data/provinces.csv) just after
    its code, as the whole-dataset exports have them: a reader needs no code list."""
    names = reference.provinces().set_index("kode")
    at = frame.columns.get_loc("province") + 1
    frame = frame.copy()
    frame.insert(at, "nama", frame["province"].map(names["nama"]))
    frame.insert(at + 1, "name_en", frame["province"].map(names["name_en"]))
    return frame


def cited(frame: pd.DataFrame) -> list[str]:
    """The sources the rows of a frame name."""
    return sorted(set(frame["source"].dropna())) if "source" in frame else []


def records_sources(synthetic: bool) -> list[str]:
    return [SYNTHETIC_SOURCE if synthetic else IMPORTED_SOURCE]


VALUE_KEY = ("indicator", "year", "province")  # the key of every row of published values
# A value's own columns, as every query of values returns them (queries/public/*.sql)
VALUE_COLUMNS = ("value", "flag", "source", "note_id", "note_en", "rse", "reliability")


def of_query(run: Run, query: str, key: tuple[str, ...], **params) -> View:
    """The view of one query's rows, cited by the sources those rows name."""
    frame = run(query, **params)
    return View(query, params, frame, cited(frame), key=key)
