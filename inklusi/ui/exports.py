"""The export panel under every page: this view or the whole dataset, in five formats, with
its JSON sidecar and a suggested citation. Files are made when a button is clicked."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from urllib.parse import urlencode, urlsplit

import streamlit as st

from inklusi import export, viewstate
from inklusi.i18n import t
from inklusi.ui import data, state
from inklusi.ui.page import IMAGE_FORMAT, lang


def link(page: str) -> str | None:
    """The shareable link of the current view (the same one the address bar shows)."""
    try:
        current = st.context.url
    except AttributeError:
        current = None
    if not current:
        return None
    parts = urlsplit(current)
    fields = ["lang", *viewstate.PAGE_FIELDS[page]]
    query = urlencode({f: state.get(f) for f in fields if state.get(f) not in ("", None)})
    path = "" if page == "overview" else page
    return f"{parts.scheme}://{parts.netloc}/{path}" + (f"?{query}" if query else "")


def panel(page: str) -> None:
    L = lang()
    expander = st.expander(t("export.title", L), icon=":material/download:", key="export.open", on_change="rerun")
    if not expander.open:  # built only when opened: most visits never open it
        return
    with expander:
        left, right = st.columns(2)
        scope = left.radio(t("export.scope", L), export.SCOPES, key="export.scope", horizontal=True,
                           format_func=lambda v: t(f"export.scope_{v}", L))
        fmt = right.selectbox(t("export.format", L), export.FORMATS, key="export.format",
                              format_func=lambda v: t(f"export.format_{v}", L))
        url = link(page)
        try:
            view = cached_view(page, scope, tuple(sorted(st.session_state[state.STATE].items())))
        except export.ExportError:
            st.info(t("export.nothing", L), icon=":material/block:")
            return
        name = export.file_name(view, fmt)
        buttons = st.columns(2)
        buttons[0].download_button(
            t("export.download_data", L), data=lambda: export.encode(view, fmt, L), file_name=name,
            mime=export.MEDIA_TYPES[export.EXTENSIONS[fmt]], on_click="ignore", icon=":material/table:",
            key="export.data")
        buttons[1].download_button(
            t("export.download_meta", L), data=lambda: sidecar_bytes(view, fmt, L, url), file_name=name + ".json",
            mime="application/json", on_click="ignore", icon=":material/data_object:", key="export.meta")
        st.caption(t("export.rows", L, n=len(view.frame), name=name))
        st.markdown(t("export.cite", L))
        st.code(export.citation(view, L, url, datetime.now(timezone.utc)), language=None, wrap_lines=True)
        st.caption(t("export.rounding", L))
        st.session_state.setdefault(IMAGE_FORMAT, "png")
        st.segmented_control(t("export.images", L), ("png", "svg"), key=IMAGE_FORMAT, required=True,
                             format_func=str.upper, help=t("export.images_help", L))


@data.cached(max_entries=300)
def cached_view(page: str, scope: str, items: tuple) -> export.View:
    """The view shown under a page, built once per state (items: the state as sorted pairs), from
    the same cached queries as the page."""
    return export.build(data.query, page, dict(items), scope)


def sidecar_bytes(view: export.View, fmt: str, L: str, url: str | None) -> bytes:
    data_bytes = export.encode(view, fmt, L)
    return json.dumps(export.sidecar(view, fmt, data_bytes, lang=L, url=url), indent=2, ensure_ascii=False).encode()
