"""The comparison's export: the chosen provinces' values over every edition with the national
value (scope "view"), or every value of the indicator (scope "all")."""

from __future__ import annotations

from inklusi.export.view import VALUE_KEY, ExportError, Run, View, cited, named, of_query
from inklusi.pages.compare import facts
from inklusi.site import provinces


def export(run: Run, s: dict, scope: str) -> View:
    """The chosen provinces' values over every edition, with the national value (the link's
    provinces as inklusi.site.provinces.choose keeps them; a province's own values only)."""
    chosen = provinces.choose(s["provinces"], s["province"]).kept
    if scope == "all":
        return of_query(run, "indicator_values", VALUE_KEY, indicator=s["indicator"])
    if not chosen:
        raise ExportError("the comparison exports chosen provinces: choose at least one province first")
    frame = facts.series(run, s["indicator"], chosen).assign(indicator=s["indicator"])
    frame = named(
        frame[["indicator", "province", "year", "layout", "value", "flag", "source", "reliability", "national"]]
    )
    return View(
        "indicator_series",
        {"indicator": s["indicator"], "province": list(chosen)},
        frame,
        cited(frame),
        filters={"provinces": ",".join(chosen)},
        key=VALUE_KEY,
    )
