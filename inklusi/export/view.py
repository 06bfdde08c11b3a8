"""The rows each page shows, ready to export: one builder per page, named in the page registry
(inklusi/registry.py). A builder takes run(name, **params) (a named query), the view's state
and the scope ("view": the rows the page shows; "all": its whole dataset), and declares the
view's key: the columns that name one row (the primary key of the data package export)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd

from inklusi import adoption, compare, targeting, world
from inklusi.errors import InklusiError
from inklusi.narrative import records_synthetic
from inklusi.statistics import inequality
from inklusi.statistics.metrics import rates_by
from inklusi.store import reference

SCOPES = ("view", "all")
SYNTHETIC_SOURCE = "inklusi_synthetic"
IMPORTED_SOURCE = "imported_records"
Run = Callable[..., pd.DataFrame]


class ExportError(InklusiError, ValueError):
    """An export could not be made as asked; the message says why, in plain words."""


@dataclass
class View:
    """The rows of one export and everything needed to cite and reproduce them."""

    query: str
    params: dict[str, Any]
    frame: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    derived: str | None = None
    synthetic: bool = False
    page: str = "query"
    scope: str = "view"
    filters: dict[str, Any] = field(default_factory=dict)
    key: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        parts = [self.page, self.scope, *(str(v) for v in self.filters.values() if v not in ("", None))]
        return "inklusi-" + "-".join(p.replace(" ", "_") for p in parts)


def cited(frame: pd.DataFrame) -> list[str]:
    """The sources the rows of a frame name."""
    return sorted(set(frame["source"].dropna())) if "source" in frame else []


def records_sources(synthetic: bool) -> list[str]:
    return [SYNTHETIC_SOURCE if synthetic else IMPORTED_SOURCE]


VALUE_KEY = ("indicator", "year", "province")  # the key of every row of published values


def of_query(run: Run, query: str, key: tuple[str, ...], **params) -> View:
    """The view of one query's rows, cited by the sources those rows name."""
    frame = run(query, **params)
    return View(query, params, frame, cited(frame), key=key)


def overview(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        return of_query(run, "indicator_values", VALUE_KEY, indicator=s["indicator"])
    params = {"indicator": s["indicator"], "year": s["year"]}
    frame = run("indicator_by_province", **params).assign(indicator=s["indicator"], year=s["year"])
    frame = frame[
        [
            "indicator",
            "year",
            "layout",
            "province",
            "nama",
            "name_en",
            "pulau",
            "zona_waktu",
            "value",
            "flag",
            "source",
            "note_id",
            "note_en",
            "rse",
            "reliability",
            "rank",
            "n_ranked",
            "national",
        ]
    ]
    return View("indicator_by_province", params, frame, cited(frame), key=VALUE_KEY)


def profile(run: Run, s: dict, scope: str) -> View:
    if not s["province"]:
        raise ExportError("the province profile exports one province: choose a province first")
    if scope == "all":
        return of_query(run, "province_values", VALUE_KEY, province=s["province"])
    params = {"indicator": s["indicator"], "province": s["province"]}
    frame = run("indicator_series", **params).assign(indicator=s["indicator"], province=s["province"])
    frame = frame[
        [
            "indicator",
            "province",
            "year",
            "layout",
            "via_parent",
            "value",
            "flag",
            "source",
            "note_id",
            "note_en",
            "rse",
            "reliability",
            "rank",
            "n_ranked",
            "percentile",
            "national",
        ]
    ]
    return View("indicator_series", params, frame, cited(frame), key=VALUE_KEY)


def compared(run: Run, s: dict, scope: str) -> View:
    """The chosen provinces' values over every edition, with the national value (the link's
    provinces as inklusi.compare.choose keeps them; a province's own values only)."""
    chosen = compare.choose(s["provinces"], s["province"]).kept
    if scope == "all":
        return of_query(run, "indicator_values", VALUE_KEY, indicator=s["indicator"])
    if not chosen:
        raise ExportError("the comparison exports chosen provinces: choose at least one province first")
    frame = compare.series(run, s["indicator"], chosen).assign(indicator=s["indicator"])
    frame = frame[["indicator", "province", "year", "layout", "value", "flag", "source", "reliability", "national"]]
    return View(
        "indicator_series",
        {"indicator": s["indicator"], "province": list(chosen)},
        frame,
        cited(frame),
        filters={"provinces": ",".join(chosen)},
        key=VALUE_KEY,
    )


def regional_gaps(run: Run, s: dict, scope: str) -> View:
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


def sectors(run: Run, s: dict, scope: str) -> View:
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


def priorities(run: Run, s: dict, scope: str) -> View:
    needs = list(targeting.NEEDS) if scope == "all" else [s["need"]]
    parts = []
    for need in needs:
        x_default, y_default = targeting.defaults(run, need, s["per"])
        own = scope == "view"
        x_cut = s["x_cut"] if own and s["x_cut"] != "" else x_default
        y_cut = s["y_cut"] if own and s["y_cut"] != "" else y_default
        table = targeting.priorities(targeting.table(run, need, s["per"]), x_cut, y_cut)
        parts.append(table.drop(columns="y").assign(need_threshold=x_cut, second_threshold=y_cut))
    coverage = targeting.is_coverage(s["per"])
    measures = [*needs, *([] if coverage else [s["per"]])]
    sources = {
        x
        for indicator, year in map(targeting.split_need, measures)
        for x in cited(run("indicator_by_province", indicator=indicator, year=year))
    }
    if coverage:
        denominator, year, _ = targeting.DENOMINATORS[s["per"]]
        sources |= set(cited(run("indicator_by_province", indicator=denominator, year=year)))
    synthetic = coverage and records_synthetic(run)
    return View(
        "indicator_by_province",
        {"need": needs, "per": s["per"]},
        pd.concat(parts, ignore_index=True),
        sorted(sources) + (records_sources(synthetic) if coverage else []),
        derived="inklusi.targeting.table and priorities: the need measure (x) against MSME adoption or "
        "mentoring coverage (y); priority = x below the need threshold and y below the second "
        "threshold",
        synthetic=synthetic,
        key=("need", "per", "province"),
    )


def source_list(run: Run, s: dict, scope: str) -> View:
    if scope == "all":
        return of_query(run, "all_values", VALUE_KEY)
    frame = run("source_catalogue")
    return View("source_catalogue", {}, frame, sorted(frame["id"]), key=("id",))


def data_dictionary(run: Run, s: dict, scope: str) -> View:
    return View("", {}, reference.read_csv("dictionary.csv"), key=("column",))


def skills_adoption(run: Run, s: dict, scope: str) -> View:
    """Each province compared: its skills (x) and adoption (y) values, the robust fit and residual."""
    skills_and_adoption = adoption.compare(run, s["skill"], s["adoption"])
    frame = skills_and_adoption.points.assign(skill_measure=s["skill"], adoption_measure=s["adoption"])
    sources = {
        x
        for m in (s["skill"], s["adoption"])
        for x in cited(run("indicator_by_province", indicator=adoption.split(m)[0], year=adoption.split(m)[1]))
    }
    return View(
        "indicator_by_province",
        {"skill": s["skill"], "adoption": s["adoption"]},
        frame[
            [
                "skill_measure",
                "adoption_measure",
                "province",
                "pulau",
                "x",
                "y",
                "unreliable",
                "fitted",
                "residual",
                "robust_z",
                "lags",
            ]
        ],
        sorted(sources),
        derived=f"inklusi.adoption.compare: Spearman rho {skills_and_adoption.rho:.4f} (95% CI "
        f"{skills_and_adoption.low:.4f} to {skills_and_adoption.high:.4f}, n = {skills_and_adoption.n}); "
        "Theil-Sen fit; lags = residual more than one robust SD (1.4826 x MAD) below the fit",
        key=("skill_measure", "adoption_measure", "province"),
    )


def world_standing(run: Run, s: dict, scope: str) -> View:
    """Every country as of the comparison year (its latest value up to it, with that value's
    year) and the provinces' latest values, on the one axis the World page draws."""
    if scope == "all":
        return of_query(run, "country_values", ("country", "year"))
    provinces = world_provinces(run)
    frame = world.one_axis_rows(run("country_values"), provinces, s["w_year"])
    return View(
        "country_values",
        {"w_year": s["w_year"]},
        frame,
        cited(frame),
        key=("place_type", "place"),
    )


def world_provinces(run: Run) -> pd.DataFrame:
    """The provinces' latest values of the series that shares the countries' definition."""
    editions = run("indicator_editions")
    mine = editions[(editions["indicator"] == world.PROVINCE_INDICATOR) & (editions["n_provinces"] > 0)]
    year = int(mine["year"].max())
    return run("indicator_by_province", indicator=world.PROVINCE_INDICATOR, year=year).assign(year=year)
