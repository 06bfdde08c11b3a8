"""What the compare page says: each chosen province's values over every edition (its own values
only), the layouts on either side of a break, and the provinces compared with the one they were
split from. The provinces a link names are read by inklusi/site/provinces.py."""

from __future__ import annotations

import pandas as pd

from inklusi.store import reference


def series(run, indicator: str, provinces: tuple[str, ...]) -> pd.DataFrame:
    """Each province's values over every edition (queries/indicator_series.sql), one row per
    province and edition. A province had no value of its own before it was formed: where the
    query gives its parent's value (via_parent), the value is left out here (no point), and
    `undivided` marks a value of Papua or Papua Barat before the 2022 split, which covered the
    provinces formed from it."""
    parts = []
    formed = reference.provinces().set_index("kode")["tahun_dibentuk"].astype(int)
    split = reference.undivided()  # Papua, Papua Barat
    for code in provinces:
        frame = run("indicator_series", indicator=indicator, province=code).assign(province=code)
        gone = frame["via_parent"].fillna(False).astype(bool) | (frame["year"] < formed[code])
        frame.loc[gone, ["value", "rank", "n_ranked", "percentile"]] = None
        frame["undivided"] = (frame["layout"] == 34) & (code in split) & frame["value"].notna()
        parts.append(frame)
    columns = ["province", "year", "layout", "value", "undivided", "flag", "reliability", "source", "national"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def layouts_around(editions: pd.DataFrame, year: int) -> tuple[int, int]:
    """(layout of the edition before year, layout of year) from editions (year, layout rows)."""
    layouts = editions.drop_duplicates("year").set_index("year")["layout"].sort_index()
    before = layouts[layouts.index < year]
    return int(before.iloc[-1]) if len(before) else int(layouts[year]), int(layouts[year])


def parents_compared(provinces: tuple[str, ...]) -> list[tuple[str, str]]:
    """(province, its parent) for each chosen province formed in 2022 whose parent is also chosen:
    before the split, the parent's line is the undivided province that included it."""
    parent = reference.to_2012()
    return [(code, parent[code]) for code in provinces if parent[code] != code and parent[code] in provinces]
