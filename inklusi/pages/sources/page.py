"""Sumber & Metode / Sources and method: every dataset, every correction, how things compare."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pandas as pd
import streamlit as st

from inklusi.i18n import literal, pick, t
from inklusi.ui import data, furniture
from inklusi.ui.controls import indicator_label
from inklusi.ui.furniture import current_lang

URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # kept as they are in a link; anything else (a space, <, >) is escaped
TABLE_HEIGHT = 560  # px: a longer table scrolls under its header, and the method below stays near


def render() -> None:
    lang = current_lang()
    st.title(t("sources.title", lang))
    furniture.show_url_notes()
    st.markdown(t("sources.lead", lang))
    datasets(lang)
    corrections(lang)
    indicators(lang)
    method(lang)


def datasets(lang: str) -> None:
    st.header(t("sources.datasets", lang))
    sources = data.query("source_catalogue")
    shown(
        {
            t("sources.col_id", lang): sources["id"],
            t("sources.col_publisher", lang): sources["publisher"],
            t("sources.col_title", lang): sources["title"],
            t("sources.col_year", lang): sources["year"].astype(str),
            t("sources.col_published", lang): sources["published_at"],
            t("sources.col_copied", lang): sources["copied_from"],
            t("sources.col_terms", lang): [t(f"terms.{v}", lang) for v in sources["terms"]],
            t("sources.col_trust", lang): [t(f"trust.{v}", lang) for v in sources["trust"]],
        },
        links=[t("sources.col_published", lang)],
    )
    st.caption(t("sources.trust_legend", lang))


def corrections(lang: str) -> None:
    st.header(t("sources.corrections", lang))
    st.markdown(t("sources.corrections_lead", lang))
    log = data.query("correction_log")
    shown(
        {
            t("sources.col_file", lang): log["reference_file"],
            t("field.indicator", lang): log["indicator"],
            t("field.year", lang): log["year"],
            t("field.province", lang): log["province"],
            t("sources.col_as_copied", lang): log["as_in_copy"],
            t("sources.col_resolution", lang): [t(f"resolution.{v}", lang) for v in log["resolution"]],
            t("sources.col_used", lang): log["value_used"],
            t("sources.col_evidence", lang): log[f"evidence_{lang}"],
        }
    )


def indicators(lang: str) -> None:
    """Every indicator with its editions; a derived one with its formula and inputs."""
    st.header(t("sources.indicators", lang))
    cat = data.indicator_catalogue()
    editions = cat.editions.groupby("indicator").agg(
        years=("year", lambda y: ", ".join(str(int(v)) for v in y)),
        layouts=("layout", lambda v: " / ".join(str(int(x)) for x in sorted(set(v)))),
    )
    info = cat.indicators.join(editions)
    shown(
        {
            t("field.indicator", lang): [indicator_label(i) for i in info.index],
            t("sources.col_id", lang): info.index,
            t("sources.col_unit", lang): [pick(r, "unit", lang) for _, r in info.iterrows()],
            t("sources.col_years", lang): info["years"],
            t("sources.col_layout", lang): info["layouts"],
            t("sources.col_note", lang): [
                pick(r, "note", lang) if pd.notna(r["note_id"]) else "" for _, r in info.iterrows()
            ],
            t("sources.col_formula", lang): info["formula"].fillna(""),
            t("sources.col_inputs", lang): info["inputs"].fillna(""),
        }
    )


def shown(columns: dict, links: tuple | list = ()) -> None:
    """A reference table whose cells wrap instead of being cut (st.table): every text shown as
    typed (its Markdown escaped), a link by its site's name, a missing cell as a dash; the page's
    style (inklusi/ui/furniture.py) lets a long name or path break inside its cell."""
    table = pd.DataFrame(columns).astype(object)
    for name in table.columns:
        table[name] = ["—" if missing(v) else link(v) if name in links else literal(v) for v in table[name]]
    st.table(table, hide_index=True, height=min(TABLE_HEIGHT, 40 + 80 * len(table)))


def missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


def link(url: str) -> str:
    """A link shown by its site (the whole address when it names none)."""
    return f"[{literal(urlsplit(url).netloc or url)}](<{quote(url, safe=URL_SAFE)}>)"


def method(lang: str) -> None:
    st.header(t("sources.method", lang))
    for section in ("editions", "split", "national", "reliability", "derived", "synthetic", "boundaries", "left_out"):
        with st.expander(t(f"method.{section}_title", lang), expanded=section in ("reliability", "synthetic")):
            st.markdown(t(f"method.{section}", lang))
