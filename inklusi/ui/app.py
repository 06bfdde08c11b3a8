"""The frame around every page: page config, language, URL state and navigation.

dashboard.py calls main(). Every file in pages/ calls page(render): under the navigation it
simply renders; run on its own it first starts the frame. That happens because Streamlit
still knows the pages/ folder of multipage apps version 1: until the first st.navigation
call of a server process, a link to /sectors runs pages/sectors.py itself, not
dashboard.py. Routing through main() from there keeps one code path for every visit.
"""

from __future__ import annotations

import threading
from typing import Callable

import streamlit as st

from inklusi import db, export, targeting, viewstate
from inklusi.i18n import LANGS, t
from inklusi.ui import data, exports, page as furniture, state

# (page = file name in pages/ = URL path, icon)
PAGES = [
    ("overview", ":material/map:"),
    ("profile", ":material/location_city:"),
    ("gaps", ":material/compare_arrows:"),
    ("sectors", ":material/storefront:"),
    ("targeting", ":material/target:"),
    ("present", ":material/slideshow:"),
    ("import", ":material/upload_file:"),
    ("sources", ":material/menu_book:"),
    ("dictionary", ":material/dictionary:"),
]
_routing = threading.local()


def main() -> None:
    st.set_page_config(page_title="Inklusi", page_icon="assets/favicon.png", layout="wide")
    try:
        catalogue = data.indicator_catalogue()
    except db.MissingBuildError:
        st.error(t("app.not_built", "id") + "\n\n" + t("app.not_built", "en"), icon=":material/build:")
        st.stop()
    state.load(viewstate.fields(catalogue, list(data.provinces()["kode"]), data.mentoring_options(),
                            list(targeting.NEEDS)), data.dataset_key())
    lang = state.get("lang")
    pages = {
        st.Page(f"pages/{name}.py", title=t(f"nav.{name}", lang), icon=icon, url_path=name, default=(i == 0)): name
        for i, (name, icon) in enumerate(PAGES)
    }
    navigation = st.navigation(list(pages))
    if st.query_params.get("mode") == "present" and pages[navigation] != "present":
        st.switch_page("pages/present.py")
    if pages[navigation] != "present":  # the presentation has its own controls and no side panel
        with st.sidebar:
            st.segmented_control(t("field.lang", lang), LANGS, key=state.bind("lang"), format_func=str.upper,
                                 on_change=state.changed, args=("lang",), required=True)
    st.session_state[furniture.CURRENT] = pages[navigation]
    _routing.active = True
    try:
        navigation.run()
    finally:
        _routing.active = False
    state.write_url(["lang"] + viewstate.PAGE_FIELDS[pages[navigation]])


def page(name: str, render: Callable[[], None]) -> None:
    """Render a page and its export panel under the navigation; started on its own, go
    through main() first."""
    if getattr(_routing, "active", False):
        render()
        if name in export.BUILDERS:
            exports.panel(name)
    else:
        main()
