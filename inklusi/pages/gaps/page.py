"""Kesenjangan Wilayah / Regional gaps: how unequal, between or within regions, closing or not,
and where the clusters are."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import lines, maps, scatter, strips
from inklusi.figures.common import HIGHLIGHT, NEUTRAL
from inklusi.i18n import number, percent, t
from inklusi.pages.gaps import GROUPS, facts, words
from inklusi.statistics import inequality, like
from inklusi.statistics.metrics import layout_of, level_of
from inklusi.store import breaks, reference
from inklusi.ui import controls, data, display, furniture, state
from inklusi.ui.furniture import current_lang
from inklusi.words.block import Block
from inklusi.words.breaks import break_notes, marks

CLUSTER_COLOURS = {
    "HH": "#b2182b",
    "HL": "#f4a582",
    "LH": "#92c5de",
    "LL": "#2166ac",
    "ns": "#f0f0f0",
    "none": "#d9d9d9",
}


def render() -> None:
    lang = current_lang()
    indicator, year = controls.indicator_and_year()
    chosen = controls.province()
    st.title(t("gaps.title", lang))
    st.caption(t("gaps.lead", lang))
    furniture.show_url_notes()
    frame = display.province_values(indicator, year, lang)
    if frame["value"].notna().sum() < inequality.MIN_PROVINCES:
        st.info(t("gaps.too_few", lang, n=int(frame["value"].notna().sum())), icon=":material/info:")
        return
    what = f"{display.indicator_labels(lang)[indicator]} {year}"
    said = trend_block(indicator, lang)
    if said is not None:
        st.subheader(said.headline, anchor=False)
    table, fig, alt = over_editions(indicator, lang)
    furniture.chart(fig, key="gaps.sigma", alt=alt)
    if said is not None:
        furniture.sentences(said, "gaps.verdict")
    st.dataframe(table, hide_index=True, width="stretch")
    successor_note(indicator, lang)

    st.header(t("gaps.edition_heading", lang, what=what))
    headline(indicator, year, lang)

    st.header(t("gaps.beta", lang))
    convergence(indicator, year, lang)

    st.header(t("gaps.clusters", lang))
    if data.geojson(layout_of(frame)) is None:
        st.warning(t("map.missing_boundaries", lang), icon=":material/map:")
    else:
        fig, alt, moran = cluster_map(indicator, year, lang)
        st.markdown(moran)
        furniture.chart(fig, key="gaps.lisa", alt=alt, clickable=True)
        st.caption(t("gaps.weights_rule", lang))

    st.header(t("gaps.groups", lang))
    group = controls.choice("group", GROUPS, st)
    fig, alt = group_strips(indicator, year, group, lang, chosen)
    furniture.chart(fig, key="gaps.groups", alt=alt, clickable=True)
    st.caption(what)


@data.cached(resource=False, max_entries=500)
def measures(indicator: str, year: int, reliable_only: bool = False) -> dict:
    """The spread measures of an edition; reliable_only leaves out the estimates BPS calls unreliable."""
    frame = data.query("indicator_by_province", indicator=indicator, year=year)
    return inequality.measures(frame[frame["reliability"].ne("unreliable")] if reliable_only else frame)


def without_unreliable(indicator: str, year: int, lang: str) -> None:
    """The same measures without the unreliable estimates, said next to them (never instead)."""
    frame = display.province_values(indicator, year, lang)
    shaky = frame[frame["unreliable"]]
    if shaky.empty:
        return
    m = measures(indicator, year, reliable_only=True)
    st.markdown(
        t(
            "reliability.without",
            lang,
            n=len(shaky),
            names=", ".join(shaky["name"]),
            gini=number(m["gini"], lang, 3),
            theil=number(m["theil"], lang, 4),
            cv=percent(100 * m["cv"], lang),
        )
    )


def headline(indicator: str, year: int, lang: str) -> None:
    m = measures(indicator, year)
    d = display.decimals(indicator)
    cards = st.columns(5)
    cards[0].metric(t("gaps.range", lang), number(m["range"], lang, d), border=True, help=t("gaps.range_help", lang))
    cards[1].metric(t("gaps.ratio", lang), number(m["ratio"], lang, 2), border=True, help=t("gaps.ratio_help", lang))
    cards[2].metric(t("gaps.cv", lang), percent(100 * m["cv"], lang), border=True, help=t("gaps.cv_help", lang))
    cards[3].metric(t("gaps.gini", lang), number(m["gini"], lang, 3), border=True, help=t("gaps.gini_help", lang))
    cards[4].metric(t("gaps.theil", lang), number(m["theil"], lang, 4), border=True, help=t("gaps.theil_help", lang))
    st.markdown(
        t(
            "gaps.between_sentence",
            lang,
            island=percent(100 * m["share_pulau"], lang, 0),
            zone=percent(100 * m["share_zona"], lang, 0),
        )
    )
    without_unreliable(indicator, year, lang)


@data.cached(max_entries=200)
def trend(indicator: str) -> facts.Verdict | None:
    """The one trend verdict of an indicator, from every edition (inklusi.pages.gaps.facts)."""
    return facts.of_indicator(data.query, indicator)


@data.cached(max_entries=400)
def trend_block(indicator: str, lang: str) -> Block | None:
    """The verdict's headline, sentences and evidence (words.py), or None with one edition."""
    found = trend(indicator)
    if found is None:
        return None
    crossed = breaks.between(data.indicator_breaks(indicator), found.years[0], found.years[-1])
    whole = len(display.province_values(indicator, found.years[-1], lang))
    return words.block(found, lang=lang, names=reference.province_names(lang), crossed=crossed, whole=whole)


@data.cached(max_entries=200)
def over_editions(indicator: str, lang: str) -> tuple[pd.DataFrame, go.Figure, str]:
    """Every edition's measures as a table, and the sigma-convergence chart (CV and Gini)."""
    measured = inequality.edition_measures(data.query, indicator, data.indicator_catalogue().years(indicator))
    frame = measured[measured["subset"] == "all"]
    d = display.decimals(indicator)
    table = pd.DataFrame(
        {
            t("field.year", lang): frame["year"].astype(str),
            t("gaps.col_layout", lang): frame["layout"].astype(str),
            t("gaps.col_n", lang): frame["n"].astype(str),
            t("gaps.range", lang): [number(v, lang, d) for v in frame["range"]],
            t("gaps.ratio", lang): [number(v, lang, 2) for v in frame["ratio"]],
            t("gaps.cv", lang): [percent(100 * v, lang) for v in frame["cv"]],
            t("gaps.gini", lang): [number(v, lang, 3) for v in frame["gini"]],
            t("gaps.theil", lang): [number(v, lang, 4) for v in frame["theil"]],
            t("gaps.col_between_island", lang): [percent(100 * v, lang, 0) for v in frame["share_pulau"]],
            t("gaps.col_between_zone", lang): [percent(100 * v, lang, 0) for v in frame["share_zona"]],
        }
    )
    found = trend(indicator)
    verdict_cv = {y: 100 * c for y, c in found.cv.items()} if found is not None else {}
    chart = frame.assign(
        cv=100 * frame["cv"],
        cv_set=[verdict_cv.get(int(y)) for y in frame["year"]],
        cv_text=[percent(100 * v, lang) for v in frame["cv"]],
    )
    chart["cv_set_text"] = [percent(v, lang) for v in chart["cv_set"]]
    what = display.indicator_labels(lang)[indicator]
    sources = (
        data.query("national_series", indicator=indicator)["source"].dropna().tolist()
        or data.query("indicator_by_province", indicator=indicator, year=int(frame["year"].iloc[-1]))["source"].dropna()
    )
    labels = display.labels(t("gaps.sigma_title", lang, what=what), t("gaps.sigma_subtitle", lang), sources, lang)
    series = [("cv", t("gaps.cv_all", lang), NEUTRAL, "solid")]
    if verdict_cv:
        series.append(("cv_set", t("gaps.cv_set", lang, n=found.n[found.years[-1]]), HIGHLIGHT, "dash"))
    fig = lines.editions(chart, labels, lines=series, breaks=marks(data.indicator_breaks(indicator), lang))
    alt = t(
        "gaps.sigma_alt",
        lang,
        what=what,
        points="; ".join(
            f"{y}: {c}, {s}" for y, c, s in zip(chart["year"], chart["cv_text"], chart["cv_set_text"], strict=True)
        ),
    )
    return table, fig, alt


def successor_note(indicator: str, lang: str) -> None:
    """Say where a renamed series continues, instead of drawing it on the same axis."""
    info = data.indicator_catalogue().indicators
    successor = info.index[info["successor_of"] == indicator]
    predecessor = info.loc[indicator, "successor_of"]
    labels = display.indicator_labels(lang)
    if len(successor):
        st.info(t("gaps.break_after", lang, other=labels[successor[0]]), icon=":material/call_split:")
    elif isinstance(predecessor, str):
        st.info(t("gaps.break_before", lang, other=labels[predecessor]), icon=":material/call_split:")


def convergence(indicator: str, year: int, lang: str) -> None:
    years = data.indicator_catalogue().years(indicator)
    if len(years) < 2 or year == min(years):
        st.caption(t("gaps.beta_needs_two", lang))
        return
    earlier = [y for y in years if y < year]
    st.selectbox(t("field.start", lang), earlier, key=state.bind("start"), on_change=state.changed, args=("start",))
    start = state.get("start")
    result, fig, alt, layout = beta_chart(indicator, start, year, lang)
    way = facts.beta_way(result)
    st.markdown(
        t(
            f"gaps.beta_{way}",
            lang,
            slope=number(result.slope, lang, 2),
            low=number(result.low, lang, 2),
            high=number(result.high, lang, 2),
            n=result.n,
            start=start,
            end=year,
        )
    )
    furniture.chart(fig, key="gaps.beta", alt=alt, clickable=True)
    st.caption(t(f"gaps.layout_{layout}", lang))
    crossed = breaks.between(data.indicator_breaks(indicator), start, year)
    if len(crossed):
        st.caption(t("trend.breaks", lang, notes=break_notes(crossed, lang)))


@data.cached(max_entries=200)
def beta_chart(indicator: str, start: int, end: int, lang: str):
    """The beta-convergence fit and chart of a pair of editions, on the verdict's layout: across the
    2022 split, the provinces whose territory did not change (see inklusi.pages.gaps.facts)."""
    first = data.query("indicator_by_province", indicator=indicator, year=start)
    last = data.query("indicator_by_province", indicator=indicator, year=end)
    editions = {start: first[["province", "value"]], end: last[["province", "value"]]}
    layouts = {start: layout_of(first), end: layout_of(last)}
    pair = like.on(editions, like.provinces(editions, layouts))
    layout = str(layouts[start]) if len(set(layouts.values())) == 1 else "matched"
    result = inequality.beta_convergence(pair[start], pair[end], end - start)
    d = display.decimals(indicator)
    points = result.points.assign(
        x=result.points["start"],
        y=result.points["growth"],
        short=[reference.province_name(p, lang) for p in result.points["province"]],
    )
    points["hover"] = [
        t(
            "gaps.beta_hover",
            lang,
            name=reference.province_name(p, lang),
            start=start,
            end=end,
            first=number(a, lang, d, exact=True),
            last=number(b, lang, d, exact=True),
            growth=number(g, lang, 2),
        )
        for p, a, b, g in zip(points["province"], points["start"], points["end"], points["growth"], strict=True)
    ]
    what = display.indicator_labels(lang)[indicator]
    labels = display.labels(
        t("gaps.beta_title", lang, what=what, start=start, end=end),
        t("gaps.beta_subtitle", lang),
        pd.concat([first["source"], last["source"]]).dropna(),
        lang,
    )
    fig = scatter.fitted(
        points,
        labels,
        x_title=t("gaps.beta_x", lang, start=start),
        y_title=t("gaps.beta_y", lang),
        slope=result.slope,
        intercept=result.intercept,
        fit_name=t("gaps.beta_fit", lang, slope=number(result.slope, lang, 2)),
    )
    alt = t(
        "gaps.beta_alt",
        lang,
        what=what,
        start=start,
        end=end,
        n=result.n,
        slope=number(result.slope, lang, 2),
        low=number(result.low, lang, 2),
        high=number(result.high, lang, 2),
    )
    return result, fig, alt, layout


@st.cache_resource(show_spinner=False)
def spatial_weights(layout: int):
    """Contiguity weights of a layout, computed once per server process."""
    from inklusi import config
    from inklusi.store import boundaries

    return inequality.weights(boundaries.load_geojson(config.boundaries_dir(), layout))


@data.cached(max_entries=200)
def cluster_map(indicator: str, year: int, lang: str) -> tuple[go.Figure, str, str]:
    frame = display.province_values(indicator, year, lang)
    layout = layout_of(frame)
    found = inequality.clusters(frame[["province", "value"]], spatial_weights(layout))
    merged = frame.merge(found.local[["province", "quadrant", "p_value"]], on="province", how="left")
    merged["category"] = merged["quadrant"].fillna("none")
    names = {c: t(f"gaps.cluster_{c}", lang) for c in CLUSTER_COLOURS}
    merged["hover"] = [
        f"{h}<br>{names[c]}" + (f" (p = {number(p, lang, 3)})" if pd.notna(p) else "")
        for h, c, p in zip(merged["hover"], merged["category"], merged["p_value"], strict=True)
    ]
    what = f"{display.indicator_labels(lang)[indicator]} {year}"
    labels = display.labels(
        t("gaps.lisa_title", lang, what=what),
        t("gaps.lisa_subtitle", lang, layout=layout),
        frame["source"].dropna(),
        lang,
    )
    fig = maps.categories(merged, data.geojson(layout), labels, colours=CLUSTER_COLOURS, names=names)
    listed = {c: ", ".join(merged.loc[merged["category"] == c, "name"]) for c in ("HH", "LL", "HL", "LH")}
    alt = t(
        "gaps.lisa_alt",
        lang,
        what=what,
        hh=listed["HH"] or "-",
        ll=listed["LL"] or "-",
        hl=listed["HL"] or "-",
        lh=listed["LH"] or "-",
    )
    moran = t(
        "gaps.moran",
        lang,
        i=number(found.moran_i, lang, 3),
        expected=number(found.expected, lang, 3),
        p=number(found.p_value, lang, 3),
        permutations=inequality.PERMUTATIONS,
    )
    return fig, alt, moran


@data.cached(max_entries=200)
def group_strips(indicator: str, year: int, group: str, lang: str, chosen: str) -> tuple[go.Figure, str]:
    frame = display.province_values(indicator, year, lang).assign(group=lambda f: f[inequality.GROUPS[group]])
    order = list(dict.fromkeys(data.provinces()[inequality.GROUPS[group]]))
    value = level_of(frame)
    what = f"{display.indicator_labels(lang)[indicator]} {year}"
    labels = display.labels(
        t(f"gaps.groups_title_{group}", lang, what=what), display.unit(indicator, lang), frame["source"].dropna(), lang
    )
    fig = strips.groups(
        frame,
        labels,
        order=order,
        mean_name=t("gaps.group_mean", lang),
        national=value,
        national_name=t("common.national", lang),
        highlight=chosen or None,
    )
    d = display.decimals(indicator)
    means = frame.dropna(subset=["value"]).groupby("group")["value"].mean()
    alt = t(
        "gaps.groups_alt",
        lang,
        what=what,
        means="; ".join(f"{g}: {number(means[g], lang, d)}" for g in order if g in means.index),
    )
    return fig, alt
