"""Bandingkan / Compare: up to eight provinces and the nation on one indicator over its editions.

The page (inklusi/ui/compare.py), its export (inklusi/export/view.py) and `export --from-url` read the
same link through these functions, so that a link keeps and drops the same provinces everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

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


def series(run, indicator: str, provinces: tuple[str, ...]) -> pd.DataFrame:
    """Each province's values over every edition (queries/indicator_series.sql), one row per
    province and edition. A province had no value of its own before it was formed: where the
    query gives its parent's value (via_parent), the value is left out here (no point), and
    `undivided` marks a value of Papua or Papua Barat before the 2022 split, which covered the
    provinces formed from it."""
    parts = []
    formed = reference.provinces().set_index("kode")["tahun_dibentuk"].astype(int)
    split = set(reference.provinces().query("kode != kode_2012")["kode_2012"])  # Papua, Papua Barat
    for code in provinces:
        frame = run("indicator_series", indicator=indicator, province=code).assign(province=code)
        gone = frame["via_parent"].fillna(False).astype(bool) | (frame["year"] < formed[code])
        frame.loc[gone, ["value", "rank", "n_ranked", "percentile"]] = None
        frame["undivided"] = (frame["layout"] == 34) & (code in split) & frame["value"].notna()
        parts.append(frame)
    columns = ["province", "year", "layout", "value", "undivided", "flag", "reliability", "source", "national"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def layouts_around(editions: pd.DataFrame, year: int) -> tuple[int, int]:
    """(layout of the edition before year, layout of year) from editions (year, layout rows)."""
    layouts = editions.drop_duplicates("year").set_index("year")["layout"].sort_index()
    before = layouts[layouts.index < year]
    return int(before.iloc[-1]) if len(before) else int(layouts[year]), int(layouts[year])


def parents_compared(provinces: tuple[str, ...]) -> list[tuple[str, str]]:
    """(province, its parent) for each chosen province formed in 2022 whose parent is also chosen:
    before the split, the parent's line is the undivided province that included it."""
    parent = reference.to_2012()
    return [(code, parent[code]) for code in provinces if parent[code] != code and parent[code] in provinces]
