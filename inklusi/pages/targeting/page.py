"""Prioritas / Targeting: a need measure against MSME adoption (real, the default) or mentoring
coverage (synthetic records), and the provinces below both thresholds."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import scatter
from inklusi.figures.common import Labels
from inklusi.i18n import number, t
from inklusi.pages.targeting import facts
from inklusi.store import reference
from inklusi.store.measures import NEEDS, split
from inklusi.ui import data, display, furniture, state
from inklusi.ui.furniture import current_lang
from inklusi.words import narrative, values
from inklusi.words.narrative import records_source


def measure_label(measure: str, lang: str) -> str:
    """An indicator-year measure ('IMDI digital skills 2024'), or a mentoring coverage."""
    if facts.is_coverage(measure):
        return t("targeting.coverage_label", lang, unit=t(f"option.per.{measure}", lang))
    return narrative.measure_label(data.indicator_catalogue().indicators, measure, lang)


def reset_cuts(name: str, cut: str) -> None:
    state.changed(name)
    state.put(cut, "")


def render() -> None:
    lang = current_lang()
    for name, options, cut in (("need", NEEDS, "x_cut"), ("per", facts.PER, "y_cut")):
        st.sidebar.selectbox(
            t(f"field.{name}", lang),
            list(options),
            key=state.bind(name),
            format_func=lambda v: measure_label(v, lang),
            on_change=reset_cuts,
            args=(name, cut),
        )
    need, per = state.get("need"), state.get("per")
    kind = "coverage" if facts.is_coverage(per) else "adoption"
    st.title(t("targeting.title", lang))
    st.caption(t(f"targeting.lead_{kind}", lang))
    furniture.show_url_notes()
    if kind == "coverage":
        furniture.synthetic_banner()

    frame = points(need, per, lang)
    x_default, y_default = defaults(need, per)
    x_cut = slider("x_cut", t("field.x_cut", lang), frame["x"], x_default)
    y_cut = slider("y_cut", t("field.y_cut", lang), frame["y"], y_default, floor=0.0)
    marked = facts.priorities(frame, x_cut, y_cut)
    x_kind, y_kind = facts.threshold_kinds(data.query, need, per)
    st.markdown(
        t(
            "targeting.rule",
            lang,
            need=measure_label(need, lang),
            x=number(x_cut, lang, 2),
            x_kind=t(f"targeting.threshold_{x_kind if x_cut == x_default else 'chosen'}", lang),
            second=measure_label(per, lang),
            y=number(y_cut, lang, 2),
            y_kind=t(f"targeting.threshold_{y_kind if y_cut == y_default else 'chosen'}", lang),
        )
    )
    fig, alt = quadrant_figure(need, per, x_cut, y_cut, lang)
    furniture.chart(fig, key="targeting.quadrant", alt=alt, clickable=True)
    listing(marked, per, lang)
    if kind == "coverage":
        st.caption(t(f"targeting.denominator_{per}", lang))
    st.caption(t("targeting.split_note", lang))


@data.cached(resource=False, max_entries=100)
def points(need: str, per: str, lang: str) -> pd.DataFrame:
    """targeting.table with names, the chart's x and y, and hover text."""
    frame = facts.table(data.query, need, per)
    shaky = facts.unreliable(data.query, (need, per))
    names = reference.province_names(lang)
    frame["name"] = [values.named(names[p], p in shaky) for p in frame["province"]]
    frame["short"] = frame["province"].map(names)  # full names: a visitor cannot decode "Papeg"
    frame["x"] = frame["skill"]
    d = display.decimals(split(need)[0])
    frame["hover"] = [
        f"<b>{n}</b><br>{measure_label(need, lang)}: {number(x, lang, d, exact=True)}<br>"
        f"{measure_label(per, lang)}: {number(y, lang, 2)}"
        + (f" ({t('targeting.participants', lang, n=number(p, lang, 0))})" if pd.notna(p) else "")
        + (f"<br>{t('profile.via_parent_short', lang)}" if via else "")
        for n, x, y, p, via in zip(
            frame["name"], frame["x"], frame["y"], frame["participants"], frame["via_parent"], strict=True
        )
    ]
    return frame


@data.cached(resource=False, max_entries=100)
def defaults(need: str, per: str) -> tuple[float, float]:
    return facts.defaults(data.query, need, per)


def slider(name: str, label: str, column: pd.Series, default: float, floor: float | None = None) -> float:
    """A threshold slider over the data's range (widened to a value from a link, so the link's
    view is reproduced exactly); its value lives in the URL state."""
    current = default if state.get(name) == "" else float(state.get(name))
    low = math.floor(min(column.min(), current)) if floor is None else floor
    high = math.ceil(max(column.max(), default, current))
    key = f"w.{name}"
    st.session_state[key] = float(current)
    st.sidebar.slider(
        label,
        float(low),
        float(high),
        key=key,
        step=0.01 if high - low < 20 else 0.1,
        on_change=state.changed,
        args=(name,),
    )
    return float(st.session_state[key])


def sources(need: str, per: str, lang: str) -> str:
    """The source line: the need measure's sources, and the second measure's or the records'."""
    cited = [
        s
        for m in (need, per)
        if not facts.is_coverage(m)
        for s in data.query("indicator_by_province", indicator=split(m)[0], year=split(m)[1])["source"].dropna()
    ]
    line = display.source_line(cited, lang)
    return line + "<br>" + records_source(data.query, lang) if facts.is_coverage(per) else line


@data.cached(max_entries=300)
def quadrant_figure(need: str, per: str, x_cut: float, y_cut: float, lang: str) -> tuple[go.Figure, str]:
    """The quadrant chart with its alt text."""
    frame = facts.priorities(points(need, per, lang), x_cut, y_cut)
    kind = "coverage" if facts.is_coverage(per) else "adoption"
    labels = Labels(
        t("targeting.chart_title", lang, need=measure_label(need, lang), second=measure_label(per, lang)),
        t("targeting.chart_subtitle", lang),
        sources(need, per, lang),
        lang,
    )
    fig = scatter.quadrant(
        frame.dropna(subset=["x", "y"]),
        labels,
        x_title=measure_label(need, lang),
        y_title=measure_label(per, lang),
        x_cut=x_cut,
        y_cut=y_cut,
        priority_name=t(f"targeting.priority_{kind}", lang),
        other_name=t("targeting.other", lang),
        corner_text=t(f"targeting.corner_{kind}", lang),
    )
    names = ", ".join(frame.loc[frame["priority"], "name"])
    alt = t(
        "targeting.alt",
        lang,
        need=measure_label(need, lang),
        second=measure_label(per, lang),
        n=int(frame["priority"].sum()),
        names=names or "-",
    )
    return fig, alt


def listing(frame: pd.DataFrame, per: str, lang: str) -> None:
    chosen = frame[frame["priority"]].sort_values("x")
    st.subheader(t("targeting.list_title", lang, n=len(chosen)))
    if chosen.empty:
        st.caption(t("targeting.list_empty", lang))
        return
    columns = {
        t("field.province", lang): chosen["name"],
        t("targeting.col_need", lang): [values.exact(v, lang, 2) for v in chosen["x"]],
        measure_label(per, lang): [values.label(v, lang, 2) for v in chosen["y"]],
    }
    if facts.is_coverage(per):
        columns[t("targeting.col_participants", lang)] = [number(v, lang, 0) for v in chosen["participants"]]
    st.dataframe(pd.DataFrame(columns), hide_index=True, width="stretch")
    missing = frame[frame["x"].isna() | frame["y"].isna()]
    if len(missing):
        st.caption(t("targeting.unplaced", lang, names=", ".join(missing["name"])))
