"""The sectors page's export: the mentoring records' rates by sector under the page's filters
(scope "view"), or every record (scope "all")."""

from __future__ import annotations

from inklusi.export.view import ExportError, Run, View, records_sources
from inklusi.statistics.metrics import rates_by


def export(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        frame = run("mentoring_records")
        synthetic = bool(frame["synthetic"].any())
        return View("mentoring_records", {}, frame, records_sources(synthetic), synthetic=synthetic, key=("id",))
    params = {
        "year": s["m_year"] or None,
        "sector": s["sector"] or None,
        "area": s["area"] or None,
        "scale": s["scale"] or None,
        "gender": s["gender"] or None,
    }
    cube = run("mentoring_cube", **params)
    if cube.empty:
        raise ExportError("no mentoring records match these filters: there is nothing to export")
    frame = rates_by(cube, "sector").rename(
        columns={
            "completion": "completion_rate",
            "online_before": "share_online_before",
            "online_after": "share_online_after",
        }
    )
    synthetic = bool(cube["synthetic"].any())
    return View(
        "mentoring_cube",
        {k: v for k, v in params.items() if v is not None},
        frame,
        records_sources(synthetic),
        derived="inklusi.statistics.metrics.rates_by(sector): completion, mean scores, mean gain with its 95% "
        "confidence interval (normal approximation) and online shares, from the summed records",
        synthetic=synthetic,
        key=("sector",),
    )
