"""The one rule of every comparison between editions or groups of provinces (DESIGN.md, rule 14):
compare like with like. A change or a gap between editions is computed on the provinces valued in
every one of them with the same territory in each: across the 2022 split (34 -> 38 provinces) the
provinces whose territory changed (the four new ones and the two they came from) are left out,
never averaged with their parents. Across every IMDI edition that is 31 provinces: the 32 whose
territory did not change, less Jakarta, which has no 2023 value."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from inklusi.store import reference


def split_provinces() -> set[str]:
    """The codes whose territory the 2022 split changed: the new provinces and their parents."""
    return {code for code, parent in reference.to_2012().items() if code != parent} | reference.undivided()


def provinces(
    frames: Mapping[object, pd.DataFrame], layouts: Mapping[object, int], changed: set[str] | None = None
) -> set[str]:
    """The provinces valued in every frame (province, value), the split provinces (changed, by
    default split_provinces()) left out when the frames' layouts differ."""
    valued = [set(f.loc[f["value"].notna(), "province"]) for f in frames.values()]
    kept = set.intersection(*valued) if valued else set()
    if len(set(layouts.values())) > 1:
        kept -= split_provinces() if changed is None else changed
    return kept


def on(frames: Mapping[object, pd.DataFrame], kept: set[str]) -> dict:
    """Each frame on the kept provinces only."""
    return {key: f[f["province"].isin(kept)] for key, f in frames.items()}
