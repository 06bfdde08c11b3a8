"""Sentences generated from the data, in the user's language. No number is typed in here."""

from __future__ import annotations

import pandas as pd

from inklusi.citations import cite
from inklusi.i18n import number, signed, t
from inklusi.statistics.metrics import national_of
from inklusi.trends import mark_list


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


def profile_summary(
    name: str,
    what: str,
    series: pd.DataFrame,
    *,
    lang: str,
    decimals: int,
    undivided: bool = False,
    crossed: pd.DataFrame | None = None,
) -> str:
    """One or two sentences on a province's latest value: against national, rank, and change.

    series: the indicator_series rows of the province (year, layout, value, flag, reliability,
    rse, via_parent, national, rank, n_ranked). An edition from before the province existed (its
    parent's value, via_parent) gives it no value, rank or change; undivided: the province is
    Papua or Papua Barat, whose 34-province values are the undivided province's, and a change
    across the split says so; crossed: the breaks (inklusi.store.breaks) of the indicator, of which the
    ones the change crosses are named."""
    valued = series[series["value"].notna() & ~series["via_parent"].astype(bool)]
    if valued.empty:
        return t("profile.summary_none", lang, name=name, what=what)
    last = valued.iloc[-1]
    parts = [
        t(
            "profile.summary_value",
            lang,
            name=name,
            what=what,
            year=int(last["year"]),
            value=value_words(last, lang, decimals),
            rank=int(last["rank"]),
            n=int(last["n_ranked"]),
        )
    ]
    if pd.notna(last["national"]):
        gap = last["value"] - last["national"]
        key = "profile.summary_above" if gap > 0 else "profile.summary_below" if gap < 0 else "profile.summary_equal"
        parts.append(
            t(
                key,
                lang,
                gap=number(abs(gap), lang, decimals),
                national=number(last["national"], lang, decimals, exact=True),
            )
        )
    if len(valued) > 1:
        first = valued.iloc[0]
        change = last["value"] - first["value"]
        key = "profile.summary_rose" if change > 0 else "profile.summary_fell" if change < 0 else "profile.summary_flat"
        parts.append(
            t(
                key,
                lang,
                since=int(first["year"]),
                change=number(abs(change), lang, decimals),
                rank_then=int(first["rank"]),
                n_then=int(first["n_ranked"]),
            )
        )
        if undivided and int(first["layout"]) != int(last["layout"]):
            parts.append(t("profile.summary_undivided", lang, name=name, since=int(first["year"])))
        if crossed is not None:
            steps = crossed[(crossed["year"] > first["year"]) & (crossed["year"] <= last["year"])]
            if len(steps):
                parts.append(t("profile.summary_breaks", lang, marks=mark_list(steps, lang)))
    return " ".join(parts)


def value_words(row: pd.Series, lang: str, decimals: int) -> str:
    """A value as a sentence gives it: a derived value with the catalogue's decimals and the word
    "derived", an estimate BPS calls unreliable with its mark and RSE; a published one exactly."""
    derived = row.get("flag") == "derived"
    text = number(row["value"], lang, decimals, exact=not derived)
    if row.get("reliability") == "unreliable" and pd.notna(row.get("rse")):
        text = t("common.value_unreliable", lang, value=text, rse=number(row["rse"], lang, 2))
    elif row.get("reliability") == "unreliable":
        text = t("common.value_unreliable_built", lang, value=text)
    if derived:
        text = t("common.value_derived", lang, value=text)
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


def adoption_sentences(found, *, skill: str, adoption: str, names: dict[str, str], lang: str) -> list[str]:
    """The skills-against-adoption finding in words: the rank correlation with its interval, the
    provinces that lag what their skills predict, and what was left out or differs.

    found: an inklusi.adoption.Comparison; skill, adoption: the measures' labels with their years."""
    verdict = "positive" if found.low > 0 else "negative" if found.high < 0 else "unclear"
    sentences = [
        t(
            f"adoption.rho_{verdict}",
            lang,
            n=found.n,
            skill=skill,
            adoption=adoption,
            rho=number(found.rho, lang, 2),
            low=number(found.low, lang, 2),
            high=number(found.high, lang, 2),
        )
    ]
    slope = {
        "slope": number(found.slope, lang, 2),
        "slope_low": number(found.slope_low, lang, 2),
        "slope_high": number(found.slope_high, lang, 2),
    }
    lagging = found.points.sort_values("robust_z")
    lagging = lagging[lagging["lags"]]
    if not found.predicts:
        lowest = ", ".join(
            names[p] + ("†" if shaky else "") for p, shaky in found.lowest()[["province", "unreliable"]].values
        )
        sentences.append(t("adoption.no_prediction", lang, lowest=lowest, **slope))
    elif len(lagging):
        sentences.append(
            t(
                "adoption.laggards",
                lang,
                names=", ".join(
                    f"{names[p]}{'†' if shaky else ''} ({signed(r, lang, 1)})"
                    for p, r, shaky in zip(lagging["province"], lagging["residual"], lagging["unreliable"], strict=True)
                ),
                **slope,
            )
        )
    else:
        sentences.append(t("adoption.no_laggards", lang, **slope))
    if skill[-4:] != adoption[-4:]:
        sentences.append(t("adoption.years_differ", lang, skill_year=skill[-4:], adoption_year=adoption[-4:]))
    if found.left_out:
        sentences.append(t("adoption.left_out", lang, names=", ".join(names[p] for p in found.left_out)))
    if found.rho_reliable is not None:
        sentences.append(t("adoption.without_unreliable", lang, rho=number(found.rho_reliable, lang, 2)))
    return sentences
