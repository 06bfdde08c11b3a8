"""The slides on MSMEs: skills against adoption, businesses going digital (real BPS figures),
and the mentoring programme (its records are synthetic and the slide says so)."""

from __future__ import annotations

from functools import partial

from inklusi import adoption as skills_adoption
from inklusi.figures import bars, maps, scatter
from inklusi.i18n import number, percent, pick, t
from inklusi.narrative import PRESENTED, adoption_sentences, records_source, records_synthetic
from inklusi.store import reference
from inklusi.story.base import Chart, Slide, _frame, _labels, _map, _measure_sources, _source

ADOPTION = "imk_internet_persen"  # the adoption measure of the map slide: its latest edition is shown


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
        sentences.append(t(key, lang, name=reference.province_name(pin, lang), participants=number(here, lang, 0)))
    latest = int(years["year"].max())
    frame = by_area[by_area["year"] == latest].assign(
        province=lambda f: f["area"],
        name=lambda f: f["area"].map(names),
        value=lambda f: f["participants"].astype(float),
        value_text=lambda f: [number(v, lang, 0) for v in f["participants"]],
    )
    frame["hover"] = [f"<b>{n}</b><br>{v}" for n, v in zip(frame["name"], frame["value_text"], strict=True)]
    labels = _labels(
        t("story.mentoring_title", lang, year=latest), t("sectors.unit_msmes", lang), records_source(run, lang), lang
    )
    pinned_areas = set(areas.loc[areas["province"] == pin, "area"]) if pin else set()
    highlight = next(iter(pinned_areas), None)
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
    return Slide(
        "mentoring",
        t("story.mentoring_heading", lang),
        sentences,
        chart,
        facts,
        ["inklusi_synthetic", PRESENTED, *run("programme_facts")["source"]] if synthetic else ["imported_records"],
        notes,
    )


def measure_label(run, measure: str, lang: str) -> str:
    indicator, year = skills_adoption.split(measure)
    return f"{pick(run('indicator_catalogue').set_index('id').loc[indicator], 'short', lang)} {year}"


def adoption(run, lang: str, pin: str, geojson) -> Slide:
    """Digital skills against MSME adoption (the dashboard's default pair), with the laggards named."""
    skill, measure = skills_adoption.SKILLS[0], skills_adoption.ADOPTION[0]
    found = skills_adoption.compare(run, skill, measure)
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
    used = _measure_sources(run, (skill, measure))
    labels = _labels(
        t("adoption.chart_title", lang),
        t("adoption.chart_subtitle", lang, n=found.n, rho=number(found.rho, lang, 2)),
        _source(run, used, lang),
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


def going_digital(run, lang: str, pin: str, geojson) -> Slide:
    """Businesses going digital on real BPS figures: small manufacturers using the internet by
    province, e-commerce businesses nationally, and lack of knowledge as a reason not to sell online."""
    year = int(run("indicator_editions").query("indicator == @ADOPTION and n_provinces > 0")["year"].max())
    frame = _frame(run, ADOPTION, year, lang)
    valued = frame.dropna(subset=["value"]).sort_values("value")
    # the pinned province (else the lowest) against the highest; a pinned highest against the lowest,
    # never against itself
    named = valued[valued["province"] == pin].iloc[0] if pin in set(valued["province"]) else valued.iloc[0]
    other = valued.iloc[-1] if valued.iloc[-1]["province"] != named["province"] else valued.iloc[0]
    is_top = other["value"] < named["value"]
    ecommerce = run("national_series", indicator="ecommerce_usaha").dropna(subset=["national"])
    last, before = ecommerce.iloc[-1], ecommerce.iloc[-2]
    reasons = run("msme_national", topic="reasons_offline")
    knowledge = reasons[reasons["category"] == "kurang_pengetahuan"].sort_values("year")
    sentences = [
        t(
            "story.msme_internet_top" if is_top else "story.msme_internet",
            lang,
            name=named["name"],
            value=percent(named["value"], lang, 1),
            other=other["name"],
            other_value=percent(other["value"], lang, 1),
            year=year,
        ),
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
    ]
    used = [*frame["source"].dropna().unique(), *ecommerce["source"].dropna().unique(), *knowledge["source"].unique()]
    labels = _labels(
        t("story.msme_title", lang, year=year),
        t("story.msme_subtitle", lang),
        _source(run, frame["source"].dropna(), lang),  # the map's; the sentences' sources are in the notes
        lang,
    )
    scale = maps.Scale(
        unit=t("story.msme_unit", lang), no_data=t("common.no_data", lang), unreliable=t("reliability.legend", lang)
    )
    chart = _map(frame, geojson, labels, scale, pin)
    facts = {
        "named": named["province"],
        "named_value": named["value"],
        "other": other["province"],
        "other_value": other["value"],
        "ecommerce": last["national"],
        "knowledge": list(knowledge["value"]),
    }
    return Slide(
        "msme",
        t("story.msme_heading", lang),
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
