"""The frame around every page: page config, language, URL state and navigation over the page
registry (inklusi/registry.py). dashboard.py calls main(); each file in pages/ calls page(NAME)."""

from __future__ import annotations

import importlib
import threading

import streamlit as st

from inklusi import links, registry, targeting, viewstate
from inklusi.i18n import t
from inklusi.store import db
from inklusi.ui import controls, data, exports, state
from inklusi.ui import page as furniture

_navigating = threading.local()


def main() -> None:
    st.set_page_config(page_title="Inklusi", page_icon="assets/favicon.png", layout="wide")
    try:
        catalogue = data.indicator_catalogue()
    except db.MissingBuildError:
        st.error(t("app.not_built", "id") + "\n\n" + t("app.not_built", "en"), icon=":material/build:")
        st.stop()
    state.load(
        viewstate.fields(
            catalogue,
            list(data.provinces()["kode"]),
            data.mentoring_options(),
            list(targeting.NEEDS),
            data.world_options(),
        ),
        data.dataset_key(),
    )
    lang = state.get("lang")
    pages = {
        st.Page(
            f"pages/{p.name}.py",
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
        st.switch_page("pages/present.py")
    if current.name != "present":  # the presentation has its own controls and no side panel
        with st.sidebar:
            controls.language(lang)
    st.session_state[furniture.CURRENT] = current.name
    furniture.start_run()
    _navigating.active = True
    try:
        navigation.run()
    finally:
        _navigating.active = False
    state.write_url(links.query(current, st.session_state[state.STATE]))


def page(name: str) -> None:
    """Draw the page NAME (called by pages/NAME.py), with its export panel.

    Streamlit still knows the pages/ folder of its multipage apps version 1: until the first
    st.navigation call of a server process, a link to /NAME runs pages/NAME.py itself as the
    app, not dashboard.py. Such a run starts the frame (main), which runs the page again under
    st.navigation; the flag set around navigation.run() tells the two runs apart."""
    if not getattr(_navigating, "active", False):
        main()
        return
    declared = registry.page(name)
    render = importlib.import_module(f"inklusi.ui.{declared.module}").render
    wanted = state.get("chart") if furniture.embedded() else ""
    if wanted:
        with furniture.chart_alone(wanted):
            render()
        return
    render()
    if declared.export is not None and not furniture.embedded():  # an embedded page is for reading
        exports.panel(name)
