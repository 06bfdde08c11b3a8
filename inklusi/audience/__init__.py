"""The light audience view: a static page per slide, language and pinned province, built from the
story's own slides (sentences, facts, chart data) without a live session, for the phones of a room.

Under `make serve` nginx serves the pages at /audience/<lang>/<slide>.html (pinned:
/audience/<lang>/<slide>-<province code>.html); under `make run` Streamlit's static file serving
serves the same files at /app/static/audience/... page.py writes a page, svg.py its chart,
table.py its data table, build.py all of them (again only when the data or the code changed).
"""

from __future__ import annotations

from inklusi import config

SERVE_URL = "/audience"  # nginx's location under make serve (config: INKLUSI_AUDIENCE_URL for make run's)


def filename(number: int, pin: str = "") -> str:
    """The page of slide number (1-based), pinned to a province or not."""
    return f"{number}-{pin}.html" if pin else f"{number}.html"


def url(lang: str, number: int, pin: str = "") -> str:
    """The page's path where it is served now: INKLUSI_AUDIENCE_URL (make serve sets /audience for
    its replicas), else Streamlit's static file serving (make run)."""
    return f"{config.setting('INKLUSI_AUDIENCE_URL').rstrip('/')}/{lang}/{filename(number, pin)}"
