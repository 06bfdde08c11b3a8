"""Presentasi / Presentation: the story on a projector. No side panel, large type, one chart
per slide, arrow keys, an optional kiosk that advances by itself, and the whole story as
one HTML file that needs no network."""

from __future__ import annotations

import time
from functools import partial

import streamlit as st

from inklusi import boundaries, config, queries, story, viewstate
from inklusi.i18n import LANGS, t
from inklusi.ui import controls, data, page, state
from inklusi.ui.page import current_lang

LAST_TICK = "present.last_tick"
# Static style (no data or user text in it): hide the app's chrome, large high-contrast type.
STYLE = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; max-width: 100%; }
[data-testid="stMarkdownContainer"] p { font-size: 30px; line-height: 1.3; color: #000; }
h1 { font-size: 46px !important; color: #000; }
</style>"""


@data.cached(max_entries=100)
def deck(lang: str, pin: str) -> list[story.Slide]:
    """The slides of a language and pinned province, built once (a kiosk tick queries nothing)."""
    return story.slides(data.query, lang, pin, data.geojson)


def standalone_html(cursors, lang: str, pin: str) -> bytes:
    """The story with the maps inside the file (not fetched from this server); runs on click,
    outside the script run, so it gets the session's cursors as an argument."""
    slides = story.slides(
        lambda name, **params: queries.run(cursors.get(), name, params),
        lang,
        pin,
        partial(boundaries.load_geojson, config.boundaries_dir()),
    )
    return story.to_html(slides, lang, t("present.title", lang)).encode()


def move(step: int, count: int) -> None:
    state.put("slide", (state.get("slide") - 1 + step) % count + 1)
    st.session_state.pop(LAST_TICK, None)  # a kiosk waits a full interval after a manual move


def render() -> None:
    lang = current_lang()
    st.html(STYLE)
    slides = deck(lang, state.get("pin"))
    count = len(slides)
    head = st.columns([5, 1, 1, 1, 2], vertical_alignment="center")
    head[1].button(
        "←",
        key="present.prev",
        help=t("present.prev", lang),
        shortcut="Left",
        on_click=move,
        args=(-1, count),
        width="stretch",
    )
    head[2].markdown(t("present.slide", lang, i=state.get("slide"), n=count))
    head[3].button(
        "→",
        key="present.next",
        help=t("present.next", lang),
        shortcut="Right",
        on_click=move,
        args=(1, count),
        width="stretch",
    )
    with head[4].popover(t("present.settings", lang), icon=":material/settings:"):
        settings(lang)
    page.show_url_notes()
    kiosk = state.get("kiosk")
    if kiosk:
        st.fragment(partial(show, slides, head[0], lang, advance=kiosk), run_every=kiosk)()
    else:
        show(slides, head[0], lang)


def show(slides: list[story.Slide], heading, lang: str, advance: int = 0) -> None:
    """One slide; in kiosk mode, each timed rerun of this fragment moves one slide on."""
    if advance:
        now = time.monotonic()
        if now - st.session_state.setdefault(LAST_TICK, now) >= advance - 0.5:
            state.put("slide", state.get("slide") % len(slides) + 1)
            st.query_params["slide"] = str(state.get("slide"))
            st.session_state[LAST_TICK] = now
    slide = slides[state.get("slide") - 1]
    heading.title(slide.title)
    for sentence in slide.sentences:
        st.markdown(sentence)
    if slide.figure is not None:
        page.chart(slide.figure, key=f"present.chart.{slide.key}", alt=slide.alt, themed=False, table=False)


def settings(lang: str) -> None:
    st.segmented_control(
        t("field.lang", lang),
        LANGS,
        key=state.bind("lang"),
        format_func=str.upper,
        on_change=state.changed,
        args=("lang",),
        required=True,
    )
    st.selectbox(
        t("present.pin", lang),
        [""] + list(data.provinces()["kode"]),
        key=state.bind("pin"),
        format_func=partial(controls.province_label, lang=lang),
        on_change=state.changed,
        args=("pin",),
    )
    st.selectbox(
        t("present.kiosk", lang),
        viewstate.KIOSK_SECONDS,
        key=state.bind("kiosk"),
        on_change=state.changed,
        args=("kiosk",),
        format_func=lambda s: t("present.kiosk_off", lang) if not s else t("present.kiosk_every", lang, s=s),
    )
    st.download_button(
        t("present.export_html", lang),
        data=partial(standalone_html, data.cursors(), lang, state.get("pin")),
        file_name=f"inklusi-story-{lang}.html",
        mime="text/html",
        on_click="ignore",
        icon=":material/slideshow:",
        key="present.html",
    )
    st.caption(t("present.pdf_note", lang))
    st.caption(t("present.keys", lang))
