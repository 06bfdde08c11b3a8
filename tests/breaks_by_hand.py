"""data/breaks.csv and the indicators' parents read with plain pandas, and the breaks of an
indicator walked up by hand: the independent computation the break and claim tests compare with."""

from __future__ import annotations

import pandas as pd

from inklusi.config import DATA_DIR


def table() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "breaks.csv")


def parents() -> dict[str, str]:
    indicators = pd.read_csv(DATA_DIR / "indicators.csv")
    return dict(zip(indicators["id"], indicators["parent"].where(indicators["parent"].notna(), None), strict=True))


def expected(table, parents, indicator):
    """The breaks of indicator and of every indicator below it, walked up by hand."""

    def above(i):
        while parents.get(i):
            i = parents[i]
            yield i

    rows = table[[r == indicator or indicator in set(above(r)) for r in table["indicator"]]]
    return set(zip(rows["year"], rows["kind"], rows["note_en"], strict=True))
