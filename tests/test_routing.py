"""Every page opened directly by its path as the first request of a fresh server: the case in
which Streamlit's multipage apps version 1 runs pages/NAME.py itself (see inklusi/ui/app.py)."""

from __future__ import annotations

import asyncio

import pytest

from inklusi.i18n import t
from tests.browser import server
from tests.protocol import Session

PATHS = [  # (path, query, a heading the page must show)
    ("", "", t("overview.title", "id")),
    ("profile", "province=53", "Nusa Tenggara Timur"),
    ("gaps", "lang=en", t("gaps.title", "en")),
    ("adoption", "", t("adoption.title", "id")),
    ("sectors", "sector=tekstil", t("sectors.title", "id")),
    ("targeting", "", t("targeting.title", "id")),
    ("present", "slide=3&lang=en", None),
    ("import", "", t("import.title", "id")),
    ("sources", "lang=en", t("sources.title", "en")),
    ("dictionary", "", t("dictionary.title", "id")),
]


async def first_visit(base: str, path: str, query: str) -> Session:
    async with Session(base) as session:
        await session.run(query, page=path)
        return session


@pytest.mark.parametrize("path, query, heading", PATHS)
def test_a_path_opened_first_on_a_fresh_server_shows_its_page(path, query, heading):
    with server() as base:
        session = asyncio.run(first_visit(base, path, query))
    assert not session.not_found and session.exceptions() == []
    headings = session.headings()
    assert headings, f"/{path} drew nothing"
    if heading:
        assert heading in headings, headings
    for other in ("overview", "gaps", "sectors", "sources", "dictionary"):  # no second page drawn in the same run
        if other != path and (path or other != "overview"):
            assert t(f"{other}.title", "en") not in headings and t(f"{other}.title", "id") not in headings
