"""Page furniture shared by every page: notes, banners, charts that open a profile on click."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import partial
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures.common import PHONE_WIDTH, presented
from inklusi.figures.tables import chart_title, figure_table
from inklusi.i18n import literal, number, percent, signed, t
from inklusi.site import registry
from inklusi.site.provinces import MAX_PROVINCES, Choice
from inklusi.statistics.metrics import mentoring_rates
from inklusi.ui import state
from inklusi.ui.data import DATASET
from inklusi.words.block import Block

PROFILE_PAGE = "app_pages/profile.py"
CURRENT = "inklusi.page"  # the name of the page this run draws
CLICKS = "inklusi.clicks"
OPEN_PROFILE = "inklusi.open_profile"  # set by a chart's click, spent by open_clicked
IMAGE_FORMAT = "inklusi.image_format"  # PNG or SVG from each chart's camera button (set in the export panel)
# Static style (no data or user text in it) of an embedded page: no side panel and no way to open it,
# and no room kept for the header it does not show.
EMBEDDED_STYLE = """<style>
section[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"], header[data-testid="stHeader"] {
  display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; }
</style>"""
# ... and of an embedded chart (?embed=true&chart=KEY): everything else of the page stays hidden.
CHART_ALONE_STYLE = """<style>
.st-key-embed-rest { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.5rem 0.75rem; }
</style>"""
# Static style (no data or user text in it) of every page: a metric's label wraps instead of being
# cut with "…" (Streamlit cuts it to one line), so that the card says what it counts at every
# width; the title sits just under Streamlit's header bar (3.75rem, which holds the side panel's
# button and the menu), not under Streamlit's 6rem top padding, about 110 px of empty band; a
# table's cell breaks a long name or path (a source's file) rather than push the table past the page.
PAGE_STYLE = """<style>
[data-testid="stMetricLabel"] .stMarkdownEllipsis, [data-testid="stMetricLabel"] .stMarkdownEllipsis p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"] { height: auto !important; }
[data-testid="stMainBlockContainer"] { padding-top: 3.75rem; }
[data-testid="stMainBlockContainer"] h1 { padding-top: 0.25rem; }
[data-testid="stTableStyledTable"] { width: 100% !important; }
[data-testid="stTableStyledTable"] :is(th, td) { white-space: normal; min-width: 6rem; }
[data-testid="stTableStyledTable"] :is(th, td) :is(div, p) {
  display: block !important; width: auto !important; overflow-wrap: anywhere !important; }
</style>"""
# Static script (no data or user text in it): every province map shows the whole archipelago
# (95.04-141.02 E, 11.01 S-5.91 N, from the built boundaries) with a margin, at whatever width the
# browser gives it, from a 390-pixel phone to a 1920-pixel screen. Plotly's maps keep a fixed
# centre and zoom, and the server cannot know the width, so the browser fits each map whenever
# it is drawn anew or changes size (not when the reader zooms or pans it).
FIT_MAPS = """<script>
(() => {
  if (window.inklusiFitMaps) return;
  window.inklusiFitMaps = true;
  const ARCHIPELAGO = [[95.04, -11.01], [141.02, 5.91]];
  const fit = () => {
    for (const plot of document.querySelectorAll('.js-plotly-plot')) {
      const subplot = plot._fullLayout && plot._fullLayout.map && plot._fullLayout.map._subplot;
      const map = subplot && subplot.map;
      if (!map) continue;
      const canvas = map.getCanvas();
      const size = canvas.clientWidth + 'x' + canvas.clientHeight;
      if (canvas.clientWidth === 0 || (plot.inklusiLayout === plot._fullLayout && plot.inklusiSize === size)) continue;
      const margin = Math.max(8, Math.round(0.04 * Math.min(canvas.clientWidth, canvas.clientHeight)));
      map.resize();
      map.fitBounds(ARCHIPELAGO, {padding: margin, animate: false});
      plot.inklusiLayout = plot._fullLayout;
      plot.inklusiSize = size;
    }
  };
  window.setInterval(fit, 250);
})();
</script>"""
_run = threading.local()  # this run's charts (key, title, height), and the embedded chart's key and place


def embedded() -> bool:
    """Whether the page is shown inside another site (?embed=true, which Streamlit keeps from the
    query parameters and tells through st.context.is_embedded)."""
    return bool(st.context.is_embedded)


def furnish() -> None:
    """What every run of every page gets: the styles that let metric labels wrap and bring the
    title up, and the script that fits the maps."""
    st.sidebar.html(PAGE_STYLE)
    st.sidebar.html(FIT_MAPS, unsafe_allow_javascript=True)  # in the side panel: no gap above the page


def hide_side_panel() -> None:
    st.html(EMBEDDED_STYLE)


def start_run() -> None:
    _run.charts, _run.alone = [], None


def charts_drawn() -> list[tuple[str, str, int]]:
    """(key, title, height) of every chart this run has drawn so far, for the embed snippets."""
    return list(getattr(_run, "charts", []))


@contextmanager
def chart_alone(wanted: str):
    """Draw a page with only one of its charts shown (an embedded chart): the chart goes to a place
    of its own above the page, the rest of the page to a hidden container. A page without such a
    chart says so, and names the charts it has."""
    st.html(CHART_ALONE_STYLE)
    place = st.container(key="embed-chart")
    _run.alone = (wanted, place)
    try:
        with st.container(key="embed-rest"):
            yield
    finally:
        _run.alone = None
    keys = [key for key, _, _ in charts_drawn()]
    if wanted not in keys:
        place.warning(
            t(
                "embed.no_chart",
                current_lang(),
                given=literal(wanted),
                keys=", ".join(keys) or t("url.nothing", current_lang()),
            ),
            icon=":material/link_off:",
        )


def plotly_config() -> dict:
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {"format": st.session_state.get(IMAGE_FORMAT) or "png", "scale": 2},
    }


def on_phone() -> bool:
    """Whether the browser says it is a phone ("Mobile" in its user agent, as phone browsers
    send): charts then get type and map zoom for a small screen. Plotly sizes text in pixels,
    so this cannot be left to the style sheet."""
    return "Mobile" in (st.context.headers.get("User-Agent") or "")


def current_lang() -> str:
    return state.get("lang")


def show_url_notes() -> None:
    """Say which values in the link were not understood and what is shown instead; each field is
    named by its label in the page's language."""
    fields = registry.page(st.session_state.get(CURRENT, registry.HOME.name)).url_fields
    for field, given, used, reason in state.take_notes(fields):
        st.warning(
            t(
                f"url.refused_{reason}",
                current_lang(),
                field=t(f"field.{field}", current_lang()),
                given=literal(given),
                used=used if used != "" else t("url.nothing", current_lang()),
            ),
            icon=":material/link_off:",
        )


def sentences(said: Block, key: str) -> None:
    """A block's sentences (its headline is drawn where the page puts it), then its evidence in a
    "How we know" part, closed until a reader opens it."""
    st.markdown(" ".join(said.sentences))
    if said.evidence:
        with st.expander(t("common.how_we_know", current_lang()), icon=":material/fact_check:", key=f"{key}.how"):
            st.markdown("\n".join(f"- {line}" for line in said.evidence))


def synthetic_banner() -> None:
    """Say where the mentoring records come from: synthetic, or the file this session imported."""
    chosen = st.session_state.get(DATASET)
    if chosen and chosen.kind == "mentoring":
        st.info(
            t("import.banner", current_lang(), name=literal(chosen.name), rows=number(chosen.rows, current_lang(), 0)),
            icon=":material/upload_file:",
        )
    else:
        st.info(t("synthetic.banner", current_lang()), icon=":material/science:")


def chart(
    fig: go.Figure,
    *,
    key: str,
    alt: str,
    clickable: bool = False,
    themed: bool = True,
    table: bool = True,
    height: int | str = "content",
) -> None:
    """Draw a chart; a click on a province opens that province's profile.

    A screen reader gets the chart's title and alt (a one-line summary); under the chart its data
    is a table (in a closed expander, built when opened; table=False on a projector slide, whose
    sentences say it).
    themed=False keeps the figure's own type sizes (Streamlit's theme sets small axis fonts);
    height="stretch" fills the height its container leaves (a slide)."""
    _run.charts = [*charts_drawn(), (key, chart_title(fig), int(fig.layout.height or 450))]
    alone = getattr(_run, "alone", None)
    if alone is None:
        _draw(fig, key, alt, clickable, themed, table, height)
    elif alone[0] == key:  # an embedded chart: only that one, in its own place, without its table
        with alone[1]:
            _draw(fig, key, alt, clickable, themed, False, height)


def _draw(fig: go.Figure, key: str, alt: str, clickable: bool, themed: bool, table: bool, height: int | str) -> None:
    if themed and on_phone():  # a page's chart (a slide's is drawn for its screen): titles wrapped for a phone
        fig = presented(go.Figure(fig), 1.0, PHONE_WIDTH, fig.layout.height)
    title = chart_title(fig)
    described = alt if not title or alt.startswith(title) else f"{title}. {alt}"
    options = dict(alt=described, config=plotly_config(), theme="streamlit" if themed else None, height=height)
    if not clickable:
        st.plotly_chart(fig, key=key, **options)
    else:
        chart_key = f"{key}.{st.session_state.setdefault(CLICKS, 0)}"
        st.plotly_chart(fig, key=chart_key, on_select=partial(clicked, chart_key), selection_mode="points", **options)
    if table:
        lang = current_lang()
        label = t("chart.table", lang, title=title)
        expander = st.expander(label, icon=":material/table_rows:", key=f"{key}.table.open", on_change="rerun")
        if not expander.open:  # built only when opened: most readers never open it
            return
        with expander:
            data = figure_table(fig)
            st.dataframe(
                data.rename(columns={c: t(f"chart.col_{c}", lang) for c in data.columns}),
                hide_index=True,
                width="stretch",
                key=f"{key}.table",
            )


def clicked(key: str) -> None:
    """A click on a chart, as its callback: it runs first in the rerun the click asks for, so the
    clicked province's profile opens (open_clicked) without the page drawn again before it, however
    busy the server is."""
    province = clicked_province(st.session_state.get(key))
    if province:
        st.session_state[CLICKS] += 1  # a fresh chart next time: the click is spent
        state.put("province", province)
        st.session_state[OPEN_PROFILE] = True


def open_clicked() -> None:
    """Open the profile of a province a chart's click chose (app.main, before any page is drawn)."""
    if st.session_state.pop(OPEN_PROFILE, False):
        st.switch_page(PROFILE_PAGE)


def clicked_province(event: Any) -> str | None:
    """The province code of the first clicked point (maps, tiles and bars carry it as customdata)."""
    points = (
        (event or {}).get("selection", {}).get("points", [])
        if isinstance(event, dict)
        else getattr(getattr(event, "selection", None), "points", [])
    )
    for point in points:
        data = point.get("customdata") or [point.get("location")]
        code = data[0] if isinstance(data, (list, tuple)) else data
        if isinstance(code, str) and code:
            return code
    return None


def dropped_provinces(choice: Choice, lang: str) -> None:
    """Say which provinces of the link were left out, and why, in the page's language."""
    for reason in ("unknown", "repeated", "beyond"):
        given = getattr(choice, reason)
        if given:
            st.warning(
                t(
                    f"compare.dropped_{reason}",
                    lang,
                    given=", ".join(f"«{literal(g)}»" for g in given),
                    n=MAX_PROVINCES,
                ),
                icon=":material/link_off:",
            )


def mentoring_cards(cube: pd.DataFrame, lang: str) -> None:
    """The mentoring programme's four cards: participants, completion, skill gain, selling online."""
    rates = mentoring_rates(cube)
    columns = st.columns(4)
    columns[0].metric(t("overview.mentored", lang), number(rates["participants"], lang, 0), border=True)
    columns[1].metric(t("sector.completion", lang), percent(100 * rates["completion"], lang), border=True)
    columns[2].metric(
        t("sector.gain", lang),
        number(rates["mean_gain"], lang, 1),
        border=True,
        help=t(
            "sector.gain_help", lang, low=number(rates["gain_low"], lang, 1), high=number(rates["gain_high"], lang, 1)
        ),
    )
    columns[3].metric(
        t("sector.online_after", lang),
        percent(100 * rates["online_after"], lang),
        border=True,
        delta=t(
            "sector.online_change",
            lang,
            change=signed(100 * (rates["online_after"] - rates["online_before"]), lang, 1),
            before=percent(100 * rates["online_before"], lang),
        ),
    )
