"""Every page opened directly by its path as the first request of a fresh server: the case in
which Streamlit's multipage apps version 1 runs pages/NAME.py itself (see inklusi/ui/app.py)."""

from __future__ import annotations

import pytest

from inklusi import registry
from inklusi.i18n import t
from testkit.protocol import Session, run_apart
from testkit.servers import server

LINKS = {"profile": "province=53", "sectors": "sector=tekstil", "present": "slide=3"}
# the profile's heading is the province's name; a slide's heading is its own title
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


@pytest.mark.parametrize("path, query, heading", first_visits())
def test_a_path_opened_first_on_a_fresh_server_shows_its_page(path, query, heading):
    with server() as base:  # fresh: what is tested happens before a process's first st.navigation call
        session = run_apart(first_visit(base, path, query))
    assert not session.not_found and session.exceptions() == []
    headings = session.headings()
    assert headings, f"/{path} drew nothing"
    if heading:
        assert heading in headings, headings
    shown = path or registry.HOME.name
    for other in registry.PAGES:  # no second page drawn in the same run (the titles headings do not take)
        if other.name != shown and other.name not in HEADINGS:
            assert t(f"{other.name}.title", "en") not in headings and t(f"{other.name}.title", "id") not in headings
