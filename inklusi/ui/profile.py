"""Profil Provinsi / Province profile: one province against the nation, its peers and over time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi import reference
from inklusi.figures import bars, lines
from inklusi.figures.common import HIGHLIGHT, NEUTRAL
from inklusi.i18n import number, percent, pick, signed, t
from inklusi.metrics import layout_of, national_of
from inklusi.narrative import profile_summary
from inklusi.ui import controls, data, display, page, sectors
from inklusi.ui.page import lang

KEY_INDICATORS = ("imdi", "ild", "iptik", "internet_penduduk")
PILLARS = ("imdi_infrastruktur", "imdi_keterampilan", "imdi_literasi", "imdi_pemberdayaan", "imdi_pekerjaan")


def render() -> None:
    L = lang()
    indicator, year = controls.indicator_and_year()
    province = controls.province()
    st.title(t("profile.title", L))
    page.show_url_notes()
    if not province:
        st.info(t("profile.pick", L), icon=":material/touch_app:")
        return
    row = data.provinces().loc[province]
    name = name_of(province, L)
    st.header(name)
    st.caption(t("profile.facts", L, official=row["nama_resmi"], island=row["pulau"], zone=row["zona_waktu"],
                 year=row["tahun_dibentuk"], iso=row["iso"], kode=row["kode"], bps=row["kode_bps"]))
    series = data.query("indicator_series", indicator=indicator, province=province)
    what = display.indicator_labels(L)[indicator]
    st.markdown(profile_summary(name, what, series, lang=L, decimals=display.decimals(indicator)))
    if series["via_parent"].any():
        st.caption(t("profile.via_parent", L, parent=name_of(row["kode_2012"], L)))
    key_cards(province, L)

    left, right = st.columns(2, gap="medium")
    with left:
        fig, alt, table = trend(province, indicator, L)
        page.chart(fig, key="profile.trend", alt=alt)
        st.dataframe(table, hide_index=True, width="stretch")
    with right:
        drawn = pillars(province, indicator, year, L)
        if drawn:
            page.chart(drawn[0], key="profile.pillars", alt=drawn[1])
    fig, alt = peers(province, indicator, year, L)
    page.chart(fig, key="profile.peers", alt=alt, clickable=True)
    mentoring(province, name, L)


def key_cards(province: str, L: str) -> None:
    cards = st.columns(len(KEY_INDICATORS))
    for card, indicator in zip(cards, KEY_INDICATORS):
        valued = data.query("indicator_series", indicator=indicator, province=province).dropna(subset=["value"])
        with card:
            label = pick(data.indicator_catalogue().info(indicator), "short", L)
            if valued.empty:
                st.metric(label, t("common.no_data", L), border=True)
                continue
            last = valued.iloc[-1]
            d = display.decimals(indicator)
            delta = None
            if pd.notna(last["national"]):
                delta = t("profile.vs_national", L, gap=signed(last["value"] - last["national"], L, d))
            st.metric(f"{label} {int(last['year'])}", number(last["value"], L, d, exact=True), delta=delta,
                      border=True, help=pick(data.indicator_catalogue().info(indicator), "unit", L))
            st.caption(t("hover.rank", L, rank=int(last["rank"]), n=int(last["n_ranked"])))


def name_of(province: str, L: str) -> str:
    return reference.province_name(province, L)


@data.cached(max_entries=400)
def trend(province: str, indicator: str, L: str) -> tuple[go.Figure, str, pd.DataFrame]:
    """The province and national over the editions, its alt text, and the table of ranks."""
    series = data.query("indicator_series", indicator=indicator, province=province)
    name, d = name_of(province, L), display.decimals(indicator)
    frame = series.assign(
        value_text=[number(v, L, d, exact=True) for v in series["value"]],
        national_text=[number(v, L, d, exact=True) for v in series["national"]],
    )
    what = display.indicator_labels(L)[indicator]
    labels = display.labels(t("profile.trend_title", L, what=what, name=name), display.unit(indicator, L),
                            series["source"].dropna(), L)
    fig = lines.editions(frame, labels, lines=[("value", name, HIGHLIGHT, "solid"),
                                               ("national", t("common.national", L), NEUTRAL, "dash")])
    alt = t("profile.trend_alt", L, what=what, name=name,
            points="; ".join(f"{int(y)}: {v}" for y, v in zip(frame["year"], frame["value_text"])))
    table = pd.DataFrame({
        t("field.year", L): frame["year"].astype(int).astype(str),
        t("profile.value", L): frame["value_text"],
        t("common.national", L): frame["national_text"],
        t("profile.rank", L): [t("hover.rank", L, rank=int(r), n=int(n)) if pd.notna(r) else t("common.no_data", L)
                               for r, n in zip(frame["rank"], frame["n_ranked"])],
        t("profile.percentile", L): [percent(100 * p, L, 0) if pd.notna(p) else t("common.no_data", L)
                                     for p in frame["percentile"]],
    })
    return fig, alt, table


@data.cached(max_entries=400)
def pillars(province: str, indicator: str, year: int, L: str) -> tuple[go.Figure, str] | None:
    """The IMDI pillars of the province against national, in the selected year when it is an
    IMDI edition, else in the latest IMDI edition."""
    name = name_of(province, L)
    cat = data.indicator_catalogue()
    imdi_year = year if year in cat.years("imdi") and indicator.startswith("imdi") else max(cat.years("imdi"))
    rows = []
    for pillar in PILLARS:
        if imdi_year not in cat.years(pillar):
            continue
        frame = data.query("indicator_by_province", indicator=pillar, year=imdi_year)
        mine = frame[frame["province"] == reference.place(province, layout_of(frame))]
        value = mine["value"].iloc[0] if len(mine) else None
        rows.append({"pillar": pick(cat.info(pillar), "short", L).removeprefix("IMDI "), "value": value,
                     "national": national_of(frame), "source": frame["source"].dropna()})
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    frame["value_text"] = [number(v, L, 2) for v in frame["value"]]
    frame["national_text"] = [number(v, L, 2) for v in frame["national"]]
    labels = display.labels(t("profile.pillars_title", L, name=name, year=imdi_year), display.unit("imdi", L),
                            pd.concat(list(frame["source"])), L)
    fig = bars.grouped(frame, labels, category="pillar",
                       series=[("value", name, HIGHLIGHT), ("national", t("common.national", L), NEUTRAL)])
    alt = t("profile.pillars_alt", L, name=name, year=imdi_year, values="; ".join(
        f"{p}: {v} ({n})" for p, v, n in zip(frame["pillar"], frame["value_text"], frame["national_text"])))
    return fig, alt


@data.cached(max_entries=400)
def peers(province: str, indicator: str, year: int, L: str) -> tuple[go.Figure, str]:
    """The province's island group on the indicator, the province highlighted."""
    row = data.provinces().loc[province]
    frame = display.province_values(indicator, year, L)
    mine = reference.place(province, layout_of(frame))
    group = frame[frame["pulau"] == row["pulau"]]
    what = f"{display.indicator_labels(L)[indicator]} {year}"
    value = national_of(frame)
    labels = display.labels(t("profile.peers_title", L, island=row["pulau"], what=what),
                            display.unit(indicator, L), group["source"].dropna(), L)
    fig = bars.ranked(group, labels, national=value,
                      national_label=t("ranking.national", L, value=number(value, L, display.decimals(indicator),
                                                                            exact=True)) if value is not None else "",
                      no_data_label=t("common.no_data", L), highlight=mine)
    alt = t("profile.peers_alt", L, island=row["pulau"], what=what, values="; ".join(
        f"{n}: {v}" for n, v in zip(group["name"], group["value_text"])))
    return fig, alt


def mentoring(province: str, name: str, L: str) -> None:
    st.subheader(t("profile.mentoring", L))
    cube = data.query("mentoring_cube", province=province)
    if cube.empty:
        st.caption(t("profile.no_mentoring", L, name=name))
        return
    page.synthetic_banner()
    sectors.cards(cube, L)
