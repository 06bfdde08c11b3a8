"""The layout and method breaks a comparison crosses, in words: each break year with what kind of
change it is (a time chart's marks), as a list in a sentence, and with what changed."""

from __future__ import annotations

import pandas as pd

from inklusi.i18n import listed, t


def marks(crossed: pd.DataFrame, lang: str) -> list[tuple[int, str]]:
    """Each break year with what kind of change it is, as a time chart labels it."""
    return [
        (int(y), " + ".join(t(f"trend.mark_{k}", lang) for k in g["kind"].unique())) for y, g in crossed.groupby("year")
    ]


def years_list(years, lang: str) -> str:
    """2023, 2025 as "2023 and 2025" (CLDR's list pattern of the language)."""
    return listed([str(int(y)) for y in years], lang)


def in_words(crossed: pd.DataFrame, lang: str) -> str:
    """The breaks a comparison crosses, in a short plain sentence: what changed and when."""
    years = {kind: sorted(set(crossed.loc[crossed["kind"] == kind, "year"])) for kind in ("method", "layout")}
    kinds = "_".join(kind for kind, found in years.items() if found)
    return t(
        f"trend.cross_{kinds}", lang, method=years_list(years["method"], lang), layout=years_list(years["layout"], lang)
    )


def when(crossed: pd.DataFrame, year: int, lang: str) -> str:
    """ ", when the method changed" for a year with a break ("" without one)."""
    kinds = [k for k in ("method", "layout") if ((crossed["year"] == year) & (crossed["kind"] == k)).any()]
    return t(f"trend.when_{'_'.join(kinds)}", lang) if kinds else ""


def break_notes(crossed: pd.DataFrame, lang: str) -> str:
    """The breaks a comparison crosses, each with its year and what changed."""
    return "; ".join(f"{int(r['year'])}: {r[f'note_{lang}'].rstrip('.')}" for _, r in crossed.iterrows()) + "."
