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

from inklusi import db, targeting
from inklusi.i18n import LANGS, t
from inklusi.ui import data, state

# (file, URL path = the file's name, message key, icon, URL fields of the page besides lang)
PAGES = [
    ("pages/overview.py", "overview", "nav.overview", ":material/map:",
     ["indicator", "year", "province", "view", "classes", "colour"]),
    ("pages/profile.py", "profile", "nav.profile", ":material/location_city:", ["indicator", "year", "province"]),
    ("pages/gaps.py", "gaps", "nav.gaps", ":material/compare_arrows:",
     ["indicator", "year", "province", "start", "group"]),
    ("pages/sectors.py", "sectors", "nav.sectors", ":material/storefront:",
     ["m_year", "sector", "area", "scale", "gender"]),
    ("pages/targeting.py", "targeting", "nav.targeting", ":material/target:", ["need", "per", "x_cut", "y_cut"]),
    ("pages/sources.py", "sources", "nav.sources", ":material/menu_book:", []),
]
_routing = threading.local()


def main() -> None:
    st.set_page_config(page_title="Inklusi", page_icon="assets/favicon.png", layout="wide")
    try:
        catalogue = data.indicator_catalogue()
    except db.MissingBuildError:
        st.error(t("app.not_built", "id") + "\n\n" + t("app.not_built", "en"), icon=":material/build:")
        st.stop()
    state.load(state.fields(catalogue, list(data.provinces()["kode"]), data.mentoring_options(),
                            list(targeting.NEEDS)))
    with st.sidebar:
        st.segmented_control(t("field.lang", state.get("lang")), LANGS, key=state.bind("lang"),
                             format_func=str.upper, on_change=state.changed, args=("lang",), required=True)
    lang = state.get("lang")
    url_fields = {
        st.Page(file, title=t(key, lang), icon=icon, url_path=path, default=(i == 0)): fields
        for i, (file, path, key, icon, fields) in enumerate(PAGES)
    }
    navigation = st.navigation(list(url_fields))
    _routing.active = True
    try:
        navigation.run()
    finally:
        _routing.active = False
    state.write_url(["lang"] + url_fields[navigation])


def page(render: Callable[[], None]) -> None:
    """Render a page under the navigation; started on its own, go through main() first."""
    if getattr(_routing, "active", False):
        render()
    else:
        main()
