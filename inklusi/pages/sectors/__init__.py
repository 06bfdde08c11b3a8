"""Sektor UMKM / MSME sectors: the national picture (BPS, national.py), then the mentoring
programme's facts and records (synthetic, labelled). Its Streamlit page is page.py, its export
rows.py, its filters' options facts.py, its slides (going digital, the mentoring) slide.py."""

from inklusi.pages.sectors import facts, rows
from inklusi.site.declare import Field, Options, Page, as_int

FILTERS = ("m_year", "sector", "area", "scale", "gender")  # the year, then the records' own filters


def declares(options: Options) -> list[Field]:
    offered = facts.filter_options(options.run("mentoring_cube"), options.run("sector_catalogue")["id"])
    return [
        Field("m_year", lambda s: ["", *offered["m_year"]], lambda s: "", as_int),
        *(Field(name, lambda s, o=offered[name]: ["", *o], lambda s: "") for name in FILTERS[1:]),
    ]


PAGE = Page("sectors", ":material/storefront:", FILTERS, rows.export, declares)
