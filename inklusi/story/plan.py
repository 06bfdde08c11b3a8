"""The story's plan, as data (data/story.csv): its slides in order, each with the indicator it is
pinned to (its latest edition is shown) where it has one."""

from __future__ import annotations

from inklusi.store import reference


def _plan() -> dict[str, str]:
    table = reference.read_csv("story.csv")
    return dict(zip(table["slide"], table["indicator"], strict=True))


PLAN = _plan()
SLIDES = tuple(PLAN)


def indicator(slide: str) -> str:
    """The indicator a slide is pinned to."""
    return PLAN[slide]
