"""The slide on Indonesia among the G20 and ASEAN: the World page's default view (the provinces'
latest year), its sentences from the same facts object (facts.Standing) in either language, the
countries and provinces on one axis, and the rest of the evidence in the speaker notes."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial

from inklusi.i18n import percent, t
from inklusi.pages.world.charts import axis, axis_rows
from inklusi.pages.world.facts import INDIA, INDONESIA, Standing, names_of, standing, world_options, world_provinces
from inklusi.pages.world.words import block
from inklusi.store import queries, reference
from inklusi.story.slide import Chart, Slide, chart_labels, source_line
from inklusi.words.province_table import layout_name


def pin_sentence(facts: Standing, pin: str, value: float | None, lang: str) -> list[str]:
    """Where the pinned province stands against every member's latest value, or what is missing."""
    if not pin:
        return []
    name = reference.province_name(pin, lang)
    here = reference.place(pin, facts.province_layout)
    if value is None:
        return [t("story.pin_none", lang, name=name, year=facts.province_year)]
    shown = percent(value, lang, 2)
    if here != pin:
        parent = layout_name(reference.province_name(here, lang), here, facts.province_layout, lang)
        return [t("story.pin_part", lang, name=name, year=facts.province_year, parent=parent, value=shown)]
    below = sum(v < value for _, _, v in facts.comparators)
    key = "world.pin" if below else "world.pin_none"
    return [t(key, lang, name=name, value=shown, n=below, members=len(facts.comparators), year=facts.year)]


def standing_slide(run, lang: str, pin: str, geojson) -> Slide:
    values = run("country_values")
    provinces = world_provinces(run)
    year = world_options(values, [int(provinces["year"].iloc[0])])["default_year"]
    facts = queries.derived(run, ("standing", year), partial(standing, values, provinces, year))
    names, province_names = names_of(values, lang), reference.province_names(lang)
    by_code = dict(zip(provinces["province"], provinces["value"], strict=True))
    said = block(facts, names, province_names, by_code, lang)
    here = reference.place(pin, facts.province_layout) if pin else ""
    pinned = pin_sentence(facts, pin, by_code.get(here), lang)
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
    valued = [t("world.valued", lang, year=year, names=listed, median=percent(facts.median, lang, 2))]
    return Slide(
        "world",
        said.headline,
        [*said.sentences, *pinned],
        chart,
        asdict(facts),
        used,
        [t("notes.world", lang), *said.evidence, *(valued if facts.median is not None else [])],
    )
