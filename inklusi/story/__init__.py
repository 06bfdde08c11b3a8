"""The presenter's story: slides computed from the data, sentences in either language.

No number is typed into the text: every figure in a sentence comes from a query result, so
the story follows the data. A pinned province (NTT in Labuan Bajo) is highlighted on every
slide and named in its sentences. The slides on skills are in story/skills.py, those on MSMEs
in story/msme.py, the one on Indonesia among the G20 in story/world.py, the closing ones in
story/closing.py; story/html.py writes the file.
"""

from __future__ import annotations

from typing import Callable

from inklusi.i18n import t
from inklusi.story import closing, msme, skills, world
from inklusi.story.base import PHONE, PROJECTOR, Chart, Screen, Slide, fit
from inklusi.story.html import to_html
from inklusi.story.skills import index_map

BUILD = {
    "national": skills.national,
    "gap": skills.gap,
    "skills": skills.skills,
    "adoption": msme.adoption,
    "msme": msme.going_digital,
    "mentoring": msme.mentoring,
    "next": closing.next_steps,
    "world": world.standing_slide,
}
SLIDES = (*BUILD, "qr", "sources")

__all__ = ["PHONE", "PROJECTOR", "SLIDES", "Chart", "Screen", "Slide", "fit", "index_map", "slides", "to_html"]


def slides(
    run, lang: str, pin: str, geojson: Callable[[int], dict | str | None], screen: Screen = PROJECTOR
) -> list[Slide]:
    """The whole story, its charts drawn for a screen. run(name, **params) runs a named query;
    geojson(layout) gives the map."""
    deck = [build(run, lang, pin, geojson) for build in BUILD.values()]
    for slide in deck:
        slide.screen = screen  # the figures are drawn for it when first asked for
    deck = [*deck, closing.qr_slide(lang), closing.sources_slide(run, lang, deck)]
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
