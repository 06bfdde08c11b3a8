"""The slide on Indonesia among the G20 and ASEAN: the World page's default view (the provinces'
latest year), its sentences from the same facts object (world.Standing) in either language, the
countries and provinces on one axis, and the rest of the evidence in the speaker notes."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial

from inklusi import viewstate, world
from inklusi.export import view
from inklusi.i18n import percent, t
from inklusi.store import reference
from inklusi.story.base import Chart, Slide, _labels, _source
from inklusi.world_charts import axis, axis_rows
from inklusi.world_sentences import province_name, sentences

ON_SLIDE = ("rank", "gap")  # the rest (years missing, median, India, cap, break, ages) goes to the notes


def pin_sentence(facts: world.Standing, pin: str, value: float | None, name: str, lang: str) -> list[str]:
    """Where the pinned province stands against the G20 members valued in the year."""
    if not pin or value is None or not facts.valued or facts.median is None:
        return []
    below = sum(v < value for v in facts.valued_values)
    return [
        t(
            "world.pin" if below else "world.pin_none",
            lang,
            name=name,
            value=percent(value, lang, 2),
            n=below,
            members=len(facts.valued),
            year=facts.year,
            province_year=facts.province_year,
        )
    ]


def standing_slide(run, lang: str, pin: str, geojson) -> Slide:
    values = run("country_values")
    provinces = view.world_provinces(run)
    year = viewstate.world_options(values, [int(provinces["year"].iloc[0])])["default_year"]
    facts = world.standing(values, provinces, year)
    names, province_names = world.names_of(values, lang), reference.province_names(lang)
    by_code = dict(zip(provinces["province"], provinces["value"], strict=True))
    said = sentences(facts, names, province_names, by_code, lang)
    here = reference.place(pin, facts.province_layout) if pin else ""
    name = province_name(here, facts.province_layout, province_names, lang) if here else ""
    pinned = pin_sentence(facts, here, by_code.get(here), name, lang)
    used = [*values["source"].unique(), *provinces["source"].dropna().unique()]
    labels = _labels(
        t("world.axis_title", lang), t("world.axis_subtitle", lang, year=year), _source(run, used, lang), lang
    )
    marked = {world.INDONESIA, world.INDIA, here}
    points, rows = axis_rows(values, provinces, facts, names, province_names, marked, lang)
    chart = Chart(
        "axis", points, labels, partial(axis, points, rows, labels), {"rows": rows, "x_title": t("world.axis_x", lang)}
    )
    listed = ", ".join(
        f"{names[c]} {percent(v, lang, 2)}" for c, v in zip(facts.valued, facts.valued_values, strict=True)
    )
    evidence = [t("world.valued", lang, year=year, names=listed, median=percent(facts.median, lang, 2))]
    notes = (evidence if facts.median is not None else []) + [said[topic] for topic in said if topic not in ON_SLIDE]
    return Slide(
        "world",
        t("world.title", lang),
        [said[topic] for topic in ON_SLIDE if topic in said] + pinned,
        chart,
        asdict(facts),
        used,
        [t("notes.world", lang), *notes],
    )
