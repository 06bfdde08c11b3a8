"""Presentasi / Presentation: the story on a projector (page.py), with the QR code's slide
(slide.py); the story's slides are built by each page's slide.py (inklusi/story/deck.py)."""

from inklusi.site import decks
from inklusi.site.declare import Field, Options, Page, as_int
from inklusi.story.plan import SLIDES

KIOSK_SECONDS = (0, 10, 20, 30, 60)  # the kiosk's seconds a slide; 0: no kiosk


def declares(options: Options) -> list[Field]:
    return [
        Field("slide", lambda s: list(range(1, len(SLIDES) + 1)), lambda s: 1, as_int),
        Field("pin", lambda s: ["", *options.provinces], lambda s: ""),
        Field("kiosk", lambda s: list(KIOSK_SECONDS), lambda s: 0, as_int),
        Field("qr", lambda s: [0, 1], lambda s: 0, as_int),
        Field("speaker", lambda s: [0, 1], lambda s: 0, as_int),
        Field("deck", lambda s: decks.Tokens(), lambda s: "", decks.parse),
    ]


PAGE = Page("present", ":material/slideshow:", ("slide", "pin", "kiosk", "qr", "speaker", "deck"), None, declares)
