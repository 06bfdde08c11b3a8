"""The closing slides: where to go next, and every source the story drew on."""

from __future__ import annotations

from functools import partial

from inklusi import targeting
from inklusi.citations import cite
from inklusi.figures import scatter
from inklusi.i18n import number, t
from inklusi.narrative import PRESENTED, records_synthetic
from inklusi.store import reference
from inklusi.story.base import Chart, Slide, _labels, _measure_sources, _source
from inklusi.story.msme import measure_label


def next_steps(run, lang: str, pin: str, geojson) -> Slide:
    """The Targeting page's default view: digital skills against MSME adoption (real figures)."""
    need, per = targeting.NEEDS[0], targeting.PER[0]
    x_cut, y_cut = targeting.defaults(run, need, per)
    x_kind, y_kind = targeting.threshold_kinds(run, need, per)
    table = targeting.priorities(targeting.table(run, need, per), x_cut, y_cut)
    names_of = reference.province_names(lang)
    short = reference.provinces().set_index("kode")["singkatan"]
    chosen = table[table["priority"]].sort_values("skill")
    need_label, per_label = measure_label(run, need, lang), measure_label(run, per, lang)
    facts = {"priority": list(chosen["province"]), "x_cut": x_cut, "y_cut": y_cut}
    sentences = [
        t(
            "story.next",
            lang,
            n=len(chosen),
            need=need_label,
            x=number(x_cut, lang, 2),
            x_kind=t(f"targeting.threshold_{x_kind}", lang),
            second=per_label,
            y=number(y_cut, lang, 2),
            y_kind=t(f"targeting.threshold_{y_kind}", lang),
        ),
        t("story.next_names", lang, names=", ".join(names_of[p] for p in chosen["province"].head(6))),
    ]
    if pin:
        row = table[table["province"] == pin].iloc[0]
        key = "story.pin_priority" if row["priority"] else "story.pin_not_priority"
        sentences.append(t(key, lang, name=names_of[pin]))
    frame = table.assign(
        x=table["skill"], short=table["province"].map(short), hover=[names_of[p] for p in table["province"]]
    )
    used = _measure_sources(run, (need, per))
    labels = _labels(
        t("targeting.chart_title", lang, need=need_label, second=per_label),
        t("targeting.chart_subtitle", lang),
        _source(run, used, lang),
        lang,
    )
    drawn = frame.dropna(subset=["x", "y"])
    draw = partial(
        scatter.quadrant,
        drawn,
        labels,
        x_title=need_label,
        y_title=per_label,
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
        t("story.next_heading", lang),
        sentences,
        chart,
        facts,
        used,
        notes,
    )


def qr_slide(lang: str) -> Slide:
    """The room's way in: a QR code of the presentation's link (drawn by the page or the file,
    which know the address the audience can reach)."""
    sentences = [t("story.qr", lang)]
    return Slide("qr", t("story.qr_heading", lang), sentences, None, notes=[t("notes.qr", lang)])


def sources_slide(run, lang: str, earlier: list[Slide]) -> Slide:
    """Every source the other slides draw on, in the order they first appear (the editions of one
    series cited once)."""
    catalogue = run("source_catalogue").set_index("id")
    used = [s for s in dict.fromkeys(s for slide in earlier for s in slide.sources) if s in catalogue.index]
    # The report of the DEWG totals is cited in full in the list above: here by its publisher only.
    records = (
        t("story.sources_synthetic", lang, source=catalogue.loc[PRESENTED, "publisher"])
        if records_synthetic(run)
        else t("story.sources_imported", lang)
    )
    sentences = [*cite(catalogue, used), records, t("story.sources_link", lang)]
    notes = [t("notes.sources", lang)]
    return Slide("sources", t("story.sources_heading", lang), sentences, None, {"used": used}, used, notes)
