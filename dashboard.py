"""Inklusi: the entry point. Language, shared state and navigation; each page is in pages/."""

import streamlit as st

from inklusi import db
from inklusi.i18n import LANGS, t
from inklusi.ui import data, state

st.set_page_config(page_title="Inklusi", page_icon="assets/favicon.png", layout="wide")

try:
    catalogue = data.indicator_catalogue()
except db.MissingBuildError:
    st.error(t("app.not_built", "id") + "\n\n" + t("app.not_built", "en"), icon=":material/build:")
    st.stop()

PAGES = [
    # (file, url path, message key, icon, URL fields of the page besides lang)
    ("pages/overview.py", "ringkasan", "nav.overview", ":material/map:",
     ["indicator", "year", "province", "view", "classes", "colour"]),
    ("pages/profile.py", "profil", "nav.profile", ":material/location_city:", ["indicator", "year", "province"]),
    ("pages/sources.py", "sumber", "nav.sources", ":material/menu_book:", []),
]

current = state.load(state.fields(catalogue, list(data.provinces()["kode"])))
lang = current["lang"]

with st.sidebar:
    st.segmented_control(t("field.lang", lang), LANGS, key=state.bind("lang"), format_func=str.upper,
                         on_change=state.changed, args=("lang",), required=True)
    lang = state.get("lang")

url_fields = {
    st.Page(file, title=t(key, lang), icon=icon, url_path=path, default=(i == 0)): fields
    for i, (file, path, key, icon, fields) in enumerate(PAGES)
}
navigation = st.navigation(list(url_fields))
navigation.run()
state.write_url(["lang"] + url_fields[navigation])
