"""The slide on Indonesia among the G20 and ASEAN: the World page's default view (the provinces'
latest year), its sentences from the same facts object (facts.Standing) in either language, the
countries and provinces on one axis, and the rest of the evidence in the speaker notes."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial

from inklusi.i18n import percent, t
from inklusi.pages.world.charts import axis, axis_rows
from inklusi.pages.world.facts import INDIA, INDONESIA, Standing, names_of, standing, world_options, world_provinces
from inklusi.pages.world.words import province_name, sentences
from inklusi.store import reference
from inklusi.story.slide import Chart, Slide, chart_labels, source_line

ON_SLIDE = ("rank", "gap")  # the rest (years missing, median, India, cap, break, ages) goes to the notes


def pin_sentence(facts: Standing, pin: str, value: float | None, name: str, lang: str) -> list[str]:
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
    provinces = world_provinces(run)
    year = world_options(values, [int(provinces["year"].iloc[0])])["default_year"]
    facts = standing(values, provinces, year)
    names, province_names = names_of(values, lang), reference.province_names(lang)
    by_code = dict(zip(provinces["province"], provinces["value"], strict=True))
    said = sentences(facts, names, province_names, by_code, lang)
    here = reference.place(pin, facts.province_layout) if pin else ""
    name = province_name(here, facts.province_layout, province_names, lang) if here else ""
    pinned = pin_sentence(facts, here, by_code.get(here), name, lang)
    used = [*values["source"].unique(), *provinces["source"].dropna().unique()]
    labels = chart_labels(
        t("world.axis_title", lang), t("world.axis_subtitle", lang, year=year), source_line(run, used, lang), lang
    )
    marked = {INDONESIA, INDIA, here}
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
