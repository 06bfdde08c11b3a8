"""The view a user would share, as plain data: every URL parameter, its options and default.

Used by the dashboard (inklusi/ui/state.py keeps it in the session and the URL) and by the
command line (`python -m inklusi export --from-url`), so that a link means the same view in
both. The fields every page may share are here; each page declares its own
(inklusi/pages/NAME/__init__.py). Each value must be one of the options the data offers;
anything else is refused.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from inklusi.i18n import DEFAULT, LANGS
from inklusi.site import provinces, registry
from inklusi.site.declare import Field, Free, Options, as_chart, as_int
from inklusi.store import catalogue, queries, reference

MAX_SHOWN = 40
_UNSAFE = re.compile(r"[^0-9A-Za-z .,;_-]")


def shown(raw: str) -> str:
    """A user-supplied value, shortened and stripped of anything markdown could act on."""
    text = _UNSAFE.sub("·", raw[:MAX_SHOWN])
    return text + ("…" if len(raw) > MAX_SHOWN else "")


def shared(options: Options) -> list[Field]:
    """The fields several pages read: the language, the indicator and its edition, a province, and
    a list of provinces (compare, World)."""
    years = options.catalogue.years
    return [
        Field("lang", lambda s: list(LANGS), lambda s: DEFAULT),
        Field("indicator", lambda s: options.catalogue.mappable, lambda s: "imdi"),
        Field("year", lambda s: years(s["indicator"]), lambda s: max(years(s["indicator"])), as_int),
        Field("province", lambda s: ["", *options.provinces], lambda s: ""),
        Field("provinces", lambda s: Free(), lambda s: "", provinces.as_text),
    ]


def fields(options: Options) -> list[Field]:
    """Every field of the app, in dependency order (the shared ones first, then each page's, then
    the embedded chart's key)."""
    return [
        *shared(options),
        *(field for page in registry.PAGES for field in page.declares(options)),
        Field("chart", lambda s: Free(), lambda s: "", as_chart),
    ]


def app_fields(con) -> list[Field]:
    """Every field, with its options read from a database connection (for use outside the app)."""
    return fields(Options(catalogue.Catalogue.load(con), list(reference.provinces()["kode"]), queries.runner(con)))


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
