"""The regional gaps page's export: the measures of inequality of every edition of the indicator
(scope "view"), or its values (scope "all")."""

from __future__ import annotations

from inklusi.export.view import VALUE_KEY, Run, View, cited, of_query
from inklusi.statistics import inequality


def export(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        return of_query(run, "indicator_values", VALUE_KEY, indicator=s["indicator"])
    years = sorted(int(y) for y in run("indicator_values", indicator=s["indicator"])["year"].unique())
    frame = inequality.edition_measures(run, s["indicator"], years)
    sources = sorted({x for y in years for x in cited(run("indicator_by_province", indicator=s["indicator"], year=y))})
    return View(
        "indicator_by_province",
        {"indicator": s["indicator"], "year": years},
        frame,
        sources,
        derived="inklusi.statistics.inequality.measures of each edition: spread, Gini and Theil (PySAL "
        "inequality), Theil split by island group (pulau) and time zone (zona_waktu)",
        key=("indicator", "year"),
    )
