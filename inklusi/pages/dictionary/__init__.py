"""Kamus Data / Data dictionary: every column an export can contain (page.py; its export rows.py)."""

from inklusi.pages.dictionary import rows
from inklusi.site.declare import Page

PAGE = Page("dictionary", ":material/dictionary:", (), rows.export)
