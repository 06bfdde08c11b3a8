"""Bandingkan / Compare: up to eight provinces and the nation on one indicator over every edition.
Its Streamlit page is page.py, its export rows.py, the chosen provinces' series facts.py."""

from inklusi.pages.compare import rows
from inklusi.site.declare import Page, choice

SHOW = ("lines", "panels")  # one chart of lines, or one panel per province

PAGE = Page(
    "compare",
    ":material/stacked_line_chart:",
    ("indicator", "provinces", "show", "province"),
    rows.export,
    lambda options: [choice("show", SHOW)],
)
