"""What a page declares of itself (inklusi/pages/NAME/__init__.py): its Page (name, icon, the
fields its link holds, its export rows) and each Field of the link it owns, with the kinds of
options a field can have. Which pages exist and in what order is the registry's business
(inklusi/site/registry.py); turning a link into a state is viewstate's (inklusi/site/viewstate.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd

from inklusi.export.view import Run, View
from inklusi.store.catalogue import Catalogue


@dataclass(frozen=True)
class Options:
    """What the options of the fields are read from: the indicator catalogue, the provinces'
    codes, and run(name, **params), a named query on the data being shown."""

    catalogue: Catalogue
    provinces: list[str]
    run: Callable[..., pd.DataFrame]


@dataclass(frozen=True)
class Field:
    """A URL parameter: its options given the state so far, its default among them, and
    how a URL string becomes a value."""

    name: str
    options: Callable[[dict], Any]
    default: Callable[[dict], Any]
    parse: Callable[[str], Any] = str


@dataclass(frozen=True)
class Page:
    """A page: its name (its URL path, its package inklusi/pages/PACKAGE and the key of its title,
    nav.NAME), its icon, the fields its link holds besides the language (in the link's order), its
    export (rows(run, state, scope) -> View, or None), and the fields it owns, from the data
    (declares(options) -> [Field]; the shared ones are viewstate's)."""

    name: str
    icon: str
    fields: tuple[str, ...] = ()
    export: Callable[[Run, dict, str], View] | None = None
    declares: Callable[[Options], list[Field]] = lambda options: []
    package: str = ""

    @property
    def url_fields(self) -> tuple[str, ...]:
        """Every field its link holds: the language first, the embedded chart last."""
        return ("lang", *self.fields, "chart")

    @property
    def module(self) -> str:
        """The module that draws it (render())."""
        return f"inklusi.pages.{self.package or self.name}.page"


def choice(name: str, options: tuple) -> Field:
    """A field among fixed options, the first of them its default."""
    return Field(name, lambda s: list(options), lambda s: options[0])


@dataclass(frozen=True)
class Between:
    """Options that are a closed range of numbers, or "" for 'the data's own default'."""

    low: float
    high: float

    def __contains__(self, value: Any) -> bool:
        return value == "" or (isinstance(value, (int, float)) and self.low <= value <= self.high)


@dataclass(frozen=True)
class Codes:
    """Options that are comma-separated lists of known codes (each once), or "" for none."""

    known: tuple[str, ...]

    def __contains__(self, value: Any) -> bool:
        if value == "":
            return True
        parts = value.split(",") if isinstance(value, str) else []
        return bool(parts) and len(set(parts)) == len(parts) and all(p in self.known for p in parts)


class Free:
    """Options of a free list, checked item by item by the page that reads it (the provinces to
    compare: inklusi/site/provinces.py keeps what it can and says what it dropped; the embedded
    chart: a page without it says so)."""

    def __contains__(self, value: Any) -> bool:
        return isinstance(value, str)


def as_int(raw: str) -> int:
    if not re.fullmatch(r"\d{1,4}", raw):
        raise ValueError(raw)
    return int(raw)


def as_chart(raw: str) -> str:
    """The key of a chart (furniture.chart's key, e.g. overview.ranking), for an embedded chart."""
    if not re.fullmatch(r"[a-z_]{1,20}(\.[a-z_]{1,20}){0,2}", raw):
        raise ValueError(raw)
    return raw


def as_number(raw: str) -> float:
    if not re.fullmatch(r"\d{1,6}(\.\d{1,6})?", raw):
        raise ValueError(raw)
    return float(raw)
