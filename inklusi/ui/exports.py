"""The export panel under every page: this view or the whole dataset, in every format, with
its JSON sidecar and a suggested citation. Files are made when a button is clicked."""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from urllib.parse import urlsplit

import streamlit as st

from inklusi.export import files, metadata
from inklusi.i18n import t
from inklusi.site import links, registry
from inklusi.ui import data, state
from inklusi.ui.furniture import IMAGE_FORMAT, charts_drawn, current_lang

IMAGE_CHOICE = "export.images"  # the widget; IMAGE_FORMAT keeps its value


def link(page: str, **changes) -> str | None:
    """The shareable link of the current view (the same one the address bar shows), with changes."""
    current = getattr(st.context, "url", None)
    if not current:
        return None
    parts = urlsplit(current)
    view = st.session_state[state.STATE] | changes
    return links.build(f"{parts.scheme}://{parts.netloc}", registry.page(page), view)


def panel(page: str) -> None:
    lang = current_lang()
    expander = st.expander(t("export.title", lang), icon=":material/download:", key="export.open", on_change="rerun")
    if not expander.open:  # built only when opened: most visits never open it
        return
    with expander:
        left, right = st.columns(2)
        scope = left.radio(
            t("export.scope", lang),
            files.SCOPES,
            key="export.scope",
            horizontal=True,
            format_func=lambda v: t(f"export.scope_{v}", lang),
        )
        fmt = right.selectbox(
            t("export.format", lang),
            files.FORMATS,
            key="export.format",
            format_func=lambda v: t(f"export.format_{v}", lang),
        )
        url = link(page)
        try:
            view = cached_view(page, scope, tuple(sorted(st.session_state[state.STATE].items())))
        except files.ExportError:
            st.info(t("export.nothing", lang), icon=":material/block:")
            return
        name = files.file_name(view, fmt)
        buttons = st.columns(2)
        buttons[0].download_button(
            t("export.download_data", lang),
            data=lambda: files.encode(view, fmt, lang),
            file_name=name,
            mime=files.MEDIA_TYPES[files.EXTENSIONS[fmt]],
            on_click="ignore",
            icon=":material/table:",
            key="export.data",
        )
        buttons[1].download_button(
            t("export.download_meta", lang),
            data=lambda: sidecar_bytes(view, fmt, lang, url),
            file_name=name + ".json",
            mime="application/json",
            on_click="ignore",
            icon=":material/data_object:",
            key="export.meta",
        )
        st.caption(t("export.rows", lang, n=len(view.frame), name=name))
        st.markdown(t("export.cite", lang))
        st.code(metadata.citation(view, lang, url, datetime.now(timezone.utc)), language=None, wrap_lines=True)
        st.caption(t("export.rounding", lang))
        st.session_state[IMAGE_CHOICE] = st.session_state.get(IMAGE_FORMAT, "png")
        st.segmented_control(
            t("export.images", lang),
            ("png", "svg"),
            key=IMAGE_CHOICE,
            on_change=keep_image_format,
            required=True,
            format_func=str.upper,
            help=t("export.images_help", lang),
        )
        embed_snippets(page, lang)


def embed_snippets(page: str, lang: str) -> None:
    """The HTML that embeds one chart of the view in another site (an iframe of its chart-only
    link), and the link of the whole page without the side panel."""
    drawn = {key: (title, height) for key, title, height in charts_drawn()}
    whole = link(page, chart="")
    if not drawn or whole is None:
        return
    st.markdown(t("export.embed", lang))
    key = st.selectbox(
        t("export.embed_chart", lang), list(drawn), format_func=lambda k: drawn[k][0] or k, key="export.embed_chart"
    )
    title, height = drawn[key]
    source = link(page, chart=key) + "&embed=true"
    st.code(
        f'<iframe src="{html.escape(source)}" title="{html.escape(title)}" width="100%" height="{height + 40}" '
        'style="border:0" loading="lazy"></iframe>',
        language="html",
        wrap_lines=True,
    )
    st.caption(t("export.embed_page", lang, link=f"{whole}{'&' if '?' in whole else '?'}embed=true"))


def keep_image_format() -> None:
    """The choice outlives the panel: Streamlit forgets a widget's value once it is not drawn
    (the panel is drawn only while open), so the chosen format is kept under its own key."""
    st.session_state[IMAGE_FORMAT] = st.session_state[IMAGE_CHOICE]


@data.cached(max_entries=300)
def cached_view(page: str, scope: str, items: tuple) -> files.View:
    """The view shown under a page, built once per state (items: the state as sorted pairs), from
    the same cached queries as the page."""
    return files.build(data.query, page, dict(items), scope)


def sidecar_bytes(view: files.View, fmt: str, lang: str, url: str | None) -> bytes:
    data_bytes = files.encode(view, fmt, lang)
    return json.dumps(files.sidecar(view, fmt, data_bytes, lang=lang, url=url), indent=2, ensure_ascii=False).encode()
