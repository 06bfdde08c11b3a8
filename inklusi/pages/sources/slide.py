"""The story's closing slide: every source the slides before it drew on."""

from __future__ import annotations

from inklusi.i18n import t
from inklusi.story.slide import Slide
from inklusi.words.citations import cite
from inklusi.words.narrative import PRESENTED, records_synthetic


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
