"""The story's slide on skills against MSME adoption: the page's default pair, the provinces that
lag named."""

from __future__ import annotations

from functools import partial

from inklusi.figures import scatter
from inklusi.i18n import number, t
from inklusi.pages.adoption.facts import compare
from inklusi.pages.adoption.words import adoption_sentences
from inklusi.store import reference
from inklusi.store.measures import ADOPTION, SKILLS
from inklusi.story.slide import Chart, Slide, chart_labels, measure_label, measure_sources, source_line


def adoption(run, lang: str, pin: str, geojson) -> Slide:
    """Digital skills against MSME adoption (the dashboard's default pair), with the laggards named."""
    skill, measure = SKILLS[0], ADOPTION[0]
    found = compare(run, skill, measure)
    names = reference.province_names(lang)
    sentences = adoption_sentences(
        found, skill=measure_label(run, skill, lang), adoption=measure_label(run, measure, lang), names=names, lang=lang
    )[:2]
    points = found.points.set_index("province")
    if pin in points.index:
        residual = points.loc[pin, "residual"]
        key = "lags" if points.loc[pin, "lags"] else "above" if residual > 0 else "below"
        sentences.append(t(f"story.pin_{key}", lang, name=names[pin], residual=number(abs(residual), lang, 1)))
    provinces = reference.provinces().set_index("kode")
    frame = found.points.assign(group=found.points["pulau"], short=found.points["province"].map(provinces["singkatan"]))
    frame["hover"] = [
        f"<b>{names[p]}</b><br>{number(x, lang, 2)} · {number(y, lang, 2)}"
        for p, x, y in zip(frame["province"], frame["x"], frame["y"], strict=True)
    ]
    used = measure_sources(run, (skill, measure))
    labels = chart_labels(
        t("adoption.chart_title", lang),
        t("adoption.chart_subtitle", lang, n=found.n, rho=number(found.rho, lang, 2)),
        source_line(run, used, lang),
        lang,
    )
    x_title, y_title = measure_label(run, skill, lang), measure_label(run, measure, lang)
    draw = partial(
        scatter.by_group,
        frame,
        labels,
        x_title=x_title,
        y_title=y_title,
        slope=found.slope,
        intercept=found.intercept,
        fit_name=t("adoption.fit", lang),
        lag_name=t("adoption.lags", lang),
        unreliable_name=t("reliability.legend", lang),
    )
    points = frame.assign(name=frame["province"].map(names), marked=frame["lags"])
    chart = Chart(
        "scatter",
        points,
        labels,
        draw,
        {
            "x_title": x_title,
            "y_title": y_title,
            "fit": (found.slope, found.intercept),
            "fit_name": t("adoption.fit", lang),
            "marked_name": t("adoption.lags", lang),
            "highlight": pin,
        },
    )
    facts = {
        "rho": found.rho,
        "low": found.low,
        "high": found.high,
        "n": found.n,
        "lagging": list(found.points.sort_values("robust_z").loc[lambda f: f["lags"], "province"]),
    }
    lagging = found.points.sort_values("robust_z").loc[lambda f: f["lags"]]
    notes = [
        t(
            "notes.adoption",
            lang,
            rho=number(found.rho, lang, 2),
            low=number(found.low, lang, 2),
            high=number(found.high, lang, 2),
            n=found.n,
            slope=number(found.slope, lang, 2),
            slope_low=number(found.slope_low, lang, 2),
            slope_high=number(found.slope_high, lang, 2),
            laggards=", ".join(
                f"{names[p]} {number(r, lang, 1)}"
                for p, r in zip(lagging["province"], lagging["residual"], strict=True)
            )
            or "-",
        )
    ]
    return Slide(
        "adoption",
        t("story.adoption_heading", lang),
        sentences,
        chart,
        facts,
        used,
        notes,
    )
