"""Ringkasan / Overview: the national picture of one indicator and edition. Its Streamlit page is
page.py, its export rows.py, its slides (the national map, the skills pillar's map) slide.py."""

from inklusi.pages.overview import rows
from inklusi.site.declare import Page, choice

# The map's view, its colour classes and what the colour shows; the first of each is the default.
VIEWS = ("map", "tiles")
CLASSES = ("continuous", "quantiles", "natural")
COLOURS = ("level", "gap")

PAGE = Page(
    "overview",
    ":material/map:",
    ("indicator", "year", "province", "view", "classes", "colour"),
    rows.export,
    lambda options: [choice("view", VIEWS), choice("classes", CLASSES), choice("colour", COLOURS)],
)
