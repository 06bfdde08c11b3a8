"""The dashboard under Streamlit's AppTest (no server, no browser), for the page tests."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from inklusi.config import REPO

APP = str(REPO / "dashboard.py")


def open_app(params: dict | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def unescaped(markdown: str) -> str:
    """Markdown text as shown: the backslashes escaping punctuation removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)
