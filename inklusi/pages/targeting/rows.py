"""The targeting page's export: every province's need and second measure with the thresholds and
whether it is a priority, for the need shown (scope "view") or every need (scope "all")."""

from __future__ import annotations

import pandas as pd

from inklusi.export.view import Run, View, cited, records_sources
from inklusi.pages.targeting import facts
from inklusi.store.measures import NEEDS, split
from inklusi.words.narrative import records_synthetic


def export(run: Run, s: dict, scope: str) -> View:
    needs = list(NEEDS) if scope == "all" else [s["need"]]
    parts = []
    for need in needs:
        x_default, y_default = facts.defaults(run, need, s["per"])
        own = scope == "view"
        x_cut = s["x_cut"] if own and s["x_cut"] != "" else x_default
        y_cut = s["y_cut"] if own and s["y_cut"] != "" else y_default
        table = facts.priorities(facts.table(run, need, s["per"]), x_cut, y_cut)
        parts.append(table.drop(columns="y").assign(need_threshold=x_cut, second_threshold=y_cut))
    coverage = facts.is_coverage(s["per"])
    measures = [*needs, *([] if coverage else [s["per"]])]
    sources = {
        x
        for indicator, year in map(split, measures)
        for x in cited(run("indicator_by_province", indicator=indicator, year=year))
    }
    if coverage:
        denominator, year, _ = facts.DENOMINATORS[s["per"]]
        sources |= set(cited(run("indicator_by_province", indicator=denominator, year=year)))
    synthetic = coverage and records_synthetic(run)
    return View(
        "indicator_by_province",
        {"need": needs, "per": s["per"]},
        pd.concat(parts, ignore_index=True),
        sorted(sources) + (records_sources(synthetic) if coverage else []),
        derived="inklusi.pages.targeting.facts.table and priorities: the need measure (x) against MSME adoption or "
        "mentoring coverage (y); priority = x below the need threshold and y below the second "
        "threshold",
        synthetic=synthetic,
        key=("need", "per", "province"),
    )
