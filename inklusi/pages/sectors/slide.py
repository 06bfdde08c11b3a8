"""The story's slides on MSMEs: businesses going digital (real BPS figures), and the mentoring
programme (its records are synthetic and the slide says so)."""

from __future__ import annotations

from functools import partial

from inklusi.figures import bars, maps
from inklusi.i18n import number, percent, t
from inklusi.store import reference
from inklusi.story import plan
from inklusi.story.slide import (
    Chart,
    Slide,
    chart_labels,
    latest,
    pin_rank_sentence,
    province_frame,
    ranking_chart,
    source_line,
)
from inklusi.words.narrative import PRESENTED, records_source, records_synthetic

# The areas a projector's bar chart names in 22-pixel type at 1280 x 720 (the largest, and the
# pinned province's); the phones' page and the sectors page list them all.
SLIDE_AREAS = 8


def mentoring(run, lang: str, pin: str, geojson) -> Slide:
    years = run("mentoring_by_year")
    areas = run("mentoring_areas")
    cube = run("mentoring_cube")
    by_area = cube.groupby(["year", "area"], as_index=False)["participants"].sum()
    names = dict(zip(areas["area"], areas["name"], strict=True))
    facts = {
        int(y): {"participants": int(p), "areas": int(a)}
        for y, p, a in zip(years["year"], years["participants"], years["areas"], strict=True)
    }
    sentences = [
        t("story.mentoring_year", lang, year=y, participants=number(f["participants"], lang, 0), areas=f["areas"])
        for y, f in facts.items()
    ]
    synthetic = records_synthetic(run)
    assumed = areas.loc[areas["area_assumed"], "name"].drop_duplicates().tolist()
    if synthetic and assumed:
        sentences.append(t("story.mentoring_assumed", lang, names=", ".join(assumed)))
    if pin:
        here = cube[cube["province"] == pin]["participants"].sum()
        key = "story.pin_mentoring" if synthetic else "story.pin_mentoring_imported"
        name = reference.province_name(pin, lang)
        sentences.append(
            t(key, lang, name=name, participants=number(here, lang, 0))
            if here
            else t(
                "story.pin_mentoring_none",
                lang,
                name=name,
                years="–".join(str(y) for y in sorted({min(facts), max(facts)})),
            )
        )
    newest = int(years["year"].max())
    pinned_areas = set(areas.loc[areas["province"] == pin, "area"]) if pin else set()
    every = by_area[by_area["year"] == newest].sort_values("participants", ascending=False, ignore_index=True)
    shown = every[(every.index < SLIDE_AREAS) | every["area"].isin(pinned_areas)]
    frame = shown.assign(
        province=lambda f: f["area"],
        name=lambda f: f["area"].map(names),
        value=lambda f: f["participants"].astype(float),
        value_text=lambda f: [number(v, lang, 0) for v in f["participants"]],
    )
    frame["hover"] = [f"<b>{n}</b><br>{v}" for n, v in zip(frame["name"], frame["value_text"], strict=True)]
    subtitle = t("sectors.unit_msmes", lang)
    if len(shown) < len(every):
        subtitle += " · " + t("story.mentoring_largest", lang, shown=len(shown), areas=len(every))
    labels = chart_labels(t("story.mentoring_title", lang, year=newest), subtitle, records_source(run, lang), lang)
    highlight = next(iter(pinned_areas & set(shown["area"])), None)  # a province has one area a year
    chart = Chart(
        "ranking",
        frame,
        labels,
        partial(
            bars.ranked,
            frame,
            labels,
            national=None,
            national_label="",
            no_data_label=t("common.no_data", lang),
            highlight=highlight,
        ),
        {"highlight": highlight, "unit": t("sectors.unit_msmes", lang), "national": None},
    )
    published = run("programme_facts").set_index(["fact", "year"])["value"].sort_index()
    notes = [
        t(
            "notes.mentoring_synthetic" if synthetic else "notes.mentoring_imported",
            lang,
            totals=", ".join(f"{y}: {number(v, lang, 0)}" for y, v in published["participants"].items()),
            facilitators=number(published["facilitators"].iloc[-1], lang, 0),
            trainings=number(published["online_trainings"].iloc[-1], lang, 0),
            assumed=", ".join(assumed) or "-",
        )
    ]
    (first_year, first), (last_year, last) = list(facts.items())[0], list(facts.items())[-1]
    title = t(
        "story.mentoring_head" if synthetic else "story.mentoring_head_imported",
        lang,
        first=first["areas"],
        first_year=first_year,
        last=last["areas"],
        last_year=last_year,
    )
    return Slide(
        "mentoring",
        title,
        sentences,
        chart,
        facts,
        ["inklusi_synthetic", PRESENTED, *run("programme_facts")["source"]] if synthetic else ["imported_records"],
        notes,
    )


def going_digital(run, lang: str, pin: str, geojson) -> Slide:
    """Businesses going digital on real BPS figures: small manufacturers using the internet by
    province, e-commerce businesses nationally, and lack of knowledge as a reason not to sell online."""
    indicator = plan.indicator("msme")
    year = latest(run, indicator)
    frame = province_frame(run, indicator, year, lang)
    valued = frame.dropna(subset=["value"]).sort_values("value")
    low, high = valued.iloc[0], valued.iloc[-1]
    ecommerce = run("national_series", indicator="ecommerce_usaha").dropna(subset=["national"])
    last, before = ecommerce.iloc[-1], ecommerce.iloc[-2]
    reasons = run("msme_national", topic="reasons_offline")
    knowledge = reasons[reasons["category"] == "kurang_pengetahuan"].sort_values("year")
    title = t(
        "story.msme_head",
        lang,
        low=low["name"],
        low_value=low["value_text"] + "%",
        high=high["name"],
        high_value=high["value_text"] + "%",
        year=year,
    )
    sentences = [
        t("story.msme_derived", lang, year=year),
        t(
            "story.msme_ecommerce",
            lang,
            year=int(last["year"]),
            value=number(last["national"], lang, 0),
            change=percent(100 * (last["national"] / before["national"] - 1), lang, 1),
            before=int(before["year"]),
        ),
        t(
            "story.msme_knowledge",
            lang,
            first_year=int(knowledge["year"].iloc[0]),
            first=percent(knowledge["value"].iloc[0], lang, 2),
            last_year=int(knowledge["year"].iloc[-1]),
            last=percent(knowledge["value"].iloc[-1], lang, 2),
        ),
        *pin_rank_sentence(frame, pin, year, lang),
    ]
    used = [*frame["source"].dropna().unique(), *ecommerce["source"].dropna().unique(), *knowledge["source"].unique()]
    labels = chart_labels(
        t("story.msme_title", lang, year=year),
        t("story.msme_subtitle", lang),
        source_line(run, frame["source"].dropna(), lang),  # the map's; the sentences' sources are in the notes
        lang,
    )
    scale = maps.Scale(
        unit=t("story.msme_unit", lang), no_data=t("common.no_data", lang), unreliable=t("reliability.legend", lang)
    )
    chart = ranking_chart(frame, geojson, labels, scale, pin)
    facts = {
        "low": low["province"],
        "low_value": low["value"],
        "high": high["province"],
        "high_value": high["value"],
        "ecommerce": last["national"],
        "knowledge": list(knowledge["value"]),
    }
    return Slide(
        "msme",
        title,
        sentences,
        chart,
        facts,
        used,
        [_unreliable_note(run, int(last["year"]), lang)],
    )


def _unreliable_note(run, year: int, lang: str) -> str:
    """The speaker's note on the e-commerce counts of the year: which provinces BPS calls unreliable."""
    counts = run("indicator_by_province", indicator="ecommerce_usaha", year=year)
    shaky = counts[counts["reliability"] == "unreliable"]
    named = ", ".join(
        f"{reference.province_name(p, lang)} (RSE {number(r, lang, 2)} %)"
        for p, r in zip(shaky["province"], shaky["rse"], strict=True)
    )
    return t("notes.msme", lang, unreliable=named or "-", n=len(counts["rse"].dropna()))
