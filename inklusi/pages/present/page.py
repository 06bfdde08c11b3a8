"""Presentasi / Presentation: the story on a projector. No side panel, large type, one chart per
slide that takes the height the screen leaves it, one header line (title, "2 / 10", previous,
next, settings), arrow keys, an optional kiosk that advances by itself, a QR code of the view
for the room's address (inklusi/site/room.py) beside the chart, a speaker view
(?mode=present&view=speaker) that stays on the projector's slide (inklusi/site/decks.py) with the
notes, pictures of the current and next slides and a clock, and the whole story as one HTML file
that needs no network."""

from __future__ import annotations

import io
import time
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit

import segno
import streamlit as st

from inklusi import audience, config
from inklusi.audience.page import drawing
from inklusi.i18n import literal, t
from inklusi.pages.present import KIOSK_SECONDS
from inklusi.site import decks, links, registry, room
from inklusi.store import boundaries, queries
from inklusi.story import deck as story
from inklusi.story.html import to_html
from inklusi.story.slide import PHONE, PROJECTOR, Screen, Slide, fit
from inklusi.ui import controls, data, furniture, play, screens, state
from inklusi.ui.furniture import current_lang

LAST_TICK = "present.last_tick"
ROOM_CHOICE = "present.room_choice"
QR_CORNER_PX = 180
CLOCK_SECONDS = 1
MINIATURE_PX = 300  # a slide's chart as the phones' page draws it, at about four fifths of its size
FOLLOW_SECONDS = 0.5  # how often a deck with a speaker view looks where the other window is
# Static style (no data or user text in it). The page fills the screen: a one-line header, the
# slide's sentences, and a chart that stretches over the height left (no scrolling on a
# projector); type of at least 24 px on a 1280-pixel screen; a phone shows the chart and the
# first sentence first.
STYLE = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.5rem 1.5rem 0.4rem; max-width: 100%; height: 100vh;
  box-sizing: border-box; display: flex; flex-direction: column; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { flex: 1 1 auto; min-height: 0; gap: 0.4rem; }
[data-testid="stLayoutWrapper"]:has(> .st-key-slide-body) { flex: 1 1 auto; min-height: 0; }
.st-key-slide-head { flex: 0 0 auto; }
.st-key-slide-title { min-width: 0; }
.st-key-slide-title p { font-weight: 600; color: #333; overflow: hidden; text-overflow: ellipsis; }
.st-key-slide-body h1, .st-key-slide-head h1 { font-size: clamp(28px, 1.2vw + 15px, 44px) !important; padding: 0;
  margin: 0 0 0.15em; color: #000; line-height: 1.15; }
.st-key-slide-head p { font-size: clamp(18px, 0.6vw + 12px, 26px); margin: 0; white-space: nowrap; }
.st-key-slide-head button p { font-size: 18px; }
.st-key-slide-head .st-key-play { flex-wrap: nowrap; }
.st-key-slide-body { flex: 1 1 auto; min-height: 0; gap: 0.3rem; }
.st-key-slide-body > [data-testid="stElementContainer"], .st-key-slide-body > [data-testid="stLayoutWrapper"] {
  flex: 0 0 auto; }
.st-key-slide-body > [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]) { flex: 1 1 0;
  min-height: 0; }
.st-key-slide-body [data-testid="stFullScreenFrame"], .st-key-slide-body [data-testid="stPlotlyChart"],
.st-key-slide-body .js-plotly-plot { height: 100% !important; }
.st-key-slide-body [data-testid="stMarkdownContainer"], .st-key-slide-head [data-testid="stMarkdownContainer"] {
  margin-bottom: 0; }
.st-key-slide-body [data-testid="stMarkdownContainer"] p { font-size: clamp(24px, 0.8vw + 14px, 34px);
  line-height: 1.25; margin: 0 0 0.1em; color: #000; }
.st-key-slide-body > [data-testid="stLayoutWrapper"]:has(> .st-key-slide-row) { flex: 1 1 0; min-height: 0; }
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-screen-"]), [class*="st-key-screen-"],
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:has(script) { display: none; }
.st-key-slide-row { height: 100%; align-items: stretch; flex-wrap: nowrap; }
.st-key-slide-row > [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]) { flex: 1 1 0;
  min-width: 0; height: 100%; }
.st-key-slide-qr { flex: 0 0 auto; align-self: flex-start; }
.st-key-slide-qr p { font-size: 12px !important; word-break: break-all; margin: 0; }
.st-key-speaker-body { flex: 1 1 auto; min-height: 0; overflow-y: auto; }
.st-key-speaker-body li, .st-key-speaker-body [data-testid="stMarkdownContainer"] > p { font-size: 22px;
  line-height: 1.35; }
.st-key-speaker-clock p { font-size: 26px; }
.st-key-qr-slide img { max-height: 55vh; width: auto; }
.st-key-qr-slide code { font-size: clamp(18px, 1vw + 8px, 28px); word-break: break-all; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { height: auto; padding: 0.5rem 0.6rem; }
  .st-key-slide-title { flex-basis: 100% !important; }
  .st-key-slide-head [data-testid="stPopover"] { display: none; }
  .st-key-slide-body h1, .st-key-slide-head h1 { font-size: 22px !important; }
  .st-key-slide-body [data-testid="stMarkdownContainer"], .st-key-slide-head [data-testid="stMarkdownContainer"] {
  margin-bottom: 0; }
.st-key-slide-body [data-testid="stMarkdownContainer"] p { font-size: 17px; }
  .st-key-slide-words > [data-testid="stElementContainer"] ~ [data-testid="stElementContainer"] { display: none; }
  .st-key-slide-body > [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]) { flex: 0 0 auto;
    height: max(76vh, 640px); }
}
</style>"""


@data.cached(max_entries=100)
def deck(lang: str, pin: str, phone: bool, step: float) -> list[Slide]:
    """The slides of a language and pinned province for a projector or a phone, built once (a
    kiosk tick queries nothing)."""
    return story.slides(data.query, lang, pin, data.geojson, screen(phone, step))


def screen(phone: bool, step: float) -> Screen:
    """What the slides' charts are drawn for: a phone, or a projector step times 1280 x 720."""
    return PHONE if phone else PROJECTOR.larger(step)


def drawn_for() -> tuple[bool, float]:
    """This window: a phone or not, and the step of its screen (inklusi/ui/screens.py)."""
    phone = furniture.on_phone()
    return phone, 1.0 if phone else screens.step()


def browser_base() -> str:
    """scheme://host:port of the address this browser used."""
    parts = urlsplit(getattr(st.context, "url", None) or "http://localhost:8501")
    return f"{parts.scheme}://{parts.netloc}"


def room_address() -> room.Room:
    """Where the room's phones reach the dashboard (inklusi/site/room.py), with the address the
    presenter chose in the settings."""
    return room.room(browser_base(), st.session_state.get(ROOM_CHOICE))


def audience_link(slide: int) -> str | None:
    """The link the room is given for a slide: its page in the light audience view (static, in the
    view's language and with its pinned province), whose one tap opens this live view. None when
    no phone can reach this dashboard: no QR code is made of an address the room cannot open."""
    found = room_address()
    return found.base + audience.url(current_lang(), slide, state.get("pin")) if found.reachable else None


@st.cache_data(show_spinner=False, max_entries=200)
def qr_png(link: str, scale: int) -> bytes:
    """A QR code of a link, made here (no service), as PNG."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def standalone_html(cursors, lang: str, pin: str, link: str | None) -> bytes:
    """The story with the maps inside the file (not fetched from this server); runs on click,
    outside the script run, so it gets the session's cursors as an argument."""
    slides = story.slides(
        queries.runner(cursors.get()),
        lang,
        pin,
        partial(boundaries.load_geojson, config.boundaries_dir()),
    )
    return to_html(slides, lang, t("present.title", lang), link).encode()  # drawn for a projector


def move(step: int, count: int, shown: int | None) -> None:
    """Previous or Next from the slide the window shows (a click counted twice, or a move of the
    other window on the way, still lands one slide on from what the presenter saw); shown None:
    from the slide a kiosk has reached."""
    go_to(((shown or state.get("slide")) - 1 + step) % count + 1)
    st.session_state.pop(LAST_TICK, None)  # a kiosk waits a full interval after a manual move
    play.release()  # a played map starts again from its own slide


def go_to(number: int) -> None:
    """Show slide number here, and in the other window of the deck (the deck's token)."""
    state.put("slide", number)
    if state.get("deck"):
        decks.move(state.get("deck"), number)


def tie() -> None:
    """A token for this deck, in its link and its speaker view's: from now on each follows the other."""
    token = decks.new_token()
    state.put("deck", token)
    decks.join(token, state.get("slide"))


def follow(token: str, shown: int) -> None:
    """Each FOLLOW_SECONDS: when the other window of the deck has moved, move here too."""
    position = decks.where(token)
    if position is not None and position.slide != shown:
        state.put("slide", position.slide)
        play.release()
        st.rerun()


def render() -> None:
    lang = current_lang()
    st.html(STYLE)
    phone, step = drawn_for()
    screens.mark(step)
    slides = deck(lang, state.get("pin"), phone, step)
    token = state.get("deck")  # a speaker view is tied to this deck (settings): both follow each other
    if token:
        state.put("slide", min(decks.join(token, state.get("slide")), len(slides)))
    heading, counter, playing = header(len(slides), lang)
    if token:
        st.fragment(partial(follow, token, state.get("slide")), run_every=FOLLOW_SECONDS)()
    if state.get("speaker"):
        speaker_view(slides, lang, heading, counter, qr_warning(lang))
        return
    furniture.show_url_notes()
    kiosk = state.get("kiosk")
    if kiosk:
        st.fragment(partial(show, slides, heading, counter, playing, lang, advance=kiosk), run_every=kiosk)()
    else:
        show(slides, heading, counter, playing, lang)


def qr_warning(lang: str) -> str | None:
    """What the presenter must know before the room sees a QR code: why no phone can reach the
    dashboard, or None."""
    found = room_address()
    return t(f"present.room_{found.warning}", lang) if found.warning else None


def header(count: int, lang: str):
    """One line: the slide's topic, previous, "2 / 10", next (each with its arrow key), a map
    slide's play control and the settings; returns the places of the topic, the counter and the play control
    (None in the speaker view and a kiosk, where no map plays), which the slide fills."""
    shown = None if state.get("kiosk") else state.get("slide")  # a kiosk moves on under its header
    with st.container(key="slide-head", horizontal=True, vertical_alignment="center"):
        with st.container(key="slide-title", width="stretch"):
            heading = st.empty()
        st.button(t("present.prev", lang), key="present.prev", shortcut="Left", on_click=move, args=(-1, count, shown))
        counter = st.empty()
        st.button(t("present.next", lang), key="present.next", shortcut="Right", on_click=move, args=(1, count, shown))
        playing = None if state.get("speaker") or state.get("kiosk") else st.empty()
        if not state.get("speaker"):
            with st.popover(t("present.settings", lang), icon=":material/settings:"):
                settings(lang)
    return heading, counter, playing


def sources_list(slide: Slide) -> None:
    """The sources slide: a list, not prose, in two columns so that it fits a projector's screen
    at the slides' type size."""
    half = (len(slide.sentences) + 1) // 2
    for column, sentences in zip(st.columns(2), (slide.sentences[:half], slide.sentences[half:]), strict=True):
        for sentence in sentences:
            column.markdown(sentence)


def show(slides: list[Slide], heading, counter, playing, lang: str, advance: int = 0) -> None:
    """One slide; in kiosk mode, each timed rerun of this fragment moves one slide on."""
    if advance:
        now = time.monotonic()
        if now - st.session_state.setdefault(LAST_TICK, now) >= advance - 0.5:
            go_to(state.get("slide") % len(slides) + 1)
            st.query_params["slide"] = str(state.get("slide"))
            st.session_state[LAST_TICK] = now
    number = state.get("slide")
    slide = slides[number - 1]
    heading.markdown(literal(slide.topic))
    counter.markdown(t("present.slide", lang, i=number, n=len(slides)), width="content")
    # a phone that opens a link with qr=1 is in the room already: no corner to squeeze its chart
    corner = bool(state.get("qr")) and slide.key != "qr" and not furniture.on_phone()
    with st.container(key="slide-body"):
        st.title(slide.title, anchor=False)
        if slide.key == "qr":
            qr_slide(slide, lang)
        elif slide.key == "sources":
            sources_list(slide)
        else:
            with st.container(key="slide-words", gap=None):
                for sentence in slide.sentences:
                    st.markdown(sentence)
            if slide.figure is not None and corner:  # beside the chart, never over it; the sentences keep the width
                with st.container(key="slide-row", horizontal=True, gap="small"):
                    slide_chart(slide, playing, lang)
                    corner_qr(number, lang)
            elif slide.figure is not None:
                slide_chart(slide, playing, lang)


def corner_qr(number: int, lang: str) -> None:
    with st.container(key="slide-qr", width=QR_CORNER_PX):
        link = audience_link(number)
        if link:
            st.image(qr_png(link, 4), width="stretch")
            st.markdown(literal(link))
        else:
            st.caption(t("present.qr_unreachable", lang))


def slide_chart(slide: Slide, playing, lang: str) -> None:
    """The slide's chart; a map that plays through the editions gets its play control in the
    header, and once played, shows the edition the play has reached on one colour scale."""
    if slide.plays and playing is not None:
        with playing.container():
            fixed = play.control(slide.plays, lang, in_view=False)
        if fixed:
            st.fragment(partial(played_map, slide, play.span(slide.plays), lang), run_every=play.run_every())()
            return
    slide_figure(slide.figure, slide.key, slide.alt)


def played_map(slide: Slide, span: tuple[float, float], lang: str) -> None:
    """The map of the edition the play has reached (each timed rerun moves it one on)."""
    year = play.tick(data.indicator_catalogue().years(slide.plays), in_view=False)
    fig, alt = played_figure(slide.key, lang, state.get("pin"), *drawn_for(), year, span)
    slide_figure(fig, slide.key, alt)


@data.cached(max_entries=100)
def played_figure(key: str, lang: str, pin: str, phone: bool, step: float, year: int, span: tuple[float, float]):
    """A played slide's map of one edition on the fixed scale, built once (as the deck is)."""
    fig, alt = story.PLAYED[key](data.query, lang, pin, data.geojson, year, span)
    return fit(fig, screen(phone, step)), alt


def slide_figure(figure, key: str, alt: str) -> None:
    furniture.chart(figure, key=f"present.chart.{key}", alt=alt, themed=False, table=False, height="stretch")


def qr_slide(slide: Slide, lang: str) -> None:
    """The dedicated slide: a large QR code of the presentation's first slide, and its link; in its
    place, when no phone can reach the dashboard, why."""
    link = audience_link(1)
    if link is None:
        st.warning(qr_warning(lang))
        return
    st.markdown(slide.sentences[0])
    with st.container(key="qr-slide", horizontal_alignment="center"):
        st.image(qr_png(link, 12), width="content", caption=None)
        st.code(link, language=None, wrap_lines=True)


def room_settings(lang: str) -> None:
    """The room address, the choice of this machine's network when the deck is opened on it, and
    what is wrong with it, said before the room sees a QR code."""
    found = room_address()
    choices = room.addresses()
    on_this_machine = room.loopback(urlsplit(browser_base()).hostname or "") and room.public_url()[0] is None
    if found.warning is None and on_this_machine and len(choices) > 1:
        if st.session_state.get(ROOM_CHOICE) not in choices:
            st.session_state[ROOM_CHOICE] = room.machine_address(st.session_state.get(ROOM_CHOICE))[0]
        st.selectbox(t("present.room_choice", lang), choices, key=ROOM_CHOICE)
        found = room_address()
    if found.note:
        st.info(t(f"present.room_{found.note}", lang))
    if found.warning:
        st.warning(t(f"present.room_{found.warning}", lang))
    else:
        st.markdown(t("present.room", lang, address=found.base.replace("`", "")))  # in a code span: shown as is


def settings(lang: str) -> None:
    room_settings(lang)
    controls.language(lang)
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
        KIOSK_SECONDS,
        key=state.bind("kiosk"),
        on_change=state.changed,
        args=("kiosk",),
        format_func=lambda s: t("present.kiosk_off", lang) if not s else t("present.kiosk_every", lang, s=s),
    )
    st.toggle(
        t("present.qr_corner", lang),
        value=bool(state.get("qr")),
        key="present.qr_toggle",
        on_change=lambda: state.put("qr", int(st.session_state["present.qr_toggle"])),
    )
    if state.get("deck"):
        st.link_button(
            t("present.speaker_link", lang),
            icon=":material/speaker_notes:",
            url=links.build(
                browser_base(),
                registry.page("present"),
                st.session_state[state.STATE] | {"speaker": 1, "kiosk": None, "qr": None},
            ),
        )
    else:
        st.button(t("present.speaker_tie", lang), icon=":material/link:", on_click=tie, key="present.tie")
    st.download_button(
        t("present.export_html", lang),
        data=partial(standalone_html, data.cursors(), lang, state.get("pin"), audience_link(1)),
        file_name=f"inklusi-story-{lang}.html",
        mime="text/html",
        on_click="ignore",
        icon=":material/slideshow:",
        key="present.html",
    )
    st.caption(t("present.pdf_note", lang))
    st.caption(t("present.keys", lang))


def speaker_view(slides: list[Slide], lang: str, heading, counter, warning: str | None) -> None:
    number = state.get("slide")
    slide, following = slides[number - 1], slides[number % len(slides)]
    heading.markdown(literal(f"{t('notes.title', lang)}: {slide.topic}"))
    counter.markdown(t("present.slide", lang, i=number, n=len(slides)), width="content")
    with st.container(key="speaker-body"):
        with st.container(horizontal=True, key="speaker-clock", vertical_alignment="center"):
            st.fragment(clock, run_every=CLOCK_SECONDS)(lang)
            st.button(
                t("present.clock_reset", lang), key="present.clock_reset", on_click=reset, icon=":material/restart_alt:"
            )
        notes, pictures = st.columns([3, 2], gap="medium")
        with notes:
            if warning and slide.key == "qr":
                st.warning(warning)
            st.markdown("\n".join(f"- {note}" for note in slide.notes))
        with pictures:
            miniature(slide, t("present.now_showing", lang), lang)
            miniature(following, t("present.coming", lang), lang)


def miniature(slide: Slide, label: str, lang: str) -> None:
    """A slide as a picture: its title, its sentences and its chart."""
    with st.container(border=True):
        st.caption(f"{label}: **{literal(slide.title)}**")
        picture = drawing(slide, lang)
        if picture:
            st.image(picture, width=MINIATURE_PX)


def reset() -> None:
    if state.get("deck"):
        decks.reset_clock(state.get("deck"))


def clock(lang: str) -> None:
    """The time of day and the time since the first Next."""
    position = decks.where(state.get("deck")) if state.get("deck") else None
    started = position.started if position else None
    if started is None:
        elapsed = t("present.elapsed_waiting", lang)
    else:
        minutes, seconds = divmod(int(time.time() - started), 60)
        elapsed = t("present.elapsed", lang, time=f"{minutes:02d}:{seconds:02d}")
    st.markdown(f"**{datetime.now().strftime('%H:%M')}** · {elapsed}")
