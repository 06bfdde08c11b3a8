"""The World page's export: every country and province on the one axis the page draws (scope
"view"), or every country value (scope "all")."""

from __future__ import annotations

from inklusi.export.view import Run, View, cited, of_query
from inklusi.pages.world import facts


def export(run: Run, s: dict, scope: str) -> View:
    """Every country as of the comparison year (its latest value up to it, with that value's
    year) and the provinces' latest values, on the one axis the World page draws."""
    if scope == "all":
        return of_query(run, "country_values", ("country", "year"))
    provinces = facts.world_provinces(run)
    frame = facts.one_axis_rows(run("country_values"), provinces, s["w_year"])
    return View(
        "country_values",
        {"w_year": s["w_year"]},
        frame,
        cited(frame),
        key=("place_type", "place"),
    )
