"""Sumber & Metode / Sources and method: every dataset, every correction, how things compare. Its
Streamlit page is page.py, its export rows.py, the story's sources slide slide.py."""

from inklusi.pages.sources import rows
from inklusi.site.declare import Page

PAGE = Page("sources", ":material/menu_book:", (), rows.export)
