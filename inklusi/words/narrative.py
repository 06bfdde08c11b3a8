"""Sentences generated from the data, in the user's language. No number is typed in here."""

from __future__ import annotations

import pandas as pd

from inklusi.i18n import number, pick, t
from inklusi.statistics.metrics import national_of
from inklusi.store.measures import split
from inklusi.words.citations import cite


def extremes(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """The highest and the lowest row with a value (ties: the first by province code)."""
    valued = frame[frame["value"].notna()].sort_values(["value", "province"], ascending=[False, True])
    if valued.empty:
        return None
    return valued.iloc[0], valued.sort_values(["value", "province"]).iloc[0]


def ranking_alt(frame: pd.DataFrame, *, what: str, chart: str, lang: str, decimals: int) -> str:
    """Alt text of a map or ranking: what it shows, its extremes and the national value."""
    ends = extremes(frame)
    if ends is None:
        return t("alt.empty", lang, chart=chart, what=what)
    top, bottom = ends
    national = national_of(frame)
    text = t(
        "alt.ranking",
        lang,
        chart=chart,
        what=what,
        n=int(frame["value"].notna().sum()),
        total=len(frame),
        top=top["name"],
        top_value=top.get("value_text", number(top["value"], lang, decimals, exact=True)),
        bottom=bottom["name"],
        bottom_value=bottom.get("value_text", number(bottom["value"], lang, decimals, exact=True)),
    )
    if national is not None:
        text += " " + t("alt.national", lang, value=number(national, lang, decimals, exact=True))
    missing = frame.loc[frame["value"].isna(), "name"]
    if len(missing):
        text += " " + t("alt.missing", lang, names=", ".join(missing))
    if "unreliable" in frame and frame["unreliable"].any():
        text += " " + t("alt.unreliable", lang, names=", ".join(frame.loc[frame["unreliable"], "name"]))
    return text


def records_synthetic(run) -> bool:
    """Whether the mentoring records being shown are the synthetic ones (not an imported file)."""
    return bool(run("mentoring_by_year")["synthetic"].all())


def records_source(run, lang: str) -> str:
    """The source line of a chart drawn from the mentoring records."""
    if not records_synthetic(run):
        return t("chart.source_imported", lang)
    return t("chart.source_synthetic", lang, source=presented_source(run))


PRESENTED = "suara_dewg_2022"  # data/sources.csv: the report of the totals presented in Labuan Bajo, July 2022


def presented_source(run) -> str:
    """The citation, from data/sources.csv, of the report that the programme's totals were presented
    at the G20 DEWG meeting in Labuan Bajo."""
    return "; ".join(cite(run("source_catalogue").set_index("id"), [PRESENTED]))


def measure_label(catalogue: pd.DataFrame, measure: str, lang: str, year: bool = True) -> str:
    """An indicator-year measure as a short label ("IMDI digital literacy 2025"), a derived one
    saying so ("Small manufacturers online 2025 (derived)"); without its year for an axis whose
    chart's title gives it. catalogue: indicator_catalogue by id."""
    indicator, edition = split(measure)
    info = catalogue.loc[indicator]
    label = f"{pick(info, 'short', lang)} {edition}" if year else pick(info, "short", lang)
    return t("common.value_derived", lang, value=label) if pd.notna(info["formula"]) else label
