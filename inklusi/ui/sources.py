"""Sumber & Metode / Sources and method: every dataset, every correction, how things compare."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from inklusi.i18n import pick, t
from inklusi.ui import data, page
from inklusi.ui.controls import indicator_label
from inklusi.ui.page import lang


def render() -> None:
    L = lang()
    st.title(t("sources.title", L))
    page.show_url_notes()
    st.markdown(t("sources.lead", L))

    st.header(t("sources.datasets", L))
    sources = data.query("source_catalogue")
    st.dataframe(pd.DataFrame({
        t("sources.col_id", L): sources["id"],
        t("sources.col_publisher", L): sources["publisher"],
        t("sources.col_title", L): sources["title"],
        t("sources.col_year", L): sources["year"].astype(str),
        t("sources.col_published", L): sources["published_at"],
        t("sources.col_copied", L): sources["copied_from"],
        t("sources.col_terms", L): [t(f"terms.{v}", L) for v in sources["terms"]],
        t("sources.col_trust", L): [t(f"trust.{v}", L) for v in sources["trust"]],
    }), hide_index=True, width="stretch",
        column_config={t("sources.col_published", L): st.column_config.LinkColumn()})
    st.caption(t("sources.trust_legend", L))

    st.header(t("sources.corrections", L))
    st.markdown(t("sources.corrections_lead", L))
    corrections = data.query("correction_log")
    st.dataframe(pd.DataFrame({
        t("sources.col_file", L): corrections["reference_file"],
        t("field.indicator", L): corrections["indicator"],
        t("field.year", L): corrections["year"],
        t("field.province", L): corrections["province"],
        t("sources.col_as_copied", L): corrections["as_in_copy"],
        t("sources.col_resolution", L): [t(f"resolution.{v}", L) for v in corrections["resolution"]],
        t("sources.col_used", L): corrections["value_used"],
        t("sources.col_evidence", L): corrections[f"evidence_{L}"],
    }).fillna("—"), hide_index=True, width="stretch")

    st.header(t("sources.indicators", L))
    cat = data.indicator_catalogue()
    editions = cat.editions.groupby("indicator").agg(
        years=("year", lambda y: ", ".join(str(int(v)) for v in y)),
        layouts=("layout", lambda v: " / ".join(str(int(x)) for x in sorted(set(v)))),
    )
    info = cat.indicators.join(editions)
    st.dataframe(pd.DataFrame({
        t("field.indicator", L): [indicator_label(i) for i in info.index],
        t("sources.col_id", L): info.index,
        t("sources.col_unit", L): [pick(r, "unit", L) for _, r in info.iterrows()],
        t("sources.col_years", L): info["years"],
        t("sources.col_layout", L): info["layouts"],
        t("sources.col_note", L): [pick(r, "note", L) if pd.notna(r["note_id"]) else "" for _, r in info.iterrows()],
    }), hide_index=True, width="stretch")

    st.header(t("sources.method", L))
    for section in ("editions", "split", "national", "synthetic", "boundaries", "left_out"):
        with st.expander(t(f"method.{section}_title", L), expanded=section in ("editions", "synthetic")):
            st.markdown(t(f"method.{section}", L))
