"""The frame around every page: page config, language, URL state and navigation over the page
registry (inklusi/site/registry.py). dashboard.py calls main(); each file in app_pages/ calls page(NAME)."""

from __future__ import annotations

import importlib

import streamlit as st

from inklusi.i18n import t
from inklusi.site import links, registry
from inklusi.store import db
from inklusi.ui import controls, data, exports, furniture, state


def main() -> None:
    st.set_page_config(page_title="Inklusi", page_icon="assets/favicon.png", layout="wide")
    try:
        fields = data.fields()
    except db.MissingBuildError:
        st.error(t("app.not_built", "id") + "\n\n" + t("app.not_built", "en"), icon=":material/build:")
        st.stop()
    state.load(fields, data.dataset_key())
    lang = state.get("lang")
    pages = {
        st.Page(
            launcher(p.name),
            title=t(f"nav.{p.name}", lang),
            icon=p.icon,
            url_path=p.name,
            default=p is registry.HOME,
        ): p
        for p in registry.PAGES
    }
    furniture.furnish()
    embedded = furniture.embedded()
    if embedded:
        furniture.hide_side_panel()
    else:  # a chart's key means something only in an embedded page: a link copied here leaves it out
        state.put("chart", "")
    navigation = st.navigation(list(pages), position="hidden" if embedded else "sidebar")
    current = pages[navigation]
    if st.query_params.get("mode") == "present" and current.name != "present":
        st.switch_page(launcher("present"))
    furniture.open_clicked()
    if current.name != "present":  # the presentation has its own controls and no side panel
        with st.sidebar:
            controls.language(lang)
    st.session_state[furniture.CURRENT] = current.name
    furniture.start_run()
    navigation.run()
    state.write_url(links.query(current, st.session_state[state.STATE]))


def launcher(name: str) -> str:
    """The file Streamlit runs for the page NAME (app_pages/NAME.py, which calls page(NAME))."""
    return f"app_pages/{name}.py"


def page(name: str) -> None:
    """Draw the page NAME (called by app_pages/NAME.py), with its export panel."""
    declared = registry.page(name)
    render = importlib.import_module(declared.module).render
    wanted = state.get("chart") if furniture.embedded() else ""
    if wanted:
        with furniture.chart_alone(wanted):
            render()
        return
    render()
    if declared.export is not None and not furniture.embedded():  # an embedded page is for reading
        exports.panel(name)
