"""The overview's export: every province's value of the indicator and edition shown (scope "view"),
or every edition of the indicator (scope "all")."""

from __future__ import annotations

from inklusi.export.view import VALUE_COLUMNS, VALUE_KEY, Run, View, cited, of_query


def export(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        return of_query(run, "indicator_values", VALUE_KEY, indicator=s["indicator"])
    params = {"indicator": s["indicator"], "year": s["year"]}
    frame = run("indicator_by_province", **params).assign(indicator=s["indicator"], year=s["year"])
    places = ["indicator", "year", "layout", "province", "nama", "name_en", "pulau", "zona_waktu"]
    frame = frame[[*places, *VALUE_COLUMNS, "rank", "n_ranked", "national"]]
    return View("indicator_by_province", params, frame, cited(frame), key=VALUE_KEY)
