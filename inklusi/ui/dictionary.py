"""Kamus Data / Data dictionary: every column an export can contain, its unit and source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from inklusi import views
from inklusi.i18n import t
from inklusi.ui import page
from inklusi.ui.page import lang


def render() -> None:
    L = lang()
    st.title(t("dictionary.title", L))
    page.show_url_notes()
    st.markdown(t("dictionary.lead", L))
    columns = views.dictionary()
    st.dataframe(pd.DataFrame({
        t("dictionary.col_column", L): columns["column"],
        t("dictionary.col_description", L): columns[f"description_{L}"],
        t("dictionary.col_unit", L): columns[f"unit_{L}"],
        t("dictionary.col_source", L): columns["source"],
    }), hide_index=True, width="stretch", height=700)
