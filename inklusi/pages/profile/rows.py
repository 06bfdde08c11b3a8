"""The province profile's export: the province's values of the indicator over every edition (scope
"view"), or every value of the province (scope "all")."""

from __future__ import annotations

from inklusi.export.view import VALUE_COLUMNS, VALUE_KEY, ExportError, Run, View, cited, named, of_query


def export(run: Run, s: dict, scope: str) -> View:
    if not s["province"]:
        raise ExportError("the province profile exports one province: choose a province first")
    if scope == "all":
        return of_query(run, "province_values", VALUE_KEY, province=s["province"])
    params = {"indicator": s["indicator"], "province": s["province"]}
    frame = run("indicator_series", **params).assign(indicator=s["indicator"], province=s["province"])
    edition = ["indicator", "province", "year", "layout", "via_parent"]
    frame = named(frame[[*edition, *VALUE_COLUMNS, "rank", "n_ranked", "percentile", "national"]])
    return View("indicator_series", params, frame, cited(frame), key=VALUE_KEY)
