"""Profil Provinsi / Province profile: one province against the nation, its peers and over time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import bars, lines
from inklusi.figures.common import COLUMN, HIGHLIGHT, NEUTRAL
from inklusi.i18n import number, percent, pick, signed, t
from inklusi.pages.profile.words import profile_summary
from inklusi.statistics.metrics import layout_of, level_of, national_of
from inklusi.store import reference
from inklusi.ui import controls, data, display, furniture
from inklusi.ui.furniture import current_lang
from inklusi.words import values
from inklusi.words.breaks import marks

KEY_INDICATORS = ("imdi", "ild", "iptik", "internet_penduduk")
KEY_MSME = ("imk_internet_persen", "ecommerce_usaha", "ecommerce_per_1000", "ecommerce_marketplace")
PILLARS = ("imdi_infrastruktur", "imdi_keterampilan", "imdi_literasi", "imdi_pemberdayaan", "imdi_pekerjaan")


def render() -> None:
    lang = current_lang()
    indicator, year = controls.indicator_and_year()
    province = controls.province()
    st.title(t("profile.title", lang))
    furniture.show_url_notes()
    if not province:
        st.info(t("profile.pick", lang), icon=":material/touch_app:")
        return
    row = data.provinces().loc[province]
    name = name_of(province, lang)
    st.header(name)
    st.caption(
        t(
            "profile.facts",
            lang,
            official=row["nama_resmi"],
            island=row["pulau"],
            zone=row["zona_waktu"],
            year=row["tahun_dibentuk"],
            iso=row["iso"],
            kode=row["kode"],
            bps=row["kode_bps"],
        )
    )
    series = comparable(data.query("indicator_series", indicator=indicator, province=province), indicator)
    what = display.indicator_labels(lang)[indicator]
    said = profile_summary(
        name,
        what,
        series,
        lang=lang,
        decimals=display.decimals(indicator),
        undivided=province in reference.undivided(),
        crossed=data.indicator_breaks(indicator),
        margin_pct=display.margin(indicator),
    )
    st.markdown(" ".join(said))
    if series["via_parent"].any():
        st.caption(t("profile.via_parent", lang, parent=name_of(row["kode_2012"], lang)))
    key_cards(province, lang, KEY_INDICATORS)
    st.subheader(t("profile.msme", lang))
    key_cards(province, lang, KEY_MSME)

    left, right = st.columns(2, gap="medium")
    with left:
        fig, alt, table = trend(province, indicator, lang)
        if series["value"].notna().sum() > 1:
            furniture.chart(fig, key="profile.trend", alt=alt)
        else:  # one edition is a value, not a line
            st.markdown(t("profile.one_edition", lang, what=what))
        st.dataframe(table, hide_index=True, width="stretch")
    with right:
        drawn = pillars(province, indicator, year, lang)
        if drawn:
            furniture.chart(drawn[0], key="profile.pillars", alt=drawn[1])
    fig, alt = peers(province, indicator, year, lang)
    furniture.chart(fig, key="profile.peers", alt=alt, clickable=True)
    mentoring(province, name, lang)


def key_cards(province: str, lang: str, indicators: tuple[str, ...]) -> None:
    """The province's latest value of each indicator against national, with its rank (a value from
    its parent province before the 2022 split, or an estimate BPS calls unreliable, says so)."""
    cards = st.columns(len(indicators))
    for card, indicator in zip(cards, indicators, strict=True):
        last = latest(province, indicator)
        with card:
            info = data.indicator_catalogue().info(indicator)
            label = pick(info, "short", lang)
            if last is None:
                st.metric(label, t("common.no_data", lang), border=True)
                continue
            d = display.decimals(indicator)
            delta = None
            if pd.notna(last["national"]):
                delta = t("profile.vs_national", lang, gap=signed(last["value"] - last["national"], lang, d))
            st.metric(
                f"{label} {int(last['year'])}",
                values.label(last["value"], lang, d, values.Marks.of(last)),
                delta=delta,
                border=True,
                help=pick(info, "unit", lang),
            )
            notes = [t("hover.rank", lang, rank=int(last["rank"]), n=int(last["n_ranked"]))]
            if last["via_parent"]:
                notes.append(t("profile.via_parent_short", lang))
            if last["reliability"] == "unreliable":
                notes.append(t("reliability.legend", lang))
            st.caption(" · ".join(notes))


@data.cached()
def latest(province: str, indicator: str) -> dict | None:
    """The province's latest edition with a value (comparable()'s row), or None."""
    valued = comparable(data.query("indicator_series", indicator=indicator, province=province), indicator)
    valued = valued.dropna(subset=["value"])
    return None if valued.empty else valued.iloc[-1].to_dict()


def comparable(series: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """A province's series with the national value kept only where it is a level a province can
    be compared with (not a total such as the national count of businesses)."""
    return series.assign(national=[display.national_level(indicator, int(y)) for y in series["year"]])


def name_of(province: str, lang: str) -> str:
    return reference.province_name(province, lang)


@data.cached(max_entries=400)
def trend(province: str, indicator: str, lang: str) -> tuple[go.Figure, str, pd.DataFrame]:
    """The province and national over the editions, its alt text, and the table of ranks."""
    series = comparable(data.query("indicator_series", indicator=indicator, province=province), indicator)
    name, d = name_of(province, lang), display.decimals(indicator)
    shown = [values.Marks.of(row) for row in series.to_dict("records")]
    frame = series.assign(
        value_text=[values.label(v, lang, d, m) for v, m in zip(series["value"], shown, strict=True)],
        national_text=[values.label(v, lang, d) for v in series["national"]],
    )
    what = display.indicator_labels(lang)[indicator]
    labels = display.labels(
        t("profile.trend_title", lang, what=what, name=name),
        display.unit(indicator, lang),
        series["source"].dropna(),
        lang,
        COLUMN,
    )
    fig = lines.editions(
        frame,
        labels,
        lines=[("value", name, HIGHLIGHT, "solid"), ("national", t("common.national", lang), NEUTRAL, "dash")],
        breaks=marks(data.indicator_breaks(indicator), lang),
    )
    alt = t(
        "profile.trend_alt",
        lang,
        what=what,
        name=name,
        points="; ".join(f"{int(y)}: {v}" for y, v in zip(frame["year"], frame["value_text"], strict=True)),
    )
    table = pd.DataFrame(
        {
            t("field.year", lang): frame["year"].astype(int).astype(str),
            t("profile.value", lang): [
                values.exact(v, lang, d, m) for v, m in zip(series["value"], shown, strict=True)
            ],
            t("common.national", lang): [values.exact(v, lang, d) for v in series["national"]],
            t("profile.rank", lang): [
                t("hover.rank", lang, rank=int(r), n=int(n)) if pd.notna(r) else t("common.no_data", lang)
                for r, n in zip(frame["rank"], frame["n_ranked"], strict=True)
            ],
            t("profile.percentile", lang): [
                percent(100 * p, lang, 0) if pd.notna(p) else t("common.no_data", lang) for p in frame["percentile"]
            ],
        }
    )
    return fig, alt, table


@data.cached(max_entries=400)
def pillars(province: str, indicator: str, year: int, lang: str) -> tuple[go.Figure, str] | None:
    """The IMDI pillars of the province against national, in the selected year when it is an
    IMDI edition, else in the latest IMDI edition."""
    name = name_of(province, lang)
    cat = data.indicator_catalogue()
    imdi_year = year if year in cat.years("imdi") and indicator.startswith("imdi") else max(cat.years("imdi"))
    rows = []
    for pillar in PILLARS:
        if imdi_year not in cat.years(pillar):
            continue
        frame = data.query("indicator_by_province", indicator=pillar, year=imdi_year)
        mine = frame[frame["province"] == reference.place(province, layout_of(frame))]
        value = mine["value"].iloc[0] if len(mine) else None
        rows.append(
            {
                "pillar": pick(cat.info(pillar), "short", lang).removeprefix("IMDI "),
                "value": value,
                "national": national_of(frame),
                "source": frame["source"].dropna(),
            }
        )
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    decimals = display.decimals("imdi")
    frame["value_text"] = [values.label(v, lang, decimals) for v in frame["value"]]
    frame["national_text"] = [values.label(v, lang, decimals) for v in frame["national"]]
    labels = display.labels(
        t("profile.pillars_title", lang, name=name, year=imdi_year),
        display.unit("imdi", lang),
        pd.concat(list(frame["source"])),
        lang,
        COLUMN,
    )
    fig = bars.grouped(
        frame,
        labels,
        category="pillar",
        series=[("value", name, HIGHLIGHT), ("national", t("common.national", lang), NEUTRAL)],
    )
    alt = t(
        "profile.pillars_alt",
        lang,
        name=name,
        year=imdi_year,
        values="; ".join(
            f"{p}: {v} ({n})"
            for p, v, n in zip(frame["pillar"], frame["value_text"], frame["national_text"], strict=True)
        ),
    )
    return fig, alt


@data.cached(max_entries=400)
def peers(province: str, indicator: str, year: int, lang: str) -> tuple[go.Figure, str]:
    """The province's island group on the indicator, the province highlighted."""
    row = data.provinces().loc[province]
    frame = display.province_values(indicator, year, lang)
    mine = reference.place(province, layout_of(frame))
    group = frame[frame["pulau"] == row["pulau"]]
    what = f"{display.indicator_labels(lang)[indicator]} {year}"
    value = level_of(frame)
    labels = display.labels(
        t("profile.peers_title", lang, island=row["pulau"], what=what),
        display.unit(indicator, lang),
        group["source"].dropna(),
        lang,
    )
    fig = bars.ranked(
        group,
        labels,
        national=value,
        national_label=t("ranking.national", lang, value=number(value, lang, display.decimals(indicator), exact=True))
        if value is not None
        else "",
        no_data_label=t("common.no_data", lang),
        highlight=mine,
        unreliable_label=t("reliability.legend", lang),
        key=(t("ranking.key_above", lang), t("ranking.key_below", lang)),
    )
    alt = t(
        "profile.peers_alt",
        lang,
        island=row["pulau"],
        what=what,
        values="; ".join(f"{n}: {v}" for n, v in zip(group["name"], group["value_text"], strict=True)),
    )
    return fig, alt


def mentoring(province: str, name: str, lang: str) -> None:
    st.subheader(t("profile.mentoring", lang))
    cube = data.query("mentoring_cube", province=province)
    if cube.empty:
        st.caption(t("profile.no_mentoring", lang, name=name))
        return
    furniture.synthetic_banner()
    furniture.mentoring_cards(cube, lang)
