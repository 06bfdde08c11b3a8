"""The regional gaps page's export: the measures of inequality of every edition of the indicator on
all its provinces (subset "all", and "reliable_only" without the estimates BPS calls unreliable)
beside the series the verdict is read from (subset "verdict": each edition's CV on the like set of
provinces, and beta for the whole span and each step, with its 95 % interval), or the indicator's
values (scope "all")."""

from __future__ import annotations

import pandas as pd

from inklusi.export.view import VALUE_KEY, Run, View, cited, of_query
from inklusi.pages.gaps import facts
from inklusi.statistics import inequality

VERDICT = "verdict"


def verdict_rows(indicator: str, found: facts.Verdict | None) -> pd.DataFrame:
    """The verdict's series: one row an edition (its CV on the set, start = its year) and one a
    span or step (start the first edition of it, year its last) with beta."""
    if found is None:
        return pd.DataFrame()
    editions = [{"year": y, "start": y, "n": found.n[y], "cv": found.cv[y]} for y in found.years]
    spans = [found.span, *found.steps] if len(found.steps) > 1 else [found.span]
    betas = [
        {
            "year": s.end,
            "start": s.start,
            "n": s.beta.n,
            "beta": s.beta.slope,
            "beta_low": s.beta.low,
            "beta_high": s.beta.high,
        }
        for s in spans
        if s.beta is not None
    ]
    return pd.DataFrame([*editions, *betas]).assign(indicator=indicator, subset=VERDICT)


def export(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        return of_query(run, "indicator_values", VALUE_KEY, indicator=s["indicator"])
    years = sorted(int(y) for y in run("indicator_values", indicator=s["indicator"])["year"].unique())
    measured = inequality.edition_measures(run, s["indicator"], years)
    measured = measured.assign(start=measured["year"])
    frame = pd.concat([measured, verdict_rows(s["indicator"], facts.of_indicator(run, s["indicator"]))])
    first = ["indicator", "subset", "start", "year", "n"]
    frame = frame[[*first, *[c for c in frame.columns if c not in first]]].reset_index(drop=True)
    sources = sorted({x for y in years for x in cited(run("indicator_by_province", indicator=s["indicator"], year=y))})
    return View(
        "indicator_by_province",
        {"indicator": s["indicator"], "year": years},
        frame.astype({"start": int, "year": int, "n": int}),
        sources,
        derived="inklusi.statistics.inequality.measures of each edition: spread, Gini and Theil (PySAL "
        "inequality), Theil split by island group (pulau) and time zone (zona_waktu); "
        "inklusi.pages.gaps.facts.verdict: the CV of each edition on the provinces valued in every edition "
        "with the same territory, beta (OLS of annual log growth on log starting level) for the span and "
        "each step",
        key=("indicator", "subset", "start", "year"),
    )
