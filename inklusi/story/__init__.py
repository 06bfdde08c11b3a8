"""The presenter's story: slides computed from the data, sentences in either language.

No number is typed into the text: every figure in a sentence comes from a query result, so
the story follows the data. A pinned province (NTT in Labuan Bajo) is highlighted on every
slide and named in its sentences. The slides on skills are in story/skills.py, those on MSMEs
in story/msme.py, the closing ones in story/closing.py; story/html.py writes the file.
"""

from __future__ import annotations

from typing import Callable

from inklusi.story import closing, msme, skills
from inklusi.story.base import Slide
from inklusi.story.html import to_html

BUILD = {
    "national": skills.national,
    "gap": skills.gap,
    "skills": skills.skills,
    "adoption": msme.adoption,
    "msme": msme.going_digital,
    "mentoring": msme.mentoring,
    "next": closing.next_steps,
}
SLIDES = (*BUILD, "sources")

__all__ = ["SLIDES", "Slide", "slides", "to_html"]


def slides(run, lang: str, pin: str, geojson: Callable[[int], dict | str | None]) -> list[Slide]:
    """The whole story. run(name, **params) runs a named query; geojson(layout) gives the map."""
    deck = [build(run, lang, pin, geojson) for build in BUILD.values()]
    return deck + [closing.sources_slide(run, lang, deck)]
