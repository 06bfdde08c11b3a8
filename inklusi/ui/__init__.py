"""Streamlit glue: cached data access, URL state and page furniture. Pages import from here."""
