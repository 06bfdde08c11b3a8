"""The province profile's summary sentence, from the province's series of an indicator."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from inklusi.i18n import number, t
from inklusi.words import breaks as break_words
from inklusi.words import change, values


def profile_summary(
    name: str,
    what: str,
    series: pd.DataFrame,
    *,
    lang: str,
    decimals: int,
    undivided: bool = False,
    crossed: pd.DataFrame | None = None,
    margin_pct: float | None = None,
) -> list[str]:
    """A province's latest value in short sentences: its value and rank, against national, and its
    change over the editions by the verdict's rule (words.change).

    series: the indicator_series rows of the province (year, layout, value, flag, reliability,
    rse, via_parent, national, rank, n_ranked). An edition from before the province existed (its
    parent's value, via_parent) gives it no value, rank or change; undivided: the province is
    Papua or Papua Barat, whose 34-province values are the undivided province's (named so) and a
    change across the split says so; crossed: the breaks (inklusi.store.breaks) of the indicator, of
    which the ones the change crosses are named; margin_pct: the source's margin of error. what:
    the indicator's name, which says "derived" for a derived one (so its value does not again)."""
    valued = series[series["value"].notna() & ~series["via_parent"].astype(bool)]
    if valued.empty:
        return [t("profile.summary_none", lang, name=name, what=what)]
    last = valued.iloc[-1]
    if undivided and int(last["layout"]) == 34:
        name = t("layout.old_name", lang, name=name)
    said = [
        t(
            "profile.summary_value",
            lang,
            name=name,
            what=what,
            year=int(last["year"]),
            value=values.in_words(last["value"], lang, decimals, replace(values.Marks.of(last), derived=False)),
        ),
        t("profile.summary_rank", lang, rank=int(last["rank"]), n=int(last["n_ranked"])),
    ]
    if pd.notna(last["national"]):
        gap = last["value"] - last["national"]
        key = "profile.summary_above" if gap > 0 else "profile.summary_below" if gap < 0 else "profile.summary_equal"
        said.append(
            t(key, lang, gap=number(abs(gap), lang, decimals), national=values.label(last["national"], lang, decimals))
        )
    found = change.of(list(zip(valued["year"].astype(int), valued["value"], strict=True)), decimals, margin_pct)
    if found is not None:
        first = valued.iloc[0]
        said.append(change.sentence(found, lang, decimals, margin_pct))
        said.append(
            t("profile.summary_then", lang, since=found.since, rank=int(first["rank"]), n=int(first["n_ranked"]))
        )
        if undivided and int(first["layout"]) != int(last["layout"]):
            said.append(t("profile.summary_undivided", lang, name=name, since=found.since))
        if crossed is not None:
            steps = crossed[(crossed["year"] > found.since) & (crossed["year"] <= found.year)]
            if len(steps):
                said.append(break_words.in_words(steps, lang))
    return said
