"""The shared pickers. Each one reads and writes the URL state through state.bind."""

from __future__ import annotations

import streamlit as st

from inklusi.i18n import LANGS, t
from inklusi.store import reference
from inklusi.ui import data, display, state
from inklusi.ui.furniture import current_lang


def language(lang: str) -> None:
    """The language switch (ID / EN) of the side panel and of the presenter's settings."""
    st.segmented_control(
        t("field.lang", lang),
        LANGS,
        key=state.bind("lang"),
        format_func=str.upper,
        on_change=state.changed,
        args=("lang",),
        required=True,
    )


def indicator_label(indicator: str) -> str:
    return display.indicator_labels(current_lang())[indicator]


def indicator(container=st.sidebar) -> str:
    container.selectbox(
        t("field.indicator", current_lang()),
        data.indicator_catalogue().mappable,
        key=state.bind("indicator"),
        format_func=display.indicator_labels(current_lang()).__getitem__,
        on_change=state.changed,
        args=("indicator",),
    )
    return state.get("indicator")


def indicator_and_year(container=st.sidebar) -> tuple[str, int]:
    chosen = indicator(container)
    years = data.indicator_catalogue().years(chosen)
    if state.get("year") not in years:
        state.put("year", max(years))
    container.selectbox(
        t("field.year", current_lang()), years[::-1], key=state.bind("year"), on_change=state.changed, args=("year",)
    )
    return chosen, state.get("year")


@st.cache_resource(show_spinner=False)
def province_labels(lang: str) -> dict[str, str]:
    """The name of every province in a language, and the 'no province' entry."""
    return {"": t("field.province_none", lang), **reference.province_names(lang)}


def province_label(code: str, lang: str) -> str:
    return province_labels(lang)[code]


def province(container=st.sidebar) -> str:
    options = [""] + list(data.provinces()["kode"])
    container.selectbox(
        t("field.province", current_lang()),
        options,
        key=state.bind("province"),
        format_func=province_labels(current_lang()).__getitem__,
        on_change=state.changed,
        args=("province",),
    )
    return state.get("province")


def choice(name: str, options: tuple[str, ...], container=st.sidebar) -> str:
    """A segmented choice among a page's fixed options of a field, labelled 'option.NAME.VALUE'."""
    lang = current_lang()
    container.segmented_control(
        t(f"field.{name}", lang),
        options,
        key=state.bind(name),
        format_func=lambda v: t(f"option.{name}.{v}", lang),
        on_change=state.changed,
        args=(name,),
        required=True,
    )
    return state.get(name)
