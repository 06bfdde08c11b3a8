"""The province profile's summary sentence, from the province's series of an indicator."""

from __future__ import annotations

import pandas as pd

from inklusi.i18n import number, t
from inklusi.words.breaks import mark_list
from inklusi.words.narrative import value_words


def profile_summary(
    name: str,
    what: str,
    series: pd.DataFrame,
    *,
    lang: str,
    decimals: int,
    undivided: bool = False,
    crossed: pd.DataFrame | None = None,
) -> str:
    """One or two sentences on a province's latest value: against national, rank, and change.

    series: the indicator_series rows of the province (year, layout, value, flag, reliability,
    rse, via_parent, national, rank, n_ranked). An edition from before the province existed (its
    parent's value, via_parent) gives it no value, rank or change; undivided: the province is
    Papua or Papua Barat, whose 34-province values are the undivided province's, and a change
    across the split says so; crossed: the breaks (inklusi.store.breaks) of the indicator, of which the
    ones the change crosses are named."""
    valued = series[series["value"].notna() & ~series["via_parent"].astype(bool)]
    if valued.empty:
        return t("profile.summary_none", lang, name=name, what=what)
    last = valued.iloc[-1]
    parts = [
        t(
            "profile.summary_value",
            lang,
            name=name,
            what=what,
            year=int(last["year"]),
            value=value_words(last, lang, decimals),
            rank=int(last["rank"]),
            n=int(last["n_ranked"]),
        )
    ]
    if pd.notna(last["national"]):
        gap = last["value"] - last["national"]
        key = "profile.summary_above" if gap > 0 else "profile.summary_below" if gap < 0 else "profile.summary_equal"
        parts.append(
            t(
                key,
                lang,
                gap=number(abs(gap), lang, decimals),
                national=number(last["national"], lang, decimals, exact=True),
            )
        )
    if len(valued) > 1:
        first = valued.iloc[0]
        change = last["value"] - first["value"]
        key = "profile.summary_rose" if change > 0 else "profile.summary_fell" if change < 0 else "profile.summary_flat"
        parts.append(
            t(
                key,
                lang,
                since=int(first["year"]),
                change=number(abs(change), lang, decimals),
                rank_then=int(first["rank"]),
                n_then=int(first["n_ranked"]),
            )
        )
        if undivided and int(first["layout"]) != int(last["layout"]):
            parts.append(t("profile.summary_undivided", lang, name=name, since=int(first["year"])))
        if crossed is not None:
            steps = crossed[(crossed["year"] > first["year"]) & (crossed["year"] <= last["year"])]
            if len(steps):
                parts.append(t("profile.summary_breaks", lang, marks=mark_list(steps, lang)))
    return " ".join(parts)
