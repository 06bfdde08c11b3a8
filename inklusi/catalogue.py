"""What can be shown: indicators with their editions, layouts and families."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import duckdb
import pandas as pd

from inklusi import queries

# Families in the order the pickers list them.
FAMILIES = ("imdi", "ild", "ild_2020", "iptik", "internet", "evdci", "konteks")

@dataclass(frozen=True)
class Catalogue:
    indicators: pd.DataFrame  # one row per indicator, indexed by id
    editions: pd.DataFrame  # one row per indicator and year: layout, n_provinces, has_national

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> "Catalogue":
        indicators = queries.run(con, "indicator_catalogue").set_index("id")
        return cls(indicators, queries.run(con, "indicator_editions"))

    @cached_property
    def mappable(self) -> list[str]:
        """Indicators with provincial values, family by family in catalogue order."""
        with_provinces = set(self.editions.loc[self.editions["n_provinces"] > 0, "indicator"])
        frame = self.indicators[self.indicators.index.isin(with_provinces)]
        order = {family: i for i, family in enumerate(FAMILIES)}
        ranked = frame.assign(_f=frame["family"].map(order), _p=frame["parent"].notna())
        return list(ranked.sort_values(["_f", "_p"], kind="stable").index)

    def years(self, indicator: str) -> list[int]:
        rows = self.editions[(self.editions["indicator"] == indicator) & (self.editions["n_provinces"] > 0)]
        return [int(y) for y in rows["year"]]

    def layout(self, indicator: str, year: int) -> int | None:
        rows = self.editions[(self.editions["indicator"] == indicator) & (self.editions["year"] == year)]
        return int(rows["layout"].iloc[0]) if len(rows) else None

    def info(self, indicator: str) -> pd.Series:
        return self.indicators.loc[indicator]

    def previous_edition(self, indicator: str, year: int) -> int | None:
        """The edition before year; editions of one indicator form one comparable series
        (methods that changed are separate indicators, see data/README.md)."""
        earlier = [y for y in self.years(indicator) if y < year]
        return max(earlier) if earlier else None

    def children(self, indicator: str) -> list[str]:
        return list(self.indicators.index[self.indicators["parent"] == indicator])
