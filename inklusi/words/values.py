"""One formatter for a value wherever it is shown: sentences, cards, chart labels, hover, tables and
the light audience view.

The rounding rule, stated once: sentences, cards and chart labels print an indicator's display
decimals (data/indicators.csv, `decimals`); hover text and tables print the value exactly as
published, every decimal of it (a derived value to the display decimals: it was computed, not
published); exports keep the stored value. Marks travel with the value: † for an estimate BPS
calls unreliable (RSE above 25 %) and for a value built on one (a share of such a count, a sum
with such a part), the word "derived" for a value the dashboard computed, and "capped" for a value
at its source's cap. A place's own marks (Papua before the 2022 split, "undivided") are in its
name (words.province_table.place_name).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import pandas as pd

from inklusi.figures.common import UNRELIABLE_MARK
from inklusi.i18n import number, t

MARK = UNRELIABLE_MARK.strip()


@dataclass(frozen=True)
class Marks:
    """What a value carries besides its number."""

    unreliable: bool = False  # BPS calls it unreliable, or it is built on such an estimate
    rse: float | None = None  # its own relative standard error (%), where BPS published one
    derived: bool = False  # computed by the dashboard from published figures
    capped: bool = False  # at its source's cap (ITU's 100 %)

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Marks:
        """The marks of a query row (its flag, reliability and rse)."""
        rse = row.get("rse")
        return cls(
            unreliable=row.get("reliability") == "unreliable",
            rse=float(rse) if rse is not None and pd.notna(rse) else None,
            derived=row.get("flag") == "derived",
            capped=row.get("flag") == "capped",
        )


NONE = Marks()


def _missing(value: float | None) -> bool:
    return value is None or pd.isna(value)


def named(name: str, unreliable: bool) -> str:
    """A place's name as a list in a sentence names it: with † when its value there is one BPS
    calls unreliable (or built on one)."""
    return name + (MARK if unreliable else "")


def label(value: float | None, lang: str, decimals: int, marks: Marks = NONE) -> str:
    """A value as a card, a chart label or a sentence prints it: the display decimals and its †."""
    if _missing(value):
        return t("common.no_data", lang)
    return number(value, lang, decimals) + (MARK if marks.unreliable else "")


def exact(value: float | None, lang: str, decimals: int, marks: Marks = NONE) -> str:
    """A value as hover text and tables print it: every published decimal (a derived value to the
    display decimals) and its †."""
    if _missing(value):
        return t("common.no_data", lang)
    return number(value, lang, decimals, exact=not marks.derived) + (MARK if marks.unreliable else "")


def in_words(value: float | None, lang: str, decimals: int, marks: Marks = NONE) -> str:
    """A value as a sentence says it: its label, then what its marks mean, in words."""
    text = label(value, lang, decimals, marks)
    if _missing(value):
        return text
    if marks.unreliable and marks.rse is not None and marks.rse > 25:
        text = t("common.value_unreliable", lang, value=text)
    elif marks.unreliable:
        text = t("common.value_unreliable_built", lang, value=text)
    if marks.derived:
        text = t("common.value_derived", lang, value=text)
    if marks.capped:
        text = t("common.value_capped", lang, value=text)
    return text
