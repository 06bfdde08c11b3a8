"""The sources page's export: the source catalogue (scope "view"), or every value (scope "all")."""

from __future__ import annotations

from inklusi.export.view import VALUE_KEY, Run, View, of_query


def export(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        return of_query(run, "all_values", VALUE_KEY)
    frame = run("source_catalogue")
    return View("source_catalogue", {}, frame, sorted(frame["id"]), key=("id",))
