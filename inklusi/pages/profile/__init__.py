"""Profil Provinsi / Province profile: one province against the nation, its peers and over time.
Its Streamlit page is page.py, its export rows.py, its summary sentence words.py."""

from inklusi.pages.profile import rows
from inklusi.site.declare import Page

PAGE = Page("profile", ":material/location_city:", ("indicator", "year", "province"), rows.export)
