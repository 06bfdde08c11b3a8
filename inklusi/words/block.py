"""The shape of every generated text a room or an official reads (DESIGN.md, "Words for the room"):
a headline (one message, at most 15 words, the verdict in plain words), at most three short
sentences, and the evidence where a reader who wants it finds it: on a slide in the speaker notes,
on a page in a "How we know" part, in an export as data."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_SENTENCES = 3


@dataclass(frozen=True)
class Block:
    headline: str
    sentences: list[str]
    evidence: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.sentences) > MAX_SENTENCES:
            raise ValueError(f"a block holds at most {MAX_SENTENCES} sentences: {self.sentences}")

    @property
    def text(self) -> str:
        """The face of the block: its headline and sentences."""
        return " ".join([self.headline.rstrip(".") + ".", *self.sentences])
