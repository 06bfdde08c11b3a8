"""The story's slide of the QR code: the room's way in (the page draws the code of the address the
audience reaches)."""

from __future__ import annotations

from inklusi.i18n import t
from inklusi.story.slide import Slide


def qr_slide(lang: str) -> Slide:
    """The room's way in: a QR code of the presentation's link (drawn by the page or the file,
    which know the address the audience can reach)."""
    sentences = [t("story.qr", lang)]
    return Slide("qr", t("story.qr_heading", lang), sentences, None, notes=[t("notes.qr", lang)])
