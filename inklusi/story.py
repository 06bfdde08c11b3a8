"""The presenter's story: seven slides computed from the data, sentences in either language.

No number is typed into the text: every figure in a sentence comes from a query result,
so the story follows the data. A pinned province (NTT in Labuan Bajo) is highlighted on
every slide and named in its sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from inklusi import gaps, reference, targeting
from inklusi.figures import bars, lines, maps, scatter
from inklusi.figures.common import BELOW, HIGHLIGHT, NEUTRAL, Labels
from inklusi.i18n import number, percent, pick, t
from inklusi.metrics import layout_of, mentoring_rates, national_of, rates_by
from inklusi.narrative import records_source, records_synthetic

SLIDES = ("national", "gap", "skills", "mentoring", "sectors", "next", "sources")
INDEX = "imdi"  # the index of the story; its latest edition is shown
SKILLS = "imdi_keterampilan"  # the digital-skills pillar: the latest edition of it or of its successor
ZONES = ("WIB", "WITA", "WIT")
ZONE_COLOURS = {"WIB": NEUTRAL, "WITA": BELOW, "WIT": HIGHLIGHT}
PRESENT_FONT = 20
PRESENT_ZOOM = 3.9  # a projector-wide map: Indonesia about 970 px wide


@dataclass
class Slide:
    key: str
    title: str
    sentences: list[str]
    figure: go.Figure | None
    alt: str
    facts: dict = field(default_factory=dict)  # the numbers the sentences state, for tests and checks
    sources: list[str] = field(default_factory=list)  # the ids of the sources it draws on


def big(fig: go.Figure) -> go.Figure:
    """Type and marks readable from the back of a hall."""
    fig.update_layout(
        font=dict(size=PRESENT_FONT),
        title_font=dict(size=PRESENT_FONT + 6),
        legend=dict(font=dict(size=PRESENT_FONT - 2)),
        height=620,
    )
    fig.update_xaxes(tickfont=dict(size=PRESENT_FONT - 2), title_font=dict(size=PRESENT_FONT))
    fig.update_yaxes(tickfont=dict(size=PRESENT_FONT - 2), title_font=dict(size=PRESENT_FONT))
    fig.update_annotations(font_size=PRESENT_FONT - 6)
    return fig


def latest(run, indicator: str) -> int:
    """The latest edition of an indicator with provincial values."""
    editions = run("indicator_editions")
    return int(editions.loc[(editions["indicator"] == indicator) & (editions["n_provinces"] > 0), "year"].max())


def latest_in_series(run, indicator: str) -> tuple[str, int]:
    """The latest edition of an indicator or of the indicator that continues it (successor_of)."""
    catalogue = run("indicator_catalogue")
    successors = catalogue.loc[catalogue["successor_of"] == indicator, "id"]
    return latest_in_series(run, successors.iloc[0]) if len(successors) else (indicator, latest(run, indicator))


def _labels(title: str, subtitle: str, source: str, lang: str) -> Labels:
    return Labels(title=title, subtitle=subtitle, source=source, lang=lang)


def _source(run, ids, lang: str) -> str:
    catalogue = run("source_catalogue").set_index("id")
    cited = "; ".join(
        f"{catalogue.loc[s, 'publisher']}, {catalogue.loc[s, 'title']}"
        for s in dict.fromkeys(ids)
        if s in catalogue.index
    )
    return t("chart.source", lang, sources=cited)


def _frame(run, indicator: str, year: int, lang: str) -> pd.DataFrame:
    frame = run("indicator_by_province", indicator=indicator, year=year).copy()
    frame["name"] = frame[reference.name_column(lang)]
    frame["short"] = frame["singkatan"]
    frame["value_text"] = [number(v, lang, 2, exact=True) for v in frame["value"]]
    frame["hover"] = [f"<b>{n}</b><br>{v}" for n, v in zip(frame["name"], frame["value_text"], strict=True)]
    return frame


def _pin_sentence(frame: pd.DataFrame, pin: str, what: str, lang: str) -> list[str]:
    row = frame[frame["province"] == pin]
    if not pin or row.empty or pd.isna(row["value"].iloc[0]):
        return []
    row = row.iloc[0]
    return [
        t(
            "story.pin",
            lang,
            name=row["name"],
            what=what,
            value=row["value_text"],
            rank=int(row["rank"]),
            n=int(row["n_ranked"]),
        )
    ]


def _map(frame: pd.DataFrame, geojson, labels: Labels, scale: maps.Scale, pin: str) -> go.Figure:
    """The province map of a frame, or the tile map where the boundaries are not built."""
    shapes = geojson(layout_of(frame))
    if shapes is None:
        tiles = reference.read_csv("tile_grid.csv").astype({"row": int, "col": int})
        return maps.tile_grid(frame, tiles, labels, scale, highlight=pin or None)
    return maps.choropleth(frame, shapes, labels, scale, highlight=pin or None, zoom=PRESENT_ZOOM)


def national(run, lang: str, pin: str, geojson: Callable[[int], dict | str | None]) -> Slide:
    indicator = INDEX
    year = latest(run, indicator)
    frame = _frame(run, indicator, year, lang)
    series = run("national_series", indicator=indicator).dropna(subset=["national"])
    first, last = series.iloc[0], series.iloc[-1]
    top = frame.dropna(subset=["value"]).iloc[0]
    bottom = frame.dropna(subset=["value"]).iloc[-1]
    what = f"IMDI {year}"
    facts = {
        "national": last["national"],
        "first": first["national"],
        "first_year": int(first["year"]),
        "top": top["province"],
        "top_value": top["value"],
        "bottom": bottom["province"],
        "bottom_value": bottom["value"],
    }
    direction = "up" if last["national"] >= first["national"] else "down"
    sentences = [
        t(
            f"story.national_{direction}",
            lang,
            year=year,
            value=number(last["national"], lang, 2),
            first_year=int(first["year"]),
            first=number(first["national"], lang, 2),
        ),
        t(
            "story.extremes",
            lang,
            top=top["name"],
            top_value=top["value_text"],
            bottom=bottom["name"],
            bottom_value=bottom["value_text"],
            gap=number(top["value"] - bottom["value"], lang, 2),
        ),
        *_pin_sentence(frame, pin, what, lang),
    ]
    labels = _labels(
        t("story.national_title", lang, year=year),
        t("story.unit_imdi", lang),
        _source(run, frame["source"].dropna(), lang),
        lang,
    )
    scale = maps.Scale(unit=t("story.unit_imdi", lang), no_data=t("common.no_data", lang))
    figure = _map(frame, geojson, labels, scale, pin)
    return Slide(
        "national",
        t("story.national_heading", lang),
        sentences,
        big(figure),
        " ".join(sentences),
        facts,
        [*frame["source"].dropna().unique(), *series["source"].dropna().unique()],
    )


def gap(run, lang: str, pin: str, geojson) -> Slide:
    indicator = INDEX
    series = run("national_series", indicator=indicator)
    years = sorted(int(y) for y in series["year"])
    rows, sources = [], []
    for year in years:
        frame = run("indicator_by_province", indicator=indicator, year=year).dropna(subset=["value"])
        sources += list(frame["source"].unique())
        means = frame.groupby("zona_waktu")["value"].mean()
        rows.append(
            {
                "year": year,
                **{z: means.get(z, np.nan) for z in ZONES},
                "cv": gaps.spread(frame["value"].to_numpy())["cv"],
            }
        )
    table = pd.DataFrame(rows)
    for zone in ZONES:
        table[f"{zone}_text"] = [number(v, lang, 2) for v in table[zone]]
    first, last = table.iloc[0], table.iloc[-1]
    start = run("indicator_by_province", indicator=indicator, year=years[0])[["province", "value"]]
    end = gaps.harmonise(
        run("indicator_by_province", indicator=indicator, year=years[-1])[["province", "value"]], reference.to_2012()
    )
    beta = gaps.beta_convergence(start, end, years[-1] - years[0])
    verdict = "closing" if beta.high < 0 else "widening" if beta.low > 0 else "unclear"
    facts = {
        "wib": last["WIB"],
        "wita": last["WITA"],
        "wit": last["WIT"],
        "gap": last["WIB"] - last["WIT"],
        "gap_first": first["WIB"] - first["WIT"],
        "cv_first": first["cv"],
        "cv_last": last["cv"],
        "slope": beta.slope,
        "verdict": verdict,
    }
    sentences = [
        t(
            "story.zones",
            lang,
            year=int(last["year"]),
            wib=number(last["WIB"], lang, 2),
            wita=number(last["WITA"], lang, 2),
            wit=number(last["WIT"], lang, 2),
            gap=number(facts["gap"], lang, 2),
            first_year=int(first["year"]),
            gap_first=number(facts["gap_first"], lang, 2),
        ),
        t(
            f"story.beta_{verdict}",
            lang,
            first_year=int(first["year"]),
            year=int(last["year"]),
            cv_first=percent(100 * first["cv"], lang),
            cv_last=percent(100 * last["cv"], lang),
            slope=number(beta.slope, lang, 2),
            low=number(beta.low, lang, 2),
            high=number(beta.high, lang, 2),
        ),
    ]
    if pin:
        zone = reference.provinces().set_index("kode").loc[pin, "zona_waktu"]
        sentences.append(t("story.pin_zone", lang, name=reference.province_name(pin, lang), zone=zone))
    labels = _labels(t("story.gap_title", lang), t("story.gap_subtitle", lang), _source(run, sources, lang), lang)
    figure = lines.editions(table, labels, lines=[(z, z, ZONE_COLOURS[z], "solid") for z in ZONES])
    return Slide(
        "gap",
        t("story.gap_heading", lang),
        sentences,
        big(figure),
        " ".join(sentences),
        facts,
        list(dict.fromkeys(sources)),
    )


def skills(run, lang: str, pin: str, geojson) -> Slide:
    indicator, year = latest_in_series(run, SKILLS)
    frame = _frame(run, indicator, year, lang)
    valued = frame.dropna(subset=["value"])
    top, bottom = valued.iloc[0], valued.iloc[-1]
    national_value = national_of(frame)
    below = int((valued["value"] < national_value).sum())
    what = pick(run("indicator_catalogue").set_index("id").loc[indicator], "short", lang) + f" {year}"
    facts = {
        "national": national_value,
        "below": below,
        "n": len(valued),
        "top": top["province"],
        "bottom": bottom["province"],
    }
    sentences = [
        t("story.skills", lang, what=what, national=number(national_value, lang, 2), below=below, n=len(valued)),
        t(
            "story.extremes",
            lang,
            top=top["name"],
            top_value=top["value_text"],
            bottom=bottom["name"],
            bottom_value=bottom["value_text"],
            gap=number(top["value"] - bottom["value"], lang, 2),
        ),
        *_pin_sentence(frame, pin, what, lang),
    ]
    labels = _labels(
        t("story.skills_title", lang, what=what),
        t("story.skills_subtitle", lang),
        _source(run, frame["source"].dropna(), lang),
        lang,
    )
    scale = maps.Scale(
        midpoint=float(national_value), unit=t("story.unit_imdi", lang), no_data=t("common.no_data", lang)
    )
    figure = _map(frame, geojson, labels, scale, pin)
    return Slide(
        "skills",
        t("story.skills_heading", lang),
        sentences,
        big(figure),
        " ".join(sentences),
        facts,
        list(frame["source"].dropna().unique()),
    )


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
    figure = bars.ranked(
        frame,
        labels,
        national=None,
        national_label="",
        no_data_label=t("common.no_data", lang),
        highlight=next(iter(pinned_areas), None),
    )
    return Slide("mentoring", t("story.mentoring_heading", lang), sentences, big(figure), " ".join(sentences), facts)


def sectors(run, lang: str, pin: str, geojson) -> Slide:
    cube = run("mentoring_cube")
    rates = rates_by(cube, "sector").sort_values("participants", ascending=False)
    catalogue = run("sector_catalogue").set_index("id")
    overall = mentoring_rates(cube)
    largest = rates.iloc[0]
    best = rates.sort_values("mean_gain", ascending=False).iloc[0]
    label = lambda s: pick(catalogue.loc[s], "name", lang)  # noqa: E731
    facts = {
        "largest": largest["sector"],
        "largest_n": int(largest["participants"]),
        "share": largest["participants"] / overall["participants"],
        "gain": overall["mean_gain"],
        "best": best["sector"],
        "best_gain": best["mean_gain"],
        "online_before": overall["online_before"],
        "online_after": overall["online_after"],
    }
    sentences = [
        t(
            "story.sectors_largest",
            lang,
            sector=label(largest["sector"]),
            n=number(largest["participants"], lang, 0),
            share=percent(100 * facts["share"], lang),
        ),
        t(
            "story.sectors_gain",
            lang,
            gain=number(overall["mean_gain"], lang, 1),
            low=number(overall["gain_low"], lang, 1),
            high=number(overall["gain_high"], lang, 1),
            sector=label(best["sector"]),
            best=number(best["mean_gain"], lang, 1),
        ),
        t(
            "story.sectors_online",
            lang,
            before=percent(100 * overall["online_before"], lang),
            after=percent(100 * overall["online_after"], lang),
        ),
    ]
    frame = pd.DataFrame(
        {
            "province": rates["sector"],
            "name": [label(s) for s in rates["sector"]],
            "value": rates["participants"].astype(float),
            "value_text": [number(v, lang, 0) for v in rates["participants"]],
        }
    )
    frame["hover"] = [f"<b>{n}</b><br>{v}" for n, v in zip(frame["name"], frame["value_text"], strict=True)]
    labels = _labels(
        t("sectors.participants_by_sector", lang), t("sectors.unit_msmes", lang), records_source(run, lang), lang
    )
    figure = bars.ranked(frame, labels, national=None, national_label="", no_data_label=t("common.no_data", lang))
    return Slide("sectors", t("story.sectors_heading", lang), sentences, big(figure), " ".join(sentences), facts)


def next_steps(run, lang: str, pin: str, geojson) -> Slide:
    need = targeting.NEEDS[0]
    denominator, denominator_year, _ = targeting.DENOMINATORS["umk"]
    x_cut, y_cut = targeting.defaults(run, need, "umk")
    table = targeting.priorities(targeting.table(run, need, "umk"), x_cut, y_cut)
    names_of = {p: reference.province_name(p, lang) for p in table["province"]}
    short = reference.provinces().set_index("kode")["singkatan"]
    chosen = table[table["priority"]].sort_values("skill")
    skill, skill_year = targeting.split_need(need)
    what = pick(run("indicator_catalogue").set_index("id").loc[skill], "short", lang)
    facts = {"priority": list(chosen["province"]), "x_cut": x_cut, "y_cut": y_cut}
    sentences = [
        t("story.next", lang, n=len(chosen), what=what, x=number(x_cut, lang, 2), y=number(y_cut, lang, 2)),
        t("story.next_names", lang, names=", ".join(names_of[p] for p in chosen["province"].head(6))),
    ]
    if pin:
        row = table[table["province"] == pin].iloc[0]
        key = "story.pin_priority" if row["priority"] else "story.pin_not_priority"
        sentences.append(t(key, lang, name=names_of[pin]))
    frame = table.assign(
        x=table["skill"],
        y=table["coverage"],
        short=table["province"].map(short),
        hover=[names_of[p] for p in table["province"]],
    )
    labels = _labels(
        t("targeting.chart_title", lang, need=f"{what} {skill_year}"),
        t("targeting.chart_subtitle", lang, unit=t("option.per.umk", lang)),
        records_source(run, lang),
        lang,
    )
    figure = scatter.quadrant(
        frame.dropna(subset=["x", "y"]),
        labels,
        x_title=f"{what} {skill_year}",
        y_title=t("targeting.y_axis", lang, unit=t("option.per.umk", lang)),
        x_cut=x_cut,
        y_cut=y_cut,
        priority_name=t("targeting.priority", lang),
        other_name=t("targeting.other", lang),
        corner_text=t("targeting.corner", lang),
    )
    used = [
        *run("indicator_by_province", indicator=skill, year=skill_year)["source"].dropna().unique(),
        *run("indicator_by_province", indicator=denominator, year=denominator_year)["source"].dropna().unique(),
    ]
    return Slide("next", t("story.next_heading", lang), sentences, big(figure), " ".join(sentences), facts, used)


def sources_slide(run, lang: str, earlier: list[Slide]) -> Slide:
    """Every source the other slides draw on, in the order they first appear."""
    catalogue = run("source_catalogue").set_index("id")
    used = [s for s in dict.fromkeys(s for slide in earlier for s in slide.sources) if s in catalogue.index]
    records = "story.sources_synthetic" if records_synthetic(run) else "story.sources_imported"
    sentences = [
        f"{catalogue.loc[s, 'publisher']}: {catalogue.loc[s, 'title']} ({catalogue.loc[s, 'year']})" for s in used
    ] + [t(records, lang), t("story.sources_link", lang)]
    return Slide(
        "sources", t("story.sources_heading", lang), sentences, None, " ".join(sentences), {"used": used}, used
    )


BUILD = {
    "national": national,
    "gap": gap,
    "skills": skills,
    "mentoring": mentoring,
    "sectors": sectors,
    "next": next_steps,
}


def slides(run, lang: str, pin: str, geojson: Callable[[int], dict | str | None]) -> list[Slide]:
    """The whole story. run(name, **params) runs a named query; geojson(layout) gives the map."""
    deck = [BUILD[key](run, lang, pin, geojson) for key in SLIDES if key in BUILD]
    return deck + [sources_slide(run, lang, deck)]


def to_html(deck: list[Slide], lang: str, title: str) -> str:
    """The story as one self-contained HTML file: plotly.js inside, no request to any server,
    arrow keys or PageUp/PageDown move between slides, printing gives one slide per page."""
    import html

    import plotly.io as pio

    sections = []
    for i, slide in enumerate(deck):
        chart = (
            pio.to_html(
                slide.figure,
                full_html=False,
                include_plotlyjs="inline" if i == 0 else False,
                config={"displaylogo": False, "responsive": True},
            )
            if slide.figure
            else ""
        )
        text = "".join(f"<p>{html.escape(s)}</p>" for s in slide.sentences)
        sections.append(
            f'<section class="slide" id="slide-{i + 1}" aria-label="{html.escape(slide.title)}">'
            f'<h1>{html.escape(slide.title)}</h1>{text}<div class="chart">{chart}</div>'
            f"<footer>{i + 1} / {len(deck)} · {html.escape(title)}</footer></section>"
        )
    return HTML_PAGE.format(lang=lang, title=html.escape(title), sections="".join(sections))


HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
html {{ scroll-snap-type: y mandatory; }}
body {{ margin: 0; font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; color: #111; background: #fff; }}
.slide {{ min-height: 100vh; box-sizing: border-box; padding: 3vh 4vw; scroll-snap-align: start; }}
h1 {{ font-size: 44px; margin: 0 0 12px; }}
p {{ font-size: 30px; line-height: 1.3; margin: 6px 0; }}
footer {{ font-size: 18px; color: #444; margin-top: 8px; }}
@media print {{ .slide {{ page-break-after: always; min-height: auto; }} }}
</style></head><body>{sections}
<script>
const slides = [...document.querySelectorAll('.slide')];
function current() {{ return slides.findIndex(s => s.getBoundingClientRect().top > -window.innerHeight / 2); }}
document.addEventListener('keydown', e => {{
  const step = ['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key) ? 1
             : ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key) ? -1 : 0;
  if (!step) return;
  e.preventDefault();
  const next = Math.max(0, Math.min(slides.length - 1, current() + step));
  slides[next].scrollIntoView({{behavior: 'instant'}});
}});
</script></body></html>
"""
