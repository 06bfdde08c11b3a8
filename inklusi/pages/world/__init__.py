"""Dunia / World: Indonesia among the G20 members, the EU and ASEAN by internet use (ITU), its
provinces on the same axis. Its Streamlit page is page.py, its export rows.py, the standing
facts.py, its sentences words.py, the shared-axis chart chart.py and its slide slide.py."""

from inklusi.pages.world import facts, rows
from inklusi.site.declare import Codes, Field, Options, Page, as_int


def declares(options: Options) -> list[Field]:
    offered = facts.world_options(options.run("country_values"), options.catalogue.years(facts.PROVINCE_INDICATOR))
    return [
        Field("w_year", lambda s: offered["years"], lambda s: offered["default_year"], as_int),
        Field("countries", lambda s: Codes(tuple(offered["countries"])), lambda s: ""),
    ]


PAGE = Page("world", ":material/public:", ("w_year", "provinces", "countries"), rows.export, declares)
