"""A value's change over its editions in words, by the verdict's rule (DESIGN.md, rules 1 and 16):
the change since the first edition, and, when the latest step runs the other way, the change since
that run of steps began ("up 2.0 since 2022, but down 5.9 since 2023"). A change that does not
show at the printed precision, or that lies within the margin of error its source states
(data/indicators.csv `margin_pct`: a change smaller than that share of the earlier value), is
"little changed"."""

from __future__ import annotations

from dataclasses import dataclass

from inklusi.i18n import number, t

UP, DOWN, LITTLE = "up", "down", "little"


def way(before: float, after: float, decimals: int, margin_pct: float | None = None) -> str:
    """Up, down or little changed between two values."""
    if round(after, decimals) == round(before, decimals):
        return LITTLE
    if margin_pct and abs(after - before) < margin_pct / 100 * abs(before):
        return LITTLE
    return UP if after > before else DOWN


@dataclass(frozen=True)
class Change:
    since: int
    year: int
    way: str  # up, down or little
    change: float  # last minus first
    within_margin: bool  # little changed because of the stated margin (not the printed precision)
    before: int | None = None  # where the latest run of steps began, when it runs the other way
    step: float | None = None  # last minus that edition's value


def of(series: list[tuple[int, float]], decimals: int, margin_pct: float | None = None) -> Change | None:
    """The change of (year, value) pairs in year order; None with fewer than two."""
    if len(series) < 2:
        return None
    (since, first), (year, last) = series[0], series[-1]
    overall = way(first, last, decimals, margin_pct)
    printed_same = way(first, last, decimals) == LITTLE
    within = overall == LITTLE and not printed_same
    if len(series) >= 3 and not printed_same:
        step = way(series[-2][1], last, decimals)
        if step not in (LITTLE, way(first, last, decimals)):  # the latest step runs the other way
            turn = len(series) - 2  # back to where the latest run of steps that way began
            while turn > 0 and way(series[turn - 1][1], series[turn][1], decimals) == step:
                turn -= 1
            before, then = series[turn]
            return Change(since, year, overall, last - first, within, before, last - then)
    return Change(since, year, overall, last - first, within)


def sentence(found: Change, lang: str, decimals: int, margin_pct: float | None = None) -> str:
    """The change in one sentence."""
    amount = number(abs(found.change), lang, decimals)
    if found.way == LITTLE and found.within_margin and found.before is not None:
        way_then = t(f"change.way_{UP if found.step > 0 else DOWN}", lang)
        step = number(abs(found.step), lang, decimals)
        return t("change.little_margin_but", lang, since=found.since, way=way_then, step=step, before=found.before)
    if found.way == LITTLE and found.within_margin:
        return t("change.little_margin", lang, since=found.since, margin=number(margin_pct, lang, 0))
    if found.way == LITTLE:
        return t("change.little", lang, since=found.since)
    if found.before is None:
        return t(f"change.{found.way}", lang, since=found.since, change=amount)
    step = number(abs(found.step), lang, decimals)
    return t(f"change.{found.way}_but", lang, since=found.since, change=amount, before=found.before, step=step)
