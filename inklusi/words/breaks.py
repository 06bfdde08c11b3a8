"""The layout and method breaks a comparison crosses, in words: each break year with what kind of
change it is (a time chart's marks), as a list in a sentence, and with what changed."""

from __future__ import annotations

import pandas as pd

from inklusi.i18n import t


def marks(crossed: pd.DataFrame, lang: str) -> list[tuple[int, str]]:
    """Each break year with what kind of change it is, as a time chart labels it."""
    return [
        (int(y), " + ".join(t(f"trend.mark_{k}", lang) for k in g["kind"].unique())) for y, g in crossed.groupby("year")
    ]


def mark_list(crossed: pd.DataFrame, lang: str) -> str:
    return "; ".join(f"{y}: {label}" for y, label in marks(crossed, lang))


def breaks_brief(crossed: pd.DataFrame, lang: str) -> str:
    return t("trend.breaks_brief", lang, marks=mark_list(crossed, lang))


def break_notes(crossed: pd.DataFrame, lang: str) -> str:
    """The breaks a comparison crosses, each with its year and what changed."""
    return "; ".join(f"{int(r['year'])}: {r[f'note_{lang}'].rstrip('.')}" for _, r in crossed.iterrows()) + "."
