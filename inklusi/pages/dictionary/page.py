"""Kamus Data / Data dictionary: every column an export can contain, its unit and source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from inklusi.export import metadata
from inklusi.i18n import t
from inklusi.ui import furniture
from inklusi.ui.furniture import current_lang


def render() -> None:
    lang = current_lang()
    st.title(t("dictionary.title", lang))
    furniture.show_url_notes()
    st.markdown(t("dictionary.lead", lang))
    columns = metadata.dictionary()
    st.dataframe(
        pd.DataFrame(
            {
                t("dictionary.col_column", lang): columns["column"],
                t("dictionary.col_description", lang): columns[f"description_{lang}"],
                t("dictionary.col_unit", lang): columns[f"unit_{lang}"],
                t("dictionary.col_source", lang): columns["source"],
            }
        ),
        hide_index=True,
        width="stretch",
        height=700,
    )
