"""The view a user would share, as plain data: every URL parameter, its options and default.

Used by the dashboard (inklusi/ui/state.py keeps it in the session and the URL) and by the
command line (`python -m inklusi export --from-url`), so that a link means the same view in
both. Each value must be one of the options the data offers; anything else is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from inklusi import adoption, compare, targeting
from inklusi.i18n import DEFAULT, LANGS

MAX_SHOWN = 40
KIOSK_SECONDS = (0, 10, 20, 30, 60)
_UNSAFE = re.compile(r"[^0-9A-Za-z .,;_-]")
# Fixed choices of the map views; the first of each is the default.
CHOICES = {
    "view": ("map", "tiles"),
    "classes": ("continuous", "quantiles", "natural"),
    "colour": ("level", "gap"),
    "group": ("pulau", "zona"),
    "show": ("lines", "panels"),
}


@dataclass(frozen=True)
class Field:
    """A URL parameter: its options given the state so far, its default among them, and
    how a URL string becomes a value."""

    name: str
    options: Callable[[dict], list]
    default: Callable[[dict], Any]
    parse: Callable[[str], Any] = str


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
    compare: inklusi/compare.py keeps what it can and says what it dropped; the embedded chart:
    a page without it says so)."""

    def __contains__(self, value: Any) -> bool:
        return isinstance(value, str)


def shown(raw: str) -> str:
    """A user-supplied value, shortened and stripped of anything markdown could act on."""
    text = _UNSAFE.sub("·", raw[:MAX_SHOWN])
    return text + ("…" if len(raw) > MAX_SHOWN else "")


def _as_int(raw: str) -> int:
    if not re.fullmatch(r"\d{1,4}", raw):
        raise ValueError(raw)
    return int(raw)


def _as_chart(raw: str) -> str:
    """The key of a chart (page.chart's key, e.g. overview.ranking), for an embedded chart."""
    if not re.fullmatch(r"[a-z_]{1,20}(\.[a-z_]{1,20}){0,2}", raw):
        raise ValueError(raw)
    return raw


def _as_number(raw: str) -> float:
    if not re.fullmatch(r"\d{1,6}(\.\d{1,6})?", raw):
        raise ValueError(raw)
    return float(raw)


def slide_count() -> int:
    from inklusi.story import (
        SLIDES,  # the story draws charts: imported only when a slide is asked for
    )

    return len(SLIDES)


def _earlier(catalogue, s: dict) -> list:
    return [y for y in catalogue.years(s["indicator"]) if y < s["year"]] or [""]


def fields(
    catalogue, provinces: list[str], mentoring: dict[str, list], needs: list[str], world: dict[str, list]
) -> list[Field]:
    """Every field of the app, in dependency order (year depends on indicator, start on year).

    mentoring: the options of the mentoring filters (years, sectors, areas, scales, genders);
    needs: the "indicator-year" options of the targeting page; world: the years and countries
    of the World page (world_options)."""
    return [
        Field("lang", lambda s: list(LANGS), lambda s: DEFAULT),
        Field("indicator", lambda s: catalogue.mappable, lambda s: "imdi"),
        Field(
            "year", lambda s: catalogue.years(s["indicator"]), lambda s: max(catalogue.years(s["indicator"])), _as_int
        ),
        Field("province", lambda s: [""] + provinces, lambda s: ""),
        Field("provinces", lambda s: Free(), lambda s: "", compare.as_text),
        Field("start", lambda s: _earlier(catalogue, s), lambda s: _earlier(catalogue, s)[0], _as_int),
        *(Field(name, lambda s, o=options: list(o), lambda s, o=options: o[0]) for name, options in CHOICES.items()),
        Field("m_year", lambda s: [""] + mentoring["years"], lambda s: "", _as_int),
        *(
            Field(name, lambda s, n=name: [""] + mentoring[n], lambda s: "")
            for name in ("sector", "area", "scale", "gender")
        ),
        Field("need", lambda s: needs, lambda s: needs[0]),
        Field("per", lambda s: list(targeting.PER), lambda s: targeting.PER[0]),
        Field("skill", lambda s: list(adoption.SKILLS), lambda s: adoption.SKILLS[0]),
        Field("adoption", lambda s: list(adoption.ADOPTION), lambda s: adoption.ADOPTION[0]),
        Field("x_cut", lambda s: Between(0, 100), lambda s: "", _as_number),
        Field("y_cut", lambda s: Between(0, 100_000), lambda s: "", _as_number),
        Field("w_year", lambda s: world["years"], lambda s: world["default_year"], _as_int),
        Field("countries", lambda s: Codes(tuple(world["countries"])), lambda s: ""),
        Field("slide", lambda s: list(range(1, slide_count() + 1)), lambda s: 1, _as_int),
        Field("pin", lambda s: [""] + provinces, lambda s: ""),
        Field("kiosk", lambda s: list(KIOSK_SECONDS), lambda s: 0, _as_int),
        Field("qr", lambda s: [0, 1], lambda s: 0, _as_int),
        Field("speaker", lambda s: [0, 1], lambda s: 0, _as_int),
        Field("chart", lambda s: Free(), lambda s: "", _as_chart),
    ]


def mentoring_options(cube, sector_order) -> dict[str, list]:
    """The values the mentoring filters offer (from a mentoring_cube result), in a stable order."""
    present = {column: set(cube[column]) for column in ("sector", "scale", "gender")}
    return {
        "years": sorted(int(y) for y in set(cube["year"])),
        "sector": [s for s in sector_order if s in present["sector"]],
        "area": sorted(set(cube["area"])),
        "scale": [s for s in ("mikro", "kecil", "menengah") if s in present["scale"]],
        "gender": [g for g in ("perempuan", "laki-laki") if g in present["gender"]],
    }


def world_options(values, province_years: list[int]) -> dict[str, list]:
    """The years and countries of the World page (from a country_values result); the default
    year is the provinces' latest (province_years), where the countries have values too."""
    years = sorted(int(y) for y in set(values["year"]))
    shared = [y for y in province_years if y in years]
    return {
        "years": years,
        "countries": sorted(set(values["country"])),
        "default_year": max(shared) if shared else max(years),
    }


def app_fields(con) -> list[Field]:
    """Every field, with its options read from a database connection (for use outside the app)."""
    from inklusi import world
    from inklusi.store import catalogue, queries, reference

    options = mentoring_options(queries.run(con, "mentoring_cube"), queries.run(con, "sector_catalogue")["id"])
    cat = catalogue.Catalogue.load(con)
    countries = world_options(queries.run(con, "country_values"), cat.years(world.PROVINCE_INDICATOR))
    return fields(cat, list(reference.provinces()["kode"]), options, list(targeting.NEEDS), countries)


def resolve(raw: Mapping[str, str], all_fields: list[Field]) -> tuple[dict, list[tuple[str, str, Any]]]:
    """The state a set of URL parameters asks for, and the values refused (field, given, used)."""
    state, notes = {}, []
    for field in all_fields:
        given = raw.get(field.name)
        value = accept(field, given, state)
        if value is None:
            value = field.default(state)
            if given is not None:
                notes.append((field.name, shown(given), value))
        state[field.name] = value
    return state, notes


def accept(field: Field, raw: str | None, state: dict) -> Any:
    if raw is None:
        return None
    try:
        value = field.parse(raw)
    except ValueError:
        return None
    return value if value in field.options(state) else None
