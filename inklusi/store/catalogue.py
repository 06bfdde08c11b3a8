"""What can be shown: indicators with their editions, layouts and families."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import duckdb
import pandas as pd

from inklusi.store import queries

# Families in the order the pickers list them.
FAMILIES = ("imdi", "ild", "ild_2020", "iptik", "internet", "umkm", "evdci", "konteks")


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

    @cached_property
    def _years(self) -> dict[str, list[int]]:
        provincial = self.editions[self.editions["n_provinces"] > 0]
        return {i: [int(y) for y in group["year"]] for i, group in provincial.groupby("indicator")}

    def years(self, indicator: str) -> list[int]:
        """The editions of an indicator that have provincial values, oldest first."""
        return self._years.get(indicator, [])

    def info(self, indicator: str) -> pd.Series:
        return self.indicators.loc[indicator]

    def previous_edition(self, indicator: str, year: int) -> int | None:
        """The edition before year; editions of one indicator form one comparable series
        (methods that changed are separate indicators, see data/README.md)."""
        earlier = [y for y in self.years(indicator) if y < year]
        return max(earlier) if earlier else None

    def children(self, indicator: str) -> list[str]:
        return list(self.indicators.index[self.indicators["parent"] == indicator])
