"""Every page of the dashboard, declared once.

A page's name is its URL path, its file in pages/ (pages/NAME.py) and the key of its title in
messages.toml (nav.NAME). Besides the language it reads the URL fields listed (their options
and defaults are in inklusi/viewstate.py); its export panel, the command line and the notebook
API build its rows with `export` (inklusi/export/view.py); inklusi/ui/MODULE.py draws it (render()).
Adding a page is one row here, its pages/ file, its ui module and its nav message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from inklusi.export import view


@dataclass(frozen=True)
class Page:
    name: str
    icon: str
    fields: tuple[str, ...]
    export: Callable[[view.Run, dict, str], view.View] | None
    module: str

    @property
    def url_fields(self) -> tuple[str, ...]:
        """Every field its link holds: the language first, the embedded chart last."""
        return ("lang", *self.fields, "chart")


PAGES = (
    Page(
        "overview",
        ":material/map:",
        ("indicator", "year", "province", "view", "classes", "colour"),
        view.overview,
        "overview",
    ),
    Page("profile", ":material/location_city:", ("indicator", "year", "province"), view.profile, "profile"),
    Page(
        "compare",
        ":material/stacked_line_chart:",
        ("indicator", "provinces", "show", "province"),
        view.compared,
        "compare",
    ),
    Page(
        "gaps",
        ":material/compare_arrows:",
        ("indicator", "year", "province", "start", "group"),
        view.regional_gaps,
        "gaps",
    ),
    Page("adoption", ":material/insights:", ("skill", "adoption", "province"), view.skills_adoption, "adoption"),
    Page("sectors", ":material/storefront:", ("m_year", "sector", "area", "scale", "gender"), view.sectors, "sectors"),
    Page("targeting", ":material/target:", ("need", "per", "x_cut", "y_cut"), view.priorities, "targeting"),
    Page("world", ":material/public:", ("w_year", "provinces", "countries"), view.world_standing, "world"),
    Page("present", ":material/slideshow:", ("slide", "pin", "kiosk", "qr", "speaker"), None, "present"),
    Page("import", ":material/upload_file:", (), None, "importer"),
    Page("sources", ":material/menu_book:", (), view.source_list, "sources"),
    Page("dictionary", ":material/dictionary:", (), view.data_dictionary, "dictionary"),
)
BY_NAME = {page.name: page for page in PAGES}
HOME = PAGES[0]


def page(name: str) -> Page:
    """The page of a name; KeyError for a name that is not a page."""
    return BY_NAME[name]


def exported() -> list[Page]:
    return [page for page in PAGES if page.export is not None]
