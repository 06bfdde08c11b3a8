"""The presenter's story: its slides in the order of data/story.csv (inklusi/story/plan.py), each
built from the data in either language by its page's slide module (inklusi/pages/NAME/slide.py).

No number is typed into the text: every figure in a sentence comes from a query result, so the
story follows the data. A pinned province (NTT in Labuan Bajo) is highlighted on every slide and
named in its sentences. inklusi/story/slide.py holds what every slide shares, html.py writes the
story as one file.
"""

from __future__ import annotations

from typing import Callable

from inklusi.i18n import t
from inklusi.pages.adoption.slide import adoption
from inklusi.pages.gaps.slide import gap
from inklusi.pages.overview.slide import index_map, national, skills
from inklusi.pages.present.slide import qr_slide
from inklusi.pages.sectors.slide import going_digital, mentoring
from inklusi.pages.sources.slide import sources_slide
from inklusi.pages.targeting.slide import next_steps
from inklusi.pages.world.slide import standing_slide
from inklusi.story.plan import SLIDES
from inklusi.story.slide import PROJECTOR, Screen, Slide

# The slides drawn from the data: build(run, lang, pin, geojson). The QR code's slide needs only the
# language; the sources' slide lists what the slides before it drew on.
BUILD = {
    "national": national,
    "gap": gap,
    "skills": skills,
    "adoption": adoption,
    "msme": going_digital,
    "mentoring": mentoring,
    "next": next_steps,
    "world": standing_slide,
}
# The slides whose map plays through the editions: the map of one edition on a fixed colour scale,
# draw(run, lang, pin, geojson, year, span) -> (figure, text alternative).
PLAYED = {"national": index_map}


def slides(
    run, lang: str, pin: str, geojson: Callable[[int], dict | str | None], screen: Screen = PROJECTOR
) -> list[Slide]:
    """The whole story, its charts drawn for a screen. run(name, **params) runs a named query;
    geojson(layout) gives the map."""
    deck: list[Slide] = []
    for key in SLIDES:
        if key == "qr":
            slide = qr_slide(lang)
        elif key == "sources":
            slide = sources_slide(run, lang, deck)
        else:
            slide = BUILD[key](run, lang, pin, geojson)
        slide.screen = screen  # the figures are drawn for it when first asked for
        slide.topic = t(f"story.{key}_topic", lang) if key in BUILD else slide.title
        deck.append(slide)
    catalogue = run("source_catalogue").set_index("id")
    for slide in deck:  # every slide's notes end with the sources it draws on
        slide.notes += [
            t(
                "notes.source",
                lang,
                publisher=catalogue.loc[s, "publisher"],
                title=catalogue.loc[s, "title"],
                year=catalogue.loc[s, "year"],
            )
            for s in slide.sources
            if s in catalogue.index
        ]
    return deck
