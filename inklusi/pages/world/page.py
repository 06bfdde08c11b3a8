"""Dunia / World: Indonesia among the G20 members, the EU and ASEAN by internet use (ITU), its
provinces on the same axis, the gap between countries beside the gap between provinces, and the
sentence that says it with every year named."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import bars
from inklusi.figures import world as world_figures
from inklusi.i18n import number, percent, pick, t
from inklusi.pages.world import facts
from inklusi.pages.world.charts import axis, axis_rows, hovers, shown_name
from inklusi.pages.world.words import block
from inklusi.site.provinces import choose
from inklusi.store import reference
from inklusi.ui import data, display, furniture, state
from inklusi.ui.furniture import current_lang
from inklusi.words.block import Block


def render() -> None:
    lang = current_lang()
    values = data.query("country_values")
    names = facts.names_of(values, lang)
    year = year_picker(values, lang)
    chosen = code_picker("countries", sorted(names, key=names.get), names.get, lang)
    choice = choose(state.get("provinces"))  # the link's provinces field, shared with /compare
    state.put("provinces", choice.text)
    picked = code_picker("provinces", list(data.provinces()["kode"]), reference.province_names(lang).get, lang)
    provinces = facts.world_provinces(data.query)
    layout = int(provinces["layout"].iloc[0])
    marked_provinces = {reference.place(p, layout) for p in [*picked, state.get("pin")] if p}
    standing = facts.standing(values, provinces, year)
    said = block(
        standing,
        names,
        reference.province_names(lang),
        dict(zip(provinces["province"], provinces["value"], strict=True)),
        lang,
    )
    st.title(t("world.title", lang))
    st.caption(t("world.lead", lang))
    furniture.show_url_notes()
    furniture.dropped_provinces(choice, lang)
    st.subheader(said.headline, anchor=False)
    st.markdown(said.sentences[0])
    sources = list(values["source"].unique()) + list(provinces["source"].dropna().unique())
    text = said.text
    furniture.chart(standing_figure(values, standing, names, set(chosen), lang), key="world.standing", alt=text)
    furniture.sentences(Block(said.headline, said.sentences[1:], said.evidence), "world.verdict")
    labels = display.labels(t("world.axis_title", lang), t("world.axis_subtitle", lang, year=year), sources, lang)
    marked = {facts.INDONESIA, *chosen, *marked_provinces}
    points, rows = axis_rows(values, provinces, standing, names, reference.province_names(lang), marked, lang)
    furniture.chart(axis(points, rows, labels), key="world.axis", alt=text)
    lines = years_figure(values, standing, names, set(chosen), lang)
    furniture.chart(lines, key="world.years", alt=text)
    st.subheader(t("world.gaps_heading", lang))
    st.dataframe(gap_table(values, provinces, year, lang), hide_index=True, width="stretch")
    st.caption(t("terms.itu", lang))


def year_picker(values: pd.DataFrame, lang: str) -> int:
    st.sidebar.selectbox(
        t("field.w_year", lang),
        facts.years(values)[::-1],
        key=state.bind("w_year"),
        on_change=state.changed,
        args=("w_year",),
    )
    return state.get("w_year")


def code_picker(name: str, options: list[str], label, lang: str) -> list[str]:
    """A multiselect kept in the URL as a comma-separated list of codes."""
    key = f"w.{name}"
    current = [c for c in state.get(name).split(",") if c]
    st.session_state[key] = current
    st.sidebar.multiselect(
        t(f"field.{name}", lang),
        options,
        key=key,
        format_func=label,
        on_change=joined,
        args=(name,),
        placeholder=t("common.choose", lang),
    )
    return current


def joined(name: str) -> None:
    state.put(name, ",".join(st.session_state[f"w.{name}"]))


def standing_figure(
    values: pd.DataFrame, standing: facts.Standing, names: dict[str, str], chosen: set[str], lang: str
) -> go.Figure:
    """Every G20 member, the EU, the ASEAN economies and the world as of the year, Indonesia
    highlighted; a value of an earlier year names its year; the G20 median marked."""
    rows = facts.as_of(values, standing.year)
    frame = rows.assign(
        province=rows["country"],
        name=[
            ("<b>{}</b>" if c in chosen else "{}").format(shown_name(names[c], y, standing))
            for c, y in zip(rows["country"], rows["year"], strict=True)
        ],
        value_text=[percent(v, lang, 2) for v in rows["value"]],
        hover=[hover(r, names, lang) for r in rows.itertuples()],
    )
    labels = display.labels(
        t("world.standing_title", lang, year=standing.year),
        t("world.standing_subtitle", lang, year=standing.year),
        list(rows["source"].unique()),
        lang,
    )
    return bars.ranked(
        frame,
        labels,
        national=standing.median,
        national_label=t("world.median_label", lang, year=standing.year, value=percent(standing.median, lang, 2)),
        no_data_label=t("common.no_data", lang),
        highlight=facts.INDONESIA,
        key=(t("world.key_above", lang), t("world.key_below", lang)),
    )


def hover(row, names: dict[str, str], lang: str) -> str:
    lines = [f"<b>{names[row.country]}</b>", f"{row.year}: {percent(row.value, lang, 2)}"]
    if pd.notna(row.note_id):
        lines.append(f"<i>{pick(row._asdict(), 'note', lang)}</i>")
    return "<br>".join(lines)


def years_figure(
    values: pd.DataFrame, standing: facts.Standing, names: dict[str, str], marked: set[str], lang: str
) -> go.Figure:
    frame = values.assign(
        code=values["country"],
        name=values["country"].map(names),
        hover=hovers(values["country"].map(names), values["year"], values["value"], lang),
    )
    breaks = [t("world.break_label", lang, name=names[c], year=y) for c, y, *_ in standing.breaks]
    labels = display.labels(
        t("world.years_title", lang, first=min(facts.years(values)), last=max(facts.years(values))),
        "; ".join([t("world.years_subtitle", lang), *breaks]),
        list(values["source"].unique()),
        lang,
    )
    return world_figures.over_years(frame, labels, first=facts.INDONESIA, marked=marked)


def gap_table(values: pd.DataFrame, provinces: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    table = facts.gap_table(values, provinces, year)
    formats = {
        "n": lambda v: number(v, lang, 0),
        "min": lambda v: percent(v, lang, 2),
        "max": lambda v: percent(v, lang, 2),
        "range": lambda v: number(v, lang, 2),
        "ratio": lambda v: number(v, lang, 2),
        "cv": lambda v: percent(100 * v, lang),
        "gini": lambda v: number(v, lang, 3),
    }
    shown = pd.DataFrame({t("world.col_group", lang): [t(f"world.group_{g}", lang) for g in table["group"]]})
    shown[t("field.year", lang)] = table["year"].astype(str)
    for measure, fmt in formats.items():
        shown[t(f"world.col_{measure}", lang)] = [
            fmt(v) if pd.notna(v) else t("common.no_data", lang) for v in table[measure]
        ]
    return shown
