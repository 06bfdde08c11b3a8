"""Every page opened directly by its path, in a new session of one fresh server whose first request
is not the home page: each path draws its own page and no other (the launchers live in
app_pages/, not in a pages/ folder that Streamlit would run on its own)."""

from __future__ import annotations

import pytest

from inklusi.i18n import t
from inklusi.site import registry
from testkit.protocol import Session, run_apart
from testkit.servers import server

LINKS = {"profile": "province=53", "sectors": "sector=tekstil", "present": "slide=3"}
# the profile's heading is the province's name; a slide's heading is its own title
pytestmark = pytest.mark.xdist_group("routing")  # one worker, one server
HEADINGS = {"profile": {"id": "Nusa Tenggara Timur", "en": "East Nusa Tenggara"}, "present": {"id": None, "en": None}}


def first_visits() -> list[tuple[str, str, str | None]]:
    """(path, query, a heading the page must show) of every registered page, in alternating languages."""
    cases = []
    for number, page in enumerate(registry.PAGES):
        lang = ("id", "en")[number % 2]
        query = "&".join(filter(None, [f"lang={lang}", LINKS.get(page.name, "")]))
        heading = HEADINGS[page.name][lang] if page.name in HEADINGS else t(f"{page.name}.title", lang)
        cases.append(("" if page is registry.HOME else page.name, query, heading))
    return cases


async def first_visit(base: str, path: str, query: str) -> Session:
    async with Session(base) as session:
        await session.run(query, page=path)
        return session


@pytest.fixture(scope="module")
def fresh():
    """One server of this module's own, whose first request is a page other than home."""
    with server() as base:
        yield base


@pytest.mark.parametrize("path, query, heading", sorted(first_visits(), key=lambda case: case[0] == ""))
def test_a_path_opened_in_a_new_session_shows_its_page(fresh, path, query, heading):
    session = run_apart(first_visit(fresh, path, query))
    assert not session.not_found and session.exceptions() == []
    headings = session.headings()
    assert headings, f"/{path} drew nothing"
    if heading:
        assert heading in headings, headings
    shown = path or registry.HOME.name
    for other in registry.PAGES:  # no second page drawn in the same run (the titles headings do not take)
        if other.name != shown and other.name not in HEADINGS:
            assert t(f"{other.name}.title", "en") not in headings and t(f"{other.name}.title", "id") not in headings
