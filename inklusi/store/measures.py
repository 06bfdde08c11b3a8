"""The measures the pages set against each other, as data (data/measures.csv): an indicator in one
edition, written "indicator-year" ("imdi_literasi-2025"), each with its role. The skills and
adoption page offers the skill and adoption measures (the first of each is its default and the
story's pair); the targeting page offers the need measures, and the adoption measures as its
second measure before the mentoring coverage."""

from __future__ import annotations

from inklusi.store import reference

ROLES = ("skill", "adoption", "need")


def split(measure: str) -> tuple[str, int]:
    """("imdi_literasi", 2025) of "imdi_literasi-2025"."""
    indicator, _, year = measure.rpartition("-")
    return indicator, int(year)


def of_role(role: str) -> tuple[str, ...]:
    """The measures of a role, in the file's order."""
    table = reference.read_csv("measures.csv")
    return tuple(table.loc[table["role"] == role, "measure"])


SKILLS = of_role("skill")
ADOPTION = of_role("adoption")
NEEDS = of_role("need")
