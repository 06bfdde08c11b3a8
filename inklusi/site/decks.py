"""A deck and its speaker view on the same slide: both links hold the deck's token (`deck=`), and
the slide each shows is kept here, in the server process, under that token. Whichever window
moves writes the slide; the other reads it within a second (inklusi/pages/present/page.py polls) and follows. Under
`make serve` both windows reach the same replica (nginx's affinity cookie), so one process holds
both. Two presenters have two tokens; the room's phones open links without one and follow
nothing. The speaker's clock starts on the first move and can be reset.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass

TOKEN = re.compile(r"[0-9a-f]{12}")
KEPT = 500  # decks remembered; the oldest is forgotten first


@dataclass
class Position:
    slide: int
    started: float | None = None  # time.time() of the first move, None until then or after a reset


_decks: dict[str, Position] = {}
_lock = threading.Lock()


def new_token() -> str:
    return secrets.token_hex(6)


def parse(text: str) -> str:
    """A token from a link (twelve hexadecimal digits), else ValueError."""
    if not TOKEN.fullmatch(text):
        raise ValueError(f"not a deck token: {text[:20]!r}")
    return text


class Tokens:
    """The options of the `deck` field: no token, or any well-formed one (parse checks the form)."""

    def __contains__(self, value: object) -> bool:
        return value == "" or (isinstance(value, str) and bool(TOKEN.fullmatch(value)))


def join(token: str, slide: int) -> int:
    """The slide the deck of token is on; a deck not seen yet starts on the window's slide."""
    with _lock:
        position = _decks.setdefault(token, Position(slide))
        while len(_decks) > KEPT:
            del _decks[next(iter(_decks))]
        return position.slide


def move(token: str, slide: int) -> None:
    """A window of the deck moved to slide; the clock starts with the first move."""
    with _lock:
        position = _decks.setdefault(token, Position(slide))
        position.slide = slide
        if position.started is None:
            position.started = time.time()


def where(token: str) -> Position | None:
    with _lock:
        found = _decks.get(token)
        return Position(found.slide, found.started) if found else None


def reset_clock(token: str) -> None:
    with _lock:
        if token in _decks:
            _decks[token].started = None
