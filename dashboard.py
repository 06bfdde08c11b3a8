"""Inklusi: the entry point (`streamlit run dashboard.py`). Each page has a launcher in app_pages/
(app_pages/NAME.py) and its package in inklusi/pages/NAME/."""

from inklusi.ui import app

app.main()
