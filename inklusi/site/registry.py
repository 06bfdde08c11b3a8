"""Every page of the dashboard, in the order of its navigation. Each page declares itself in its
package (inklusi/pages/NAME/__init__.py: PAGE, a site.declare.Page), where its Streamlit page
(page.py), export rows (rows.py), facts, words and slides live too. Adding a page is its package,
its name here, its launcher in app_pages/ and its messages (docs/development.md)."""

from __future__ import annotations

from inklusi.pages import (
    adoption,
    compare,
    dictionary,
    gaps,
    importer,
    overview,
    present,
    profile,
    sectors,
    sources,
    targeting,
    world,
)
from inklusi.site.declare import Page

PAGES: tuple[Page, ...] = (
    overview.PAGE,
    profile.PAGE,
    compare.PAGE,
    gaps.PAGE,
    adoption.PAGE,
    sectors.PAGE,
    targeting.PAGE,
    world.PAGE,
    present.PAGE,
    importer.PAGE,
    sources.PAGE,
    dictionary.PAGE,
)
BY_NAME = {page.name: page for page in PAGES}
HOME = PAGES[0]


def page(name: str) -> Page:
    """The page of a name; KeyError for a name that is not a page."""
    return BY_NAME[name]


def exported() -> list[Page]:
    return [page for page in PAGES if page.export is not None]
