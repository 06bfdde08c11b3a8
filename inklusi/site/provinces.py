"""The provinces a link names (`provinces=31,ntt,Papua Pegunungan`): codes or names the alias table
knows, each kept once, at most eight. The compare and World pages, their exports and `export
--from-url` read the field through these functions, so a link keeps and drops the same provinces
everywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inklusi.store import reference

MAX_PROVINCES = 8
MAX_TEXT = 200  # longer URL text is refused outright (viewstate falls back to "no selection")
_TEXT = re.compile(r"[0-9A-Za-z ,._-]{0,%d}" % MAX_TEXT)


@dataclass(frozen=True)
class Choice:
    """The provinces a link asks for: those kept, in the link's order, and those dropped with
    the reason (unknown, repeated or beyond the eighth)."""

    kept: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    repeated: tuple[str, ...] = ()
    beyond: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The kept provinces as the link writes them."""
        return ",".join(self.kept)


def as_text(raw: str) -> str:
    """The URL text of the provinces field, or ValueError for text that cannot be a list of codes."""
    if not _TEXT.fullmatch(raw):
        raise ValueError(raw)
    return raw


def choose(text: str, fallback: str = "") -> Choice:
    """The provinces named in comma-separated text (Kemendagri codes or names the alias table
    knows: "31,ntt,Papua Pegunungan"); with none named, the fallback province (the one chosen
    or pinned on another page), if any."""
    kept, unknown, repeated, beyond = [], [], [], []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        code = reference.match_province(item)
        if code is None:
            unknown.append(item)
        elif code in kept:
            repeated.append(item)
        elif len(kept) == MAX_PROVINCES:
            beyond.append(item)
        else:
            kept.append(code)
    if not kept and fallback:
        kept.append(fallback)
    return Choice(tuple(kept), tuple(unknown), tuple(repeated), tuple(beyond))
