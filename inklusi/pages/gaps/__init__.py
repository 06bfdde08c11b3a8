"""Kesenjangan Wilayah / Regional gaps: how unequal the provinces are, between or within regions,
whether the gap is closing, and where the clusters are. Its Streamlit page is page.py, its export
rows.py, the verdict facts.py and its words words.py, the west-east gap's slide slide.py."""

from inklusi.pages.gaps import rows
from inklusi.site.declare import Field, Options, Page, as_int, choice

GROUPS = ("pulau", "zona")  # island groups or time zones


def declares(options: Options) -> list:
    def earlier(s: dict) -> list:
        return [y for y in options.catalogue.years(s["indicator"]) if y < s["year"]] or [""]

    return [Field("start", earlier, lambda s: earlier(s)[0], as_int), choice("group", GROUPS)]


PAGE = Page(
    "gaps",
    ":material/compare_arrows:",
    ("indicator", "year", "province", "start", "group"),
    rows.export,
    declares,
)
