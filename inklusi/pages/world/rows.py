"""The World page's export: every country and province on the one axis the page draws (scope
"view"), or every country value (scope "all")."""

from __future__ import annotations

from inklusi.export.view import Run, View, cited, of_query
from inklusi.i18n import LANGS
from inklusi.pages.world import facts
from inklusi.store import reference
from inklusi.words.province_table import layout_name


def export(run: Run, s: dict, scope: str) -> View:
    """Every country as of the comparison year (its latest value up to it, with that value's
    year) and the provinces' latest values, on the one axis the World page draws."""
    if scope == "all":
        return of_query(run, "country_values", ("country", "year"))
    provinces = facts.world_provinces(run)
    values = run("country_values")
    frame = facts.one_axis_rows(values, provinces, s["w_year"])
    # the names beside the codes, in both languages: a country's from Babel, a province's as the page
    # names it (an undivided province on the 34-province layout says so)
    layout = int(provinces["layout"].dropna().iloc[0])
    for lang in LANGS:
        province_names = reference.province_names(lang)
        names = facts.names_of(values, lang) | {
            code: layout_name(province_names[code], code, layout, lang) for code in provinces["province"]
        }
        frame.insert(
            frame.columns.get_loc("place") + 1 + LANGS.index(lang), f"place_name_{lang}", frame["place"].map(names)
        )
    return View(
        "country_values",
        {"w_year": s["w_year"]},
        frame,
        cited(frame),
        key=("place_type", "place"),
    )
