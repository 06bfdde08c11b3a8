"""Keterampilan & Adopsi / Skills and adoption: per province, a digital-skills measure against an
MSME digital-adoption measure (real BPS figures), the rank correlation, and the provinces whose
adoption lags what their skills predict."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import scatter
from inklusi.i18n import number, t
from inklusi.pages.adoption import facts, words
from inklusi.store import reference
from inklusi.store.measures import ADOPTION, SKILLS, split
from inklusi.ui import controls, data, display, furniture, state
from inklusi.ui.furniture import current_lang
from inklusi.words import narrative, values
from inklusi.words.block import Block


def measure_label(measure: str, lang: str) -> str:
    """An indicator-year measure as a short label: 'IMDI digital literacy 2025'."""
    return narrative.measure_label(data.indicator_catalogue().indicators, measure, lang)


def render() -> None:
    lang = current_lang()
    for name, options in (("skill", SKILLS), ("adoption", ADOPTION)):
        st.sidebar.selectbox(
            t(f"field.{name}", lang),
            options,
            key=state.bind(name),
            on_change=state.changed,
            args=(name,),
            format_func=lambda m: measure_label(m, lang),
        )
    chosen = controls.province()
    skill, measure = state.get("skill"), state.get("adoption")
    st.title(t("adoption.title", lang))
    st.caption(t("adoption.lead", lang))
    furniture.show_url_notes()
    said = summary(skill, measure, lang)
    st.subheader(said.headline, anchor=False)
    fig, alt = scatter_figure(skill, measure, lang, chosen)
    furniture.chart(fig, key="adoption.scatter", alt=alt, clickable=True)
    furniture.sentences(said, "adoption.verdict")
    st.dataframe(table(skill, measure, lang), hide_index=True, width="stretch")


@data.cached(max_entries=100)
def comparison(skill: str, measure: str) -> facts.Comparison:
    return facts.compare(data.query, skill, measure)


@data.cached(resource=False, max_entries=100)
def summary(skill: str, measure: str, lang: str) -> Block:
    return words.block(
        comparison(skill, measure),
        skill=measure_label(skill, lang),
        adoption=measure_label(measure, lang),
        years=(split(skill)[1], split(measure)[1]),
        names=reference.province_names(lang),
        lang=lang,
    )


def points(skill: str, measure: str, lang: str) -> pd.DataFrame:
    found = comparison(skill, measure).points
    names = reference.province_names(lang)
    frame = found.assign(group=found["pulau"], short=found["province"].map(names), name=found["province"].map(names))
    frame["hover"] = [
        t("adoption.hover", lang, name=n, x=number(x, lang, 2), y=number(y, lang, 2), fitted=number(f, lang, 2))
        + (f"<br>{t('adoption.lags', lang)}" if lags else "")
        + (f"<br>{t('reliability.legend', lang)}" if shaky else "")
        for n, x, y, f, lags, shaky in zip(
            frame["name"], frame["x"], frame["y"], frame["fitted"], frame["lags"], frame["unreliable"], strict=True
        )
    ]
    return frame


@data.cached(max_entries=200)
def scatter_figure(skill: str, measure: str, lang: str, chosen: str) -> tuple[go.Figure, str]:
    found = comparison(skill, measure)
    frame = points(skill, measure, lang)
    sources = [
        s
        for m in (skill, measure)
        for s in data.query("indicator_by_province", indicator=split(m)[0], year=split(m)[1])["source"].dropna()
    ]
    labels = display.labels(
        t("adoption.chart_title", lang),
        t("adoption.chart_subtitle", lang, n=found.n, rho=number(found.rho, lang, 2)),
        sources,
        lang,
    )
    fig = scatter.by_group(
        frame,
        labels,
        x_title=measure_label(skill, lang),
        y_title=measure_label(measure, lang),
        slope=found.slope,
        intercept=found.intercept,
        fit_name=t("adoption.fit", lang),
        lag_name=t("adoption.lags", lang),
        unreliable_name=t("reliability.legend", lang),
    )
    if chosen in set(frame["province"]):
        mine = frame[frame["province"] == chosen].iloc[0]
        fig.add_annotation(x=mine["x"], y=mine["y"], text=mine["name"], showarrow=True, arrowhead=2, ax=30, ay=-30)
    return fig, summary(skill, measure, lang).text


def shown(measure: str, column: pd.Series, unreliable: pd.Series, lang: str) -> list[str]:
    """A measure's values as a table prints them (words.values.exact: as published, with the marks)."""
    indicator = split(measure)[0]
    d, derived = display.decimals(indicator), display.is_derived(indicator)
    marks = [values.Marks(unreliable=u, derived=derived) for u in unreliable]
    return [values.exact(v, lang, d, m) for v, m in zip(column, marks, strict=True)]


def table(skill: str, measure: str, lang: str) -> pd.DataFrame:
    frame = points(skill, measure, lang).sort_values("robust_z")
    return pd.DataFrame(
        {
            t("field.province", lang): frame["name"],
            measure_label(skill, lang): shown(skill, frame["x"], frame["unreliable"], lang),
            measure_label(measure, lang): shown(measure, frame["y"], frame["unreliable"], lang),
            t("adoption.col_fitted", lang): [number(v, lang, 2) for v in frame["fitted"]],
            t("adoption.col_residual", lang): [number(v, lang, 2) for v in frame["residual"]],
            t("adoption.col_lags", lang): [t("common.yes", lang) if v else "" for v in frame["lags"]],
        }
    )
