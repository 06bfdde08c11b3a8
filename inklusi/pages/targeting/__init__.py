"""Prioritas / Targeting: a need measure against MSME adoption or the mentoring coverage, and the
provinces below both thresholds. Its Streamlit page is page.py, its export rows.py, the table and
thresholds facts.py, the story's slide on where to go next slide.py."""

from inklusi.pages.targeting import facts, rows
from inklusi.site.declare import Between, Field, Page, as_number, choice
from inklusi.store.measures import NEEDS

PAGE = Page(
    "targeting",
    ":material/target:",
    ("need", "per", "x_cut", "y_cut"),
    rows.export,
    lambda options: [
        choice("need", NEEDS),
        choice("per", facts.PER),
        Field("x_cut", lambda s: Between(0, 100), lambda s: "", as_number),
        Field("y_cut", lambda s: Between(0, 100_000), lambda s: "", as_number),
    ],
)
