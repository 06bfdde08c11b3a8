"""Inklusi: the entry point (`streamlit run dashboard.py`). Each page is a file in pages/."""

from inklusi.ui import app

app.main()
