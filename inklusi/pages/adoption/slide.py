"""The story's slide on skills against MSME adoption: the page's default pair, the provinces that
lag named."""

from __future__ import annotations

from functools import partial

from inklusi.figures import scatter
from inklusi.i18n import number, t
from inklusi.pages.adoption import words
from inklusi.pages.adoption.facts import compare
from inklusi.store import reference
from inklusi.store.measures import ADOPTION, SKILLS, split
from inklusi.story.slide import Chart, Slide, chart_labels, measure_label, measure_sources, source_line
from inklusi.words import values


def adoption(run, lang: str, pin: str, geojson) -> Slide:
    """Digital skills against MSME adoption (the dashboard's default pair), with the laggards named."""
    skill, measure = SKILLS[0], ADOPTION[0]
    found = compare(run, skill, measure)
    names = reference.province_names(lang)
    said = words.block(
        found,
        skill=measure_label(run, skill, lang),
        adoption=measure_label(run, measure, lang),
        years=(split(skill)[1], split(measure)[1]),
        names=names,
        lang=lang,
    )
    sentences = list(said.sentences)
    points = found.points.set_index("province")
    if pin in points.index and points.loc[pin, "lags"]:
        residual = number(abs(points.loc[pin, "residual"]), lang, 1)
        sentences.append(t("story.pin_lags", lang, name=names[pin], residual=residual))
    elif pin in points.index:
        x, y = (
            values.label(points.loc[pin, c], lang, 2, values.Marks(unreliable=points.loc[pin, "unreliable"]))
            for c in ("x", "y")
        )
        sentences.append(t("story.pin_values", lang, name=names[pin], x=x, y=y))
    elif pin:
        sentences.append(t("story.pin_left_out", lang, name=names[pin]))
    frame = found.points.assign(group=found.points["pulau"], short=found.points["province"].map(names))
    frame["hover"] = [
        f"<b>{names[p]}</b><br>{values.exact(x, lang, 2, mark)} · {values.exact(y, lang, 2, mark)}"
        for p, x, y, mark in zip(
            frame["province"],
            frame["x"],
            frame["y"],
            [values.Marks(unreliable=u) for u in frame["unreliable"]],
            strict=True,
        )
    ]
    used = measure_sources(run, (skill, measure))
    labels = chart_labels(
        t("adoption.chart_title", lang),
        t("story.adoption_subtitle", lang, n=found.n),
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
        fit_name=t("story.adoption_fit", lang),
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
            "fit_name": t("story.adoption_fit", lang),
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
    notes = said.evidence
    return Slide(
        "adoption",
        said.headline,
        sentences,
        chart,
        facts,
        used,
        notes,
    )
