"""Bandingkan / Compare: up to eight provinces and the nation on one indicator over every edition,
as lines or as one panel per province, with the breaks of the time axis marked."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from inklusi.figures import lines
from inklusi.i18n import pick, t
from inklusi.pages.compare import SHOW, facts
from inklusi.site import provinces
from inklusi.store import breaks
from inklusi.ui import controls, data, display, furniture, state
from inklusi.ui.furniture import current_lang
from inklusi.words import values
from inklusi.words.citations import cite

PICKER = "w.provinces"


def render() -> None:
    lang = current_lang()
    indicator = controls.indicator()
    choice = provinces.choose(state.get("provinces"), state.get("province") or state.get("pin"))
    state.put("provinces", choice.text)
    picker(lang)
    show = controls.choice("show", SHOW)

    st.title(t("compare.title", lang))
    st.caption(t("compare.lead", lang, n=provinces.MAX_PROVINCES))
    furniture.show_url_notes()
    furniture.dropped_provinces(choice, lang)
    years = data.indicator_catalogue().years(indicator)
    what = display.indicator_labels(lang)[indicator]
    if len(years) == 1:
        st.info(t("compare.one_edition", lang, what=what, year=years[0]), icon=":material/timeline:")
    if not choice.kept:
        st.info(t("compare.pick", lang), icon=":material/touch_app:")
    fig, alt, notes = figure(indicator, choice.kept, show, lang, furniture.on_phone())
    furniture.chart(fig, key="compare.chart", alt=alt)
    for note in notes:
        st.caption(note)


def picker(lang: str) -> None:
    """The provinces to compare (at most eight), kept in the URL as comma-separated codes."""
    st.session_state[PICKER] = [code for code in state.get("provinces").split(",") if code]
    st.sidebar.multiselect(
        t("field.provinces", lang),
        list(data.provinces()["kode"]),
        key=PICKER,
        format_func=controls.province_labels(lang).__getitem__,
        max_selections=provinces.MAX_PROVINCES,
        placeholder=t("common.choose", lang),
        on_change=lambda: state.put("provinces", ",".join(st.session_state[PICKER])),
    )


@data.cached(max_entries=400)
def figure(
    indicator: str, chosen: tuple[str, ...], show: str, lang: str, phone: bool
) -> tuple[go.Figure, str, list[str]]:
    """The comparison chart, its alt text and the notes under it (breaks, undivided provinces,
    provinces formed later, unreliable estimates)."""
    d = display.decimals(indicator)
    derived = display.is_derived(indicator)
    frame = facts.series(data.query, indicator, chosen)
    names = controls.province_labels(lang)
    shown = [values.Marks.of(row) for row in frame.to_dict("records")]
    frame = frame.assign(
        name=[names[c] for c in frame["province"]],
        value_text=[values.label(v, lang, d, m) for v, m in zip(frame["value"], shown, strict=True)],
    )
    frame["hover"] = [
        f"{int(y)}<br>{values.exact(v, lang, d, m)}" + (f"<br>{t('compare.undivided_short', lang)}" if u else "")
        for y, v, m, u in zip(frame["year"], frame["value"], shown, frame["undivided"], strict=True)
    ]
    published = data.query("indicator_values", indicator=indicator)
    editions = published[["year", "layout"]]
    national = national_series(indicator, editions, lang, d, derived)
    national_rows = published[published["province"].eq("ID") & published["year"].isin(national["year"])]
    found = breaks.breaks(data.query("indicator_breaks", indicator=indicator), indicator)
    marks = [(int(year), break_label(rows, editions, lang)) for year, rows in found.groupby("year")]
    what = display.indicator_labels(lang)[indicator]
    subtitle = display.unit(indicator, lang) + (f" · {t('flag.derived', lang)}" if derived else "")
    if show == "panels" and len(national):
        subtitle += f" · {t('compare.national_dashed', lang)}"
    labels = display.labels(
        t("compare.chart_title", lang, what=what),
        subtitle,
        pd.concat([frame["source"], national_rows["source"]]).dropna(),
        lang,
    )
    panels = (2 if phone else 4) if show == "panels" else 0
    fig = lines.compared(
        frame,
        labels,
        national=national,
        national_name=t("common.national", lang),
        breaks=marks,
        panels=min(panels, max(1, len(chosen))) if panels else 0,
    )
    return fig, alt_text(frame, national, what, lang), notes(frame, chosen, found, lang)


def break_label(rows: pd.DataFrame, editions: pd.DataFrame, lang: str) -> str:
    """What changed at one year of the time axis, in a few words: '34 → 38 provinces · method'."""
    before, after = facts.layouts_around(editions, int(rows["year"].iloc[0]))
    kinds = dict.fromkeys(rows["kind"])
    return " · ".join(t(f"compare.break_{kind}", lang, before=before, after=after) for kind in kinds)


def national_series(indicator: str, editions: pd.DataFrame, lang: str, d: int, derived: bool) -> pd.DataFrame:
    """The national value of each edition where it is a level provinces can be compared with."""
    years = sorted(int(y) for y in editions["year"].unique())
    frame = pd.DataFrame({"year": years, "value": [display.national_level(indicator, y) for y in years]})
    frame = frame.dropna(subset=["value"])
    return frame.assign(value_text=[values.label(v, lang, d, values.Marks(derived=derived)) for v in frame["value"]])


def alt_text(frame: pd.DataFrame, national: pd.DataFrame, what: str, lang: str) -> str:
    parts = [
        f"{name}: " + ", ".join(f"{int(y)} {v}" for y, v in zip(one["year"], one["value_text"], strict=True))
        for name, one in frame.groupby("name", sort=False)
    ]
    if len(national):
        parts.append(
            f"{t('common.national', lang)}: "
            + ", ".join(f"{int(y)} {v}" for y, v in zip(national["year"], national["value_text"], strict=True))
        )
    return t("compare.alt", lang, what=what, values="; ".join(parts) or t("common.no_data", lang))


def notes(frame: pd.DataFrame, chosen: tuple[str, ...], found: pd.DataFrame, lang: str) -> list[str]:
    names = controls.province_labels(lang)
    catalogue = data.query("source_catalogue").set_index("id")
    said = [
        t(
            "compare.break_note",
            lang,
            year=int(row["year"]),
            kind=t(f"compare.kind_{row['kind']}", lang),
            note=pick(row, "note", lang),
            source="; ".join(cite(catalogue, [row["source"]])),
        )
        for _, row in found.iterrows()
    ]
    for child, parent in facts.parents_compared(chosen):
        said.append(t("compare.with_parent", lang, child=names[child], parent=names[parent]))
    undivided = sorted({names[c] for c in frame.loc[frame["undivided"], "province"]})
    if undivided:
        said.append(t("compare.undivided", lang, names=", ".join(undivided)))
    formed = data.provinces()["tahun_dibentuk"].astype(int)
    later = [c for c in chosen if frame.loc[frame["province"] == c, "value"].isna().any() and formed[c] >= 2022]
    if later:
        said.append(t("compare.formed_later", lang, names=", ".join(names[c] for c in later)))
    if frame["reliability"].eq("unreliable").any():
        said.append(t("reliability.legend", lang))
    return said
