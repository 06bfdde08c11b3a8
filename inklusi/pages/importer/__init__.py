"""Impor Data / Import data (page.py): a programme file or an indicator table, read and checked
by inklusi/imports/, becomes this session's data."""

from inklusi.site.declare import Page

PAGE = Page("import", ":material/upload_file:", package="importer")
