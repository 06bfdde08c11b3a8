"""The story's slide on where to go next: the targeting page's default view (digital skills
against MSME adoption), the priority provinces named."""

from __future__ import annotations

from functools import partial

from inklusi.figures import scatter
from inklusi.i18n import listed, number, t
from inklusi.pages.targeting.facts import PER, defaults, priorities, table, threshold_kinds, unreliable
from inklusi.store import reference
from inklusi.store.measures import NEEDS
from inklusi.story.slide import Chart, Slide, chart_labels, measure_label, measure_sources, source_line
from inklusi.words import values

SHOWN = 6  # the priority provinces the slide names; the notes name every one


def next_steps(run, lang: str, pin: str, geojson) -> Slide:
    """The Targeting page's default view: digital skills against MSME adoption (real figures)."""
    need, per = NEEDS[0], PER[0]
    x_cut, y_cut = defaults(run, need, per)
    x_kind, y_kind = threshold_kinds(run, need, per)
    marked = priorities(table(run, need, per), x_cut, y_cut)
    names_of = reference.province_names(lang)
    chosen = marked[marked["priority"]].sort_values("skill")
    need_label, per_label = measure_label(run, need, lang), measure_label(run, per, lang)
    facts = {"priority": list(chosen["province"]), "x_cut": x_cut, "y_cut": y_cut}
    shaky = unreliable(run, (need, per))
    names = [values.named(names_of[p], p in shaky) for p in chosen["province"].head(SHOWN)]
    sentences = [
        t(
            "story.next_need",
            lang,
            need=need_label,
            x=number(x_cut, lang, 2),
            x_kind=t(f"targeting.threshold_{x_kind}", lang),
        ),
        t(
            "story.next_second",
            lang,
            second=per_label,
            y=number(y_cut, lang, 2),
            y_kind=t(f"targeting.threshold_{y_kind}", lang),
        ),
        t("story.next_names", lang, names=listed(names, lang)),
    ]
    if pin:
        row = marked[marked["province"] == pin].iloc[0]
        key = "story.pin_priority" if row["priority"] else "story.pin_not_priority"
        sentences.append(t(key, lang, name=names_of[pin]))
    frame = marked.assign(
        x=marked["skill"], short=marked["province"].map(names_of), hover=[names_of[p] for p in marked["province"]]
    )
    used = measure_sources(run, (need, per))
    labels = chart_labels(
        t("targeting.chart_title", lang, need=need_label, second=per_label),
        t("targeting.chart_subtitle", lang),
        source_line(run, used, lang),
        lang,
    )
    drawn = frame.dropna(subset=["x", "y"])
    draw = partial(
        scatter.quadrant,
        drawn,
        labels,
        x_title=measure_label(run, need, lang, year=False),
        y_title=measure_label(run, per, lang, year=False),
        x_cut=x_cut,
        y_cut=y_cut,
        priority_name=t("targeting.priority_adoption", lang),
        other_name=t("targeting.other", lang),
        corner_text=t("targeting.corner_adoption", lang),
    )
    points = drawn.assign(name=drawn["hover"], marked=drawn["priority"])
    options = {"x_title": need_label, "y_title": per_label, "cuts": (x_cut, y_cut), "highlight": pin}
    chart = Chart("scatter", points, labels, draw, options | {"marked_name": t("targeting.priority_adoption", lang)})
    notes = [
        t(
            "notes.next",
            lang,
            need=need_label,
            x=number(x_cut, lang, 2),
            second=per_label,
            y=number(y_cut, lang, 2),
            names=", ".join(names_of[p] for p in chosen["province"]) or "-",
        )
    ]
    return Slide(
        "next",
        t("story.next_head", lang, n=len(chosen)),
        sentences,
        chart,
        facts,
        used,
        notes,
    )
