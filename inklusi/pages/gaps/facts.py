"""The one trend verdict: is the gap between provinces closing? The regional gaps page, its slide
and every claim of it read it from here.

A verdict reads every edition, not two endpoints (DESIGN.md, "Sentences are claims"):
sigma is the coefficient of variation of each edition, beta the slope of annual log growth on
log starting level for the whole span and for each step between editions. "Closing" or
"widening" only when sigma and beta agree and the latest step does not run the other way;
sigma and beta pointing apart, or the latest step turning, is "mixed" (with the way the latest
step goes), and so is a spread that moved while beta's interval includes zero; "unclear" is
left for a spread that did not move at the printed precision (one decimal of a percentage:
"little changed") and too few provinces. A closing or widening verdict that changes when the
first edition or the most influential province is left out is downgraded to "unclear", and the
check says which.

Every edition is read on the like set (inklusi.statistics.like): the provinces valued in every
edition, and across the 2022 split only those whose territory is the same in every edition (the
provinces of Papua and Papua Barat before and after the split are left out, never averaged).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from inklusi.statistics import inequality, like
from inklusi.store import queries

CLOSING, WIDENING, MIXED, UNCLEAR = "closing", "widening", "mixed", "unclear"
MIN_PROVINCES = 3


@dataclass(frozen=True)
class Step:
    start: int
    end: int
    cv_start: float
    cv_end: float
    beta: inequality.Beta | None  # None with fewer than MIN_PROVINCES provinces in both, or one starting level

    @property
    def sigma(self) -> str:
        return direction(self.cv_start, self.cv_end)

    @property
    def beta_way(self) -> str:
        return beta_way(self.beta)


@dataclass(frozen=True)
class Verdict:
    """The facts a trend sentence is built from, the same in both languages."""

    years: tuple[int, ...]
    layout: str  # "34" or "38" (every edition on it) or "matched" (provinces whose territory never changed)
    cv: dict[int, float]  # on the like set
    n: dict[int, int]  # provinces compared in each edition: the like set
    span: Step
    steps: tuple[Step, ...]
    word: str  # closing, widening, mixed or unclear
    recent: str  # the way the latest step goes: closing, widening or unclear
    dropped: tuple[str, ...]  # provinces left out of beta because a value is not above zero
    checks: dict[str, str] = field(default_factory=dict)  # "first_edition" / "province": the word without it
    influential: str | None = None  # the province whose leaving out was checked
    downgraded_from: str | None = None  # the word before a leave-one-out check changed it

    @property
    def sigma(self) -> str:
        return self.span.sigma

    @property
    def beta(self) -> str:
        return self.span.beta_way


def printed(cv: float) -> Decimal | None:
    """A coefficient of variation as a sentence prints it: a percentage to one decimal, half up."""
    if math.isnan(cv):
        return None
    return Decimal(repr(100 * cv)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def direction(before: float, after: float) -> str:
    """Which way a spread moved: closing when it fell, widening when it rose; unclear (little
    changed) when the two print alike."""
    if math.isnan(before) or math.isnan(after) or printed(before) == printed(after):
        return UNCLEAR
    return CLOSING if after < before else WIDENING


def beta_way(beta: inequality.Beta | None) -> str:
    """Closing when the slope's 95% interval lies below zero, widening when above, else unclear."""
    if beta is None or not np.isfinite(beta.high) or not np.isfinite(beta.low):
        return UNCLEAR
    return CLOSING if beta.high < 0 else WIDENING if beta.low > 0 else UNCLEAR


def judge(span: Step, last: Step) -> tuple[str, str]:
    """The verdict word and the way of the latest step, from the span and the latest step. A
    spread that did not move at the printed precision is unclear whatever beta says: no verdict
    where nothing moved."""
    sigma, beta = span.sigma, span.beta_way
    recent = last.sigma if last.sigma == last.beta_way or last.beta_way == UNCLEAR else UNCLEAR
    if sigma == UNCLEAR:
        return UNCLEAR, recent
    if beta == UNCLEAR:
        return MIXED, recent
    if sigma != beta:
        return MIXED, recent
    against = {CLOSING: WIDENING, WIDENING: CLOSING}[beta]
    if last.sigma == against or last.beta_way == against:
        return MIXED, recent
    return beta, recent


def _cv(frame: pd.DataFrame) -> float:
    values = frame["value"].dropna().to_numpy(float)
    # population standard deviation, as gaps.spread: the provinces are the whole population
    return float(values.std() / values.mean()) if len(values) >= MIN_PROVINCES else math.nan


def _valued(frame: pd.DataFrame) -> dict[str, float]:
    """province -> value of the provinces with a value."""
    return {p: v for p, v in zip(frame["province"], frame["value"].to_numpy(float), strict=True) if not math.isnan(v)}


def _step(editions: dict[int, pd.DataFrame], start: int, end: int) -> Step:
    first, last = _valued(editions[start]), _valued(editions[end])
    levels = [v for p, v in first.items() if p in last and v > 0 and last[p] > 0]
    # beta needs starting levels that differ on the log scale (values a rounding apart do not)
    usable = len(levels) >= MIN_PROVINCES and np.ptp(np.log(levels)) > 0
    beta = inequality.beta_convergence(editions[start], editions[end], end - start) if usable else None
    return Step(start, end, _cv(editions[start]), _cv(editions[end]), beta)


def influential(beta: inequality.Beta) -> str | None:
    """The province with the largest Cook's distance in a beta regression."""
    points = beta.points
    if len(points) <= MIN_PROVINCES:
        return None
    x = np.log(points["start"].to_numpy(float))
    y = points["growth"].to_numpy(float)
    design = np.column_stack([np.ones_like(x), x])
    hat = design @ np.linalg.pinv(design.T @ design) @ design.T
    leverage = np.diag(hat)
    residual = y - hat @ y
    s2 = residual @ residual / (len(x) - 2)
    if s2 <= 1e-12 * (1 + y @ y / len(y)):  # a perfect fit (up to rounding): no point stands out
        return None
    with np.errstate(divide="ignore", invalid="ignore"):  # a point of leverage 1 has no finite distance
        cook = residual**2 / (2 * s2) * leverage / (1 - leverage) ** 2
    cook = np.where(np.isfinite(cook), cook, -np.inf)
    return str(points["province"].iloc[int(np.argmax(cook))]) if np.isfinite(cook.max()) else None


def _plain(editions: dict[int, pd.DataFrame], years: list[int], layout: str) -> Verdict:
    cv = {y: _cv(editions[y]) for y in years}
    n = {y: int(editions[y]["value"].notna().sum()) for y in years}
    steps = tuple(_step(editions, a, b) for a, b in zip(years, years[1:], strict=False))
    span = _step(editions, years[0], years[-1])
    word, recent = judge(span, steps[-1])
    start, end = _valued(editions[years[0]]), _valued(editions[years[-1]])
    dropped = tuple(sorted(p for p, v in start.items() if p in end and min(v, end[p]) <= 0))
    return Verdict(tuple(years), layout, cv, n, span, steps, word, recent, dropped)


def verdict(editions: dict[int, pd.DataFrame], layouts: dict[int, int], changed: set[str]) -> Verdict | None:
    """The trend verdict of an indicator from every edition (year -> frame of province, value),
    their layouts (year -> 34 or 38) and the codes of the provinces the 2022 split changed, read on
    the like set (statistics.like): the provinces valued in every edition with the same territory.
    None with fewer than two editions."""
    years = sorted(editions)
    if len(years) < 2:
        return None
    layout = str(next(iter(layouts.values()))) if len(set(layouts.values())) == 1 else "matched"
    on_set = like.on(editions, like.provinces(editions, layouts, changed))
    found = _plain(on_set, years, layout)
    checks: dict[str, str] = {}
    if len(years) >= 3:
        later = {y: editions[y] for y in years[1:]}
        kept = like.provinces(later, {y: layouts[y] for y in years[1:]}, changed)
        checks["first_edition"] = _plain(like.on(later, kept), years[1:], layout).word
    province = influential(found.span.beta) if found.span.beta is not None else None
    if province is not None:
        without = {y: f[f["province"] != province] for y, f in on_set.items()}
        checks["province"] = _plain(without, years, layout).word
    downgraded = found.word if found.word in (CLOSING, WIDENING) and set(checks.values()) - {found.word} else None
    return Verdict(
        found.years,
        layout,
        found.cv,
        found.n,
        found.span,
        found.steps,
        UNCLEAR if downgraded else found.word,
        found.recent,
        found.dropped,
        checks,
        province,
        downgraded,
    )


def editions_of(run, indicator: str) -> tuple[dict[int, pd.DataFrame], dict[int, int]]:
    """Every edition of an indicator with provincial values (year -> its indicator_by_province
    rows) and the layout of each (year -> 34 or 38). run(name, **params) runs a named query."""
    editions = run("indicator_editions")
    years = sorted(
        int(y) for y in editions.loc[(editions["indicator"] == indicator) & (editions["n_provinces"] > 0), "year"]
    )
    frames = {y: run("indicator_by_province", indicator=indicator, year=y) for y in years}
    return frames, {y: int(f["layout"].dropna().iloc[0]) for y, f in frames.items()}


def of_indicator(run, indicator: str) -> Verdict | None:
    """The verdict of an indicator from every edition with provincial values in the data."""

    def compute() -> Verdict | None:
        frames, layouts = editions_of(run, indicator)
        return verdict({y: f[["province", "value"]] for y, f in frames.items()}, layouts, like.split_provinces())

    return queries.derived(run, ("verdict", indicator), compute)
